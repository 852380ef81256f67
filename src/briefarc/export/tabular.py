"""JSON Lines (the full record) and CSV (a flat subset with the body)."""

from __future__ import annotations

import csv
from typing import IO, TYPE_CHECKING

from briefarc.output.textout import csv_cell, is_terminal, json_line
from briefarc.store.search import Filters
from briefarc.store.stream import iter_records

if TYPE_CHECKING:
    import sqlite_utils

# published as the page gives it (a day, or an instant with its offset), then the day alone and the instant in UTC:
# a column of days and instants mixed was one that pandas' to_datetime and R's lubridate::ymd refused whole
CSV_COLUMNS = [
    "id", "published", "published_date", "published_utc", "source", "site", "kind", "language", "spokesperson",
    "title", "subtitle", "author",
    "url", "canonical_url", "claimed_url", "native_id", "archived_at", "updated_at", "removed_at", "versions",
    "sha256", "body",
]


def write_records(db: sqlite_utils.Database, filters: Filters | None, fmt: str, out: IO[str], report,
                  *, safe: bool = False) -> None:
    """JSON Lines, or CSV (with `safe`, cells that a spreadsheet would run as formulas are defused)."""
    records = iter_records(db, filters)
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        terminal = is_terminal(out)
        for record in records:
            writer.writerow([csv_cell(record.get(column), for_terminal=terminal, safe=safe)
                             for column in CSV_COLUMNS])
            report.documents += 1
    else:
        for record in records:
            out.write(json_line(record))
            report.documents += 1
    report.written = report.documents
    out.flush()

