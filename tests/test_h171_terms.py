"""kwic, trend and collocates read a colon that names no field as search does, and a refusal names what it refused.

`kwic China:US`, `kwic Xinjiang:` and `trend note:` were refused as search queries (exit 2), the message naming
AND, OR, NOT, NEAR, ( ) and -word, never the colon."""

from __future__ import annotations

import pytest


def test_a_trailing_colon_is_the_word(cli, sample_db):
    for command in ("kwic", "trend", "collocates"):
        typed = cli(command, "tariffs:", "--db", sample_db, "--json")
        plain = cli(command, "tariffs", "--db", sample_db, "--json")
        assert typed.code == 0, typed.stderr
        assert typed.jsonl() and [{**row, "term": "tariffs"} if "term" in row else row for row in typed.jsonl()] \
            == plain.jsonl()


def test_a_colon_between_words_is_the_phrase_of_them(cli, sample_db):
    typed = cli("kwic", "additional:tariffs", "--db", sample_db, "--json")
    assert typed.code == 0, typed.stderr
    lines = typed.jsonl()
    assert lines == cli("kwic", '"additional tariffs"', "--db", sample_db, "--json").jsonl()
    assert lines and all(line["match"].lower() == "additional tariffs" for line in lines)
    counts = cli("trend", "additional:tariffs", "--by", "year", "--db", sample_db, "--json").jsonl()
    assert sum(row["mentions"] for row in counts) == len(lines)


def test_a_field_is_still_refused_and_named(cli, sample_db):
    for command in ("kwic", "trend", "collocates"):
        result = cli(command, "Title:tariffs", "--db", sample_db)
        assert result.code == 2 and "Traceback" not in result.stderr
        assert "is a search query: Title: filters a field" in result.stderr


@pytest.mark.parametrize(("term", "named"), [
    ("tariffs OR goods", "OR is an operator"),
    ("NEAR(trade war)", "NEAR is an operator"),
    ("(tariffs goods)", "( ) group words"),
    ("tariffs -goods", "-goods leaves a word out"),
    ("tar*ffs", "'*' ends a prefix*"),
])
def test_a_refusal_names_what_it_refused(cli, sample_db, term, named):
    result = cli("kwic", term, "--db", sample_db)
    assert result.code == 2 and named in result.stderr and result.stderr.count("\n") == 1
