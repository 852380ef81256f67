"""Full-text search and listing with filters."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefarc.errors import SearchSyntaxError, UsageError
from briefarc.store.db import translated
from briefarc.store.query import HINT, literal_query, to_fts
from briefarc.store.text import MARK

if TYPE_CHECKING:
    import sqlite_utils

# bm25 weights for title, subtitle, body: a match in the title counts most.
WEIGHTS = (10.0, 4.0, 1.0)
# A snippet marks each match with these private-use characters. FTS5 is asked for the same snippet
# twice, with a second pair as well: the places where the two differ are the markers it put in, so
# the page's own copies of these characters are told apart and dropped (see marked_snippet).
SNIPPET_OPEN = "\ue000"
SNIPPET_CLOSE = "\ue001"
PROBE_OPEN = "\ue002"
PROBE_CLOSE = "\ue003"
SNIPPET_TOKENS = 24
SNIPPETS_SQL = ", ".join([f"snippet(documents_fts, -1, ?, ?, '…', {SNIPPET_TOKENS})"] * 2)
SNIPPET_MARKS = [SNIPPET_OPEN, SNIPPET_CLOSE, PROBE_OPEN, PROBE_CLOSE]
DROPPED = {SNIPPET_OPEN, SNIPPET_CLOSE, MARK}
PREFIX = '"*'  # how a prefix term ends in a translated query
HIT_COLUMNS = (
    "d.id, d.published, d.published_date, s.name, d.kind, d.title, d.spokesperson, d.language, "
    "d.url, d.canonical_url, d.archived_at, d.updated_at, d.removed_at"
)
HIT_KEYS = (
    "id", "published", "published_date", "source", "kind", "title", "spokesperson", "language",
    "url", "canonical_url", "archived_at", "updated_at", "removed_at",
)


# The stored language's primary subtag: "zh-CN", "ZH_cn" and "zh" all give "zh".
PRIMARY_SUBTAG_SQL = "lower(substr(d.language, 1, instr(replace(d.language, '_', '-') || '-', '-') - 1))"


def primary_subtag(language: str | None) -> str | None:
    """"zh-CN", "ZH" -> "zh": --lang matches a document whose language has the same first part."""
    if not language or not language.strip():
        return None
    return language.strip().replace("_", "-").split("-")[0].lower()


@dataclass
class Filters:
    source: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    spokesperson: str | None = None
    kind: str | None = None
    language: str | None = None
    changed: bool = False
    removed: bool = False

    def where(self) -> tuple[list[str], list]:
        clauses: list[str] = []
        params: list = []
        simple = (("s.name = ?", self.source), ("d.published_date >= ?", self.since),
                  ("d.published_date <= ?", self.until), ("d.kind = ?", self.kind),
                  (f"{PRIMARY_SUBTAG_SQL} = ?", primary_subtag(self.language)))
        for clause, value in simple:
            if value:
                clauses.append(clause)
                params.append(value)
        if self.spokesperson:
            clauses.append("d.spokesperson LIKE ?")
            params.append(f"%{self.spokesperson}%")
        if self.changed:
            clauses.append("(SELECT count(*) FROM versions v WHERE v.document_id = d.id) > 1")
        if self.removed:
            clauses.append("d.removed_at IS NOT NULL")
        return clauses, params


@translated
def search(
    db: sqlite_utils.Database, query: str, filters: Filters | None = None, *, sort: str = "rank",
    limit: int = 20, offset: int = 0, literal: bool = False,
) -> list[dict]:
    """Documents matching `query`, best first (or newest first), each with a highlighted snippet.

    `snippet` holds each match between SNIPPET_OPEN and SNIPPET_CLOSE (the page's own copies of those
    characters are dropped); `highlights` gives [start, end] of each match in the snippet once the
    markers are taken out, as character offsets.
    """
    _check_sort(sort)
    fts = literal_query(query) if literal else to_fts(query)
    clauses, params = (filters or Filters()).where()
    try:
        if clauses or sort == "date":
            hits = _joined_search(db, fts, clauses, params, sort, limit, offset)
        elif PREFIX in fts:
            hits = _ranked_with_snippets(db, fts, limit, offset)
        else:
            hits = _ranked_search(db, fts, limit, offset)
        _add_snippets(db, fts, [hit for hit in hits if "snippet" not in hit])
        for hit in hits:
            hit["highlights"] = highlights(hit["snippet"])
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc):
            raise SearchSyntaxError(f"The search index could not read that query ({exc}). {HINT}") from exc
        raise
    return hits


def _ranked_search(db: sqlite_utils.Database, fts: str, limit: int, offset: int) -> list[dict]:
    """No filters: rank in the index alone, then read the page of documents it names."""
    ranked = db.execute(
        f"""SELECT rowid, bm25(documents_fts, {', '.join(map(str, WEIGHTS))}) AS score FROM documents_fts
            WHERE documents_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?""",
        [fts, limit, offset],
    ).fetchall()
    return _with_documents(db, ranked)


def _ranked_with_snippets(db: sqlite_utils.Database, fts: str, limit: int, offset: int) -> list[dict]:
    """Prefix queries: FTS5 sorts by rank itself and makes snippets for the page of hits only.

    A snippet asked for one document at a time would merge the doclists of every word the prefix
    covers again for each document: twenty times the work.
    """
    rows = db.execute(
        f"""SELECT rowid, rank, {SNIPPETS_SQL} FROM documents_fts
            WHERE documents_fts MATCH ? AND rank MATCH 'bm25({', '.join(map(str, WEIGHTS))})'
            ORDER BY rank LIMIT ? OFFSET ?""",
        [*SNIPPET_MARKS, fts, limit, offset],
    ).fetchall()
    snippets = {rowid: marked_snippet(first, second) for rowid, _, first, second in rows}
    hits = _with_documents(db, [(rowid, score) for rowid, score, _, _ in rows])
    for hit in hits:
        hit["snippet"] = snippets[hit["id"]]
    return hits


def _with_documents(db: sqlite_utils.Database, ranked: list[tuple[int, float]]) -> list[dict]:
    """The hits' rows, in the order given."""
    if not ranked:
        return []
    marks = ", ".join("?" for _ in ranked)
    rows = db.execute(
        f"""SELECT {HIT_COLUMNS} FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN ({marks})""",
        [rowid for rowid, _ in ranked],
    ).fetchall()
    by_id = {row[0]: dict(zip(HIT_KEYS, row, strict=True)) for row in rows}
    return [{**by_id[rowid], "rank": score} for rowid, score in ranked if rowid in by_id]


def _joined_search(db, fts: str, clauses: list[str], params: list, sort: str, limit: int, offset: int):
    order = "d.published_date DESC, d.id DESC" if sort == "date" else "rank, d.id"
    sql = f"""
        SELECT {HIT_COLUMNS}, bm25(documents_fts, {', '.join(map(str, WEIGHTS))}) AS rank
        FROM documents_fts
        JOIN documents d ON d.id = documents_fts.rowid
        LEFT JOIN sources s ON s.id = d.source_id
        WHERE documents_fts MATCH ? {''.join(' AND ' + c for c in clauses)}
        ORDER BY {order} LIMIT ? OFFSET ?"""
    rows = db.execute(sql, [fts, *params, limit, offset]).fetchall()
    return [dict(zip((*HIT_KEYS, "rank"), row, strict=True)) for row in rows]


def _add_snippets(db: sqlite_utils.Database, fts: str, hits: list[dict]) -> None:
    """Snippets for the page of hits only: snippet() over every match would cost far more."""
    if not hits:
        return
    sql = f"SELECT {SNIPPETS_SQL} FROM documents_fts WHERE documents_fts MATCH ? AND rowid = ?"
    for hit in hits:
        row = db.execute(sql, [*SNIPPET_MARKS, fts, hit["id"]]).fetchone()
        hit["snippet"] = marked_snippet(*row) if row else ""


def marked_snippet(first: str | None, second: str | None) -> str:
    """One snippet from the two FTS5 made with different markers: where they differ is a marker it
    put in; the same character in both is the page's text, kept unless it could pass for a marker
    (or is a CJK segmentation mark)."""
    first, second = first or "", second or ""
    if len(first) != len(second):  # not expected; without highlights rather than with doubtful ones
        return "".join(char for char in first if char not in DROPPED)
    return "".join(a for a, b in zip(first, second, strict=True) if a != b or a not in DROPPED)


def plain_snippet(snippet: str | None) -> str:
    """The snippet's exact text, markers taken out: what a hit's `highlights` offsets point into."""
    return (snippet or "").replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


def highlights(snippet: str) -> list[list[int]]:
    """[start, end] of each marked match, as offsets into the snippet with its markers taken out."""
    spans: list[list[int]] = []
    start = None
    markers = 0
    for index, char in enumerate(snippet):
        if char == SNIPPET_OPEN:
            start = index - markers
            markers += 1
        elif char == SNIPPET_CLOSE:
            if start is not None:
                spans.append([start, index - markers])
            start = None
            markers += 1
    return spans


@translated
def list_documents(
    db: sqlite_utils.Database, filters: Filters | None = None, *, sort: str = "date",
    limit: int = 20, offset: int = 0,
) -> list[dict]:
    """Documents newest first (by publication date), with the same filters as search."""
    _check_sort(sort, ("date", "archived"))
    clauses, params = (filters or Filters()).where()
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    order = "d.id DESC" if sort == "archived" else "d.published_date DESC, d.id DESC"
    rows = db.execute(
        f"""SELECT {HIT_COLUMNS} FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            {where} ORDER BY {order} LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    return [dict(zip(HIT_KEYS, row, strict=True)) for row in rows]


def _check_sort(sort: str, allowed: tuple[str, ...] = ("rank", "date")) -> None:
    if sort not in allowed:
        raise UsageError(f"Unknown sort {sort!r}: use {' or '.join(allowed)}.")
