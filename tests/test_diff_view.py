"""`diff` readable anywhere: word-diff marks without colour, colour on a terminal, context not whole
paragraphs, and the same counts as `history` (real pages, a real database, the CLI)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SAMPLES

GOVUK_URL = "https://www.gov.uk/government/news/uk-to-help-pacific-island-states-prepare-for-rising-seas"
ANSI = re.compile("\x1b\\[[0-9;]*m")


@pytest.fixture
def statement() -> str:
    return (SAMPLES / "govuk-statement.html").read_text("utf-8")


def two_versions(cli, db, first: str, second: str) -> str:
    for html in (first, second):
        assert cli("ingest", "-", "--url", GOVUK_URL, "--db", db, stdin=html.encode()).code == 0
    return str(cli("list", "--db", db, "--json").jsonl()[0]["id"])


def body_edit(statement: str) -> tuple[str, str]:
    """A word changed in the middle of the page's longest paragraph: (old paragraph, edited page)."""
    paragraphs = re.findall(r"<p>([^<]{200,})</p>", statement)
    longest = max(paragraphs, key=len)
    words = longest.split()
    middle = len(words) // 2
    edited = " ".join([*words[:middle], "UNHEARD", *words[middle + 1:]])
    return longest, statement.replace(longest, edited)


def test_without_colour_changes_are_marked_like_git_word_diff(cli, db_file, statement, monkeypatch):
    longest, edited = body_edit(statement)
    doc_id = two_versions(cli, db_file, statement, edited)
    removed = longest.split()[len(longest.split()) // 2]
    for colourless in ({}, {"FORCE_COLOR": "1", "NO_COLOR": "1"}):  # a pipe; a terminal with NO_COLOR
        for name, value in colourless.items():
            monkeypatch.setenv(name, value)
        shown = cli("diff", doc_id, "--db", db_file)
        assert shown.code == 0 and not ANSI.search(shown.stdout)
        assert f"[-{removed}-]{{+UNHEARD+}}" in shown.stdout


def test_on_a_terminal_changes_are_coloured_and_fit_80_columns(cli, db_file, statement, monkeypatch):
    longest, edited = body_edit(statement)
    doc_id = two_versions(cli, db_file, statement, edited)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)
    shown = cli("diff", doc_id, "--db", db_file)
    assert ANSI.search(shown.stdout) and "[-" not in shown.stdout and "UNHEARD" in shown.stdout
    assert all(len(line) <= 80 for line in ANSI.sub("", shown.stdout).splitlines())


def test_a_change_is_shown_with_a_few_words_of_context(cli, db_file, statement):
    longest, edited = body_edit(statement)
    doc_id = two_versions(cli, db_file, statement, edited)
    shown = cli("diff", doc_id, "--db", db_file).stdout
    line = next(line for line in shown.splitlines() if "UNHEARD" in line)
    assert line.startswith("~ … ") and line.endswith(" …")
    kept = line.replace("~ … ", "").replace(" …", "").split()
    assert len(kept) <= 2 * 6 + 2 < len(longest.split())  # six words each side, not the paragraph


def test_history_and_diff_agree_on_a_title_only_change(cli, db_file, statement):
    doc_id = two_versions(cli, db_file, statement, statement.replace("and stronger storms", "and fiercer storms"))
    history = cli("history", doc_id, "--db", db_file, "--json").jsonl()
    diff = cli("diff", doc_id, "--db", db_file, "--json").jsonl()[0]
    assert (history[1]["words_added"], history[1]["words_removed"]) == (1, 1)
    assert (diff["words_added"], diff["words_removed"]) == (1, 1)
    shown = cli("diff", doc_id, "--db", db_file).stdout
    assert "+1 word  -1 word" in shown and "Title: " in shown and "[-stronger-]{+fiercer+}" in shown
    table = cli("history", doc_id, "--db", db_file).stdout
    assert "+1" in table and "-1" in table


def test_history_reads_at_80_columns(cli, db_file, statement, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    doc_id = two_versions(cli, db_file, statement, statement.replace("and stronger storms", "and fiercer storms"))
    versions = cli("history", doc_id, "--db", db_file, "--json").jsonl()
    table = cli("history", doc_id, "--db", db_file).stdout
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= 80 and "…" not in table
    assert lines[0] == f"Document {doc_id}: 2 versions, published {versions[0]['published'][:10]}"
    header = next(index for index, line in enumerate(lines) if line.split()[:1] == ["v"])
    assert lines[header].split() == ["v", "archived", "words", "sha256", "title"]  # the date is said once, above
    rows = [line for line in lines[header + 2:] if line.strip()]
    second = next(index for index, line in enumerate(rows) if line.split()[:1] == ["2"])
    assert "+1 -1" in rows[second] and versions[1]["sha256"][:12] in rows[second]
    title_at = lines[header].index("title")
    assert max(len(line) for line in rows) - title_at >= 25  # the title has room: not a column a few letters wide
    titles = ["".join(line[title_at:].split()) for line in rows]
    assert "".join(titles[:second]) == versions[0]["title"].replace(" ", "")  # whole, over its lines
    assert "".join(titles[second:]) == versions[1]["title"].replace(" ", "")
