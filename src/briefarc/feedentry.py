"""The bytes of one entry of a feed file: what `show --raw` and `cite` give for a document taken from a
full-text feed, rather than the whole feed it came in. Pure, no I/O."""

from __future__ import annotations

import re

# An RSS <item> or an Atom <entry>, with or without a namespace prefix, up to its own end tag.
ENTRY = re.compile(rb"<(?P<tag>(?:[\w.-]+:)?(?:item|entry))\b[^>]*>.*?</(?P=tag)\s*>", re.DOTALL)


def entry_bytes(feed: bytes, item: str) -> bytes | None:
    """The element of `feed` whose guid, id or link is `item`, byte for byte; None when none is."""
    if item.startswith("entry:"):
        return _unnamed(feed, item)
    written = _written(item)
    for match in ENTRY.finditer(feed):
        block = match.group(0)
        if written.search(block):
            return block
    return None


def _written(item: str) -> re.Pattern[bytes]:
    """`item` as the whole text of an element (whitespace or CDATA around it) or the whole value of an attribute,
    each of its characters as it is or as a character reference: WordPress writes the "&" of a guid as "&#038;"
    ("?post_type=state_briefing&#038;p=269487"), others "&amp;", "&#38;" or "&#x26;"."""
    value = b"".join(_character(char) for char in item)
    return re.compile(rb">\s*(?:<!\[CDATA\[)?\s*" + value + rb"\s*(?:\]\]>)?\s*<|(?P<quote>[\"'])" + value
                      + rb"(?P=quote)")


NAMED = {"&": b"amp", "<": b"lt", ">": b"gt", '"': b"quot", "'": b"apos"}


def _character(char: str) -> bytes:
    """A pattern for `char` as written in XML: itself, its decimal or hexadecimal reference, or its entity."""
    if char.isascii() and char.isalnum():
        return re.escape(char.encode())  # letters and digits are written as they are
    code = ord(char)
    forms = [re.escape(char.encode()), rb"&#0*%d;" % code, rb"&#[xX]0*(?i:%x);" % code]
    if char in NAMED:
        forms.append(b"&" + NAMED[char] + b";")
    return b"(?:" + b"|".join(forms) + b")"


WRAPPERS = {b"item": (b'<rss version="2.0"><channel>', b"</channel></rss>"),
            b"entry": (b'<feed xmlns="http://www.w3.org/2005/Atom">', b"</feed>")}


def _unnamed(feed: bytes, item: str) -> bytes | None:
    """The entry with neither guid nor link that `item` names by its title and date (pipeline.entry_key): each
    entry is read alone, in a feed of its own."""
    from briefarc.errors import InputError
    from briefarc.extract.feed import parse_feed
    from briefarc.pipeline import entry_key

    for match in ENTRY.finditer(feed):
        block = match.group(0)
        head, tail = WRAPPERS.get(match.group("tag").rpartition(b":")[2], (b"", b""))
        try:
            entries = parse_feed(head + block + tail).items if head else []
        except InputError:
            continue
        if entries and entry_key(entries[0]) == item:
            return block
    return None
