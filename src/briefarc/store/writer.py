"""Saving documents in batches, in this process or in a writer process beside the extraction.

A bulk ingest spends about as long saving a page (SQLite, its full-text index, zlib) as extracting
it. With more than one core, `ProcessWriter` saves in a child process while this one extracts the
next pages, so the two overlap. Both writers hold the inputs handed over until a batch is due (`Batch`:
`size` inputs or `seconds`), then save them together (their new documents in one statement per table,
store/documents.py) and commit; on Ctrl-C, an error, or the death of the extracting process, what was
handed over whole is saved and committed.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from briefarc.errors import BriefarcError, DatabaseError, item_failure
from briefarc.models import Document, RawPage, SaveResult
from briefarc.store import documents as stored
from briefarc.store.db import Batch, translate_errors

if TYPE_CHECKING:
    import sqlite_utils

# Inputs an ingest's writer saves together at most (what arrives within a second, Batch.seconds, is saved sooner).
# FTS5 writes a segment of each index per statement and merges the segments as they pile up: saving 100 pages of
# fmprc-bulk in one statement per table, rather than 50, leaves fewer and larger segments to merge (callgrind,
# saving its 270 documents: 4.77 G instructions against 5.29 G). More would save more (200: 4.59 G), but a
# crash loses the batch being saved, which a rerun saves again.
INGEST_BATCH = 100
# The page cache of a writer's connection, in KiB. A batch of 100 pages of fmprc-bulk changes about 10 MiB of the
# database (its full-text indexes mostly): with SQLite's default 2 MiB, dirty pages spilled to the WAL before the
# commit and were read back (saving the 270 pages in 4 KiB pages: 37,500 writes and 19,300 reads of a page;
# 26,500 and 8,800 with this cache), 0.02 s of CPU in the kernel. SQLite takes the memory only as it fills the cache.
WRITER_CACHE_KIB = 16 * 1024


def roomy_cache(db: sqlite_utils.Database) -> None:
    """The writers' page cache (WRITER_CACHE_KIB) on their connection."""
    db.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")


OnSaved = Callable[[str, list[SaveResult]], None]
OnFailed = Callable[[str, str], None]
Pairs = list[tuple[Document, RawPage]]
Work = tuple[str, Pairs]


class SerialWriter:
    """Saves each input's documents as it is handed over, in this thread (ingest's and fetch's writer)."""

    def __init__(self, db: sqlite_utils.Database, source_id: int | None = None, on_saved: OnSaved | None = None,
                 on_failed: OnFailed | None = None, size: int = 50):
        """`size`: the inputs held and saved together at most (INGEST_BATCH for an ingest)."""
        self.db, self.source_id, self.on_saved, self.on_failed = db, source_id, on_saved, on_failed
        roomy_cache(db)
        self.batch = Batch(db, size=size)
        self.held = Held(self.batch)

    def __enter__(self) -> SerialWriter:
        return self

    def put(self, name: str, documents: list[tuple[Document, RawPage]]) -> None:
        """Hold one input's documents; the inputs held are saved together when a batch is due."""
        self.held.add((name, documents))
        if self.held.due():
            self._save_held()

    def _save_held(self) -> None:
        with translate_errors():
            for name, outcome in save_held(self.db, self.batch, self.source_id, self.held.take()):
                if isinstance(outcome, str):
                    if self.on_failed:
                        self.on_failed(name, outcome)
                elif self.on_saved:
                    self.on_saved(name, outcome)

    def save(self, documents: list[tuple[Document, RawPage]], source_id: int | None = None,
             into: int | None = None) -> list[SaveResult]:
        """Save one input's documents within the batch; raises ItemFailed when the store cannot take one.

        `into`: the stored document that a single page is a new version of, whatever its identity says."""
        self._save_held()
        with translate_errors():
            self.batch.begin()
            try:
                return save_all(self.db, source_id if source_id is not None else self.source_id, documents, into)
            finally:
                self.batch.done()

    def save_each(self, inputs: list[tuple[Pairs, int | None]]) -> list[list[SaveResult] | str]:
        """Save several inputs' documents, each input with its source id, together within the batch: for each
        input, its results, or why it alone could not be saved."""
        self._save_held()
        with translate_errors():
            work = [(str(number), documents) for number, (documents, _) in enumerate(inputs)]
            sources = [source for _, source in inputs]  # a fetch marks its items done itself, as it saves each
            return [outcome for _, outcome in save_held(self.db, self.batch, sources, work, pages_done=False)]

    def commit(self) -> None:
        """Commit the open batch now (a fetch does when the pages at hand are saved)."""
        self._save_held()
        with translate_errors():
            self.batch.commit_if_due(now=True)

    def __exit__(self, kind, error, trace) -> None:
        try:
            if kind is None or issubclass(kind, KeyboardInterrupt):  # what was handed over whole is saved
                self._save_held()
        except BaseException as failed:  # the batch still ends (rolled back), or the lock outlives the run
            with translate_errors():
                self.batch.__exit__(type(failed), failed, failed.__traceback__)
            raise
        with translate_errors():
            self.batch.__exit__(kind, error, trace)


class ItemFailed(Exception):
    """One input could not be saved (not the database's fault): it fails alone."""


def save_all(db, source_id: int | None | list[int | None], documents: list[tuple[Document, RawPage]],
             into: int | None = None) -> list[SaveResult]:
    """Save one input's documents (or several inputs' together), all or none; an error that is not
    SQLite's becomes ItemFailed. `source_id`: the documents' source, or a list of each one's."""
    into = into if len(documents) == 1 else None
    try:
        return stored.save_documents(db, documents, source_id=source_id, into=into)
    except (sqlite3.Error, BriefarcError):
        raise
    except Exception as exc:  # noqa: BLE001 - a document the store cannot take fails alone
        raise ItemFailed(item_failure(exc, "while saving")) from exc


class Held:
    """The inputs handed to a writer and not saved yet, until a batch of them is due."""

    def __init__(self, batch: Batch):
        self.batch, self.since = batch, 0.0
        self.work: list[Work] = []

    def add(self, item: Work) -> None:
        if not self.work:
            self.since = time.monotonic()
        self.work.append(item)

    def due(self) -> bool:
        return len(self.work) >= self.batch.size or self.wait() <= 0

    def wait(self) -> float:
        """Seconds until the inputs held are due."""
        return self.since + self.batch.seconds - time.monotonic()

    def take(self) -> list[Work]:
        work, self.work = self.work, []
        return work


def save_held(db, batch: Batch, source_id: int | None | list[int | None], work: list[Work],
              pages_done: bool = True) -> list[tuple[str, list[SaveResult] | str]]:
    """Save the inputs held, together, in the batch's transaction, and commit when the batch is due: for each,
    its results, or why it failed (when one cannot be saved, each is saved alone and that one fails alone).
    `source_id`: the inputs' source, or a list of each input's. `pages_done`: the pages saved are pending no more,
    as an ingest's inputs (handed to `put`) are: a link a listing noted waits for nothing once its page is stored."""
    if not work:
        return []
    sources = source_id if isinstance(source_id, list) else [source_id] * len(work)
    batch.begin()
    try:
        outcomes = _save_together(db, sources, work)
        if pages_done:
            _pages_done(db, work, outcomes)
    finally:
        batch.done(len(work))
    return outcomes


def _save_together(db, sources: list[int | None], work: list[Work]) -> list[tuple[str, list[SaveResult] | str]]:
    try:
        each = [source for source, (_, documents) in zip(sources, work, strict=True) for _ in documents]
        results = save_all(db, each, [pair for _, documents in work for pair in documents])
    except ItemFailed:
        return [(name, _save_alone(db, source, documents))
                for source, (name, documents) in zip(sources, work, strict=True)]
    outcomes: list[tuple[str, list[SaveResult] | str]] = []
    for name, documents in work:
        outcomes.append((name, results[:len(documents)]))
        results = results[len(documents):]
    return outcomes


def _pages_done(db, work: list[Work], outcomes: list[tuple[str, list[SaveResult] | str]]) -> None:
    """The pages saved (a feed's text of an article is no page of it) are pending no more: in the batch's
    transaction, so that no commit keeps the one without the other."""
    from briefarc.store import pending
    from briefarc.store.documents import is_feed_text

    pending.pages_stored(db, [result.document_id for (_, documents), (_, outcome) in zip(work, outcomes, strict=True)
                              if not isinstance(outcome, str)
                              for (doc, _), result in zip(documents, outcome, strict=True)
                              if not is_feed_text(doc.text_source)])


def _save_alone(db, source_id: int | None, documents: list[tuple[Document, RawPage]]) -> list[SaveResult] | str:
    try:
        return save_all(db, source_id, documents)
    except ItemFailed as exc:
        return str(exc)


class ProcessWriter:
    """Hands each input's documents to a writer process; reports what it saved as it goes."""

    def __init__(self, path: Path, source_id: int | None, on_saved: OnSaved, on_failed: OnFailed):
        self.path, self.source_id, self.on_saved, self.on_failed = path, source_id, on_saved, on_failed
        self.finished = False
        self.presses = Presses()
        self.gave_up = False

    def __enter__(self) -> ProcessWriter:
        fork = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
        if fork:
            load_shared()
        work_in, self.work_out = context.Pipe(duplex=False)
        self.results, results_in = context.Pipe(duplex=False)
        self.process = context.Process(
            target=serve, args=(str(self.path), self.source_id, work_in, results_in, self.work_out),
            name="briefarc-writer", daemon=True)
        self.process.start()
        work_in.close()
        results_in.close()
        return self

    def put(self, name: str, documents: list[tuple[Document, RawPage]]) -> None:
        from briefarc.store.blobs import travelling  # looked up at each call (tests watch what crosses)

        self._collect(wait=False)
        documents = [(doc, travelling(page)) for doc, page in documents]
        try:
            with whole_messages(self.presses):  # a full pipe (a writer held up by a lock) waits: Ctrl-C twice does not
                self.work_out.send((name, documents))
        except (BrokenPipeError, OSError):
            self._collect(wait=True)
            raise DatabaseError("The writer process stopped unexpectedly; run the ingest again.") from None
        except GaveUp:
            self._give_up()
            raise

    def __exit__(self, kind, error, trace) -> None:
        if kind is not None and issubclass(kind, KeyboardInterrupt):
            self.presses.count = max(self.presses.count, 1)  # the next one is the second
        try:
            if self.presses.count >= 2 and not self.gave_up:  # both held while a report was read, and raised after it
                raise GaveUp
            if not self.gave_up:
                # Ctrl-C now waits for the writer's last reports: it saves what it holds all the same (joined below),
                # and "Interrupted: N saved" counts it (cut off at the next report, it counted one page of 60 saved).
                # A second Ctrl-C does not wait: the writer is stopped where it is (helper-94: a writer held up by a
                # lock kept the ingest for the lock's 30 s, and a stopped one for ever, Ctrl-C or not)
                with whole_messages(self.presses):
                    with contextlib.suppress(BrokenPipeError, OSError):
                        self.work_out.send(None)
                    self._collect(wait=True)
        except KeyboardInterrupt:  # GaveUp, or a second Ctrl-C before Ctrl-C was held here
            self._give_up()
            raise
        finally:
            self.work_out.close()
            self.process.join(timeout=60)

    def _collect(self, wait: bool) -> None:
        """Read the writer's reports: saved inputs, an error, or the end. Its pipe closed before it said
        "done" is its death (SIGKILL, the OOM killer): what it held unsaved is lost, and the run says so."""
        while not self.finished and (self.results.poll(None) if wait else self.results.poll()):
            try:
                with whole_messages(self.presses), self.presses.whole_message():
                    self._take(self.results.recv())  # read and counted before Ctrl-C strikes: the count is exact
            except EOFError:
                self.finished = True
                raise DatabaseError("The writer process stopped unexpectedly; run the ingest again.") from None
            if self.presses.count >= 2 and self.presses.holding:
                raise GaveUp  # pressed a second time while the report was read

    def _give_up(self) -> None:
        """Ctrl-C twice: stop the writer at once (SIGKILL). SQLite rolls its open batch back; what it committed stays,
        and its reports, each sent after its commit, are counted: "Interrupted: N saved" stays exact."""
        self.gave_up = self.finished = True
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        with contextlib.suppress(EOFError, OSError, DatabaseError):
            while self.results.poll():  # what it reported before it stopped (a message cut short ends it: EOF)
                self._take(self.results.recv())

    def _take(self, message: tuple) -> None:
        if message[0] == "saved":
            self.on_saved(message[1], message[2])
        elif message[0] == "failed":
            self.on_failed(message[1], message[2])
        elif message[0] == "error":
            self.finished = True
            raise DatabaseError(message[1])
        else:
            self.finished = True


def load_shared() -> None:
    """Load, before the writer process is forked, the modules it needs that the producer loads for its extraction
    anyway: the writer then inherits them instead of loading them again. A page's addresses are held to its site's
    hosts (store/identity.py) with extract/sites.py, which loads selectolax and logging, and the sha256 of a text
    loads OpenSSL: 17 ms of CPU in the writer of each ingest."""
    import hashlib  # noqa: F401

    from briefarc.extract import sites  # noqa: F401


class GaveUp(KeyboardInterrupt):
    """Ctrl-C a second time while the first waited for the writer process: it is stopped, not waited for."""


class Presses:
    """The Ctrl-C presses of an ingest with a writer process. The first is held while a message crosses a pipe and
    while the writer finishes (it saves what was handed over whole, and the count said is exact); the second raises
    GaveUp at once, out of a send or a wait on a pipe, except while a report is read (it is counted first)."""

    def __init__(self) -> None:
        self.count = 0
        self.holding = False  # a whole_messages() of this writer holds Ctrl-C now
        self.reading = False

    def press(self) -> None:
        self.count += 1
        if self.count >= 2 and not self.reading:
            raise GaveUp

    @contextlib.contextmanager
    def whole_message(self) -> Iterator[None]:
        self.reading = True
        try:
            yield
        finally:
            self.reading = False


@contextlib.contextmanager
def whole_messages(presses: Presses | None = None) -> Iterator[None]:
    """Hold Ctrl-C back while a message crosses the pipe: a half-sent message would jam the other end.

    The interrupt is not lost: it is delivered (as KeyboardInterrupt) as soon as the message is through.
    A handler that notes it, not a signal mask: with another thread running (the progress display's),
    a signal the main thread masks goes to that thread, and Python still raises it in the main one.
    With `presses`, a second Ctrl-C does not wait (Presses); nested in another of the same presses, it holds nothing
    more.
    """
    if threading.current_thread() is not threading.main_thread() or (presses is not None and presses.holding):
        yield
        return
    caught: list[int] = []

    def on_ctrl_c(number: int, frame: object) -> None:
        caught.append(number)
        if presses is not None:
            presses.press()

    previous = signal.signal(signal.SIGINT, on_ctrl_c)
    if presses is not None:
        presses.holding = True
    try:
        yield
    except (Exception, GaveUp):
        caught.clear()  # an error (the writer's: disk full, a lock) ends the run all the same and says why
        raise
    finally:
        if presses is not None:
            presses.holding = False
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
        if caught:
            signal.raise_signal(signal.SIGINT)


def serve(path: str, source_id: int | None, work, results, producer_end) -> None:
    """The writer process: save what arrives until told to stop or the producer is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the producer's to handle
    producer_end.close()  # so that the producer's death reads as end of input here
    from briefarc.store.db import describe, open_database

    try:
        db = open_database(Path(path))
        roomy_cache(db)
        batch = Batch(db, size=INGEST_BATCH)
        reports = Reports(batch, results, Path(f"{path}-wal"))
        try:
            with batch:
                _save_all(db, batch, source_id, work, reports)
        finally:
            with contextlib.suppress(OSError):
                reports.send_committed()  # what the batch's end committed (also on an error: what was saved whole)
        results.send(("done",))
    except Exception as exc:  # noqa: BLE001 - reported to the producer, which raises it
        message = describe(exc, path) if isinstance(exc, sqlite3.Error) else str(exc)
        results.send(("error", message))
    finally:
        results.close()
        os._exit(0)  # leave without finalising anything inherited from the parent


def _save_all(db, batch: Batch, source_id: int | None, work, reports: Reports) -> None:
    incoming = _drained(work)
    held = Held(batch)
    while True:
        if held.work and held.due():
            reports.add(save_held(db, batch, source_id, held.take()))
            continue
        try:
            item = incoming.get(timeout=max(held.wait(), 0) if held.work else None)
        except queue.Empty:  # nothing more within the batch's time: the inputs held are due
            continue
        if isinstance(item, BaseException):  # what reading raised, as it did when read in this loop
            raise item
        if item is None:
            reports.add(save_held(db, batch, source_id, held.take()))
            return
        held.add(item)


# Inputs the writer process reads ahead of its saving, at most: a bound, so that a producer faster than the
# writer waits on the pipe instead of piling pages up in the writer's memory (two batches at most, with the one
# held). One batch ahead overlaps as well as two did (fmprc-bulk: wall median 1.13 s, 1.53 s reading between saves).
READ_AHEAD = INGEST_BATCH


def _drained(work) -> queue.Queue[Work | BaseException | None]:
    """The inputs arriving on `work`, read by a thread of their own while the writer saves; None at the end or
    when the producer is gone (its pipe closed: what came whole is saved and committed); the exception, when
    reading fails otherwise (a message that cannot be unpickled): the writer raises it instead of waiting for ever.

    Read only between saves, the pipe filled within a page or two, and the producer stopped extracting while
    the writer saved a batch: the two processes took turns (an ingest of fmprc-bulk took as long in wall time as
    its CPU time on two cores). SQLite releases the GIL while it works, so reading goes on beside the saving."""
    incoming: queue.Queue[Work | BaseException | None] = queue.Queue(maxsize=READ_AHEAD)

    def read() -> None:
        while True:
            item: Work | BaseException | None
            try:
                item = work.recv()
            except (EOFError, OSError):
                item = None
            except BaseException as exc:  # noqa: BLE001 - handed to the writer's loop, which raises it
                item = exc
            incoming.put(item)
            if item is None or isinstance(item, BaseException):
                return

    threading.Thread(target=read, name="briefarc-writer-reader", daemon=True).start()
    return incoming


# SQLite's own threshold for a checkpoint (wal_autocheckpoint), in pages of the WAL.
CHECKPOINT_PAGES = 1000


class Reports:
    """The writer process's reports to the producer: a failure at once, a saved input once its batch is committed.
    Sent before the commit, a batch's pages were counted in "Interrupted: N saved" and then lost with the batch
    when the writer was stopped (Ctrl-C twice, SIGKILL).

    The WAL is checkpointed after the reports are sent, not within the COMMIT as SQLite does by itself: a batch
    committed and still unreported while the checkpoint ran (30 to 70 ms of a commit's 45 to 100 on fmprc-bulk)
    was missing from the count when the writer was stopped then (470 said, 540 kept).

    The WAL's size tells when to checkpoint: the pages written since the last checkpoint, as SQLite counts them,
    because the connection cuts the file back (journal_size_limit 0) at the first commit after a checkpoint. Without
    that, SQLite writes the WAL again from its start but leaves the file as long as it grew, and once a batch had
    made it 1,000 pages long, every commit after it checkpointed, however little it wrote."""

    def __init__(self, batch: Batch, results, wal: Path) -> None:
        self.batch, self.results, self.wal = batch, results, wal
        self.commits = batch.commits
        self.saved: list[tuple[str, str, list[SaveResult]]] = []  # saved in the batch still open
        self.page_bytes = batch.conn.execute("PRAGMA page_size").fetchone()[0]
        batch.conn.execute("PRAGMA wal_autocheckpoint = 0")
        batch.conn.execute("PRAGMA journal_size_limit = 0")

    def add(self, outcomes: list[tuple[str, list[SaveResult] | str]]) -> None:
        for name, outcome in outcomes:
            if isinstance(outcome, str):
                self.results.send(("failed", name, outcome))
            else:
                self.saved.append(("saved", name, outcome))
        self.send_committed()

    def send_committed(self) -> None:
        """Report the inputs saved, if their batch has been committed since."""
        if self.batch.commits == self.commits:
            return
        self.commits = self.batch.commits
        saved, self.saved = self.saved, []
        for message in saved:
            self.results.send(message)
        if self.wal.exists() and self.wal.stat().st_size >= CHECKPOINT_PAGES * self.page_bytes:
            self.batch.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
