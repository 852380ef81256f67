"""The byline elements found with one test of a link's address instead of two (issue 12: same output).

BYLINE's two selectors of author links (an address holding "/author/" or "/authors/") were a third of its
search; BYLINE_SEARCH has one ("/author"). lexbor gives an element once for each selector of a list it matches,
and the first twelve are read, so `bylines` must give what css(BYLINE) gave, repeats included."""

from __future__ import annotations

import random

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.authors import AUTHOR_LINKS, BYLINE, author_links, bylines
from briefarc.extract.pagesources import PageSources

ELEMENTS = ['<a href="/author/jane">Jane</a>', '<a href="/authors/author/x">Both</a>', '<a href="/authority/">No</a>',
            '<a href="/authors/">Many</a>', '<a rel="author" href="/author/x">Rel</a>', '<a href="/AUTHOR/">Caps</a>',
            '<span class="byline author">By</span>', '<div class="Writer-Box">W</div>', '<p itemprop="author">I</p>',
            '<a class="author-link" href="/author/x" rel=author itemprop=author>All</a>', "<p>plain</p>",
            '<svg><a xlink:href="/authors/author/">svg</a><a href="/author" xlink:href="/authors/">two</a></svg>',
            '<a xlink:href="/author/x" href="/nothing">odd</a>', '<a foo:href="/author/x">foo</a>',
            '<span class="authority">A</span>', '<a href>empty</a>',
            '<a href="/author"><span class=byline>x</span></a>', '<a rel="Author" href="/x">Cap rel</a>',
            '<a rel="author nofollow" href="/authors/y">Two rels</a>', '<span rel="AUTHOR">span</span>',
            '<a rel=" author" href="/AUTHORS/">spaced</a>', '<link rel="author" href="/author/z">']


def compared(selector: str, found, seed: int) -> tuple[int, int]:
    """On 4,000 random pages of ELEMENTS, assert that `found` (of the page's sources) gives the elements
    css(selector) gives, in its order, repeats included; how many pages had repeats, and how many any element."""
    rng = random.Random(seed)
    repeated = matched = 0
    for _ in range(4_000):
        markup = "".join(rng.choice(ELEMENTS) for _ in range(rng.randint(0, 8)))
        tree = LexborHTMLParser(f"<html><body><div>{markup}</div></body></html>")
        expected = [node.mem_id for node in tree.css(selector)]
        assert [node.mem_id for node in found(PageSources(tree, None))] == expected, markup
        repeated += len(expected) != len(set(expected))
        matched += bool(expected)
    return repeated, matched


def test_bylines_are_those_of_the_list_of_selectors_repeats_included():
    repeated, _ = compared(BYLINE, bylines, 8)
    assert repeated > 100


def test_author_links_are_those_of_their_list_of_selectors_repeats_included():
    """author_links reads AUTHOR_LINKS's elements from the bylines' search instead of searching the page again."""
    repeated, matched = compared(AUTHOR_LINKS, author_links, 9)
    assert repeated > 100 and matched > 2_000
