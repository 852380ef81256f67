"""A query with no word whose trouble is a parenthesis: the error names the parenthesis (a user trial typed
`search 'body:('` and was told the query had no letters or digits)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("query", "said"), [
    ("body:(", "has a '(' that is not closed"),
    ("(", "has a '(' that is not closed"),
    (")", "has a ')' without a matching '('"),
    ("title:()", "has a group with nothing to search for, '()'"),
    ("***", "Nothing to search for: the query has no letters or digits."),
])
def test_the_error_names_what_is_wrong(cli, sample_db, query, said):
    result = cli("search", query, "--db", sample_db)
    assert result.code == 2 and said in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
