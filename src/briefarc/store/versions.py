"""The versions of a document: what it said at each archived change."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NotRequired, TypedDict

from briefarc.errors import NotFound
from briefarc.store.db import translated

if TYPE_CHECKING:
    import sqlite_utils


MISSING_SNAPSHOT = "its raw snapshot is missing: `briefarc verify` reports it"
MISSING_BYTES = "its raw bytes are missing: `briefarc verify` reports it"


class VersionSummary(TypedDict):
    """One line of `briefarc history`."""

    number: int
    archived_at: str
    title: str | None
    published: str | None
    content_hash: str
    sha256: str | None  # None: the snapshot is gone (see note)
    raw_size: int | None
    origin: str | None
    body_chars: int | None
    note: str | None
    words_added: NotRequired[int]  # version_history only
    words_removed: NotRequired[int]


@translated
def list_versions(db: sqlite_utils.Database, doc_id: int) -> list[VersionSummary]:
    """Every version of a document, oldest first, with its snapshot's sha256 and size.

    A version whose snapshot (or its raw bytes) is gone is still listed: the missing fields are None and
    its note says so; the note is None otherwise.
    """
    _require(db, doc_id)
    rows = db.execute(
        """SELECT v.number, v.created_at, v.title, v.published, v.content_hash, s.sha256, b.size, s.origin,
                  length(v.body), CASE WHEN s.id IS NULL THEN 1 WHEN b.sha256 IS NULL THEN 2 END
           FROM versions v LEFT JOIN snapshots s ON s.id = v.snapshot_id LEFT JOIN blobs b ON b.sha256 = s.sha256
           WHERE v.document_id = ? ORDER BY v.number""",
        (doc_id,),
    ).fetchall()
    return [_version_row(row) for row in rows]


def _version_row(row: tuple) -> VersionSummary:
    number, archived_at, title, published, content_hash, digest, raw_size, origin, body_chars, missing = row
    return {"number": number, "archived_at": archived_at, "title": title, "published": published,
            "content_hash": content_hash, "sha256": digest, "raw_size": raw_size, "origin": origin,
            "body_chars": body_chars, "note": {1: MISSING_SNAPSHOT, 2: MISSING_BYTES}.get(missing)}


@translated
def version_history(db: sqlite_utils.Database, doc_id: int) -> list[VersionSummary]:
    """The versions with the words each added and removed against the one before."""
    from briefarc.diff import change_size

    versions = list_versions(db, doc_id)
    previous = None
    for version in versions:
        current = get_version(db, doc_id, version["number"])
        version["words_added"], version["words_removed"] = change_size(previous, current)
        previous = current
    return versions


@translated
def get_version(db: sqlite_utils.Database, doc_id: int, number: int | None = None) -> dict:
    """One version's record (the latest when `number` is None)."""
    _require(db, doc_id)
    sql = """SELECT number, created_at, title, subtitle, published, spokesperson, body, turns, snapshot_id
             FROM versions WHERE document_id = ? {} ORDER BY number DESC LIMIT 1"""
    if number is None:
        row = db.execute(sql.format(""), (doc_id,)).fetchone()
    else:
        row = db.execute(sql.format("AND number = ?"), (doc_id, number)).fetchone()
    if row is None:
        count = db.execute("SELECT count(*) FROM versions WHERE document_id = ?", (doc_id,)).fetchone()[0]
        raise NotFound(f"Document {doc_id} has no version {number}: it has versions 1 to {count}.")
    keys = ("number", "archived_at", "title", "subtitle", "published", "spokesperson", "body", "turns",
            "snapshot_id")
    record = dict(zip(keys, row, strict=True))
    record["turns"] = json.loads(record["turns"] or "[]")
    return record


def _require(db: sqlite_utils.Database, doc_id: int) -> None:
    if db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
        raise NotFound(f"No document with id {doc_id}: `briefarc list` or `briefarc search` show the ids.")
