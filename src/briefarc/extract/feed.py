"""RSS 2.0, Atom and RDF feeds, and XML sitemaps.

The XML is read by briefarc.extract.xmltree: strictly when it is well formed, tolerantly when not.
Links that are not URLs are dropped. The entry points raise InputError and nothing else.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from briefarc.extract import dates
from briefarc.extract.decode import decode_html
from briefarc.extract.guard import input_errors_only
from briefarc.extract.links import checked, resolve
from briefarc.extract.text import fold
from briefarc.extract.xmltree import Element, parse_xml, tolerant_parse
from briefarc.patterns import lazy

# Atomic and possessive: a comment ends at its first "-->" (no backtracking over many comments).
# A document type declaration may hold an internal subset ("[...]"): its entities are never expanded.
PROLOG = (rb"\s*+(?:<\?xml[^>]*+>\s*+)?(?:(?><!--.*?-->)\s*+|<\?xml-stylesheet[^>]*+>\s*+"
          rb"|<!DOCTYPE[^>\[]*+(?:\[[^\]]*+\])?\s*+>\s*+)*+")
FEED_START = lazy(PROLOG + rb"<(?:rss|feed|rdf:RDF|RDF)\b", re.S | re.I)
SITEMAP_START = lazy(PROLOG + rb"<(?:[^\s<>/:!?]*+:)?(?:urlset|sitemapindex)\b", re.S | re.I)
SITEMAP_ROOT = lazy(rb"<(?:urlset|sitemapindex)\b", re.I)
ROOT_START = lazy(r"<(?:rss|feed|rdf:RDF|RDF|urlset|sitemapindex)\b")


@dataclass
class FeedItem:
    title: str | None = None
    link: str | None = None
    guid: str | None = None
    published: str | None = None
    author: str | None = None
    summary: str | None = None
    content: str | None = None  # HTML
    categories: list[str] = field(default_factory=list)


@dataclass
class Feed:
    kind: str  # rss | atom | rdf
    title: str | None = None
    link: str | None = None
    language: str | None = None
    items: list[FeedItem] = field(default_factory=list)
    root: str | None = None  # the document element's name: rss, feed or rdf in a feed (html in a web page)
    updated: str | None = None  # when the channel's content last changed, as it says (see _channel_date)


@dataclass
class Sitemap:
    urls: list[tuple[str, str | None]] = field(default_factory=list)  # (loc, lastmod)
    sitemaps: list[str] = field(default_factory=list)
    root: str | None = None  # the document element's name: urlset or sitemapindex in a sitemap


BOM = b"\xef\xbb\xbf"


def is_feed(data: bytes) -> bool:
    """True for bytes that start like an RSS, Atom or RDF document, however long the prolog before the root: the
    prolog's pattern is possessive and anchored, so it reads it once (only its first 64 kB were looked through, and a
    feed whose document type held more entity declarations was archived as a web page of its declarations)."""
    return bool(FEED_START.match(data, _after_boms(data)))


def is_sitemap(data: bytes) -> bool:
    """True for bytes that start like a sitemap or sitemap index, however long the prolog before the root (a
    sitemap whose comment filled its first 4 kB was archived as a web page), or that name its root in their first
    4 kB (after a warning a server printed before the XML)."""
    return bool(SITEMAP_START.match(data, _after_boms(data)) or SITEMAP_ROOT.search(data[:4096]))


def _after_boms(data: bytes) -> int:
    start = 0
    while data.startswith(BOM, start):
        start += len(BOM)
    return start


def read_root(data: bytes) -> Element | None:
    """The document element: parsed strictly, or tolerantly when the XML is broken."""
    text, _, _ = decode_html(data, None)
    text = text.lstrip("\ufeff")
    root = parse_xml(text)
    if root is not None:
        return root
    start = ROOT_START.search(text)
    elements = tolerant_parse(text[start.start():] if start else text)
    return elements[0] if elements else None


# --- feeds -------------------------------------------------------------------------------------------

def _atom_link(entry: Element) -> str | None:
    links = entry.findall("link")
    for link in links:
        if link.attrs.get("rel", "alternate") == "alternate" and link.attrs.get("href"):
            return link.attrs["href"]
    return links[0].attrs.get("href") if links else None


def _item(node: Element, base: str | None) -> FeedItem:
    link = node.value("link") or _atom_link(node) or node.attrs.get("about")
    author = node.value("creator", "author")
    author_node = node.find("author")
    if author_node is not None and author_node.children:
        author = author_node.value("name") or author
    content = node.value("content:encoded") or node.value("content")
    published = node.value("pubdate", "published", "date", "issued", "updated", "modified")
    return FeedItem(
        title=fold(html.unescape(node.value("title") or "")) or None,
        link=resolve(base, link),
        guid=node.value("guid", "id"),
        published=dates.parse_date(published) if published else None,
        author=fold(author) or None if author else None,
        summary=node.value("description", "summary"),
        content=content,
        categories=[c.text.strip() or c.attrs.get("term", "") for c in node.findall("category")
                    if (c.text.strip() or c.attrs.get("term"))],
    )


@input_errors_only("the feed")
def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """Read an RSS 2.0, Atom or RDF feed; broken XML is read tolerantly. Item links are resolved
    against the feed's URL (else its own link) and dropped when they are not URLs."""
    root = read_root(data)
    if root is None:
        return Feed(kind="rss")
    kind = {"feed": "atom", "rdf": "rdf"}.get(root.tag, "rss")
    channel = root.find("channel") or root
    nodes = channel.findall("item") or root.findall("item") or root.findall("entry")
    link = checked(channel.value("link") or _atom_link(channel))
    base = checked(url) or link
    return Feed(
        kind=kind,
        title=fold(html.unescape(channel.value("title") or "")) or None,
        link=link,
        language=channel.value("language"),
        items=[_item(node, base) for node in nodes],
        root=root.tag,
        updated=_channel_date(channel),
    )


def _channel_date(channel: Element) -> str | None:
    """When the feed itself last changed: RSS's lastBuildDate ("the last time the content of the channel
    changed"), else the channel's pubDate, Atom's feed-level updated, or RDF's dc:date. Not an entry's date: that
    is its publication, and an edit of an entry leaves it as it was."""
    stamp = channel.value("lastbuilddate", "pubdate", "updated", "date")
    return dates.parse_date(stamp) if stamp else None


@input_errors_only("the sitemap")
def parse_sitemap(data: bytes) -> Sitemap:
    """Read an XML sitemap or sitemap index; locations that are not URLs are dropped."""
    root = read_root(data)
    sitemap = Sitemap(root=None if root is None else root.tag)
    if root is None:
        return sitemap
    for node in root.findall("url"):
        loc = checked(html.unescape(node.value("loc") or ""))
        if loc:
            lastmod = node.value("lastmod")
            sitemap.urls.append((loc, dates.parse_date(lastmod) or lastmod))
    for node in root.findall("sitemap"):
        loc = checked(html.unescape(node.value("loc") or ""))
        if loc:
            sitemap.sitemaps.append(loc)
    return sitemap
