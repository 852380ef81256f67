"""Ingest throughput on real pages: pages per CPU-second of `briefarc ingest`, folder and WARC.

The pages are the ~290 China MFA pages of ../shared/corpus/fmprc-bulk (two thirds in Chinese). Each
run is a whole `briefarc ingest` process into a fresh database; its CPU time (user + system, its
writer process included) is read with resource.getrusage(RUSAGE_CHILDREN). In the same run, for
comparison: the same pages through the extractor alone (`briefarc parse --json`), a bare
`python -c pass`, and a bound: the same ingest into a database whose two full-text indexes are not fed (their
insert triggers dropped before the run). No design that keeps the word index can beat that row, so it shows
how much of the target is within reach of the save alone.

Target (issue 12): >= 250 pages per CPU-second for the folder and for a WARC of the same pages. The median
wall time is printed beside: with two cores, the writer process saves while this one extracts.

    python bench/ingest_real.py [--runs 3]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "fmprc-bulk"
TARGET = 250


def cpu_seconds(command: list[str]) -> tuple[float, float]:
    """The command's CPU time (its children included) and its wall time."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    after, wall = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter() - started
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def write_warc(folder: Path, target: Path) -> int:
    """The folder's pages as WARC response records, with the URL, date and type the manifest gives."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    manifest = json.loads((folder / "MANIFEST.json").read_text())
    with target.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for entry in manifest:
            body = gzip.decompress((folder / entry["file"]).read_bytes())
            headers = StatusAndHeaders(f"{entry['status']} OK", [("Content-Type", entry["content_type"])],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(entry["url"], "response", payload=io.BytesIO(body),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": entry["fetched"]})
            writer.write_record(record)
    return len(manifest)


UNINDEXED = "-unindexed.db"  # a database name ending so is made with the full-text insert triggers dropped


def fresh(db: Path | None) -> None:
    if db is None:
        return
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if db.name.endswith(UNINDEXED):
        unindexed(db)


def unindexed(db: Path) -> None:
    """An empty archive at `db` whose documents and turns are stored without feeding documents_fts or
    turns_fts (a bound for the bench, not a usable archive)."""
    from briefarc.store.db import open_database

    archive = open_database(db)
    archive.execute("DROP TRIGGER documents_ai")
    archive.execute("DROP TRIGGER turns_ai")
    archive.conn.commit()
    archive.conn.close()


def least_times(rows: list, runs: int) -> list[tuple[float, float]]:
    """Each row's least CPU time of `runs` and its median wall time, the rows taken in turn in each run: a
    change in the machine's load falls on every row alike, not on the rows measured while it lasts."""
    times: list[list[tuple[float, float]]] = [[] for _ in rows]
    for _ in range(runs):
        for times_of, (_, command, db, _) in zip(times, rows, strict=True):
            fresh(db)
            times_of.append(cpu_seconds(command))
    return [(min(cpu for cpu, _ in times_of), statistics.median(wall for _, wall in times_of)) for times_of in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="Runs of each; the least CPU time counts.")
    parser.add_argument("--other", help="Another install's briefarc executable (an older release), timed beside.")
    args = parser.parse_args()
    if not BULK.is_dir():
        sys.exit(f"{BULK} is missing: this bench reads the shared corpus.")
    exe = shutil.which("briefarc")
    base = [exe] if exe else [sys.executable, "-m", "briefarc"]
    work = Path(tempfile.mkdtemp(prefix="briefarc-ingest-real-"))
    try:
        pages = len(list(BULK.glob("*.html.gz")))
        warc = work / "bulk.warc.gz"
        write_warc(BULK, warc)
        db = work / "archive.db"
        rows: list = [
            ("python -c pass", [sys.executable, "-c", "pass"], None, False),
            ("parse --json (extract only)", [*base, "parse", str(BULK), "--json"], None, True),
            ("ingest folder", [*base, "ingest", str(BULK), "--db", str(db)], db, True),
            ("ingest WARC", [*base, "ingest", str(warc), "--db", str(db)], db, True),
        ]
        bare = work / f"archive{UNINDEXED}"
        bound = [("bound: ingest folder, no full-text index", [*base, "ingest", str(BULK), "--db", str(bare)],
                  bare, True)]
        if args.other:
            rows += [(f"other install: {label}", [args.other, *command[1:]], fresh, counted)
                     for label, command, fresh, counted in rows[1:]]
        rows += bound
        print(f"{pages} pages of {BULK.name}; least CPU time and median wall time of {args.runs} runs")
        print(f"{'command':<44} {'CPU s':>7} {'pages/CPU-s':>12}  target >= {TARGET}  {'wall s':>7}")
        for (label, _, db_of, counted), (seconds, wall) in zip(rows, least_times(rows, args.runs), strict=True):
            rate = f"{pages / seconds:>12.0f}" if counted else f"{'':>12}"
            verdict = ("PASS" if pages / seconds >= TARGET else "FAIL") if db_of else ""
            print(f"{label:<44} {seconds:>7.2f} {rate}  {verdict:<13}  {wall:>7.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
