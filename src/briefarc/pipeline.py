"""From raw bytes to stored documents: extract, then save. Shared by ingest and fetch."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from briefarc.errors import InputError
from briefarc.models import Document, RawPage, SaveResult

if TYPE_CHECKING:
    import sqlite_utils


def documents_of(page: RawPage) -> Iterator[tuple[Document, RawPage]]:
    """The documents a page holds: itself, or the full-text entries of a feed."""
    from briefarc.extract.core import extract, extract_feed_item
    from briefarc.extract.feed import is_feed, parse_feed

    if is_feed(page.data):
        feed = parse_feed(page.data, page.url)
        found = False
        for item in feed.items:
            if page.item and page.item not in (item.guid, item.link):
                continue
            doc = extract_feed_item(item, page.url)
            if doc.paragraphs:
                found = True
                yield doc, _item_page(page, item)
        if not found:
            raise InputError("The feed holds no full-text entries: fetch its links with `briefarc fetch URL`.")
        return
    from briefarc.extract.dating import Evidence

    evidence = Evidence.of(page.headers, page.fetched_at)
    yield extract(page.data, url=page.url, content_type=page.content_type, evidence=evidence), page


def _item_page(page: RawPage, item) -> RawPage:
    return RawPage(
        data=page.data, origin=page.origin, url=item.link or page.url, content_type=page.content_type,
        headers=page.headers, item=item.guid or item.link, fetched_at=page.fetched_at, live=page.live,
        source_url=page.source_url or page.url,
    )


def store_page(
    db: sqlite_utils.Database, page: RawPage, source_id: int | None = None,
    keep: Callable[[Document], bool] | None = None,
) -> list[SaveResult]:
    """Extract and save every document of `page` (that `keep` accepts); each in its own transaction."""
    return save_documents(db, documents_of(page), source_id, keep)


def save_documents(
    db: sqlite_utils.Database, documents: Iterable[tuple[Document, RawPage]], source_id: int | None = None,
    keep: Callable[[Document], bool] | None = None,
) -> list[SaveResult]:
    """Save extracted (document, page) pairs that `keep` accepts; each in its own transaction."""
    from briefarc.store.documents import save_document

    return [save_document(db, doc, item_page, source_id=source_id)
            for doc, item_page in documents if keep is None or keep(doc)]
