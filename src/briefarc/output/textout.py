"""Lines of JSON and cells of CSV for scripts: exact text, never a broken line or a terminal trick."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import IO, Any

# C0 and C1 controls but tab and newline, DEL, bidirectional overrides, isolates and marks, zero-width
# spaces and joiners, line and paragraph separators: what could reorder, hide or split what a terminal shows.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
                     "\ud800-\udfff]")  # and lone surrogates: a file name's bytes that are not UTF-8 (\udcff)

# Characters JSON leaves as they are but that line-splitting readers (Python, JavaScript) break on
# (U+0085, U+2028, U+2029) or that drive or hide from a terminal (DEL, C1 controls, bidirectional overrides,
# isolates and marks, zero-width spaces and joiners, the BOM).
# Written as \u escapes they read back as the same text.
RAW_IN_JSON = (*range(0x7F, 0xA0), 0x061C, *range(0x200B, 0x2010), *range(0x2028, 0x202F), *range(0x2060, 0x206A),
               0xFEFF)
JSON_ESCAPES = {code: f"\\u{code:04x}" for code in RAW_IN_JSON}
RAW_JSON = re.compile("[" + "".join(map(chr, RAW_IN_JSON)) + "]")  # found in C: most lines hold none


SURROGATE = re.compile("[\ud800-\udfff]")


def escaped(json_text: str) -> str:
    """JSON text with the characters of RAW_IN_JSON written as \\u escapes (str.translate, which looks up every
    character of a long text in a dict, only when the text holds one)."""
    return json_text.translate(JSON_ESCAPES) if RAW_JSON.search(json_text) else json_text


def json_line(record: object) -> str:
    """One record as one line of JSON: control characters escaped, never a raw line break. A lone surrogate (the
    bytes of a file name that are not UTF-8) becomes the text \\xff, as `show` gives such a name: written raw,
    it made the line invalid UTF-8 that `python -m json.tool` and jq refused."""
    line = escaped(json.dumps(record, ensure_ascii=False, default=str))
    return SURROGATE.sub(lambda match: "\\" + _visible(match), line) + "\n"


# What makes a spreadsheet read a cell as a formula (CSV injection): such text cells get a leading "'".
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object, *, for_terminal: bool, safe: bool = False) -> str:
    """A CSV cell: the exact text for a file or a pipe; control characters made visible on a terminal;
    with `safe` (for spreadsheets), text that would start a formula is defused with a leading "'".

    A list or a mapping (a hit's highlights) is written as JSON, as in [[0, 7], [30, 37]].
    """
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)
    if safe and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        text = "'" + text
    return clean(text) if for_terminal else text


# The encoding of an output that is not UTF-8 (cli.escape_unencodable sets it, with the error handler that writes
# the characters it lacks as \\uXXXX): clean() writes them so itself, before a table measures its cells.
NARROW_ENCODING: str | None = None
ESCAPES = "briefarc.escapes"  # the name of cli.escape_unencodable's error handler, for codecs


def clean(value: object) -> str:
    """Text safe for a terminal: control characters shown as visible escapes such as ␛ or \\x07; on an output
    that is not UTF-8, the characters it lacks as \\uXXXX (a table's columns are measured on what is written)."""
    if value is None:
        return ""
    text = CONTROL.sub(_visible, str(value))
    if NARROW_ENCODING is not None and not text.isascii():
        try:
            text.encode(NARROW_ENCODING)
        except UnicodeEncodeError:
            text = text.encode(NARROW_ENCODING, ESCAPES).decode(NARROW_ENCODING)
    return text


def wide_colon(label: str, text: str) -> bool:
    """Whether a speaker's label ends in a full-width colon and no space, as Chinese and Japanese write it: a
    label in those languages (答, 华春莹), or one before text in them ("答：3月2日，…" as the page has it)."""
    return any(unicodedata.east_asian_width(char) in ("W", "F") for char in (label[-1:], text[:1]) if char)


def shorten(value: str, size: int = 240) -> str:
    """The text on one line, cut to `size` characters with an ellipsis."""
    flat = " ".join(value.split())
    return flat if len(flat) <= size else flat[:size - 1].rstrip() + "…"


def clean_name(value: object) -> str:
    """A file name or address on one line: as clean() gives it, a line break in it shown as \\n (a file named
    "bin\\nfake: ok.html" forged a line of its own in the ingest summary)."""
    return clean(value).replace("\n", "\\n")


def _visible(match: re.Match) -> str:
    char = match.group(0)
    if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8, as Python hands it over
        return f"\\x{ord(char) - 0xDC00:02x}"
    return "␛" if char == "\x1b" else f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def csv_safe(choice: bool | None, out: IO[str] | None = None, path: str | None = None) -> bool:
    """Whether to defuse formulas: as asked (--csv-safe / --no-csv-safe), else when the CSV goes to a file
    named *.csv (given with -o, or standard output sent to one)."""
    if choice is not None:
        return choice
    name = path or _file_name(out)
    return name is not None and name.lower().endswith(".csv")


def _file_name(out: IO[str] | None) -> str | None:
    """The name of the file a stream writes to, where the system says (Linux: standard output sent to a file)."""
    if out is None:
        return None
    try:
        return os.readlink(f"/proc/self/fd/{out.fileno()}")
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        name = getattr(out, "name", None)
        return name if isinstance(name, str) else None


def is_terminal(out: IO[str]) -> bool:
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json_line(row))


def write_csv(rows: list[dict], columns: list[str], out: IO[str], *, safe: bool | None = None) -> None:
    terminal, safe = is_terminal(out), csv_safe(safe, out)
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        if safe:
            row = _defused_highlights(row)
        writer.writerow([csv_cell(row.get(column), for_terminal=terminal, safe=safe) for column in columns])


def _defused_highlights(row: dict) -> dict:
    """A hit whose snippet gets a leading "'" (csv_cell, for spreadsheets), with its highlights' offsets moved
    by it: they point into the snippet as written."""
    snippet, spans = row.get("snippet"), row.get("highlights")
    if not (spans and isinstance(snippet, str) and snippet.startswith(FORMULA_STARTS)):
        return row
    return {**row, "highlights": [[start + 1, end + 1] for start, end in spans]}


def count_line(shown: int, total: int, offset: int, more_hint: str | None = None) -> str | None:
    """"20 of 363 — `--offset 20` for more" when a page holds part of the results; None when it holds them all.
    `more_hint` names another way to see more (a command without --offset: "`--limit`")."""
    if shown >= total and not offset:
        return None
    if not shown:
        return f"No results from {offset + 1:,} on: there are {total:,} in all (try a smaller --offset)."
    first, last = offset + 1, offset + shown
    where = f"{shown:,}" if first == 1 else f"{first:,}–{last:,}"
    more = f" — {more_hint or f'`--offset {last}`'} for more" if last < total else ""
    return f"{where} of {total:,}{more}"
