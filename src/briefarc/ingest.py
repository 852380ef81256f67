"""Reading pages a user already saved: files, folders, gzip, WARC files, standard input."""

from __future__ import annotations

import gzip
import io
import os
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from briefarc.errors import BriefarcError, InputError, UsageError
from briefarc.models import RawPage, SaveResult

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MAX_BYTES = 64 * 1024 * 1024  # a saved page larger than this is not a briefing
STDIN = "-"


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # WARC records that hold no HTML page: images, redirects, errors
    failed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, results: list[SaveResult]) -> None:
        for result in results:
            setattr(self, result.status, getattr(self, result.status) + 1)

    @property
    def ok(self) -> bool:
        return not self.failed

    def as_dict(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": self.skipped, "failed": [{"input": name, "error": reason} for name, reason in self.failed],
        }


def is_page_file(path: Path, *, warc: bool = False) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(PAGE_SUFFIXES) or (warc and name.endswith(".warc"))


def iter_inputs(paths: list[str], *, warc: bool = False) -> Iterator[str]:
    """Each file to read, folders walked in sorted order; missing paths come out as they are.

    With `warc`, folders also give their .warc and .warc.gz files.
    """
    for raw in paths:
        path = Path(raw)
        if raw == STDIN or not path.is_dir():
            yield raw
            continue
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if is_page_file(Path(name), warc=warc):
                    yield os.path.join(folder, name)


def count_inputs(paths: list[str]) -> int:
    return sum(1 for _ in iter_inputs(paths, warc=True))


def read_input(name: str) -> bytes:
    """The bytes of a file (gunzipped when gzipped) or of standard input."""
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except IsADirectoryError as exc:
        raise InputError("is a folder") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from exc
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB: not a page")
    return data


def _gunzip(data: bytes) -> bytes:
    """Every member of gzip data: a WARC gzipped record by record has one member per record."""
    parts: list[bytes] = []
    size = 0
    while data[:2] == b"\x1f\x8b":
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = decompressor.decompress(data, MAX_BYTES + 1 - size)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(f"broken gzip data ({exc})") from exc
        parts.append(part)
        size += len(part)
        if size > MAX_BYTES:
            raise InputError(f"decompresses to more than {MAX_BYTES // 2**20} MB: not a page")
        if not decompressor.eof:  # cut short: keep what there is
            break
        data = decompressor.unused_data
    return b"".join(parts)


def ingest(
    db: sqlite_utils.Database, paths: list[str], *, url: str | None = None, source: str | None = None,
    on_input: Callable[[str, list[SaveResult] | None, str | None], None] | None = None,
) -> IngestReport:
    """Store every page under `paths`. One bad file (or WARC record) is reported and skipped; the rest go on."""
    from briefarc.store import ensure_source
    from briefarc.warc import is_warc_file, looks_like_warc

    if url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise UsageError("--url names the address of a single page: give exactly one file with it.")
    source_id = ensure_source(db, source) if source else None
    report = IngestReport()
    for name in iter_inputs(paths, warc=True):
        if name != STDIN and is_warc_file(name):
            _check_no_url(url)
            _ingest_warc(db, name, name, source_id, report, on_input)
            continue
        try:
            data = read_input(name)
        except InputError as exc:
            _fail(report, name, str(exc), on_input)
            continue
        if looks_like_warc(data):
            _check_no_url(url)
            _ingest_warc(db, io.BytesIO(data), name, source_id, report, on_input)
            continue
        origin = "<stdin>" if name == STDIN else os.path.abspath(name)
        _store(db, RawPage(data=data, origin=origin, url=url), name, source_id, report, on_input)
    return report


def _store(db, page: RawPage, name: str, source_id: int | None, report: IngestReport, on_input) -> None:
    from briefarc.pipeline import store_page

    try:
        results = store_page(db, page, source_id)
    except InputError as exc:
        _fail(report, name, str(exc), on_input)
        return
    except (BriefarcError, sqlite3.Error):
        raise
    except Exception as exc:  # an extractor bug must not end the batch
        _fail(report, name, f"internal error while reading the page: {type(exc).__name__}: {exc}", on_input)
        return
    report.count(results)
    if on_input:
        on_input(name, results, None)


def _ingest_warc(db, source: str | io.BytesIO, name: str, source_id: int | None, report: IngestReport,
                 on_input) -> None:
    """Each HTML response of a WARC file, stored like a page file; records that are not pages are skipped."""
    from briefarc.warc import read_warc

    label = "<stdin>" if name == STDIN else os.path.abspath(name)
    try:
        for entry in read_warc(source, label):
            where = f"{name}#{entry.where}"
            if entry.page is not None:
                _store(db, entry.page, where, source_id, report, on_input)
            elif entry.error:
                _fail(report, where, entry.error, on_input)
            elif entry.skipped:
                report.skipped += 1
    except InputError as exc:
        _fail(report, name, str(exc), on_input)


def _check_no_url(url: str | None) -> None:
    if url:
        raise UsageError("--url does not apply to a WARC file: each record carries its own address.")


def _fail(report: IngestReport, name: str, reason: str, on_input) -> None:
    report.failed.append((name, reason))
    if on_input:
        on_input(name, None, reason)
