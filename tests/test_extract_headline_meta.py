"""Dates, bylines and titles read beside the headline: the element that shows the page's title, the
meta names that say "published", and what beats what when the page says several things."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the article says enough to be read as body text, with the ministry's statement, "
    f"the reactions of the neighbours and the talks planned for the week after the visit.</p>" for n in range(4)
)


def page(head: str, body: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Talks resume in Doha after '
            f"a long pause - The Daily</title>{head}</head><body>{body}</body></html>").encode()


def ld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


HEADLINE = "<h1>Talks resume in Doha after a long pause</h1>"


# --- dates -------------------------------------------------------------------------------------------

def test_meta_names_that_say_published_are_read() -> None:
    scholarly = '<meta name="citation_publication_date" content="2019/1/22">'
    assert extract(page(scholarly, HEADLINE + PARAGRAPHS)).published == "2019-01-22"
    custom = ('<meta property="article:publisher" content="https://facebook.com/thedaily">'
              '<meta name="w-modified-date" content="2025-06-01T06:03:43Z">'
              '<meta name="w-published-date" content="2025-05-27T06:03:43Z">')
    assert extract(page(custom, HEADLINE + PARAGRAPHS)).published == "2025-05-27T06:03:43+00:00"
    plain = '<meta name="published" content="July 17, 2025">'
    assert extract(page(plain, HEADLINE + PARAGRAPHS)).published == "2025-07-17"


def test_date_published_beats_date_modified_and_the_visible_updated_date() -> None:
    head = ld(headline="Talks resume", datePublished="2024-09-06", dateModified="2025-11-14")
    body = f"{HEADLINE}<div class=meta>Updated November 14, 2025</div>{PARAGRAPHS}"
    assert extract(page(head, body)).published == "2024-09-06"
    microdata = ('<div itemscope itemtype="https://schema.org/BlogPosting">'
                 '<meta itemprop="datePublished" content="2024-05-09 00:00:00 +0000">'
                 '<meta itemprop="dateModified" content="2025-12-16 00:00:00 +0000">'
                 f"{HEADLINE}<div>16 December 2025</div>{PARAGRAPHS}</div>")
    assert extract(page("", microdata)).published == "2024-05-09T00:00:00+00:00"


def test_the_date_line_beside_the_headline_not_the_first_h1_which_is_the_logo() -> None:
    body = ('<header><h1 class="logo">The Daily</h1><nav><a href="/">Home</a></nav></header>'
            "<main><h2>Talks resume in Doha after a long pause</h2><div>by Jane Roe</div>"
            f"<div>December 24, 2024</div>{PARAGRAPHS}</main>")
    assert extract(page("", body)).published == "2024-12-24"


def test_a_date_just_above_the_headline_beats_one_further_down() -> None:
    body = (f"<div><span>Business</span><span>January 27, 2025</span></div>{HEADLINE}"
            "<p>A short standfirst of the article.</p><div>Last tax season, November 15, 2024</div>" + PARAGRAPHS)
    assert extract(page("", body)).published == "2025-01-27"


def test_a_date_line_far_from_the_headline_comes_in_through_the_siblings_of_its_parents() -> None:
    body = (f'<div class="hero"><div class="inner"><div class="col">{HEADLINE}</div></div></div>'
            '<div class="meta"><div><span class="who">Written by</span><span>Jane Roe</span></div>'
            f"<div><span>Nov 21, 2018</span></div></div>{PARAGRAPHS}")
    assert extract(page("", body)).published == "2018-11-21"


def test_an_updated_line_counts_only_when_no_other_date_stands_by_the_headline() -> None:
    both = f"{HEADLINE}<div>Updated: January 02, 2026</div><div>DECEMBER 22, 2022</div>{PARAGRAPHS}"
    assert extract(page("", both)).published == "2022-12-22"
    only = f"{HEADLINE}<div>Last updated: November 13, 2025</div>{PARAGRAPHS}"
    assert extract(page("", only)).published == "2025-11-13"


def test_a_related_cards_time_is_not_the_pages_date() -> None:
    cards = ('<ul class="cards"><li><a href="/a">Another story on the site</a> <time datetime="2025-01-31">01/31/2025'
             '</time></li></ul>')
    body = f"{cards}{HEADLINE}<div>March 1, 2017</div>{PARAGRAPHS}"
    assert extract(page("", body)).published == "2017-03-01"
