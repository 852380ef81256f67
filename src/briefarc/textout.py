"""Lines of JSON and cells of CSV for scripts: exact text, never a broken line or a terminal trick."""

from __future__ import annotations

import json
from typing import IO

# Line separators that JSON leaves as they are but line-splitting readers (Python, JavaScript) break on.
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_line(record: object) -> str:
    """One record as one line of JSON: control characters escaped, never a raw line break."""
    return json.dumps(record, ensure_ascii=False, default=str).translate(LINE_BREAKS) + "\n"


def csv_cell(value: object, *, for_terminal: bool) -> str:
    """A CSV cell: the exact text for a file or a pipe; control characters made visible on a terminal."""
    if value is None:
        return ""
    if for_terminal:
        from briefarc.render import clean

        return clean(value)
    return str(value)


def is_terminal(out: IO[str]) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())
