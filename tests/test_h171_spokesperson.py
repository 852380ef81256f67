"""Every command that takes the filters says a --spokesperson no document names is unknown, as search does.

kwic, trend, collocates, keywords, speakers and outlets said "No occurrences." or "No (dated) documents match the
filters.": a typo of a name read as the spokesperson having said nothing."""

from __future__ import annotations

import pytest

UNKNOWN = "No document names a spokesperson 'Matt Miller': `briefarc speakers` lists them."


@pytest.mark.parametrize("command", [("kwic", "China"), ("trend", "China"), ("collocates", "China"), ("keywords",),
                                     ("speakers",), ("outlets",), ("search", "China", "--in", "answers"),
                                     ("search", "China")], ids=" ".join)
def test_an_unknown_spokesperson_is_said_to_be_unknown(cli, sample_db, command):
    result = cli(*command, "--spokesperson", "Matt Miller", "--db", sample_db)
    assert (result.code, result.stdout, result.stderr.strip()) == (0, "", UNKNOWN)


@pytest.mark.parametrize("command", [("kwic", "China"), ("collocates", "China"), ("speakers",)], ids=" ".join)
def test_a_known_spokesperson_outside_the_dates_is_no_document_matching(cli, sample_db, command):
    result = cli(*command, "--spokesperson", "Lin Jian", "--since", "2030", "--db", sample_db)
    assert (result.code, result.stdout, result.stderr.strip()) == (0, "", "No documents match the filters.")


def test_a_known_spokesperson_is_found(cli, sample_db):
    assert cli("kwic", "China", "--spokesperson", "Lin Jian", "--db", sample_db, "--json").jsonl()
