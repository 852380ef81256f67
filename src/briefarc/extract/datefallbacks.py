"""Where a page that declares no publication date and shows none by its headline still says it, in order:
a labelled line anywhere in the article ("Published" over a date, "Posted on 3 May 2024"), the
datePublished of data kept in scripts or attributes (escaped JSON), a wire dateline opening the
description ("RAJSHAHI, Dec 20, 2025 (BSS) - ..."), a byline that gives the day ("Von Christian am
03.05.2013", often under the article), an "Updated" line, and last the declared date of the last change.
A date in navigation, a footer or a list of other articles is never taken."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from briefarc.extract import dates
from briefarc.extract.pagesources import PageSources, declared_language
from briefarc.extract.text import INVISIBLE, fold
from briefarc.patterns import lazy

HIDDEN = frozenset({"script", "style", "noscript", "template", "iframe"})
PUBLISHED_LABEL = lazy(
    r"^(?:date\s+)?(?:first\s+|originally\s+)?(?:published|posted|publication date|date of publication|publié|publiée"
    r"|veröffentlicht|publicado|publicada|pubblicato|gepubliceerd|опубликовано|发布时间|发布日期|发表于)\b", re.I)
UPDATED_LABEL = lazy(r"^(?:last\s+)?(?:updated|modified|reviewed)\b", re.I)
# a byline that gives the day too, often under the article ("Von Christian am 03.05.2013, 11:51"): the word
# and a name, which opens with no digit nor small letter ("By 15 March all bids are due", "Par arrêté du 3 mai
# 2013", "Di seguito il comunicato del ..." and "от 3 мая" are a deadline, a decree, a sentence, a reference)
BYLINE_LABEL = lazy(r"^(?:(?:written\s+)?by|von|verfasst von|geschrieben von|par|por|di|от|автор)\s+"
                    r"(?-i:[^\W\d_a-zß-ÿа-яё])", re.I)
LABEL_LINE = 90  # a longer text is a sentence, not a label with its date
DATA_KEYS = (r"datePublished|publishedAt|published_at|publishDate|publish_date|firstPublishedAt|first_publish_date"
             r"|datePosted")
QUOTE = r"(?:\\?\"|&quot;|&#34;)"
DATA_DATE = lazy(rf"{QUOTE}(?:{DATA_KEYS}){QUOTE}\s*:\s*{QUOTE}([^\"\\&]{{8,40}})")
DATELINE = lazy(r"^(?P<head>.{6,100}?)\s(?:\([A-Z][\w .]{1,20}\)\s*)?[-–—]\s")
# the first letters of each label's words, a cheap test before folding every text of the page: date, first,
# originally, published, posted, publié, veröffentlicht, gepubliceerd, опубликовано, 发布/发表; last, updated,
# modified, reviewed; by, written, von, verfasst, geschrieben, par, por, di, от, автор
PUBLISHED_STARTS = frozenset("dfopvgо发")
UPDATED_STARTS = frozenset("lumr")
BYLINE_STARTS = frozenset("bwvgpdоа")
MODIFIED_META = ("article:modified_time", "og:updated_time", "dcterms.modified", "datemodified", "last-modified")


def _texts(src: PageSources) -> list[LexborNode]:
    """The page's visible text nodes, found once per page (each label's search reads them)."""
    if "texts" not in src.memo:
        body = src.tree.body
        src.memo["texts"] = [] if body is None else [
            node for node in body.traverse(include_text=True)
            if node.tag == "-text" and node.parent is not None and node.parent.tag not in HIDDEN
            and (node.text_content or "").strip()]
    return src.memo["texts"]


def _heads(src: PageSources) -> list[str]:
    """The first visible character of each of the page's texts, lower-cased, found once per page: a label can
    open a text only if it starts with that character (a cheap test before folding every text)."""
    if "heads" not in src.memo:
        src.memo["heads"] = [_head(node.text_content or "") for node in _texts(src)]
    return src.memo["heads"]


def _head(text: str) -> str:
    head = text.lstrip()
    while head and (ord(head[0]) in INVISIBLE or head[0].isspace()):
        head = head[1:]
    return head[:1].lower()


def _opens_its_element(node: LexborNode) -> bool:
    """Whether no text stands before the text node in its element: it opens a line, not the rest of a
    sentence after a link ("... <a>in Astana</a> by President Tokayev on 3 May 2013")."""
    before = node.prev
    while before is not None:
        if (before.text() or "").strip():
            return False
        before = before.prev
    return True


LIST_DEPTH = 4  # ancestors of a byline looked at for a list of posts like its own


def _one_of_a_list(node: LexborNode, label: re.Pattern[str], language: str) -> bool:
    """Whether the text is one of a list's dated bylines: an element holding it (up to LIST_DEPTH levels up) has a
    sibling of the same tag and class that opens with a dated byline too. Comments without a class that names
    them ("Von Eva am 04.05.2013" atop each), not the byline of the post they follow, nor a byline followed by a
    paragraph that opens with the same word ("Von Berlin aus..."). Only each sibling's first text is read."""
    current = node.parent
    for _ in range(LIST_DEPTH):
        if current is None or current.parent is None:
            return False
        kind = (current.tag, current.attributes.get("class"))
        for sibling in (_element_beside(current, False), _element_beside(current, True)):
            if sibling is None or (sibling.tag, sibling.attributes.get("class")) != kind:
                continue
            opening = _first_text(sibling)
            if label.match(opening) and dates.find_date_in_language(opening, language):
                return True
        current = current.parent
    return False


def _first_text(node: LexborNode) -> str:
    """The first visible text in an element, folded; "" when it has none."""
    for text in node.traverse(include_text=True):
        if text.tag == "-text" and (text.text_content or "").strip() and (
                text.parent is None or text.parent.tag not in HIDDEN):
            return fold(text.text_content or "")
    return ""


def _element_beside(node: LexborNode, forward: bool) -> LexborNode | None:
    """The element just after (or before) `node` among its siblings, past texts and comments."""
    sibling = node.next if forward else node.prev
    while sibling is not None and sibling.tag in ("-text", "-comment"):
        sibling = sibling.next if forward else sibling.prev
    return sibling


def _labelled(src: PageSources, label: re.Pattern[str], starts: frozenset[str],
              in_furniture: Callable[[LexborNode], bool], opening: bool = False) -> str | None:
    """The date of the first short text that opens with the label, or of the text just after a bare label;
    with `opening` (a byline), only of a text that opens its element and is not one of a list's."""
    language = None
    texts, heads = _texts(src), _heads(src)
    for index, node in enumerate(texts):
        if heads[index] not in starts:
            continue
        text = fold(node.text_content or "")
        if len(text) > LABEL_LINE or not label.match(text) or (opening and not _opens_its_element(node)):
            continue
        if in_furniture(node):
            continue
        language = language or declared_language(src) or "en"
        if opening and _one_of_a_list(node, label, language):
            continue
        found = dates.find_date_in_language(text, language, month_first=month_first(src))
        if not found and len(label.sub("", text).strip(" :")) == 0:
            following = " ".join(fold(t.text_content or "") for t in texts[index + 1:index + 4])
            found = dates.find_date_in_language(following[:60], language, month_first=month_first(src))
        if found:
            return found
    return None


MONTH_FIRST_REGIONS = frozenset({"us"})  # countries that write numeric days month first ("03/12/2025": 12 March)
REGION = lazy(r"^[a-z]{2,3}[-_]([a-z]{2})\b", re.I)


def month_first(src: PageSources) -> dates.MonthFirst:
    """Asks, once a page, whether it writes a slashed day that reads both ways ("Wed, 03/12/2025": both readings
    fall on a Wednesday) month first: as the page's other slashed days that read one way only do ("12/25/2025"
    month first, "25/12/2025" day first), the most of them; else as the country of its address's domain does
    (.us; .pk, .in, .uk: day first); else, on a .com or .org, as its declared locale's country does (en-US); else
    day first, as before."""
    def decide() -> bool:
        if "month first" not in src.memo:
            src.memo["month first"] = _writes_month_first(src)
        return src.memo["month first"]
    return decide


def _writes_month_first(src: PageSources) -> bool:
    votes = 0
    for node in _texts(src):
        text = node.text_content or ""
        if "/" in text:
            for match in dates.NUMERIC.finditer(text):
                first, second = int(match["a"]), int(match["b"])
                if match["sep"] == "/" and (first > 12) != (second > 12) and max(first, second) <= 31:
                    votes += 1 if second > 12 else -1
    if votes:
        return votes > 0
    country = _country_domain(src.url)
    if country is not None:  # a .pk or .in site on WordPress still declares its default en-US
        return country in MONTH_FIRST_REGIONS
    html = src.tree.css_first("html")
    declared = (html.attributes.get("lang") if html is not None else None,
                src.first_meta(("content-language", "og:locale")), src.ld.text("inLanguage"))
    regions = [found[1].lower() for value in declared if value and (found := REGION.match(value.strip()))]
    return bool(regions) and regions[0] in MONTH_FIRST_REGIONS


def _country_domain(url: str | None) -> str | None:
    """The two letters of the address's country-code domain (gov.pk: "pk"), None for .com, .org and the like."""
    host = urlsplit(url).hostname if url else None
    label = host.rsplit(".", 1)[-1] if host and "." in host else ""
    return label if len(label) == 2 and label.isalpha() else None


def date_from_data(src: PageSources) -> str | None:
    """A datePublished in data the page keeps in scripts or attributes (JSON, escaped or not)."""
    page = src.raw if src.raw is not None else (src.tree.html or "")  # the text as it came: no serializing
    for match in _data_dates(page):
        found = dates.parse_date(match.group(1))
        if found:
            return found
    return None


KEY_MARKS = ("ublish", "datePosted")  # one of them is in every key DATA_KEYS names
KEY_REACH = 13  # how far before its key's mark a match of DATA_DATE starts at most: "&quot;first_p"
QUOTE_STARTS = '"\\&'  # the first characters of QUOTE's forms


def _data_dates(page: str) -> Iterator[re.Match]:
    """The matches DATA_DATE.finditer gives, tried only where one may start: a quote's first character at most
    KEY_REACH characters before a key's mark. A search of the pattern tried every quote of the page."""
    at = 0
    for found in KEY_MARK.finditer(page):
        mark = found.start()
        if mark < at:  # within the match before it
            continue
        match = _match_before(page, max(at, mark - KEY_REACH), mark)
        if match is not None:
            yield match
        at = match.end() if match is not None else mark + 1


# KEY_MARKS in one pass: a search of each from every mark went over the rest of the page again for a mark that is
# not on it (2 MB with 3,000 marks: 1.2 s)
KEY_MARK = lazy("|".join(map(re.escape, KEY_MARKS)))


def _match_before(page: str, start: int, mark: int) -> re.Match | None:
    """The first match of DATA_DATE that starts from `start` to before `mark`."""
    for place in range(start, mark):
        if page[place] in QUOTE_STARTS and (match := DATA_DATE.match(page, place)) is not None:
            return match
    return None


def date_from_dateline(src: PageSources) -> str | None:
    """A wire dateline opening the description: "RAJSHAHI, Dec 20, 2025 (BSS) - Homestead ..."."""
    description = src.first_meta(("og:description", "description")) or ""
    match = DATELINE.match(description)
    return dates.find_date(match["head"]) if match else None


def date_declared_modified(src: PageSources) -> str | None:
    return dates.parse_date(src.ld.text("dateModified") or src.first_meta(MODIFIED_META))


def published_elsewhere(src: PageSources, in_furniture: Callable[[LexborNode], bool]) -> str | None:
    """A publication date the page gives apart from its headline: a labelled line, or its data's."""
    return _labelled(src, PUBLISHED_LABEL, PUBLISHED_STARTS, in_furniture) or date_from_data(src)


def fallback_date(src: PageSources, in_furniture: Callable[[LexborNode], bool]) -> str | None:
    """The first of the fallbacks that finds a date; none when the URL carries one (it says more)."""
    if dates.date_from_url(src.url):
        return None
    return (_labelled(src, PUBLISHED_LABEL, PUBLISHED_STARTS, in_furniture) or date_from_data(src)
            or date_from_dateline(src) or _labelled(src, BYLINE_LABEL, BYLINE_STARTS, in_furniture, opening=True)
            or _labelled(src, UPDATED_LABEL, UPDATED_STARTS, in_furniture) or date_declared_modified(src))
