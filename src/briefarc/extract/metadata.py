"""Title, subtitle, date, author, language, site name, canonical URL and tags, by a cascade.

Each field is asked of several small functions in order (JSON-LD, then meta tags, then page
elements, then the URL); the first one that answers wins. Per-site selectors, when a site is known,
are asked before all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract.authors import find_author
from briefarc.extract.jsonld import types_of
from briefarc.extract.links import resolve
from briefarc.extract.pagedates import find_published
from briefarc.extract.pagesources import PageSources, declared_language, node_text
from briefarc.extract.text import fold, fold_entities
from briefarc.extract.title import find_title, h1_texts
from briefarc.models import Kind
from briefarc.patterns import lazy

TAG_META = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
# a class word: "lead", "article-lead", or as BEM names an element, "article__lead" (not "leader", "mislead")
SUBTITLE = lazy(
    r"standfirst|lead-?paragraph|(?<![a-z0-9])(?:lead|dek|lede|intro)(?![a-z0-9])|sub-?title|subhead|excerpt"
    r"|strapline|summary|teaser-text|alternativeheadline|description|deck(?![a-z0-9])"
    # the same in the other languages of the sources: German, French, Spanish, Portuguese, Italian
    r"|vorspann|chapeau|(?<![a-z0-9])chapo(?![a-z0-9])|entradilla|bajada|linha-?fina|sommario"
)
SUBTITLE_TAGS = frozenset({"p", "h2", "h3", "h4", "div", "span", "strong", "em"})
NEWS_TYPES = frozenset({"newsarticle", "reportagenewsarticle", "analysisnewsarticle", "article", "blogposting",
                        "opinionnewsarticle", "backgroundnewsarticle"})


@dataclass
class Metadata:
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    h1_texts: list[str] = field(default_factory=list)
    subtitle_node: int | None = None  # mem_id of the element the subtitle came from
    spokesperson: str | None = None  # from a site's selector
    next_link: str | None = None  # <link rel=next>
    generator: str | None = None  # <meta name=generator>
    structured: bool = False  # the page has JSON-LD or Open Graph metadata
    news: bool = False  # the page says it is an article (JSON-LD or og:type)
    kind: Kind | None = None  # from a site's selector
    date_search: PendingDate | None = field(default=None, repr=False, compare=False)  # see settle_published


@dataclass(frozen=True)
class PendingDate:
    """The generic cascade's date search, left for when the date is wanted: a known site's own date, or the
    full date in the title of a site that dates by title, makes it needless on most of its pages."""

    src: PageSources
    title: str | None  # the generic cascade's title (the search looks for the element that shows it)
    fresh: Callable[[], LexborHTMLParser] | None = None  # the page parsed anew, once the tree has been changed

    def find(self) -> str | None:
        src = PageSources(self.fresh(), self.src.url, self.src.raw) if self.fresh is not None else self.src
        return find_published(src, self.title)


# --- author, subtitle, language, site, canonical, tags -----------------------------------------------

def subtitle_candidates(src: PageSources):
    """Elements after the headline: the h1's next siblings, and those of its parent (a header)."""
    yield from candidates_after(next(iter(src.h1s()), None))


def candidates_after(h1: LexborNode | None):
    """The elements after the headline: its next ten siblings, then its parent's. (Each div was given twice, the
    second time as node.css_first("*"), which is the div itself: a search matches the element it starts from. The
    second look at it found what the first did, and is no longer made.)"""
    if h1 is None:
        return
    for start in (h1, h1.parent):
        node = start.next if start is not None else None
        for _ in range(10):
            if node is None:
                break
            if node.tag and not node.tag.startswith("-"):
                yield node
            node = node.next


def find_subtitle(src: PageSources, title: str | None) -> tuple[str | None, int | None]:
    """A standfirst shown under the headline: an element whose class or itemprop names it."""
    value = src.ld.text("alternativeHeadline")
    if value and value != title:
        return value, None
    for node in subtitle_candidates(src):
        if node.tag not in SUBTITLE_TAGS or not SUBTITLE.search(names_of(node)):
            continue
        text = node_text(node)
        if not 20 <= len(text) <= 600 or text == title or _link_heavy(node, text):
            continue
        if node.css_first("p p, li, h1, div div") is not None:
            continue
        return text, node.mem_id
    return lead_paragraph(src, title)


def names_of(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}".lower()


def standfirst_outside(tree: LexborHTMLParser, title: str | None, body: set[str]) -> str | None:
    """A standfirst in a div of its own after the headline, outside the container the body was read from
    (`body`: the texts read), where find_subtitle found none: the page's lead, which was otherwise lost.
    (find_subtitle refuses a div inside another div: a node's css() matches the node itself, in its
    ancestors' context, so its "div div" holds for every such div; mending it there would take standfirsts
    out of the bodies that hold them.)"""
    for headline in headlines(tree, title):
        for node in candidates_after(headline):
            if node.tag != "div" or not SUBTITLE.search(names_of(node)) or nests_blocks(node):
                continue
            text = node_text(node)
            if 20 <= len(text) <= 600 and text != title and text not in body and not _link_heavy(node, text):
                return text
    return None


def headlines(tree: LexborHTMLParser, title: str | None) -> Iterator[LexborNode]:
    """The first h1, then the other h1 and h2 elements that show the title: where the first h1 is not the
    article's headline (a breadcrumb's last step, a site's name), the heading over the article is."""
    first = next(iter(tree.tags("h1")), None)  # css_first("h1") less parsing the selector: a quarter the cost
    if first is not None:
        yield first
    if title:
        for node in tree.css("h1, h2"):
            if first is not None and node.mem_id == first.mem_id:
                continue
            text = node.text()
            if len(text) >= len(title) and fold(text) == title:  # (folding never makes a text longer)
                yield node


def nests_blocks(node: LexborNode) -> bool:
    """The element holds a list, a heading, or a paragraph or a div inside another of its own: a block of
    content, not a standfirst. (The body's reading has taken scripts out of the tree by then.)"""
    for inner in node.css("li, h1, div, p"):
        if inner.mem_id == node.mem_id:
            continue
        if inner.tag in ("li", "h1"):
            return True
        parent = inner.parent
        while parent is not None and parent.mem_id != node.mem_id:
            if parent.tag == inner.tag:
                return True
            parent = parent.parent
    return False


LEAD_PLACES = "article p, main p, [itemprop=articleBody] p, .entry-content p, .post-content p, .article-body p"


def lead_paragraph(src: PageSources, title: str | None) -> tuple[str | None, int | None]:
    """A standfirst set as the body's first paragraph: classed as one, or all in italics or bold
    and the same as the page's description."""
    description = (src.first_meta(("description", "og:description")) or "").casefold()
    for node in src.tree.css(LEAD_PLACES)[:2]:
        text = node_text(node)
        if not 20 <= len(text) <= 600 or text == title:
            continue
        if SUBTITLE.search((node.attributes.get("class") or "").lower()):
            return text, node.mem_id
        emphasis = node.css_first("em, strong, b, i")
        if text.casefold() == description and emphasis is not None and node_text(emphasis) == text:
            return text, node.mem_id
    return None, None


def _link_heavy(node: LexborNode, text: str) -> bool:
    return sum(len(a.text()) for a in node.css("a")) > 0.3 * len(text)


SITE_NAME_META = ("og:site_name", "application-name", "sitename", "twitter:app:name:iphone")


def find_site_name(src: PageSources) -> str | None:
    """The site's name as the page gives it. One without a letter or digit ("/", "|", "-": a template's field left
    empty but for its separator) names nothing: the next signal is used, else none (the label is then the host)."""
    given = (fold_entities(value) for key in SITE_NAME_META for value in src.meta.get(key, ()))
    return next((name for name in given if _a_name(name)), None) or _a_name(src.ld.organisation())


def _a_name(name: str | None) -> str | None:
    """`name` when it holds a letter or a digit, else None."""
    return name if name and any(char.isalnum() for char in name) else None


def find_canonical(src: PageSources) -> str | None:
    """<link rel=canonical>, else og:url; one that is not a URL counts as absent."""
    return resolve(src.url, src.links.get("canonical")) or resolve(src.url, src.first_meta(("og:url",)))


def find_tags(src: PageSources) -> list[str]:
    tags: list[str] = []
    for name in TAG_META:
        for value in src.meta.get(name, ()):
            tags.extend(part for part in (fold_entities(item) for item in fold_entities(value).split(",")) if part)
        if tags:
            break
    if not tags:
        keywords = src.ld.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if isinstance(keywords, list):
            tags = [fold_entities(item) for item in keywords if isinstance(item, str) and fold_entities(item)]
    return list(dict.fromkeys(tags))[:50]


def extract_metadata(tree: LexborHTMLParser, url: str | None, dated: bool = True, raw: str | None = None) -> Metadata:
    """The generic cascade for every field; per-site values are laid over it by the caller. With
    dated=False the publication date is searched only when settle_published asks for it (a known
    site's own date makes the search needless). `raw`: the page's text, which the tree was parsed from."""
    src = PageSources(tree, url, raw)
    site_name = find_site_name(src)
    h1s = h1_texts(src)
    title = find_title(src, site_name, h1_texts(src, headlines=True))
    subtitle, subtitle_node = find_subtitle(src, title)
    article = is_article(src)
    return Metadata(
        title=title,
        subtitle=subtitle,
        subtitle_node=subtitle_node,
        author=find_author(src, title, site_name, article),
        published=find_published(src, title) if dated else None,
        language=declared_language(src),
        site_name=site_name,
        canonical_url=find_canonical(src),
        description=src.first_meta(("og:description", "description", "twitter:description")),
        tags=find_tags(src),
        h1_texts=h1s,
        news=article,
        next_link=src.links.get("next"),
        generator=src.first_meta(("generator",)),
        structured=bool(src.ld.objects) or "og:title" in src.meta,
        date_search=None if dated else PendingDate(src, title),
    )


def settle_published(meta: Metadata) -> str | None:
    """The generic cascade's date, searched now when extract_metadata left it for later."""
    if meta.date_search is not None:
        meta.published, meta.date_search = meta.date_search.find(), None
    return meta.published


def is_article(src: PageSources) -> bool:
    if src.ld.article is not None and types_of(src.ld.article) & NEWS_TYPES:
        return True
    return src.first_meta(("og:type",)) == "article"
