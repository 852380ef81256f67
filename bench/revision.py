"""Extraction speed of this tree against a git revision, on ordinary pages, in the same run.

    python bench/revision.py [--rev 6580fcb] [--measure instructions|cpu] [--every 4] [--runs 5]
                             [--sets article-bench wcxb]

The revision's src/ is unpacked with `git archive` into a temporary folder; each side runs in child
processes with PYTHONPATH set to its own src/ (checked in the child), on the same pages of
../shared/eval (article-bench and WCXB's development articles, every Nth page by id with --every N),
decoded once and warmed up on three pages before anything is measured. The cost of a side is either

- instructions (the default when valgrind is installed): what `extract` executes on every page,
  counted by callgrind (bench/counted.py), one run per side as the count repeats under any load; or
- cpu: the least CPU time (time.process_time) of --runs child processes per side, run in turn
  (this, base, this, base, ...).

The speed ratio is base cost / this cost: above 1 this tree is faster. The issue's goal (ordinary
pages no slower than before the linear-extraction fixes) allows 3%: ratio >= 0.97. The default base,
6580fcb, is the last commit before those fixes (find_turns joining each turn once came with the next,
5aeabc5; voters without lexbor's :has() and parent ids instead of ancestor tuples with e4a5a39).
Both carried other extractor work, so the ratio measures everything since, not the fixes alone.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import counted  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BEFORE_FIXES = "6580fcb"
TARGET_RATIO = 0.97


def pages(sets: list[str], every: int) -> list[tuple[bytes, str | None]]:
    """Every Nth page of the evaluation sets (by id), encoded as the extractor gets them."""
    import extraction

    chosen = []
    for name in sets:
        folder, load = extraction.SETS[name]
        cases = sorted(load(folder), key=lambda case: case.key)
        chosen += [(case.page.encode("utf-8"), case.url) for case in cases[::every]]
    return chosen


def child(measure: str, sets: list[str], every: int) -> None:
    """Extract the pages once after a warm-up; print CPU seconds (the count is taken by callgrind)."""
    import briefarc
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    expected = os.environ["BRIEFARC_TREE"]
    if not briefarc.__file__ or not briefarc.__file__.startswith(expected):
        sys.exit(f"briefarc was imported from {briefarc.__file__}, not from {expected}")
    chosen = pages(sets, every)

    def run_all(batch: list[tuple[bytes, str | None]]) -> None:
        for data, url in batch:
            with contextlib.suppress(InputError):
                extract(data, url=url, content_type="text/html; charset=utf-8")

    run_all(chosen[:3])
    started = time.process_time()
    if measure == "instructions":
        counted.counted(run_all, chosen)
    else:
        run_all(chosen)
    print(json.dumps({"seconds": time.process_time() - started, "pages": len(chosen)}))


def unpack(rev: str, folder: Path) -> Path:
    """The revision's src/ under `folder` (git archive: no worktree, no checkout)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src"], capture_output=True,
                          check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(folder, filter="data")
    return folder / "src"


def side_command(src: Path, args: argparse.Namespace) -> tuple[list[str], dict[str, str]]:
    argv = [__file__, "--child", args.measure, "--every", str(args.every), "--sets", *args.sets]
    env = {**os.environ, "PYTHONPATH": str(src), "BRIEFARC_TREE": str(src / "briefarc")}
    return argv, env


def cost(src: Path, args: argparse.Namespace) -> float:
    argv, env = side_command(src, args)
    if args.measure == "instructions":
        return float(counted.instruction_counts(argv, env)[0])
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-500:])
    return json.loads(done.stdout)["seconds"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default=BEFORE_FIXES, help="the git revision to compare with")
    parser.add_argument("--measure", choices=("instructions", "cpu"),
                        default="instructions" if counted.available() else "cpu")
    parser.add_argument("--every", type=int, default=None, help="every Nth page (default 4 counted, 1 timed)")
    parser.add_argument("--runs", type=int, default=5, help="child processes per side with --measure cpu")
    parser.add_argument("--sets", nargs="+", default=["article-bench", "wcxb"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.every = args.every or (4 if (args.child or args.measure) == "instructions" else 1)
    if args.child:
        child(args.child, args.sets, args.every)
        return 0
    import extraction

    missing = [name for name in args.sets if not extraction.SETS[name][0].exists()]
    if missing:
        print(f"no {', '.join(missing)} under {extraction.SHARED / 'eval'}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="briefarc-base-") as folder:
        try:
            base_src = unpack(args.rev, Path(folder))
        except subprocess.CalledProcessError as exc:
            print(f"cannot read revision {args.rev}: {exc.stderr.decode().strip()}", file=sys.stderr)
            return 1
        sides = {"this tree": ROOT / "src", f"base {args.rev}": base_src}
        costs: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(args.runs if args.measure == "cpu" else 1):
            for name, src in sides.items():
                costs[name].append(cost(src, args))
    unit = "M instructions" if args.measure == "instructions" else "CPU s (least of runs)"
    for name, values in costs.items():
        shown = min(values) / 1e6 if args.measure == "instructions" else min(values)
        print(f"{name:<20} {shown:12.3f} {unit}" + ("" if len(values) < 2 else f"  runs: {values}"))
    this, base = (min(values) for values in costs.values())
    ratio = base / this
    verdict = "PASS" if ratio >= TARGET_RATIO else "FAIL"
    print(f"speed ratio this/base {ratio:.3f} ({args.measure}, 1 page in {args.every} of {' and '.join(args.sets)}; "
          f"target >= {TARGET_RATIO}): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
