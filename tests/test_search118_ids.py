"""A number that is no document id is one usage error however it is typed (helper-117's review of 701e8e5).

`show -0` said "-0 is not a document id" (exit 2) but `show -- 0` and `show 0` "No document with id 0" (exit 1),
and `show -1.5` and `show -5x` still "No such option: -1.5": Click reads what starts with a dash as an option.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def archive(sample_db):
    return sample_db


@pytest.mark.parametrize("args", [["show", "0"], ["show", "--", "0"], ["show", "-0"], ["show", "-1.5"],
                                  ["show", "-5x"], ["show", "--", "-1.5"], ["show", "--", "-3"], ["show", "1.5"],
                                  ["show", "0#2"], ["history", "0"], ["history", "-1.5"], ["cite", "-5x"],
                                  ["reparse", "0"], ["parallel", "-2.5"]])
def test_a_number_that_is_no_id_is_one_usage_error(cli, archive, args):
    result = cli(args[0], "--db", archive, *args[1:])  # before a "--", which makes all after it arguments
    assert result.code == 2, result.stderr
    typed = args[-1]
    assert result.stderr.splitlines()[0] == (f"Error: {typed} is not a document id: ids are whole numbers from 1 "
                                             "(`briefarc list` and `briefarc search` show them).")
    assert "Traceback" not in result.stderr and "No such option" not in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(("args", "message"), [
    (["show", "abc"], "Error: Give a document id such as 12, or a turn such as 12#3, not 'abc'."),
    (["history", "x"], "Error: Give a document id such as 12, not 'x'."),
    (["show", "-x"], "Error: No such option: -x"),
    (["diff", "5", "-1.5", "2"], "Error: -1.5 is not a version number: versions are numbered from 1 "
                                 "(`briefarc history ID` lists them)."),
])
def test_other_mistakes_keep_their_messages(cli, archive, args, message):
    result = cli(*args, "--db", archive)
    assert result.code == 2
    assert result.stderr.splitlines()[0] == message


def test_an_id_still_shows_its_document(cli, archive):
    assert cli("show", "1", "--db", archive).code == 0
