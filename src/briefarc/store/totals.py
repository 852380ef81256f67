"""How many documents a search or a listing finds in all, and where each hit comes from.

Counted only when a page of results is full: a shorter page already says how many there are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefarc.store.fts import index_for
from briefarc.store.search import Filters
from briefarc.store.sitelabel import SITE_SQL

if TYPE_CHECKING:
    import sqlite_utils


def total(shown: int, limit: int, offset: int, count) -> int:
    """The number of results in all: `count()` is asked only when the page came back full."""
    if shown < limit:
        return offset + shown if shown or not offset else count()
    return count()


def count_matches(db: sqlite_utils.Database, query: str, filters: Filters | None = None, *,
                  literal: bool = False) -> int:
    """How many documents match `query` with `filters`."""
    from briefarc.store.search import count_checked, search_query

    typed, checks = search_query(query, literal)
    table, fts = index_for(db, typed)  # CJK: its terms
    clauses, params = (filters or Filters()).where()
    if checks:  # what the index cannot tell, told from the text
        return count_checked(db, table, fts, clauses, params, checks)
    if not clauses:
        return db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", [fts]).fetchone()[0]
    sql = f"""SELECT count(*) FROM {table} JOIN documents d ON d.id = {table}.rowid
              LEFT JOIN sources s ON s.id = d.source_id
              WHERE {table} MATCH ? {''.join(' AND ' + c for c in clauses)}"""
    return db.execute(sql, [fts, *params]).fetchone()[0]


def count_documents(db: sqlite_utils.Database, filters: Filters | None = None) -> int:
    """How many documents `list` would show with `filters`, in all."""
    clauses, params = (filters or Filters()).where()
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = f"SELECT count(*) FROM documents d LEFT JOIN sources s ON s.id = d.source_id {where}"
    return db.execute(sql, params).fetchone()[0]


def add_sites(db: sqlite_utils.Database, hits: list[dict]) -> None:
    """Give each hit a `site`: its source's name, else the page's site name, else its host, else None
    (store/sitelabel.py)."""
    if not hits:
        return
    marks = ", ".join("?" for _ in hits)
    sites = dict(db.execute(f"""SELECT d.id, {SITE_SQL} FROM documents d LEFT JOIN sources s ON s.id = d.source_id
                                WHERE d.id IN ({marks})""", [hit["id"] for hit in hits]).fetchall())
    for hit in hits:
        hit["site"] = sites.get(hit["id"])
