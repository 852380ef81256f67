"""The corpus commands at 80 columns: ids, turn numbers, dates, names and numbers are never cut; the text
columns (context, snippets, answers, bars) give way instead."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.analysis_archives import build
from tests.conftest import SAMPLES


@pytest.fixture
def narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def fits(output: str) -> list[str]:
    lines = output.splitlines()
    assert lines and all(cell_len(line) <= 80 for line in lines), max(lines, key=cell_len)
    return lines


def test_kwic_keeps_references_and_dates(cli, sources_db, narrow):
    for term in ("Taiwan", "台湾", "Hong Kong"):
        found = cli("kwic", term, "--limit", "20", "--db", sources_db, "--json").jsonl()
        rows = [line for line in fits(cli("kwic", term, "--limit", "20", "--db", sources_db).stdout) if line]
        assert len(rows) == len(found) > 3
        for row, line in zip(rows, found, strict=True):
            ref = f"{line['id']}#{line['turn']}" if line["turn"] else str(line["id"])
            assert row.split()[:3] == [ref, line["date"], line["source"]] and "…" not in row
        assert len({cell_len(row[:row.lower().index(term.lower(), 30)]) for row in rows}) == 1  # one centre column


def test_kwic_shortens_a_long_source_name_before_the_context(cli, tmp_path, narrow):
    db = build(tmp_path / "unfiled.db", {None: [SAMPLES / "china-mfa-en-new.html", SAMPLES / "china-mfa-zh.html"]})
    found = cli("kwic", "China", "--db", db, "--json").jsonl()
    site = "Ministry of Foreign Affairs of the People's Republic of China"
    assert found and {line["source"] for line in found} == {site}  # filed under no source: the site's own name
    lines = [line for line in fits(cli("kwic", "China", "--db", db).stdout) if line]
    centre = set()
    for row, line in zip(lines, found, strict=True):
        assert row.split()[1] == line["date"] and "Ministry of" in row and site not in row
        centre.add(cell_len(row[:row.index(f" {line['match']} ", row.index("…") + 12)]))  # 12 cells of context
    assert len(centre) == 1
    narrow_context = [line for line in fits(cli("kwic", "China", "--width", "12", "--db", db).stdout) if line]
    assert narrow_context and all("Ministry of Foreign Affairs" in row for row in narrow_context)  # room left


def test_trend_chart_fits(cli, sources_db, narrow):
    rows = cli("trend", "Taiwan", "台湾", "tariffs", "--by", "quarter", "--db", sources_db, "--json").jsonl()
    lines = fits(cli("trend", "Taiwan", "台湾", "tariffs", "--by", "quarter", "--db", sources_db).stdout)
    assert len(lines) == len(rows)  # one line per period and term: nothing wrapped
    for line, row in zip(lines, rows, strict=True):
        mentions = "1 mention" if row["mentions"] == 1 else f"{row['mentions']} mentions"  # never "1 mentions"
        assert line.endswith(f"{row['term_documents']}/{row['documents']} docs, {mentions}")
    assert any(row["mentions"] == 1 for row in rows) and any(row["mentions"] != 1 for row in rows)


@pytest.mark.parametrize("columns", [60, 50, 40])
def test_a_narrow_trend_chart_gives_up_its_bars_not_its_counts(cli, sources_db, monkeypatch, columns):
    """At 60 columns "2/20 docs, 4 mention" lost its s, at 50 the mentions went: the bars kept ten cells."""
    monkeypatch.setenv("COLUMNS", str(columns))
    rows = cli("trend", "Taiwan", "台湾", "--by", "year", "--db", sources_db, "--json").jsonl()
    lines = cli("trend", "Taiwan", "台湾", "--by", "year", "--db", sources_db).stdout.splitlines()
    assert len(lines) == len(rows) and all(cell_len(line) <= columns for line in lines)
    for line, row in zip(lines, rows, strict=True):
        mentions = "1 mention" if row["mentions"] == 1 else f"{row['mentions']} mentions"
        assert line.endswith(f"{row['term_documents']}/{row['documents']} docs, {mentions}")


def test_tables_keep_names_dates_and_numbers(cli, sources_db, narrow):
    outlets = cli("outlets", "--db", sources_db, "--json").jsonl()
    table = "\n".join(fits(cli("outlets", "--db", sources_db).stdout))
    assert all(row["outlet"] in table and row["first"] in table for row in outlets)
    keywords = cli("keywords", "--since", "2020", "--lang", "en", "--limit", "8", "--db", sources_db, "--json")
    table = "\n".join(fits(cli("keywords", "--since", "2020", "--lang", "en", "--limit", "8",
                               "--db", sources_db).stdout))
    # the table gives every score of its column the decimals of the most precise one (28.80 beside 89.84)
    places = max(len(repr(row["score"]).partition(".")[2]) for row in keywords.jsonl())
    assert all(f" {row['score']:.{places}f} " in table or f" {row['score']:.{places}f}│" in table
               for row in keywords.jsonl())
    turns = cli("search", "Taiwan", "--in", "answers", "--limit", "5", "--db", sources_db, "--json").jsonl()
    table = "\n".join(fits(cli("search", "Taiwan", "--in", "answers", "--limit", "5", "--db", sources_db).stdout))
    assert all(f"{turn['id']}#{turn['turn']} " in table and turn["date"] in table for turn in turns)
    chinese = cli("search", "台湾", "--in", "answers", "--limit", "1", "--db", sources_db)
    assert "…" not in "\n".join(fits(chinese.stdout))  # CJK text folds: it has no spaces to wrap at
    grouped = cli("search", "台湾", "--by", "source", "--limit", "3", "--db", sources_db)
    assert "…" not in "".join(line.split("│")[4] for line in fits(grouped.stdout) if line.count("│") > 5)


def test_too_narrow_for_the_table_each_row_is_shown_as_lines(cli, sources_db, monkeypatch):
    """At 40 columns the tables of `speakers` and `keywords` cannot fit even with their headings wrapped: Rich
    squeezed the columns that are never cut, folding scores and dates over two lines and giving the source
    column no cells at all. Each row is then lines of heading and value, every value whole on its line."""
    monkeypatch.setenv("COLUMNS", "40")
    speakers = cli("speakers", "--db", sources_db, "--json").jsonl()
    lines = cli("speakers", "--db", sources_db).stdout.splitlines()
    assert lines and all(cell_len(line) <= 40 for line in lines)
    values = [line.split(None, 1)[1].rstrip() for line in lines if line.startswith(("documents ", "first "))]
    assert values == [str(value) for row in speakers for value in (row["documents"], row["first"])]
    assert sum(line.startswith("source ") for line in lines) == len(speakers)
    keywords = cli("keywords", "--since", "2020", "--limit", "5", "--db", sources_db, "--json").jsonl()
    lines = cli("keywords", "--since", "2020", "--limit", "5", "--db", sources_db).stdout.splitlines()
    scores = [line.split()[-1] for line in lines if line.startswith("score ")]
    assert scores == [f"{row['score']:.2f}" for row in keywords]


def test_turns_and_weekly_groups_at_40_columns_are_lines_not_slivers(cli, sources_db, monkeypatch):
    """At 40 columns `search --in answers` gave the text column two cells and `search --by source` the title
    one: a letter a line. Each row is then lines of heading and value, the source's name as wide as at 80."""
    monkeypatch.setenv("COLUMNS", "40")
    turns = cli("search", "Taiwan", "--in", "answers", "--limit", "3", "--db", sources_db, "--json").jsonl()
    lines = cli("search", "Taiwan", "--in", "answers", "--limit", "3", "--db", sources_db).stdout.splitlines()
    assert all(cell_len(line) <= 40 for line in lines)
    assert [line.split()[1] for line in lines if line.startswith("turn ")] == [
        f"{turn['id']}#{turn['turn']}" for turn in turns]
    grouped = cli("search", "Taiwan", "--by", "source", "--limit", "3", "--db", sources_db).stdout.splitlines()
    hits = cli("search", "Taiwan", "--by", "source", "--limit", "3", "--db", sources_db, "--json").jsonl()
    assert all(cell_len(line) <= 40 for line in grouped)
    snippets = [hit for group in hits for hit in group["hits"] if hit.get("snippet")]
    assert snippets and sum(line.startswith("snippet ") for line in grouped) == len(snippets)  # one line each
    titles = [hit["title"] for group in hits for hit in group["hits"]]
    assert [line.split(None, 1)[1].rstrip() for line in grouped if line.startswith("id ")] == [
        str(hit["id"]) for group in hits for hit in group["hits"]]
    assert all(title.split()[0] in " ".join(grouped) for title in titles)


def test_grouped_hits_keep_their_snippets_at_80_columns(cli, sources_db, narrow):
    """At 80 columns a title's long word ("Spokesperson's") left no room for a snippet column, and `search --by
    source` showed China MFA's briefings without a word of where the term was said: the snippet goes under the
    title then."""
    groups = cli("search", "Taiwan", "--by", "source", "--limit", "5", "--db", sources_db, "--json").jsonl()
    lines = fits(cli("search", "Taiwan", "--by", "source", "--limit", "5", "--db", sources_db).stdout)
    shown = " ".join(line.split("│")[5].strip() for line in lines if line.count("│") == 6)
    snippets = [hit["snippet"] for group in groups for hit in group["hits"] if hit.get("snippet")]
    assert snippets and "snippet" not in lines[1]  # no room beside the titles
    for snippet in snippets:
        words = [word for word in snippet.replace("[", " ").replace("]", " ").split() if word.isalpha()]
        assert words and all(word in shown for word in words[:3]), (words[:3], shown[:300])


def test_speakers_give_a_long_source_name_the_room_the_set_columns_leave(cli, tmp_path, narrow):
    """`speakers` at 80 columns held the China MFA's name to 16 cells, five lines a row, 9 cells unused."""
    db = build(tmp_path / "unfiled.db", {None: [SAMPLES / "china-mfa-en-new.html", SAMPLES / "china-mfa-zh.html"]})
    found = cli("speakers", "--db", db, "--json").jsonl()
    site = "Ministry of Foreign Affairs of the People's Republic of China"
    assert found and {row["source"] for row in found} == {site}
    lines = fits(cli("speakers", "--db", db).stdout)
    rows = lines[3:-1]  # between the heading's rule and the bottom edge
    assert len(rows) <= 3 * len(found), lines
    assert " ".join(line.split("│")[1].strip() for line in rows[:3]) == found[0]["source"], lines
