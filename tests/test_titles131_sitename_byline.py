"""A personal site whose h1 is its owner's name, a link home over every page: no line after it is a byline.
When the article's own title stands in no h1 or h2, the byline search falls back to the page's first h1;
the lines after the site's name are then the article's text, where "by" stands between two links."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

URL = "https://jane.example.org/notes/porting-a-parser"
LD = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": "Porting a parser",
      "author": {"@type": "Person", "name": "Jane Roe"}}


def page(body: str) -> bytes:
    head = (f'<title>Porting a parser</title><meta property="og:site_name" content="Jane Roe">'
            f'<meta property="og:type" content="article">'
            f'<script type="application/ld+json">{json.dumps(LD)}</script>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>'
            f'<header><h1 class="site-name"><a href="/">Jane Roe</a></h1><nav><a href="/notes">Notes</a></nav></header>'
            f'<main><div class="post-title">Porting a parser</div>{body}</main></body></html>').encode()


PARAGRAPHS = "".join(
    f"<p>Paragraph {n} tells how the parser was ported, what the tests found and which parts were rewritten "
    f"from scratch before the release.</p>" for n in range(4))


def test_a_by_between_links_after_the_sites_name_names_no_author() -> None:
    body = ('<p>The tests are <a href="https://example.com/a">astring</a> and <a href="https://example.com/b">uutf</a>'
            ' by <span class="contact">John Doe</span>.</p>' + PARAGRAPHS)
    assert extract(page(body), url=URL).author == "Jane Roe"


def test_a_byline_under_the_articles_title_still_names_its_author() -> None:
    body = '<h2>Porting a parser</h2><p class="meta">By John Doe</p>' + PARAGRAPHS
    assert extract(page(body), url=URL).author == "John Doe"  # the heading that shows the title leads to it
