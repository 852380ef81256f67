"""What users type into the query-taking commands (search, search --in, watch add, kwic, trend, collocates):
a control character pasted into a query, and a paragraph pasted as a term. Each test failed before its fix.

The bundled samples, ingested into a real archive in tmp_path (tests.analysis_archives.sample_db)."""

from __future__ import annotations

import pytest

QUERY_COMMANDS = [("search",), ("search", "--literal"), ("search", "--in", "answers"), ("watch", "add", "w"),
                  ("kwic",), ("trend",), ("collocates",)]


@pytest.mark.parametrize("command", QUERY_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("typed", ["Tai\x01wan", "\x1b[31mTaiwan", "Taiwan\x7f", "Taiwan\x85"])
def test_a_control_character_in_a_query_is_a_usage_error(cli, sample_db, command, typed):
    """The index reads a control character as a space between words: "Tai\\x01wan" was searched as the phrase
    "tai wan" and said "No documents match", exit 0, with nothing to tell the user what had gone wrong."""
    result = cli(*command, typed, "--db", sample_db)
    assert result.code == 2, result.stderr
    position = next(index for index, char in enumerate(typed) if not char.isprintable()) + 1
    what = "query" if command[0] in ("search", "watch") else "term"
    assert result.stderr == (f"Error: The {what} holds a control character, {typed[position - 1]!r} (character "
                             f"{position} of {len(typed)}), which is no text to search for: type it again without "
                             "it.\n")
    assert result.stdout == ""


def test_tabs_and_line_breaks_between_words_are_spaces_as_before(cli, sample_db):
    assert cli("search", "tariffs\tChina", "--db", sample_db, "--json").jsonl()
    assert cli("search", "tariffs\nChina", "--db", sample_db, "--json").jsonl()
    assert cli("kwic", "tariffs\t", "--db", sample_db, "--json").jsonl()


@pytest.mark.parametrize("command", [("kwic",), ("trend",), ("collocates",)], ids=" ".join)
def test_a_pasted_paragraph_as_a_term_is_quoted_short_in_the_error(cli, sample_db, command):
    """The error quoted the whole term: 6,000 characters of a pasted text, 75 lines at 80 columns."""
    result = cli(*command, "word " * 1_200 + "OR more", "--db", sample_db)
    assert result.code == 2
    assert result.stderr.startswith("Error: 'word word word word word word word word…' is a search query")
    assert len(result.stderr) < 250 and result.stderr.count("\n") == 1


@pytest.mark.parametrize("query", ["(" + "word " * 1_200, "word " * 1_200 + ")", "word " * 1_200 + "()"],
                         ids=["unclosed", "unopened", "empty group"])
def test_a_pasted_page_with_a_stray_parenthesis_is_quoted_short_in_the_error(cli, sample_db, query):
    """The errors about parentheses quoted the whole query: 6,000 characters, 75 lines at 80 columns."""
    result = cli("search", query, "--db", sample_db)
    assert result.code == 2
    assert result.stderr.startswith("Error: The query '") and "…'" in result.stderr
    assert len(result.stderr) < 250 and result.stderr.count("\n") == 1
