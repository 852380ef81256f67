"""Pages that answer 200 but mean "not found": error pages reached by a redirect, or small pages saying so.

China MFA sends a removed article to a `/web/system/` page with status 200. The rules are data; the
checks are plain byte searches, no HTML parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from briefarc.patterns import lazy

# A final URL whose path matches one of these, reached from a URL whose path did not, is an error page.
MISSING_PATHS = (
    r"/web/system/",
    r"/system/(?:error|404|notfound)",
    r"/error(?:s)?(?:[/._-]|$)",
    r"/404(?:[/._-]|$)",
    r"not-?found",
    r"not_found",
    r"/page-?not-?found",
)

# What a small page's <title> or <h1> says when the page is gone. Whole phrases, not single words:
# "Resolution 404 adopted" or "Statue has been removed" are articles.
MISSING_WORDS = (
    r"^\W*(?:error\W*)?404\b",
    r"\b404\W*(?:error|not found|page)\b",
    r"\b(?:page|file|document|article|resource|content|url)s? (?:was |is |could not be |cannot be )?not found\b",
    r"^\W*not found\W*$",
    r"\bpage (?:does not|doesn't|cannot be|could not be|no longer) (?:exist|found)",
    r"\b(?:page|article|content|document) is no longer available\b",
    r"\b(?:this|the) (?:page|article|content|document) (?:has been|was) (?:removed|deleted)\b",
    "页面不存在",
    "您访问的页面不存在",
    "页面未找到",
    "找不到页面",
    "страница не найдена",
    "página no encontrada",
    "page introuvable",
)
# A word that every match of an ASCII line by MISSING_WORDS holds (their case ignored): a line of ASCII without any
# of them says nothing of a missing page, which a look for each tells for a tenth of the cost of the patterns.
# Keep it in step with MISSING_WORDS: test_missing_pages generates lines the patterns match and checks each holds one.
MISSING_MARKS = ("404", "not found", "page", "no longer available", "removed", "deleted")
HEADING_CHARS = 80  # a heading longer than this is an article's, whatever words it holds

SMALL_PAGE = 64 * 1024  # a page larger than this is content, whatever its title says
ENCODINGS = ("utf-8", "gb18030", "windows-1251")  # the Chinese and Russian words may come in these

_PATHS = [lazy(pattern, re.IGNORECASE) for pattern in MISSING_PATHS]
_WORDS = lazy("|".join(f"(?:{pattern})" for pattern in MISSING_WORDS), re.IGNORECASE)  # any of them
_HEADINGS = lazy(rb"<(title|h1)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAGS = lazy(rb"<[^>]*>")
_REFRESH = lazy(
    rb"""(?:http-equiv=["']?refresh["']?[^>]*?url=|location(?:\.href)?\s*=\s*|location\.replace\(\s*)["']?([^"'>\s;)]+)""",
    re.IGNORECASE,
)


def looks_missing(response, requested_url: str) -> bool:
    """Whether a response for `requested_url` is really a "not found" answer.

    `response` is a `briefarc.net.fetch.Response` (status, final_url, data).
    """
    if response.status in (404, 410):
        return True
    if not 200 <= response.status < 300:
        return False
    if is_error_path(response.final_url, requested_url):
        return True
    data = response.data
    if len(data) > SMALL_PAGE:
        return False
    lowered = data.lower()  # where to try the patterns: each run over the whole page would cost ~1 ms
    return _refreshes_to_error(data, lowered, response.final_url, requested_url) or _says_missing(data, lowered)


def is_error_path(url: str, requested_url: str) -> bool:
    """Whether `url` is an error page that `requested_url` (a different address) was sent to."""
    if url == requested_url:
        return False
    path, asked = urlsplit(url).path, urlsplit(requested_url).path
    return any(rule.search(path) and not rule.search(asked) for rule in _PATHS)


def _matches(pattern: re.Pattern, data: bytes, lowered: bytes, starts: tuple[bytes, ...]) -> Iterator[re.Match]:
    """What `pattern.finditer(data)` finds, when every match begins with one of `starts` (lower case): the
    pattern is tried only where one of them stands, in order, never inside a match already found."""
    places = sorted(found for start in starts for found in _places(lowered, start))
    end = 0
    for place in places:
        if place >= end and (match := pattern.match(data, place)):
            end = max(match.end(), place + 1)
            yield match


def _places(lowered: bytes, start: bytes) -> Iterator[int]:
    place = lowered.find(start)
    while place != -1:
        yield place
        place = lowered.find(start, place + 1)


def _refreshes_to_error(data: bytes, lowered: bytes, base: str, requested_url: str) -> bool:
    for match in _matches(_REFRESH, data, lowered, (b"http-equiv", b"location")):
        target = urljoin(base, match.group(1).decode("latin-1"))
        if is_error_path(target, requested_url):
            return True
    return False


def _says_missing(data: bytes, lowered: bytes) -> bool:
    for match in _matches(_HEADINGS, data, lowered, (b"<title", b"<h1")):
        if any(_WORDS.search(words) for words in _readings(_TAGS.sub(b" ", match.group(2)))):
            return True
    return False


def _readings(text: bytes) -> set[str]:
    """A heading's text as each of ENCODINGS reads it, short enough to be a heading: ASCII (most headings) reads
    the same in all of them, and is searched once, not three times (each search took 15 to 35 µs)."""
    readings = {" ".join(text.decode(encoding, "ignore").split())
                for encoding in (ENCODINGS[:1] if text.isascii() else ENCODINGS)}
    return {words for words in readings if len(words) <= HEADING_CHARS}
