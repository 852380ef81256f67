"""Extraction off the event loop: fetched pages become documents in worker processes.

Extracting a page costs about as much CPU as fetching it. Done in the event loop, it holds up every
request in flight, and a big fetch runs at the speed of one core. `Extraction` hands pages to a small
process pool once a run has enough of them to pay for starting it (a morning's handful of new
briefings is extracted in place). The workers also compress the raw bytes and take their sha256, so
that the main process is left with the requests and the SQLite writes, which must stay in one place.

Workers ignore Ctrl-C (the main process stops them) and end when the main process is gone.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from briefarc.models import Document, RawPage
from briefarc.pipeline import documents_of

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
    """Turns pages into (document, page) pairs, in place or in worker processes."""

    def __init__(self, workers: int | None = None) -> None:
        """`workers` None: one per spare core, after IN_PLACE pages; a number: that many, from the first page."""
        self.workers = default_workers() if workers is None else workers
        self.in_place = IN_PLACE if workers is None else 0
        self.count = 0
        self._pool: ProcessPoolExecutor | None = None

    async def documents(self, page: RawPage) -> list[tuple[Document, RawPage]]:
        self.count += 1
        if not self.workers or self.count <= self.in_place:
            return list(documents_of(page))
        return await asyncio.get_running_loop().run_in_executor(self._start(), prepared, page)

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # never fork a process with threads and sockets
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_worker_setup,
                                             initargs=(os.getpid(),))
        return self._pool

    def close(self) -> None:
        """Stop the workers; a page being extracted is finished, those waiting are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _worker_setup(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_follow, args=(parent,), daemon=True).start()


def _follow(parent: int) -> None:
    """End this worker when the main process is gone (killed without shutting the pool down)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
