"""What the metadata cascade reads: the parsed tree, its meta tags by name, its <link rel>s, its JSON-LD
and the URL; and the page's declared language."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract.jsonld import JsonLd
from briefarc.extract.language import normalize_language
from briefarc.extract.text import fold, fold_entities


class PageSources:
    """What the cascade reads: the tree, its meta tags by name, its JSON-LD and the URL."""

    def __init__(self, tree: LexborHTMLParser, url: str | None, raw: str | None = None):
        self.tree = tree
        self.url = url
        self.raw = raw  # the page's text as it came, when the caller has it (cheaper than the tree serialized)
        head = tree.head if tree.head is not None else tree.root
        self.head = head
        self.meta = read_meta(head)
        self.links = read_links(head)
        self.ld = JsonLd.from_tree(tree)
        self.memo: dict = {}  # what several steps of the cascade look for (the headline element)

    def h1s(self) -> list[LexborNode]:
        """The page's h1 elements, found once for the title, the headline and the standfirst."""
        if "h1" not in self.memo:
            self.memo["h1"] = self.tree.tags("h1")  # what css("h1") finds, without parsing a selector
        return self.memo["h1"]

    def first_meta(self, names) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                value = fold_entities(value)
                if value:
                    return value
        return None


def read_meta(head: LexborNode | None) -> dict[str, list[str]]:
    """Meta tags by lower-cased name, property, itemprop or http-equiv."""
    meta: dict[str, list[str]] = {}
    for node in head.css("meta") if head is not None else ():
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        if key:
            meta.setdefault(key.strip().lower(), []).append(attrs.get("content") or "")
    return meta


def read_links(head: LexborNode | None) -> dict[str, str]:
    """The first href of each <link rel> (canonical, next, shortlink...)."""
    links: dict[str, str] = {}
    for node in head.css("link") if head is not None else ():
        attrs = node.attributes
        href = attrs.get("href")
        for rel in (attrs.get("rel") or "").lower().split():
            if href and rel not in links:
                links[rel] = href
    return links


def node_text(node: LexborNode | None) -> str:
    return fold(node.text()) if node is not None else ""


def declared_language(src: PageSources) -> str | None:
    """The language the page declares (found once: the date and the language fields both ask)."""
    if "language" not in src.memo:
        src.memo["language"] = _declared_language(src)
    return src.memo["language"]


def _declared_language(src: PageSources) -> str | None:
    html = src.tree.css_first("html")
    for value in (
        html.attributes.get("lang") if html is not None else None,
        html.attributes.get("xml:lang") if html is not None else None,
        src.first_meta(("content-language", "language", "dc.language", "og:locale")),
        src.ld.text("inLanguage"),
    ):
        found = normalize_language(value)
        if found:
            return found
    return None
