"""Where pages come from: built-in sources as data, and the adapters that discover their items."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from briefarc.errors import UsageError
from briefarc.models import Source

KINDS = ("feed", "sitemap", "wordpress", "listing", "mea", "govuk")


def adapter(kind: str):
    """The discovery function for a source kind."""
    from briefarc.sources import apis, feed, listing

    table = {
        "feed": feed.discover_feed,
        "sitemap": feed.discover_sitemap,
        "wordpress": apis.discover_wordpress,
        "listing": listing.discover_listing,
        "mea": apis.discover_mea,
        "govuk": apis.discover_govuk,
    }
    if kind not in table:
        raise UsageError(f"Unknown source kind {kind!r}: use one of {', '.join(KINDS)}.")
    return table[kind]


@cache
def builtin_sources() -> tuple[Source, ...]:
    """The sources briefarc knows out of the box (sources/registry.json)."""
    raw = json.loads(resources.files("briefarc.sources").joinpath("registry.json").read_text("utf-8"))
    return tuple(
        Source(name=e["name"], kind=e["kind"], url=e["url"], options=e.get("options", {}), title=e.get("title"),
               builtin=True, enabled=e.get("enabled", True))
        for e in raw
    )
