"""Fetch benchmark: 1,000 pages over 5 local hosts, 50 ms latency per response, per-host concurrency 4.

    python bench/fetch.py [--pages 1000] [--hosts 5] [--latency 0.05] [--per-host 4] [--only fetch|pipeline]

Target (issue 6): wall time within 1.3x the ideal, pages x latency / (hosts x per-host concurrency).
Delay 0, robots.txt honoured (each host serves a permissive one). The servers run in a child process,
so the CPU time per page (time.process_time) is the client's own.

Each variant is a page handler, run on every fetched page (a handler may return an awaitable):
  fetch          the Fetcher alone: the page is fetched and dropped;
  pipeline       extract (briefarc.extract.extract) and save (briefarc.store.save_document) into a temporary
                 SQLite database, in the event loop, as `briefarc fetch` does today;
  pipeline-pool  the same work off the event loop: extraction in a worker process, saving in one writer
                 thread (sqlite3 lets go of the GIL while SQLite works). Its CPU per page adds the worker's.
The pipeline variants are skipped with a note when the extractor or the store does not import.
Needs the test extra (the servers are tests/siteserver.py). Exit status 1 when a variant misses the target.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

from briefarc.fetch import ANY_DOCUMENT_TYPES, FetchConfig, Fetcher, FetchFailure, Response  # noqa: E402
from pages import page  # noqa: E402

TARGET = 1.3
VARIANTS = ("fetch", "pipeline", "pipeline-pool")
Handler = Callable[[Response], Awaitable[None] | None]


@dataclass
class Result:
    variant: str
    pages: int
    wall: float
    cpu: float
    failures: list[str]
    extra_cpu: float = 0.0  # CPU seconds spent in worker processes on the client's behalf

    def ratio(self, ideal: float) -> float:
        return self.wall / ideal

    def passed(self, ideal: float) -> bool:
        return not self.failures and self.ratio(ideal) <= TARGET


# -- the servers, in a child process ----------------------------------------------------------------------


def serve(conn, hosts: int, pages: int, latency: float) -> None:
    """Start the sites, send their ports, wait for the word to stop, send this process's CPU time."""
    from tests.siteserver import SiteServer, robots

    servers = [SiteServer(latency=latency).start() for _ in range(hosts)]
    for server in servers:
        server.route("/robots.txt", robots())
    for index in range(pages):
        name, data = page(index)
        servers[index % hosts].page(f"/briefings/{name}", data)
    conn.send([server.port for server in servers])
    conn.recv()
    cpu = time.process_time()
    for server in servers:
        server.stop()
    conn.send(cpu)


@contextmanager
def sites(hosts: int, pages: int, latency: float) -> Iterator[tuple[list[str], list[float]]]:
    """The page URLs, spread over the hosts; the list given receives the server process's CPU seconds."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=serve, args=(child, hosts, pages, latency), daemon=True)
    process.start()
    server_cpu: list[float] = []
    try:
        ports = parent.recv()
        urls = [f"http://127.0.0.1:{ports[index % hosts]}/briefings/{page(index)[0]}" for index in range(pages)]
        yield urls, server_cpu
        parent.send("stop")
        server_cpu.append(parent.recv())
    finally:
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()


# -- page handlers: what happens to each fetched page ----------------------------------------------------


def drop(response: Response) -> None:
    """The fetch-only variant: nothing happens to the page."""


def pipeline_parts():
    """(extract, open_database, save_document, RawPage), or None with a note when they do not import yet."""
    try:
        from briefarc.extract import extract
        from briefarc.models import RawPage
        from briefarc.store import open_database, save_document
    except ImportError as exc:
        print(f"note: the pipeline variants are skipped: {exc}")
        return None
    return extract, open_database, save_document, RawPage


def raw_page(response: Response, raw_page_type):
    return raw_page_type(data=response.data, origin=response.final_url, url=response.final_url,
                         content_type=response.content_type, headers=response.headers)


@contextmanager
def extract_and_store() -> Iterator[Handler | None]:
    """The pipeline variant: extract each page and save it into a fresh SQLite database, in the loop."""
    parts = pipeline_parts()
    if parts is None:
        yield None
        return
    extract, open_database, save_document, raw_page_type = parts
    with tempfile.TemporaryDirectory(prefix="briefarc-bench-") as folder:
        db = open_database(Path(folder) / "bench.db")

        def handle(response: Response) -> None:
            document = extract(response.data, url=response.final_url, content_type=response.content_type)
            save_document(db, document, raw_page(response, raw_page_type))

        try:
            yield handle
        finally:
            db.conn.close()


@contextmanager
def extract_and_store_off_loop(worker_cpu: list[float]) -> Iterator[Handler | None]:
    """The pipeline-pool variant: extraction in one worker process, saving in one writer thread."""
    parts = pipeline_parts()
    if parts is None:
        yield None
        return
    extract, open_database, save_document, raw_page_type = parts
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="briefarc-bench-") as folder, \
            ProcessPoolExecutor(max_workers=1, mp_context=spawn) as workers, ThreadPoolExecutor(1) as writer:
        db = writer.submit(open_database, Path(folder) / "bench.db").result()  # the connection lives in its thread
        start_cpu = workers.submit(warm_up).result()

        async def handle(response: Response) -> None:
            loop = asyncio.get_running_loop()
            document = await loop.run_in_executor(
                workers, extract, response.data, response.final_url, response.content_type)
            await loop.run_in_executor(writer, save_document, db, document, raw_page(response, raw_page_type))

        try:
            yield handle
        finally:
            worker_cpu.append(workers.submit(time.process_time).result() - start_cpu)
            writer.submit(db.conn.close).result()


def warm_up() -> float:
    """Import the extractor in the worker before the clock starts; the worker's CPU time so far."""
    from briefarc.extract import extract

    extract(page(0)[1], url="http://127.0.0.1/briefings/page-000000.html", content_type="text/html; charset=utf-8")
    return time.process_time()


# -- the measurement --------------------------------------------------------------------------------------


async def crawl(urls: list[str], config: FetchConfig, handle: Handler) -> list[str]:
    """Fetch every URL concurrently through one Fetcher, handing each page to `handle`; the failures."""
    failures: list[str] = []
    async with Fetcher(config) as fetcher:

        async def one(url: str) -> None:
            try:
                response = await fetcher.get(url, accept=ANY_DOCUMENT_TYPES)
            except FetchFailure as failure:
                failures.append(str(failure))
                return
            if response.status != 200:
                failures.append(f"{url}: {response.status}")
                return
            result = handle(response)
            if inspect.isawaitable(result):
                await result

        await asyncio.gather(*(one(url) for url in urls))
    return failures


def measure(variant: str, urls: list[str], config: FetchConfig, handle: Handler) -> Result:
    wall, cpu = time.perf_counter(), time.process_time()
    failures = asyncio.run(crawl(urls, config, handle))
    return Result(variant, len(urls), time.perf_counter() - wall, time.process_time() - cpu, failures)


def report(results: list[Result], ideal: float) -> None:
    print(f"{'variant':<14} {'wall':>8} {'ideal':>8} {'ratio':>7} {'target':>7} {'result':>7} {'CPU/page':>10}")
    for result in results:
        verdict = "PASS" if result.passed(ideal) else "FAIL"
        cpu = f"{result.cpu / result.pages * 1000:.2f}ms"
        if result.extra_cpu:
            cpu += f" (+{result.extra_cpu / result.pages * 1000:.2f}ms in the worker)"
        print(f"{result.variant:<14} {result.wall:>7.2f}s {ideal:>7.2f}s {result.ratio(ideal):>6.2f}x "
              f"{TARGET:>6.2f}x {verdict:>7} {cpu:>10}")
        for failure in result.failures[:5]:
            print(f"  failed: {failure}")
        if len(result.failures) > 5:
            print(f"  ... and {len(result.failures) - 5} more failures")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds each response waits (default 0.05)")
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--only", choices=VARIANTS)
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
        worker_cpu: list[float] = []
        with handler(variant, worker_cpu) as handle:
            if handle is None:
                continue
            with sites(args.hosts, args.pages, args.latency) as (urls, server_cpu):
                result = measure(variant, urls, config, handle)
        result.extra_cpu = sum(worker_cpu)
        results.append(result)
        print(f"({variant}: the servers' process used {server_cpu[0]:.2f} s of CPU)")
    report(results, ideal)
    return 0 if all(result.passed(ideal) for result in results) else 1


def handler(variant: str, worker_cpu: list[float]):
    """The page handler of a variant, as a context manager (it may hold a database or workers)."""
    if variant == "pipeline":
        return extract_and_store()
    if variant == "pipeline-pool":
        return extract_and_store_off_loop(worker_cpu)
    return _given(drop)


@contextmanager
def _given(handle: Handler) -> Iterator[Handler]:
    yield handle


if __name__ == "__main__":
    sys.exit(main())
