"""RSS 2.0, Atom and RDF feeds, and XML sitemaps.

Well-formed XML is read with the standard library's parser after refusing anything that declares
entities or a DTD (no expansion can happen); feeds in the wild are often broken, so a tolerant
pattern-based reader takes over when the parser fails.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import urljoin

from briefarc.extract import dates
from briefarc.extract.decode import decode_html
from briefarc.extract.text import fold

FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*"
                        rb"<(?:rss|feed|rdf:RDF|RDF)\b", re.S | re.I)
SITEMAP_START = re.compile(rb"<(?:urlset|sitemapindex)\b", re.I)
DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.S | re.I)
TAG = re.compile(r"<(?P<tag>[\w:.\-]+)(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</(?P=tag)\s*>)", re.S)
ATTR = re.compile(r"""([\w:.\-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)


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


@dataclass
class Sitemap:
    urls: list[tuple[str, str | None]] = field(default_factory=list)  # (loc, lastmod)
    sitemaps: list[str] = field(default_factory=list)


def is_feed(data: bytes) -> bool:
    """True for bytes that start like an RSS, Atom or RDF document."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(FEED_START.match(head))


def is_sitemap(data: bytes) -> bool:
    return bool(SITEMAP_START.search(data[:4096]))


# --- a tiny element model shared by the strict and the tolerant readers ------------------------------

@dataclass
class Element:
    tag: str  # local name, lower case
    attrs: dict[str, str]
    text: str
    children: list[Element]

    def find(self, *names: str) -> Element | None:
        for name in names:
            for child in self.children:
                if child.tag == name:
                    return child
        return None

    def findall(self, name: str) -> list[Element]:
        return [child for child in self.children if child.tag == name]

    def value(self, *names: str) -> str | None:
        child = self.find(*names)
        text = child.text.strip() if child is not None else ""
        return text or None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _qualified(name: str) -> str:
    """Keep the prefix that tells content:encoded from content and dc:creator from creator."""
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        if "purl.org/rss/1.0/modules/content" in namespace:
            return "content:" + local.lower()
        return local.lower()
    return name.lower()


def _from_etree(node: ET.Element) -> Element:
    children = [_from_etree(child) for child in node]
    text = node.text or ""
    if children and _qualified(node.tag) in ("content", "summary") and node.get("type") in ("xhtml",):
        text = "".join(ET.tostring(child, encoding="unicode") for child in node)
    return Element(_qualified(node.tag), {_local(k): v for k, v in node.attrib.items()}, text, children)


def parse_xml(text: str) -> Element | None:
    """Strict parse of well-formed XML without DTDs or entity declarations; None when that fails."""
    if "<!ENTITY" in text:
        return None
    text = DOCTYPE.sub("", text, count=1)
    try:
        parser = ET.XMLParser()
        parser.feed(text)
        return _from_etree(parser.close())
    except (ET.ParseError, ValueError, RecursionError):
        return None


def _unescape(body: str) -> str:
    parts = CDATA.split(body)
    # split() alternates outside/inside CDATA: unescape only the outside parts
    return "".join(part if i % 2 else html.unescape(part) for i, part in enumerate(parts))


def tolerant_parse(text: str, depth: int = 0) -> list[Element]:
    """A forgiving reader for broken XML: elements found by pattern, nested up to a few levels."""
    found = []
    for match in TAG.finditer(text):
        tag = match.group("tag")
        if tag.startswith(("?", "!")):
            continue
        body = match.group("body") or ""
        children = tolerant_parse(body, depth + 1) if depth < 3 and "<" in body and "CDATA" not in body[:20] else []
        attrs = {_local(k): html.unescape(a or b) for k, a, b in ATTR.findall(match.group("attrs") or "")}
        found.append(Element(_qualified(tag), attrs, _unescape(body) if not children else "", children))
    return found


def _root(data: bytes) -> Element | None:
    text, _, _ = decode_html(data, None)
    text = text.lstrip("\ufeff")
    root = parse_xml(text)
    if root is not None:
        return root
    start = re.search(r"<(rss|feed|rdf:RDF|RDF|urlset|sitemapindex)\b", text)
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
        link=urljoin(base, link.strip()) if link and base else (link.strip() if link else None),
        guid=node.value("guid", "id"),
        published=dates.parse_date(published) if published else None,
        author=fold(author) or None if author else None,
        summary=node.value("description", "summary"),
        content=content,
        categories=[c.text.strip() or c.attrs.get("term", "") for c in node.findall("category")
                    if (c.text.strip() or c.attrs.get("term"))],
    )


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """Read an RSS 2.0, Atom or RDF feed; broken XML is read tolerantly."""
    root = _root(data)
    if root is None:
        return Feed(kind="rss")
    kind = {"feed": "atom", "rdf": "rdf"}.get(root.tag, "rss")
    channel = root.find("channel") or root
    nodes = channel.findall("item") or root.findall("item") or root.findall("entry")
    link = channel.value("link") or _atom_link(channel)
    return Feed(
        kind=kind,
        title=fold(html.unescape(channel.value("title") or "")) or None,
        link=link,
        language=channel.value("language"),
        items=[_item(node, url or link) for node in nodes],
    )


def parse_sitemap(data: bytes) -> Sitemap:
    """Read an XML sitemap or sitemap index."""
    root = _root(data)
    sitemap = Sitemap()
    if root is None:
        return sitemap
    for node in root.findall("url"):
        loc = node.value("loc")
        if loc:
            sitemap.urls.append((html.unescape(loc), dates.parse_date(node.value("lastmod")) or node.value("lastmod")))
    for node in root.findall("sitemap"):
        loc = node.value("loc")
        if loc:
            sitemap.sitemaps.append(html.unescape(loc))
    return sitemap
