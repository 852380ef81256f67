"""A site's own selectors read the story's <article> first: a news site marks its teaser cards ("Most popular")
with the title, byline and timestamp classes its stories have, and a card above the story gave its headline and
date to the story (helper-92, on a page in Dawn's template)."""

from __future__ import annotations

from briefarc.extract.core import extract

CARD = """<article class="story">
  <h2 class="story__title"><a href="https://www.dawn.com/news/1800001">Rupee gains against the dollar</a></h2>
  <span class="story__byline"><a href="/authors/1">Card Writer</a></span>
  <span class="timestamp--time" title="2025-01-02T09:00:00+05:00">Jan 2, 2025</span>
</article>"""

STORY = """<article class="story story--main">
  <h2 class="story__title">FO says talks with Kabul on border crossings will resume next week</h2>
  <span class="story__byline"><a href="/authors/2">Baqir Sajjad Syed</a></span>
  <span class="timestamp--time" title="2025-03-07T18:25:40+05:00">Mar 7, 2025</span>
  <div class="story__content">
    <p>ISLAMABAD: The Foreign Office said on Friday that talks with Kabul on reopening the border crossings would
    resume next week, after a pause of nearly a month that had stranded thousands of trucks on both sides.</p>
    <p>Spokesperson Shafqat Ali Khan told the weekly briefing that Pakistan wanted the crossings open but
    expected the interim authorities to act against militants operating from Afghan soil.</p>
    <p>He said the two sides had agreed to meet at the level of senior officials before the end of the month.</p>
  </div>
</article>"""


def page(*parts: str) -> bytes:
    aside = f'<aside class="most-popular"><h3>Most popular</h3>{CARD}</aside>'
    return f"<html><head><title>Dawn</title></head><body>{''.join(parts).replace('CARD', aside)}</body></html>".encode()


def test_a_card_above_the_story_gives_it_neither_title_nor_date_nor_author() -> None:
    url = "https://www.dawn.com/news/1895432/fo-says-talks-with-kabul-will-resume"
    for html in (page("CARD", STORY), page(STORY, "CARD")):
        doc = extract(html, url)
        assert doc.title == "FO says talks with Kabul on border crossings will resume next week"
        assert doc.published.startswith("2025-03-07")
        assert doc.author == "Baqir Sajjad Syed"


def test_without_an_article_around_the_body_the_page_is_read_as_before() -> None:
    url = "https://www.dawn.com/news/1895432/fo-says-talks-with-kabul-will-resume"
    story = STORY.replace("<article", "<div").replace("</article>", "</div>")
    doc = extract(page(story), url)
    assert doc.title.startswith("FO says talks with Kabul") and doc.published.startswith("2025-03-07")
