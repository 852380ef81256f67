"""The page's publication date, by a cascade: JSON-LD datePublished (over dateModified), meta tags
(the common names, then any name that says "published"), microdata datePublished, then what the page
shows beside its headline (a <time> element or a short date line, read in the page's language), then
<time> elements and date classes elsewhere outside furniture. The headline is the element that shows
the page's title, not merely the first h1 (often the site's logo). A comment's, a related card's or a
footer's date is never taken."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from briefarc.extract import dates
from briefarc.extract.headline import headline, lines_beside, nearest_first
from briefarc.extract.listing import inside
from briefarc.extract.pagesources import PageSources, declared_language, node_text

DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publication_date", "article.published", "article_date_original", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "originalpublicationdate", "firstpublisheddate", "release_date", "og:article:published_time",
    "citation_publication_date", "citation_date", "published",
)
# other meta names that say they hold the publication date ("w-published-date", "article-published-at")
PUBLISHED_NAME = re.compile(r"publish|issued")
NOT_PUBLISHED_NAME = re.compile(r"publisher|modif|updat|expir|review")
MICRODATA = "[itemprop=datePublished]"
TIME = "article time[datetime], main time[datetime], time[pubdate], time[datetime]"
DATE_CLASSES = ", ".join(f"[class*={word}]" for word in (
    "post-date", "publish-date", "published-date", "article-date", "entry-date", "pubdate", "news-date",
    "story-date", "date-published", "publish_date", "post_date",
))


def date_from_jsonld(src: PageSources) -> str | None:
    return dates.parse_date(src.ld.text("datePublished") or src.ld.text("dateCreated"))


def date_from_meta(src: PageSources) -> str | None:
    names = [*DATE_META, *(name for name in src.meta if name not in DATE_META and PUBLISHED_NAME.search(name)
                          and not NOT_PUBLISHED_NAME.search(name))]
    for name in names:
        for value in src.meta.get(name, ()):
            parsed = dates.parse_date(value)
            if parsed:
                return parsed
    return None


def date_from_microdata(src: PageSources) -> str | None:
    for node in src.tree.css(MICRODATA)[:3]:
        attrs = node.attributes
        parsed = dates.parse_date(attrs.get("datetime") or attrs.get("content") or node_text(node))
        if parsed and not _in_furniture(node):
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
UPDATED = re.compile(r"updated|modified|revised|reviewed|aktualisiert|mis à jour|actualizad|atualizad|обновлен"
                     r"|更新|تحديث", re.I)
NOT_PUBLISHED = re.compile(r"©|copyright|\bevent\b|\bdeadline\b", re.I)


def date_near_title(src: PageSources, title: str | None = None) -> str | None:
    """The first short line with a date just below or above the headline, read in the page's language
    ("Aug 04, 2025", "Posted on 12 mars 2025 by ..."); a <time> in the headline's header first."""
    node = headline(src, title)
    if node is None:
        return None
    header = node.parent if node.parent is not None and node.parent.tag not in ("body", "html") else node
    for time in header.css("time"):
        attrs = time.attributes
        found = dates.parse_date(attrs.get("datetime") or "") or dates.parse_date(node_text(time))
        if found and not _in_furniture(time):
            return found
    language, shown = declared_language(src), node_text(node)
    updated = None
    for line in nearest_first(lines_beside(node, True, NEAR_TITLE), lines_beside(node, False, 300)):
        if 6 <= len(line) <= DATE_LINE and not NOT_PUBLISHED.search(line) and line not in shown:
            found = dates.find_date_in_language(line, language)
            if found and not UPDATED.search(line):
                return found
            updated = updated or found
    return updated  # "Updated: 2 January 2026" only when no other date stands by the headline


def find_published(src: PageSources, title: str | None = None) -> str | None:
    for step in (date_from_jsonld, date_from_meta, date_from_microdata):
        value = step(src)
        if value:
            return value
    return date_near_title(src, title) or date_from_time(src) or date_from_date_class(src)
