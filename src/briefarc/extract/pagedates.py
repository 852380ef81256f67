"""The page's publication date, by a cascade: JSON-LD datePublished (over dateModified), meta tags
(the common names, then any name that says "published"), microdata datePublished, then what the page
shows beside its headline (a <time> element or a short date line, read in the page's language), then
<time> elements and date classes elsewhere outside furniture, then the fallbacks of datefallbacks.py.
A structured datePublished (JSON-LD, microdata) that the page never shows gives way to the date its
headline shows, unless that one is labelled as an update's; a note that the article was first published
on a day beats the date by the headline. The headline is the element that shows the page's title, not
merely the first h1 (often the site's logo). A comment's, a related card's, a quoted post's or a
footer's date is never taken."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from briefarc.extract import dates
from briefarc.extract.cards import leads_to
from briefarc.extract.datefallbacks import PUBLISHED_LABEL, fallback_date
from briefarc.extract.furniture import PROMO
from briefarc.extract.headline import headline, lines_beside, nearest_first
from briefarc.extract.pagesources import PageSources, declared_language, node_text
from briefarc.extract.text import fold
from briefarc.patterns import lazy

DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publication_date", "article.published", "article_date_original", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
    "originalpublicationdate", "firstpublisheddate", "release_date", "og:article:published_time",
    "citation_publication_date", "citation_date", "published",
    "dc.created", "dc:created", "dcterms.created", "created", "datecreated",  # a creation date, last
)
# other meta names that say they hold the publication date ("w-published-date", "article-published-at")
PUBLISHED_NAME = lazy(r"publish|issued")
NOT_PUBLISHED_NAME = lazy(r"publisher|modif|updat|expir|review")
MICRODATA = "[itemprop=datePublished]"
TIME = "article time[datetime], main time[datetime], time[pubdate], time[datetime]"
DATE_CLASSES = ", ".join(f"[class*={word}]" for word in (
    "post-date", "publish-date", "published-date", "article-date", "entry-date", "pubdate", "news-date",
    "story-date", "date-published", "publish_date", "post_date",
))
# every class above holds "date": a page without such a class is ruled out by one cheap selector
DATE_IN_ALL = all("date" in part for part in DATE_CLASSES.split(", "))


def date_from_jsonld(src: PageSources) -> str | None:
    return dates.parse_date(src.ld.text("datePublished") or src.ld.text("dateCreated"))


def date_from_meta(src: PageSources) -> str | None:
    """The first date of the common meta names, in their order; else the earliest day of the other names
    that say "published" (a "published-time" of the page's last build beside the article's "published-date")."""
    for name in DATE_META:
        for value in src.meta.get(name, ()):
            parsed = dates.parse_date(value)
            if parsed:
                return parsed
    names = [name for name in src.meta if name not in DATE_META and PUBLISHED_NAME.search(name)
             and not NOT_PUBLISHED_NAME.search(name)]
    found = [parsed for name in names for value in src.meta[name] if (parsed := dates.parse_date(value))]
    return min(found, key=lambda value: value[:10]) if found else None


def date_from_microdata(src: PageSources) -> str | None:
    for node in src.tree.css(MICRODATA)[:3]:
        attrs = node.attributes
        parsed = dates.parse_date(attrs.get("datetime") or attrs.get("content") or node_text(node))
        if parsed and not _in_furniture(node):
            return parsed
    return None


def date_from_time(src: PageSources) -> str | None:
    """The first <time> outside furniture, passing over one marked only as the last change's ("updated",
    not "published updated" as WordPress marks a post never changed) for a later one that is not and
    that is no later than the change (a comment's or the next post's is)."""
    updated = None
    for node in src.tree.css(TIME)[:5]:
        attrs = node.attributes
        value = attrs.get("datetime") or attrs.get("content") or node_text(node)
        parsed = dates.parse_date(value)
        if not parsed or _in_furniture(node):
            continue
        marks = f"{attrs.get('itemprop') or ''} {attrs.get('class') or ''}".lower()
        if not MODIFIED_MARK.search(marks) or PUBLISHED_MARK.search(marks):
            return parsed if updated is None or parsed[:10] <= updated[:10] else updated
        updated = updated or parsed
    return updated


PUBLISHED_MARK = lazy(r"\bpublished\b|datepublished")


NOT_THE_ARTICLE = lazy(rf"related|sidebar|recommend|{PROMO}|teaser|trending|popular|top-?bar|header-?date")
FURNITURE_TAGS = ("nav", "footer", "li")


def _ancestors(node: LexborNode, depth: int = 12) -> list[LexborNode]:
    """The node's nearest ancestors below <body> (the body's classes describe the whole page: "no-sidebar")."""
    found: list[LexborNode] = []
    current = node.parent
    while current is not None and current.tag not in ("body", "html") and len(found) < depth:
        found.append(current)
        current = current.parent
    return found


def _in_furniture(node: LexborNode, header: LexborNode | None = None) -> bool:
    """True when an element sits in navigation, an aside, a footer or a list of other articles; an
    aside of the headline's own header that holds nothing but the date is the article's dateline."""
    for parent in _ancestors(node):
        names = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}".lower()
        if parent.tag in FURNITURE_TAGS or NOT_THE_ARTICLE.search(names):
            return True
        if parent.tag == "aside" and not (header is not None and parent.parent == header
                                          and dates.is_date_line(node_text(parent))):
            return True
    return False


MICROFORMAT = ".published, .dt-published"  # hAtom's and microformats2's publication date


def date_from_microformat(src: PageSources) -> str | None:
    """An entry's date marked up as microformats do: `<abbr class="published" title="2016-11-12">`, or
    `<time class="dt-published">`."""
    for node in src.tree.css(MICROFORMAT)[:4]:
        attrs = node.attributes
        text = node_text(node)
        if len(text) <= 60 and not _in_furniture(node):
            parsed = dates.parse_date(attrs.get("datetime") or attrs.get("title") or "") or dates.parse_date(text)
            if parsed:
                return parsed
    return None


def date_from_date_class(src: PageSources) -> str | None:
    """A short element whose class says it is the article's date ("post-date", "entry-date")."""
    if DATE_IN_ALL and not src.tree.css("[class*=date]"):
        return None
    for node in src.tree.css(DATE_CLASSES)[:6]:
        text = node_text(node)
        if len(text) <= 60 and not _in_furniture(node):
            parsed = dates.parse_date(node.attributes.get("title") or "") or dates.parse_date(text)
            if parsed:
                return parsed
    return None


YEAR = lazy(r"\d{4}")  # no full date without its year (in any script's digits)
MACHINE_TIME = lazy(r"\s*\d{4}-\d\d-\d\dT\d\d:\d\d")  # a timestamp for machines, not a date line people read
NEAR_TITLE = 1500  # characters of page text read after the headline for a date line
DATE_LINE = 120  # a longer line is a sentence that mentions a date, not a date line
UPDATED = lazy(r"updated|modified|revised|reviewed|aktualisiert|mis à jour|actualizad|atualizad|обновлен"
                     r"|更新|تحديث", re.I)
NOT_PUBLISHED = lazy(r"©|copyright|\bevent\b|\bdeadline\b", re.I)


def date_near_title(src: PageSources, title: str | None = None) -> str | None:
    """The first short line with a date just below or above the headline, read in the page's language
    ("Aug 04, 2025", "Posted on 12 mars 2025 by ..."); a <time> in the headline's header first."""
    found = _near_title(src, title)
    return found[0] if found else None


def _near_title(src: PageSources, title: str | None) -> tuple[str, bool] | None:
    """date_near_title's date, and whether the page labels it as the date of an update."""
    node = headline(src, title, styled=True)
    if node is None:
        return None
    header = node.parent if node.parent is not None and node.parent.tag not in ("body", "html") else node
    for time in header.css("time"):
        attrs = time.attributes
        found = dates.parse_date(attrs.get("datetime") or "") or dates.parse_date(node_text(time))
        if found and not _in_furniture(time, header):
            return found, _says_updated(time, header)
    language, shown = declared_language(src), node_text(node)
    updated, others = None, None
    for line in nearest_first(lines_beside(node, True, NEAR_TITLE, src.memo), lines_beside(node, False, 300, src.memo)):
        short = SHORT_DATE.match(line) if len(line) <= SHORT_DATE_LINE else None
        if short:  # "02.12.19" alone on its line: the day as German and other European pages write it
            found = _short_date(short)
        elif (6 <= len(line) <= DATE_LINE and YEAR.search(line) and not NOT_PUBLISHED.search(line) and line not in shown
              and not sentence_tail(line)):
            found = dates.find_date_in_language(line, language)
        else:
            continue
        if not found:
            continue
        others = others if others is not None else [(item, item.text()) for item in src.tree.css("blockquote, li")]
        if _of_another_page(others, line) or _in_card(src, node, line) or _in_data_table(src, line):
            continue
        if not UPDATED.search(line) and not MACHINE_TIME.match(line):
            return found, False
        updated = updated or found
    # "Updated: 2 January 2026" (or a hidden "2026-01-02T10:45:07-04:00") only when no other date stands by
    return (updated, True) if updated else None


# nine words or more, to a sentence's end
SENTENCE_TAIL = lazy(r"^(?:\S+\s+){8,}.*[.!?]$", re.S)
BYLINE_OPENING = lazy(r"^(?:by|von|par|por|di|от)\s", re.I)


def sentence_tail(line: str) -> bool:
    """Whether the line is the rest of a sentence after a link or an emphasis ("column to find a site that
    stays open after April 15, 2025."): it opens with a small letter (of a script that has them), runs on
    for nine words or more and ends as a sentence does, and it is no label's line ("publié le 3 mai 2025
    par ...", "by ... on ..."). A line whose first three words hold a digit opens with its date, as a weekday
    written small does ("miércoles, 12 de marzo de 2025 a las 10:30 horas."): no sentence's tail."""
    return (line[:1].islower() and bool(SENTENCE_TAIL.match(line)) and not PUBLISHED_LABEL.match(line)
            and not BYLINE_OPENING.match(line) and not any(char.isdigit() for char in "".join(line.split()[:3])))


SHORT_DATE_LINE = 12
# the day and the month with their zeros: "3.4.12" and "1.10.12" alone on a line are versions, not days
SHORT_DATE = lazy(r"^\s*(?P<day>\d{2})\.(?P<mon>\d{2})\.(?P<yy>\d{2})\s*$")


def _short_date(match: re.Match) -> str | None:
    """A day written with a two-digit year ("02.12.19"), in this century."""
    day = dates.make_date(2000 + int(match["yy"]), int(match["mon"]), int(match["day"]))
    return day.isoformat() if day else None


def _of_another_page(others: list[tuple[LexborNode, str]], line: str) -> bool:
    """A date line that belongs to something else the page shows: a quoted or embedded post (a
    blockquote), or a list item beside a link to another page (a related or latest article).
    `others` holds the page's blockquotes and list items with their raw text."""
    year = YEAR.search(line)
    for node, text in others:
        if year is None or year.group() not in text or line not in node_text(node):
            continue
        if node.tag == "blockquote":
            return True
        if any(node_text(link) and line not in node_text(link) for link in node.css("a")):
            return True
    return False


CARD_TEXT = 300  # characters of a teaser card of another article, at most
CARD_LEVELS = 3  # levels above a card's heading where its date is looked for
CARD_WORDS = 4  # words of a linked heading that names another article (not an author's name or a section's)


def _in_card(src: PageSources, headline: LexborNode, line: str) -> bool:
    """Whether the date line is a teaser card's: a short element that holds a heading linked to another
    article (h2 to h4, in or around a link, of CARD_WORDS words or more) and the date, and not the headline
    ("Budget talks resume" over "March 21, 2025" in a row of top stories above the article). A card that
    links to the page itself (its URL or canonical one: a sidebar's "Recent posts") dates the page."""
    key = ("cards", headline.mem_id)
    if key not in src.memo:
        src.memo[key] = _cards(src, headline)
    return any(line in text for text in src.memo[key])


def _cards(src: PageSources, headline: LexborNode) -> list[str]:
    """The texts of the page's teaser cards that hold a year (see _in_card)."""
    shown = node_text(headline)
    canonical = src.tree.css_first("link[rel=canonical][href]")
    addresses = tuple(filter(None, (src.url, canonical.attributes.get("href") if canonical is not None else None)))
    found: list[str] = []
    for heading in src.tree.css("h2, h3, h4"):
        around = heading.parent
        link = heading.css_first("a[href]") or (around if around is not None and around.tag == "a" else None)
        text = node_text(heading)
        if link is None or len(text.split()) < CARD_WORDS or text == shown or heading == headline \
                or leads_to((link.attributes.get("href") or "").strip(), addresses):
            continue
        card: LexborNode | None = heading
        for _ in range(CARD_LEVELS):
            card = card.parent if card is not None else None
            if card is None or card.tag in ("body", "html", "main", "article"):
                break
            whole = node_text(card)
            if len(whole) > CARD_TEXT or card.css_first("h1") is not None or headline in card.traverse():
                break
            if whole != text and YEAR.search(whole):
                found.append(whole)
                break
    return found


DATA_DATES = 3  # cells that hold nothing but a date: a table's column of days (a time series), not a byline
DATE_CELL = 60  # characters of a cell read as a date alone, at most


def _in_data_table(src: PageSources, line: str) -> bool:
    """Whether the date line is the whole text of a table cell, in a table where DATA_DATES cells or more hold
    nothing but a date (a column of days in a table of data, "1/1/2013 +13.1%"), and the page writes it nowhere
    else (the date under the headline may be a row of a table of recent briefings too)."""
    if "date cells" not in src.memo:
        src.memo["date cells"] = _date_cells(src)
    return line in src.memo["date cells"]


def _date_cells(src: PageSources) -> set[str]:
    """The texts that the page writes only in cells that hold one date alone (one text node), in tables with
    DATA_DATES such cells or more: one pass over the cells, each read only when it holds a single text, and one
    over the page's texts when some are found."""
    tables: dict[int, list[LexborNode]] = {}
    for cell in src.tree.css("td, th"):
        child = cell.child
        if child is None or child.tag != "-text" or child.next is not None:
            continue
        text = fold(child.text_content or "")
        if len(text) > DATE_CELL or not YEAR.search(text) or not dates.is_date_line(text):
            continue
        table = cell.parent
        for _ in range(3):  # the row, a tbody, the table
            if table is None or table.tag == "table":
                break
            table = table.parent
        if table is not None and table.tag == "table":
            tables.setdefault(table.mem_id, []).append(child)
    texts = {node.mem_id: fold(node.text_content or "") for nodes in tables.values() if len(nodes) >= DATA_DATES
             for node in nodes}
    found = set(texts.values())
    body = src.tree.body
    if found and body is not None:
        for node in body.traverse(include_text=True):
            if node.tag == "-text" and node.mem_id not in texts:
                found.discard(fold(node.text_content or ""))
    return found


MODIFIED_MARK = lazy(r"modif|update")


def _says_updated(time: LexborNode, header: LexborNode) -> bool:
    """A <time> marked up (itself or the elements around it in the header) or labelled as the date of
    the last change."""
    label = node_text(time.parent) if time.parent is not None else ""
    if UPDATED.search(label[:DATE_LINE]):
        return True
    node: LexborNode | None = time
    for _ in range(4):
        if node is None or node == header:
            break
        attrs = node.attributes
        if MODIFIED_MARK.search(f"{attrs.get('itemprop') or ''} {attrs.get('class') or ''}".lower()):
            return True
        node = node.parent
    return False


HIDDEN = "script, style, noscript, template, iframe"


def shows(src: PageSources, value: str) -> bool:
    """True when the page shows the day of a date in its text: more often than its scripts, styles and
    frames (whose text is not shown) write it."""
    body = src.tree.body
    if body is None:
        return False
    language = declared_language(src)
    written = dates.date_mentions(body.text(separator=" "), value, language)
    if not written:
        return False
    hidden = " ".join(node.text() for node in body.css(HIDDEN))
    return written > dates.date_mentions(hidden, value, language)


def shown_over_declared(src: PageSources, declared: str, title: str | None) -> str:
    """The structured data's datePublished, unless the page never shows that day while the line by
    its headline shows another one (not an update's): the page's own date is what it shows."""
    beside = _near_title(src, title)
    if beside is None or beside[1] or beside[0][:10] == declared[:10] or shows(src, declared):
        return declared
    return beside[0]


def find_published(src: PageSources, title: str | None = None) -> str | None:
    for step in (date_from_jsonld, date_from_meta, date_from_microdata):
        value = step(src)
        if value:
            return value if step is date_from_meta else shown_over_declared(src, value, title)
    return (date_first_published(src) or date_near_title(src, title) or date_from_time(src)
            or date_from_microformat(src) or date_from_date_class(src) or fallback_date(src, _in_furniture))


FIRST_PUBLISHED = lazy(r"\b(?:originally|first) published\b(?P<rest>.{0,50})", re.I | re.S)


def date_first_published(src: PageSources) -> str | None:
    """A note that the article was first published on a day ("This article was originally published on
    26 Sep 2019 but has been regularly updated"): the date by the headline is then the update's."""
    text = src.tree.body.text(separator=" ") if src.tree.body is not None else ""
    at = text.find("ublished")
    while at != -1:  # a plain search first: the pattern alone would be tried at every character
        match = FIRST_PUBLISHED.search(text, max(at - 14, 0), at + 60)
        found = dates.find_date_in_language(match["rest"], declared_language(src)) if match else None
        if found:
            return found
        at = text.find("ublished", at + 8)
    return None
