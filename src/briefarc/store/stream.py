"""Streaming the archive row by row, with the filters of `briefarc list`: exports never load it whole."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from briefarc.store.db import translated_rows
from briefarc.store.documents import RECORD_SQL, decode_row
from briefarc.store.search import Filters

if TYPE_CHECKING:
    import sqlite_utils

SNAPSHOT_SQL = """
    SELECT d.id AS document_id, sn.id AS snapshot_id, d.url, sn.sha256, sn.content_type,
           sn.headers, sn.origin, sn.archived_at
    FROM documents d
    LEFT JOIN sources s ON s.id = d.source_id
    JOIN snapshots sn ON {join}
    {where}
    ORDER BY {order}"""


def _where(filters: Filters | None) -> tuple[str, list]:
    clauses, params = (filters or Filters()).where()
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


@translated_rows
def iter_records(db: sqlite_utils.Database, filters: Filters | None = None) -> Iterator[dict]:
    """Every matching document as its full stored record, in id order, one row at a time; a feed entry with its
    own sha256, as `show` and `cite` give it (store.entries)."""
    from briefarc.store.entries import with_own_hashes_streamed

    where, params = _where(filters)
    cursor = db.conn.execute(RECORD_SQL.format(where=where), params)
    names = [column[0] for column in cursor.description]
    yield from with_own_hashes_streamed(db, (decode_row(dict(zip(names, row, strict=True))) for row in cursor))


@translated_rows
def iter_snapshots(
    db: sqlite_utils.Database, filters: Filters | None = None, *, all_versions: bool = False
) -> Iterator[dict]:
    """The raw snapshots of matching documents: the current one of each in document order, or all of
    them in the order they were archived (so that importing them again replays the same history)."""
    where, params = _where(filters)
    join, order = ("sn.document_id = d.id", "sn.id") if all_versions else ("sn.id = d.snapshot_id", "d.id")
    cursor = db.conn.execute(SNAPSHOT_SQL.format(join=join, where=where, order=order), params)
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield decode_row(dict(zip(names, row, strict=True)))
