"""Names the sources print for one person or one outlet (names.json): a spokesperson's name in each script of a
ministry's pages, and the spellings of one news organisation that no general rule folds."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _names() -> dict:
    return json.loads(resources.files("briefarc.sources").joinpath("names.json").read_text("utf-8"))


def spokesperson_names() -> tuple[tuple[str, ...], ...]:
    """Each spokesperson's names, one per script the ministry's pages use (Hua Chunying, 华春莹)."""
    return tuple(tuple(person["names"]) for person in _names()["spokespersons"])


def outlet_aliases() -> tuple[tuple[str, ...], ...]:
    """Each outlet's spellings that are one organisation (CRI, China Radio International)."""
    return tuple(tuple(group) for group in _names()["outlets"])
