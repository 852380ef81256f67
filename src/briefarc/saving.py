"""A fetch's saves: the pages that arrive in one turn of the event loop are saved together, then committed.

Pages come back from the extraction workers in batches, and their items' tasks all go on in the same turn of
the loop. Saved one by one, each page was a statement per table, and FTS5 writes a segment of each index at
the end of every statement that changes it: merging those segments again cost about a third of saving. Saved
together, a batch's new documents are one statement per table (store/documents.py), as in a bulk ingest.
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
        self.writer, self.due = writer, False
        self.waiting: list[Waiting] = []

    async def save(self, documents: Pairs, source_id: int | None, into: int | None = None,
                   then: Then | None = None) -> list[SaveResult]:
        """A page's results once it is saved with the others at hand; ItemFailed when it alone cannot be.

        `then(results)` runs as soon as the page is saved, before anything else can run (Ctrl-C included): what
        is recorded of the page goes with it into the same transaction. `into`: the document the page is a
        version of, saved at once, after the pages waiting."""
        loop = asyncio.get_running_loop()
        if not self.due:
            self.due = True
            loop.call_soon(self._commit)
        if into is not None:
            self._save_waiting()
            results = self.writer.save(documents, source_id, into=into)
            if then:
                then(results)
            return results
        future: asyncio.Future[list[SaveResult]] = loop.create_future()
        self.waiting.append(Waiting(documents, source_id, then, future))
        return await future

    def _commit(self) -> None:
        self.due = False
        self._save_waiting()
        with contextlib.suppress(DatabaseError):  # a full disk: the next save reports it, the writer rolls back
            self.writer.commit()

    def _save_waiting(self) -> None:
        waiting = [entry for entry in self.waiting if not entry.future.done()]  # a cancelled page is not saved
        self.waiting = []
        if not waiting:
            return
        try:
            outcomes = self.writer.save_each([(entry.documents, entry.source_id) for entry in waiting])
        except DatabaseError as exc:  # the archive cannot be written: every page waiting is told
            for entry in waiting:
                _settle(entry.future, exc)
            return
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
