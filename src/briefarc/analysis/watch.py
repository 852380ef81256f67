"""Watch lists: saved searches, and the documents each finds that arrived since it was last checked.

A watch remembers the highest document id it has seen; a check reports the matching documents above
it and moves the mark, in one transaction. Documents archived before the watch was added never count.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from typing import TYPE_CHECKING

from briefarc.analysis.matching import where_sql
from briefarc.errors import NotFound, SearchSyntaxError, UsageError
from briefarc.store.db import transaction, translated
from briefarc.store.documents import now_iso
from briefarc.store.published import NEWEST_FIRST
from briefarc.store.query import HINT, to_fts
from briefarc.store.search import Filters
from briefarc.store.sitelabel import SITE_SQL

if TYPE_CHECKING:
    import sqlite_utils

HIT_LIMIT = 100  # new hits shown per watch and check; the count says how many there were


def _filters_json(filters: Filters) -> str:
    return json.dumps({key: value for key, value in asdict(filters).items() if value}, ensure_ascii=False)


@translated
def add_watch(db: sqlite_utils.Database, name: str, query: str, filters: Filters) -> dict:
    name = name.strip()
    if not name:
        raise UsageError("Give the watch a name.")
    to_fts(query)  # a query that cannot be read is refused now, not at every check
    with transaction(db) as conn:
        if conn.execute("SELECT 1 FROM watches WHERE name = ?", (name,)).fetchone():
            raise UsageError(f"A watch named {name!r} exists already: `briefarc watch remove {name}` first.")
        seen = conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
        conn.execute("INSERT INTO watches (name, query, filters, created_at, seen_until) VALUES (?, ?, ?, ?, ?)",
                     (name, query, _filters_json(filters), now_iso(), seen))
    return {"name": name, "query": query, "filters": json.loads(_filters_json(filters)), "seen_until": seen}


@translated
def list_watches(db: sqlite_utils.Database) -> list[dict]:
    rows = db.execute("SELECT name, query, filters, created_at, checked_at FROM watches ORDER BY name").fetchall()
    return [{"name": name, "query": query, "filters": json.loads(filters or "{}"), "created_at": created,
             "checked_at": checked} for name, query, filters, created, checked in rows]


@translated
def remove_watch(db: sqlite_utils.Database, name: str) -> None:
    with transaction(db) as conn:
        if conn.execute("DELETE FROM watches WHERE name = ?", (name,)).rowcount == 0:
            raise NotFound(f"No watch named {name!r}: `briefarc watch list` shows them.")


@translated
def check_watches(db: sqlite_utils.Database, names: list[str] | None = None) -> list[dict]:
    """Each watch's new hits since it was last checked (newest first), marking them seen."""
    rows = db.execute("SELECT id, name, query, filters, seen_until FROM watches ORDER BY name").fetchall()
    known = {row[1] for row in rows}
    for name in names or []:
        if name not in known:
            raise NotFound(f"No watch named {name!r}: `briefarc watch list` shows them.")
    results = []
    with transaction(db) as conn:
        top = conn.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
        for watch_id, name, query, filters, seen in rows:
            if names and name not in names:
                continue
            hits = _new_hits(conn, query, Filters(**json.loads(filters or "{}")), seen, top)
            results.append({"watch": name, "query": query, "new": len(hits), "hits": hits[:HIT_LIMIT]})
            conn.execute("UPDATE watches SET seen_until = ?, checked_at = ? WHERE id = ?", (top, now_iso(), watch_id))
    return results


def _new_hits(conn: sqlite3.Connection, query: str, filters: Filters, seen: int, top: int) -> list[dict]:
    from briefarc.store.fts import index_for
    from briefarc.store.search import needles, needles_sql, passing, search_query

    where, params = where_sql(filters)
    typed, checks = search_query(query)  # as search finds them: WHO, not who
    table, fts = index_for(conn, typed)
    try:
        rows = conn.execute(
            f"""SELECT d.id, d.published_date, {SITE_SQL}, d.title, coalesce(d.canonical_url, d.url)
                FROM {table} JOIN documents d ON d.id = {table}.rowid
                LEFT JOIN sources s ON s.id = d.source_id
                WHERE {table} MATCH ? AND d.id > ? AND d.id <= ? {where}{needles_sql(checks, 'd.')}
                ORDER BY {NEWEST_FIRST}""", [fts, seen, top, *params, *needles(checks)]).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchSyntaxError(f"The watch's query {query!r} could not be read ({exc}). {HINT}") from exc
    if checks:
        kept = passing(conn, "documents", [row[0] for row in rows], checks)
        rows = [row for row in rows if row[0] in kept]
    return [dict(zip(("id", "date", "source", "title", "url"), row, strict=True)) for row in rows]
