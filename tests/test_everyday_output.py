"""Everyday trip-ups (issue 13's remainder), through the CLI on a real archive: filters that cannot match
are usage errors, every table fits 80 columns with its headers whole, a document's site in every table."""

from __future__ import annotations

import os
import sqlite3

import pytest

from tests import siteserver as ss
from tests.conftest import SAMPLES
from tests.terminal import Terminal

FILTER_COMMANDS = (["list"], ["search", "briefing"], ["export", "-f", "jsonl"], ["speakers"], ["outlets"])


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


@pytest.mark.parametrize("command", FILTER_COMMANDS)
def test_an_unknown_source_filter_is_a_usage_error_naming_the_known_ones(cli, archive, command):
    result = cli(*command, "--source", "state-briefing", "--db", archive)
    assert result.code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "No source or site named 'state-briefing'" in lines[0]  # the samples' sites too
    # a source near the name that holds none is said to be empty (h163: nothing held is near)
    assert "Did you mean state-briefings (no documents yet)?" in lines[0] and "mofa-pk" in lines[0]
    assert cli(*command, "--source", "mofa-pk", "--db", archive).code == 0  # a known one without documents


def test_a_source_name_is_read_in_any_case(cli, db_file):
    assert cli("ingest", SAMPLES, "--source", "MOFA-PK", "--db", db_file).code == 0  # filed under mofa-pk
    listed = cli("list", "--source", "mofa-pk", "--json", "--db", db_file)
    assert listed.code == 0 and listed.stdout.count("\n") > 1
    for command in FILTER_COMMANDS:
        result = cli(*command, "--source", "Mofa-PK", "--json", "--db", db_file)
        assert result.code == 0, (command, result.stderr)
    assert cli("list", "--source", "MOFA-PK", "--json", "--db", db_file).stdout == listed.stdout
    wrong = cli("keywords", "--vs-source", "mofa-pak", "--db", db_file)  # --vs-source is checked too
    assert wrong.code == 2 and "No source named 'mofa-pak'. Did you mean mofa-pk?" in wrong.stderr
    right = cli("keywords", "--since", "2025", "--vs-source", "MOFA-PK", "--vs-until", "2024", "--db", db_file)
    assert right.code == 0 and right.stdout, right.stderr


@pytest.mark.parametrize("command", FILTER_COMMANDS)
def test_since_after_until_is_a_usage_error(cli, archive, command):
    result = cli(*command, "--since", "2025-03", "--until", "2025-02-10", "--db", archive)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Error: --since 2025-03 is after --until 2025-02-10: nothing can match (swap them?)."]
    assert cli(*command, "--since", "2025-02", "--until", "2025-02", "--db", archive).code == 0  # one month


def test_keywords_compared_range_errors_name_its_own_options(cli, archive):
    """The period keywords compares with was reported as "--since 2020 is after --until 2019", which names the
    wrong options; a bad date of it names --vs-since too."""
    result = cli("keywords", "--vs-since", "2020", "--vs-until", "2019", "--since", "2019", "--db", archive)
    assert result.code == 2 and result.stderr.strip().splitlines() == [
        "Error: --vs-since 2020 is after --vs-until 2019: nothing can match (swap them?)."]
    bad = cli("keywords", "--vs-since", "yesterday-ish", "--db", archive)
    assert bad.code == 2 and "--vs-since" in bad.stderr and "--since " not in bad.stderr


@pytest.mark.parametrize(("command", "several"), [("kwic", False), ("collocates", False), ("trend", True)])
def test_a_query_given_as_a_term_gets_advice_that_fits_the_command(cli, archive, command, several):
    """kwic and collocates take one term: "several terms as several arguments" led to "unexpected extra argument"."""
    result = cli(command, "Taiwan OR China", "--db", archive)
    assert result.code == 2 and "is a search query" in result.stderr
    assert ("several terms as several arguments" in result.stderr) is several


# -- every table at 80 columns: within the width, headers whole, long names wrapped or cut sensibly ----

HEADERS = {
    ("list",): ["id", "date", "source", "title"],
    ("search", "Kabul"): ["id", "date", "source", "title", "snippet"],
    ("sources", "list"): ["name", "kind", "on", "docs", "last run", "result"],
    ("stats",): ["Source", "Kind", "Year", "Language", "documents"],
    ("outlets",): ["outlet", "questions", "first", "last", "top_terms"],
    ("speakers",): ["source", "spokesperson", "documents", "first", "last"],
}


def header_words(output: str) -> set[str]:
    return {word.strip("┃│ ") for line in output.splitlines() for word in line.replace("┃", "│").split("│")}


@pytest.mark.parametrize("command", list(HEADERS), ids=[" ".join(c) for c in HEADERS])
def test_every_table_fits_80_columns_with_its_headers_whole(cli, archive, monkeypatch, command):
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*command, "--db", archive)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    shown = header_words(result.stdout) | set(" ".join(lines).split())
    for header in HEADERS[command]:
        parts = header.replace("_", " ").split()
        assert header in shown or all(part in shown for part in parts), (header, result.stdout)
    assert "…┃" not in result.stdout.replace(" ", "")  # no header cut


def test_a_long_site_name_is_whole_in_the_list(cli, archive, monkeypatch):
    """Cut after three lines until h140 ("Ministry of Foreign Affairs of the People's…", which Bangladesh's
    ministry would read as too): whole now, in five lines at 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")
    rows = {row["id"]: row for row in cli("list", "--limit", "100", "--json", "--db", archive).jsonl()}
    long_named = [row for row in rows.values() if row["site"] and len(row["site"]) > 48]
    assert long_named  # the Chinese ministry's English name, 61 characters
    table = cli("list", "--limit", "100", "--db", archive).stdout
    from tests.test_cjk_output import table_cells

    cells = table_cells(table)
    for row in long_named:
        assert cells[row["id"]][2].replace(" ", "") == row["site"].replace(" ", "")
    assert "…" not in "".join(cells[row["id"]][2] for row in long_named)


def test_history_says_an_unchanged_title_once_above_a_table_that_fits(cli, db_file, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    from tests.test_diff_view import body_edit, two_versions

    page = (SAMPLES / "govuk-statement.html").read_text("utf-8")
    assert two_versions(cli, db_file, page, body_edit(page)[1]) == "1"
    versions = cli("history", "1", "--json", "--db", db_file).jsonl()
    assert len(versions) == 2
    lines = cli("history", "1", "--db", db_file).stdout.splitlines()
    assert lines[0] == f"Document 1: 2 versions, published {versions[0]['published'][:10]}"
    assert lines[1] == versions[0]["title"]
    header = next(line for line in lines if line.split()[:1] == ["v"])
    assert header.split() == ["v", "archived", "words", "sha256"]
    assert max(len(line) for line in lines) <= 80


def test_the_fetch_summary_keeps_its_headers_whole(cli, db_file, site, monkeypatch):
    from tests import siteserver as ss

    site.route("/robots.txt", ss.robots())
    for day in (1, 2):
        site.route(f"/p{day}", ss.Reply(ss.article(f"Briefing {day} on trade", published=f"2025-07-2{day}")))
    site.route("/gone", ss.Reply(b"gone", 404, "text/plain"))
    monkeypatch.setenv("COLUMNS", "80")
    assert cli("fetch", site.url("/p1"), "--delay", "0", "--db", db_file).code == 0
    again = cli("fetch", site.url("/p1"), site.url("/p2"), site.url("/gone"), "--delay", "0", "--refresh",
                "--db", db_file)
    assert again.code == 3
    table = again.stderr.splitlines()
    assert max(len(line) for line in table) <= 80
    header = next(line for line in table if "source" in line)
    words = header.replace("┃", " ").split()
    assert words[:3] == ["source", "discovered", "fetched"] and "failed" in words and "added" in words
    assert "…" not in header
    monkeypatch.setenv("COLUMNS", "40")  # too narrow for the counts as columns: a line per source
    narrow = cli("fetch", site.url("/p1"), site.url("/p2"), site.url("/gone"), "--delay", "0", "--refresh",
                 "--db", db_file).stderr
    counted = [line for line in narrow.splitlines() if "http" not in line]  # not the failures, URLs whole
    assert max(len(line) for line in counted) <= 40 and "┃" not in narrow
    counts = " ".join(line.strip() for line in counted)
    assert "(urls)" in counts and "3 discovered" in counts and "1 failed" in counts and "…" not in counts


def test_export_to_a_folder_writes_markdown_and_a_file_format_into_a_folder_is_refused(cli, archive, tmp_path):
    folder = tmp_path / "notes"
    result = cli("export", "-o", f"{folder}/", "--db", archive)  # a trailing slash: a folder, so Markdown
    assert result.code == 0, result.stderr
    documents = len(cli("list", "--limit", "100", "--json", "--db", archive).jsonl())
    assert folder.is_dir() and len(list(folder.glob("*.md"))) == documents
    again = cli("export", "-o", folder, "--db", archive)  # an existing folder: Markdown too
    assert again.code == 0 and not (tmp_path / "notes.jsonl").exists()
    for fmt in ("csv", "jsonl"):
        refused = cli("export", "-f", fmt, "-o", folder, "--db", archive)
        assert refused.code == 2 and "is a folder: give -o the name of a file" in refused.stderr
    assert cli("export", "-o", tmp_path / "plain", "--db", archive).code == 0  # no ending: JSON Lines, as before
    assert (tmp_path / "plain").read_text("utf-8").startswith("{")


def test_the_pending_table_gives_its_room_to_the_urls(archive):
    term = Terminal("log", "--pending", env={**os.environ, "BRIEFARC_DB": str(archive)})
    assert term.finish() == 0
    lines = term.screen()
    rows = pending_rows(archive)
    assert rows and not any(source or error for _, source, error in rows)  # the listing sample's links
    assert [cell.strip() for cell in lines[2].split("┃")[1:-1]] == ["next try", "tries", "url"]
    joined = "".join(line.split("│")[3].strip() for line in lines if line.startswith("│"))
    for url, _, _ in rows:
        assert url in joined  # whole, folded over lines at the terminal's 80 columns, never cut


def pending_rows(archive) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(archive)
    rows = conn.execute("SELECT url, source_id, last_error FROM pending").fetchall()
    conn.close()
    return rows


def test_log_into_a_pipe_keeps_each_url_whole_on_a_line(cli, db_file, site, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    path = "/en/2025/" + "regular-press-conference-of-the-spokesperson-" * 2 + "on-12-march.htm"
    site.route("/robots.txt", ss.robots())
    site.route(path, ss.Reply(b"busy", status=503))
    assert cli("fetch", site.url(path), "--delay", "0", "--retries", "0", "--db", db_file).code == 1
    assert len(site.url(path)) > 80
    failed = cli("log", "--db", db_file)
    assert failed.code == 0 and "503" in failed.stdout
    assert any(site.url(path) in line for line in failed.stdout.splitlines()), failed.stdout
    assert all(line == line.rstrip() for line in failed.stdout.splitlines())


def test_log_pending_into_a_pipe_keeps_each_url_whole_on_a_line(cli, archive, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("log", "--pending", "--db", archive).stdout.splitlines()
    rows = pending_rows(archive)
    assert rows and max(len(line) for line in lines) > 80  # the table is as wide as its URLs need
    for url, _, _ in rows:
        assert any(url in line for line in lines), url


def test_log_pending_right_aligns_the_tries_like_other_numbers(cli, db_file):
    from briefarc.store import pending
    from briefarc.store.db import open_database

    db = open_database(db_file)
    for name, tries in (("few", 3), ("many", 12)):
        pending.note(db, f"https://example.org/{name}", source_id=None)
        for _ in range(tries):
            pending.failed(db, f"https://example.org/{name}", "403", pending.RetryPolicy(max_attempts=20))
    db.conn.close()
    lines = cli("log", "--pending", "--db", db_file).stdout.splitlines()
    tries = {line.split("│")[3].strip(): line.split("│")[2] for line in lines if "example.org" in line}
    assert tries["https://example.org/few"].endswith(" 3 ") and tries["https://example.org/many"].endswith("12 ")


def test_show_on_a_terminal_wraps_a_title_under_its_start_and_no_line_opens_with_closing_punctuation(archive):
    from briefarc.output.wrap import CLOSING

    conn = sqlite3.connect(archive)
    long_title, english = conn.execute("SELECT title, id FROM documents ORDER BY length(title) DESC").fetchone()
    chinese = [row[0] for row in conn.execute("SELECT id FROM documents WHERE language LIKE 'zh%'")]
    conn.close()
    env = {**os.environ, "BRIEFARC_DB": str(archive)}
    term = Terminal("show", str(english), "--no-pager", env=env, rows=300)
    assert term.finish() == 0
    screen = term.screen()
    start = next(number for number, line in enumerate(screen) if line.startswith("Title"))
    title_lines = screen[start:start + 2]
    assert len(long_title) > 80 - 14 and screen[start + 2].startswith("Published")
    assert not title_lines[1][:14].strip() and title_lines[1][14] != " "  # under the title's first letter
    assert " ".join(line[14:] for line in title_lines) == long_title
    for doc_id in chinese:  # 80 columns put "，" first on a line of the 2019 transcript
        term = Terminal("show", str(doc_id), "--no-pager", env=env, rows=300)
        assert term.finish() == 0
        lines = [line for line in term.screen() if line]
        assert len(lines) > 20 and not [line for line in lines if line[0] in CLOSING], doc_id


def test_parse_on_a_terminal_wraps_its_text_at_words_as_show_does(tmp_path):
    """parse shows the view show does: on a terminal its paragraphs wrap between words (the terminal's own
    wrap, had the text gone out as one line, cut "which" into "whi" and "ch"); into a pipe each stays one line."""
    words = " ".join(f"paragraph{n:03d}" for n in range(60))  # 13 columns a word: 80 falls inside one
    page = tmp_path / "long.html"
    page.write_text(f"<html lang='en'><head><title>A long paragraph</title></head><body><article>"
                    f"<h1>A long paragraph</h1><p>{words}</p></article></body></html>")
    term = Terminal("parse", str(page), env=dict(os.environ), rows=100)
    assert term.finish() == 0
    lines = [line for line in term.screen() if "paragraph0" in line or line[:1].isdigit()]  # a cut word goes on
    assert len(lines) > 1 and all(len(line) <= 80 for line in lines)
    assert " ".join(lines).split() == words.split()  # no word cut in two


def test_parse_on_a_terminal_keeps_addresses_whole_for_the_terminal_to_wrap():
    """Addresses are never cut at the screen's edge (as show keeps them): the terminal wraps them, and a copy
    of the lines gives the address whole."""
    term = Terminal("parse", str(SAMPLES / "listing-china-mfa.html"), env=dict(os.environ), rows=200)
    assert term.finish() == 0
    screen = "".join(line.ljust(80) if len(line) == 80 else line + "\n" for line in term.screen())
    assert "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202503/t20250314_11576102.html" in screen
    assert "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index.html" in screen


def test_messages_on_a_terminal_wrap_between_words_and_keep_an_address_whole():
    """A summary or an error longer than the screen wraps between words (verify's "no problems." came out as
    "prob" / "lems." at 80 columns); a word wider than the screen, an address or a path, is left whole for the
    terminal to wrap, so that a copy of it is one line; into a pipe a message is one line."""
    import io

    from rich.console import Console

    from briefarc.output.console import say

    address = "https://www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889/t1794584.shtml?from=a-long-query-string"
    message = f"Checked 286 raw pages, 295 snapshots and 295 documents in the archive: no problems. See {address} now."
    screen = io.StringIO()
    say(Console(file=screen, width=80, force_terminal=True, color_system=None), message)
    lines = screen.getvalue().splitlines()
    assert lines == ["Checked 286 raw pages, 295 snapshots and 295 documents in the archive: no", "problems. See",
                     address, "now."]
    pipe = io.StringIO()
    say(Console(file=pipe, width=80, color_system=None), message)
    assert pipe.getvalue() == message + "\n"


def test_an_error_on_a_terminal_wraps_between_words(archive):
    """The message's fixed start fills 70 columns: the terminal's own wrap cut the typed value at the 80th."""
    term = Terminal("list", "--since", "yesterday-ish", env={**os.environ, "BRIEFARC_DB": str(archive)}, rows=20)
    assert term.finish() == 2
    lines = [line for line in term.screen() if line]
    assert lines == ["Error: --since takes a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not", "'yesterday-ish'."]


def test_a_message_with_a_line_break_or_tabs_wraps_each_line_at_the_screens_width():
    """A line break in a message (a file name may hold one) starts a new line that is wrapped from its own
    start, not from the start of the message; a tab counts as the spaces it takes on screen (to Rich it is
    no cell wide, so a line of tabs ran past the edge and the terminal cut a word)."""
    import io

    from rich.console import Console

    from briefarc.output.console import say

    def lines(message: str) -> list[str]:
        screen = io.StringIO()
        say(Console(file=screen, width=40, force_terminal=True, color_system=None), message)
        return screen.getvalue().splitlines()

    words = "seven words that go on past forty columns here"
    assert lines(f"Error: a\n{words}") == ["Error: a", "seven words that go on past forty", "columns here"]
    tabbed = lines("Error:\t" + "\t".join(["word"] * 8))
    assert len(tabbed) > 1 and all(len(line) <= 40 for line in tabbed)
    assert " ".join(tabbed).split() == ["Error:"] + ["word"] * 8


def test_ingest_and_fetch_failures_on_a_terminal_wrap_between_words_as_exports_do():
    """A line "  failed: NAME: REASON" went out as one line on a terminal from ingest and fetch (export's went through
    say), so the terminal cut the reason's words in two at 80 columns."""
    import io

    from rich.console import Console

    from briefarc.collect import SourceReport
    from briefarc.files.ingest import IngestReport
    from briefarc.output.progress import print_fetch_summary, print_ingest_summary

    reason = "binary data (NUL bytes), not an HTML page: nothing in it could be read as the text of a page"
    name = "/tmp/pages/statement-of-the-spokesperson.html"
    ingest = IngestReport(failed=[(name, reason)], warnings=[(name, reason)])
    fetch = SourceReport("mfa", error=reason, failures=[("https://example.org/a/page.html", reason)],
                         notes=[reason])
    screen = io.StringIO()
    stderr = Console(file=screen, width=80, force_terminal=True, color_system=None, emoji=False)
    print_ingest_summary(stderr, ingest)
    print_fetch_summary(stderr, [fetch])
    lines = screen.getvalue().splitlines()
    assert len(lines) > 6 and all(len(line) <= 80 for line in lines), lines
    assert screen.getvalue().split().count("nothing") == 5  # no word cut in two


def test_a_hostile_100_kb_address_is_cut_in_the_log_tables(cli, db_file, monkeypatch):
    """helper-91: a listing's link of 100 KB made `log --pending` thousands of lines high at 80 columns, and
    into a pipe every line of the table 100 KB wide; --json still gives it whole."""
    from briefarc.store import pending
    from briefarc.store.db import open_database

    huge = "https://example.org/a?" + "x" * 100_000 + "&end=1"
    db = open_database(db_file)
    pending.note(db, huge, source_id=None)
    pending.note(db, "https://example.org/short", source_id=None)
    db.conn.close()
    for columns in ("80", None):  # a terminal's width, and a pipe's (no COLUMNS)
        if columns:
            monkeypatch.setenv("COLUMNS", columns)
        else:
            monkeypatch.delenv("COLUMNS", raising=False)
        out = cli("log", "--pending", "--db", db_file)
        assert out.code == 0 and "https://example.org/short" in out.stdout
        assert len(out.stdout) < 5_000 and "end=1" in out.stdout.replace("\n", "").replace("│", "").replace(" ", "")
