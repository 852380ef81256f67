"""Exceptions and exit codes. Imports nothing else from briefarc."""

from __future__ import annotations

import os
from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    PARTIAL = 3
    INTERRUPTED = 130


class BriefarcError(Exception):
    """An error meant for the user: the message says what went wrong and what to do next."""

    exit_status = ExitStatus.ERROR


class UsageError(BriefarcError):
    exit_status = ExitStatus.USAGE


class NotFound(BriefarcError):
    """An id, source or file that does not exist."""


class SearchSyntaxError(UsageError):
    """A full-text query that FTS5 cannot read: the user's input, so a usage error (exit 2)."""


class InputError(BriefarcError):
    """A page or file that cannot be archived: empty, binary, not HTML, undecodable."""


class DatabaseError(BriefarcError):
    """The database cannot be opened or written."""


class FetchError(BriefarcError):
    """A request that failed after its retries."""


class Interrupted(BriefarcError):
    """Ctrl-C during an ingest or a fetch: what was saved before it stays (committed, each item whole)."""

    exit_status = ExitStatus.INTERRUPTED

    def __init__(self, saved: int, unchanged: int = 0, message: str | None = None):
        also = f" ({unchanged} unchanged)" if unchanged else ""
        super().__init__(message or f"Interrupted: {saved} saved{also}, rerun to continue.")
        self.saved, self.unchanged = saved, unchanged


class DiskFull(DatabaseError):
    """The archive's disk filled during an ingest: what was saved before it stays (committed, each item whole).
    Exit 3 when some pages went through, 1 when none did."""

    def __init__(self, archive: str, saved: int, unchanged: int = 0):
        also = f" ({unchanged} unchanged)" if unchanged else ""
        super().__init__(f"Cannot write to the database {archive}: the disk is full. {saved} document"
                         f"{'s' * (saved != 1)} saved before it filled{also}; free some space and run again to go on.")
        self.saved, self.unchanged = saved, unchanged
        self.exit_status = ExitStatus.PARTIAL if saved or unchanged else ExitStatus.ERROR


def is_disk_full(exc: BaseException) -> bool:
    """Whether a database error is SQLite's "database or disk is full" (SQLITE_FULL: ENOSPC, as the store says it)."""
    return "disk is full" in str(exc)


def tracebacks_wanted() -> bool:
    """BRIEFARC_TRACEBACK=1: show the traceback of an error, and of each failed item of a batch."""
    return os.environ.get("BRIEFARC_TRACEBACK", "") not in ("", "0")


def item_failure(exc: BaseException, doing: str = "") -> str:
    """The one-line reason a batch records for one failed item (a page, a file, a record).

    An exception outside the BriefarcError family is a bug: the line says so, as an internal error.
    With BRIEFARC_TRACEBACK set, the traceback goes to stderr as well.
    """
    if tracebacks_wanted():
        import traceback

        traceback.print_exception(exc)
    if isinstance(exc, BriefarcError):
        return str(exc)
    return f"internal error{' ' + doing if doing else ''}: {type(exc).__name__}: {exc}"
