"""The page's publication date, by a cascade: JSON-LD datePublished (over dateModified), meta tags,
<time> elements outside furniture, date classes, then a date line near the headline in the page's
language. A comment's, a related card's or a footer's date is never taken."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from briefarc.extract import dates
from briefarc.extract.listing import inside
from briefarc.extract.pagesources import PageSources, declared_language, node_text
from briefarc.extract.text import fold

DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publication_date", "article.published", "article_date_original", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "originalpublicationdate", "firstpublisheddate", "release_date", "og:article:published_time",
)
TIME = "article time[datetime], main time[datetime], [itemprop=datePublished], time[pubdate], time[datetime]"
DATE_CLASSES = ", ".join(f"[class*={word}]" for word in (
    "post-date", "publish-date", "published-date", "article-date", "entry-date", "pubdate", "news-date",
    "story-date", "date-published", "publish_date", "post_date",
))


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


NOT_THE_ARTICLE = re.compile(r"related|sidebar|recommend|promo|teaser|trending|popular|top-?bar|header-?date")


def _in_furniture(node: LexborNode) -> bool:
    """True when an element sits in navigation, an aside, a footer or a list of other articles."""
    return inside(node, ("nav", "aside", "footer", "li"), NOT_THE_ARTICLE, 12)


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
