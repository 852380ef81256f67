"""Extraction speed of this tree against a git revision, on ordinary pages, in the same run.

    python bench/revision.py [--rev 6580fcb | --quadratic] [--measure instructions|cpu] [--every 4]
                             [--runs 5] [--sets article-bench wcxb corpus]

The revision's src/ is unpacked with `git archive` into a temporary folder; with --quadratic the base
is instead a copy of this tree's src/ with bench/quadratic.patch applied: the three linear-extraction
fixes of issue 12 put back in their old quadratic forms and nothing else. Each side runs in child
processes with PYTHONPATH set to its own src/ (checked in the child), on the same pages: those of
../shared/eval (article-bench and WCXB's development articles) and of ../shared/corpus/fmprc-bulk
(`corpus`: briefings with their URLs, where transcripts are read), every Nth page by id with --every N,
decoded once and warmed up on three pages before anything is measured. Each side prints a digest of
what it extracted: with --quadratic the two must agree. The cost of a side is either

- instructions (the default when valgrind is installed): what `extract` executes on every page,
  counted by callgrind (bench/counted.py), one run per side as the count repeats under any load; or
- cpu: the least CPU time (time.process_time) of --runs child processes per side, run in turn
  (this, base, this, base, ...).

The speed ratio is base cost / this cost: above 1 this tree is faster. The issue's goal (ordinary
pages no slower than before the linear-extraction fixes) allows 3%: ratio >= 0.97. The default base,
6580fcb, is the last commit before those fixes (find_turns joining each turn once came with the next,
5aeabc5; voters without lexbor's :has() and parent ids instead of ancestor tuples with e4a5a39).
Both carried other extractor work, so the ratio measures everything since, not the fixes alone:
--quadratic measures the fixes alone.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gzip
import hashlib
import io
import json
import os
import shutil
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
QUADRATIC = Path(__file__).resolve().parent / "quadratic.patch"
SET_NAMES = ("article-bench", "wcxb", "corpus")
Page = tuple[bytes, str | None, str | None]  # the bytes, URL and content type the extractor gets


def pages(sets: list[str], every: int) -> list[Page]:
    """Every Nth page of the sets (by id), encoded as the extractor gets them."""
    import extraction

    chosen: list[Page] = []
    for name in sets:
        if name == "corpus":
            chosen += corpus_pages(extraction.SHARED / "corpus" / "fmprc-bulk")[::every]
            continue
        folder, load = extraction.SETS[name]
        cases = sorted(load(folder), key=lambda case: case.key)
        chosen += [(case.page.encode("utf-8"), case.url, "text/html; charset=utf-8") for case in cases[::every]]
    return chosen


def corpus_pages(folder: Path) -> list[Page]:
    """The saved briefings as fetched: their bytes and URLs, the encoding left to the extractor."""
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    return [(gzip.decompress((folder / entry["file"]).read_bytes()), entry["url"], None)
            for entry in sorted(manifest, key=lambda entry: entry["file"])]


def child(measure: str, sets: list[str], every: int) -> None:
    """Extract the pages once after a warm-up; print CPU seconds (the count is taken by callgrind)."""
    import briefarc
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    expected = os.environ["BRIEFARC_TREE"]
    if not briefarc.__file__ or not briefarc.__file__.startswith(expected):
        sys.exit(f"briefarc was imported from {briefarc.__file__}, not from {expected}")
    chosen = pages(sets, every)
    digest = hashlib.sha256()

    def run_all(batch: list[Page], outputs: list) -> None:
        for data, url, content_type in batch:
            with contextlib.suppress(InputError):
                outputs.append(extract(data, url=url, content_type=content_type))

    run_all(chosen[:3], [])
    outputs: list = []
    started = time.process_time()
    if measure == "instructions":
        counted.counted(run_all, chosen, outputs)
    else:
        run_all(chosen, outputs)
    seconds = time.process_time() - started
    for document in outputs:
        digest.update(json.dumps(dataclasses.asdict(document), default=str, sort_keys=True).encode("utf-8"))
    print(json.dumps({"seconds": seconds, "pages": len(chosen), "digest": digest.hexdigest()[:16]}))


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


def quadratic(folder: Path) -> Path:
    """A copy of this tree's src/ under `folder` with the three fixes in their old forms."""
    src = folder / "src"
    shutil.copytree(ROOT / "src", src, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run(["git", "apply", "-p1", str(QUADRATIC)], cwd=folder, capture_output=True, check=True)
    return src


def cost(src: Path, args: argparse.Namespace) -> tuple[float, str]:
    """The side's cost and the digest of what it extracted."""
    argv, env = side_command(src, args)
    if args.measure == "instructions":
        counts, stdout = counted.counted_run(argv, env)
        return float(counts[0]), json.loads(stdout)["digest"]
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-500:])
    result = json.loads(done.stdout)
    return result["seconds"], result["digest"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default=BEFORE_FIXES, help="the git revision to compare with")
    parser.add_argument("--quadratic", action="store_true",
                        help="compare with this tree with only the three linear-extraction fixes undone")
    parser.add_argument("--measure", choices=("instructions", "cpu"),
                        default="instructions" if counted.available() else "cpu")
    parser.add_argument("--every", type=int, default=None, help="every Nth page (default 4 counted, 1 timed)")
    parser.add_argument("--runs", type=int, default=5, help="child processes per side with --measure cpu")
    parser.add_argument("--sets", nargs="+", choices=SET_NAMES, default=["article-bench", "wcxb"])
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.every = args.every or (4 if (args.child or args.measure) == "instructions" else 1)
    if args.child:
        child(args.child, args.sets, args.every)
        return 0
    import extraction

    folders = {name: extraction.SETS[name][0] for name in args.sets if name != "corpus"}
    folders.update({"corpus": extraction.SHARED / "corpus" / "fmprc-bulk"} if "corpus" in args.sets else {})
    missing = [str(folder) for folder in folders.values() if not folder.exists()]
    if missing:
        print(f"no {', '.join(missing)}", file=sys.stderr)
        return 1
    base_name = "base quadratic" if args.quadratic else f"base {args.rev}"
    with tempfile.TemporaryDirectory(prefix="briefarc-base-") as folder:
        try:
            base_src = quadratic(Path(folder)) if args.quadratic else unpack(args.rev, Path(folder))
        except subprocess.CalledProcessError as exc:
            what = f"apply {QUADRATIC.name} to this tree" if args.quadratic else f"read revision {args.rev}"
            print(f"cannot {what}: {exc.stderr.decode().strip()}", file=sys.stderr)
            return 1
        sides = {"this tree": ROOT / "src", base_name: base_src}
        costs: dict[str, list[float]] = {name: [] for name in sides}
        digests: dict[str, set[str]] = {name: set() for name in sides}
        for _ in range(args.runs if args.measure == "cpu" else 1):
            for name, src in sides.items():
                value, digest = cost(src, args)
                costs[name].append(value)
                digests[name].add(digest)
    unit = "M instructions" if args.measure == "instructions" else "CPU s (least of runs)"
    for name, values in costs.items():
        shown = min(values) / 1e6 if args.measure == "instructions" else min(values)
        print(f"{name:<20} {shown:12.3f} {unit}" + ("" if len(values) < 2 else f"  runs: {values}"))
    same = len(set.union(*digests.values())) == 1
    print(f"output: {'the same on both sides' if same else 'differs between the sides'} "
          f"(digests {', '.join(f'{name} {sorted(found)}' for name, found in digests.items())})")
    this, base = (min(values) for values in costs.values())
    ratio = base / this
    verdict = "PASS" if ratio >= TARGET_RATIO and (same or not args.quadratic) else "FAIL"
    print(f"speed ratio this/base {ratio:.3f} ({args.measure}, 1 page in {args.every} of {' and '.join(args.sets)}; "
          f"target >= {TARGET_RATIO}): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
