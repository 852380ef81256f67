"""collocates of a term found in no document says so: `collocates zzzqqq` said "No collocates (the term is rare, or
--min-count is too high).", as if the term were there."""

from __future__ import annotations


def test_a_term_found_nowhere_is_said_to_be_in_no_document(cli, sample_db):
    result = cli("collocates", "zzzqqq", "--db", sample_db)
    assert (result.code, result.stdout) == (0, "")
    assert result.stderr.strip() == "No collocates: 'zzzqqq' occurs in no document."


def test_a_term_outside_the_filters_is_said_to_be_in_none_they_select(cli, sample_db):
    assert cli("kwic", "台湾", "--db", sample_db, "--json").jsonl()  # it is in the archive, in Chinese
    result = cli("collocates", "台湾", "--lang", "en", "--db", sample_db)
    assert result.code == 0
    assert result.stderr.strip() == "No collocates: '台湾' occurs in no document the filters select."


def test_a_term_found_with_too_few_neighbours_is_still_rare(cli, sample_db):
    result = cli("collocates", "tariffs", "--min-count", "500", "--db", sample_db)
    assert (result.code, result.stderr.strip()) == (0, "No collocates (the term is rare, or --min-count is too high).")
