"""Words typed with punctuation inside are found as written: the index reads `US-China` as the tokens "us" and
"china", and found "tell us. China's position" and "the US, China would" for it, in search, its counts, the turn
search, kwic and trend alike. A dash or an apostrophe may be printed in any of its forms."""

from __future__ import annotations

import pytest

from briefarc.models import Document, RawPage, Turn
from briefarc.store.db import open_database
from briefarc.store.documents import save_document
from briefarc.store.query import read_query

TEXTS = {
    "Trade": "The US-China trade talks resumed in Geneva on Monday, the spokesperson said.",
    "Dash": "An agreement on US–China flights was signed, the ministry said in a statement.",
    "Period": "We did not tell us. China will decide its own position on the matter.",
    "Comma": "If the talks fail for the US, China would answer in kind, the minister said.",
    "Curly": "The Taliban’s envoy met the delegation in Doha on Tuesday.",
    "Spaced": "The Taliban s envoy was not named by the ministry in its statement.",
}


@pytest.fixture
def archive(tmp_path):
    path = tmp_path / "archive.db"
    db = open_database(path)
    for number, (title, text) in enumerate(TEXTS.items()):
        turns = [Turn("Question", "question", f"Reporter: {text}"), Turn("Spokesperson", "answer", "No comment.")]
        doc = Document(title=title, paragraphs=[text], turns=turns, language="en", published=f"2025-0{number + 1}-01")
        save_document(db, doc, RawPage(data=text.encode(), origin="t", url=f"https://e.org/{number}"))
    db.conn.close()
    return path


def titles(cli, archive, *args: str) -> list[str]:
    result = cli(*args, "--json", "--db", archive)
    assert result.code == 0, result.stderr
    return sorted(row["title"] for row in result.jsonl())


def test_a_hyphenated_word_is_found_as_written_in_search_and_its_count(cli, archive):
    assert titles(cli, archive, "search", "US-China") == ["Dash", "Trade"]
    assert titles(cli, archive, "search", "US-China", "--sort", "date") == ["Dash", "Trade"]
    assert titles(cli, archive, "search", "US-China", "--literal") == ["Dash", "Trade"]
    assert titles(cli, archive, "search", '"US-China" trade') == ["Trade"]
    assert titles(cli, archive, "search", "us china") == ["Comma", "Dash", "Period", "Trade"]  # words: any way
    table = cli("search", "US-China", "--limit", "1", "--db", archive)
    assert "1 of 2" in table.stdout + table.stderr
    assert titles(cli, archive, "search", "title:US-China") == []  # in the title only, which none has


def test_an_apostrophe_is_found_in_its_printed_forms_and_not_as_a_space(cli, archive):
    assert titles(cli, archive, "search", "Taliban's") == ["Curly"]
    assert titles(cli, archive, "search", "Taliban’s") == ["Curly"]


def test_a_word_beside_an_or_is_still_read_loosely(cli, archive):
    """Only the words every match holds are checked; one beside OR, in a group or left out is as the index reads it."""
    assert titles(cli, archive, "search", "US-China OR envoy") == ["Comma", "Curly", "Dash", "Period", "Spaced",
                                                                   "Trade"]
    assert read_query("(US-China) trade").written == [] and read_query("trade -US-China").written == []
    assert read_query("Kabul:Torkham").written == []  # a colon separates words


def test_turns_kwic_and_trend_count_only_what_is_written(cli, archive):
    turns = cli("search", "US-China", "--in", "questions", "--json", "--db", archive).jsonl()
    assert len(turns) == 2 and all("US" in turn["text"] for turn in turns)
    lines = cli("kwic", "US-China", "--json", "--db", archive).jsonl()
    assert len(lines) == 2 and {line["match"] for line in lines} == {"US-China", "US–China"}
    trend = cli("trend", "US-China", "--json", "--db", archive).jsonl()
    assert sum(row["term_documents"] for row in trend) == 2 and sum(row["mentions"] for row in trend) == 2


def test_a_watch_counts_only_what_is_written(cli, archive):
    assert cli("watch", "add", "uschina", "US-China", "--db", archive).code == 0
    assert [row["new"] for row in cli("watch", "check", "--db", archive, "--json").jsonl()] == [0]
    db = open_database(archive)
    for number, text in enumerate(("More US-China talks are planned.", "Tell us. China is ready.")):
        doc = Document(title=f"New {number}", paragraphs=[text], language="en", published="2025-09-01")
        save_document(db, doc, RawPage(data=text.encode(), origin="t", url=f"https://e.org/new{number}"))
    db.conn.close()
    checked = cli("watch", "check", "--db", archive, "--json").jsonl()
    assert checked[0]["new"] == 1 and checked[0]["hits"][0]["title"] == "New 0"
