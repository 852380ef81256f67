"""What the `trial` session found at 80 columns on the whole shared corpus: lines that began with closing
punctuation (`show ID --turns`, `show ID#N`, `diff`), a host name cut inside a word, the ingest summary's
notes wrapped back to the first column, the stats summary out of line."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group

from briefarc.diff import Change
from briefarc.output.analysis import numbered_turns, turn_panel
from briefarc.output.diffview import changes_text
from briefarc.output.render import site_cell, stats_renderable
from briefarc.output.wrap import CLOSING
from tests.test_table_cells_punctuation import CHINESE


def rendered(renderable, width: int = 80) -> list[str]:
    """The lines `renderable` makes, drawn as the commands draw it: in a Group (Console.print joins a loose
    Text into a plain one, which would lose Wrapped's rules)."""
    out = StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(Group(renderable))
    return out.getvalue().splitlines()


def opening_with_closing(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip() and line.lstrip()[0] in CLOSING]


def turn(number: int, text: str, role: str = "answer") -> dict:
    return {"id": 3, "turn": number, "date": "2018-06-13", "title": "2018年6月13日外交部发言人耿爽主持例行记者会",
            "role": role, "speaker": "耿爽" if role == "answer" else "问", "text": text}


def test_turns_of_a_chinese_transcript_never_begin_a_line_with_closing_punctuation():
    """`show 3 --turns` and `show 3#2` of a real China MFA transcript at 80 columns put "，" first on lines
    (`show 3` did not: its paragraphs wrap with output/wrap.py, the turns did not)."""
    for width in range(60, 101):
        turns = [turn(shift + 1, CHINESE[shift:]) for shift in range(4)]
        assert not opening_with_closing(rendered(numbered_turns(turns), width)), width
        one = {**turn(2, CHINESE[1:]), "question": turn(1, CHINESE[2:], "question")}
        assert not opening_with_closing(rendered(turn_panel(one), width)), width


def test_a_diff_line_never_begins_with_the_ellipsis_or_closing_punctuation():
    """`diff 288 1 3` on the State Department feed history: "… individuals responsible" then "…" alone on
    the next line."""
    english = [Change("delete", "Imposition of"), Change("insert", "Action to impose"),
               Change("equal", "visa restrictions on 25 individuals responsible for the crackdown")]
    for width in range(60, 101):
        for words in range(4):
            changes = [Change("equal", "word " * words), *english]
            assert not opening_with_closing(rendered(changes_text("~ ", changes, True), width)), (width, words)
    chinese = [Change("delete", "外长"), Change("insert", "外交部长"), Change("equal", CHINESE)]
    for width in range(60, 101):
        assert not opening_with_closing(rendered(changes_text("~ ", chinese, False), width)), width


def test_a_host_wraps_after_its_dots_not_inside_a_word():
    """`list` and `speakers` showed the site `news.xinhua.example` as "news.xinhua.exam" / "ple"."""
    assert rendered(site_cell("news.xinhua.example", 16), 16) == ["news.xinhua.", "example"]
    assert rendered(site_cell("www.mofa.gov.pk", 16), 16) == ["www.mofa.gov.pk"]


def test_stats_sizes_end_in_the_same_column():
    """`stats` printed "Raw bytes  10.0 MB" under the counts, and "Database   31.6 MB  /path" twenty cells to
    the left of them."""
    stats = {"documents": 329, "versions": 332, "snapshots": 332, "removed": 0, "raw_bytes": 10_500_000,
             "database_bytes": 33_100_000, "path": "/tmp/trial/all.db", "by_source": [], "by_kind": [],
             "by_year": [], "by_language": []}
    lines = rendered(stats_renderable(stats))[:6]
    assert len({len(line.split("  /")[0]) for line in lines}) == 1, lines


def test_ingest_summary_notes_wrap_under_their_first_word_on_a_terminal():
    """The notes after `briefarc ingest ../shared/corpus` at 80 columns went on from the first column."""
    from briefarc.files.ingest import IngestReport
    from briefarc.output.progress import print_ingest_summary

    report = IngestReport(added=315, listings=21, unplaced=445, assumed={"fmprc": 273, "mea.gov.in": 1})
    report.failed.append(("saved/" + "very-long-folder-name/" * 5 + "page.html",
                          "the file is not a web page (it starts like a PDF document): not archived"))
    out = StringIO()
    print_ingest_summary(Console(file=out, width=80, force_terminal=True, color_system=None), report)
    lines = out.getvalue().splitlines()
    notes = ("  site", "  21 listing", "  failed")
    assert len(lines) > 6 and all(line.startswith("    ") for line in lines[1:] if not line.startswith(notes)), lines
    # the path wider than the screen left whole, the reason below it
    assert any(line.startswith("    the file is not a web page") for line in lines)
    out = StringIO()  # into a file: each note whole on one line, as before
    print_ingest_summary(Console(file=out, width=80, color_system=None), report)
    assert len(out.getvalue().splitlines()) == 5


def test_search_by_source_wraps_titles_as_search_does():
    """`search 台湾 --by source` drew titles as plain text (a line could open with "，") and the full name of the
    China MFA over five lines, where `search` cut it to three (h140: both give it whole, in five)."""
    from briefarc.output.analysis import grouped_hits
    from tests.test_table_cells_punctuation import cell_lines

    site = "Ministry of Foreign Affairs of the People's Republic of China"
    for width in range(70, 101):  # narrower, the title column is one character wide: "。" has a line of its own
        groups = [{"week": "2018-W27", "source": site, "count": 4,
                   "hits": [{"id": shift + 1, "published_date": "2018-07-04", "title": CHINESE[shift:70],
                             "snippet": CHINESE[shift:]} for shift in range(4)]}]
        lines = cell_lines(grouped_hits(groups), width)
        assert not opening_with_closing(lines), width
        assert "Republic of" in lines and "China (4)" in lines, (width, lines[:12])


def test_counts_of_one_are_singular():
    """"Document 3, 1 turns" over a one-turn document, "+1 words -1 words" over a diff, "Skipped 1 records"."""
    from briefarc.files.ingest import IngestReport
    from briefarc.output.progress import print_ingest_summary

    assert "Document 3, 1 turn" in rendered(numbered_turns([turn(1, "Good afternoon.")]))[0]
    assert "Document 3, 2 turns" in rendered(numbered_turns([turn(1, "Hello."), turn(2, "Thanks.")]))[0]
    for skipped, words in ((1, "1 record with"), (3, "3 records with")):
        out = StringIO()
        print_ingest_summary(Console(file=out, width=200), IngestReport(added=1, skipped=skipped))
        assert f"Skipped {words} no HTML page." in out.getvalue()
    one_link = IngestReport(added=1, listings=1, listed=[("item", "https://example.org/list")], unplaced=1)
    out = StringIO()
    print_ingest_summary(Console(file=out, width=200), one_link)
    assert "1 article link noted as pending" in out.getvalue()
    assert "1 relative link left out" in out.getvalue()


def test_fetch_summary_lines_wrap_under_their_first_word_on_a_terminal():
    """`fetch --dry-run`'s "would fetch" lines and a source's notes and failures wrap as ingest's notes do: an
    address wider than the screen whole, the lines after the first indented; into a file, one line each."""
    from briefarc.collect import SourceReport
    from briefarc.output.progress import print_fetch_summary

    report = SourceReport(name="mofa [bold]x[/bold]", fetched=1)
    long_url = "https://mofa.example.org/" + "very-long-path-segment/" * 5 + "page"
    report.planned = [{"url": long_url, "title": "t", "published": "2025-01-02"},
                      {"url": "https://mofa.example.org/p2", "title": "t", "published": None}]
    report.failures = [("https://mofa.example.org/p3", "the server answered 503 Service Unavailable " * 3)]
    out = StringIO()
    print_fetch_summary(Console(file=out, width=60, force_terminal=True, color_system=None), [report], dry_run=True)
    lines = out.getvalue().splitlines()
    assert "  would fetch: 2025-01-02" in lines and ("    " + long_url) in lines, lines
    assert "  would fetch: https://mofa.example.org/p2" in lines, lines
    failed = lines.index(next(line for line in lines if line.startswith("  failed:")))
    assert lines[failed + 1].startswith("    503 Service"), lines
    out = StringIO()
    print_fetch_summary(Console(file=out, width=60, color_system=None), [report], dry_run=True)
    assert f"  would fetch: 2025-01-02 {long_url}" in out.getvalue().splitlines()


def test_search_by_source_never_folds_a_titles_word():
    """`search Taiwan --by source` at 76-87 columns folded "Spokesperson's" in a title ten cells wide beside the
    snippet: the snippet now gives way until the title's share holds its longest word."""
    from briefarc.output.analysis import grouped_hits
    from tests.test_table_cells_punctuation import cell_lines

    titles = ["Foreign Ministry Spokesperson's Regular Press Conference on December 26, 2019",
              "Transcript of the Press Briefing by the Spokesperson on Thursday, 16th January 2025"]
    site = "Ministry of Foreign Affairs of the People's Republic of China"
    for width in range(60, 121):
        groups = [{"week": "2019-W52", "source": site, "count": 2,
                   "hits": [{"id": n + 1, "published_date": "2019-12-26", "title": title,
                             "snippet": "the spokesperson said that the talks would resume in January"}
                            for n, title in enumerate(titles)]}]
        # at 60-61 columns each hit is lines (no room for the snippet in the table: h168), no table's cells
        words = " ".join(cell_lines(grouped_hits(groups), width) or rendered(grouped_hits(groups), width)).split()
        assert "Spokesperson's" in words and "Spokesperson" in words, width
