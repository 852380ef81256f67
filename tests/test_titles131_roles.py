"""A byline beside the headline that names a person and, after a comma, her role in words of any case ("By Jane
Roe, Director of Research at Example"): the author as the page writes it, where the name test alone (each part
capitalised) refused the whole line and the page had no author."""

from __future__ import annotations

from briefarc.extract.core import extract

URL = "https://www.example.com/articles/consulting-careers"
PARAGRAPHS = "".join(
    f"<p>Paragraph {n} compares the two careers, what the first years ask of a consultant and how the pay "
    f"and the hours differ between the firms.</p>" for n in range(4))


def author(byline: str) -> str | None:
    body = f"<article><h1>Consulting careers compared</h1><p>{byline}</p>{PARAGRAPHS}</article>"
    page = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Consulting careers compared</title>'
            f"</head><body>{body}</body></html>")
    return extract(page.encode(), url=URL).author


def test_a_byline_with_a_role_after_a_comma_gives_the_author_as_written() -> None:
    assert author("By Jane Roe, Director of Research at Example") == "Jane Roe, Director of Research at Example"
    assert author("By Jane Roe, Senior Editor") == "Jane Roe, Senior Editor"  # a capitalised role: as before


def test_a_line_that_opens_with_by_and_names_no_one_gives_no_author() -> None:
    assert author("By the way, this is what the survey found") is None
