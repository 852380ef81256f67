"""URLs read from web text, resolved against the page's own URL or dropped.

Pages and feeds carry whatever their authors typed: `http://[::1/x`, ports of 99999, `javascript:`
links. urllib.parse raises ValueError on some of these and accepts others that fail later, so the
extractor reads every URL through these two functions, which answer None for what is not a URL.
"""

from __future__ import annotations

import re

from briefarc.urls import join, split

NOT_LINKS = ("javascript:", "#", "mailto:")
# A scheme of its own (RFC 3986): only http and https name a page to fetch; data:, tel:, about:, blob:, file:...
# are no links (a feed item's data: link was kept to be fetched, and retried as pending).
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.I)
WEB_SCHEMES = frozenset({"http", "https"})


def checked(url: str | None) -> str | None:
    """The URL, stripped, when it parses (port included); else None."""
    url = (url or "").strip()
    return url if url and split(url) is not None else None


def resolve(base: str | None, href: str | None) -> str | None:
    """href made absolute against base (an unusable base is ignored); None for an empty href, a
    script, fragment or mail link, an address of another scheme than http(s), or anything that is not a URL."""
    href = (href or "").strip()
    if not href or href[:11].lower().startswith(NOT_LINKS):
        return None
    scheme = SCHEME.match(href)
    if scheme and scheme.group(1).lower() not in WEB_SCHEMES:
        return None
    return join(base if split(base) is not None else None, href)
