"""The page's publication date, by a cascade: JSON-LD datePublished (over dateModified), meta tags
(the common names, then any name that says "published"), microdata datePublished, then what the page
shows beside its headline (a <time> element or a short date line, read in the page's language), then
<time> elements and date classes elsewhere outside furniture, then the fallbacks of datefallbacks.py.
A structured datePublished (JSON-LD, microdata, a meta tag named only "date" or "created") that the page
never shows gives way to the date its headline shows, unless that one is labelled as an update's; a meta
tag of the common names (article:published_time) only to one shown more than a day earlier (a post moved
or republished). A note that the article was first published on a day beats the date by the headline, and
a date by the headline that is an update's gives way to a publication date said anywhere (a labelled line,
the page's data, the URL). The headline is the element that shows the page's title, not merely the first
h1 (often the site's logo). A comment's, a related card's, a quoted post's, a "most read" list's or a
footer's date is never taken (otherdates.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from selectolax.lexbor import LexborNode

from briefarc.extract import dates
from briefarc.extract.datefallbacks import fallback_date, month_first, published_elsewhere
from briefarc.extract.headline import headline, lines_beside, nearest_first
from briefarc.extract.language import guess_language, language_from_url
from briefarc.extract.otherdates import YEAR, close_lines, in_caption, in_furniture, of_another_thing
from briefarc.extract.pagesources import PageSources, declared_language, node_text
from briefarc.extract.sentences import sentence_mention, sentence_tail
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


def date_from_jsonld(src: PageSources, title: str | None = None) -> str | None:
    """The JSON-LD article's datePublished (or dateCreated); a slashed day that reads both ways ("06/05/2024", as
    some content systems fill it) in the order the page writes its days."""
    own = src.ld.published_of_page(title, (src.url, src.links.get("canonical")))
    return dates.parse_date(own or src.ld.text("datePublished") or src.ld.text("dateCreated"),
                            month_first=month_first(src))


# names that say only "date" or "created": a content system may fill them with a default (the site's launch,
# the template's), so they give way to the date by the headline as structured data does
GENERIC_META = frozenset({"date", "dc.date", "dcterms.date", "dc.created", "dc:created", "dcterms.created",
                          "created", "datecreated"})


def _named_meta_date(src: PageSources) -> tuple[str, str] | None:
    """The first date of the common meta names, in their order; else the earliest day of the other names
    that say "published" (a "published-time" of the page's last build beside the article's "published-date"):
    the name of the meta tag that gave it, and the date."""
    for name in DATE_META:
        for value in src.meta.get(name, ()):
            parsed = dates.parse_date(value)
            if parsed:
                return name, parsed
    names = [name for name in src.meta if name not in DATE_META and PUBLISHED_NAME.search(name)
             and not NOT_PUBLISHED_NAME.search(name)]
    found = [(parsed, name) for name in names for value in src.meta[name] if (parsed := dates.parse_date(value))]
    if not found:
        return None
    parsed, name = min(found, key=lambda item: item[0][:10])
    return name, parsed


def date_from_microdata(src: PageSources) -> str | None:
    for node in src.tree.css(MICRODATA)[:3]:
        attrs = node.attributes
        parsed = dates.parse_date(attrs.get("datetime") or attrs.get("content") or node_text(node),
                                  month_first=month_first(src))
        if parsed and not in_furniture(node):
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
        parsed = dates.parse_date(value, month_first=month_first(src))
        if not parsed or in_furniture(node):
            continue
        marks = f"{attrs.get('itemprop') or ''} {attrs.get('class') or ''}".lower()
        if not MODIFIED_MARK.search(marks) or PUBLISHED_MARK.search(marks):
            return parsed if updated is None or parsed[:10] <= updated[:10] else updated
        updated = updated or parsed
    return updated


PUBLISHED_MARK = lazy(r"\bpublished\b|datepublished")


MICROFORMAT = ".published, .dt-published"  # hAtom's and microformats2's publication date


def date_from_microformat(src: PageSources) -> str | None:
    """An entry's date marked up as microformats do: `<abbr class="published" title="2016-11-12">`, or
    `<time class="dt-published">`."""
    for node in src.tree.css(MICROFORMAT)[:4]:
        attrs = node.attributes
        text = node_text(node)
        if len(text) <= 60 and not in_furniture(node):
            parsed = dates.parse_date(attrs.get("datetime") or attrs.get("title") or "") or dates.parse_date(
                text, month_first=month_first(src))
            if parsed:
                return parsed
    return None


def date_from_date_class(src: PageSources) -> str | None:
    """A short element whose class says it is the article's date ("post-date", "entry-date")."""
    if DATE_IN_ALL and not src.tree.css("[class*=date]"):
        return None
    for node in src.tree.css(DATE_CLASSES)[:6]:
        text = node_text(node)
        if len(text) <= 60 and not in_furniture(node):
            parsed = dates.parse_date(node.attributes.get("title") or "") or dates.parse_date(
                text, month_first=month_first(src))
            if parsed:
                return parsed
    return None


MACHINE_TIME = lazy(r"\s*\d{4}-\d\d-\d\dT\d\d:\d\d")  # a timestamp for machines, not a date line people read
NEAR_TITLE = 1500  # characters of page text read after the headline for a date line
DATE_LINE = 120  # a longer line is a sentence that mentions a date, not a date line
# a label of the page's last change, or of its last review ("Page last reviewed: 12 January 2024", "Fact checked"):
# either says the date is no publication's, only the first says the page changed then
EDITED_WORDS = r"updated|modified|revised|aktualisiert|mis à jour|actualizad|atualizad|обновлен|更新|تحديث"
REVIEWED_WORDS = r"reviewed|checked|geprüft|vérifié|verificad|проверен"
EDITED, REVIEWED = lazy(EDITED_WORDS, re.I), lazy(REVIEWED_WORDS, re.I)
UPDATED = lazy(rf"{EDITED_WORDS}|{REVIEWED_WORDS}", re.I)
# what _near_title says of its date: the publication's, an update's (a change), or a review's
PUBLISHED, CHANGED, REVIEW = "", "changed", "reviewed"
# a date line of something else than the page's publication: a copyright's year, an event's, a deadline's; and a
# day that a word of another meaning governs, the date following it ("Offer ends June 30, 2024", "valid until
# 30 June", "Effective date: 1 January 2025", "Applications closing 30 June 2024"), not the word anywhere in the
# line ("Closing remarks, Vientiane, July 27, 2024", "Statement on the effective ceasefire, 5 June 2024")
NOT_PUBLISHED = lazy(r"©|copyright|\bevent\b|\bdeadline\b|\b(?:ends|expires?|valid until|closes|closing|effective"
                     r"|born|died)(?:\s+(?:date|on|from|as of))?\s*:?\s+(?=\d|\w{3,9}\.?\s+\d)", re.I)


def _near_title(src: PageSources, title: str | None) -> tuple[str, str] | None:
    """The first short line with a date just below or above the headline, read in the page's language
    ("Aug 04, 2025", "Posted on 12 mars 2025 by ..."); a <time> in the headline's header first: the date, and
    what the page labels it as: PUBLISHED (no label of a change), CHANGED (an update's) or REVIEW (a review's)."""
    node = headline(src, title, styled=True)
    if node is None:
        return None
    header = node.parent if node.parent is not None and node.parent.tag not in ("body", "html") else node
    updated = None
    for time in header.css("time"):
        attrs = time.attributes
        found = dates.parse_date(attrs.get("datetime") or "") or dates.parse_date(node_text(time),
                                                                               month_first=month_first(src))
        if found and not in_furniture(time, header):
            if not _says_updated(time, header):
                return found, PUBLISHED
            updated = updated or (found, _change(_label_of(time)))
    if updated:
        return updated
    language, shown = declared_language(src), node_text(node)
    others = None
    texts: dict[int, str] = {}  # the folded texts of `others` read so far (of_another_thing)
    after = lines_beside(node, True, NEAR_TITLE, src.memo)
    for line in nearest_first(after, lines_beside(node, False, 300, src.memo)):
        short = SHORT_DATE.match(line) if len(line) <= SHORT_DATE_LINE else None
        if short:  # "02.12.19" alone on its line: the day as German and other European pages write it
            found = _short_date(short)
        elif (6 <= len(line) <= DATE_LINE and YEAR.search(line) and not NOT_PUBLISHED.search(line) and line not in shown
              and not sentence_tail(line) and not (sentence_mention(line) and in_caption(src, line))):
            found = _line_date(src, node, line, language)
        else:
            continue
        if not found:
            continue
        others = others if others is not None else [(item, item.text()) for item in src.tree.css("blockquote, li")]
        if of_another_thing(src, node, line, others, close_lines(after), texts):
            continue
        if not UPDATED.search(line):
            if not MACHINE_TIME.match(line):
                return found, PUBLISHED
        else:  # "Updated: 14 March 2025 | Published: 12 March 2025": the date after the label is the page's
            published = _after_published_label(line, language or page_language(src, node), month_first(src))
            if published:
                return published, PUBLISHED
        updated = updated or (found, _change(line))
    # "Updated: 2 January 2026" (or a hidden "2026-01-02T10:45:07-04:00") only when no other date stands by
    return updated


def _change(label: str) -> str:
    """What a label that is no publication's says: a review's ("last reviewed", "checked") unless it names a change."""
    return REVIEW if REVIEWED.search(label) and not EDITED.search(label) else CHANGED


def _line_date(src: PageSources, headline: LexborNode, line: str, language: str | None) -> str | None:
    """A date line's date in the page's language: the one it declares, else (or when the line does not read in
    it: a German blog whose template declares "en" writes "publiziert am 25. September 2018") the one its text
    is in."""
    order = month_first(src)
    found = dates.find_date_in_language(line, language, month_first=order)
    if found or not YEAR.search(line):
        return found
    spoken = text_language(src, headline)
    return dates.find_date_in_language(line, spoken, month_first=order) if spoken != language else None


def page_language(src: PageSources, headline: LexborNode) -> str | None:
    """The language the page declares, else the one its text is in (text_language)."""
    return declared_language(src) or text_language(src, headline)


def text_language(src: PageSources, headline: LexborNode) -> str | None:
    """The language the page's URL names or its headline and the text after it read as (not the whole page's: its
    menus may be in another); found once, when asked."""
    if "text language" not in src.memo:
        src.memo["text language"] = language_from_url(src.url) or guess_language(
            " ".join([node_text(headline), *lines_beside(headline, True, NEAR_TITLE, src.memo)]))
    return src.memo["text language"]


PUBLISHED_WORD = lazy(r"published|posted|publié|veröffentlicht|publicad|pubblicat|опубликован|发布|发表|نشر|شائع",
                      re.I)


def _after_published_label(line: str, language: str | None, order: dates.MonthFirst) -> str | None:
    """The date after a publication's label in a line that gives the update's too."""
    label = PUBLISHED_WORD.search(line)
    return dates.find_date_in_language(line[label.end():], language, month_first=order) if label else None


SHORT_DATE_LINE = 12
# the day and the month with their zeros: "3.4.12" and "1.10.12" alone on a line are versions, not days
SHORT_DATE = lazy(r"^\s*(?P<day>\d{2})\.(?P<mon>\d{2})\.(?P<yy>\d{2})\s*$")


def _short_date(match: re.Match) -> str | None:
    """A day written with a two-digit year ("02.12.19"), in this century."""
    day = dates.make_date(2000 + int(match["yy"]), int(match["mon"]), int(match["day"]))
    return day.isoformat() if day else None


MODIFIED_MARK = lazy(r"modif|update")


def _says_updated(time: LexborNode, header: LexborNode) -> bool:
    """A <time> marked up (itself or the elements around it in the header) or labelled as the date of
    the last change."""
    if UPDATED.search(_label_of(time)[:DATE_LINE]):
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


def _label_of(time: LexborNode) -> str:
    """The text before the <time> in its element, back to the <time> before it, when it names the date
    ("Updated <time> · Published <time>"); else the element's whole text."""
    parts = []
    node = time.prev
    while node is not None and node.tag != "time":
        parts.append(node.text() or "")
        node = node.prev
    before = " ".join(reversed(parts))
    if UPDATED.search(before) or PUBLISHED_WORD.search(before):
        return before
    return node_text(time.parent) if time.parent is not None else ""


HIDDEN = "script, style, noscript, template, iframe"


def spaced_text(src: PageSources) -> str:
    """The text of the page's body, its runs joined by spaces, read once a page (shows and
    date_first_published both search it)."""
    if "spaced text" not in src.memo:
        body = src.tree.body
        src.memo["spaced text"] = body.text(separator=" ") if body is not None else ""
    return src.memo["spaced text"]


def shows(src: PageSources, value: str) -> bool:
    """True when the page shows the day of a date in its text: more often than its scripts, styles and
    frames (whose text is not shown) write it."""
    body = src.tree.body
    if body is None:
        return False
    language = declared_language(src)
    judged: dict[str, bool] = {}  # the scripts' windows are in both texts: each judged once
    written = dates.date_mentions(spaced_text(src), value, language, judged)
    if not written:
        return False
    hidden = " ".join(node.text() for node in body.css(HIDDEN))
    return written > dates.date_mentions(hidden, value, language, judged)


def shown_over_declared(src: PageSources, declared: str, title: str | None) -> str:
    """The structured data's datePublished, unless the page never shows that day while the line by
    its headline shows another one: the page's own date is what it shows. An update's date gives way to the
    declared one unless it is earlier (no page is updated before it is published: the declared day is then the
    day the page was last built, as "Page updated: 12 November 2025" under a datePublished of the 13th). Whether the
    page shows the day is asked first: it costs a third of the search by the headline, which most pages are then
    spared."""
    return _shown_instead(src, declared, title, lambda day: day[:10] != declared[:10])


def find_published(src: PageSources, title: str | None = None) -> str | None:
    declared = date_from_jsonld(src, title)
    if declared:
        return shown_over_declared(src, declared, title)
    named = _named_meta_date(src)
    if named:
        return (shown_over_declared if named[0] in GENERIC_META else earlier_shown)(src, named[1], title)
    declared = date_from_microdata(src)
    if declared:
        return shown_over_declared(src, declared, title)
    first = date_first_published(src)
    if first:
        return first
    beside = _near_title(src, title)
    if beside is not None and beside[1]:  # an update's date: the publication's, said anywhere, goes first
        return published_elsewhere(src, in_furniture) or dates.date_from_url(src.url) or beside[0]
    return (beside[0] if beside else None) or date_from_time(src) or date_from_microformat(src) \
        or date_from_date_class(src) or fallback_date(src, in_furniture) or date_from_byline(src)


def date_from_byline(src: PageSources) -> str | None:
    """A date written in the article's byline, beside its author's name ("Luke Kim / December 17, 2025" under a
    headline that is not the page's title): the first of the page's first bylines that holds one, read in the
    page's language."""
    from briefarc.extract.authors import BYLINE_TEXT, article_bylines, text_lines

    for node in article_bylines(src)[:6]:
        shown = node_text(node)
        if len(shown) > BYLINE_TEXT or not YEAR.search(shown) or in_furniture(node):
            continue
        for line in text_lines(node):  # "Luke Kim" and "December 17, 2025" are two elements: their text apart
            found = dates.find_date_in_language(line, declared_language(src), month_first=month_first(src))
            if found:
                return found
    return None


def earlier_shown(src: PageSources, declared: str, title: str | None) -> str:
    """A publication time of the common meta names (article:published_time) gives way only to a date the headline
    shows more than a day earlier, when the page never shows the tag's day: the tag then says when the post was
    moved or republished (a blog platform's import shows the post's own day, "Dec 30, 2013", under a tag of 2024).
    A later day shown is an update's, and one a day off is the same moment in the site's time zone; an earlier one
    labelled as a change's still dates the post (no post is updated before it is published), a review's does not.
    Whether the page shows the tag's day is asked first, as in shown_over_declared."""
    return _shown_instead(src, declared, title, lambda day: days_between(day, declared) > 1)


def _shown_instead(src: PageSources, declared: str, title: str | None, differs: Callable[[str], bool]) -> str:
    """The date by the headline instead of the `declared` one when the page never shows the declared day and the
    one it shows `differs` enough, unless it is labelled as an update's or a review's (an earlier change's excepted:
    _changed_before); else the declared one."""
    if shows(src, declared):
        return declared
    beside = _near_title(src, title)
    if beside is None or (beside[1] and not _changed_before(beside, declared)) or not differs(beside[0]):
        return declared
    return beside[0]


def _changed_before(beside: tuple[str, str], declared: str) -> bool:
    """Whether the date by the headline is labelled as a change's (not a review's) and is earlier than the declared
    publication: the declared day is then a build's stamp."""
    return beside[1] == CHANGED and beside[0][:10] < declared[:10]


def days_between(earlier: str, later: str) -> int:
    """The days from one ISO date (or datetime) to another."""
    return (date.fromisoformat(later[:10]) - date.fromisoformat(earlier[:10])).days


FIRST_PUBLISHED = lazy(r"\b(?:originally|first) published\b(?P<rest>.{0,50})", re.I | re.S)


def date_first_published(src: PageSources) -> str | None:
    """A note that the article was first published on a day ("This article was originally published on
    26 Sep 2019 but has been regularly updated"): the date by the headline is then the update's."""
    text = spaced_text(src)
    at = text.find("ublished")
    while at != -1:  # a plain search first: the pattern alone would be tried at every character
        match = FIRST_PUBLISHED.search(text, max(at - 14, 0), at + 60)
        found = dates.find_date_in_language(match["rest"], declared_language(src),
                                            month_first=month_first(src)) if match else None
        if found:
            return found
        at = text.find("ublished", at + 8)
    return None
