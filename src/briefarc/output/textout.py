"""Lines of JSON and cells of CSV for scripts: exact text, never a broken line or a terminal trick."""

from __future__ import annotations

import json
import re
from typing import IO

# C0 and C1 controls but tab and newline, DEL, and bidirectional overrides.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

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
    return clean(value) if for_terminal else str(value)


def clean(value: object) -> str:
    """Text safe for a terminal: control characters shown as visible escapes such as ␛ or \\x07."""
    if value is None:
        return ""
    return CONTROL.sub(_visible, str(value))


def _visible(match: re.Match) -> str:
    char = match.group(0)
    return "␛" if char == "\x1b" else f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def is_terminal(out: IO[str]) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())
