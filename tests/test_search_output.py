"""Search output end to end on real SQLite files: highlights scripts can trust, column filters,
query errors as usage errors, and the --lang filter."""

from __future__ import annotations

import csv
import io

import pytest

from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import save_document

PRIVATE = ("\ue000", "\ue001")
# The page holds brackets like the markers of old, and the private-use characters the search uses
# as markers now: "\ue000bold\ue001" is one token, which a search for bold must not highlight.
TRAP_BODY = ("The spokesperson wrote [bold]Not[/bold] in the bold notice, and the bold claim stood.\n\n"
             "Private marks: \ue000bold\ue001 and \ue001 bold \ue000 in the page.")


def page(title: str, body: str, lang: str = "en") -> str:
    paragraphs = "".join(f"<p>{part}</p>" for part in body.split("\n\n"))
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>")


def ingest(cli, db_file, tmp_path, name: str, html: str) -> None:
    path = tmp_path / f"{name}.html"
    path.write_text(html, "utf-8")
    result = cli("ingest", path, "--url", f"https://mofa.example/{name}", "--db", db_file)
    assert result.code == 0, result.stderr


@pytest.fixture
def trap(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path, "trap", page("Notice on forged letters", TRAP_BODY))
    return db_file


def matched(row: dict) -> list[str]:
    return [row["snippet"][start:end] for start, end in row["highlights"]]


@pytest.mark.parametrize("options", [[], ["--lang", "en"], ["--sort", "date"]],
                         ids=["ranked", "filtered", "by-date"])
@pytest.mark.parametrize("query", ["bold", "bol*"])
def test_json_snippet_is_page_text_with_highlight_offsets(cli, trap, query, options):
    rows = cli("search", query, *options, "--db", trap, "--json").jsonl()
    assert len(rows) == 1
    snippet = rows[0]["snippet"]
    assert "[bold]Not[/bold] in the bold notice" in snippet
    assert not any(char in snippet for char in PRIVATE)
    assert "Private marks: bold and  bold  in" in snippet
    assert matched(rows[0]) == ["bold"] * 5  # not the token \ue000bold\ue001
    assert rows[0]["highlights"][-1][0] == snippet.rindex("bold")


def test_csv_snippet_is_the_same_plain_text(cli, trap):
    row = cli("search", "bold", "--db", trap, "--json").jsonl()[0]
    table = list(csv.DictReader(io.StringIO(cli("search", "bold", "--db", trap, "--csv").stdout)))
    assert [cell["snippet"] for cell in table] == [row["snippet"]]


def test_csv_writes_highlights_as_json():
    from briefarc.output import render

    out = io.StringIO()
    render.write_csv([{"snippet": "[bold] bold", "highlights": [[7, 11]]}], ["snippet", "highlights"], out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["snippet", "highlights"], ["[bold] bold", "[[7, 11]]"]]


def test_table_shows_page_brackets_literally(cli, trap):
    result = cli("search", "bold", "--db", trap)
    assert result.code == 0
    assert "[bold]Not[/bold]" in result.stdout
    assert not any(char in result.stdout for char in PRIVATE)


def test_table_highlights_exactly_the_matches(trap):
    from briefarc.output import render
    from briefarc.store.search import search

    hit = search(open_database(trap, create=False), "bold")[0]
    text = render.snippet_text(hit["snippet"])
    styled = [text.plain[span.start:span.end] for span in text.spans if span.style == "bold yellow"]
    assert styled == ["bold"] * 5
    assert "[bold]Not[/bold]" in text.plain


def test_list_rows_have_no_snippet(cli, trap):
    row = cli("list", "--db", trap, "--json").jsonl()[0]
    assert "snippet" not in row and "highlights" not in row


@pytest.fixture
def torkham(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path, "t1", page("Torkham crossing reopens", "Trucks moved again on Monday."))
    ingest(cli, db_file, tmp_path, "t2", page("Flights to Kabul resume", "The first flight landed at noon."))
    ingest(cli, db_file, tmp_path, "t3", page("Weekly press briefing", "Kabul and Torkham were raised."))
    return db_file


def titles(cli, db_file, query: str) -> list[str]:
    result = cli("search", query, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    return sorted(row["title"] for row in result.jsonl())


@pytest.mark.parametrize(("query", "found"), [
    ("title:(Kabul OR Torkham)", ["Flights to Kabul resume", "Torkham crossing reopens"]),
    ("Title:Kabul", ["Flights to Kabul resume"]),
    ('title:"crossing reopens"', ["Torkham crossing reopens"]),
    ('title:"reopens crossing"', []),
    ("body:Kabul", ["Weekly press briefing"]),
    ("Trucks title:(Kabul OR Torkham)", ["Torkham crossing reopens"]),
    ("Kabul NOT title:(Kabul)", ["Weekly press briefing"]),
    ("(Kabul OR Torkham)", ["Flights to Kabul resume", "Torkham crossing reopens", "Weekly press briefing"]),
    ("foo:Kabul", []),  # an unknown column is plain text: the phrase "foo Kabul"
])
def test_column_filters(cli, torkham, query, found):
    assert titles(cli, torkham, query) == found


@pytest.mark.parametrize(("query", "message"), [
    ('"unclosed', "unclosed double quote"),
    ("(Kabul", "not closed"),
    ("Taliban AND", "ends with an operator"),
    ("title:(Kabul", "not closed"),
])
def test_query_syntax_errors_are_usage_errors(cli, torkham, query, message):
    result = cli("search", query, "--db", torkham)
    assert result.code == 2
    assert result.stderr.startswith("Error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.fixture
def languages(db_file):
    db = open_database(db_file)
    for number, language in enumerate(("zh", "zh-CN", "ZH_tw", "en", "en-GB", None)):
        url = f"https://mofa.example/{number}"
        save_document(db, Document(title=f"Briefing {language}", language=language, url=url,
                                   paragraphs=["Spokesperson remarks."]),
                      RawPage(data=b"<p>Spokesperson remarks.</p>", origin=url, url=url))
    return db_file


@pytest.mark.parametrize(("lang", "found"), [
    ("zh", ["ZH_tw", "zh", "zh-CN"]),
    ("ZH", ["ZH_tw", "zh", "zh-CN"]),
    ("zh-CN", ["ZH_tw", "zh", "zh-CN"]),
    ("zh-cn", ["ZH_tw", "zh", "zh-CN"]),
    ("EN", ["en", "en-GB"]),
    ("en-US", ["en", "en-GB"]),
    ("fr", []),
])
def test_lang_is_case_insensitive_and_matches_the_primary_subtag(cli, languages, lang, found):
    for command in (["list"], ["search", "spokesperson"], ["export", "--format", "jsonl"]):
        result = cli(*command, "--lang", lang, "--db", languages, *([] if command[0] == "export" else ["--json"]))
        assert result.code == 0, result.stderr
        assert sorted(row["language"] for row in result.jsonl()) == found, command


def test_an_enormous_title_takes_a_few_lines_of_a_table(cli, db_file, tmp_path, monkeypatch):
    """A page whose <title> and <h1> held 10,000 words made its row of `list` 1,250 lines high at 80 columns,
    burying the rows around it; tables cut a title to 300 characters, --json and show keep it whole."""
    monkeypatch.setenv("COLUMNS", "80")
    ingest(cli, db_file, tmp_path, "huge", page("Enormous " + "title word " * 5000, "The talks went on."))
    ingest(cli, db_file, tmp_path, "next", page("Weekly briefing", "The talks went on."))
    for command in (("list",), ("search", "talks")):
        lines = cli(*command, "--db", db_file).stdout.splitlines()
        assert len(lines) < 30 and any("Weekly briefing" in line for line in lines)
        assert any("…" in line for line in lines)
    assert len(cli("list", "--db", db_file, "--json").jsonl()[1]["title"]) > 50_000
