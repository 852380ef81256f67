"""Start-up benchmark: `briefarc --help` and one search on a small archive, as whole processes.

Target (issue 2): at most 0.35 s each (median of the runs). For comparison the same run times
a bare `python -c pass`, the floor any Python command pays.

    python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 0.35


def timed(command: list[str], runs: int, env: dict) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefarc-startup-"))
    env = {**os.environ, "BRIEFARC_DB": str(work / "small.db"), "COLUMNS": "120"}
    exe = shutil.which("briefarc") or ""
    base = [exe] if exe else [sys.executable, "-m", "briefarc"]
    try:
        subprocess.run([*base, "ingest", str(ROOT / "data" / "samples")], check=True, capture_output=True, env=env)
        rows = [
            ("python -c pass (floor)", [sys.executable, "-c", "pass"], None),
            ("briefarc --help", [*base, "--help"], TARGET),
            ("briefarc search Taliban", [*base, "search", "Taliban"], TARGET),
            ("briefarc search --json", [*base, "search", "briefing", "--json"], TARGET),
        ]
        ok = True
        for label, command, target in rows:
            median = timed(command, args.runs, env)
            verdict = "" if target is None else ("PASS" if median <= target else "FAIL")
            ok &= verdict != "FAIL"
            print(f"{label:<28} {median * 1000:>6.0f} ms  {verdict}")
        print(f"target <= {TARGET * 1000:.0f} ms (median of {args.runs}): {'PASS' if ok else 'FAIL'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
