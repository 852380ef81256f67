"""Bylines that name the site rather than the person: a company's blog that lists itself beside the article's
writer gave the company."""

from __future__ import annotations

from briefarc.extract.core import extract

URL = "https://www.northwind.example/stories/a-new-standard-for-interpretability"
PARAGRAPHS = ("<p>The team describes a method for tracing which parts of a model contribute to a prediction, and "
              "compares it with the methods used so far on a set of benchmark tasks drawn from clinical notes.</p>"
              "<p>The results show that the method finds the relevant components more reliably, at a fraction of "
              "the cost, and the authors release their code so that other groups can repeat the experiments.</p>")
HEADLINE = "<h1>A new standard for mechanistic interpretability</h1>"
SITE = '<meta property="og:site_name" content="Northwind">'


def page(head: str, body: str) -> bytes:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A new standard | Northwind</title>'
            f"{head}</head><body>{body}</body></html>").encode()


def authors(*names: str) -> str:
    return '<div class="post_author-list">' + "".join(
        f'<a class="post_author-link" href="/about"><div class="post_author-name">{name}</div></a>'
        for name in names) + "</div>"


def test_a_byline_that_names_the_site_gives_way_to_one_that_names_a_person() -> None:
    body = f"<main><article>{HEADLINE}{authors('Northwind', 'Jane Roe')}{PARAGRAPHS}</article></main>"
    assert extract(page(SITE, body), url=URL).author == "Jane Roe"


def test_a_byline_that_names_only_the_site_still_gives_it() -> None:
    body = f"<main><article>{HEADLINE}{authors('Northwind')}{PARAGRAPHS}</article></main>"
    assert extract(page(SITE, body), url=URL).author == "Northwind"
