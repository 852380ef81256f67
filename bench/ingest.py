"""Ingest benchmark: end-to-end pages/s and peak memory, against parse-only pages/s in the same run.

Targets (issue 2): storing adds at most 50% to the parse-only time; peak memory at 10,000 pages
within 20% of that at 1,000. Each measurement runs in a fresh child process so that its peak
resident memory is its own.

    python bench/ingest.py [--sizes 1000 10000] [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import page  # noqa: E402


def write_pages(folder: Path, count: int) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for index in range(count):
        name, data = page(index)
        (folder / name).write_bytes(data)
        total += len(data)
    return total


def child(mode: str, folder: str, db: str) -> None:
    """Run one measurement and print a JSON line: seconds, pages, peak RSS in KiB."""
    import gc

    from briefarc.extract.core import extract
    from briefarc.files.ingest import ingest
    from briefarc.store.db import open_database

    files = sorted(Path(folder).glob("*.html"))
    database = open_database(Path(db)) if mode == "ingest" else None
    extract(files[0].read_bytes())  # both modes start warm: patterns compiled, modules loaded
    gc.collect()
    start = time.perf_counter()
    if mode == "parse":
        for path in files:
            extract(path.read_bytes())
    else:
        report = ingest(database, [folder])
        assert not report.failed, report.failed[:3]
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    writer = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the writer process, when there is one
    print(json.dumps({"seconds": seconds, "pages": len(files), "peak_kib": peak + writer, "writer_kib": writer}))


def measure(mode: str, folder: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(folder), str(db)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--keep", help="Write the pages and databases here and keep them.")
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each measurement; the fastest counts.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    work = Path(args.keep or tempfile.mkdtemp(prefix="briefarc-bench-"))
    try:
        run(work, args.sizes, args.repeat)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def measure_pair(folder: Path, db: Path, repeat: int) -> tuple[dict, dict]:
    """Parse-only and ingest, alternately `repeat` times into a fresh database each time: the fastest
    run of each (the least disturbed by whatever else the machine does) and the highest memory peak."""
    parsed, stored = [], []
    for _ in range(repeat):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        parsed.append(measure("parse", folder, db))
        stored.append(measure("ingest", folder, db))
    best = min(stored, key=lambda r: r["seconds"])
    best = {**best, "peak_kib": max(r["peak_kib"] for r in stored), "writer_kib": max(r["writer_kib"] for r in stored)}
    return min(parsed, key=lambda r: r["seconds"]), best


def run(work: Path, sizes: list[int], repeat: int) -> None:
    print(f"{'pages':>7} {'parse p/s':>10} {'ingest p/s':>11} {'store overhead':>15} {'peak MiB':>9}"
          "  (peak: ingesting process + writer process)")
    peaks = {}
    ok = True
    for size in sizes:
        folder = work / f"pages-{size}"
        megabytes = write_pages(folder, size) / 2**20
        parsed, stored = measure_pair(folder, work / f"ingest-{size}.db", repeat)
        overhead = stored["seconds"] / parsed["seconds"] - 1
        peaks[size] = stored["peak_kib"] / 1024
        ok &= overhead <= 0.5
        print(f"{size:>7} {size / parsed['seconds']:>10.0f} {size / stored['seconds']:>11.0f} "
              f"{overhead:>14.0%} {peaks[size]:>9.1f}   (writer {stored['writer_kib'] / 1024:.1f} MiB; "
              f"{megabytes:.0f} MB of HTML)")
    print(f"target: storing adds at most 50% to parse-only time -> {'PASS' if ok else 'FAIL'}")
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        growth = peaks[large] / peaks[small] - 1
        verdict = "PASS" if growth <= 0.2 else "FAIL"
        print(f"target: peak memory at {large:,} within 20% of {small:,} -> {growth:+.1%} {verdict}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
