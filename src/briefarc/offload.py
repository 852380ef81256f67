"""Extraction off the event loop: fetched pages become documents in worker processes.

Extracting a page costs about as much CPU as fetching it. Done in the event loop, it holds up every
request in flight, and a big fetch runs at the speed of one core. `Extraction` hands pages to a few
worker processes once a run has enough of them to pay for starting them (a morning's handful of new
briefings is extracted in place). The workers also compress the raw bytes and take their sha256, so
that the main process is left with the requests and the SQLite writes, which must stay in one place.

Pages travel in batches: the pages that arrive while a worker is busy go to it together, in one
message, and their documents come back together. The event loop itself reads and writes the workers'
pipes (no thread, no wake-up per page), and a worker holds at most two batches: the one it extracts
and the next, waiting in its pipe. While more pages wait than that, this process extracts them too, one
at a time on its extraction thread: the workers set a big fetch's pace, and its end was theirs alone.

Workers ignore Ctrl-C from their start (the main process stops them) and end when the main process
is gone.
"""

from __future__ import annotations

import asyncio
import os
import pickle
import signal
import sys
import threading
import types
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from briefarc.errors import InputError
from briefarc.models import Document, RawPage
from briefarc.pipeline import all_documents, documents_of
from briefarc.pipes import Outgoing, roomy, take_frame
from briefarc.worker import Work, prepared, serve

if TYPE_CHECKING:
    from briefarc.background import DaemonThread

T = TypeVar("T")

Pairs = list[tuple[Document, RawPage]]
Waiting = tuple[RawPage, "asyncio.Future[Pairs]"]
IN_PLACE = 8  # pages a run extracts in its own process before starting the workers
MAX_WORKERS = 4
BATCH = 16  # pages in one message to a worker, at most
AHEAD = 2  # batches a worker holds at most: the one it extracts and the next
HELP_AFTER = BATCH  # pages waiting for the busy workers beyond which this process extracts one of them too
HELP_BYTES = 2**20  # a larger page is left to the workers: one that kills its process (memory) kills a worker
DIED_TWICE = "an extraction worker died while reading this page, twice"


def default_workers() -> int:
    """One worker per core beside the event loop's own, at most MAX_WORKERS; none on one core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(0, min(MAX_WORKERS, cores - 1))


class Extraction:
    """Turns pages into (document, page) pairs, in place or in worker processes.

    A worker that dies (a crash in native code, the kernel's OOM killer) takes the pages it held
    with it. Each of them is tried again, alone, in a second worker kept for such retries: a page that
    kills that worker too fails as an InputError, and the others are extracted."""

    def __init__(self, workers: int | None = None, work: Work = prepared) -> None:
        """`workers` None: one per spare core, after IN_PLACE pages; a number: that many, from the first page.

        `work` is what a worker does with a page (a module-level function, for pickling)."""
        self.workers = default_workers() if workers is None else workers
        self.in_place = IN_PLACE if workers is None else 0
        self.work = work
        self.count = 0  # pages asked for
        self.expected = 0  # pages announced (expect)
        self.new = 0  # of them, pages the archive lacks: each will be extracted
        self._pool: list[Worker] = []
        self._retry: Worker | None = None  # one page at a time: the pages a dead worker held
        self._queue: deque[Waiting] = deque()
        self._retries: deque[Waiting] = deque()
        self._due = False  # a dispatch is scheduled
        self.closed = False  # no worker starts after close(), whatever callback is still due
        self.sent = 0  # batches handed to the workers
        self.helped = 0  # pages extracted here while the workers were busy
        self._helping: asyncio.Task | None = None  # the page being extracted here (see _help)

    def expect(self, pages: int = 1, *, new: bool = True) -> None:
        """Pages are on their way (items a fetch has scheduled): a run of more than IN_PLACE starts the
        workers with its first page rather than extracting its first pages here too (both would import
        the extractor and compile its patterns).

        More than IN_PLACE `new` pages (articles the archive lacks, each to be extracted once fetched) start
        the workers now: a worker makes itself ready (about 0.15 s of CPU: Python, the extractor's imports and
        patterns) while the first pages are fetched. Started by the first page, it made the pages wait for
        it, and on two cores, where the one worker sets the pace, the whole run. Pages that may never need a
        worker (known pages asked again, mostly answered 304; a feed's entries, read here) count only for
        where the pages that do arrive are read."""
        self.expected += pages
        self.new += pages if new else 0
        if self.workers and not self.closed and len(self._pool) < self.workers and self.new > self.in_place:
            with suppress(RuntimeError):  # no event loop running: the first page starts them
                asyncio.get_running_loop()
                self._start_workers()

    def _start_workers(self) -> None:
        while len(self._pool) < self.workers:
            self._pool.append(Worker(self.work, self._dispatch, self._lost))

    async def documents(self, page: RawPage) -> Pairs:
        self.count += 1
        if self.closed:
            return list(documents_of(page))
        # a feed's entry is read here: a little work, and its page is the whole feed, which a worker would be
        # sent, hash and compress again for each entry (a 7 MB feed of 20,000 entries: 9 GB through the pipes)
        if page.item or not self.workers or max(self.count, self.expected) <= self.in_place:
            return await aside(all_documents, page)
        future: asyncio.Future[Pairs] = asyncio.get_running_loop().create_future()
        self._queue.append((page, future))
        if not self._due:  # the pages that arrive in this turn of the loop travel together
            self._due = True
            asyncio.get_running_loop().call_soon(self._dispatch)
        return await future

    def _dispatch(self) -> None:
        """Hand the waiting pages to the workers that can take a batch, the least busy first."""
        self._due = False
        if self.closed:
            return
        self._start_workers()
        free = sorted((w for w in self._pool if len(w.batches) < AHEAD), key=lambda w: len(w.batches))
        for index, worker in enumerate(free):
            share = -(-len(self._queue) // (len(free) - index))  # the waiting pages, shared out evenly
            batch = live(self._queue, min(BATCH, share))
            if not batch:
                return
            if worker.submit(batch):
                self.sent += 1
            else:
                self._queue.extendleft(reversed(batch))
        self._help()

    def _help(self) -> None:
        """Extract a waiting page here, on the extraction thread, while more than HELP_AFTER pages wait for workers
        that hold all they may: on two cores the one worker set the pace of a big fetch, its backlog growing while
        this process, which fetches and saves, had time to spare, and left to it alone once the fetching was done.
        One page at a time, so that the event loop shares the interpreter with one page at most. Only with the
        workers' own work (`prepared`): other work is theirs alone."""
        if self._helping is not None or self.closed or self.work is not prepared or len(self._queue) <= HELP_AFTER:
            return
        batch = live(self._queue, 1)
        if batch and len(batch[0][0].data) > HELP_BYTES:
            self._queue.appendleft(batch[0])
        elif batch:
            self._helping = asyncio.ensure_future(self._extract_here(*batch[0]))

    async def _extract_here(self, page: RawPage, future: asyncio.Future[Pairs]) -> None:
        """The workers' own work, sha256 and compression too, on this thread: left out, the event loop did them as it
        saved the page (hashing and compressing a 950 KB page held it up for 1.7 ms)."""
        try:
            settle(future, True, await aside(self.work, page))
        except Exception as exc:  # noqa: BLE001 - the page's failure, as a worker reports it
            settle(future, False, exc)
        finally:
            self._helping = None
        self.helped += 1
        self._help()

    def _lost(self, worker: Worker, held: list[Waiting]) -> None:
        """A worker died: its pages are tried again one by one; a new worker takes the next batches."""
        if worker in self._pool:
            self._pool.remove(worker)
        self._retries.extend(held)
        self._dispatch_retry()
        if self._queue:
            self._dispatch()

    def _dispatch_retry(self) -> None:
        if self.closed or (self._retry is not None and self._retry.batches):
            return  # busy with a page
        batch = live(self._retries, 1)
        if batch:
            self._retry = self._retry or Worker(self.work, self._dispatch_retry, self._lost_twice)
            self._retry.submit(batch)

    def _lost_twice(self, worker: Worker, held: list[Waiting]) -> None:
        for _, future in held:
            if not future.done():
                future.set_exception(InputError(DIED_TWICE))
        self._retry = None
        self._dispatch_retry()

    @property
    def started(self) -> bool:
        return bool(self._pool) or self._retry is not None

    def close(self) -> None:
        """Stop the workers; the pages they hold are dropped."""
        self.closed = True
        workers, self._pool = [*self._pool, *([self._retry] if self._retry else [])], []
        self._retry = None
        for worker in workers:
            worker.close()
        for worker in workers:
            worker.join()

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


_ASIDE: DaemonThread | None = None


async def aside(function: Callable[..., T], *args: Any, **options: Any) -> T:
    """`function(*args, **options)` on the one thread that extracts pages in this process: a page that takes
    seconds to read (a 19 MB table, 19 s) held up the event loop, and every response in flight ran out of its
    --timeout meanwhile. One thread, so that the memory a page took is there for the next (two threads' heaps
    took 1.4 GB where one took 0.9). Cancelling the caller drops a call that has not started. A daemon thread:
    Ctrl-C ends the run without waiting for the page it reads (what was saved before is committed)."""
    global _ASIDE
    if _ASIDE is None:
        from briefarc.background import DaemonThread

        _ASIDE = DaemonThread("briefarc-extraction")
    return await asyncio.get_running_loop().run_in_executor(_ASIDE, partial(function, *args, **options))


def live(waiting: deque[Waiting], count: int) -> list[Waiting]:
    """Up to `count` pages from the front of `waiting` whose caller still waits (Ctrl-C cancels them)."""
    batch: list[Waiting] = []
    while waiting and len(batch) < count:
        page, future = waiting.popleft()
        if not future.done():
            batch.append((page, future))
    return batch


class Worker:
    """One extraction process and its two pipes, which the event loop reads and writes without blocking."""

    def __init__(self, work: Work, on_ready: Callable[[], None],
                 on_lost: Callable[[Worker, list[Waiting]], None]) -> None:
        import multiprocessing
        from multiprocessing.connection import Connection

        self.loop = asyncio.get_running_loop()
        self.on_ready, self.on_lost = on_ready, on_lost
        self.batches: deque[list[Waiting]] = deque()  # sent, in order, not answered yet
        to_child, self.write_fd = os.pipe()
        self.read_fd, from_child = os.pipe()
        for fd in (self.write_fd, self.read_fd):
            roomy(fd)
        ends = Connection(to_child, writable=False), Connection(from_child, readable=False)
        context = multiprocessing.get_context("spawn")  # never fork a process with threads and sockets
        with ctrl_c_held(), main_left_behind(work):
            self.process = context.Process(target=serve, args=(*ends, work, os.getpid()), daemon=True,
                                           name="briefarc-extraction")
            self.process.start()
        for end in ends:
            end.close()
        self.out = Outgoing(self.write_fd)
        self.incoming = bytearray()
        os.set_blocking(self.read_fd, False)
        self.loop.add_reader(self.read_fd, self._readable)
        self.ended = False

    def submit(self, batch: list[Waiting]) -> bool:
        """Send a batch; False when the worker is gone (the batch is the caller's again)."""
        if self.ended:
            return False
        self.batches.append(batch)
        self._send(pickle.dumps([page for page, _ in batch], protocol=pickle.HIGHEST_PROTOCOL))
        return True

    def _send(self, payload: bytes) -> None:
        try:
            if self.out.add(payload):
                self.loop.add_writer(self.write_fd, self._writable)
        except OSError:  # the worker is gone: its reader sees the end
            self._end()

    def _writable(self) -> None:
        try:
            done = self.out.flush()
        except OSError:
            done = True
            self._end()
        if done:
            self.loop.remove_writer(self.write_fd)

    def _readable(self) -> None:
        try:
            data = os.read(self.read_fd, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._end()
            return
        self.incoming += data
        while self.batches and (frame := take_frame(self.incoming)) is not None:
            self._answer(self.batches.popleft(), frame)
        self.on_ready()

    def _answer(self, batch: list[Waiting], frame: bytes) -> None:
        try:
            outcomes: list[tuple[bool, object]] = pickle.loads(frame)
        except Exception as exc:  # noqa: BLE001 - its pages fail, the fetch goes on
            outcomes = [(False, InputError(f"an extraction worker's answer could not be read ({exc})"))] * len(batch)
        for (page, future), (ok, value) in zip(batch, outcomes, strict=True):
            if not future.done():
                settle(future, ok, restored(value, page) if ok else value)  # type: ignore[arg-type]

    def _end(self) -> None:
        """The worker died (or was closed): the pages it held go back to the owner."""
        if self.ended:
            return
        self.ended = True
        self._stop_watching()
        held = [waiting for batch in self.batches for waiting in batch]
        self.batches.clear()
        self.on_lost(self, held)

    def _stop_watching(self) -> None:
        with suppress(Exception):  # the loop may be closing
            self.loop.remove_reader(self.read_fd)
            self.loop.remove_writer(self.write_fd)

    def close(self) -> None:
        """End the worker: at once when it holds pages, else when it reads the end of its pipe."""
        busy = bool(self.batches) or self.out.pending
        self.ended = True
        self._stop_watching()
        for fd in (self.write_fd, self.read_fd):
            with suppress(OSError):
                os.close(fd)
        if busy and self.process.is_alive():
            self.process.terminate()  # extraction has no side effects: nothing is lost but the work

    def join(self) -> None:
        self.process.join(timeout=30)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def settle(future: asyncio.Future[Pairs], ok: bool, value: Any) -> None:
    """A waiting page's outcome: its pairs (`ok`) or its exception; nothing when its caller has stopped waiting."""
    if future.done():
        return
    # Ctrl-C's handler (asyncio.run's) cancels the run between any two lines, this waiting page's future with it:
    # a future found pending a moment ago may be cancelled by now
    with suppress(asyncio.InvalidStateError):
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)


def restored(pairs: Pairs, page: RawPage) -> Pairs:
    """A worker's pairs with the page's bytes back where the worker left them out."""
    return [(doc, item if item.data else replace(item, data=page.data)) for doc, item in pairs]


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


@contextmanager
def main_left_behind(work: Work) -> Iterator[None]:
    """Processes started here do not run the parent's main script or module again (multiprocessing's spawn
    does, for functions defined there): the command line's or a bench's imports would be each worker's
    start-up cost. The worker's code and `work` are imported by their module names instead."""
    main = sys.modules.get("__main__")
    if main is None or getattr(work, "__module__", None) in ("__main__", "__mp_main__"):
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main
