"""Watch lists: saved searches, and the documents each finds that arrived since it was last checked.

A watch remembers the highest document id it has seen, the highest version id (an edit of a document already
archived makes a version) and the highest id of the log of removals; a check reports the matching documents above
the first mark (new), the documents below it edited since (a version above the second mark: edited when they match
now, unmatched when only the text the watch had seen matched), those taken down at their source since (a removal
above the third mark, the document still missing), and moves the marks, in one transaction. Documents archived
before the watch was added never count, nor edits or removals made before it.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import asdict
from typing import TYPE_CHECKING

from briefarc.analysis.matching import where_sql
from briefarc.analysis.mentions import may_match, query_words
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
# The edited documents' compared versions an archive in memory holds at most (about 20 MB of text and index): a
# site's new template makes a version of every page it has.
HELD = 5000
HIT_FIELDS = ("id", "date", "source", "title", "url")
SHOWN = f"d.id, d.published_date, {SITE_SQL}, d.title, coalesce(d.canonical_url, d.url)"  # HIT_FIELDS, as SQL


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
        seen, edits, removals = _marks(conn)
        conn.execute("INSERT INTO watches (name, query, filters, created_at, seen_until, edits_seen, removals_seen) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (name, query, _filters_json(filters), now_iso(), seen, edits, removals))
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
    """Each watch's new hits since it was last checked (newest first), the documents it finds that were edited
    since (the documents it had seen then, by their newest version), and those it found in the text it had seen
    but finds no more (an edit took the words out), marking them seen."""
    rows = db.execute("SELECT id, name, query, filters, seen_until, edits_seen, removals_seen FROM watches "
                      "ORDER BY name").fetchall()
    known = {row[1] for row in rows}
    for name in names or []:
        if name not in known:
            raise NotFound(f"No watch named {name!r}: `briefarc watch list` shows them.")
    results = []
    with transaction(db) as conn, closing(SeenTexts(conn)) as seen_texts:
        top, edits_top, removals_top = _marks(conn)
        for watch_id, name, query, filters, seen, edits_seen, removals_seen in rows:
            if names and name not in names:
                continue
            found = Filters(**json.loads(filters or "{}"))
            hits = _hits(conn, query, found, NEW, [seen, top])
            edits, unmatched = _edits(conn, query, found, seen_texts.edited(edits_seen, edits_top, seen)) \
                if edits_top > edits_seen else ([], [])
            removed = _removed(conn, query, found, [removals_seen, removals_top]) \
                if removals_top > removals_seen else []
            results.append({"watch": name, "query": query, "new": len(hits), "hits": hits[:HIT_LIMIT],
                            "edited": len(edits), "edits": edits[:HIT_LIMIT],
                            "unmatched": len(unmatched), "unmatched_edits": unmatched[:HIT_LIMIT],
                            "removed": len(removed), "removals": removed[:HIT_LIMIT]})
            conn.execute("UPDATE watches SET seen_until = ?, edits_seen = ?, removals_seen = ?, checked_at = ? "
                         "WHERE id = ?", (top, edits_top, removals_top, now_iso(), watch_id))
    return results


# Over the index's rowid (the document's id), which FTS5 narrows to before it reads the query's words: as a
# condition on documents, the edits of a watch of "the" read every match (0.13 s on 100,000 documents).
NEW = "{t}.rowid > ? AND {t}.rowid <= ?"
AMONG = "{t}.rowid IN (SELECT value FROM json_each(?))"
# The documents with a removal logged since the watch's last check, missing still: those it had seen, and those new
# since (arrived and taken down between two checks: a new hit, but the removal is news of its own, and is not
# logged again for the next check).
REMOVED = "{t}.rowid IN (SELECT document_id FROM removals WHERE id > ? AND id <= ?) AND d.removed_at IS NOT NULL"
# Whether a version's text is a feed entry's (a summary, mostly) rather than its page's.
FEED_TEXT = "({v}.text_source LIKE 'feed%')"
# The documents seen at the last check edited since, each with the version to show (the newest of the page's text
# made since, else the newest of its feed entry's) and the one to compare it with: the newest of the same kind of
# text (a feed entry's or the page's) that the watch had seen, else the first of that kind made since; an edit when
# the two texts differ. The first version of a document is its arrival; an older capture put in behind one the
# watch had seen (a WARC's) changes nothing the document says now; the page's text after its feed entry's is the
# archive getting the whole text; a feed entry's text between two of the page's that are the same (an entry edited,
# its page not) changes nothing the page says, and a page's edit followed by its entry's is the page's edit (the
# entry's newest, compared with the entry, left the page's edit unreported).
EDITED = f"""
    WITH since AS (
        SELECT v.document_id, v.number, {FEED_TEXT.format(v='v')} AS feed FROM versions v
        WHERE v.id > :seen AND v.id <= :top AND v.document_id <= :documents
          AND NOT EXISTS (SELECT 1 FROM versions o WHERE o.document_id = v.document_id AND o.number > v.number
                          AND o.id <= :seen)),
    kinds AS (SELECT document_id, min(feed) AS feed FROM since GROUP BY document_id),
    newest AS (SELECT s.document_id, max(s.number) AS number, s.feed FROM since s
               JOIN kinds k ON k.document_id = s.document_id AND k.feed = s.feed GROUP BY s.document_id),
    compared AS (
        SELECT n.document_id, n.number, coalesce(
            (SELECT max(b.number) FROM versions b WHERE b.document_id = n.document_id AND b.number < n.number
                AND b.id <= :seen AND {FEED_TEXT.format(v='b')} = n.feed),
            (SELECT min(b.number) FROM versions b WHERE b.document_id = n.document_id AND b.number < n.number
                AND {FEED_TEXT.format(v='b')} = n.feed)) AS base
        FROM newest n)
    SELECT c.document_id, c.base, c.number FROM compared c
    JOIN versions b ON b.document_id = c.document_id AND b.number = c.base
    JOIN versions n ON n.document_id = c.document_id AND n.number = c.number
    WHERE b.content_hash != n.content_hash"""


def _marks(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """The newest document id, version id and removal id: what a check has seen when it ends."""
    row = conn.execute("SELECT (SELECT coalesce(max(id), 0) FROM documents), "
                       "(SELECT coalesce(max(id), 0) FROM versions), "
                       "(SELECT coalesce(max(id), 0) FROM removals)").fetchone()
    return row[0], row[1], row[2]


class Edited(dict[int, tuple[int, int]]):
    """Documents edited since a watch's last check (EDITED), each with the numbers of the version it is compared
    with and of its newest (`briefarc diff ID SEEN NEWEST` shows every edit between), and the versions compared
    searched as the archive is (`found`): the index holds each document's newest text only, so they are put in an
    archive of their own in memory, as the watches need them, once for every watch with the same marks."""

    def __init__(self, conn: sqlite3.Connection, rows: list[tuple[int, int, int]]) -> None:
        super().__init__((doc_id, (base, newest)) for doc_id, base, newest in rows)
        self.conn = conn
        self.memory: sqlite3.Connection | None = None
        self.held: set[int] = set()  # the documents whose compared version the archive in memory holds

    def found(self, query: str, ids: list[int]) -> list[int]:
        """The documents among `ids` whose compared version `query` finds, searched HELD at a time; only those
        whose compared version holds a word of the query are searched (analysis/mentions.py)."""
        from briefarc.store.search import search_query

        words = query_words(search_query(query)[0])
        found = []
        for start in range(0, len(ids), HELD):
            part, texts = self._mentioning(ids[start:start + HELD], words)
            if part:
                rows = _matching(self._holding(part, texts), query, Filters(), AMONG, [json.dumps(part)], "d.id")
                found += [row[0] for row in rows]
        return found

    def _mentioning(self, ids: list[int], words: list[str] | None) -> tuple[list[int], dict[int, tuple]]:
        """The documents among `ids` whose compared version may match the query of `words` (mentions.may_match),
        with the texts (title, subtitle, body) read of those the archive in memory does not hold yet."""
        missing = [doc_id for doc_id in ids if doc_id not in self.held]
        texts = self._texts(missing)
        if words is not None:
            texts = {doc_id: text for doc_id, text in texts.items() if may_match(words, *text)}
        return [doc_id for doc_id in ids if doc_id in self.held or doc_id in texts], texts

    def _texts(self, ids: list[int]) -> dict[int, tuple]:
        """The compared versions' (title, subtitle, body) of the documents `ids`."""
        if not ids:
            return {}
        rows = _versions(self.conn, {doc_id: self[doc_id][0] for doc_id in ids})
        return {doc_id: tuple(text) for doc_id, *text in rows}

    def _holding(self, ids: list[int], texts: dict[int, tuple]) -> sqlite3.Connection:
        """The archive in memory, holding the compared versions of `ids` (made again when it would hold too many);
        `texts`: those already read."""
        if self.memory is None or len(self.held | set(ids)) > HELD:
            self.close()
            self.memory, self.held = _empty_archive(), set()
        missing = [doc_id for doc_id in ids if doc_id not in self.held]
        texts = {**texts, **self._texts([doc_id for doc_id in missing if doc_id not in texts])}
        if missing:
            _hold(self.memory, [(doc_id, *texts[doc_id]) for doc_id in missing])
            self.held.update(missing)
        return self.memory

    def close(self) -> None:
        if self.memory is not None:
            self.memory.close()
            self.memory = None


class SeenTexts:
    """The Edited of each pair of marks a check meets (the watches checked together share one)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.by_marks: dict[tuple[int, int, int], Edited] = {}

    def edited(self, edits_seen: int, edits_top: int, seen: int) -> Edited:
        """The documents up to id `seen` edited since version id `edits_seen`."""
        marks = (edits_seen, edits_top, seen)
        if marks not in self.by_marks:
            rows = self.conn.execute(EDITED, {"seen": edits_seen, "top": edits_top, "documents": seen}).fetchall()
            self.by_marks[marks] = Edited(self.conn, rows)
        return self.by_marks[marks]

    def close(self) -> None:
        for edited in self.by_marks.values():
            edited.close()


def _edits(conn: sqlite3.Connection, query: str, filters: Filters, edited: Edited) -> tuple[list[dict], list[dict]]:
    """The `edited` documents the watch finds (newest first), and those it finds no more whose compared version it
    finds: an edit took the watched words out. Only the compared versions of the documents edited are read."""
    if not edited:
        return [], []
    matched = _hits(conn, query, filters, AMONG, [json.dumps(list(edited))])
    left = _among(conn, sorted(edited.keys() - {hit["id"] for hit in matched}), filters)
    unmatched = _shown(conn, edited.found(query, left))
    return [_with_versions(hit, edited) for hit in matched], [_with_versions(hit, edited) for hit in unmatched]


def _with_versions(hit: dict, edited: dict[int, tuple[int, int]]) -> dict:
    seen_version, version = edited[hit["id"]]
    return {**hit, "version": version, "seen_version": seen_version}


def _hits(conn: sqlite3.Connection, query: str, filters: Filters, which: str, marks: list) -> list[dict]:
    """The documents `query` and `filters` find among those `which` (_matching), as hits (HIT_FIELDS)."""
    return [dict(zip(HIT_FIELDS, row, strict=True)) for row in _matching(conn, query, filters, which, marks, SHOWN)]


def _matching(conn: sqlite3.Connection, query: str, filters: Filters, which: str, marks: list,
              columns: str) -> list[tuple]:
    """The `columns` (SQL over `documents d`, the id first) of the documents `query` and `filters` find among those
    `which` (SQL over the index's rowid {t}, with the `marks`), newest first: found and shown in one query."""
    from briefarc.store.fts import index_for
    from briefarc.store.search import needles, needles_sql, passing, search_query

    where, params = where_sql(filters)
    typed, checks = search_query(query)  # as search finds them: WHO, not who
    table, fts = index_for(conn, typed)
    try:
        rows = conn.execute(
            f"""SELECT {columns} FROM {table} JOIN documents d ON d.id = {table}.rowid
                LEFT JOIN sources s ON s.id = d.source_id
                WHERE {table} MATCH ? AND {which.format(t=table)} {where}{needles_sql(checks, 'd.')}
                ORDER BY {NEWEST_FIRST}""", [fts, *marks, *params, *needles(checks)]).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchSyntaxError(f"The watch's query {query!r} could not be read ({exc}). {HINT}") from exc
    if checks:
        kept = passing(conn, "documents", [row[0] for row in rows], checks)
        rows = [row for row in rows if row[0] in kept]
    return rows


def _removed(conn: sqlite3.Connection, query: str, filters: Filters, marks: list) -> list[dict]:
    """The documents the watch finds, by the text they keep, that were taken down at their source since it was last
    checked (REMOVED), newest first, each with the time it was first missed."""
    hits = _hits(conn, query, filters, REMOVED, marks)
    when = dict(conn.execute("SELECT id, removed_at FROM documents WHERE id IN (SELECT value FROM json_each(?))",
                             [json.dumps([hit["id"] for hit in hits])]).fetchall())
    return [{**hit, "removed_at": when[hit["id"]]} for hit in hits]


def _among(conn: sqlite3.Connection, ids: list[int], filters: Filters) -> list[int]:
    """The documents among `ids` that `filters` keep."""
    where, params = where_sql(filters)
    return [row[0] for row in conn.execute(
        f"""SELECT d.id FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN (SELECT value FROM json_each(?)) {where}""", [json.dumps(ids), *params])]


def _shown(conn: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """The hits of the documents `ids`, newest first."""
    rows = conn.execute(
        f"""SELECT {SHOWN} FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN (SELECT value FROM json_each(?)) ORDER BY {NEWEST_FIRST}""", [json.dumps(ids)])
    return [dict(zip(HIT_FIELDS, row, strict=True)) for row in rows]


def _empty_archive() -> sqlite3.Connection:
    """A new archive in memory, made with the schema of a new archive; without its triggers, which _hold does the
    work of in one go (row by row, the index took three times as long)."""
    from briefarc.store import schema

    memory = sqlite3.connect(":memory:", isolation_level=None)
    memory.executescript(schema.script())
    for (name,) in memory.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        memory.execute(f"DROP TRIGGER [{name}]")
    return memory


def _versions(conn: sqlite3.Connection, versions: dict[int, int]) -> list[tuple]:
    """(document id, title, subtitle, body) of the `versions` (document id -> number) of `conn`."""
    return conn.execute("""SELECT v.document_id, v.title, v.subtitle, v.body FROM json_each(?) j
                           JOIN versions v ON v.document_id = CAST(j.key AS INTEGER) AND v.number = j.value""",
                        [json.dumps({str(doc_id): number for doc_id, number in versions.items()})]).fetchall()


def _hold(memory: sqlite3.Connection, rows: list[tuple]) -> None:
    """Versions' (document id, title, subtitle, body) as documents of the archive `memory`, under their document's
    id, indexed as an archive indexes them: their CJK search terms, the acronyms left for search to read."""
    from briefarc.store import cjk
    from briefarc.store.documents import insert_rows
    from briefarc.store.fts import indexed

    ids = json.dumps([row[0] for row in rows])
    columns = ", ".join(indexed("documents"))
    memory.execute("BEGIN")
    insert_rows(memory, "documents", ("id", "key", "title", "subtitle", "body", "cjk_title", "cjk_subtitle",
                                      "cjk_body", "archived_at", "updated_at"),
                [(doc_id, str(doc_id), title, subtitle, body, cjk.terms(title), cjk.terms(subtitle), cjk.terms(body),
                  "", "") for doc_id, title, subtitle, body in rows])
    memory.execute(f"""INSERT INTO documents_fts (rowid, {columns}) SELECT id, {columns} FROM documents
                       WHERE id IN (SELECT value FROM json_each(?))""", [ids])
    memory.execute("INSERT INTO acronyms_unread (document_id) SELECT value FROM json_each(?)", [ids])
    memory.execute("COMMIT")
