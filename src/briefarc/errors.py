"""Exceptions and exit codes. Imports nothing else from briefarc."""

from __future__ import annotations

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
