"""Pages that are not documents: error pages and redirect stubs ("302 Found", "404 Not Found") that a
crawler or a browser saved in place of an article. They are refused with a one-line reason.

Only small pages are judged, by their <title> and first heading, which a server's own error page fills
with its status line; an article whose title mentions "404" is longer than a status line.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.text import fold
from briefarc.net.missing import MISSING_WORDS

SMALL_TEXT = 1500  # characters of body text: more than this is content, whatever the title says
TINY_TEXT = 300  # a page with less body text than this is judged by its lines too
REDIRECT = re.compile(
    r"^\W*(?:(?:301|302|303|307|308)\s*)?(?:moved permanently|found|see other|temporary redirect|"
    r"permanent redirect|object moved|document moved|moved|redirect(?:ing|ion)?)\W*$",
    re.I,
)
ERROR = re.compile(
    r"^\W*(?:error\W*)?(?:4\d\d|5\d\d)\b(?:\W+[a-z][\w ]{0,40})?\W*$|^\W*(?:not found|forbidden|access denied|"
    r"internal server error|bad gateway|service unavailable|gateway time-?out|bad request)\W*$",
    re.I,
)
_MISSING = [re.compile(pattern, re.I) for pattern in MISSING_WORDS]


def refusal(tree: LexborHTMLParser) -> str | None:
    """Why a page is not a document (an error page, a redirect stub), or None for a page to keep."""
    body = tree.body
    if body is not None and len(fold(body.text())) > SMALL_TEXT:
        return None
    headings = [fold(node.text()) for node in tree.css("title, h1, h2")[:4]]
    if body is not None and len(fold(body.text())) <= TINY_TEXT:  # a bare message: "对不起，您访问的页面不存在"
        headings += [fold(node.text(deep=False)) for node in body.css("p, div, span, td, center, font, b")][:20]
    for heading in headings:
        if not heading or len(heading) > 80:
            continue
        if REDIRECT.match(heading):
            target = tree.css_first("a[href]")
            href = (target.attributes.get("href") or "")[:200] if target is not None else ""
            where = f": it points to {href}" if href else ""
            return f'a redirect stub ("{heading}"), not a page{where}'
        if ERROR.match(heading) or any(rule.search(heading) for rule in _MISSING):
            return f'an error page ("{heading}"), not a page to archive'
    return None
