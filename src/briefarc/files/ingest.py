"""`briefarc ingest`: store the pages a user saved (files, folders, WARC files, standard input)."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefarc.errors import (
    BriefarcError,
    DatabaseError,
    DiskFull,
    InputError,
    Interrupted,
    UsageError,
    is_disk_full,
    item_failure,
)
from briefarc.files.inputs import STDIN, is_warc_file, iter_inputs, looks_like_warc, read_page_file
from briefarc.limits import MAX_PAGE_BYTES
from briefarc.models import Document, ListingItem, RawPage, SaveResult

if TYPE_CHECKING:
    import sqlite_utils

    from briefarc.store.db import Batch
    from briefarc.store.writer import ProcessWriter, SerialWriter

PARALLEL_FROM = 50  # inputs from which a writer process pays for its start


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # WARC records that hold no HTML page: images, redirects, errors
    resources: list[str] = field(default_factory=list)  # page files in a saved page's folder (Briefing_files)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # stored, but with a doubt (an encoding)
    assumed: dict[str, int] = field(default_factory=dict)  # site assumed for pages without a URL: pages
    listings: int = 0  # listing pages: not documents; their article links are noted as pending items
    listed: list[tuple[ListingItem, str]] = field(default_factory=list)  # (item, the listing's address)
    unplaced: int = 0  # listing links that are relative on a page that gives no address of its own
    private: int = 0  # listing links to a private network (localhost), which fetch refuses from a public page
    private_hosts: dict[str, None] = field(default_factory=dict)  # the hosts of those links, each once, in order
    no_text: list[str] = field(default_factory=list)  # pages with a title and no body: not archived
    refiled: int = 0  # archived pages now filed under the --source given
    addressed: int = 0  # archived pages without an address that take the one --url gives
    archived: int = 0  # listing links whose page is archived (before, or in this run): not pending

    def count(self, results: list[SaveResult]) -> None:
        for result in results:
            setattr(self, result.status, getattr(self, result.status) + 1)
            self.refiled += result.refiled
            self.addressed += result.addressed

    @property
    def pending_items(self) -> int:
        return len(self.listed) - self.archived

    @property
    def ok(self) -> bool:
        return not self.failed and not self.no_text

    def as_dict(self) -> dict:
        summary = {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged,
            "skipped": self.skipped + len(self.resources),
            "failed": [{"input": name, "error": reason} for name, reason in self.failed],
            "warnings": [{"input": name, "warning": text} for name, text in self.warnings],
        }
        if self.refiled:
            summary["refiled"] = self.refiled
        if self.addressed:
            summary["addressed"] = self.addressed
        if self.resources:
            summary["resources"] = self.resources
        if self.no_text:
            summary["no_text"] = self.no_text
        if self.assumed:  # pages without a URL, per site assumed from their own markup
            summary["assumed_sites"] = [_assumed(label, pages) for label, pages in self.assumed.items()]
        if self.listings:
            listings = {"pages": self.listings, "pending_items": self.pending_items,
                        "links_without_address": self.unplaced, "links_to_private_addresses": self.private}
            summary["listings"] = listings | ({"links_archived": self.archived} if self.archived else {})
        return summary


@dataclass
class _Run:
    """One ingest: what it has counted, whom it tells, and the writer that saves on its own thread."""

    report: IngestReport
    on_input: Callable[[str, list[SaveResult] | None, str | None], None] | None
    limit: int = MAX_PAGE_BYTES  # a page (a file, or a WARC record) larger than this fails
    writer: SerialWriter | ProcessWriter = field(init=False)  # set by ingest() once it is open
    # Saved by a SerialWriter in a batch not committed yet, with the writer's count of commits then: counted once
    # committed. A full disk rolls the batch back, and "N saved" counted pages the archive did not keep.
    uncommitted: list[tuple[int, list[SaveResult]]] = field(default_factory=list)

    def fail(self, name: str, reason: str) -> None:
        self.report.failed.append((name, reason))
        if self.on_input:
            self.on_input(name, None, reason)

    def no_text(self, name: str) -> None:
        self.report.no_text.append(name)
        if self.on_input:
            self.on_input(name, [], None)

    def saved(self, name: str, results: list[SaveResult]) -> None:
        batch = self._open_batch()
        if batch is None:  # committed already (a ProcessWriter reports what it has committed)
            self.report.count(results)
        else:
            self.uncommitted.append((batch.commits, results))
        if self.on_input:
            self.on_input(name, results, None)

    def _open_batch(self) -> Batch | None:
        """The SerialWriter's batch while its transaction is open."""
        batch = getattr(self.writer, "batch", None)
        return batch if batch is not None and batch.conn.in_transaction else None

    def settle(self) -> None:
        """Count what the writer has committed since it was saved; the rest (rolled back) is left out."""
        batch = getattr(self.writer, "batch", None)
        if batch is None or not self.uncommitted:
            return
        for commits, results in self.uncommitted:
            if batch.commits > commits:
                self.report.count(results)
        self.uncommitted = []


def ingest(
    db: sqlite_utils.Database, paths: list[str], *, url: str | None = None, source: str | None = None,
    on_input: Callable[[str, list[SaveResult] | None, str | None], None] | None = None,
    max_size: int = MAX_PAGE_BYTES, on_wait: Callable[[], None] | None = None,
) -> IngestReport:
    """Store every page under `paths`. One bad file (or WARC record) is reported and skipped; the rest go on.
    A page larger than `max_size` bytes is one such failure, found before it is read whole.

    Pages are saved in batches (each page all or nothing), by a writer process beside the extraction
    when there are many; Ctrl-C or an error commits the pages already complete before it stops (Ctrl-C
    raises Interrupted, with their number). Another ingest into the archive is waited for (`on_wait` is called
    first).
    """
    from briefarc.store.db import run_of_its_own
    from briefarc.store.sources import ensure_source
    from briefarc.urls import as_typed

    if url and (len(paths) != 1 or Path(paths[0]).is_dir()):
        raise UsageError("--url names the address of a single page: give exactly one file with it.")
    url = as_typed(url) if url else None
    source_id = ensure_source(db, source) if source else None
    run = _Run(IngestReport(), on_input, max_size)
    try:
        with run_of_its_own(db, on_wait):  # two ingests at once take turns: what they make is what one order makes
            try:
                with _writer(db, paths, source_id, run) as writer:
                    run.writer = writer
                    for name in iter_inputs(paths, warc=True, resources=run.report.resources):
                        _ingest_one(run, name, url)
            finally:
                run.settle()
            # after the pages are saved, whichever came first: a link to one saved is no pending item
            run.report.archived = _note_listed(db, run.report.listed, source_id)
    except KeyboardInterrupt as exc:  # the writer has saved and committed what was handed over whole
        raise Interrupted(run.report.added + run.report.updated, run.report.unchanged) from exc
    except DatabaseError as exc:
        if not is_disk_full(exc):
            raise
        from briefarc.store.db import archive_name

        raise DiskFull(archive_name(db), run.report.added + run.report.updated, run.report.unchanged) from exc
    return run.report


def _note_listed(db: sqlite_utils.Database, listed: list[tuple[ListingItem, str]], source_id: int | None) -> int:
    """The article links of the listing pages, kept as pending items (`briefarc fetch` of the listing, or of the
    source, fetches them) but for those whose page is archived, before or in this run: the number of those."""
    from briefarc.store import pending

    return pending.note_listed(db, [(item.url, found_on, item.title, item.published) for item, found_on in listed],
                               source_id=source_id)


def _writer(db: sqlite_utils.Database, paths: list[str], source_id: int | None, run: _Run):
    """A writer process beside the extraction for a bulk ingest on a machine with cores to spare."""
    from briefarc.store.db import database_file
    from briefarc.store.writer import INGEST_BATCH, ProcessWriter, SerialWriter

    path = database_file(db)
    if path and (os.cpu_count() or 1) >= 2 and STDIN not in paths and _at_least(paths, PARALLEL_FROM):
        return ProcessWriter(path, source_id, run.saved, run.fail)
    return SerialWriter(db, source_id, run.saved, run.fail, size=INGEST_BATCH)


def _at_least(paths: list[str], count: int) -> bool:
    from itertools import islice

    return sum(1 for _ in islice(iter_inputs(paths, warc=True), count)) >= count


def _ingest_one(run: _Run, name: str, url: str | None) -> None:
    if name != STDIN and is_warc_file(name):
        _check_no_url(url)
        _ingest_warc(run, name, name)
        return
    try:
        data, member = read_page_file(name, run.limit)
    except InputError as exc:
        run.fail(name, item_failure(exc))
        return
    if looks_like_warc(data):
        _check_no_url(url)
        _ingest_warc(run, io.BytesIO(data), name)
        return
    _store(run, RawPage(data=data, origin=_origin(name), url=url, packed=_packed(member, data)), name)


def _origin(name: str) -> str:
    """Where a file was read from, as stored: bytes of a name that are not UTF-8 as \\xff escapes (the system
    hands them over as lone surrogates, which SQLite cannot store: the page failed to save)."""
    if name == STDIN:
        return "<stdin>"
    return os.path.abspath(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _packed(member: bytes | None, data: bytes) -> bytes | None:
    """A gzipped page's own deflate stream, to be stored as it is (not compressed again)."""
    if member is None:
        return None
    from briefarc.store.blobs import from_gzip

    return from_gzip(member, data)


def _store(run: _Run, page: RawPage, name: str) -> None:
    from briefarc.pipeline import documents_of

    try:
        documents = list(documents_of(page))
    except InputError as exc:
        run.fail(name, item_failure(exc))
        return
    except BriefarcError:
        raise
    except Exception as exc:  # an extractor bug must not end the batch
        run.fail(name, item_failure(exc, "while reading the page"))
        return
    documents = [(doc, raw) for doc, raw in documents if not _listing(run.report, doc, page)]
    if documents and all(doc.title_only for doc, _ in documents):  # listings are sorted out above
        run.no_text(name)
        return
    for doc, _ in documents:
        run.report.warnings.extend((name, warning) for warning in doc.warnings)
        if doc.assumed_site:
            run.report.assumed[doc.assumed_site] = run.report.assumed.get(doc.assumed_site, 0) + 1
    run.writer.put(name, documents)


def _listing(report: IngestReport, doc: Document, page: RawPage) -> bool:
    """A listing page is no document: its article links (those with a web address) are kept to fetch, but for
    links to a private network on a listing that is not on one itself (fetch refuses them, as reached through a
    public page: net/addresses.py)."""
    if doc.kind != "listing":
        return False
    from briefarc.urls import bracketed, hostname, is_web_url

    report.listings += 1
    found_on = doc.url or doc.canonical_url or page.url or page.origin
    placed = [(item, found_on) for item in doc.items if is_web_url(item.url)]
    report.unplaced += len(doc.items) - len(placed)
    if placed:
        from briefarc.net.addresses import names_private

        inside = is_web_url(found_on) and names_private(found_on)  # an intranet's listing: its links are its own
        kept: list[tuple[ListingItem, str]] = []
        refused: list[tuple[ListingItem, str]] = []
        for pair in placed:
            (refused if not inside and names_private(pair[0].url) else kept).append(pair)
        report.private += len(refused)
        report.private_hosts.update(dict.fromkeys(bracketed(hostname(item.url)) for item, _ in refused))
        placed = kept
    report.listed.extend(placed)
    return True


def _ingest_warc(run: _Run, source: str | io.BytesIO, name: str) -> None:
    """Each HTML response of a WARC file, stored like a page file; records that are not pages are skipped."""
    from briefarc.files.warc import read_warc

    label = _origin(name)
    records = others = 0
    try:
        for entry in read_warc(source, label, run.limit):
            where = f"{name}#{entry.where}"
            records += 1
            if entry.page is not None:
                _store(run, entry.page, where)
            elif entry.error:
                run.fail(where, entry.error)
            elif entry.skipped:
                run.report.skipped += 1
            else:
                others += 1
    except InputError as exc:
        run.fail(name, item_failure(exc))
        return
    if records == others:  # warcinfo, requests, metadata, revisits, records of a type no one knows: no page at all
        held = f"{records} record{'s' * (records != 1)} of other types" if records else "no record at all"
        run.report.warnings.append((name, f"no response or resource record ({held}): nothing to archive"))


def _check_no_url(url: str | None) -> None:
    if url:
        raise UsageError("--url does not apply to a WARC file: each record carries its own address.")


def _assumed(label: str, pages: int) -> dict:
    """{"site", "reason", "pages"} of a site assumed as "state.gov (from its canonical link)" says it."""
    site, _, reason = label.rpartition(" (") if label.endswith(")") else (label, "", "")
    return {"site": site, "reason": reason[:-1] if reason.endswith(")") else reason or None, "pages": pages}
