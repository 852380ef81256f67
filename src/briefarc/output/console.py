"""The two consoles: data to stdout, diagnostics and progress to stderr."""

from __future__ import annotations

import os
import sys
from functools import cache

from rich.console import Console


@cache
def out() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=False, width=_width())


@cache
def err() -> Console:
    return Console(file=sys.stderr, highlight=False, stderr=True, width=_width())


def _width() -> int | None:
    columns = os.environ.get("COLUMNS")
    return int(columns) if columns and columns.isdigit() else None


def error(message: str) -> None:
    """One line on stderr; the message is printed as plain text, never as markup."""
    from briefarc.output.textout import clean

    err().print("Error: " + clean(message), markup=False, highlight=False, soft_wrap=True)


def warn(message: str) -> None:
    from briefarc.output.textout import clean

    err().print("Warning: " + clean(message), markup=False, highlight=False, soft_wrap=True)


def reset() -> None:
    """Forget the consoles (tests swap sys.stdout and sys.stderr)."""
    out.cache_clear()
    err.cache_clear()
