"""Search benchmark: p50 and p95 latency of typical queries on a 100,000-document archive.

Each query runs through the library (`briefarc.store.search`: translation, filters, bm25 with
weights, snippets for the page of hits) and, in the same run, as a raw FTS5 MATCH through
sqlite3 (the translated query, bm25 order, LIMIT 20: the least any search must do).
Targets (issue 2): p95 <= 50 ms, and within 2x the raw query.

    python bench/search.py [--documents 100000] [--db bench/out/search-100k.db] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import NAMES, ZH_PHRASES, paragraph, theme_of  # noqa: E402

QUERIES = [
    "Taliban", "Kashmir", "sanctions", '"humanitarian aid"', "ceasefire Gaza", "Afghanistan AND Pakistan",
    "tariff*", "NEAR(trade talks, 5)", "Ukraine OR Russia", "climate NOT finance", "U.S.-Pakistan",
    "Taliban's", "water sharing", '"border security" Iran', "Blinken", "debt relief Sri Lanka", "台湾问题",
    "peacekeeping Sudan", "visas India", "Asim Iftikhar", "Pakistan",
]


def build(path: Path, count: int) -> None:
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document
    from briefarc.store.sources import ensure_source

    db = open_database(path)
    sources = [ensure_source(db, name) for name in ("mofa-pk", "fmprc-en", "state", "news")]
    rng = random.Random(42)
    start = time.perf_counter()
    for index in range(count):
        day = date(2010, 1, 1) + timedelta(days=rng.randrange(5800))
        theme = theme_of(rng)
        paragraphs = [paragraph(rng, theme) for _ in range(rng.randint(4, 12))]
        if rng.random() < 0.05:
            paragraphs.append("".join(rng.choice(ZH_PHRASES) for _ in range(8)))
        if rng.random() < 0.02:
            paragraphs.append("U.S.-Pakistan ties and the Taliban's pledge were raised by Blinken.")
        doc = Document(
            title=f"{rng.choice(NAMES)} on {theme[0]} and {theme[1]}",
            paragraphs=paragraphs, published=day.isoformat(), kind=rng.choice(("briefing", "news", "statement")),
            language="en", spokesperson=rng.choice(NAMES),
        )
        page = RawPage(data=f"<html>{index}</html>".encode(), origin="bench", url=f"https://bench.example/{index}")
        save_document(db, doc, page, source_id=sources[index % len(sources)])
        if index and index % 10000 == 0:
            print(f"  built {index:,} documents ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    db.conn.close()


def timed(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db", default=str(Path(__file__).parent / "out" / "search-100k.db"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.db)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {args.documents:,} documents in {path} (once; reused on later runs)", file=sys.stderr)
        build(path, args.documents)

    from briefarc.store.db import open_database
    from briefarc.store.query import to_fts
    from briefarc.store.search import WEIGHTS, search

    db = open_database(path)
    documents = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    raw = sqlite3.connect(path)
    raw_sql = (f"SELECT rowid, bm25(documents_fts, {', '.join(map(str, WEIGHTS))}) AS r FROM documents_fts "
               "WHERE documents_fts MATCH ? ORDER BY r LIMIT 20")
    ours_all, raw_all = [], []
    print(f"{'query':<28} {'hits':>6} {'ours p50':>9} {'raw p50':>8}")
    for query in QUERIES:
        fts = to_fts(query)
        search(db, query)  # warm the page cache like a user's second search
        ours = timed(lambda q=query: search(db, q, limit=20), args.repeat)
        raws = timed(lambda f=fts: raw.execute(raw_sql, (f,)).fetchall(), args.repeat)
        hits = raw.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (fts,)).fetchone()[0]
        ours_all += ours
        raw_all += raws
        print(f"{query:<28} {hits:>6} {statistics.median(ours):>8.1f}ms {statistics.median(raws):>7.1f}ms")
    p50, p95 = percentile(ours_all, 0.5), percentile(ours_all, 0.95)
    r50, r95 = percentile(raw_all, 0.5), percentile(raw_all, 0.95)
    print(f"\n{documents:,} documents, {len(QUERIES)} queries x {args.repeat} runs")
    print(f"briefarc search: p50 {p50:.1f} ms, p95 {p95:.1f} ms   raw FTS5: p50 {r50:.1f} ms, p95 {r95:.1f} ms")
    print(f"target p95 <= 50 ms: {'PASS' if p95 <= 50 else 'FAIL'}")
    print(f"target within 2x raw (p95 ratio {p95 / r95:.2f}, p50 ratio {p50 / r50:.2f}): "
          f"{'PASS' if p95 <= 2 * r95 else 'FAIL'}")


if __name__ == "__main__":
    main()
