"""JSON Lines (the full record) and CSV (a flat subset with the body)."""

from __future__ import annotations

import csv
import json
from typing import IO, TYPE_CHECKING

from briefarc.store.search import Filters
from briefarc.store.stream import iter_records

if TYPE_CHECKING:
    import sqlite_utils

CSV_COLUMNS = [
    "id", "published", "source", "kind", "language", "spokesperson", "title", "subtitle", "author",
    "url", "canonical_url", "native_id", "archived_at", "updated_at", "sha256", "body",
]
# Line separators that JSON leaves as they are but line-splitting readers (Python, JavaScript) break on.
LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def write_records(db: sqlite_utils.Database, filters: Filters | None, fmt: str, out: IO[str], report) -> None:
    records = iter_records(db, filters)
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            writer.writerow(csv_row(record))
            report.documents += 1
    else:
        for record in records:
            out.write(json_line(record))
            report.documents += 1
    report.written = report.documents
    out.flush()


def json_line(record: dict) -> str:
    """One record as one line of JSON: control characters escaped, never a raw line break."""
    return json.dumps(record, ensure_ascii=False, default=str).translate(LINE_BREAKS) + "\n"


def csv_row(record: dict) -> list[str]:
    from briefarc.render import clean

    return [clean(record.get(column)) for column in CSV_COLUMNS]
