"""Start-up benchmark: whole-process CPU time of light commands, beside two peers in the same run.

Each command runs as a fresh process `--runs` times; its CPU time (user + system, read with
resource.getrusage(RUSAGE_CHILDREN) around the run) is what counts, so a busy machine changes the
figures less than wall-clock time would. The peers: `python -c pass` (the floor any Python command
pays) and `sqlite-utils search` on the same archive (a Python tool doing the same job).

Targets (issue 12): --help <= 0.12 s, search --json and show --json <= 0.15 s, a table search
<= 0.2 s, parse --json of one page <= 0.25 s (medians).

    python bench/startup.py [--runs 11]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
PAGE = SAMPLES / "china-mfa-en-new.html"


def cpu_seconds(command: list[str], env: dict, check: bool = True) -> float:
    """CPU time of one whole process (and any children it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=check, capture_output=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def rows(base: list[str], db: Path) -> list[tuple[str, list[str], float | None]]:
    sqlite_utils = shutil.which("sqlite-utils") or "sqlite-utils"
    return [
        ("python -c pass (floor)", [sys.executable, "-c", "pass"], None),
        ("sqlite-utils search (peer)", [sqlite_utils, "search", str(db), "documents", "Taliban"], None),
        ("briefarc --help", [*base, "--help"], 0.12),
        ("briefarc search --json", [*base, "search", "briefing", "--json"], 0.15),
        ("briefarc show 1 --json", [*base, "show", "1", "--json"], 0.15),
        ("briefarc search (table)", [*base, "search", "briefing"], 0.2),
        ("briefarc list --json", [*base, "list", "--json"], None),
        ("briefarc parse --json", [*base, "parse", str(PAGE), "--json"], 0.25),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefarc-startup-"))
    db = work / "small.db"
    env = {**os.environ, "BRIEFARC_DB": str(db), "COLUMNS": "120"}
    exe = shutil.which("briefarc")
    base = [exe] if exe else [sys.executable, "-m", "briefarc"]
    try:
        subprocess.run([*base, "ingest", str(SAMPLES)], check=True, capture_output=True, env=env)
        print(f"{'command':<28} {'CPU median':>10} {'target':>8}")
        ok = True
        table = rows(base, db)
        times: list[list[float]] = [[] for _ in table]
        for _ in range(args.runs):  # round after round, so that a change of load falls on every command alike
            for index, (_, command, target) in enumerate(table):
                times[index].append(cpu_seconds(command, env, check=target is not None))
        for (label, _, target), runs in zip(table, times, strict=True):
            median = statistics.median(runs)
            verdict = "" if target is None else ("PASS" if median <= target else "FAIL")
            ok &= verdict != "FAIL"
            limit = f"{target:.2f} s" if target else ""
            print(f"{label:<28} {median:>8.3f} s {limit:>8}  {verdict}")
        print(f"all targets (median of {args.runs} runs, CPU time): {'PASS' if ok else 'FAIL'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
