"""A menu's "By Modality" link above the headline (a site's menu that browses its pages by one thing or another)
was read as a "By ..." byline: a line beside the headline that is a menu's link is none."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract

URL = "https://www.northwind.example/blog/seo-tips-for-clinics"
PARAGRAPHS = ("<p>Clinics that publish answers to the questions their patients ask are found more often, and the "
              "pages that do best are the ones written for a reader rather than for a search engine.</p>"
              "<p>Start with the ten questions you hear most often at the front desk, write a short page for each, "
              "and link them from the pages about the services they concern.</p>")
HEADLINE = "<h1>SEO tips for clinics: how to attract more clients with search</h1>"


def page(body: str) -> bytes:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SEO tips for clinics</title></head>'
            f"<body>{body}</body></html>").encode()


@pytest.mark.parametrize("menu", [
    '<nav class="nav-menu"><a href="/modalities">By Modality</a><a href="/about">About</a></nav>',
    '<div role="navigation"><a href="/modalities">By Modality</a><a href="/about">About</a></div>',
])
def test_a_menus_link_above_the_headline_is_no_byline(menu: str) -> None:
    body = f'<div class="navbar">{menu}</div><main><article>{HEADLINE}{PARAGRAPHS}</article></main>'
    assert extract(page(body), url=URL).author is None


@pytest.mark.parametrize("menu", [
    '<nav class="nav-menu"><a href="/modalities">By Modality</a><a href="/about">About</a></nav>',
    '<div role="navigation"><a href="/modalities">By Modality</a><a href="/about">About</a></div>',
])
def test_a_byline_beside_the_headline_is_still_read_under_a_menu(menu: str) -> None:
    byline = '<p class="meta">By Jane Roe</p>'
    body = f'<div class="navbar">{menu}</div><main><article>{HEADLINE}{byline}{PARAGRAPHS}</article></main>'
    assert extract(page(body), url=URL).author == "Jane Roe"
    body = f'<div class="navbar">{menu}</div><main><article><p>By Jane Roe</p>{HEADLINE}{PARAGRAPHS}</article></main>'
    assert extract(page(body), url=URL).author == "Jane Roe"
