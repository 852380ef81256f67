"""A political scientist's working day with the corpus commands (round 93 of the everyday review): what kwic and
the other corpus commands print."""

from __future__ import annotations

import pytest

from briefarc.output import analysis


@pytest.fixture
def measured(monkeypatch):
    """How many characters kwic's fitting hands to rich's cell_len, in all."""
    seen = [0]
    real = analysis.cell_len

    def counting(text: str) -> int:
        seen[0] += len(text)
        return real(text)

    monkeypatch.setattr(analysis, "cell_len", counting)
    return seen


@pytest.mark.parametrize("text", ["the Taiwan question " * 20, "中国和台湾问题的" * 50])
def test_kwic_context_is_fitted_in_one_pass(measured, text):
    """`kwic 的 --limit 5000` took 2.1 s into a pipe against 0.3 s with --json: each line's context was cut to its
    width by measuring the kept string again at every character (quadratic in --width). The widths are added up as
    the characters come: the characters measured grow with the context, not with its square."""
    cells = 400
    right, left = analysis._fit_right(text, cells), analysis._fit_left(text, cells)
    assert measured[0] <= 2 * cells, measured[0]
    assert analysis.cell_len(right) <= cells and text.startswith(right)
    assert analysis.cell_len(left) == cells and text.endswith(left.lstrip(" "))


@pytest.mark.parametrize(("text", "cells", "left", "right"), [
    ("中国和台湾", 5, " 台湾", "中国"),  # never half a character of two cells
    ("abc中", 4, "bc中", "abc"),
    ("ab", 5, "   ab", "ab"),
    ("ab☺\ufe0fx", 3, "☺\ufe0fx", "ab☺"),  # a variation selector makes ☺ two cells: such a text is measured whole
])
def test_kwic_context_keeps_whole_characters(text, cells, left, right):
    assert analysis._fit_left(text, cells) == left
    assert analysis._fit_right(text, cells) == right


@pytest.fixture
def taiwan_archive(cli, db_file, tmp_path):
    from tests.siteserver import article

    folder = tmp_path / "pages"
    folder.mkdir()
    for day in (3, 4, 5):
        (folder / f"p{day}.html").write_bytes(article(
            f"Statement on Taiwan, March {day}", [f"The Taiwan question was raised again on March {day}.",
                                                   "The spokesperson repeated the position of the ministry."],
            published=f"2021-03-{day:02d}"))
    assert cli("ingest", folder, "--db", db_file).code == 0
    return db_file


def test_search_by_source_past_the_last_hit_says_one_thing(cli, taiwan_archive):
    """`search Taiwan --by source --offset 1000` said "No documents match." and then "No results from 1,001 on: there
    are 30 in all": past the last hit, only the second."""
    past = cli("search", "Taiwan", "--by", "source", "--offset", "10", "--db", taiwan_archive)
    assert past.code == 0 and past.stdout == ""
    assert past.stderr.strip() == "No results from 11 on: there are 3 in all (try a smaller --offset).", past.stderr
    none = cli("search", "zzyzx", "--by", "source", "--db", taiwan_archive)
    assert none.code == 0 and none.stderr.strip() == "No documents match."


def test_parallel_into_a_pipe_ends_no_line_in_spaces(cli, db_file):
    """`briefarc parallel 7 | cat -A` showed the title line ("7 ⇄ 250  2019-12-26  (confidence 1.00)") padded with
    spaces to the table's width, as the other tables no longer are into a pipe."""
    from tests.conftest import SAMPLES

    pages = [SAMPLES / "china-mfa-en-new.html", SAMPLES / "china-mfa-zh.html"]
    assert cli("ingest", *pages, "--db", db_file).code == 0
    english = next(row["id"] for row in cli("list", "--lang", "en", "--json", "--db", db_file).jsonl())
    result = cli("parallel", english, "--db", db_file)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "⇄" in lines[0] and "confidence" in lines[0] and len(lines) > 10
    assert [line for line in lines if line != line.rstrip()] == []
