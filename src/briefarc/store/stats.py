"""Counts over the archive."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TypedDict

from briefarc.store.db import translated
from briefarc.store.sitelabel import SITE_SQL

if TYPE_CHECKING:
    import sqlite_utils


class Count(TypedDict):
    value: str
    count: int


class ArchiveStats(TypedDict):
    """What `briefarc stats` shows (and prints as JSON)."""

    path: str
    documents: int
    snapshots: int
    versions: int
    removed: int
    raw_bytes: int
    database_bytes: int
    by_source: list[Count]
    by_kind: list[Count]
    by_year: list[Count]
    by_language: list[Count]


@translated
def archive_stats(db: sqlite_utils.Database, path: str | os.PathLike) -> ArchiveStats:
    def counts(sql: str) -> list[Count]:
        return [{"value": value, "count": count} for value, count in db.execute(sql).fetchall()]

    size = sum(os.path.getsize(f"{path}{suffix}") for suffix in ("", "-wal") if os.path.exists(f"{path}{suffix}"))
    return {
        "path": str(path),
        "documents": db.execute("SELECT count(*) FROM documents").fetchone()[0],
        "snapshots": db.execute("SELECT count(*) FROM snapshots").fetchone()[0],
        "versions": db.execute("SELECT count(*) FROM versions").fetchone()[0],
        "removed": db.execute("SELECT count(*) FROM documents WHERE removed_at IS NOT NULL").fetchone()[0],
        "raw_bytes": db.execute("SELECT coalesce(sum(size), 0) FROM blobs").fetchone()[0],
        "database_bytes": size,
        "by_source": counts(
            # a page ingested without --source counts under its site's name
            f"""SELECT {SITE_SQL}, count(*) FROM documents d
               LEFT JOIN sources s ON s.id = d.source_id GROUP BY 1 ORDER BY 2 DESC, 1 COLLATE NOCASE"""
        ),
        "by_kind": counts("SELECT coalesce(kind, 'other'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"),
        "by_year": counts(
            # the newest year first, the undated last ('undated' sorted among the years came before 2025)
            """SELECT coalesce(substr(published_date, 1, 4), 'undated'), count(*) FROM documents
               GROUP BY 1 ORDER BY max(published_date IS NULL), 1 DESC"""
        ),
        "by_language": counts(
            "SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
        ),
    }
