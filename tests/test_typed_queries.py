"""Queries as people type them, and how many results there are, through the CLI on the sample archive."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES


@pytest.fixture
def archive(cli, db_file):
    result = cli("ingest", SAMPLES, "--db", db_file)
    assert result.code == 0, result.stderr
    return db_file


def ids(cli, archive, *words: str) -> set[int]:
    result = cli("search", *words, "--db", archive, "--json")
    assert result.code == 0, result.stderr
    return {row["id"] for row in result.jsonl()}


def test_several_unquoted_words_must_all_occur(cli, archive):
    both = ids(cli, archive, "Taliban", "Kabul")
    assert both and both <= ids(cli, archive, "Taliban") and both <= ids(cli, archive, "Kabul")
    assert both == ids(cli, archive, "Taliban Kabul")


def test_a_minus_word_is_left_out(cli, archive):
    taliban, kabul = ids(cli, archive, "Taliban"), ids(cli, archive, "Kabul")
    assert ids(cli, archive, "Taliban", "-Kabul") == taliban - kabul
    assert ids(cli, archive, "-Kabul", "Taliban") == taliban - kabul
    assert ids(cli, archive, "U.S.-Pakistan") == ids(cli, archive, '"U.S. Pakistan"')  # a hyphen inside is text


def test_only_a_minus_word_gets_a_hint(cli, archive):
    result = cli("search", "-Taliban", "--db", archive)
    assert result.code == 2
    assert "nothing else to search for" in result.stderr and "briefarc search Kabul -Taliban" in result.stderr
    assert "`--`" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args", [("search", "title:-Taliban"), ("search", "title:-Taliban", "--in", "questions")])
def test_only_a_minus_word_under_a_column_filter_gets_the_hint_not_a_traceback(cli, archive, args):
    """The README's column filters with a word left out and nothing else ("title:-Kabul") raised StopIteration."""
    result = cli(*args, "--db", archive)
    assert result.code == 2 and "Traceback" not in result.stderr and "-Taliban" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_lower_case_operators_are_words_and_said_to_be(cli, archive):
    result = cli("search", "Taliban", "or", "Kabul", "--db", archive, "--json")
    assert result.code == 0
    assert "'or' is searched as a word; write OR" in result.stderr
    assert {row["id"] for row in result.jsonl()} == ids(cli, archive, "Taliban", '"or"', "Kabul")
    assert ids(cli, archive, "Taliban OR Kabul") == ids(cli, archive, "Taliban") | ids(cli, archive, "Kabul")
    near = cli("search", "near(Taliban Kabul)", "--db", archive)
    assert near.code == 0 and "write NEAR(a b, 10) in capitals" in near.stderr


def test_an_unknown_column_prefix_is_plain_text(cli, archive):
    assert ids(cli, archive, "Kabul:Torkham") == ids(cli, archive, "Kabul", "Torkham") != set()
    assert ids(cli, archive, "speaker:Taliban") == ids(cli, archive, "speaker", "Taliban")
    assert ids(cli, archive, "title:Kabul") < ids(cli, archive, "Kabul")  # a known column still filters
    assert ids(cli, archive, "title:", "Kabul") == ids(cli, archive, "title:Kabul")  # a space after the colon
    assert ids(cli, archive, "title:", '"stays shut"') == ids(cli, archive, 'title:"stays shut"') != set()


def test_a_minus_word_leaves_out_within_its_group_and_column(cli, archive):
    """`(Taliban -Kabul) OR Torkham` took every -word to the top, leaving Kabul out of the Torkham documents
    too; `Taliban title:-Kabul` searched for Kabul in titles, the opposite of what it asks."""
    taliban, kabul, torkham = ids(cli, archive, "Taliban"), ids(cli, archive, "Kabul"), ids(cli, archive, "Torkham")
    assert torkham & kabul  # the Torkham documents that mention Kabul stay found
    assert ids(cli, archive, "(Taliban -Kabul) OR Torkham") == (taliban - kabul) | torkham
    titled = ids(cli, archive, "title:Kabul")
    assert titled and ids(cli, archive, "Taliban title:-Kabul") == taliban - titled
    assert ids(cli, archive, "Taliban title:-Kabul") == ids(cli, archive, "Taliban -title:Kabul")


@pytest.mark.parametrize(("query", "says"), [
    ("Taliban OR -Kabul", "-Kabul cannot follow OR: '-' leaves documents out and finds none"),
    ("Taliban (-Kabul)", "-Kabul is alone in its group"),
    ("Taliban ()", "has a group with nothing to search for, '()'"),
    ("Taliban OR (Kabul OR)", "OR needs a word after it, but here a ')' follows it"),
    ("NEAR(Taliban -Kabul)", "NEAR finds words near each other and cannot leave one out (-Kabul)"),
    ('Taliban "Kabul talks', "unclosed double quote, at '\"Kabul talks'"),
    ("(Kabul OR Doha", "'(Kabul OR Doha' has a '(' that is not closed"),
    ("Kabul)", "'Kabul)' has a ')' without a matching '('"),
    ("AND Kabul", "AND needs a word on each side, as in 'Taliban AND Kabul', but here it starts the query"),
    ("Kabul OR AND Doha", "but here it follows another operator"),
    ("Taliban NOT", "ends with an operator (NOT): add a word after it, or write 'not'"),
    ("NEAR(Kabul)", "it has 1 in NEAR(\"Kabul\")"),
    ("Kabul -(Doha OR Torkham)", "to leave out a group, write NOT (a OR b)"),
    ("title:", "'title:' needs the word it filters right after it, as in title:Kabul"),
    ("Taliban body:", "'body:' needs the word it filters right after it"),
    ("Kab*ul", "'*' in 'Kab*ul' is inside the word: it only ends one, to match words that start so (Kab*)"),
    # no word, and a parenthesis the trouble: said so, not 'no letters or digits' (a user trial's body:()
    ("body:(", "has a '(' that is not closed"),
    ("(", "has a '(' that is not closed"),
    (")", "has a ')' without a matching '('"),
    ("title:()", "has a group with nothing to search for, '()'"),
    ("***", "Nothing to search for: the query has no letters or digits."),
])
def test_each_syntax_error_says_what_is_wrong_in_that_query(cli, archive, query, says):
    result = cli("search", query, "--db", archive)
    assert result.code == 2 and says in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_search_and_list_say_how_many_there_are(cli, archive):
    everything = cli("list", "--db", archive, "--json", "--limit", "100").jsonl()
    shown = cli("list", "--db", archive, "--limit", "5")
    assert shown.code == 0 and f"5 of {len(everything)} — `--offset 5` for more" in shown.stderr
    page = cli("list", "--db", archive, "--limit", "5", "--offset", "5", "--json")
    assert f"6–10 of {len(everything)} — `--offset 10` for more" in page.stderr
    assert [row["total"] for row in page.jsonl()] == [len(everything)] * 5
    last = cli("list", "--db", archive, "--limit", "5", "--offset", str(len(everything) - 2))
    assert f"of {len(everything)}" in last.stderr and "for more" not in last.stderr
    whole = cli("list", "--db", archive, "--limit", "100")
    assert "of " not in whole.stderr  # nothing left out, nothing to say


def test_search_totals_count_every_match(cli, archive):
    found = ids(cli, archive, "Spokesperson")
    assert len(found) > 2
    first = cli("search", "Spokesperson", "--db", archive, "--limit", "2")
    assert f"2 of {len(found)} — `--offset 2` for more" in first.stderr
    filtered = cli("search", "Spokesperson", "--lang", "en", "--db", archive, "--limit", "1", "--json")
    english = ids(cli, archive, "Spokesperson", "--lang", "en")
    assert filtered.jsonl()[0]["total"] == len(english) and f"1 of {len(english)}" in filtered.stderr


def test_options_after_the_words_still_count(cli, archive):
    result = cli("search", "Taliban", "--limit", "1", "Kabul", "--db", archive, "--json")
    assert result.code == 0 and len(result.jsonl()) == 1


def test_minus_h_alone_is_still_help(cli):
    shown = cli("search", "-h")
    assert shown.code == 0 and shown.stdout.startswith("Usage: briefarc search") and "-word leaves" in shown.stdout


def test_a_mistyped_option_is_not_searched_for(cli, archive):
    result = cli("search", "Taliban", "--limt", "5", "--db", archive)
    assert result.code == 2 and "No such option: --limt (did you mean --limit?)" in result.stderr
    assert cli("search", '"--limit"', "--db", archive).code == 0  # quoted, it is text


def test_an_option_after_the_double_dash_is_said_to_be_misplaced(cli, archive):
    result = cli("search", "--db", archive, "--", "-Taliban", "Kabul", "--limit", "1")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Error: --limit comes after `--`, where every word is the query: put options before `--` "
        "(or, to search for '--limit', put it in double quotes)."]
    assert cli("search", "--limit", "1", "--db", archive, "--", "-Taliban", "Kabul").code == 0


@pytest.mark.parametrize("operator", ["AND", "OR", "NOT", "AND OR"])
def test_an_operator_alone_is_said_to_be_one(cli, archive, operator):
    result = cli("search", operator, "--db", archive)
    first = operator.split()[0]
    assert result.code == 2 and result.stderr.strip().splitlines() == [
        f"Error: Nothing to search for: {first} is an operator and needs words around it; to search for the "
        f"word, write it in lower case ({first.lower()})."]
    assert cli("search", operator.lower(), "--db", archive).code == 0  # lower case: words (and a note)


def test_full_width_letters_and_digits_are_searched_as_ascii(cli, archive):
    """What a Chinese or Japanese input method types: ｔａｌｉｂａｎ is Taliban, in search, --literal and kwic."""
    taliban = ids(cli, archive, "Taliban")
    assert taliban and ids(cli, archive, "Ｔａｌｉｂａｎ") == taliban
    assert ids(cli, archive, "ｔａｌｉｂａｎ", "ＯＲ", "Kabul") == taliban | ids(cli, archive, "Kabul")
    literal = cli("search", "ｔａｌｉｂａｎ", "--literal", "--db", archive, "--json")
    assert {row["id"] for row in literal.jsonl()} == taliban
    lines = cli("kwic", "ｔａｌｉｂａｎ", "--db", archive, "--json")
    assert lines.code == 0 and lines.jsonl() and all(row["match"].lower() == "taliban" for row in lines.jsonl())


def test_a_word_typed_again_is_searched_once(cli, archive):
    """A pasted list of the same word is one word to FTS5: 300 repeats were scored and quoted 300 times."""
    from briefarc.store.query import to_fts

    assert to_fts(" ".join(["Taliban", "taliban"] * 150)) == '"Taliban"'
    assert to_fts("title:Kabul Kabul title:kabul") == 'title : "Kabul" "Kabul"'
    assert to_fts("Kabul OR Kabul") == '"Kabul" OR "Kabul"'  # with operators, the query stays as written
    assert ids(cli, archive, *["Taliban"] * 300) == ids(cli, archive, "Taliban") != set()
