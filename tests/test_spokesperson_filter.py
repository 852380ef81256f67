"""--spokesperson on real SQLite files: a name, or the start of one of its words; any part of a Chinese name."""

from __future__ import annotations

import pytest

from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import save_document

NAMES = ["Hua Chunying", "Geng Shuang", "华春莹", "Jean-Pierre Lacroix", "Shafqat Ali Khan", "Zhao 50%_off"]


@pytest.fixture
def archive(db_file):
    db = open_database(db_file)
    for number, name in enumerate(NAMES, start=1):
        page = f"<html><body><h1>Briefing {number}</h1><p>Remarks {number}.</p></body></html>".encode()
        save_document(db, Document(title=f"Briefing {number}", published=f"2025-03-{number:02d}", kind="briefing",
                                   language="en", spokesperson=name, paragraphs=[f"Remarks {number}."]),
                      RawPage(data=page, origin=f"/saved/{number}.html"))
    db.conn.close()
    return db_file


HUA = ["Hua Chunying", "华春莹"]  # one spokesperson, in each script the ministry's pages print (sources/names.json)


@pytest.mark.parametrize(("typed", "found"), [
    ("Hua", HUA),  # not Geng Shuang, whose name holds "hua"
    ("chun", HUA),
    ("hua chunying", HUA),
    ("Shuang", ["Geng Shuang"]),
    ("华", HUA),
    ("春莹", HUA),
    ("Pierre", ["Jean-Pierre Lacroix"]),
    ("Jean-Pierre", ["Jean-Pierre Lacroix"]),
    ("Ali Khan", ["Shafqat Ali Khan"]),
    ("an", []),  # no word starts so, though three names hold it
    ("%", []),
    ("50%_", ["Zhao 50%_off"]),
    ("Ｈｕａ", HUA),  # full-width letters, as search reads them
    ("华 春莹", HUA),  # a space typed inside a Chinese name
])
def test_a_spokesperson_is_found_by_the_start_of_a_word_of_the_name(cli, archive, typed, found):
    for command in ("list", "search"):
        words = [] if command == "list" else ["Remarks"]
        result = cli(command, *words, "--spokesperson", typed, "--json", "--limit", "50", "--db", archive)
        assert result.code == 0, result.stderr
        assert sorted(row["spokesperson"] for row in result.jsonl()) == found, command


@pytest.mark.parametrize("typed", [" ", "-", ""])
def test_a_spokesperson_typed_as_nothing_is_a_usage_error_not_every_named_one(cli, archive, typed):
    result = cli("list", "--spokesperson", typed, "--db", archive)
    assert result.code == 2 and "--spokesperson" in result.stderr and "give a name" in result.stderr, result.stderr


@pytest.mark.parametrize("typed", [" ", "-"])
def test_a_spokesperson_to_compare_with_typed_as_nothing_is_a_usage_error(cli, archive, typed):
    result = cli("keywords", "--spokesperson", "Hua", "--vs-spokesperson", typed, "--db", archive)
    assert result.code == 2 and "--vs-spokesperson" in result.stderr and "give a name" in result.stderr, result.stderr


VS = ["keywords", "--spokesperson", "Hua", "--vs-spokesperson"]


@pytest.mark.parametrize("command", [["list"], ["speakers"], VS])
def test_a_spokesperson_typed_with_a_control_character_is_a_usage_error(cli, archive, command):
    """A user trial: `speakers --spokesperson $'\\a'` said "No documents match the filters." and exit 0, where a
    query holding a control character is a usage error: a paste's escape is no name to look for."""
    option = [] if command[-1] == "--vs-spokesperson" else ["--spokesperson"]
    named = (command + option)[-1]
    result = cli(*command, *option, "Hua\x07", "--db", archive)
    assert result.code == 2 and "\x07" not in result.stderr, result.stderr
    assert (f"Invalid value for '{named}': The name holds a control character, '\\x07' (character 4 of 4), which "
            "is no text to search for: type it again without it.") in result.stderr, result.stderr
