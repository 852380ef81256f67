"""Of several authors a page's JSON-LD declares, only those whose names read as a person's: a CMS that lists
the byline's group or its social page among them ("... Network on Facebook") names no second author."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

URL = "https://news.example.com/2025/12/18/green-gifts"
PARAGRAPHS = "".join(
    f"<p>Paragraph {n} suggests a gift for the gardener on the list, what it costs and where it can be "
    f"bought before the holidays.</p>" for n in range(4))


def author(*names: str) -> str | None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Green gifts for gardeners",
            "author": [{"@type": "Person", "name": name} for name in names]}
    head = f'<title>Green gifts for gardeners</title><script type="application/ld+json">{json.dumps(data)}</script>'
    body = f"<article><h1>Green gifts for gardeners</h1><p>By {names[0]}</p>{PARAGRAPHS}</article>"
    page = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return extract(page.encode(), url=URL).author


def test_a_declared_author_that_reads_as_no_name_is_left_out() -> None:
    assert author("Jane Roe", "Garden-based Learning Network on Facebook") == "Jane Roe"


def test_several_declared_people_are_all_kept() -> None:
    assert author("Jane Roe", "John Doe") == "Jane Roe, John Doe"
