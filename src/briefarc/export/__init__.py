"""Exports of the archive: JSON Lines, CSV, Markdown files and WARC, streamed row by row."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefarc.errors import UsageError
from briefarc.store.search import Filters

if TYPE_CHECKING:
    import sqlite_utils

FORMATS = ("jsonl", "csv", "markdown", "warc")
STDOUT = "-"


@dataclass
class ExportReport:
    format: str
    destination: str
    documents: int = 0
    written: int = 0  # lines, rows, files or WARC response/resource records
    failed: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "format": self.format, "destination": self.destination, "documents": self.documents,
            "written": self.written, "failed": [{"item": item, "error": reason} for item, reason in self.failed],
        }


def export(
    db: sqlite_utils.Database, fmt: str, filters: Filters | None = None, output: str | None = None,
    *, all_versions: bool = False, csv_safe: bool | None = None,
) -> ExportReport:
    """Write the matching documents in `fmt` to `output` (a file, a folder for markdown, or stdout).

    CSV for a spreadsheet (`csv_safe`; by default, a file named *.csv) has formula-like cells defused."""
    check_options(fmt, output, all_versions)
    from briefarc.export.tabular import write_records
    from briefarc.output.textout import csv_safe as safe_for

    if output is None or output == STDOUT:  # jsonl or csv: check_options refuses the others
        report = ExportReport(fmt, "<stdout>")
        write_records(db, filters, fmt, sys.stdout, report, safe=safe_for(csv_safe, sys.stdout))
        return report
    report = ExportReport(fmt, output)
    if fmt == "markdown":
        from briefarc.export.markdown import export_markdown

        export_markdown(db, filters, Path(output), report)
    elif fmt == "warc":
        from briefarc.export.warcout import export_warc

        export_warc(db, filters, Path(output), report, all_versions=all_versions)
    else:
        from briefarc.export.files import output_file

        with output_file(Path(output), binary=False) as handle:
            write_records(db, filters, fmt, handle, report, safe=safe_for(csv_safe, path=str(output)))
    return report


# What a file name's ending says its format is.
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".warc": "warc",
              ".warc.gz": "warc"}


def format_for(fmt: str | None, output: str | None) -> str:
    """The export format: --format as given (any case), or told by the file name's ending, or JSON Lines.

    `-o x.csv` alone writes CSV; `-f jsonl -o x.csv` is a usage error rather than JSON in a .csv file.
    A folder (`-o notes/`, or one that exists) says Markdown, the one format written as a folder.
    """
    named = next((kind for ending, kind in sorted(EXTENSIONS.items(), key=lambda item: -len(item[0]))
                  if output and output.lower().endswith(ending)), None)
    if output and output != STDOUT and (output.endswith(("/", os.sep)) or Path(output).is_dir()):
        named = "markdown"
    if fmt is None and named is None and output and output.lower().endswith((".md", ".markdown")):
        raise UsageError(f"Markdown is written as one file per document: give -o a folder, as in -o notes/, "
                         f"not {output!r} (or -f jsonl to write JSON Lines there).")
    if fmt is None:
        return named or "jsonl"
    fmt = fmt.strip().lower()
    if named and named != "markdown" and fmt in FORMATS and named != fmt:  # a folder: export.files says so
        raise UsageError(f"--format {fmt} does not match the file name {output!r}, which says {named}: "
                         "change one of them (or leave out --format).")
    return fmt


def check_options(fmt: str, output: str | None, all_versions: bool) -> None:
    if fmt not in FORMATS:
        raise UsageError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    if all_versions and fmt != "warc":
        raise UsageError("--all-versions applies to --format warc only: the other formats hold the current text.")
    if fmt == "markdown" and output in (None, STDOUT):
        raise UsageError("--format markdown writes one file per document: give a folder with -o, as in -o notes/.")
    if fmt == "warc" and output in (None, STDOUT):
        raise UsageError("--format warc writes a file: give its name with -o, as in -o briefings.warc.gz.")
