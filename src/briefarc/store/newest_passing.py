"""The newest matches of a query with an acronym beside an OR (`US OR minister`), without the set of every match of
the rest of the query.

A match of such a query passes when it matches the query with its acronyms found nowhere (TreeCheck.sure: `minister`)
or when the acronyms table says it holds one (store/acronyms.py). As an SQL clause that is `id IN (the matches of
sure) OR id IN (the rows holding US)`, with the whole query matched beside it: SQLite builds the sets whole for each
statement (94,130 ministers in 100,000 documents: 13 ms of the 18 ms the newest 1,000 cost). The rows that pass are
instead the matches of `sure` and the matches of the whole query among the rows holding an acronym:

- best first's newest candidates (`newest`) are the newest N of the newest N matches of `sure` and the newest N
  matches of the whole query holding an acronym, two walks that stop at N; bm25 of the whole query is then computed
  for those rows in one pass over their range (the statement, weights and rows of before: the same scores);
- newest published first (`by_date`) walks the date index against the two, `sure` looked up for each document
  walked when it matches more than a fifth of them (as store/ranking.py newest_first does), else as a set; when
  both together have few rows, those rows are sorted instead (`IT OR Zanzibarxq`: no row, and every document of
  the date index walked).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from briefarc.store.published import NEWEST_FIRST
from briefarc.store.ranking import FILTER_JOIN, WEIGHT_ARGS, Ranked, count, size

if TYPE_CHECKING:
    import sqlite_utils

# Past this many rows passing at most (`sure`'s matches and the acronyms' rows, each counted so far), the date index
# is walked against them; up to it, they are sorted.
SORTED_UP_TO = 300


@dataclass
class Passing:
    """The query `fts` (as index_for gives it, in the index `table`), its `sure` query, the rows `held` (SQL and
    its parameters) the acronyms table says hold an acronym (or has not read), what gives the clause telling the
    index's rowid `f.rowid` from them (asked once, when needed: it counts them), and the filters' clauses and
    parameters."""

    db: sqlite_utils.Database
    table: str
    fts: str
    sure: str
    held: tuple[str, list]
    telling: Callable[[], str]
    clauses: list[str]
    params: list

    @cached_property
    def told(self) -> str:
        return self.telling()

    def newest(self, limit: int) -> Ranked:
        """(rowid, bm25 of the query) of the newest `limit` matches that pass the filters, newest first."""
        join = FILTER_JOIN if self.clauses else ""
        where = "".join(" AND " + clause for clause in self.clauses)
        table = self.table
        first = f"SELECT f.rowid FROM {table} f {join} WHERE {table} MATCH ?{where} ORDER BY f.rowid DESC LIMIT ?"
        second = (f"SELECT f.rowid FROM {table} f {join} WHERE {table} MATCH ? AND {self.told}{where} "
                  "ORDER BY f.rowid DESC LIMIT ?")
        ids = [row[0] for row in self.db.execute(
            f"SELECT rowid FROM (SELECT * FROM ({first}) UNION SELECT * FROM ({second})) ORDER BY rowid DESC LIMIT ?",
            [self.sure, *self.params, limit, self.fts, *self.held[1], *self.params, limit, limit])]
        if not ids:
            return []
        return [(rowid, score) for rowid, score in self.db.execute(
            f"SELECT f.rowid, bm25({table}, {WEIGHT_ARGS}) FROM {table} f WHERE {table} MATCH ? "
            "AND f.rowid BETWEEN ? AND ? AND +f.rowid IN (SELECT value FROM json_each(?)) ORDER BY f.rowid DESC",
            [self.fts, ids[-1], ids[0], json.dumps(ids)])]

    def by_date(self, limit: int, offset: int) -> list[tuple[int, float | None]]:
        """The page of matches that pass the filters, newest published first (store/published.py)."""
        table = self.table
        held = f"SELECT f.rowid FROM {table} f WHERE {table} MATCH ? AND {self.told}"
        where = "".join(clause + " AND " for clause in self.clauses)
        few = count(self.db, table, self.sure, SORTED_UP_TO + 1)
        if few <= SORTED_UP_TO and few + self._held_at_most(SORTED_UP_TO + 1 - few) <= SORTED_UP_TO:
            rows = self.db.execute(
                f"""SELECT d.id FROM documents d LEFT JOIN sources s ON s.id = d.source_id
                    WHERE {where} d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ? UNION {held})
                    ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?""",
                [*self.params, self.sure, self.fts, *self.held[1], limit, offset])
            return [(rowid, None) for (rowid,) in rows]
        fifth = size(self.db, table) // 5
        common = few > fifth or count(self.db, table, self.sure, fifth + 1) > fifth
        sure = (f"EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ? AND rowid = d.id)" if common
                else f"d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
        # a row the table lists is asked of the index as the walk meets it: as a set, the matches of the whole query
        # among the rows held were every match of "it" walked (IT OR Zanzibarxq with IT in 3,690 of 100,000
        # documents: 36 ms; 0.3 ms with IT in none)
        matched = f"EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ? AND rowid = d.id)"
        rows = self.db.execute(
            f"""SELECT d.id FROM documents d INDEXED BY documents_published LEFT JOIN sources s ON s.id = d.source_id
                WHERE {where} ({sure} OR (d.id IN ({self.held[0]}) AND {matched}))
                ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?""",
            [*self.params, self.sure, *self.held[1], self.fts, limit, offset])
        return [(rowid, None) for (rowid,) in rows]

    def _held_at_most(self, most: int) -> int:
        """How many rows the acronyms table says hold an acronym (or has not read), counting no further than `most`."""
        return self.db.execute(f"SELECT count(*) FROM ({self.held[0]} LIMIT ?)", [*self.held[1], most]).fetchone()[0]
