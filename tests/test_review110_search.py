"""Review of d22d350 (an acronym left out of the whole query is left out by its text, not as every lower-case word
the caseless index holds): `Taiwan -WHO -US` and `Taiwan NOT WHO NOT US` are one query (FTS5 reads NOT left to
right), and the README says NOT after a word of the query's level is read as '-'."""

from __future__ import annotations

from tests.test_everyday3_search_checks import archive, titles  # noqa: F401  (fixture)


def test_two_acronyms_left_out_with_not_are_left_out_as_with_minus(cli, archive):  # noqa: F811
    minus = titles(cli("search", "Geneva -WHO -IT", "--db", str(archive), "--json"))
    assert minus == ["Briefing on talks", "Briefing on talks again"]  # their "It is" is no IT
    assert titles(cli("search", "Geneva NOT WHO NOT IT", "--db", str(archive), "--json")) == minus
