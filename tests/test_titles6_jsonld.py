"""A JSON-LD headline that the two title tags, agreeing with each other, and the page's h1s all contradict gives way
to the title tags; one an h1 shows, or where the tags disagree, is kept."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

BODY = ("<p>The spokesperson said the ministry had followed the talks closely and welcomed the agreement reached by "
        "the two sides, which it hoped would lead to a lasting settlement of the dispute in the region.</p>"
        "<p>Asked about the timetable, she said the minister would travel to the capital next week to meet his "
        "counterpart and discuss the next steps, including the return of displaced people to their homes.</p>")


def page(head: str, headline: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body><main><article>'
            f"{headline}{BODY}</article></main></body></html>").encode()


def ld(headline: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


TAGS = ('<meta property="og:title" content="Remarks on the Ceasefire Agreement in the Region | Foreign Ministry">'
        "<title>Remarks on the Ceasefire Agreement in the Region | Foreign Ministry</title>"
        '<meta property="og:site_name" content="Foreign Ministry">')


def test_a_json_ld_headline_the_title_tags_and_the_h1_contradict_gives_way() -> None:
    head = ld("Spokesperson's Remarks on the Situation") + TAGS
    found = extract(page(head, "<h1>What the ministry said about the ceasefire</h1>"), url="https://mfa.example/a")
    assert found.title == "Remarks on the Ceasefire Agreement in the Region"
    assert extract(page(head), url="https://mfa.example/a").title == "Remarks on the Ceasefire Agreement in the Region"


def test_a_json_ld_headline_the_h1_shows_is_kept() -> None:
    head = ld("Spokesperson's Remarks on the Situation") + TAGS
    found = extract(page(head, "<h1>Spokesperson's Remarks on the Situation</h1>"), url="https://mfa.example/a")
    assert found.title == "Spokesperson's Remarks on the Situation"


def test_a_json_ld_headline_is_kept_when_the_title_tags_disagree() -> None:
    head = (ld("Spokesperson's Remarks on the Situation")
            + '<meta property="og:title" content="Remarks on the Ceasefire">'
            + "<title>Ceasefire: the Spokesperson's Remarks | Foreign Ministry</title>")
    assert extract(page(head), url="https://mfa.example/a").title == "Spokesperson's Remarks on the Situation"
