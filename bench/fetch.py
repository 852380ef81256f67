"""Fetch benchmark: 1,000 pages over 5 local hosts, 50 ms latency per response, per-host concurrency 4.

    python bench/fetch.py [--pages 1000] [--hosts 5] [--latency 0.05] [--per-host 4] [--only engine|pipeline]
                          [--repeat 3]

Target (issue 4): wall time within 1.3x the ideal, pages x latency / (hosts x per-host concurrency).
Delay 0, robots.txt honoured (each host serves a permissive one). The hosts are lean asyncio servers
(bench/hosts.py) in a child process whose CPU time is printed: on the real network that work is done
elsewhere. CPU per page is the client's: the main process (time.process_time) and, beside it, the
extraction workers (briefarc.offload), counted when they end.

Both variants run `briefarc fetch` itself (briefarc.collect.collect) over five sitemap sources, one
per host, each naming its 200 pages, into a fresh SQLite database:
  engine    discovery, the polite client, the request log and the record of seen URLs, with the
            page handling (extract and save) switched off: the scheduling the target is about;
  pipeline  the whole of it: every page is also extracted (in the worker processes) and saved.
Exit status 1 when the engine misses the target; the pipeline's figures are printed beside theirs
(issue 12, point 4): CPU per page of all the client's processes together <= 6 ms, and wall time
<= 1.5x the ideal on two cores, <= 1.3x on four or more.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from briefarc.collect import FetchOptions, collect  # noqa: E402
from briefarc.items import ItemHandler  # noqa: E402
from briefarc.models import Source  # noqa: E402
from briefarc.net.fetch import FetchConfig, run  # noqa: E402
from briefarc.store.db import open_database  # noqa: E402
from pages import page  # noqa: E402

TARGET = 1.3
PIPELINE_CPU_MS = 6.0  # CPU per page, the main process and the extraction workers together
VARIANTS = ("engine", "pipeline")


@dataclass
class Result:
    variant: str
    pages: int
    wall: float
    cpu: float  # this process
    workers_cpu: float  # the extraction workers (briefarc.offload), once they have ended
    stored: int
    failures: list[str]

    def ratio(self, ideal: float) -> float:
        return self.wall / ideal

    @property
    def target(self) -> float:
        """The engine's 1.3x; the pipeline's depends on the cores it has for its extraction workers."""
        return TARGET if self.variant == "engine" or cores() >= 4 else 1.5

    def cpu_ms(self) -> float:
        return (self.cpu + self.workers_cpu) / max(self.pages, 1) * 1000

    def passed(self, ideal: float) -> bool:
        fast = self.ratio(ideal) <= self.target
        return not self.failures and fast and (self.variant == "engine" or self.cpu_ms() <= PIPELINE_CPU_MS)


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# -- the servers, in a child process ----------------------------------------------------------------------


def serve(conn, hosts: int, pages: int, latency: float) -> None:
    """Start the hosts, send their ports, wait for the word to stop, send this process's CPU time."""
    asyncio.run(_serve(conn, hosts, pages, latency))


async def _serve(conn, count: int, pages: int, latency: float) -> None:
    from hosts import Host

    hosts = [Host(latency) for _ in range(count)]
    for host in hosts:
        await host.start()
        host.page("/robots.txt", b"User-agent: *\nDisallow:\n", "text/plain")
    names = []
    for index in range(pages):
        name, data = page(index)
        hosts[index % count].page(f"/briefings/{name}", data.encode() if isinstance(data, str) else data)
        names.append(name)
    for number, host in enumerate(hosts):
        urls = "".join(f"<url><loc>{host.url(f'/briefings/{names[index]}')}</loc></url>"
                       for index in range(number, pages, count))
        host.page("/sitemap.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                  .encode(), "application/xml")
    conn.send([host.port for host in hosts])
    setup = time.process_time()  # making the pages is not serving them
    await asyncio.get_running_loop().run_in_executor(None, conn.recv)
    conn.send(time.process_time() - setup)


@contextmanager
def sites(hosts: int, pages: int, latency: float) -> Iterator[tuple[list[str], list[float]]]:
    """Each host's sitemap URL; the list given receives the server process's CPU seconds."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=serve, args=(child, hosts, pages, latency), daemon=True)
    process.start()
    server_cpu: list[float] = []
    try:
        ports = parent.recv()
        yield [f"http://127.0.0.1:{port}/sitemap.xml" for port in ports], server_cpu
        parent.send("stop")
        server_cpu.append(parent.recv())
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()


# -- the measurement --------------------------------------------------------------------------------------


async def _count_only(self, item, page, into=None) -> list:
    """The engine variant's page handling: none."""
    return []


@contextmanager
def handling_switched_off() -> Iterator[None]:
    """The engine variant: fetched pages are counted, not extracted or saved."""
    original = ItemHandler._store
    ItemHandler._store = _count_only
    try:
        yield
    finally:
        ItemHandler._store = original


def measure(variant: str, sitemaps: list[str], config: FetchConfig) -> Result:
    with tempfile.TemporaryDirectory(prefix="briefarc-bench-") as folder:
        db = open_database(Path(folder) / "bench.db")
        sources = [Source(name=f"host{n}", kind="sitemap", url=url) for n, url in enumerate(sitemaps)]
        options = FetchOptions(config=config)
        switch = handling_switched_off() if variant == "engine" else _nothing()
        with switch:
            wall, cpu, workers = time.perf_counter(), time.process_time(), _children_cpu()
            reports = run(collect(db, sources, [], options))
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            workers = _children_cpu() - workers
        failures = [f"{url}: {reason}" for r in reports for url, reason in r.failures]
        failures += [f"{r.name}: {r.error}" for r in reports if r.error]
        fetched = sum(r.fetched for r in reports)
        stored = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        db.conn.close()
    return Result(variant, fetched, wall, cpu, workers, stored, failures)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def report(results: list[Result], ideal: float) -> None:
    print(f"{'variant':<10} {'pages':>6} {'stored':>7} {'wall':>8} {'ideal':>8} {'ratio':>7} {'target':>7} "
          f"{'result':>7} {'CPU/page':>10} {'workers/page':>13} {'all/page':>9}")
    for result in results:
        verdict = "PASS" if result.passed(ideal) else "FAIL"
        cpu = f"{result.cpu / max(result.pages, 1) * 1000:.2f}ms"
        workers = f"{result.workers_cpu / max(result.pages, 1) * 1000:.2f}ms"
        print(f"{result.variant:<10} {result.pages:>6} {result.stored:>7} {result.wall:>7.2f}s {ideal:>7.2f}s "
              f"{result.ratio(ideal):>6.2f}x {result.target:>6.2f}x {verdict:>7} {cpu:>10} {workers:>13} "
              f"{result.cpu_ms():>7.2f}ms")
        for failure in result.failures[:5]:
            print(f"  failed: {failure}")
        if len(result.failures) > 5:
            print(f"  ... and {len(result.failures) - 5} more failures")
    print(f"pipeline targets: all/page <= {PIPELINE_CPU_MS:g} ms; wall <= 1.5x the ideal on 2 cores, 1.3x on 4 "
          f"(this machine: {cores()} cores{'; 4 cannot be measured here' if cores() < 4 else ''})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds each response waits (default 0.05)")
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--only", choices=VARIANTS)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each variant; the fastest counts")
    args = parser.parse_args(argv)

    config = FetchConfig(per_host=args.per_host, total=args.hosts * args.per_host, delay=0.0, respect_robots=True)
    ideal = args.pages * args.latency / (args.hosts * args.per_host)
    print(f"{args.pages} pages over {args.hosts} local hosts, {args.latency * 1000:g} ms per response, "
          f"per-host concurrency {args.per_host} (total {config.total}), delay 0, robots.txt honoured")
    print(f"ideal: {args.pages} x {args.latency:g} s / ({args.hosts} x {args.per_host}) = {ideal:.2f} s; "
          f"target {TARGET}x = {ideal * TARGET:.2f} s")
    results = []
    for variant in VARIANTS:
        if args.only and variant != args.only:
            continue
        runs = []
        for _ in range(args.repeat):  # fresh servers and database each time; the fastest run counts
            with sites(args.hosts, args.pages, args.latency) as (sitemaps, server_cpu):
                runs.append(measure(variant, sitemaps, config))
            print(f"({variant}: {runs[-1].wall:.2f} s; the servers' process used {server_cpu[0]:.2f} s of CPU)")
        results.append(min(runs, key=lambda result: result.wall))
    report(results, ideal)
    engine = [result for result in results if result.variant == "engine"]
    return 0 if all(result.passed(ideal) for result in engine) else 1


if __name__ == "__main__":
    sys.exit(main())
