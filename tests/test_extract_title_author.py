"""Titles and authors when the page's sources disagree: the site's name set as an h1, a <title> with the
site's name or host glued on, truncated declared titles, entities left in any of them, and bylines."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the post says enough to be read as body text, with the measurements, the code that "
    f"was changed and what the next release will bring to the people who use it every day.</p>" for n in range(4)
)
URL = "https://blog.example.org/2025/12/progress-report"


def html(head: str, body: str) -> bytes:
    page = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return page.encode()


def ld(**fields: object) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "BlogPosting", **fields})}</script>'


# --- titles ------------------------------------------------------------------------------------------

def test_an_h1_that_links_to_the_home_page_is_the_sites_name_not_the_headline() -> None:
    head = "<title>Compiler backend: progress report #39</title>"
    for logo in ("<a href='/'><h1>Jane Roe's Notebook</h1></a>",
                 "<h1><a href='https://blog.example.org/'>Jane Roe's Notebook</a></h1>"):
        assert extract(html(head, logo + PARAGRAPHS), url=URL).title == "Compiler backend: progress report #39"
    permalink = '<h1><a href="/2025/12/progress-report">Progress report number 39</a></h1>'
    assert extract(html(head, permalink + PARAGRAPHS), url=URL).title == "Progress report number 39"
