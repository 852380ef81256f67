"""Pathological pages: does extraction stay linear in the input?

    python bench/pathological.py [--sizes 1 2 4] [--only nested-divs ...] [--limit-mb 3000] [--timeout 120]

Each kind of page (deep nesting, very many paragraphs or links, one huge text node, tables with text
in every cell) is built at 1x, 2x and 4x its base size and extracted in a fresh process, which reports
the CPU time of `briefarc.extract.extract` and its peak memory (the growth of the process's maximum
resident set during extraction). The growth exponent is the slope of log CPU time against log size
(1.0 is linear; the goal is <= 1.1); the memory goal is 10x the page's size plus 50 MB. A process that
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

TARGET_EXPONENT = 1.1
MEMORY_FACTOR, MEMORY_EXTRA_MB = 10, 50


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


PAGES = {  # name: (builder, base size)
    "nested-divs": (nested_divs, 10_000),
    "unclosed-divs": (unclosed_divs, 10_000),
    "nested-tables": (nested_tables, 2_000),
    "paragraphs": (paragraphs, 37_500),
    "links": (links, 25_000),
    "huge-text": (huge_text, 250_000),
    "table-cells": (table_cells, 25_000),
}


def measure_one(name: str, size: int) -> dict:
    """Build one page and extract it in this process: CPU seconds and peak memory growth."""
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    data = PAGES[name][0](size).encode("utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(2):  # the best of two, as the machine is shared
        started = time.process_time()
        with contextlib.suppress(InputError):
            extract(data, content_type="text/html; charset=utf-8")
        times.append(time.process_time() - started)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    cpu = min(times)
    return {"cpu": cpu, "peak_mb": peak / 1024, "page_mb": len(data) / 1e6}


def run_child(name: str, size: int, limit_mb: int, timeout: int) -> dict | None:
    def limits() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_mb * 2**20, limit_mb * 2**20))
        resource.setrlimit(resource.RLIMIT_CPU, (timeout, timeout))

    done = subprocess.run([sys.executable, __file__, "--child", name, str(size)], capture_output=True,
                          text=True, preexec_fn=limits, check=False)
    if done.returncode != 0:
        return None
    return json.loads(done.stdout)


def exponent(sizes: list[int], times: list[float]) -> float | None:
    """The least-squares slope of log time against log size."""
    points = [(math.log(s), math.log(t)) for s, t in zip(sizes, times, strict=True) if t > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 2, 4], help="multiples of the base size")
    parser.add_argument("--only", nargs="+", choices=tuple(PAGES), help="some kinds of page")
    parser.add_argument("--limit-mb", type=int, default=3000, help="address space allowed per page")
    parser.add_argument("--timeout", type=int, default=120, help="CPU seconds allowed per page")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure_one(args.child[0], int(args.child[1]))))
        return 0
    print(f"{'page':<14} {'size':>8} {'MB':>6} {'CPU s':>8} {'peak MB':>8} {'goal MB':>8}")
    failed = False
    for name in args.only or PAGES:
        base = PAGES[name][1]
        sizes, times = [], []
        for multiple in args.sizes:
            result = run_child(name, base * multiple, args.limit_mb, args.timeout)
            if result is None:
                print(f"{name:<14} {base * multiple:>8} {'':>6} {'stopped (over the CPU or memory limit)':>26}")
                failed = True
                break
            goal = MEMORY_FACTOR * result["page_mb"] + MEMORY_EXTRA_MB
            failed |= result["peak_mb"] > goal
            print(f"{name:<14} {base * multiple:>8} {result['page_mb']:6.2f} {result['cpu']:8.3f} "
                  f"{result['peak_mb']:8.1f} {goal:8.1f}")
            sizes.append(base * multiple)
            times.append(result["cpu"])
        slope = exponent(sizes, times)
        if slope is not None:
            failed |= slope > TARGET_EXPONENT
            print(f"{name:<14} growth exponent {slope:.2f} (goal <= {TARGET_EXPONENT})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
