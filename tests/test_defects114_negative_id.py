"""A negative number where a command takes a document id or a version number (`briefarc show -1`) is a usage
error that says what ids are: Click read it as an option and said "No such option: -1" (found trying `show -1`;
no command reads a negative id as "the last")."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def archive(sample_db):
    return sample_db


@pytest.mark.parametrize("args", [["show", "-1"], ["show", "-12"], ["show", "-1#2"], ["show", "1", "-1"],
                                  ["history", "-1"], ["diff", "-3"], ["cite", "-1"], ["reparse", "-1"],
                                  ["parallel", "-1"]])
def test_a_negative_id_says_what_an_id_is(cli, archive, args):
    result = cli(*args, "--db", archive)
    assert result.code == 2
    first = result.stderr.splitlines()[0]
    typed = next(arg for arg in args if arg.startswith("-"))
    assert first == (f"Error: {typed} is not a document id: ids are whole numbers from 1 (`briefarc list` and "
                     "`briefarc search` show them).")
    assert "Traceback" not in result.stderr and "No such option" not in result.stderr
    assert result.stdout == ""


def test_a_negative_version_number_says_what_a_version_number_is(cli, archive):
    result = cli("diff", "5", "-1", "2", "--db", archive)
    assert result.code == 2
    assert result.stderr.splitlines()[0] == ("Error: -1 is not a version number: versions are numbered from 1 "
                                             "(`briefarc history ID` lists them).")


def test_an_unknown_option_is_still_one(cli, archive):
    result = cli("show", "-x", "--db", archive)
    assert result.code == 2
    assert result.stderr.splitlines()[0] == "Error: No such option: -x"
