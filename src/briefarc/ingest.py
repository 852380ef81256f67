"""Reading pages a user already saved: files, folders, gzip, WARC files, standard input."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefarc.errors import BriefarcError, InputError, UsageError
from briefarc.models import RawPage, SaveResult

if TYPE_CHECKING:
    import sqlite_utils

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MAX_BYTES = 64 * 1024 * 1024  # a saved page larger than this is not a briefing
STDIN = "-"
PARALLEL_FROM = 50  # inputs from which a writer process pays for its start


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # WARC records that hold no HTML page: images, redirects, errors
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # stored, but with a doubt (an encoding)

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
            "warnings": [{"input": name, "warning": text} for name, text in self.warnings],
        }


def is_page_file(path: Path, *, warc: bool = False) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(PAGE_SUFFIXES) or (warc and name.endswith(".warc"))


def iter_inputs(paths: list[str], *, warc: bool = False) -> Iterator[str]:
    """Each file to read, folders walked in sorted order; missing paths and empty folders come out as they are.

    With `warc`, folders also give their .warc and .warc.gz files.
    """
    for raw in paths:
        path = Path(raw)
        if raw == STDIN or not path.is_dir():
            yield raw
            continue
        found = False
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if is_page_file(Path(name), warc=warc):
                    found = True
                    yield os.path.join(folder, name)
        if not found:  # reported by read_input: a folder with nothing to read
            yield raw


def count_inputs(paths: list[str]) -> int:
    return sum(1 for _ in iter_inputs(paths, warc=True))


def read_input(name: str) -> bytes:
    """The bytes of a file (gunzipped when gzipped) or of standard input."""
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                # read(n) would reserve n bytes first: ask for the file's size when it is known
                data = handle.read(size + 1 if 0 < size <= MAX_BYTES else MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except IsADirectoryError as exc:
        raise InputError("a folder with no pages in it (.html, .htm, .xhtml, gzipped or not, .warc)") from exc
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
        if not decompressor.eof:  # half a page would replace a good copy: refuse it
            raise InputError("broken gzip data: the file is cut short")
        data = decompressor.unused_data
    return b"".join(parts)


@dataclass
class _Run:
    """One ingest: what it has counted, whom it tells, and the writer that saves on its own thread."""

    report: IngestReport
    on_input: Callable[[str, list[SaveResult] | None, str | None], None] | None
    writer: object = None  # a SerialWriter or a ProcessWriter

    def fail(self, name: str, reason: str) -> None:
        self.report.failed.append((name, reason))
        if self.on_input:
            self.on_input(name, None, reason)

    def saved(self, name: str, results: list[SaveResult]) -> None:
        self.report.count(results)
        if self.on_input:
            self.on_input(name, results, None)


def ingest(
    db: sqlite_utils.Database, paths: list[str], *, url: str | None = None, source: str | None = None,
    on_input: Callable[[str, list[SaveResult] | None, str | None], None] | None = None,
) -> IngestReport:
    """Store every page under `paths`. One bad file (or WARC record) is reported and skipped; the rest go on.

    Pages are saved in batches (each page all or nothing), by a writer process beside the extraction
    when there are many; Ctrl-C or an error commits the pages already complete before it stops.
    """
    from briefarc.store import ensure_source

    if url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise UsageError("--url names the address of a single page: give exactly one file with it.")
    source_id = ensure_source(db, source) if source else None
    run = _Run(IngestReport(), on_input)
    with _writer(db, paths, source_id, run) as writer:
        run.writer = writer
        for name in iter_inputs(paths, warc=True):
            _ingest_one(run, name, url)
    return run.report


def _writer(db: sqlite_utils.Database, paths: list[str], source_id: int | None, run: _Run):
    """A writer process beside the extraction for a bulk ingest on a machine with cores to spare."""
    from briefarc.store.writer import ProcessWriter, SerialWriter

    path = db.execute("PRAGMA database_list").fetchone()[2]
    if path and (os.cpu_count() or 1) >= 2 and STDIN not in paths and _at_least(paths, PARALLEL_FROM):
        return ProcessWriter(Path(path), source_id, run.saved, run.fail)
    return SerialWriter(db, source_id, run.saved, run.fail)


def _at_least(paths: list[str], count: int) -> bool:
    from itertools import islice

    return sum(1 for _ in islice(iter_inputs(paths, warc=True), count)) >= count


def _ingest_one(run: _Run, name: str, url: str | None) -> None:
    from briefarc.warc import is_warc_file, looks_like_warc

    if name != STDIN and is_warc_file(name):
        _check_no_url(url)
        _ingest_warc(run, name, name)
        return
    try:
        data = read_input(name)
    except InputError as exc:
        run.fail(name, str(exc))
        return
    if looks_like_warc(data):
        _check_no_url(url)
        _ingest_warc(run, io.BytesIO(data), name)
        return
    origin = "<stdin>" if name == STDIN else os.path.abspath(name)
    _store(run, RawPage(data=data, origin=origin, url=url), name)


def _store(run: _Run, page: RawPage, name: str) -> None:
    from briefarc.pipeline import documents_of

    try:
        documents = list(documents_of(page))
    except InputError as exc:
        run.fail(name, str(exc))
        return
    except BriefarcError:
        raise
    except Exception as exc:  # an extractor bug must not end the batch
        run.fail(name, f"internal error while reading the page: {type(exc).__name__}: {exc}")
        return
    for doc, _ in documents:
        run.report.warnings.extend((name, warning) for warning in doc.warnings)
    run.writer.put(name, documents)


def _ingest_warc(run: _Run, source: str | io.BytesIO, name: str) -> None:
    """Each HTML response of a WARC file, stored like a page file; records that are not pages are skipped."""
    from briefarc.warc import read_warc

    label = "<stdin>" if name == STDIN else os.path.abspath(name)
    try:
        for entry in read_warc(source, label):
            where = f"{name}#{entry.where}"
            if entry.page is not None:
                _store(run, entry.page, where)
            elif entry.error:
                run.fail(where, entry.error)
            elif entry.skipped:
                run.report.skipped += 1
    except InputError as exc:
        run.fail(name, str(exc))


def _check_no_url(url: str | None) -> None:
    if url:
        raise UsageError("--url does not apply to a WARC file: each record carries its own address.")
