"""A phrase typed without quotes to a command that takes one term (`kwic Hong Kong`): the error says how to quote
it, where it said only 'Got unexpected extra argument(s) (Kong)'."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("args", "typed"), [
    (["kwic", "Hong", "Kong"], "briefarc kwic 'Hong Kong'"),
    (["collocates", "Hong", "Kong", "SAR", "--window", "3"], "briefarc collocates 'Hong Kong SAR'"),
    (["watch", "add", "hk", "Hong", "Kong"], "briefarc watch add hk 'Hong Kong'"),
    (["kwic", "it's", "a"], "briefarc kwic 'it'\"'\"'s a'"),
])
def test_the_error_shows_the_phrase_quoted(cli, db_file, args, typed):
    result = cli(*args, "--db", db_file)
    assert result.code == 2 and "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.endswith(f"A phrase is one argument, in quotes: {typed}"), first


def test_list_still_points_to_search(cli, db_file):
    result = cli("list", "Hong", "--db", db_file)
    assert result.code == 2 and "`briefarc search WORDS` searches" in result.stderr
    assert "A phrase is one argument" not in result.stderr


def test_extra_arguments_to_other_commands_get_no_phrase_hint(cli, db_file):
    result = cli("show", "1", "2", "--db", db_file)
    assert result.code == 2 and "unexpected extra argument" in result.stderr
    assert "A phrase is one argument" not in result.stderr
