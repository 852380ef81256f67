"""Dates that are not the page's own, on pages written for these tests: a comment's under a short article that
declares no date, a related article's teaser under a short article whose meta tag the page never shows, and the
other articles a page's JSON-LD lists beside its own (each with its datePublished)."""

from __future__ import annotations

import json

from briefarc.extract.core import extract
from briefarc.extract.otherdates import close_lines

TEXT = ("<p>The ministry said on Wednesday that it had summoned the envoy to convey its concern over the incident at "
        "the border, and that consultations with partners in the region were under way, a spokesperson added.</p>")
URL = "https://news.example/world/envoy-summoned"


def dated(html: str) -> str | None:
    return extract(html.encode(), url=URL, content_type="text/html; charset=utf-8").published


def page(head: str, after: str) -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>Envoy summoned</title>{head}</head><body><main>"
            f"<article><h1>Envoy summoned</h1>{TEXT}</article>{after}</main></body></html>")


def test_a_comments_date_is_not_the_pages() -> None:
    comments = ("<section id='comments'><h2>2 comments</h2><div class='comment-list'><div class='comment'>"
                "<span>July 1, 2024 at 3:00 pm</span><p>Thanks for the summary.</p></div></div></section>")
    assert dated(page("", comments)) is None


def test_a_date_by_the_headline_is_still_the_pages_beside_comments() -> None:
    """A regression guard (the code before the comments rule passes it too): the rule must not take the page's own
    date line for a comment's."""
    comments = "<div class='comments'><span>July 1, 2024</span><p>Well put.</p></div>"
    html = page("", comments).replace("<h1>Envoy summoned</h1>", "<h1>Envoy summoned</h1><p>June 5, 2024</p>")
    assert dated(html) == "2024-06-05"


META = "<meta property='article:published_time' content='2024-06-05T10:00:00+00:00'>"


def test_a_related_teaser_below_a_short_article_is_not_its_date() -> None:
    related = ("<div class='related-posts'><div class='item'><a href='/world/other-story'>Talks on the border "
               "crossing resume in the capital</a><span>Jan 1, 2024</span></div></div>")
    assert (dated(page(META, related)) or "")[:10] == "2024-06-05"


def test_close_lines_end_at_the_articles_text() -> None:
    paragraph = "word " * 60
    assert close_lines(["By Ann", "June 5, 2024", paragraph, "Jan 1, 2024"]) == ["By Ann", "June 5, 2024"]
    assert close_lines(["By Ann", "June 5, 2024", "Share", "Print", "Jan 1, 2024"]) == [
        "By Ann", "June 5, 2024", "Share", "Print"]


def listed(*articles: tuple[str, str, str]) -> str:
    objects = [{"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline, "url": url,
                "datePublished": day} for headline, url, day in articles]
    return f"<script type='application/ld+json'>{json.dumps(objects)}</script>"


def test_the_json_ld_article_that_names_the_page_dates_it() -> None:
    other = ("Talks on the border crossing resume", "https://news.example/world/talks-resume", "2023-01-01")
    own = ("Envoy summoned", URL, "2024-06-05")
    assert dated(page(listed(other, own), "")) == "2024-06-05"
    by_address = ("Envoy summoned over the border incident, ministry says", URL + "/", "2024-06-05")
    assert dated(page(listed(other, by_address), "")) == "2024-06-05"
    assert dated(page(listed(own, other), "")) == "2024-06-05"


def test_a_comments_time_element_is_not_the_pages() -> None:
    comments = ("<div class='commentlist'><div><article><time datetime='2024-07-01T15:00:00+00:00'>1 July</time>"
                "<p>Thanks.</p></article></div></div>")
    html = page("", comments).replace(TEXT, TEXT * 12)
    assert dated(html) is None


def jsonld_slashed(locale: str) -> str:
    data = json.dumps({"@type": "NewsArticle", "headline": "Envoy summoned", "datePublished": "06/05/2024 09:21:40"})
    return page(f"<meta property='og:locale' content='{locale}'><script type='application/ld+json'>{data}</script>", "")


def test_a_slashed_json_ld_day_reads_in_the_pages_order() -> None:
    assert dated(jsonld_slashed("en_US")) == "2024-06-05"
    assert dated(jsonld_slashed("en_GB")) == "2024-05-06"


def updated_under(head: str, line: str) -> str:
    return page(head, "").replace("<h1>Envoy summoned</h1>", f"<h1>Envoy summoned</h1><p>{line}</p>")


def declared(published: str, modified: str) -> str:
    data = json.dumps({"@type": "NewsArticle", "headline": "Envoy summoned", "datePublished": published,
                       "dateModified": modified})
    return f"<script type='application/ld+json'>{data}</script>"


def test_an_update_shown_before_the_declared_publication_dates_the_page() -> None:
    build = declared("2025-11-13T09:21:40+00:00", "2025-11-13T09:21:40+00:00")
    assert dated(updated_under(build, "Page updated: 12 November 2025")) == "2025-11-12"
    tag = "<meta property='article:published_time' content='2025-11-20T09:21:40+00:00'>"
    assert dated(updated_under(tag, "Last updated: 12 November 2025")) == "2025-11-12"


def test_an_update_shown_after_the_declared_publication_does_not() -> None:
    """A regression guard (the code before the earlier-update rule passes it too): a later update still gives way."""
    history = declared("2025-05-19T22:12:02+00:00", "2025-08-14T13:02:09+00:00")
    assert (dated(updated_under(history, "Updated August 14, 2025")) or "")[:10] == "2025-05-19"
    tag = "<meta property='article:published_time' content='2025-05-19T22:12:02+00:00'>"
    assert (dated(updated_under(tag, "Updated August 14, 2025")) or "")[:10] == "2025-05-19"


def test_a_line_of_another_days_meaning_does_not_date_the_page() -> None:
    ld = declared("2024-06-05T10:00:00+00:00", "2024-06-05T10:00:00+00:00")
    for line in ("Offer ends June 30, 2024", "Effective date: January 1, 2025", "Applications closing 30 June 2024",
                 "Born March 3, 2001"):
        assert (dated(updated_under(ld, line)) or "")[:10] == "2024-06-05", line
