"""Corpus benchmark: kwic, trend and turn search on a 100,000-document archive, with the raw-FTS peer.

Each command runs in-process through the library (briefarc.analysis) and, in the same run, the least
SQL any implementation must run for it (the peer):
- kwic --limit 50: the library finds, reads and scans the newest matching documents; the peer is
  the raw MATCH that lists every matching rowid with its date, newest first.
- trend by month over ten years: documents and mentions per month; the peer counts matching documents
  per month with one GROUP BY.
- turn search (questions): ranked turns with their documents; the peer is a raw ranked MATCH on turns_fts.
Targets (issue 14): p95 <= 100 ms for kwic --limit 50 and <= 500 ms for trend over ten years by month.
The archive is bench/search.py's (its generator: same vocabulary, seed and dates), with each document's
paragraphs also as question and answer turns.

    python bench/analysis.py [--documents 100000] [--db bench/out/analysis-100k.db] [--repeat 5]
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import archive_from_args, percentile, timed  # noqa: E402

KWIC_TERMS = ["Taliban", "Kashmir", "sanctions", "ceasefire", "humanitarian", "Blinken", "tariff*", "台湾",
              "water sharing", "Pakistan"]
TREND_TERMS = ["Taliban", "sanctions", "Kashmir", "climate", "Pakistan", "台湾"]
TURN_QUERIES = ["Taliban", "sanctions", "Kashmir", "humanitarian aid", "ceasefire Gaza", "tariff*", "台湾"]


def report(name: str, ours: list[float], peer: list[float], target: float | None) -> None:
    p50, p95 = percentile(ours, 0.5), percentile(ours, 0.95)
    r50, r95 = percentile(peer, 0.5), percentile(peer, 0.95)
    verdict = f"   target p95 <= {target:.0f} ms: {'PASS' if p95 <= target else 'FAIL'}" if target else ""
    print(f"{name:<26} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms   raw peer p50 {r50:6.1f} ms  p95 {r95:6.1f} ms"
          f"   ratio p95 {p95 / max(r95, 0.01):.1f}x{verdict}")


def compare(label: str, items: list[str], ours, peer, repeat: int) -> tuple[list[float], list[float]]:
    """Time `ours(item)` and `peer(item)` for each item, after one warming run of ours (the page cache of a
    user's second run)."""
    all_ours, all_peer = [], []
    for item in items:
        ours(item)
        times = timed(lambda i=item: ours(i), repeat)
        raws = timed(lambda i=item: peer(i), repeat)
        print(f"  {label} {item:<20} ours p50 {statistics.median(times):6.1f} ms   "
              f"raw {statistics.median(raws):6.1f} ms")
        all_ours, all_peer = all_ours + times, all_peer + raws
    return all_ours, all_peer


def bench_kwic(db, raw, repeat: int) -> tuple[list[float], list[float]]:
    from briefarc.analysis.kwic import kwic
    from briefarc.analysis.matching import parse_term

    fts = {term: parse_term(term).fts for term in KWIC_TERMS}
    sql = ("SELECT d.id, d.published_date FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
           "WHERE documents_fts MATCH ? ORDER BY d.published_date DESC, d.id DESC")
    return compare("kwic", KWIC_TERMS, lambda term: kwic(db, term, limit=50),
                   lambda term: raw.execute(sql, (fts[term],)).fetchall(), repeat)


def bench_trend(db, raw, repeat: int) -> tuple[list[float], list[float]]:
    from briefarc.analysis.matching import parse_term
    from briefarc.analysis.trend import trend
    from briefarc.store.search import Filters

    ten_years = Filters(since="2014-01-01", until="2023-12-31")
    fts = {term: parse_term(term).fts for term in TREND_TERMS}
    sql = ("SELECT substr(d.published_date, 1, 7), count(*) FROM documents_fts JOIN documents d "
           "ON d.id = documents_fts.rowid WHERE documents_fts MATCH ? AND d.published_date >= ? "
           "AND d.published_date <= ? GROUP BY 1")
    return compare("trend", TREND_TERMS, lambda term: trend(db, [term], ten_years, by="month"),
                   lambda term: raw.execute(sql, (fts[term], ten_years.since, ten_years.until)).fetchall(), repeat)


def bench_turns(db, raw, repeat: int) -> tuple[list[float], list[float]]:
    from briefarc.analysis.turns import search_turns
    from briefarc.store.query import to_fts

    sql = "SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY rank LIMIT 20"
    return compare("turns", TURN_QUERIES, lambda query: search_turns(db, query, role="question", limit=20),
                   lambda query: raw.execute(sql, (to_fts(query),)).fetchall(), repeat)


def main() -> None:
    path, args = archive_from_args(__doc__, "analysis-100k.db", turns=True)

    from briefarc.store.db import open_database

    db = open_database(path, create=False)
    raw = sqlite3.connect(path)
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    turns = db.execute("SELECT count(*) FROM turns").fetchone()[0]
    results = [("kwic --limit 50", bench_kwic(db, raw, args.repeat), 100.0),
               ("trend, 10 years by month", bench_trend(db, raw, args.repeat), 500.0),
               ("search --in questions", bench_turns(db, raw, args.repeat), None)]
    print(f"\n{documents:,} documents, {turns:,} turns, {args.repeat} runs per query")
    for name, (ours, peer), target in results:
        report(name, ours, peer, target)


if __name__ == "__main__":
    main()
