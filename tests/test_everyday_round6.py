"""A working day with the archive (round 6 of the everyday review), through the CLI on a real archive of the
bundled sample pages."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SAMPLES
from tests.terminal import Terminal


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


def test_kwic_shows_a_term_with_its_final_dot_as_the_text_writes_it(cli, archive):
    """`kwic U.S.` showed the match as "U.S" and pushed the dot into the right-hand context (".-Pakistan"): the
    pattern was made of the term's words alone. The punctuation typed after the last word is part of the match
    where the text has it."""
    lines = cli("kwic", "U.S.", "--json", "--db", archive).jsonl()
    assert lines and {line["match"] for line in lines} == {"U.S."}, lines
    pakistan = [line for line in lines if line["right"].startswith("-Pakistan")]
    assert pakistan, lines  # "U.S.-Pakistan trade talks" in the Newsweek Pakistan sample
    typed_without = cli("kwic", "U.S", "--json", "--db", archive).jsonl()  # the dot not typed: as before
    assert len(typed_without) == len(lines) and all(line["right"].startswith(".") for line in typed_without)


@pytest.mark.parametrize(("query", "quoted"), [
    ('Taiwan"', 'Taiwan"'), ('Taiwan Strait"', 'Strait"'), ('Taiwan" Kabul', 'Taiwan" Kabul'), ('"Taiwan', '"Taiwan')])
def test_a_lone_double_quote_is_the_same_error_wherever_it_stands(cli, archive, query, quoted):
    """A stray closing quote (`Taiwan"`) was searched silently as the word (exit 0), while a lone opening quote
    was an error with advice: both are the error now, quoting the query from the word the quote is on."""
    result = cli("search", query, "--db", archive)
    assert result.code == 2 and result.stdout == "", result
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"unclosed double quote, at {quoted!r}: add the closing" in result.stderr, result.stderr
    assert "--literal" in result.stderr


def test_a_quote_inside_a_word_is_still_text(cli, archive):
    """The earlier rule stands: a quote between letters (`a"b`) is text, and --literal takes any quote."""
    assert cli("search", 'Tai"wan', "--db", archive).code == 0
    literal = cli("search", "--literal", 'Taiwan"', "--json", "--db", archive)
    assert literal.code == 0 and literal.jsonl()


def test_a_pager_that_fails_is_an_error_not_a_silent_success(archive):
    """BRIEFARC_PAGER=false: `show` printed nothing and exited 0. A pager that ends with an error status now
    makes it exit 1 with a line that names the pager and says how to print the text straight."""
    env = {**os.environ, "BRIEFARC_PAGER": "false", "BRIEFARC_DB": str(archive)}
    term = Terminal("show", "3", env=env, columns=80, rows=40)
    code = term.finish()
    screen = " ".join(" ".join(term.screen()).split())
    assert code == 1, screen
    assert "The pager (false) ended with status 1" in screen and "--no-pager" in screen


@pytest.mark.parametrize("command", [["sources", "list"], ["history", "12"]])
def test_a_table_into_a_pipe_has_no_padding_at_line_ends(cli, archive, command):
    """`sources list` and `history` into a pipe ended their lines with the spaces that pad a table to its width."""
    result = cli(*command, "--db", archive)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) > 3 and any("─" in line for line in lines)
    assert [line for line in lines if line != line.rstrip()] == []


def test_speakers_sorts_its_sources_whatever_their_case(cli, archive):
    """"news.xinhua.example" came after "United States Department of State": the sources were sorted by their
    code points. They are sorted casefolded; a source's rows stay in their order (most documents first)."""
    rows = cli("speakers", "--json", "--db", archive).jsonl()
    sources = [row["source"] for row in rows]
    assert "news.xinhua.example" in sources and any(s.startswith("United") for s in sources)
    assert sources == sorted(sources, key=str.casefold), sources
    assert sources.index("news.xinhua.example") < sources.index("Newsweek Pakistan")


def test_outlets_top_0_leaves_the_top_terms_column_out(cli, archive):
    """`outlets --top 0` drew an empty "top terms" column (and CSV an empty top_terms one); it is left out."""
    table = cli("outlets", "--top", "0", "--db", archive)
    assert table.code == 0 and "questions" in table.stdout and "top terms" not in table.stdout
    assert cli("outlets", "--top", "0", "--csv", "--db", archive).stdout.splitlines()[0] == \
        "outlet,questions,first,last"
    assert "top terms" in cli("outlets", "--top", "1", "--db", archive).stdout
