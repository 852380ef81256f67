"""Standard streams whose reader went away (`briefarc ingest ... 2>&1 | head`, `--json | true`): what is still
written to them goes nowhere, and the run ends with the exit status of its work, not an error of its output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager


def silence(stream) -> None:
    """Send the stream's file descriptor to /dev/null: its buffered text and what follows are dropped without an
    error (Python would otherwise fail flushing it at exit)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, stream.fileno())
    finally:
        os.close(devnull)


def silence_broken() -> None:
    """Silence each standard stream that can no longer be written (its pipe's reader is gone)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            silence(stream)
        except (OSError, ValueError):  # not a real file (a test's StringIO has no descriptor), or closed
            pass


@contextmanager
def reader_may_go() -> Iterator[None]:
    """The output of a batch whose work is done: a reader gone ends the output, not the run's exit status (3
    when some inputs failed); both streams are flushed here, where a pipe's end would otherwise show only at exit."""
    try:
        yield
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        silence_broken()
