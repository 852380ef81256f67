"""Title, subtitle, date, author, language, site name, canonical URL and tags, by a cascade.

Each field is asked of several small functions in order (JSON-LD, then meta tags, then page
elements, then the URL); the first one that answers wins. Per-site selectors, when a site is known,
are asked before all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract import dates
from briefarc.extract.jsonld import JsonLd, types_of
from briefarc.extract.language import normalize_language
from briefarc.extract.links import resolve
from briefarc.extract.text import fold, fold_entities
from briefarc.models import Kind

TITLE_META = ("og:title", "twitter:title", "articletitle", "dc.title", "sailthru.title", "parsely-title", "title")
DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publication_date", "article.published", "article_date_original", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "originalpublicationdate", "firstpublisheddate", "release_date", "og:article:published_time",
)
AUTHOR_META = (
    "author", "article:author", "sailthru.author", "parsely-author", "dc.creator", "byl", "dcterms.creator",
)
TAG_META = ("article:tag", "news_keywords", "keywords", "parsely-tags", "sailthru.tags")
BYLINE = ("[itemprop=author], [rel=author], [class*=byline], [class*=author], [class*=writer], "
          "a[href*='/author/'], a[href*='/authors/']")
TIME = "article time[datetime], main time[datetime], [itemprop=datePublished], time[pubdate], time[datetime]"
DATE_CLASSES = ", ".join(f"[class*={word}]" for word in (
    "post-date", "publish-date", "published-date", "article-date", "entry-date", "pubdate", "news-date",
    "story-date", "date-published", "publish_date", "post_date",
))
SUBTITLE = re.compile(
    r"standfirst|lead-?paragraph|\blead\b|sub-?title|subhead|\bdek\b|excerpt|strapline|summary|\blede\b"
    r"|\bintro\b|teaser-text|alternativeheadline|description|deck\b"
)
SUBTITLE_TAGS = frozenset({"p", "h2", "h3", "h4", "div", "span", "strong", "em"})
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»]\s+|\s+::\s+")
# byline labels in the sources' languages: "By", "Written by:", "Von", "Publié par", "Escrito por",
# "Автор:", "作者：", "بقلم"
BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reviewed|authored|words)\s+by|by|author(?:ed)?|von|verfasst von|autor(?:in)?"
    r"|publié par|écrit par|rédigé par|par|escrito por|publicado por|por|di|scritto da|автор|от|текст"
    r"|作者|文|记者|بقلم|كتب|الكاتب)"
    r"(?:\s*[:：|]\s*|\s+|(?<=by)(?=[A-Z]))",
    re.I,
)
NOT_AUTHOR = re.compile(r"^(?:by|the author|author|admin|administrator|staff|unknown|anonymous)$", re.I)
WORD = re.compile(r"\w+")
NOT_A_NAME = re.compile(r"https?://|www\.|@|\d{4}")
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


class PageSources:
    """What the cascade reads: the tree, its meta tags by name, its JSON-LD and the URL."""

    def __init__(self, tree: LexborHTMLParser, url: str | None):
        self.tree = tree
        self.url = url
        head = tree.head if tree.head is not None else tree.root
        self.head = head
        self.meta = read_meta(head)
        self.links = read_links(head)
        self.ld = JsonLd.from_tree(tree)

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


# --- title -------------------------------------------------------------------------------------------

def title_tag(src: PageSources) -> str | None:
    node = src.head.css_first("title") if src.head is not None else None
    return node_text(node) or None


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """Drop a site name from either end of a <title> ("Article - Site", or "Article_Site" as China's MFA has it)."""
    if site_name and "_" in title:
        kept = [part for part in title.split("_") if part.strip().casefold() != site_name.strip().casefold()]
        if kept and len(kept) < len(title.split("_")):
            title = "_".join(kept).strip()
    parts = [part for part in TITLE_SEPARATORS.split(title) if part]
    if len(parts) < 2:
        return title
    if site_name:
        kept = [part for part in parts if part.casefold() != site_name.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    if len(parts[0].split()) >= 3:
        return parts[0]  # "Headline - Site", the common order
    longest = max(parts, key=len)
    return longest if len(longest) >= 0.5 * len(title) else title


def h1_texts(src: PageSources) -> list[str]:
    return [text for text in (node_text(node) for node in src.tree.css("h1")[:8]) if text]


def title_from_h1(src: PageSources, h1s: list[str]) -> str | None:
    """The headline h1 (three words or more) that the <title> or og:title contains; else the only
    headline h1; else any h1 that the <title> contains (a one-word site logo comes last)."""
    reference = " ".join(filter(None, (title_tag(src), src.first_meta(TITLE_META)))).casefold()
    headlines = [text for text in h1s if len(text.split()) >= 3 or len(text) >= 12]
    for text in headlines:
        if text.casefold() in reference:
            return text
    if len(headlines) == 1:
        return headlines[0]
    for text in h1s:
        if len(text) > 3 and text.casefold() in reference:
            return text
    return None


def declared_title(src: PageSources, site_name: str | None, h1s: list[str]) -> str | None:
    for value in (src.ld.text("headline"), src.first_meta(TITLE_META)):
        if value:
            return strip_site_suffix(value, site_name)
    value = title_from_h1(src, h1s) or title_tag(src)
    return strip_site_suffix(value, site_name) if value else None


def _words(text: str | None) -> set[str]:
    return set(WORD.findall(text.casefold())) if text else set()


def find_title(src: PageSources, site_name: str | None, h1s: list[str]) -> str | None:
    """The headline as the page shows it: the h1 whose words the declared titles (JSON-LD, og:title,
    <title>, less the site's name) hold, when it differs from them by more than case and punctuation
    (their titles are often shortened or rewritten for search engines and feeds); else the declared one."""
    declared = declared_title(src, site_name, h1s)
    if not declared or not h1s:
        return declared
    plain = " ".join(WORD.findall(declared.casefold()))
    if any(" ".join(WORD.findall(h1.casefold())) == plain for h1 in h1s):
        return declared
    values = (title_tag(src), src.first_meta(TITLE_META), src.ld.text("headline"))
    reference = _words(" ".join(strip_site_suffix(value, site_name) for value in values if value))
    site_words = _words(site_name)
    for h1 in h1s:
        words = _words(h1)
        if (len(h1.split()) >= 2 or len(h1) >= 12) and words and not words <= site_words \
                and len(words & reference) >= 0.6 * len(words):
            return h1
    return declared


# --- dates -------------------------------------------------------------------------------------------

def date_from_jsonld(src: PageSources) -> str | None:
    return dates.parse_date(src.ld.text("datePublished") or src.ld.text("dateCreated"))


def date_from_meta(src: PageSources) -> str | None:
    for name in DATE_META:
        for value in src.meta.get(name, ()):
            parsed = dates.parse_date(value)
            if parsed:
                return parsed
    return None


def date_from_time(src: PageSources) -> str | None:
    for node in src.tree.css(TIME)[:5]:
        attrs = node.attributes
        value = attrs.get("datetime") or attrs.get("content") or node_text(node)
        parsed = dates.parse_date(value)
        if parsed and not _in_furniture(node):
            return parsed
    return None


def _in_furniture(node: LexborNode) -> bool:
    """True when an element sits in navigation, an aside, a footer or a list of other articles."""
    current = node.parent
    for _ in range(12):
        if current is None:
            return False
        if current.tag in ("nav", "aside", "footer", "li"):
            return True
        names = f"{current.attributes.get('class') or ''} {current.attributes.get('id') or ''}".lower()
        if re.search(r"related|sidebar|recommend|promo|teaser|trending|popular|top-?bar|header-?date", names):
            return True
        current = current.parent
    return False


def date_from_date_class(src: PageSources) -> str | None:
    """A short element whose class says it is the article's date ("post-date", "entry-date")."""
    for node in src.tree.css(DATE_CLASSES)[:6]:
        text = node_text(node)
        if len(text) <= 60 and not _in_furniture(node):
            parsed = dates.parse_date(node.attributes.get("title") or "") or dates.parse_date(text)
            if parsed:
                return parsed
    return None


NEAR_TITLE = 1500  # characters of page text read after the headline for a date line
DATE_LINE = 120  # a longer line is a sentence that mentions a date, not a date line
NOT_PUBLISHED = re.compile(r"©|copyright|\bevent\b|\bdeadline\b", re.I)


def date_near_title(src: PageSources) -> str | None:
    """The first short line with a date just above or below the headline, read in the page's
    language ("Aug 04, 2025", "Posted on 12 mars 2025 by ...")."""
    h1 = src.tree.css_first("h1")
    body = src.tree.body
    if h1 is None or body is None:
        return None
    area, headline = h1, node_text(h1)
    for _ in range(4):  # widen to an ancestor holding some text around the headline
        if area.parent is None or area.parent.tag in ("body", "html"):
            break
        area = area.parent
        if len(area.text()) > 4 * NEAR_TITLE:
            break
    text = area.text(separator="\n")
    start = max(0, text.find(headline[:40]) - 300) if headline else 0
    language = declared_language(src)
    for line in text[start:start + NEAR_TITLE + 300].split("\n"):
        line = fold(line)
        if 6 <= len(line) <= DATE_LINE and not NOT_PUBLISHED.search(line):
            found = dates.find_date_in_language(line, language)
            if found:
                return found
    return None


def find_published(src: PageSources) -> str | None:
    for step in (date_from_jsonld, date_from_meta, date_from_time, date_from_date_class, date_near_title):
        value = step(src)
        if value:
            return value
    return None


# --- author, subtitle, language, site, canonical, tags -----------------------------------------------

def clean_author(text: str | None) -> str | None:
    if not text:
        return None
    text = BY_PREFIX.sub("", fold_entities(text)).strip(" \"'“”«»")
    if NOT_AUTHOR.match(text):
        return None
    text = re.split(r"\s+[|•·]\s+|\s{2,}|,?\s+(?:updated|published|posted)\b", text, maxsplit=1, flags=re.I)[0]
    text = text.strip(" ,;:-–—")
    if re.search(r"spokes(?:person|man|woman)", text, re.I):
        return None  # a speaker line ("Tammy Bruce, Department Spokesperson"), not an author
    if not text or len(text) > 80 or NOT_A_NAME.search(text) or len(text.split()) > 8:
        return None
    return text


def author_from_byline(src: PageSources) -> str | None:
    for node in src.tree.css(BYLINE)[:6]:
        attrs = node.attributes
        value = clean_author(attrs.get("content") or node_text(node))
        if value:
            return value
    return None


def find_author(src: PageSources) -> str | None:
    people = [clean_author(name) for name in src.ld.names("author", people=True)]
    people = [name for name in people if name]
    if people:
        return ", ".join(dict.fromkeys(people))
    found = clean_author(src.first_meta(AUTHOR_META)) or author_from_byline(src)
    if found:
        return found
    names = [clean_author(name) for name in src.ld.names("author")]  # organisations, as a last resort
    return ", ".join(dict.fromkeys(name for name in names if name)) or None


def subtitle_candidates(src: PageSources):
    """Elements after the headline: the h1's next siblings, and those of its parent (a header)."""
    h1 = src.tree.css_first("h1")
    if h1 is None:
        return
    for start in (h1, h1.parent):
        node = start.next if start is not None else None
        for _ in range(10):
            if node is None:
                break
            if node.tag and not node.tag.startswith("-"):
                yield node
                inner = node.css_first("*")
                if inner is not None and node.tag == "div":
                    yield inner
            node = node.next


def find_subtitle(src: PageSources, title: str | None) -> tuple[str | None, int | None]:
    """A standfirst shown under the headline: an element whose class or itemprop names it."""
    value = src.ld.text("alternativeHeadline")
    if value and value != title:
        return value, None
    for node in subtitle_candidates(src):
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}".lower()
        if node.tag not in SUBTITLE_TAGS or not SUBTITLE.search(names):
            continue
        text = node_text(node)
        if not 20 <= len(text) <= 600 or text == title or _link_heavy(node, text):
            continue
        if node.css_first("p p, li, h1, div div") is not None:
            continue
        return text, node.mem_id
    return lead_paragraph(src, title)


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


def declared_language(src: PageSources) -> str | None:
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


def find_site_name(src: PageSources) -> str | None:
    return (src.first_meta(("og:site_name", "application-name", "sitename", "twitter:app:name:iphone"))
            or src.ld.organisation())


def find_canonical(src: PageSources) -> str | None:
    """<link rel=canonical>, else og:url; one that is not a URL counts as absent."""
    return resolve(src.url, src.links.get("canonical")) or resolve(src.url, src.first_meta(("og:url",)))


def find_tags(src: PageSources) -> list[str]:
    tags: list[str] = []
    for name in TAG_META:
        for value in src.meta.get(name, ()):
            tags.extend(part for part in (fold(item) for item in value.split(",")) if part)
        if tags:
            break
    if not tags:
        keywords = src.ld.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if isinstance(keywords, list):
            tags = [fold(item) for item in keywords if isinstance(item, str) and fold(item)]
    return list(dict.fromkeys(tags))[:50]


def extract_metadata(tree: LexborHTMLParser, url: str | None) -> Metadata:
    """The generic cascade for every field; per-site values are laid over it by the caller."""
    src = PageSources(tree, url)
    site_name = find_site_name(src)
    h1s = h1_texts(src)
    title = find_title(src, site_name, h1s)
    subtitle, subtitle_node = find_subtitle(src, title)
    return Metadata(
        title=title,
        subtitle=subtitle,
        subtitle_node=subtitle_node,
        author=find_author(src),
        published=find_published(src),
        language=declared_language(src),
        site_name=site_name,
        canonical_url=find_canonical(src),
        description=src.first_meta(("og:description", "description", "twitter:description")),
        tags=find_tags(src),
        h1_texts=h1s,
        news=is_article(src),
        next_link=src.links.get("next"),
        generator=src.first_meta(("generator",)),
        structured=bool(src.ld.objects) or "og:title" in src.meta,
    )


def is_article(src: PageSources) -> bool:
    if src.ld.article is not None and types_of(src.ld.article) & NEWS_TYPES:
        return True
    return src.first_meta(("og:type",)) == "article"
