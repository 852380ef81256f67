"""Pages that are not documents: error pages and redirect stubs ("302 Found", "404 Not Found") that a
crawler or a browser saved in place of an article. They are refused with a one-line reason.

Only small pages are judged, by their <title> and first heading, which a server's own error page fills
with its status line; an article whose title mentions "404" is longer than a status line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.text import fold
from briefarc.net.missing import MISSING_MARKS, MISSING_WORDS
from briefarc.patterns import lazy

SMALL_TEXT = 1500  # characters of body text: more than this is content, whatever the title says
TINY_TEXT = 300  # a page with less body text than this is judged by its lines too
TINY_PAGE = 8_000  # characters of HTML: a page larger than this is judged by its headings only
REDIRECT = lazy(
    r"^\W*(?:(?:301|302|303|307|308)\s*)?(?:moved permanently|found|see other|temporary redirect|"
    r"permanent redirect|object moved|document moved|moved|redirect(?:ing|ion)?)\W*$",
    re.I,
)
ERROR = lazy(
    r"^\W*(?:error\W*)?(?:4\d\d|5\d\d)\b(?:\W+[a-z][\w ]{0,40})?\W*$|^\W*(?:not found|forbidden|access denied|"
    r"internal server error|bad gateway|service unavailable|gateway time-?out|bad request)\W*$",
    re.I,
)
# any of the words, in one search of the line where one search per pattern was made
_MISSING = lazy("|".join(f"(?:{pattern})" for pattern in MISSING_WORDS), re.I)


def refusal(tree: LexborHTMLParser, size: int) -> str | None:
    """Why a page is not a document (an error page, a redirect stub), or None for a page to keep;
    `size` is the length of its HTML."""
    found = heading_reason(tree)
    if found is None and size > TINY_PAGE:
        return None
    body = tree.body
    text = fold(body.text()) if body is not None else ""
    if len(text) > SMALL_TEXT:
        return None
    if found is None and len(text) <= TINY_TEXT and body is not None:  # a bare message: "对不起，您访问的页面不存在"
        found = first_reason(fold(node.text(deep=False)) for node in body.css("p, div, span, td, center, font, b")[:20])
    if found is None or not REDIRECT.match(found):
        return found and f'an error page ("{found}"), not a page to archive'
    target = tree.css_first("a[href]")
    href = (target.attributes.get("href") or "")[:200] if target is not None else ""
    return f'a redirect stub ("{found}"), not a page' + (f": it points to {href}" if href else "")


HEADINGS = "title, h1, h2"
HEADINGS_READ = 4  # the first four of them, in the page's order, are judged
FEW_HEADINGS = 8  # up to this many, all are judged first (see heading_reason)


def heading_reason(tree: LexborHTMLParser) -> str | None:
    """first_reason of the first HEADINGS_READ of the page's <title>, <h1> and <h2> elements, in the page's order.
    A page has a few: when none of them all is a status line, none of the first four is, which the parser's
    search by tag name tells for a third of the cost of a search with the selector (which gives the page's
    order); the selector is asked only when one of them is a status line, or when there are many."""
    found = [node for tag in ("title", "h1", "h2") for node in tree.tags(tag)]
    if len(found) <= FEW_HEADINGS and first_reason(fold(node.text()) for node in found) is None:
        return None
    return first_reason(fold(node.text()) for node in tree.css(HEADINGS)[:HEADINGS_READ])


def first_reason(lines: Iterable[str]) -> str | None:
    """The first line that is a redirect's or an error's status line."""
    for line in lines:
        if line and len(line) <= 80 and (REDIRECT.match(line) or ERROR.match(line)
                                         or (may_say_missing(line) and _MISSING.search(line))):
            return line
    return None


def may_say_missing(line: str) -> bool:
    """Whether the line may say that the page is missing: it holds one of MISSING_MARKS, or a character that is not
    ASCII (the patterns' words in other languages, and letters that a pattern ignoring case reads as ASCII ones)."""
    if not line.isascii():
        return True
    lowered = line.lower()
    return any(mark in lowered for mark in MISSING_MARKS)
