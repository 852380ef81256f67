"""Pathological pages: does extraction stay linear in the input?

    python bench/pathological.py [--sizes 1 2 4] [--only nested-divs ...] [--measure instructions|cpu]
                                 [--runs 3] [--jobs 2] [--limit-mb 3000] [--timeout 120]

Each kind of page (deep nesting, a deep thread of comments, very many paragraphs or links, one huge text node,
tables with text
in every cell) is built at 1x, 2x and 4x its base size. The growth exponent is the least-squares slope
of log cost against log size (1.0 is linear; the goal is <= 1.1), where the cost is:

- instructions (the default when valgrind is installed): the instructions `briefarc.extract.extract`
  executes, counted by callgrind (bench/counted.py), which do not move with the machine's load. As a
  count takes about 50x the call's time, the kinds that cost most per byte are counted at a smaller
  base (the `counted` column); all sizes of a kind are counted in one child process after a warm-up.
- cpu: the least CPU time (time.process_time) of --runs fresh processes per size, run in turn
  (1x 2x 4x 1x 2x 4x ...), for machines without valgrind.

Peak memory is always taken at the full sizes, in a fresh process per size: the growth of its maximum
resident set during extraction, against the goal of 10x the page's size plus 50 MB. A process that
passes --limit-mb of address space or --timeout seconds of CPU is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import resource
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import counted  # noqa: E402

TARGET_EXPONENT = 1.1
MEMORY_FACTOR, MEMORY_EXTRA_MB = 10, 50
WARM_UP = b"<html><body><article><p>" + b"A warm-up paragraph of words. " * 20 + b"</p></article></body></html>"


def nested_divs(n: int) -> str:
    return "<html><body>" + "<div>level text" * n + "deep text " * 20 + "</div>" * n + "</body></html>"


def unclosed_divs(n: int) -> str:
    return "<html><body><article><p>" + "Some article text here. " * 20 + "</p>" + "<div>x" * n + "</body></html>"


def nested_tables(n: int) -> str:
    return "<html><body>" + "<table><tr><td>cell text " * n + "inner" + "</td></tr></table>" * n + "</body></html>"


def paragraphs(n: int) -> str:
    para = "<p>The spokesperson said the talks would continue next week in the capital, officials noted.</p>"
    return "<html><head><title>Many paragraphs</title></head><body><article>" + para * n + "</article></body></html>"


def links(n: int) -> str:
    items = "".join(f'<li><a href="/item/{i}">Item number {i} of the long list of links</a></li>' for i in range(n))
    return f"<html><body><p>{'Intro text of the page. ' * 10}</p><ul>{items}</ul></body></html>"


def huge_text(n: int) -> str:
    return "<html><body><article><p>" + "word " * n + "</p></article></body></html>"


def table_cells(n: int) -> str:
    row = "<tr>" + "<td>Text in the cell of a wide table with words</td>" * 20 + "</tr>"
    return "<html><body><table>" + row * (n // 20) + "</table></body></html>"


def nested_comments(n: int) -> str:
    """A thread of replies, each inside the one it answers, under an article dated by the line under its headline:
    the comment elements that hold a date line (each of them) are read for it. The dates' reading is linear; so is
    the body's furniture check since each nested comment no longer reads its own text and looks for an h1 in its
    whole nest (content.py Page.spared: cpu growth 1.25 at 9948c01, 1.29 after the dates' comment rule, 0.98-1.08
    after; 8,000 replies 1.41 -> 0.58 s, --runs 3)."""
    reply = "<div class='comment'><p>A reply of June 5, 2024 that says the envoy was right to go.</p>"
    return ("<html><body><article><h1>Envoy summoned</h1><p>June 5, 2024</p><p>" + "Some article text here. " * 20
            + "</p></article>" + reply * n + "</div>" * n + "</body></html>")


PAGES = {  # name: (builder, base size, base size for instruction counts)
    "nested-divs": (nested_divs, 10_000, 10_000),
    "unclosed-divs": (unclosed_divs, 10_000, 10_000),
    "nested-tables": (nested_tables, 2_000, 2_000),
    "paragraphs": (paragraphs, 37_500, 2_000),
    "links": (links, 25_000, 2_000),
    "huge-text": (huge_text, 250_000, 100_000),
    "table-cells": (table_cells, 25_000, 2_500),
    "nested-comments": (nested_comments, 2_000, 1_000),
}


def page(name: str, size: int) -> bytes:
    return PAGES[name][0](size).encode("utf-8")


def extract_quietly(data: bytes) -> None:
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    with contextlib.suppress(InputError):
        extract(data, content_type="text/html; charset=utf-8")


def measure_one(name: str, size: int) -> dict:
    """Build one page and extract it in this process: CPU seconds and peak memory growth."""
    data = page(name, size)
    extract_quietly(WARM_UP)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.process_time()
    extract_quietly(data)
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    return {"cpu": cpu, "peak_mb": peak / 1024, "page_mb": len(data) / 1e6}


def count_all(name: str, sizes: list[int]) -> None:
    """The child under callgrind: each size extracted once in the counted window."""
    extract_quietly(WARM_UP)
    for size in sizes:
        data = page(name, size)
        counted.counted(extract_quietly, data)


def run_child(name: str, size: int, limit_mb: int, timeout: int) -> dict | None:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 2**20, limit_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_CPU, (timeout, timeout))

    done = subprocess.run([sys.executable, __file__, "--child", name, str(size)], capture_output=True,
                          text=True, preexec_fn=limits, check=False)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout)


def exponent(sizes: list[int], costs: list[float]) -> float | None:
    """The least-squares slope of log cost against log size."""
    points = [(math.log(s), math.log(t)) for s, t in zip(sizes, costs, strict=True) if t > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def measure_kind(name: str, args: argparse.Namespace) -> dict:
    """Memory (and CPU) at the full sizes, then instruction counts when asked: rows and verdicts."""
    base, counted_base = PAGES[name][1], PAGES[name][2]
    sizes = [base * multiple for multiple in args.sizes]
    best: dict[int, dict] = {}
    for _ in range(args.runs if args.measure == "cpu" else 1):
        for size in sizes:
            result = run_child(name, size, args.limit_mb, args.timeout)
            if result is None:
                return {"name": name, "stopped": size, "best": best}
            old = best.get(size)
            best[size] = result if old is None else {**result, "cpu": min(result["cpu"], old["cpu"]),
                                                     "peak_mb": max(result["peak_mb"], old["peak_mb"])}
    outcome: dict = {"name": name, "sizes": sizes, "best": best,
                     "cpu_exponent": exponent(sizes, [best[size]["cpu"] for size in sizes])}
    if args.measure == "instructions":
        counted_sizes = [counted_base * multiple for multiple in args.sizes]
        counts = counted.instruction_counts([__file__, "--count", name, *map(str, counted_sizes)])
        outcome.update(counted_sizes=counted_sizes, counts=counts, exponent=exponent(counted_sizes, counts))
    else:
        outcome["exponent"] = outcome["cpu_exponent"]
    return outcome


def report(outcome: dict, measure: str) -> bool:
    """Print one kind's rows and verdict line; True when it fails a goal."""
    name, best = outcome["name"], outcome["best"]
    failed = False
    for index, (size, result) in enumerate(best.items()):
        goal = MEMORY_FACTOR * result["page_mb"] + MEMORY_EXTRA_MB
        failed |= result["peak_mb"] > goal
        count = ""
        if "counts" in outcome:
            count = f"{outcome['counted_sizes'][index]:>9} {outcome['counts'][index] / 1e6:11.1f}"
        print(f"{name:<14} {size:>8} {result['page_mb']:6.2f} {result['cpu']:8.3f} {result['peak_mb']:8.1f} "
              f"{goal:8.1f} {'ok' if result['peak_mb'] <= goal else 'OVER':>4}  {count}")
    if "stopped" in outcome:
        print(f"{name:<14} {outcome['stopped']:>8} stopped (over the CPU or memory limit): FAIL")
        return True
    slope = outcome["exponent"]
    verdict = "PASS" if slope is not None and slope <= TARGET_EXPONENT and not failed else "FAIL"
    cpu_slope = outcome["cpu_exponent"]
    extra = f" (CPU time, one run each: {cpu_slope:.2f})" if measure == "instructions" and cpu_slope else ""
    print(f"{name:<14} growth exponent of {measure} {slope:.2f}{extra}, goal <= {TARGET_EXPONENT}; "
          f"memory {'within' if not failed else 'OVER'} goal: {verdict}")
    return verdict == "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4], help="multiples of the base size")
    parser.add_argument("--only", nargs="+", choices=tuple(PAGES), help="some kinds of page")
    parser.add_argument("--measure", choices=("instructions", "cpu"),
                        default="instructions" if counted.available() else "cpu",
                        help="cost whose growth is measured (instructions need valgrind)")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per size with --measure cpu")
    parser.add_argument("--jobs", type=int, default=2, help="kinds of page measured at once")
    parser.add_argument("--limit-mb", type=int, default=3000, help="address space allowed per page")
    parser.add_argument("--timeout", type=int, default=120, help="CPU seconds allowed per page")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--count", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_one(args.child[0], int(args.child[1]))))
        return 0
    if args.count:
        count_all(args.count[0], [int(size) for size in args.count[1:]])
        return 0
    print(f"{'page':<14} {'size':>8} {'MB':>6} {'CPU s':>8} {'peak MB':>8} {'goal MB':>8} {'mem':>4}"
          + (f"  {'counted':>9} {'instr (M)':>11}" if args.measure == "instructions" else ""))
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outcomes = pool.map(lambda name: measure_kind(name, args), args.only or PAGES)
        failed = [report(outcome, args.measure) for outcome in outcomes]
    print(f"{sum(failed)} of {len(failed)} kinds fail" if any(failed) else f"all {len(failed)} kinds pass")
    return 1 if any(failed) else 0


if __name__ == "__main__":
    sys.exit(main())
