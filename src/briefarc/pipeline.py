"""From raw bytes to documents: a page, or the entries of a feed. Shared by ingest and fetch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from briefarc.errors import InputError
from briefarc.models import Document, RawPage, SaveResult
from briefarc.urls import is_web_url

if TYPE_CHECKING:
    import sqlite_utils

    from briefarc.extract.feed import Feed, FeedItem
    from briefarc.net.fetch import Response

Pairs = list[tuple[Document, RawPage]]


def fetched_page(response: Response, listed: str | None = None) -> RawPage:
    """The page a fetch's response gives, live from its source; `listed`: the date the item that linked it gave."""
    from briefarc.store.documents import now_iso

    return RawPage(data=response.data, origin=response.final_url, url=response.final_url,
                   content_type=response.content_type, headers=response.headers, fetched_at=now_iso(),
                   listed=listed, live=True)


def all_documents(page: RawPage) -> Pairs:
    """`documents_of` as a list: the page read whole, in one call (on the extraction thread)."""
    return list(documents_of(page))


def documents_of(page: RawPage) -> Iterator[tuple[Document, RawPage]]:
    """The documents a page holds: itself, or the entries of a feed (one entry when `page.item` names it)."""
    from briefarc.extract.core import extract
    from briefarc.extract.feed import is_feed

    if is_feed(page.data):
        yield from _feed_documents(page)
        return
    from briefarc.extract.dating import Evidence

    evidence = Evidence.of(page.headers, page.fetched_at, page.listed)
    yield extract(page.data, url=page.url, content_type=page.content_type, evidence=evidence), page


def _feed_documents(page: RawPage) -> Iterator[tuple[Document, RawPage]]:
    """A whole feed gives its entries that carry text; a named entry is a document whatever it carries."""
    found = False
    if page.item:  # one entry of a fetched feed: its links were resolved against the feed's address
        base = page.origin if is_web_url(page.origin) else page.url
        channel, by_key = _parsed_feed(page.data, base)
        named = by_key.get(page.item, [])
        # one entry, the one of this link among those sharing its guid: a feed that gives every entry the same
        # guid made each entry every entry (n² documents saved: 200 entries, 40,000)
        items = [next((item for item in named if item.link == page.url), named[0])] if named else []
    else:
        channel = _parsed_feed(page.data, page.url)[0]
        items = channel.items
    feed = feed_name(page)
    if not page.live and page.fetched_at is None:  # a saved feed file: captured when it says it was built
        page = replace(page, fetched_at=capture_date(channel))
    if page.sha256 is None and len(items) > 1:  # every entry's page holds the whole feed: hashed once, not per entry
        from briefarc.store.blobs import sha256

        page = replace(page, sha256=sha256(page.data))
    for item in items:
        doc = entry_document(item, page.url, bare_ok=bool(page.item), feed_title=channel.title)
        if doc is not None:
            found = True
            yield doc, _item_page(page, item, feed)
    if not found:
        raise InputError("The feed holds no full-text entries: fetch its links with `briefarc fetch URL`.")


def capture_date(feed: Feed) -> str | None:
    """When a saved snapshot of `feed` was taken, as UTC to the second: the moment its channel says its content
    last changed (a snapshot cannot be older, and one a server kept serving unchanged holds that moment's text).
    None, so the time of the ingest, when it gives no time of day or one still to come. Snapshots ingested out of
    order were dated by the ingest, the last one read made the current text, and `history` an edit back and forth."""
    from briefarc.store.documents import now_iso
    from briefarc.store.published import published_utc

    moment = published_utc(feed.updated)
    return moment if moment and moment <= now_iso() else None


@lru_cache(maxsize=2)
def _parsed_feed(data: bytes, url: str | None) -> tuple[Feed, dict[str, list[FeedItem]]]:
    """A feed read once for all the entries a run takes from it, with its entries by guid and by link."""
    from briefarc.extract.feed import parse_feed

    feed = parse_feed(data, url)
    entries: dict[str, list[FeedItem]] = {}
    for item in feed.items:
        for key in dict.fromkeys((item.guid, item.link, entry_key(item))):
            if key:
                entries.setdefault(key, []).append(item)
    return feed, entries


def entry_key(item: FeedItem) -> str:
    """What names an entry within its feed: its guid, else its link, else its title and date (an entry with
    neither guid nor link: two such entries of one feed were one document)."""
    if item.guid or item.link:
        return item.guid or item.link or ""
    from briefarc.store.blobs import sha256

    named = f"{item.title or ''}\n{item.published or ''}" if item.title or item.published else item.content or ""
    return "entry:" + sha256((named or item.summary or "").encode("utf-8", "surrogatepass"))[:32]


def feed_name(page: RawPage) -> str | None:
    """What names the feed whatever snapshot of it this is: its address, else the link or the title of its channel
    (a saved feed file has no address; keyed by the file's bytes, each new snapshot repeated every entry)."""
    from briefarc.urls import normalize_url

    address = next((url for url in (page.source_url, page.url, page.origin) if is_web_url(url)), None)
    if address:
        return normalize_url(address)
    feed = _parsed_feed(page.data, page.url)[0]
    if is_web_url(feed.link):
        return normalize_url(feed.link)
    return f"title:{' '.join(feed.title.split())}" if feed.title and feed.title.strip() else None


def entry_document(item, feed_url: str | None, *, bare_ok: bool = False,
                   feed_title: str | None = None) -> Document | None:
    """What a feed entry carries, as a document flagged with where its text came from (`feed_title`: its channel's
    title, which may say the kind of its entries).

    An entry without text is a document of its title, date and link only when `bare_ok`; else None."""
    from briefarc.extract.core import extract_feed_item

    source = "feed" if item.content else "feed-summary" if item.summary else "feed-title"
    doc = None
    if source != "feed-title":
        try:
            doc = extract_feed_item(item, feed_url, feed_title)
        except InputError:
            doc = None
    if doc is not None and doc.paragraphs:
        doc.text_source = source
        return doc
    if not bare_ok:
        return None
    return Document(title=item.title, url=item.link, published=item.published, author=item.author,
                    text_source="feed-title")


def _item_page(page: RawPage, item, feed: str | None) -> RawPage:
    """The page of one entry. An entry of a whole feed that gives no link has no address of its own: the feed's
    (`ingest --url`, a WARC record's) would key every such entry as the feed itself, one document for all of
    them. One named entry (`page.item`, a fetch's or a reparse's) is already at its own address."""
    url = item.link or (page.url if page.item else None)
    return RawPage(
        data=page.data, origin=page.origin, url=url, content_type=page.content_type,
        headers=page.headers, item=entry_key(item), fetched_at=page.fetched_at, live=page.live,
        source_url=page.source_url or page.url, sha256=page.sha256, packed=page.packed, feed=feed,
        whole_text=page.whole_text,
    )


def store_page(db: sqlite_utils.Database, page: RawPage, source_id: int | None = None) -> list[SaveResult]:
    """Extract and save every document of `page`, through the writer that ingest and fetch use."""
    from briefarc.store.writer import SerialWriter

    with SerialWriter(db, source_id) as writer:
        return writer.save(list(documents_of(page)))
