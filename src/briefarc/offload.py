"""Extraction off the event loop: fetched pages become documents in worker processes.

Extracting a page costs about as much CPU as fetching it. Done in the event loop, it holds up every
request in flight, and a big fetch runs at the speed of one core. `Extraction` hands pages to a small
process pool once a run has enough of them to pay for starting it (a morning's handful of new
briefings is extracted in place). The workers also compress the raw bytes and take their sha256, so
that the main process is left with the requests and the SQLite writes, which must stay in one place.

Workers ignore Ctrl-C from their start (the main process stops them) and end when the main process
is gone.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from briefarc.errors import InputError
from briefarc.models import Document, RawPage
from briefarc.pipeline import documents_of

Work = Callable[[RawPage], list[tuple[Document, RawPage]]]
IN_PLACE = 8  # pages a run extracts in its own process before starting the workers
MAX_WORKERS = 4


def default_workers() -> int:
    """One worker per core beside the event loop's own, at most MAX_WORKERS; none on one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(0, min(MAX_WORKERS, cores - 1))


def prepared(page: RawPage) -> list[tuple[Document, RawPage]]:
    """The page's documents, each page with its sha256 and compressed bytes made ready for saving."""
    from briefarc.store.blobs import pack

    pairs = list(documents_of(page))
    packed: dict[int, RawPage] = {}
    for _, item_page in pairs:  # a feed's entries share the feed's bytes: pack them once
        if id(item_page.data) not in packed:
            packed[id(item_page.data)] = pack(item_page)
    return [(doc, pack(item_page, packed[id(item_page.data)])) for doc, item_page in pairs]


class Extraction:
    """Turns pages into (document, page) pairs, in place or in worker processes.

    A worker that dies (a crash in native code, the kernel's OOM killer) takes the pages in flight
    with it. Each of them is tried again, alone, in a second pool kept for such retries: a page that
    kills that worker too fails as an InputError, and the others are extracted."""

    def __init__(self, workers: int | None = None, work: Work = prepared) -> None:
        """`workers` None: one per spare core, after IN_PLACE pages; a number: that many, from the first page.

        `work` is what a worker does with a page (a module-level function, for pickling)."""
        self.workers = default_workers() if workers is None else workers
        self.in_place = IN_PLACE if workers is None else 0
        self.work = work
        self.count = 0
        self._pools: dict[str, ProcessPoolExecutor] = {}  # "main", and "retry" with one worker
        self._retry_lock = asyncio.Lock()

    async def documents(self, page: RawPage) -> list[tuple[Document, RawPage]]:
        self.count += 1
        if not self.workers or self.count <= self.in_place:
            return list(documents_of(page))
        try:
            return await self._in_pool("main", page)
        except BrokenProcessPool:
            pass
        async with self._retry_lock:
            try:
                return await self._in_pool("retry", page)
            except BrokenProcessPool as exc:
                raise InputError("an extraction worker died while reading this page, twice") from exc

    async def _in_pool(self, name: str, page: RawPage) -> list[tuple[Document, RawPage]]:
        try:
            with ctrl_c_held():  # the pool starts its workers when pages are handed over, here
                pool = self._pools.get(name) or self._start(name)
                extracted = asyncio.get_running_loop().run_in_executor(pool, self.work, page)
            return await extracted
        except BrokenProcessPool:
            if self._pools.get(name) is pool:  # the first of its pages to notice drops it
                del self._pools[name]
                pool.shutdown(wait=False, cancel_futures=True)
            raise

    def _start(self, name: str) -> ProcessPoolExecutor:
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # never fork a process with threads and sockets
        self._pools[name] = pool = ProcessPoolExecutor(
            self.workers if name == "main" else 1, mp_context=context, initializer=_worker_setup,
            initargs=(os.getpid(),))
        return pool

    @property
    def started(self) -> bool:
        return bool(self._pools)

    def close(self) -> None:
        """Stop the workers; a page being extracted is finished, those waiting are dropped."""
        pools, self._pools = self._pools, {}
        for pool in pools.values():
            pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@contextmanager
def ctrl_c_held() -> Iterator[None]:
    """Processes started here begin with Ctrl-C (SIGINT) ignored, so that one pressed while they start
    cannot break them half-way: an ignored signal stays ignored across exec and Python's start-up.

    Meanwhile this thread blocks the signal, so that a Ctrl-C sent to the main process then waits
    (the rare one the kernel hands to another thread in those milliseconds is lost)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler if handler is not None else signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _worker_setup(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_follow, args=(parent,), daemon=True).start()


def _follow(parent: int) -> None:
    """End this worker when the main process is gone (killed without shutting the pool down)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
