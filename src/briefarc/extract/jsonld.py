"""JSON-LD blocks: the article object, with Yoast-style @graph references resolved."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.jsontext import loads
from briefarc.extract.text import fold_entities
from briefarc.patterns import lazy
from briefarc.urls import normalize_url

ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report",
    "scholarlyarticle", "techarticle", "opinionnewsarticle", "backgroundnewsarticle", "socialmediaposting",
    "liveblogposting", "pressrelease", "webpage", "itempage", "speech",
})
ORGANISATIONS = frozenset({"organization", "newsmediaorganization", "corporation", "educationalorganization",
                           "governmentorganization", "ngo", "localbusiness", "website", "brand"})
COMMENT_OPENS = ("<!--", "<![CDATA[")
COMMENT_CLOSES = ("-->", "]]>")
_TRAILING_COMMA = lazy(r",\s*([}\]])")


def _load(text: str):
    text = _uncommented(text.strip()).strip().rstrip(";")
    try:
        return loads(text)
    except (ValueError, RecursionError):
        try:
            return loads(_TRAILING_COMMA.sub(r"\1", text))
        except (ValueError, RecursionError):
            return None


def _uncommented(text: str) -> str:
    """The stripped text without the comment or CDATA marks that open or close it ("<!--", "-->"), the one
    after the other: tested at both ends, where a pattern of the closing marks was tried at every character."""
    start = next((len(mark) for mark in COMMENT_OPENS if text.startswith(mark)), 0)
    end = len(text) - 3 if text.endswith(COMMENT_CLOSES) and len(text) - 3 >= start else len(text)
    return text[start:end]


def _flatten(data, out: list[dict], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        if "@graph" in data:
            _flatten(data["@graph"], out, depth + 1)


def types_of(obj: dict) -> set[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return {kind.lower()}
    if isinstance(kind, list):
        return {item.lower() for item in kind if isinstance(item, str)}
    return set()


PAGE_TYPES = frozenset({"webpage", "itempage"})


def _names_page(obj: dict, title: str | None, addresses: set[str]) -> bool:
    """Whether an object's headline (or name) is the page's title, or its address one of the page's."""
    heading = obj.get("headline") or obj.get("name")
    if title and isinstance(heading, str) and _folded(heading) == _folded(title):
        return True
    return any(isinstance(value, str) and _bare_address(value) in addresses
               for value in (obj.get("url"), obj.get("@id")))


def _folded(text: str) -> str:
    return " ".join(fold_entities(text).split()).casefold()


def _bare_address(address: str) -> str:
    """An address to compare: normalised (no fragment, no tracker's parameters), without its trailing slash; its
    query stays ("news.aspx?id=150" is another page than "news.aspx?id=200")."""
    return normalize_url(address).rstrip("/")


class JsonLd:
    """All JSON-LD objects of a page, with lookups by @id."""

    def __init__(self, objects: list[dict]):
        self.objects = objects
        self.by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
        self.article = self._pick_article()

    @classmethod
    def from_tree(cls, tree: LexborHTMLParser) -> JsonLd:
        objects: list[dict] = []
        for node in tree.css('script[type="application/ld+json"]'):
            data = _load(node.text(deep=True) or "")
            if data is not None:
                _flatten(data, objects)
        return cls(objects)

    def _pick_article(self) -> dict | None:
        best, best_rank = None, 99
        for obj in self.objects:
            kinds = types_of(obj) & ARTICLE_TYPES
            if not kinds:
                continue
            rank = 1 if kinds <= PAGE_TYPES else 0
            if rank < best_rank:
                best, best_rank = obj, rank
        return best

    def published_of_page(self, title: str | None, addresses: tuple[str | None, ...]) -> str | None:
        """When several articles are declared published on different days (the related or latest ones listed beside
        the page's own), the datePublished of the one that names the page: by its headline, the page's `title`, or
        by its address, one of the page's `addresses` (an article over a mere WebPage, as the article is picked)."""
        dated = [(obj, value) for obj in self.objects
                 if types_of(obj) & ARTICLE_TYPES and isinstance(value := obj.get("datePublished"), str)]
        if len({value[:10] for _, value in dated}) < 2:
            return None
        own = {_bare_address(address) for address in addresses if address}
        named = [(types_of(obj) <= PAGE_TYPES, value) for obj, value in dated if _names_page(obj, title, own)]
        return min(named, key=lambda item: item[0])[1] if named else None

    def resolve(self, value):
        """Follow an {"@id": ...} reference to the object it names."""
        if isinstance(value, dict) and set(value) == {"@id"}:
            return self.by_id.get(value["@id"], value)
        return value

    def get(self, key: str):
        """A field of the article object, falling back to the page object for some fields."""
        if self.article is None:
            return None
        value = self.article.get(key)
        if value is None and key in ("inLanguage", "publisher", "datePublished", "author"):
            for obj in self.objects:
                if obj is not self.article and types_of(obj) & ARTICLE_TYPES and obj.get(key) is not None:
                    return self.resolve(obj.get(key))
        return self.resolve(value)

    def text(self, key: str) -> str | None:
        value = self.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        return fold_entities(value) or None if isinstance(value, str) else None

    def names(self, key: str, people: bool = False) -> list[str]:
        """Names of persons or organisations under a key (author, creator); with `people`, of what
        is not typed as an organisation."""
        value = self.get(key)
        items = value if isinstance(value, list) else [value]
        names = []
        for item in items:
            item = self.resolve(item)
            if isinstance(item, dict):
                if people and types_of(item) & ORGANISATIONS:
                    continue
                item = item.get("name")
            if isinstance(item, str) and fold_entities(item):
                names.append(fold_entities(item))
        return names

    def organisation(self) -> str | None:
        publisher = self.get("publisher")
        if isinstance(publisher, dict):
            name = publisher.get("name")
            return fold_entities(name) or None if isinstance(name, str) else None
        for obj in self.objects:
            if types_of(obj) & {"website", "organization", "newsmediaorganization"}:
                name = obj.get("name")
                if isinstance(name, str) and fold_entities(name):
                    return fold_entities(name)
        return None
