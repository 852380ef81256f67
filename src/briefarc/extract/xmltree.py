"""A tiny element tree for feeds and sitemaps, read strictly or, for broken XML, tolerantly.

Well-formed XML is read with the standard library's parser after refusing anything that declares
entities (no expansion can happen). Feeds in the wild are often broken; the tolerant reader then
reads the markup in one pass, in time linear in its size:

- a tokenizer finds start tags, end tags and self-closing tags, skipping comments, CDATA sections,
  declarations and processing instructions (each searched for once: a terminator found missing is
  never searched for again);
- a stack builds the tree: an end tag closes the open element it names and every element opened
  inside it that was left open; an end tag that names no open element is ignored; a new record
  (item, entry, url, sitemap) closes the one of its name still open; the end of the text closes all;
- an element's text is its raw content, entities decoded and CDATA kept verbatim, when it holds no
  elements, starts with CDATA, or sits four levels down (where no children are kept).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import lru_cache

from briefarc.patterns import lazy

DOCTYPE_START = lazy(r"<!DOCTYPE", re.I)
DOCTYPE = lazy(r"<!DOCTYPE[^>\[]*+(?:\[.*?\])?\s*>", re.S | re.I)
# A tag (end tag marker, name, attributes), or the opener of what is skipped: possessive runs, so
# that a failed match never backtracks (no tag spans a "<").
MARKUP = lazy(r"<(?:(/?)([A-Za-z_][\w:.\-]*+)([^<>]*+)>|!|\?)")
ATTR = lazy(r"""(?<![\w:.\-])([\w:.\-]++)\s*+=\s*+(?:"([^"]*+)"|'([^']*+)')""")
SKIPPED = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<!", ">"), ("<?", ">"))
CDATA_START, CDATA_END = "<![CDATA[", "]]>"
CDATA_FIRST = lazy(r"\s*+<!\[CDATA\[")
RECORDS = frozenset({"item", "entry", "url", "sitemap"})
MAX_DEPTH = 3  # elements this deep keep their raw content as text, not children


@dataclass(slots=True)
class Element:
    tag: str  # local name, lower case ("content:encoded" keeps its prefix)
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


@lru_cache(maxsize=4096)
def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


@lru_cache(maxsize=4096)
def _qualified(name: str) -> str:
    """Keep the prefix that tells content:encoded from content; drop the others (dc:creator)."""
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        if "purl.org/rss/1.0/modules/content" in namespace:
            return "content:" + local.lower()
        return local.lower()
    lowered = name.lower()
    return lowered if lowered.startswith("content:") else _local(lowered)


# --- strict ------------------------------------------------------------------------------------------

def _from_etree(node: ET.Element) -> Element:
    children = [_from_etree(child) for child in node]
    text = node.text or ""
    if children and _qualified(node.tag) in ("content", "summary") and node.get("type") in ("xhtml",):
        text = "".join(ET.tostring(child, encoding="unicode") for child in node)
    return Element(_qualified(node.tag), {_local(k): v for k, v in node.attrib.items()}, text, children)


def without_doctype(text: str) -> str:
    """The text without its first document type declaration (one anchored match: linear)."""
    start = DOCTYPE_START.search(text)
    match = DOCTYPE.match(text, start.start()) if start else None
    return text[:match.start()] + text[match.end():] if match else text


def parse_xml(text: str) -> Element | None:
    """Strict parse of well-formed XML without DTDs or entity declarations; None when that fails."""
    if "<!ENTITY" in text:
        return None
    try:
        parser = ET.XMLParser()
        parser.feed(without_doctype(text))
        return _from_etree(parser.close())
    except (ET.ParseError, ValueError, RecursionError):
        return None


# --- tolerant ----------------------------------------------------------------------------------------

def tags(text: str):
    """(is_end, name, attrs, start, end) of each tag, outside comments, CDATA and declarations."""
    missing: set[str] = set()  # terminators known to be absent from the rest of the text
    position = 0
    while match := MARKUP.search(text, position):
        close, name, attrs = match.groups()
        if name:
            yield bool(close), name, attrs, match.start(), match.end()
            position = match.end()
        else:
            position = _skip(text, match.start(), missing)


def _skip(text: str, position: int, missing: set[str]) -> int:
    """Where to go on from a "<!" or "<?": past the comment, CDATA section, declaration or
    processing instruction it opens, or past the opener alone when that is not terminated."""
    for opener, closer in SKIPPED:
        if text.startswith(opener, position):
            end = -1 if closer in missing else text.find(closer, position + len(opener))
            if end < 0:
                missing.add(closer)
                return position + len(opener)
            return end + len(closer)
    return position + 1


class _Builder:
    """The open elements, outermost first. Only the first levels are kept as nodes (lists of name,
    attrs, body start, body end, children); deeper ones are known by name alone."""

    def __init__(self, size: int):
        self.size = size
        self.top: list = [None, "", 0, size, []]
        self.nodes: list[list] = [self.top]  # the kept open elements, under the top
        self.names: list[str] = []  # every open element
        self.open: dict[str, int] = {}  # how many elements of each name are open

    def start(self, name: str, attrs: str, start: int, end: int) -> None:
        if self.open.get(name) and _qualified(name) in RECORDS:
            self.close(name, start)
        kept = len(self.names) <= MAX_DEPTH
        if kept:
            node = [name, attrs, end, end, []]
            self.nodes[-1][4].append(node)
        if attrs.endswith("/"):
            return
        if kept:
            node[3] = self.size
            self.nodes.append(node)
        self.names.append(name)
        self.open[name] = self.open.get(name, 0) + 1

    def close(self, name: str, start: int) -> None:
        """Close the innermost open element of that name and those opened inside it (if it is open)."""
        if not self.open.get(name):
            return
        while True:
            closed = self.names.pop()
            self.open[closed] -= 1
            if len(self.names) < len(self.nodes) - 1:  # a kept one
                self.nodes.pop()[3] = start
            if closed == name:
                return


def _element(text: str, node: list, depth: int) -> Element:
    name, attrs, start, end, children = node
    attributes = {_local(key): html.unescape(a or b) for key, a, b in ATTR.findall(attrs)} if attrs else {}
    if children and depth < MAX_DEPTH and not CDATA_FIRST.match(text, start):
        return Element(_qualified(name), attributes, "", [_element(text, child, depth + 1) for child in children])
    return Element(_qualified(name), attributes, unescape(text[start:end]), [])


def unescape(body: str) -> str:
    """Decode entities outside CDATA sections; keep what CDATA sections hold as it is."""
    if CDATA_START not in body:
        return html.unescape(body)
    parts = []
    position = 0
    while (start := body.find(CDATA_START, position)) >= 0:
        end = body.find(CDATA_END, start + len(CDATA_START))
        if end < 0:
            break
        parts.append(html.unescape(body[position:start]))
        parts.append(body[start + len(CDATA_START):end])
        position = end + len(CDATA_END)
    parts.append(html.unescape(body[position:]))
    return "".join(parts)


def tolerant_parse(text: str) -> list[Element]:
    """The top-level elements of broken XML (see the module's docstring)."""
    builder = _Builder(len(text))
    for is_end, name, attrs, start, end in tags(text):
        if is_end:
            builder.close(name, start)
        else:
            builder.start(name, attrs, start, end)
    return [_element(text, node, 0) for node in builder.top[4]]
