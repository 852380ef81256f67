"""An h1 the page gives screen readers only (a class such as "sr-only" or "screen-reader-text", or a style that clips
it to nothing) is no headline: readers see another element's, and such an h1 often says the whole <title> again."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract
from tests.test_titles6_jsonld import page

HEAD = ('<meta property="og:site_name" content="Ministry News">'
        '<meta property="og:title" content="Minister Meets Counterpart in Geneva | Talks and Outcomes | Ministry News">'
        "<title>Minister Meets Counterpart in Geneva | Talks and Outcomes | Ministry News</title>")
SHOWN = "Minister Meets Counterpart in Geneva"


@pytest.mark.parametrize("attributes", [
    'class="sr-only"',
    'class="screen-reader-text"',
    'class="title visually-hidden"',
    'style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap"',
])
def test_an_h1_for_screen_readers_only_is_no_headline(attributes: str) -> None:
    h1 = f"<h1 {attributes}>Minister Meets Counterpart in Geneva | Talks and Outcomes</h1>"
    found = extract(page(HEAD, h1), url="https://ministry.example/news/geneva")
    assert found.title == SHOWN


def test_a_visible_h1_is_the_headline_still() -> None:
    h1 = '<h1 class="entry-title">Minister Meets Counterpart in Geneva | Talks and Outcomes</h1>'
    found = extract(page(HEAD, h1), url="https://ministry.example/news/geneva")
    assert found.title == "Minister Meets Counterpart in Geneva | Talks and Outcomes"
