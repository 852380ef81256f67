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


def test_export_csv_gives_the_day_and_the_instant_apart(cli, db_file, tmp_path):
    """`export -o all.csv` had one date column, `published`, as each page gives it: days ("2020-06-18") beside
    instants with offsets ("2022-03-14T23:40:37+00:00"), which pandas' to_datetime refuses without options and R's
    lubridate::ymd reads as NA. The day alone and the instant in UTC follow it, as the JSON Lines export has them."""
    import csv
    import io

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "day.html").write_bytes(article_page("Statement on the talks", "2020-06-18"))
    (folder / "instant.html").write_bytes(article_page("Readout of the call", "2022-03-14T23:40:37+05:00"))
    assert cli("ingest", folder, "--db", db_file).code == 0
    out = tmp_path / "all.csv"
    assert cli("export", "-o", out, "--db", db_file).code == 0
    rows = {row["title"]: row for row in csv.DictReader(io.StringIO(out.read_text("utf-8"), newline=""))}
    header = out.read_text("utf-8").splitlines()[0].split(",")
    assert header[:4] == ["id", "published", "published_date", "published_utc"]
    day, instant = rows["Statement on the talks"], rows["Readout of the call"]
    assert (day["published"], day["published_date"], day["published_utc"]) == ("2020-06-18", "2020-06-18", "")
    assert instant["published_date"] == "2022-03-14" and instant["published_utc"] == "2022-03-14T18:40:37Z", instant


def article_page(title: str, published: str) -> bytes:
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": "{title}", "datePublished": "{published}"}}</script></head><body><main><article>'
            f'<h1>{title}</h1><p>The two sides discussed the trade talks and the visit planned for the spring.</p>'
            '<p>Both agreed to meet again next month, the ministry said in a statement on its website.</p>'
            '</article></main></body></html>').encode()


def test_kwic_on_a_terminal_of_40_columns_leaves_the_source_out_for_the_context(cli, db_file, tmp_path, monkeypatch):
    """At 40 columns kwic gave each side of the term two cells of context ("317#8 2025-03-12 Ministr… e  Taiwan  S"):
    the source, cut to eight cells, took the room. When the context would have under eight cells the source goes;
    at 80 columns nothing changes."""
    from rich.cells import cell_len

    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "p.html").write_bytes(article_page("Statement on Taiwan", "2021-03-04"))
    (folder / "p.html").write_bytes((folder / "p.html").read_bytes().replace(
        b"discussed the trade talks", b"discussed the Taiwan question and the trade talks"))
    source = "ministry-of-foreign-affairs-of-the-republic"
    assert cli("ingest", folder, "--source", source, "--new-source", "--db", db_file).code == 0
    monkeypatch.setenv("COLUMNS", "40")
    lines = cli("kwic", "Taiwan", "--db", db_file).stdout.splitlines()
    assert lines and all(cell_len(line) <= 40 for line in lines), lines
    for line in lines:
        ref, date, left = line.split()[0], line.split()[1], line[line.index("2021-03-04") + 11:line.index(" Taiwan ")]
        assert ref == "1" and date == "2021-03-04" and "ministry" not in line, lines
        assert len(left) >= 8 and left.strip() == "ssed the", lines  # 'The two sides discussed the Taiwan'
    monkeypatch.setenv("COLUMNS", "80")
    wide = cli("kwic", "Taiwan", "--db", db_file).stdout.splitlines()
    assert wide and all(source[:10] in line for line in wide), wide
