"""Full-text search and listing with filters."""

from __future__ import annotations

import re
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
# Best first scores every match up to this many; past it, the newest CANDIDATES matches and the
# newest CANDIDATES title matches (bm25 costs about 1-2 microseconds a match).
SCORE_ALL_UP_TO = 15_000
CANDIDATES = 1000
SHORT_PREFIX = re.compile(r'(?<![^\s(])"[^"]{1,2}"\*')  # "s"*, "ab"*: a prefix of thousands of words
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

    Best first scores (bm25) every match when there are at most SCORE_ALL_UP_TO, else the newest
    CANDIDATES matches and title matches, title matches first: a word found in most documents costs
    no more than a rarer one. With `exhaustive`, every match is scored. Newest first walks the date
    index and scores nothing.
    `snippet` holds each match between SNIPPET_OPEN and SNIPPET_CLOSE (the page's own copies of those
    characters are dropped); `highlights` gives [start, end] of each match in the snippet once the
    markers are taken out, as character offsets.
    """
    _check_sort(sort)
    fts = literal_query(query) if literal else to_fts(query)
    clauses, params = (filters or Filters()).where()
    try:
        table, fts = index_for(db, fts)
        ranked: list[tuple[int, float | None]]
        if sort == "date":
            ranked = _newest_first(db, table, fts, clauses, params, limit, offset)
        elif exhaustive:
            ranked = list(_scored(db, table, fts, clauses, params, order="score", limit=limit, offset=offset))
        else:
            ranked = list(_best_of_candidates(db, table, fts, clauses, params, limit + offset)[offset:])
        hits = _with_documents(db, ranked)
        _add_snippets(db, table, fts, hits)
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc):
            raise SearchSyntaxError(f"The search index could not read that query ({exc}). {HINT}") from exc
        raise
    for hit in hits:
        hit["highlights"] = highlights(hit["snippet"])
    return hits


FILTER_JOIN = "JOIN documents d ON d.id = f.rowid LEFT JOIN sources s ON s.id = d.source_id"


def _scored(db, table: str, fts: str, clauses: list[str], params: list, *, order: str, limit: int,
            offset: int = 0) -> list[tuple[int, float]]:
    """(rowid, bm25) of matches passing the filters: the best (order="score") or the newest ("rowid").

    Ordered by rowid, FTS5 hands the matches over newest first and stops at the limit, so bm25 is
    computed for `limit` rows only; ordered by score, for every match.
    """
    join = FILTER_JOIN if clauses else ""
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
    """The `wanted` best matches, scoring at most about SCORE_ALL_UP_TO of them.

    Few enough matches are all scored (FTS5 counts matches cheaply, but not those of a short prefix,
    which it must merge first). Past that, title matches come first, as bm25 with the title's weight
    puts them; when they do not fill the page, the best of the newest CANDIDATES matches follow.
    """
    short_prefix = SHORT_PREFIX.search(fts) is not None
    if not short_prefix and _count(db, table, fts) <= SCORE_ALL_UP_TO:
        return _scored(db, table, fts, clauses, params, order="score", limit=wanted)
    titled: list[tuple[int, float]] = []
    if " : " not in fts and not short_prefix:  # a query with its own column filters is ranked as it is
        titled = _title_matches(db, table, fts, clauses, params, wanted)
        if len(titled) >= wanted:
            return titled
    seen = {rowid for rowid, _ in titled}
    newest = _scored(db, table, fts, clauses, params, order="rowid", limit=max(CANDIDATES, 2 * wanted))
    rest = sorted((hit for hit in newest if hit[0] not in seen), key=_by_score)
    return (titled + rest)[:wanted]


def _title_matches(db, table: str, fts: str, clauses: list[str], params: list,
                   wanted: int) -> list[tuple[int, float]]:
    """The best title matches by the whole query's bm25, from two passes over the title matches alone.

    bm25 adds up one term per phrase, so for `Q AND title:(Q)` it is bm25(Q) + bm25(title:(Q)): the
    difference is the exact bm25(Q) of each title match.
    """
    in_title = f"title : ( {fts} )"
    if _count(db, table, in_title) > SCORE_ALL_UP_TO:  # too many: the newest ones
        newest = _scored(db, table, in_title, clauses, params, order="rowid", limit=max(CANDIDATES, 2 * wanted))
        return sorted(newest, key=_by_score)[:wanted]
    join = FILTER_JOIN if clauses else ""
    where = "".join(" AND " + c for c in clauses)
    passes = [f"""SELECT f.rowid AS id, bm25({table}, {WEIGHT_ARGS}) AS score FROM {table} f {join}
                  WHERE {table} MATCH ? {where}""" for _ in (1, 2)]
    rows = db.execute(
        f"""WITH whole AS MATERIALIZED ({passes[0]}), title_part AS MATERIALIZED ({passes[1]})
            SELECT whole.id, whole.score - title_part.score AS score FROM whole JOIN title_part USING (id)
            ORDER BY score, whole.id DESC LIMIT ?""",
        [f"( {fts} ) AND ( {in_title} )", *params, in_title, *params, wanted],
    ).fetchall()
    return [(rowid, score) for rowid, score in rows]


def _count(db, table: str, fts: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [fts]).fetchone()[0]


def _by_score(hit: tuple[int, float]) -> tuple[float, int]:
    return hit[1], -hit[0]


def _newest_first(db, table: str, fts: str, clauses: list[str], params: list, limit: int,
                  offset: int) -> list[tuple[int, float | None]]:
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
