"""Review of d21f1b7 (otherdates._in_masthead): an article's own <header> is no masthead.

The rule takes a date line for the site's edition day when it stands in a <header> that links to the home page
and does not hold the headline. An article header of the common CMS shape, breadcrumbs ("Home › Press releases",
Home linking to "/") and the date line above the h1, which follows the header, has both: its date is dropped and
the page gets no date (9386634 gave 2025-03-12). Without the Home link, or with the date in a <time> element, the
same page is dated. A header inside <article> or <main> is the article's own."""

from __future__ import annotations

from briefarc.extract.core import extract

URL = "https://mfa.example.org/press/harbour-agreement"
PARAGRAPHS = (
    "<p>The Ministry of Foreign Affairs welcomes the signing of the Harbour Agreement between the two neighbouring "
    "states, which concludes four years of negotiations on shipping lanes and fishing rights.</p>"
    "<p>The agreement sets out a joint commission that will meet twice a year to review the implementation of its "
    "provisions, and a mechanism for settling disputes through arbitration.</p>"
    "<p>The Ministry thanks the mediators for their patient work and calls on all parties to implement the "
    "agreement in good faith.</p>")


def article_page(crumbs: str) -> bytes:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Statement on the Harbour Agreement'
            ' | Ministry of Foreign Affairs</title></head><body>'
            '<div class="site-top"><a href="/"><img src="/logo.png" alt="Ministry of Foreign Affairs"></a>'
            '<ul class="menu"><li><a href="/news">News</a></li><li><a href="/press">Press</a></li></ul></div>'
            '<main><article><header class="article-header">'
            f'<nav class="breadcrumb">{crumbs}<a href="/press">Press releases</a></nav>'
            '<p class="meta">Press release · 12 March 2025</p></header>'
            f'<h1>Statement on the Harbour Agreement</h1>{PARAGRAPHS}</article></main>'
            '<footer><p>© Ministry of Foreign Affairs</p></footer></body></html>').encode()


def test_an_article_header_without_a_home_link_gives_its_date():
    doc = extract(article_page(""), URL)
    assert (doc.title, doc.published) == ("Statement on the Harbour Agreement", "2025-03-12")


def test_an_article_header_with_breadcrumbs_home_first_gives_its_date():
    doc = extract(article_page('<a href="/">Home</a> › '), URL)
    assert (doc.title, doc.published) == ("Statement on the Harbour Agreement", "2025-03-12")
