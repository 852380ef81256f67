"""'Not found' pages told by their headings, each encoding read (an ASCII heading searched once, not thrice)."""

from __future__ import annotations

import pytest

from briefarc.net.fetch import Response, looks_missing

URL = "https://www.example.org/news/2025/briefing.html"


def page(title: bytes, heading: bytes = b"", size: int = 2000) -> Response:
    body = b"<html><head><title>" + title + b"</title></head><body><h1>" + heading + b"</h1><p>"
    body += b"x" * max(0, size - len(body)) + b"</p></body></html>"
    return Response(url=URL, final_url=URL, status=200, headers={}, data=body, content_type="text/html",
                    elapsed=0.0, attempts=1)


@pytest.mark.parametrize("title, heading", [
    (b"Page not found", b""),
    (b"Ministry of Foreign Affairs", b"404 - Page Not Found"),
    ("страница не найдена".encode("windows-1251"), b""),
    ("страница не найдена".encode(), b""),
    ("页面不存在".encode("gb18030"), b""),
    (b"Ministry", "您访问的页面不存在".encode()),
])
def test_a_small_page_whose_heading_says_not_found_is_missing(title, heading):
    assert looks_missing(page(title, heading), URL)


@pytest.mark.parametrize("title, heading", [
    (b"Resolution 404 adopted by the Security Council", b"Statue has been removed from the square"),
    (b"A heading that is far too long to be the heading of an error page: page not found on the ministry's site",
     b""),
])
def test_an_article_that_names_the_words_is_not_missing(title, heading):
    assert not looks_missing(page(title, heading), URL)


def test_a_large_page_is_content_whatever_its_title_says():
    assert not looks_missing(page(b"Page not found", size=70_000), URL)
