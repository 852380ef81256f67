"""Chinese words against character pairs: the CPU time of collocates, keywords and outlets on real China MFA
pages, this checkout's code beside a base revision's (main by default) in the same run.

The archive is ../shared/corpus/fmprc-bulk (about 270 real pages, two thirds Chinese), ingested once by this
checkout. Each command runs as a fresh process `--runs` times for each code, the two alternating; its CPU
time (user + system, resource.getrusage(RUSAGE_CHILDREN) around the run) is what counts. The base's source
is taken with `git archive` and put first on PYTHONPATH. Also printed: the top rows of the Chinese queries
under each code, and what loading the dictionary costs on its own (`import rjieba` and a first cut).

    python bench/cjk_words.py [--runs 7] [--base main] [--top 12]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import cpu_seconds  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "fmprc-bulk"
COMMANDS = [
    ["collocates", "台湾"],
    ["collocates", "美国"],
    ["collocates", "发言人"],
    ["keywords", "--lang", "zh", "--since", "2020"],
    ["outlets"],
    ["collocates", "China"],
    ["keywords", "--lang", "en", "--since", "2020"],
]


def base_source(revision: str, into: Path) -> Path:
    """The base revision's src/ folder, unpacked under `into`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "src"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into / "src"


def environment(source: Path, db: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(source), "BRIEFARC_DB": str(db), "COLUMNS": "120"}


def top_words(command: list[str], env: dict, top: int) -> list[str]:
    out = subprocess.run([sys.executable, "-m", "briefarc", *command, "--json"], check=True, capture_output=True,
                         env=env, text=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    if command[0] == "outlets":
        return [f"{row['outlet']}: {' '.join(row['top_terms'])}" for row in rows[:top // 3]]
    return [row["word"] for row in rows[:top]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--base", default="main")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefarc-cjkwords-"))
    db = work / "bulk.db"
    subprocess.run([sys.executable, "-m", "briefarc", "ingest", str(BULK), "--db", str(db)], check=True,
                   capture_output=True)
    ours, base = environment(ROOT / "src", db), environment(base_source(args.base, work), db)
    load = [cpu_seconds([sys.executable, "-c", "import rjieba; rjieba.cut('外交部发言人')"], ours)
            for _ in range(args.runs)]
    floor = [cpu_seconds([sys.executable, "-c", "pass"], ours) for _ in range(args.runs)]
    print(f"rjieba load and first cut: {statistics.median(load) - statistics.median(floor):.3f} s CPU "
          f"(median of {args.runs}, less python -c pass)")
    for command in COMMANDS:
        argv = [sys.executable, "-m", "briefarc", *command]
        times: dict[str, list[float]] = {"base": [], "ours": []}
        for _ in range(args.runs):
            times["base"].append(cpu_seconds(argv, base))
            times["ours"].append(cpu_seconds(argv, ours))
        old, new = statistics.median(times["base"]), statistics.median(times["ours"])
        print(f"{' '.join(command):<32} {args.base} {old:6.3f} s   this {new:6.3f} s   ratio {new / old:5.2f}")
    for command in COMMANDS[:5]:
        print(f"\n{' '.join(command)}\n  {args.base}: {' | '.join(top_words(command, base, args.top))}"
              f"\n  this: {' | '.join(top_words(command, ours, args.top))}")


if __name__ == "__main__":
    main()
