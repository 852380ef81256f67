"""The safety net of the extraction entry points: InputError and nothing else.

One bad page or feed must never stop a batch, so an unexpected exception (a bug met on strange
input) becomes an InputError that names it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from briefarc.errors import InputError

P = ParamSpec("P")
R = TypeVar("R")


def input_errors_only(what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Make a function raise InputError for any failure ("could not read {what} (...)").

    The function itself stays reachable as `__wrapped__`, for tests that look for the bugs."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return function(*args, **kwargs)
            except InputError:
                raise
            except Exception as exc:
                raise InputError(f"could not read {what} ({type(exc).__name__}: {exc})") from exc

        return guarded

    return decorate
