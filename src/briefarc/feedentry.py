"""The bytes of one entry of a feed file: what `show --raw` and `cite` give for a document taken from a
full-text feed, rather than the whole feed it came in. Pure, no I/O."""

from __future__ import annotations

import re
from html import escape

# An RSS <item> or an Atom <entry>, with or without a namespace prefix, up to its own end tag.
ENTRY = re.compile(rb"<(?P<tag>(?:[\w.-]+:)?(?:item|entry))\b[^>]*>.*?</(?P=tag)\s*>", re.DOTALL)


def entry_bytes(feed: bytes, item: str) -> bytes | None:
    """The element of `feed` whose guid, id or link is `item`, byte for byte; None when none is."""
    wanted = {f">{form}<".encode() for form in (item, escape(item, quote=False))} | \
             {f'"{form}"'.encode() for form in (item, escape(item))}
    for match in ENTRY.finditer(feed):
        block = match.group(0)
        if any(form in block for form in wanted) or _stripped(block, item):
            return block
    return None


def _stripped(block: bytes, item: str) -> bool:
    """`item` as the whole text of an element of `block`, whitespace or CDATA around it."""
    pattern = rb">\s*(?:<!\[CDATA\[)?\s*" + re.escape(item.encode()) + rb"\s*(?:\]\]>)?\s*<"
    return re.search(pattern, block) is not None
