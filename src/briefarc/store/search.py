"""Full-text search and listing with filters."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefarc.errors import SearchSyntaxError, UsageError
from briefarc.store.db import translated
from briefarc.store.fts import index_for
from briefarc.store.query import HINT, literal_query, to_fts

if TYPE_CHECKING:
    import sqlite_utils

# bm25 weights for title, subtitle, body: a match in the title counts most.
WEIGHTS = (10.0, 4.0, 1.0)
WEIGHT_ARGS = ", ".join(map(str, WEIGHTS))
# A snippet marks each match with these private-use characters. FTS5 is asked for the same snippet
# twice, with a second pair as well: the places where the two differ are the markers it put in, so
# the page's own copies of these characters are told apart and dropped (see marked_snippet).
SNIPPET_OPEN = "\ue000"
SNIPPET_CLOSE = "\ue001"
PROBE_OPEN = "\ue002"
PROBE_CLOSE = "\ue003"
SNIPPET_TOKENS = 24
# Two snippets per row, made only for the page's rows (the CASE), whatever else the statement reads.
SNIPPETS_SQL = ", ".join(
    f"CASE WHEN rowid IN ({{marks}}) THEN snippet({{table}}, -1, ?, ?, '…', {SNIPPET_TOKENS}) END" for _ in (1, 2)
)
SNIPPET_MARKS = [SNIPPET_OPEN, SNIPPET_CLOSE, PROBE_OPEN, PROBE_CLOSE]
DROPPED = {SNIPPET_OPEN, SNIPPET_CLOSE}
# Best first scores at most this many of the newest matches (and of the newest title matches).
CANDIDATES = 2000
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
    limit: int = 20, offset: int = 0, literal: bool = False, exhaustive: bool = False,
) -> list[dict]:
    """Documents matching `query`, best first (or newest first), each with a highlighted snippet.

    Best first scores (bm25) the newest CANDIDATES matches and the newest CANDIDATES title matches,
    title matches first: a word found in most documents costs no more than a rarer one. With
    `exhaustive`, every match is scored. Newest first walks the date index and scores nothing.
    `snippet` holds each match between SNIPPET_OPEN and SNIPPET_CLOSE (the page's own copies of those
    characters are dropped); `highlights` gives [start, end] of each match in the snippet once the
    markers are taken out, as character offsets.
    """
    _check_sort(sort)
    fts = literal_query(query) if literal else to_fts(query)
    clauses, params = (filters or Filters()).where()
    try:
        table, fts = index_for(db, fts)
        if sort == "date":
            ranked = _newest_first(db, table, fts, clauses, params, limit, offset)
        elif exhaustive:
            ranked = _scored(db, table, fts, clauses, params, order="score", limit=limit, offset=offset)
        else:
            ranked = _best_of_candidates(db, table, fts, clauses, params, limit + offset)[offset:]
        hits = _with_documents(db, ranked)
        _add_snippets(db, table, fts, hits)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc):
            raise SearchSyntaxError(f"The search index could not read that query ({exc}). {HINT}") from exc
        raise
    for hit in hits:
        hit["highlights"] = highlights(hit["snippet"])
    return hits


def _scored(db, table: str, fts: str, clauses: list[str], params: list, *, order: str, limit: int,
            offset: int = 0) -> list[tuple[int, float]]:
    """(rowid, bm25) of matches passing the filters: the best (order="score") or the newest ("rowid").

    Ordered by rowid, FTS5 hands the matches over newest first and stops at the limit, so bm25 is
    computed for `limit` rows only; ordered by score, for every match.
    """
    join = ("JOIN documents d ON d.id = f.rowid LEFT JOIN sources s ON s.id = d.source_id"
            if clauses else "")
    sort = "score, f.rowid" if order == "score" else "f.rowid DESC"
    rows = db.execute(
        f"""SELECT f.rowid, bm25({table}, {WEIGHT_ARGS}) AS score FROM {table} f {join}
            WHERE {table} MATCH ? {''.join(' AND ' + c for c in clauses)}
            ORDER BY {sort} LIMIT ? OFFSET ?""",
        [fts, *params, limit, offset],
    ).fetchall()
    return [(rowid, score) for rowid, score in rows]


def _best_of_candidates(db, table: str, fts: str, clauses: list[str], params: list,
                        wanted: int) -> list[tuple[int, float]]:
    """The `wanted` best of a bounded candidate set: title matches first, then the newest matches."""
    cap = max(CANDIDATES, 2 * wanted)
    newest = _scored(db, table, fts, clauses, params, order="rowid", limit=cap)
    if len(newest) < cap:  # every match was scored: the exact bm25 order
        return sorted(newest, key=_by_score)[:wanted]
    titled: list[tuple[int, float]] = []
    if " : " not in fts:  # a query with its own column filters is ranked as it is
        titled = sorted(_scored(db, table, f"title : ( {fts} )", clauses, params, order="rowid", limit=cap),
                        key=_by_score)[:wanted]
    seen = {rowid for rowid, _ in titled}
    rest = sorted((hit for hit in newest if hit[0] not in seen), key=_by_score)
    return (titled + rest)[:wanted]


def _by_score(hit: tuple[int, float]) -> tuple[float, int]:
    return hit[1], -hit[0]


def _newest_first(db, table: str, fts: str, clauses: list[str], params: list, limit: int,
                  offset: int) -> list[tuple[int, None]]:
    """Newest published first: the date index is walked and each document looked up in the matches."""
    rows = db.execute(
        f"""SELECT d.id FROM documents d INDEXED BY documents_published_date
            LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)
            {''.join(' AND ' + c for c in clauses)}
            ORDER BY d.published_date DESC, d.id DESC LIMIT ? OFFSET ?""",
        [fts, *params, limit, offset],
    ).fetchall()
    return [(rowid, None) for (rowid,) in rows]


def _with_documents(db: sqlite_utils.Database, ranked: list[tuple[int, float | None]]) -> list[dict]:
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


def _add_snippets(db: sqlite_utils.Database, table: str, fts: str, hits: list[dict]) -> None:
    """Snippets for the page of hits in one statement.

    FTS5 answers `rowid IN (...)` with one lookup per id, each merging the doclists of every term
    again (for a prefix, of every word it covers); one pass over the page's range of rowids merges
    them once (`+rowid` keeps the list from FTS5), and snippet() runs only for the page's own rows.
    """
    if not hits:
        return
    ids = [hit["id"] for hit in hits]
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"""SELECT rowid, {SNIPPETS_SQL.format(table=table, marks=marks)} FROM {table}
            WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN ({marks})""",
        [*ids, SNIPPET_OPEN, SNIPPET_CLOSE, *ids, PROBE_OPEN, PROBE_CLOSE, fts, min(ids), max(ids), *ids],
    ).fetchall()
    snippets = {rowid: marked_snippet(first, second) for rowid, first, second in rows}
    for hit in hits:
        hit["snippet"] = snippets.get(hit["id"], "")


def marked_snippet(first: str | None, second: str | None) -> str:
    """One snippet from the two FTS5 made with different markers: where they differ is a marker it
    put in; the same character in both is the page's text, kept unless it could pass for a marker."""
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
