"""Chinese search on real text: exact result sets, the cost of indexing CJK text, and query time.

1. The ~290 China MFA pages of ../shared/corpus/fmprc-bulk ingested: for each query (1 to 6 characters,
   mixed with English), the documents `briefarc search` finds against those whose text holds it (SQL instr).
2. The real pages' documents saved again into a fresh archive (CPU ms a page: the store and its indexes).
3. An archive of `--documents` documents made of real Chinese paragraphs of those pages (seeded draw):
   CPU ms to save a document (the index's share of ingest), the archive's size, and per query the CPU
   p50/p95 of briefarc search (ranking and snippets) and of a raw FTS5 MATCH (LIMIT 20) in the same run.

Runs under any briefarc (the APIs it uses are old): run it once with an older checkout on PYTHONPATH
and once with this one to compare, and give `--json` to keep the result sets for a comparison.

    python bench/cjk.py [--documents 5000] [--repeat 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import percentile, timed  # noqa: E402

BULK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fmprc-bulk"
QUERIES = ["台", "华", "美", "台湾", "美国", "香港", "新冠", "外交部", "发言人", "记者会", "一带一路", "中美关系",
           "例行记者会", "外交部发言人", "2019年", "湾台", "Taiwan OR 台湾", "外交部 Pompeo", "台湾 -香港"]


def containing(conn: sqlite3.Connection, query: str) -> set[int]:
    """The documents whose text holds the query's words (OR: either side; -word: without it)."""
    text = "lower(coalesce(title, '') || ' ' || coalesce(subtitle, '') || ' ' || coalesce(body, ''))"

    def holding(word: str) -> set[int]:
        return {row[0] for row in conn.execute(f"SELECT id FROM documents WHERE instr({text}, lower(?))", [word])}

    if " OR " in query:
        return set().union(*(holding(word) for word in query.split(" OR ")))
    words = query.split()
    found = set.intersection(*(holding(word) for word in words if not word.startswith("-")))
    return found.difference(*(holding(word[1:]) for word in words if word.startswith("-")))


def exactness(work: Path) -> tuple[list[str], list[tuple[str, int, int]], dict[str, list[int]]]:
    """The real pages ingested; per query the matches and the true count. Returns the Chinese paragraphs too."""
    from briefarc.files.ingest import ingest
    from briefarc.store.db import open_database
    from briefarc.store.search import search

    db = open_database(work / "real.db")
    ingest(db, [str(BULK)])
    rows, sets = [], {}
    for query in QUERIES:
        found = {hit["id"] for hit in search(db, query, limit=10_000)}
        rows.append((query, len(found), len(found ^ containing(db.conn, query))))
        sets[query] = sorted(found)
    bodies = [body for (body,) in db.execute("SELECT body FROM documents WHERE language LIKE 'zh%' AND body != ''")]
    paragraphs = [part for body in bodies for part in body.split("\n\n") if len(part) > 20]
    db.conn.close()
    return paragraphs, rows, sets


def save_real(source: Path, target: Path, rounds: int) -> float:
    """The real pages' documents (text and turns, read back from `source`) saved into fresh archives,
    `rounds` times: the least CPU ms per document (saving and indexing only, no extraction)."""
    from briefarc.models import Document, RawPage, Turn
    from briefarc.store.db import open_database

    conn = sqlite3.connect(source)
    rows = conn.execute("SELECT id, title, subtitle, body, turns, published, language, kind, url FROM documents")
    docs = [(Document(title=title, subtitle=subtitle, paragraphs=(body or "").split("\n\n"), published=published,
                      language=language, kind=kind, turns=[Turn(t["speaker"], t["role"], t["text"])
                                                           for t in json.loads(turns or "[]")]),
             RawPage(data=f"<html>{doc_id}</html>".encode(), origin="bench", url=url or f"https://bench.example/{doc_id}"))
            for doc_id, title, subtitle, body, turns, published, language, kind, url in rows]
    best = float("inf")
    for number in range(rounds):
        db = open_database(target.with_suffix(f".{number}.db"))
        best = min(best, _saving(db, docs))
        db.conn.close()
    return 1000 * best / len(docs)


def _saving(db, docs: list) -> float:
    from briefarc.store.documents import save_document

    start = time.process_time()
    for doc, page in docs:
        save_document(db, doc, page)
    return time.process_time() - start


def build(path: Path, paragraphs: list[str], count: int) -> float:
    """`count` documents of 4 to 12 real paragraphs each; CPU ms per document saved."""
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    db = open_database(path)
    rng = random.Random(42)
    start = time.process_time()
    for index in range(count):
        chosen = rng.sample(paragraphs, rng.randint(4, 12))
        doc = Document(title=chosen[0][:30], paragraphs=chosen, published=f"20{10 + index % 15}-01-01",
                       language="zh", kind="briefing")
        save_document(db, doc, RawPage(data=f"<html>{index}</html>".encode(), origin="bench",
                                       url=f"https://bench.example/{index}"))
    spent = time.process_time() - start
    db.conn.close()
    return 1000 * spent / count


def timings(path: Path, repeat: int) -> list[tuple[str, float, float, float, float]]:
    """Per query: CPU p50 and p95 of briefarc search and of the raw MATCH, in ms."""
    from briefarc.store.db import open_database
    from briefarc.store.fts import index_for
    from briefarc.store.query import to_fts
    from briefarc.store.search import search

    db = open_database(path, create=False)
    raw = sqlite3.connect(path)
    rows = []
    for query in QUERIES:
        table, fts = index_for(db, to_fts(query))
        raw_sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT 20"
        search(db, query)  # warm the page cache
        ours = timed(lambda q=query: search(db, q), repeat)
        peer = timed(lambda f=fts, sql=raw_sql: raw.execute(sql, [f]).fetchall(), repeat)
        rows.append((query, percentile(ours, 0.5), percentile(ours, 0.95), percentile(peer, 0.5),
                     percentile(peer, 0.95)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="Write the result sets and figures to this file.")
    args = parser.parse_args()
    if not BULK.is_dir():
        sys.exit(f"{BULK} is missing: this bench reads the shared corpus.")
    work = Path(tempfile.mkdtemp(prefix="briefarc-cjk-"))
    paragraphs, exact, sets = exactness(work)
    print(f"{'query':<16} {'found':>6} {'not as the text says':>21}")
    for query, count, wrong in exact:
        print(f"{query:<16} {count:>6} {wrong:>21}")
    real = save_real(work / "real.db", work / "again", args.repeat)
    print(f"\nthe real pages saved again (text and turns, no extraction): {real:.2f} CPU ms per page")
    per_doc = build(work / "zh.db", paragraphs, args.documents)
    size = (work / "zh.db").stat().st_size / 2**20
    print(f"\n{args.documents:,} Chinese documents: {per_doc:.2f} CPU ms to save each, {size:.1f} MiB")
    times = timings(work / "zh.db", args.repeat)
    print(f"{'query (CPU ms)':<16} {'ours p50':>9} {'ours p95':>9} {'raw p50':>8} {'raw p95':>8}")
    for query, p50, p95, raw50, raw95 in times:
        print(f"{query:<16} {p50:>9.2f} {p95:>9.2f} {raw50:>8.2f} {raw95:>8.2f}")
    print(f"{'all queries':<16} {statistics.median(t[1] for t in times):>9.2f} "
          f"{percentile([t[2] for t in times], 0.95):>9.2f}")
    if args.json:
        figures = {"sets": sets, "exact": exact, "ms_per_document": per_doc, "ms_per_real_page": real, "mib": size,
                   "times": times}
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
