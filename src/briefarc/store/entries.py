"""A document's own raw bytes: the page it was read from, or for a feed entry the entry alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefarc.store.blobs import sha256
from briefarc.store.documents import get_raw

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class Raw:
    data: bytes
    sha256: str
    container_sha256: str | None = None  # the feed file's, when `data` is one entry of it
    item: str | None = None  # the entry's guid, id or link, when `data` is one entry of a feed


def document_raw(db: sqlite_utils.Database, doc_id: int) -> Raw:
    """The bytes `show --raw` writes and whose sha256 `cite` gives."""
    from briefarc.feedentry import entry_bytes

    data = get_raw(db, doc_id)
    row = db.execute("""SELECT sn.item, sn.sha256 FROM documents d JOIN snapshots sn ON sn.id = d.snapshot_id
                        WHERE d.id = ?""", (doc_id,)).fetchone()
    item, whole = (row[0], row[1]) if row else (None, sha256(data))
    entry = entry_bytes(data, item) if item else None
    if entry is None:
        return Raw(data, whole)
    return Raw(entry, sha256(entry), container_sha256=whole, item=item)


def with_own_hash(db: sqlite_utils.Database, record: dict) -> dict:
    """`record` (from get_document) with the sha256 and size of its own bytes, as `show --raw` writes them: for
    a feed entry the entry's, the feed file's sha256 kept as `feed_sha256` and the entry's guid as `feed_entry`.
    The feed is read only for a document that came from one."""
    if not record.get("sha256") or not _has_item(db, record["id"]):
        return record
    raw = document_raw(db, record["id"])
    if raw.container_sha256 and raw.item:
        _own(record, raw.data, raw.container_sha256, raw.item)
    return record


def with_own_hashes_streamed(db: sqlite_utils.Database, records: Iterator[dict]) -> Iterator[dict]:
    """`records` (streamed in id order, for an export) each with_own_hash: the feed of a run of entries is read
    once for them all, and only documents that came from a feed are looked at."""
    items = dict(db.execute("""SELECT d.id, sn.item FROM documents d JOIN snapshots sn ON sn.id = d.snapshot_id
                               WHERE sn.item IS NOT NULL""").fetchall())
    feeds = FeedEntries(db)
    for record in records:
        item, whole = items.get(record["id"]), record.get("sha256")
        if item and whole and (entry := feeds.entry(whole, item)) is not None:
            _own(record, entry, whole, item)
        yield record


class FeedEntries:
    """Entries read from the stored feeds they came in, the last feed kept: a run of entries shares it."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.last: tuple[str | None, bytes | None] = (None, None)

    def entry(self, whole: str, item: str) -> bytes | None:
        """The entry `item` of the feed stored under `whole`; None when either is not there (a damaged blob:
        `verify` says what is wrong)."""
        from briefarc.feedentry import entry_bytes
        from briefarc.store.blobs import BlobError, get_blob

        if self.last[0] != whole:
            try:
                self.last = (whole, get_blob(self.db.conn, whole))
            except BlobError:
                self.last = (whole, None)
        data = self.last[1]
        return entry_bytes(data, item) if data else None


def _own(record: dict, entry: bytes, whole: str, item: str) -> None:
    record["sha256"], record["raw_size"] = sha256(entry), len(entry)
    record["feed_sha256"], record["feed_entry"] = whole, item


def _has_item(db: sqlite_utils.Database, doc_id: int) -> bool:
    row = db.execute("""SELECT sn.item FROM documents d JOIN snapshots sn ON sn.id = d.snapshot_id
                        WHERE d.id = ?""", (doc_id,)).fetchone()
    return bool(row and row[0])


def with_own_hashes(db: sqlite_utils.Database, doc_id: int, versions: list) -> list:
    """`versions` (from version_history) with each one taken from a feed given its entry's sha256, the feed
    file's kept as `feed_sha256`: what `show` and `cite` give for the current version."""
    rows = db.execute("""SELECT v.number, s.sha256, s.item FROM versions v JOIN snapshots s ON s.id = v.snapshot_id
                         WHERE v.document_id = ? AND s.item IS NOT NULL""", (doc_id,)).fetchall()
    items = {number: (whole, item) for number, whole, item in rows}
    feeds = FeedEntries(db)
    for version in versions:
        whole, item = items.get(version["number"], (None, None))
        entry = feeds.entry(whole, item) if whole and item else None  # damaged: the version is listed as it is
        if entry is not None:
            version["sha256"], version["feed_sha256"] = sha256(entry), whole
            if "raw_size" in version:
                version["raw_size"] = len(entry)
    return versions
