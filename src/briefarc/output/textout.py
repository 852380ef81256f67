"""Lines of JSON and cells of CSV for scripts: exact text, never a broken line or a terminal trick."""

from __future__ import annotations

import json
from typing import IO

# Characters JSON leaves as they are but that line-splitting readers (Python, JavaScript) break on
# (U+0085, U+2028, U+2029) or that drive a terminal (DEL, C1 controls, bidirectional overrides).
# Written as \u escapes they read back as the same text.
RAW_IN_JSON = (*range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029)
JSON_ESCAPES = {code: f"\\u{code:04x}" for code in RAW_IN_JSON}


def json_line(record: object) -> str:
    """One record as one line of JSON: control characters escaped, never a raw line break."""
    return json.dumps(record, ensure_ascii=False, default=str).translate(JSON_ESCAPES) + "\n"


def csv_cell(value: object, *, for_terminal: bool) -> str:
    """A CSV cell: the exact text for a file or a pipe; control characters made visible on a terminal.

    A list or a mapping (a hit's highlights) is written as JSON, as in [[0, 7], [30, 37]].
    """
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if for_terminal:
        from briefarc.output.render import clean

        return clean(value)
    return str(value)


def is_terminal(out: IO[str]) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())
