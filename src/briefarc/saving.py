"""A fetch's saves: the pages that arrive within SAVE_SECONDS (SAVE_PAGES at most) are saved together, then
committed.

Pages come back from the extraction workers in batches, and their items' tasks all go on in the same turn of
the loop. Saved one by one, each page was a statement per table, and FTS5 writes a segment of each index at
the end of every statement that changes it: merging those segments again cost about a third of saving. Saved
together, a batch's new documents are one statement per table (store/documents.py), as in a bulk ingest.
Saved as each turn of the loop ended, a busy fetch saved a worker's batch of 16 pages at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefarc.errors import DatabaseError
from briefarc.models import Document, RawPage, SaveResult
from briefarc.store.writer import ItemFailed

if TYPE_CHECKING:
    from briefarc.store.writer import SerialWriter

Pairs = list[tuple[Document, RawPage]]
Then = Callable[[list[SaveResult]], None]
# Pages saved together at most, and the seconds the first of them waits for others. A save holds up the event loop
# (no request is sent, no response read) for about a millisecond a page: 64 pages at a time held it for 80 ms, and
# bench/fetch.py's 1,000 pages took 1.63-1.71x the ideal wall time on 2 cores; 16 at a time, 1.41-1.49x, in the same
# runs, for about 0.3 ms more CPU a page (FTS5 merges more, smaller segments; a commit costs about 5 ms).
SAVE_PAGES = 16
SAVE_SECONDS = 0.03


@dataclass
class Waiting:
    documents: Pairs
    source_id: int | None
    then: Then | None
    future: asyncio.Future[list[SaveResult]]


class SavesAtHand:
    """The run's writer: the pages at hand are saved together when the loop turns, and committed at once. A busy
    fetch saves and commits in batches; a slow one page by page. Each page still succeeds or fails alone."""

    def __init__(self, writer: SerialWriter) -> None:
        self.writer = writer
        self.due: asyncio.Handle | None = None  # the save and commit to come: soon, or once others may have come
        self.soon = False  # it is due in this turn of the loop
        self.waiting: list[Waiting] = []
        # the documents committed, and those saved since the last commit (which a commit the full disk refuses rolls
        # back), each id with whether this run changed it (added or updated) or found it unchanged: a fetch cut
        # short says what the archive kept. By id: a feed entry and its page saved `into` its document are one
        # document (counted by save, a feed's fetch said 159 kept where the archive held 105).
        self.committed: dict[int, bool] = {}
        self.open: dict[int, bool] = {}
        self.commits = writer.batch.commits
        self.failure: DatabaseError | None = None  # a commit that failed: the fetch stops, whatever comes after

    async def save(self, documents: Pairs, source_id: int | None, into: int | None = None,
                   then: Then | None = None) -> list[SaveResult]:
        """A page's results once it is saved with the others at hand; ItemFailed when it alone cannot be.

        `then(results)` runs as soon as the page is saved, before anything else can run (Ctrl-C included): what
        is recorded of the page goes with it into the same transaction. `into`: the document the page is a
        version of, saved at once, after the pages waiting."""
        loop = asyncio.get_running_loop()
        if self.failure is not None:
            raise self.failure
        if into is not None:
            self._commit_soon(loop)
            self._save_waiting()
            if self.failure is not None:
                raise self.failure
            try:
                results = self.writer.save(documents, source_id, into=into)
            except DatabaseError as exc:
                self._failed(exc)
                raise
            self._count([results])
            if then:
                then(results)
            return results
        future: asyncio.Future[list[SaveResult]] = loop.create_future()
        self.waiting.append(Waiting(documents, source_id, then, future))
        if len(self.waiting) >= SAVE_PAGES:
            self._commit_soon(loop)
        elif self.due is None:
            self.due = loop.call_later(SAVE_SECONDS, self._commit)
        return await future

    def _commit_soon(self, loop: asyncio.AbstractEventLoop) -> None:
        """Save and commit at the end of this turn of the loop."""
        if self.soon:
            return
        if self.due is not None:
            self.due.cancel()
        self.due, self.soon = loop.call_soon(self._commit), True

    def _commit(self) -> None:
        self.due, self.soon = None, False
        self._save_waiting()
        try:
            self.writer.commit()
        except DatabaseError as exc:  # a full disk: what was saved since the last commit is lost, and the fetch stops
            self._failed(exc)
            return
        self.settle()

    def _failed(self, exc: DatabaseError) -> None:
        """A commit failed: the batch is rolled back (SQLite may have done so itself), so the pages saved since the
        last commit are not kept, and every later save is refused with the same error."""
        self.failure = self.failure or exc
        conn = self.writer.batch.conn
        with contextlib.suppress(Exception):
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        self.open = {}

    @property
    def kept(self) -> tuple[int, int]:
        """(documents saved, added or updated, and documents unchanged) that the archive has kept: committed."""
        changed = sum(self.committed.values())
        return changed, len(self.committed) - changed

    def _count(self, outcomes: list) -> None:
        """Count the documents just saved, then settle what a commit made while they were saved has kept."""
        for outcome in outcomes:
            if isinstance(outcome, list):
                for result in outcome:
                    changed = result.status != "unchanged"
                    self.open[result.document_id] = self.open.get(result.document_id, False) or changed
        self.settle()

    def settle(self) -> None:
        """What was saved before the batch's last commit is kept (the writer commits when a batch is due, and
        when it closes)."""
        if self.writer.batch.commits != self.commits:
            self.commits = self.writer.batch.commits
            for document_id, changed in self.open.items():
                self.committed[document_id] = self.committed.get(document_id, False) or changed
            self.open = {}

    def check(self) -> None:
        """Raise the failure of a commit that no save came after to report."""
        if self.failure is not None:
            raise self.failure

    def _save_waiting(self) -> None:
        waiting = [entry for entry in self.waiting if not entry.future.done()]  # a cancelled page is not saved
        self.waiting = []
        if not waiting:
            return
        try:
            outcomes = self.writer.save_each([(entry.documents, entry.source_id) for entry in waiting])
        except DatabaseError as exc:  # the archive cannot be written: every page waiting is told
            self._failed(exc)
            for entry in waiting:
                _settle(entry.future, exc)
            return
        self._count(outcomes)
        for entry, outcome in zip(waiting, outcomes, strict=True):
            if isinstance(outcome, str):
                _settle(entry.future, ItemFailed(outcome))
                continue
            try:
                if entry.then:
                    entry.then(outcome)
            except DatabaseError as exc:
                _settle(entry.future, exc)
                continue
            _settle(entry.future, outcome)


def _settle(future: asyncio.Future, outcome: object) -> None:
    """Give a waiting page its results or its exception, unless Ctrl-C has cancelled it meanwhile."""
    with contextlib.suppress(asyncio.InvalidStateError):
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)
