"""Watch lists: saved searches, and the documents each finds that arrived since it was last checked.

A watch remembers the highest document id it has seen, and the highest version id (an edit of a document already
archived makes a version); a check reports the matching documents above the first mark (new) and the matching
documents below it with a version above the second (edited), and moves both marks, in one transaction. Documents
archived before the watch was added never count, nor edits made before it.
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
# the versions: an edited document's newest, and the newest the watch had seen
HIT_FIELDS = ("id", "date", "source", "title", "url", "version", "seen_version")


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
        seen, edits = _marks(conn)
        conn.execute("INSERT INTO watches (name, query, filters, created_at, seen_until, edits_seen) "
                     "VALUES (?, ?, ?, ?, ?, ?)", (name, query, _filters_json(filters), now_iso(), seen, edits))
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
    """Each watch's new hits since it was last checked (newest first), and the documents it finds that were edited
    since (the documents it had seen then, by their newest version), marking them seen."""
    rows = db.execute("SELECT id, name, query, filters, seen_until, edits_seen FROM watches ORDER BY name").fetchall()
    known = {row[1] for row in rows}
    for name in names or []:
        if name not in known:
            raise NotFound(f"No watch named {name!r}: `briefarc watch list` shows them.")
    results = []
    with transaction(db) as conn:
        top, edits_top = _marks(conn)
        for watch_id, name, query, filters, seen, edits_seen in rows:
            if names and name not in names:
                continue
            found = Filters(**json.loads(filters or "{}"))
            hits = _hits(conn, query, found, NEW, [seen, top])
            edits = _hits(conn, query, found, EDITED, [edits_seen, edits_top, seen], edits_seen) \
                if edits_top > edits_seen else []
            results.append({"watch": name, "query": query, "new": len(hits), "hits": hits[:HIT_LIMIT],
                            "edited": len(edits), "edits": edits[:HIT_LIMIT]})
            conn.execute("UPDATE watches SET seen_until = ?, edits_seen = ?, checked_at = ? WHERE id = ?",
                         (top, edits_top, now_iso(), watch_id))
    return results


# Over the index's rowid (the document's id), which FTS5 narrows to before it reads the query's words: as a
# condition on documents, the edits of a watch of "the" read every match (0.13 s on 100,000 documents).
NEW = "{t}.rowid > ? AND {t}.rowid <= ?"
# A document seen at the last check whose newest version was made since: the first version of a document is its
# arrival, and an older capture put in behind the newest (a WARC's) changes nothing the document says now.
EDITED = """{t}.rowid IN (SELECT v.document_id FROM versions v WHERE v.id > ? AND v.id <= ? AND v.number > 1
                          AND v.number = (SELECT max(number) FROM versions WHERE document_id = v.document_id)
                          AND v.document_id <= ?)"""


def _marks(conn: sqlite3.Connection) -> tuple[int, int]:
    """The newest document id and version id: what a check has seen when it ends."""
    row = conn.execute("SELECT (SELECT coalesce(max(id), 0) FROM documents), "
                       "(SELECT coalesce(max(id), 0) FROM versions)").fetchone()
    return row[0], row[1]


def _hits(conn: sqlite3.Connection, query: str, filters: Filters, which: str, marks: list[int],
          edits_seen: int = 0) -> list[dict]:
    """The documents `query` and `filters` find among those `which` (SQL over the index's rowid {t}, with the
    `marks`), newest first; an edited one with the number of its newest version and of the one the watch had seen
    (the newest of those made up to `edits_seen`): `briefarc diff ID SEEN NEWEST` shows every edit between."""
    from briefarc.store.fts import index_for
    from briefarc.store.search import needles, needles_sql, passing, search_query

    where, params = where_sql(filters)
    typed, checks = search_query(query)  # as search finds them: WHO, not who
    table, fts = index_for(conn, typed)
    try:
        rows = conn.execute(
            f"""SELECT d.id, d.published_date, {SITE_SQL}, d.title, coalesce(d.canonical_url, d.url),
                       (SELECT max(number) FROM versions WHERE document_id = d.id),
                       (SELECT max(number) FROM versions WHERE document_id = d.id AND id <= ?)
                FROM {table} JOIN documents d ON d.id = {table}.rowid
                LEFT JOIN sources s ON s.id = d.source_id
                WHERE {table} MATCH ? AND {which.format(t=table)} {where}{needles_sql(checks, 'd.')}
                ORDER BY {NEWEST_FIRST}""", [edits_seen, fts, *marks, *params, *needles(checks)]).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchSyntaxError(f"The watch's query {query!r} could not be read ({exc}). {HINT}") from exc
    if checks:
        kept = passing(conn, "documents", [row[0] for row in rows], checks)
        rows = [row for row in rows if row[0] in kept]
    fields = HIT_FIELDS if which == EDITED else HIT_FIELDS[:-2]
    return [dict(zip(fields, row[:len(fields)], strict=True)) for row in rows]
