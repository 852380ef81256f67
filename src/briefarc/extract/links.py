"""URLs read from web text, resolved against the page's own URL or dropped.

Pages and feeds carry whatever their authors typed: `http://[::1/x`, ports of 99999, `javascript:`
links. urllib.parse raises ValueError on some of these and accepts others that fail later, so the
extractor reads every URL through these two functions, which answer None for what is not a URL.
"""

from __future__ import annotations

from briefarc.urls import DEFAULT_PORTS, join, split

# Schemes of links to a page: http and https, or none (a link relative to a page without an address).
# javascript:, mailto:, data:, tel:, about:, blob:, file:... are no links (a feed item's data: link was kept
# to be fetched, and retried as pending).
PAGE_SCHEMES = frozenset({"", *DEFAULT_PORTS})


def checked(url: str | None) -> str | None:
    """The URL, stripped, when it parses (port included); else None."""
    url = (url or "").strip()
    return url if url and split(url) is not None else None


def resolve(base: str | None, href: str | None) -> str | None:
    """href made absolute against base (an unusable base is ignored); None for an empty href, a
    script, fragment or mail link, an address of another scheme than http(s), or anything that is not a URL."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    joined = join(base if split(base) is not None else None, href)
    parts = split(joined)
    return joined if parts is not None and parts.scheme.lower() in PAGE_SCHEMES else None
