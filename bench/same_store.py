"""Whether two installs store the same archive: for a change meant to make saving cheaper, not different.

Each install (this one, and --other PYTHON, another install's interpreter) builds two archives:
  ingest  `briefarc ingest` of ../shared/corpus/fmprc-bulk (~290 real China MFA pages);
  fetch   `briefarc fetch` of the fetch bench's pages (bench/fetch.py's local hosts, no latency).
Then, for each pair of archives, every table's rows are compared, and `briefarc search --json` for a set of
queries (CJK ones among them). What may differ, and is left out or mapped before comparing:
  - times (archived_at, checked_at, a request's duration...), which no two runs share;
  - row ids and the ids that point at them, mapped to what they stand for (a document's key, a snapshot's
    sha256): a fetch saves its pages in the order they arrive;
  - the local hosts' ports, mapped to the host's number;
  - a blob's compressed bytes: compared as the bytes they decompress to;
  - FTS5's own tables (segments, whose layout follows the batches): compared as their contents instead,
    each index's every (term, document, column, offset), read through fts5vocab.

    python bench/same_store.py --other /tmp/base/bin/python [--pages 1000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "fmprc-bulk"
QUERIES = ["台湾", "外交部发言人", "台", "中国 美国", '"一个中国原则"', "香港 NOT 美国", "合作*", "China", "trade",
           '"human rights"', "sanctions OR tariffs", "body:ceasefire", "title:briefing", "Pakistan -India", "2025年",
           "G20峰会", "发言人 China", "humanitarian aid"]
TIMES = {"archived_at", "updated_at", "checked_at", "created_at", "first_seen", "last_fetched", "started_at",
         "finished_at", "at", "discovered_at", "last_try", "next_try", "duration_ms", "given_up_at", "removed_at"}
POINTERS = {"document_id": "documents", "snapshot_id": "snapshots", "source_id": "sources", "run_id": "runs"}
INDEXES = {"documents_fts": "SELECT id, key FROM documents",
           "turns_fts": "SELECT t.id, d.key || '#' || t.number FROM turns t JOIN documents d ON d.id = t.document_id"}


def build(python: str, kind: str, folder: Path, pages: int) -> Path:
    """An archive built by the install of `python`."""
    db = folder / f"{kind}.db"
    if kind == "ingest":
        subprocess.run([python, "-m", "briefarc", "ingest", "--db", str(db), str(BULK)], check=True,
                       capture_output=True)
    else:
        subprocess.run([python, __file__, "--child", str(db), "--pages", str(pages)], check=True, capture_output=True)
    return db


def fetched(db: str, pages: int) -> None:
    """The child: fetch the bench's pages from its local hosts into `db` (this interpreter's briefarc)."""
    sys.path[:0] = [str(ROOT / "bench")]
    from briefarc.collect import FetchOptions, collect
    from briefarc.models import Source
    from briefarc.net.fetch import FetchConfig, run
    from briefarc.store.db import open_database
    from fetch import sites

    with sites(5, pages, 0.0) as (sitemaps, _):
        archive = open_database(Path(db))
        sources = [Source(name=f"host{n}", kind="sitemap", url=url) for n, url in enumerate(sitemaps)]
        run(collect(archive, sources, [], FetchOptions(config=FetchConfig(per_host=4, total=20, delay=0.0))))
        archive.conn.close()


def tables(conn: sqlite3.Connection) -> list[str]:
    """The tables to compare row by row: not FTS5's (compared as contents) nor SQLite's own."""
    names = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    shadows = tuple(f"{index}_" for index in INDEXES)
    return [name for name in names if name not in INDEXES and not name.startswith(shadows + ("sqlite_",))]


class Dump:
    """An archive's contents with times left out, ids mapped to what they stand for, ports to host numbers."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)
        ports = self.conn.execute("SELECT name, url FROM sources WHERE url LIKE 'http://127.0.0.1:%'").fetchall()
        self.ports = {re.search(r":(\d+)/", url)[1]: name for name, url in ports}
        self.names = {
            "documents": dict(self.conn.execute("SELECT id, key FROM documents")),
            "snapshots": {i: f"{key}@{sha}" for i, key, sha in self.conn.execute(
                "SELECT s.id, d.key, s.sha256 FROM snapshots s JOIN documents d ON d.id = s.document_id")},
            "sources": dict(self.conn.execute("SELECT id, name FROM sources")),
            "runs": {i: self.value(source) for i, source in self.conn.execute("SELECT id, source_id FROM runs")},
        }

    def value(self, value: object) -> object:
        if isinstance(value, str) and self.ports:
            return re.sub(r"127\.0\.0\.1:(\d+)", lambda m: self.ports.get(m[1], m[0]), value)
        return value

    def rows(self, table: str) -> list[str]:
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
            return []  # a table that a later migration made, in the archive of an install from before it: no rows
        cursor = self.conn.execute(f"SELECT * FROM [{table}]")
        columns = [column[0] for column in cursor.description]
        out = []
        for row in cursor:
            record = {}
            for column, value in zip(columns, row, strict=True):
                if column in TIMES or column == "id":
                    continue
                if column in POINTERS and value is not None:
                    value = self.names[POINTERS[column]].get(value, f"missing {value}")
                if table == "blobs" and column == "data":
                    value = hashlib.sha256(zlib.decompress(value)).hexdigest()
                record[column] = self.value(value)
            out.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
        return sorted(out)

    def index(self, name: str) -> str:
        """sha256 of every (term, row, column, offset) of an FTS5 index, each row named by what it stands for."""
        self.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_{name} USING fts5vocab(main, {name}, "
                          "'instance')")
        named = dict(self.conn.execute(INDEXES[name]))
        digest = hashlib.sha256()
        for entry in sorted((term, self.value(named[doc]), column, offset) for term, doc, column, offset
                            in self.conn.execute(f"SELECT term, doc, col, offset FROM temp.vocab_{name}")):
            digest.update(repr(entry).encode())
        return digest.hexdigest()


def searched(python: str, db: Path, dump: Dump) -> list[str]:
    """`briefarc search --json` of each query, times left out, ids named."""
    found = []
    for query in QUERIES:
        done = subprocess.run([python, "-m", "briefarc", "search", "--db", str(db), "--json", "--limit", "50", "--",
                               query], capture_output=True, text=True)
        hits = []
        for line in done.stdout.splitlines() or [f"exit {done.returncode}: {done.stderr.strip()}"]:
            try:
                hit = json.loads(line)
            except json.JSONDecodeError:
                found.append(f"{query}: {line}")
                continue
            hit = {k: dump.value(dump.names["documents"].get(v) if k == "id" else v) for k, v in hit.items()
                   if k not in TIMES}
            hits.append(hit)
        found += [f"{query}: {json.dumps(hit, ensure_ascii=False, sort_keys=True)}" for hit in in_order(hits)]
    return found


def in_order(hits: list[dict]) -> list[dict]:
    """The hits in their order, but hits of equal rank by what they stand for: a tie is broken by row id, and
    a fetch numbers its pages in the order they arrived."""
    ranked = [(hit.get("rank", place), json.dumps(hit, sort_keys=True, ensure_ascii=False), hit)
              for place, hit in enumerate(hits)]  # a hit without a rank keeps its place
    return [hit for _, _, hit in sorted(ranked, key=lambda entry: entry[:2])]


def compare(kind: str, this: tuple[str, Path], other: tuple[str, Path]) -> int:
    """Print how the two archives compare; the number of differences."""
    dumps = [Dump(db) for _, db in (this, other)]
    differences = 0
    names = sorted(set(tables(dumps[0].conn)) | set(tables(dumps[1].conn)))
    for table in names:
        ours, theirs = (dump.rows(table) for dump in dumps)
        same = ours == theirs
        differences += not same
        print(f"  {kind:6} table {table:18} {len(ours):6} rows  {'same' if same else f'DIFFER ({len(theirs)} other)'}")
    for index in INDEXES:
        ours, theirs = (dump.index(index) for dump in dumps)
        differences += ours != theirs
        print(f"  {kind:6} index {index:18} contents {'same' if ours == theirs else 'DIFFER'}")
    ours, theirs = (searched(python, db, dump) for (python, db), dump in zip((this, other), dumps, strict=True))
    differences += ours != theirs
    print(f"  {kind:6} search: {len(QUERIES)} queries, {len(ours)} hits {'same' if ours == theirs else 'DIFFER'}")
    return differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--other", help="another install's python, whose archives these are compared with")
    parser.add_argument("--pages", type=int, default=1000, help="pages of the fetch (default 1000)")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # fetch into this database
    args = parser.parse_args()
    if args.child:
        fetched(args.child, args.pages)
        return 0
    if not args.other:
        parser.error("give --other PYTHON: the install to compare with")
    differences = 0
    with tempfile.TemporaryDirectory(prefix="same-store-") as folder:
        for kind in ("ingest", "fetch"):
            built = []
            for name, python in (("this", sys.executable), ("other", args.other)):
                (Path(folder) / name).mkdir(exist_ok=True)
                built.append((python, build(python, kind, Path(folder) / name, args.pages)))
            differences += compare(kind, built[0], built[1])
    print(f"{differences} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
