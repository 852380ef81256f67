"""Bytes to Document: the extraction pipeline."""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Collection
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

from briefarc.errors import InputError
from briefarc.extract import content, dates, dating, jsonapi, listing, sites, speakers, stubs, transcript
from briefarc.extract.authorbox import author_from_paragraphs, author_from_wire_lead
from briefarc.extract.decode import decode_page
from briefarc.extract.depth import cap_tags, guarded
from briefarc.extract.feed import FeedItem, is_feed, parse_feed
from briefarc.extract.guard import input_errors_only
from briefarc.extract.kinds import classify, kind_from_title, kind_from_url, kind_named, looks_like_news
from briefarc.extract.language import guess_language, language_from_url
from briefarc.extract.links import checked
from briefarc.extract.metadata import Metadata, extract_metadata, settle_published, standfirst_outside
from briefarc.extract.text import fold
from briefarc.models import Document, ListingItem
from briefarc.patterns import lazy
from briefarc.urls import hostname

SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data: decompress it first"),
    (b"BZh", "bzip2-compressed data: decompress it first"),
    (b"\xfd7zXZ", "xz-compressed data: decompress it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"SQLite format 3", "an SQLite database"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MARKUP = lazy(r"<\s*(?:!doctype|html|head|body|p|div|article|section|span|a|h[1-6]|table|ul|li|br|title|meta"
                    r"|main|font|center|strong|b|td|tr|img|header|\?xml)\b", re.I)
LISTING_BODY_LIMIT = 1500  # pages with less body text than this are checked for being listings


# --- input checks ------------------------------------------------------------------------------------

SVG = lazy(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype svg[^>]*>\s*)?<svg\b", re.I | re.S)


def check_bytes(data: bytes) -> None:
    """Refuse empty and binary input with a message that says what it is."""
    if not data or not data.strip():
        raise InputError("empty input: there is nothing to extract")
    if data.startswith(UTF16_BOMS):
        return
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"binary data ({what}), not an HTML page")
    if data[4:12].startswith(b"ftyp"):
        raise InputError("binary data (an MP4/QuickTime media file), not an HTML page")
    head = data[:8192]
    nuls = head.count(b"\x00")
    if nuls > 0.01 * len(head):  # a stray NUL byte in a page is no reason to refuse it
        raise InputError("binary data (NUL bytes), not an HTML page")
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    # Control bytes over a tenth; or over 3% with NULs among them, as random bytes have (1 in 256 each; 28 of the
    # 256 are controls): 55 of 4,000 random files of 2,000 bytes were archived as pages. A page in ISO-2022-JP
    # holds many ESC bytes, and no NUL.
    if controls > 0.1 * len(head) or (nuls >= max(2, 0.001 * len(head)) and controls > 0.03 * len(head)):
        raise InputError("binary data (control bytes), not an HTML page")


def check_markup(text: str) -> None:
    if MARKUP.search(text, 0, 200_000) is None:  # as if the text ended there, without copying its start
        raise InputError("not HTML: no markup found (plain text or another format); pass an HTML page")
    if SVG.match(text, 0, 5000):
        raise InputError("not HTML: an SVG image")


def check_text(document: Document) -> Document:
    """A page with no title, no text and no links to items holds nothing to archive."""
    if not (document.title or document.paragraphs or document.turns or document.items):
        raise InputError("no text found: the page has no title and no body (empty, or all script or images)")
    return document


# --- the pipeline ------------------------------------------------------------------------------------

@input_errors_only("the page")
def extract(data: bytes, url: str | None = None, content_type: str | None = None,
            evidence: dating.Evidence | None = None) -> Document:
    """Turn the bytes of a page (with its URL and Content-Type when known) into a Document; `evidence`
    tells its Last-Modified and archive date, for titles that leave the year out.

    Raises InputError for empty, binary or non-HTML input, and never anything else.
    """
    check_bytes(data)
    return extract_checked(data, url, content_type, evidence)


def extract_checked(data: bytes, url: str | None, content_type: str | None,
                    evidence: dating.Evidence | None = None) -> Document:
    if jsonapi.looks_like_json(data, content_type):
        return check_text(from_json(data, url))
    if is_feed(data):
        return check_text(from_feed(data, url))
    text, encoding, warnings, exact = decode_page(data, content_type)
    check_markup(text)
    tags = text.count("<")  # counted once, for both guards
    text, cut = cap_tags(text, tags=tags)
    document = extract_html(text, url, evidence=evidence, tags=None if cut else tags,
                            utf8=data if exact and not cut and type(data) is bytes else None)
    document.encoding = encoding
    document.warnings = warnings + document.warnings + ([cut] if cut else [])
    if cut and not (document.paragraphs or document.turns or document.items):  # its text may all lie beyond
        raise InputError(f"no text found before the cut: {cut}")
    return check_text(document)


def extract_html(text: str, url: str | None = None, site: sites.Site | None = None,
                 evidence: dating.Evidence | None = None, utf8: bytes | None = None,
                 tags: int | None = None) -> Document:
    """The Document of a decoded HTML page; `utf8`: the page's bytes when the text is they read as UTF-8
    (the parser reads them as they are, where it would encode the text to UTF-8 again); `tags`: the count of
    "<" in the text, when the caller has it."""
    flat = guarded(text, tags)
    tree = LexborHTMLParser(utf8 if utf8 is not None and flat is text else flat)
    reason = stubs.refusal(tree, len(text))
    if reason:
        raise InputError(reason)
    site = site or sites.site_by_host(url)
    address = assumed = None
    if site is None and not url:  # a saved page: its own links say which site it is from
        site, address, assumed = sites.recognise(tree, text)
    trusted = site is not None  # a site known by its host: its body selector is trusted
    meta = extract_metadata(tree, url, dated=False, raw=text)
    if site is None:
        site = sites.site_by_generator(meta.generator)
    if site is None and (not url or not meta.structured):
        # a ministry template on an unknown host (a mirror, a saved file): such pages rarely carry
        # JSON-LD or Open Graph, and news pages nearly always do, which spares them the search
        site = sites.site_by_fingerprint(tree)
    apply_site(meta, tree, site)
    evidence = evidence or dating.Evidence()
    defer_date(meta, site, text, evidence)
    blocks, root = content.main_blocks(tree, body=site.body if site else (), drop=site.drop if site else (),
                                       skip_ids={meta.subtitle_node}, trust_body=trusted,
                                       shown=frozenset(fold(t).casefold() for t in (meta.title, meta.subtitle) if t),
                                       addresses=tuple(dict.fromkeys(filter(None, (url, meta.canonical_url)))))
    if site is None:  # a known template recognised from where the text was found
        site = sites.site_by_container(root)
        apply_site(meta, tree, site)
    if meta.subtitle is None:
        meta.subtitle = standfirst_outside(tree, meta.title, {b.text for b in blocks})
    paragraphs, page_date = clean_paragraphs([b.text for b in blocks], meta, site)
    paragraphs = drop_counters(paragraphs, {b.text for b in blocks if b.tag in ("td", "th")})
    strong = {b.text for b in blocks if b.strong > 0.5}
    document = Document(
        title=meta.title, subtitle=meta.subtitle, language=meta.language,
        author=meta.author or (author_from_paragraphs(paragraphs) if meta.news else None)
        or author_from_wire_lead(paragraphs),
        site_name=(site.site_name if site else None) or meta.site_name, url=url,  # one name per known site
        canonical_url=meta.canonical_url, tags=meta.tags, paragraphs=paragraphs, assumed_site=assumed,
        saved_from=None if url else sites.saved_from(text),
    )
    template = sites.site_by_fingerprint(tree, likely=site) if trusted else site  # by the markup, not the address
    document.site = template.name if template else None
    if might_be_listing(paragraphs, meta) and not listing.one_article_body(root, tree):
        hint = meta.next_link or listing.pager_from_source(text)
        base = url or address or sites.own_address(tree, text)  # a saved listing's links resolve against it
        if fill_listing(document, tree, base, site, hint):
            document.canonical_url = document.canonical_url or (base if base != url else None)
            document.published = settle_published(meta)
            return document
    fill_structure(document, meta, site, strong)
    if not dated_by_title(document.title, site, evidence):
        settle_published(meta)
    document.published = choose_date(document, meta, url or address, site, page_date,
                                     dating.file_or_link_date(tree, root, document.title), evidence)
    document.language = document.language or language_from_url(url) or guess_language(
        " ".join([document.title or ""] + paragraphs[:20]))
    document.native_id = sites.native_id(site, url, document.language)
    return document


def might_be_listing(paragraphs: list[str], meta: Metadata) -> bool:
    """Pages that say they are articles, or hold a real paragraph, are not listings."""
    if meta.news or sum(len(p) for p in paragraphs) > LISTING_BODY_LIMIT:
        return False
    return not any(len(p) > 300 for p in paragraphs)


def apply_site(meta: Metadata, tree: LexborHTMLParser, site: sites.Site | None) -> None:
    """Lay the site's own selectors over the generic cascade."""
    if site is None:
        return
    story = sites.story_of(tree, site)

    def value(selectors: tuple[str, ...]) -> str | None:
        return sites.select_value(tree, selectors, within=story)

    meta.title = value(site.title) or meta.title
    author = speakers.clean_name(value(site.author))  # a byline's date is no name
    if author and (site.hosts or not meta.author):  # a CMS template's selector only fills a gap
        meta.author = author
    site_date = value(site.published)
    own_date = dates.parse_date(site_date) or dates.find_date(site_date)
    if own_date:
        meta.published, meta.date_search = own_date, None  # the generic search is not needed
    meta.spokesperson = value(site.spokesperson)
    meta.subtitle = value(site.subtitle) or meta.subtitle
    meta.kind = kind_named(value(site.kind_from))


def defer_date(meta: Metadata, site: sites.Site | None, text: str, evidence: dating.Evidence) -> None:
    """Search the generic date now, before main_blocks strips the scripts some of its steps read; unless
    choose_date will take the title's own date (a site that dates by title, a title with its year), when
    only a listing wants it: it is then searched, if ever, on the page parsed anew."""
    if meta.date_search is None:
        return
    if dated_by_title(meta.title, site, evidence):
        meta.date_search = dataclasses.replace(meta.date_search, fresh=lambda: LexborHTMLParser(guarded(text)))
    else:
        settle_published(meta)


def dated_by_title(title: str | None, site: sites.Site | None, evidence: dating.Evidence) -> bool:
    """Whether choose_date takes the title's date whatever the page's metadata says: the site dates by
    title, and the title writes a full date no later than the page was archived."""
    return bool(site and site.date_in_title) and dating.date_near(title, None, latest=evidence.archived) is not None


def clean_paragraphs(paragraphs: list[str], meta: Metadata, site: sites.Site | None) -> tuple[list[str], str | None]:
    """Drop what is not body: the title again, the standfirst, date lines, print links, banners."""
    dropped = drop_matcher(site.drop_text if site else ())
    repeats = {fold(t).casefold() for t in (meta.title, meta.subtitle, *meta.h1_texts) if t}
    kept: list[str] = []
    page_date = None
    last = len(paragraphs) - 1
    for index, paragraph in enumerate(paragraphs):
        if paragraph.casefold() in repeats or (dropped is not None and dropped.search(paragraph)):
            continue
        if (index < 3 or index > last - 3) and (dates.is_date_line(paragraph) or is_dated_line(paragraph)):
            page_date = page_date or dates.parse_date(paragraph)
            continue
        kept.append(paragraph)
    if site and site.header_lines:
        rest = drop_header_lines(kept, [re.compile(p) for p in site.header_lines])
        # the line dropped may be all that names the spokesperson ("Mark C. Toner, Deputy Spokesperson")
        meta.spokesperson = meta.spokesperson or speakers.spokesperson_from_text(kept[:len(kept) - len(rest)])
        kept = rest
    return kept, page_date


PAGER_RUN = 3


def drop_counters(paragraphs: list[str], cells: Collection[str] = ()) -> list[str]:
    """A slideshow's or a pager's counter left in the text: three or more lines in a row that only count,
    "1", "2", "3"; not a table's numbers (a row of innings, a column of ranks), which are data: a run is
    kept when one of its lines is also a table cell's text."""
    kept: list[str] = []
    start = 0
    while start < len(paragraphs):
        end = start + 1
        while end < len(paragraphs) and counts_on(paragraphs[end - 1], paragraphs[end]):
            end += 1
        if end - start < PAGER_RUN or any(line in cells for line in paragraphs[start:end]):
            kept.extend(paragraphs[start:end])
        start = end
    return kept


def counts_on(before: str, after: str) -> bool:
    """`after` is the number after `before`, both of at most three digits (a long run of digits is no counter,
    and past 4300 digits int() refuses it)."""
    return len(before) <= 3 and len(after) <= 3 and before.isdecimal() and after.isdecimal() \
        and int(after) == int(before) + 1


@lru_cache(maxsize=64)
def drop_matcher(patterns: tuple[str, ...]) -> re.Pattern | None:
    """One pattern that finds what any of a site's drop_text patterns finds (None for none); the
    patterns hold no backreferences, which the numbering of the joined groups would break."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.I)


DATED_LINE = lazy(r"^(?:published|originally published|first published|posted|updated|last updated)\b"
                  r"|来源\s*[:：]|发布(?:时间|日期)\s*[:：]", re.I)


def is_dated_line(text: str) -> bool:
    """A print-edition or posting line: "Published in Dawn, March 8th, 2025", a Chinese report's date beside its
    source ("2025年03月14日10:20 | 来源：新华网")."""
    return len(text) <= 90 and DATED_LINE.search(text) is not None and dates.find_date(text) is not None


def drop_header_lines(paragraphs: list[str], patterns: list[re.Pattern]) -> list[str]:
    """Leading lines such as "Ned Price, Department Spokesperson" or "2:07 p.m. EDT"."""
    start = 0
    while start < len(paragraphs) and start < 4 and any(p.search(paragraphs[start]) for p in patterns):
        start += 1
    return paragraphs[start:]


def fill_structure(document: Document, meta: Metadata, site: sites.Site | None,
                   strong: set[str] | None = None) -> None:
    """Spokesperson, turns and kind; `strong` holds the paragraphs the page sets in bold."""
    paragraphs = document.paragraphs
    named = (
        speakers.clean_name(meta.spokesperson)
        or speakers.spokesperson_from_title(document.title)
        or speakers.spokesperson_from_text(paragraphs)
    )
    turns = transcript.find_turns(paragraphs, named, strong or set())
    spokesperson = named or speakers.spokesperson_from_turns(turns)
    if spokesperson and turns:
        for turn in turns:
            if turn.role == "statement" and turn.speaker is None:
                turn.speaker = spokesperson
    document.turns = turns
    document.spokesperson = spokesperson
    news = meta.news or looks_like_news(paragraphs, hostname(document.url))
    document.kind = classify(document.title, document.url, transcript.question_count(turns), news,
                             declared=meta.kind, default=site.kind if site else None,
                             opening=paragraphs[0] if paragraphs else None,
                             briefed=speakers.speaks_for_office(turns, named))


def choose_date(document: Document, meta: Metadata, url: str | None, site: sites.Site | None,
                page_date: str | None, file_date: str | None = None,
                evidence: dating.Evidence = dating.Evidence()) -> str | None:
    """The briefing's own date: the title's for briefings and sites that date by title, else the
    page's metadata; then the URL, then a date line on the page. A title without a year takes the one
    nearest the other evidence, down to the dates in the names of the page's own files."""
    from_url = dates.date_from_url(url) or dates.date_from_url(document.canonical_url)  # a saved page's own address
    nearby = meta.published or from_url or page_date or evidence.listed or file_date or evidence.last_modified
    from_title = dating.date_near(document.title, nearby, latest=evidence.archived, language=document.language)
    if from_title and (document.kind == "briefing" or (site and site.date_in_title)):
        return from_title
    found = dates.local_day(meta.published, from_url) or from_url or page_date or from_title
    if found and document.kind == "briefing":
        return found[:10]  # a briefing is dated by its day, in the page's own time zone
    return found


def fill_listing(document: Document, tree: LexborHTMLParser, url: str | None, site: sites.Site | None,
                 hint: str | None) -> bool:
    """Make the document a listing when the page is mostly a list of article links."""
    anchors = listing.candidate_anchors(tree, site.listing_items if site else None)
    links = listing.listing_links(anchors, url)  # the items' dates only for a page that is a listing
    body_chars = sum(len(p) for p in document.paragraphs)
    item_chars = sum(len(title) for _, title, _ in links)
    if len(links) < 3 or 2 * body_chars > item_chars:
        return False
    items = listing.dated(links)
    document.kind = "listing"
    document.items = items
    document.next_page = listing.find_next_page(tree, url, hint)
    document.paragraphs = []
    document.language = document.language or language_from_url(url) or guess_language(
        " ".join(item.title for item in items[:20]))
    return True


# --- feeds and JSON ----------------------------------------------------------------------------------

def from_feed(data: bytes, url: str | None) -> Document:
    """A feed read as a listing of its items (those with a link: the others lead nowhere)."""
    feed = parse_feed(data, url)
    return Document(
        title=feed.title, url=url, kind="listing", language=(feed.language or "")[:2].lower() or None,
        items=[ListingItem(title=i.title or "", url=i.link, published=i.published) for i in feed.items if i.link],
        encoding="utf-8",
    )


@input_errors_only("the feed item")
def extract_feed_item(item: FeedItem, feed_url: str | None = None, feed_title: str | None = None) -> Document:
    """A Document from a feed item that carries the whole text (content:encoded or description). The kind of
    the feed, from its address or else its title ("Press Releases – ..."), is the kind of an entry that says none.

    Raises InputError and nothing else."""
    body = item.content or item.summary or ""
    url = item.link or feed_url
    document = extract_html(f"<html><body><article>{body}</article></body></html>", url)
    document.title = item.title or document.title
    author = speakers.clean_name(item.author) if item.author else None
    speaker = author if item.author and re.search(r"spokes", item.author, re.I) else None
    lines = [re.compile(p) for p in (sites.SPEAKER_LINE, sites.TIME_LINE, sites.PLACE_LINE)]
    if item.author:
        lines.append(re.compile(re.escape(fold(item.author)) + r"$"))
    document.paragraphs = drop_header_lines(document.paragraphs, lines)
    meta = Metadata(title=document.title, published=item.published, spokesperson=speaker)
    site = sites.find_site(url)
    fill_structure(document, meta, site)
    if document.kind in ("other", "news_report"):  # the feed's own kind: a press-release feed (a saved feed file
        # has no address: its title says it)
        document.kind = kind_from_url(feed_url) or kind_from_title(feed_title or "") or document.kind
    document.author = author or document.author
    year = dates.year_of(item.published)
    document.published = dates.find_date(document.title, default_year=year) or dates.in_time_zone(
        item.published, site.timezone if site else None)
    document.url = item.link
    return document


def from_json(data: bytes, url: str | None) -> Document:
    """A document published as JSON (gov.uk content API, India MEA detail)."""
    values = jsonapi.read_document(data, url)
    if values is None:
        raise InputError("JSON that is not a known document format (gov.uk content item, MEA detail); "
                         "pass an HTML page")
    page = checked(values["page"])
    site = sites.site_named(values["site"])
    wrapped = f"<html><head><title>{html.escape(values['title'])}</title></head><body><article>" \
              f"{values['body_html']}</article></body></html>"
    document = extract_html(wrapped, page, site=site)
    document.title = values["title"]
    document.subtitle = values["subtitle"] or document.subtitle
    document.language = values["language"] or document.language
    document.site_name, document.author = values["site_name"], values["author"] or document.author
    document.url, document.canonical_url = url, page
    document.native_id = values["native_id"] or document.native_id
    if values["kind"] and document.kind != "briefing":
        document.kind = values["kind"]
    if document.published is None or values["site"] == "gov.uk":
        document.published = values["published"] or document.published
    document.encoding = "utf-8"
    return document
