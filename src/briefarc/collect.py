"""`briefarc fetch`: discover items at each source, fetch what is new, extract and store it."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefarc.errors import BriefarcError, DatabaseError, item_failure
from briefarc.models import RawPage, Source
from briefarc.sources.base import Context, Item, Unchanged
from briefarc.store import fetchlog

if TYPE_CHECKING:
    import sqlite_utils

    from briefarc.net.fetch import FetchConfig, Fetcher, RequestRecord

URLS_SOURCE = "(urls)"
COUNTERS = ("discovered", "fetched", "added", "updated", "unchanged", "skipped", "failed", "removed")


@dataclass
class FetchOptions:
    since: str | None = None
    max_items: int | None = None
    dry_run: bool = False
    refresh: bool = False
    config: FetchConfig | None = None
    workers: int | None = None  # extraction processes; None: one per spare core (briefarc.offload)


@dataclass
class SourceReport:
    name: str
    discovered: int = 0
    fetched: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    removed: int = 0
    error: str | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)
    planned: list[dict] = field(default_factory=list)  # --dry-run: what would be fetched
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.error and not self.failed

    def as_dict(self) -> dict:
        data = {name: getattr(self, name) for name in COUNTERS}
        data.update(source=self.name, error=self.error, notes=self.notes,
                    failures=[{"url": url, "error": reason} for url, reason in self.failures])
        if self.planned:
            data["planned"] = self.planned
        return data


CURRENT_RUN: contextvars.ContextVar[int | None] = contextvars.ContextVar("briefarc_run", default=None)


class RequestBuffer:
    """Request records kept in memory briefly and written in batches, one transaction each.

    Each request is logged against the run of the source whose task made it (CURRENT_RUN, which
    the tasks a source starts inherit): listing pages, API pages, robots.txt and redirects too."""

    def __init__(self, db: sqlite_utils.Database, size: int = 100):
        self.db, self.size = db, size
        self.rows: list[tuple] = []

    def __call__(self, record: RequestRecord) -> None:
        run_id = CURRENT_RUN.get()
        self.rows.append((run_id, record.url, record.status, record.bytes, int(record.duration * 1000),
                          record.attempt, record.error, record.at))
        if len(self.rows) >= self.size:
            self.flush()

    def flush(self) -> None:
        rows, self.rows = self.rows, []
        fetchlog.log_requests(self.db, rows)


async def collect(
    db: sqlite_utils.Database, sources: list[Source], urls: list[str], options: FetchOptions,
    on_update: Callable[[SourceReport], None] | None = None,
) -> list[SourceReport]:
    """Run every source (and the loose URLs) concurrently; each item is stored in its own transaction."""
    from briefarc.net.fetch import Fetcher
    from briefarc.offload import Extraction

    log = RequestBuffer(db)
    extraction = Extraction(workers=options.workers)
    runs = [SourceRun(db, source, options, on_update, extraction) for source in sources]
    if urls:
        runs.append(SourceRun(db, Source(name=URLS_SOURCE, kind="urls", options={"urls": urls}), options,
                              on_update, extraction))
    try:
        # A dry run writes nothing, its requests included.
        async with Fetcher(options.config, on_request=None if options.dry_run else log) as fetcher:
            await asyncio.gather(*(run.run(fetcher) for run in runs))
    finally:
        extraction.close()
        log.flush()
    return [run.report for run in runs]


class SourceRun:
    """One source's discovery and fetches within a `briefarc fetch`."""

    def __init__(self, db, source: Source, options: FetchOptions, on_update, extraction):
        self.db, self.source, self.options = db, source, options
        self.extraction = extraction  # briefarc.offload.Extraction, shared by the sources of a run
        self.report = SourceReport(source.name)
        self.on_update = on_update or (lambda report: None)
        self.source_id: int | None = None
        self.run_id: int | None = None
        self.scheduled = 0  # items handed to a fetch, for --max
        self.cut_short = False  # --max stopped the discovery
        self.fatal: DatabaseError | None = None  # the archive could not be written
        self.validators_seen: dict[str, dict] = {}  # listing and feed validators, kept after a clean run

    async def run(self, fetcher: Fetcher) -> None:
        from briefarc.net.fetch import GIVEN_URL

        GIVEN_URL.set(self.source.url)  # what this source's pages are reached through
        if not self.options.dry_run:
            self._start()
        ctx = Context(self.source, fetcher, self.is_known, since=self.options.since, refresh=self.options.refresh,
                      max_items=self.options.max_items, validators=self._validators, remember=self._remember)
        try:
            await self._discover_and_fetch(ctx, fetcher)
            if self.fatal:
                raise self.fatal
            self._keep_validators()
        except Unchanged as exc:
            ctx.notes.append(f"nothing new: {exc.url} is unchanged since the last run")
        except DatabaseError:
            raise  # the archive cannot be written: the whole fetch stops
        except Exception as exc:  # a source's failure, or one answering in an unexpected shape, ends it alone
            self.report.error = item_failure(exc, "while reading the source")
        finally:
            self._finish(ctx)

    async def _discover_and_fetch(self, ctx: Context, fetcher: Fetcher) -> None:
        if self.source.kind == "urls":  # each URL discovered on its own, all at once
            await asyncio.gather(*(self._drain_url(ctx, url, fetcher) for url in self.source.options["urls"]))
        else:
            await self._drain(self._discover(ctx), fetcher)

    def _finish(self, ctx: Context) -> None:
        self.report.notes.extend(ctx.notes)
        if self.run_id is not None:
            counts = {name: getattr(self.report, name) for name in COUNTERS}
            with contextlib.suppress(DatabaseError):  # a full disk has been reported already
                fetchlog.finish_run(self.db, self.run_id, counts, self.report.error or self._failures_line())
        self.on_update(self.report)

    def _failures_line(self) -> str | None:
        """The run's error when only items failed: how many, and the first, for `sources list|show`."""
        if not self.report.failures:
            return None
        url, reason = self.report.failures[0]
        more = len(self.report.failures) - 1
        return f"{url}: {reason}" + (f" (and {more} more failed item{'s' * (more > 1)})" if more else "")

    def _start(self) -> None:
        from briefarc.store.sources import source_id

        if self.source.kind != "urls":
            self.source_id = source_id(self.db, self.source)
        self.run_id = fetchlog.start_run(self.db, self.source_id)
        CURRENT_RUN.set(self.run_id)  # this source's task, and the item tasks it starts

    def is_known(self, url: str) -> bool:
        return fetchlog.is_known(self.db, url)

    def _validators(self, url: str) -> tuple[str | None, str | None]:
        etag, modified, _ = fetchlog.validators(self.db, url)
        return etag, modified

    def _remember(self, url: str, headers: dict) -> None:
        """Note a listing's or feed's validators, so that the next run can ask whether it changed."""
        if headers.get("etag") or headers.get("last-modified"):
            self.validators_seen[url] = headers

    def _keep_validators(self) -> None:
        """Only a run that took every item may tell the next one 'nothing changed since'."""
        options = self.options
        if options.dry_run or options.since or self.cut_short or self.report.failed or self.report.error:
            return
        for url, headers in self.validators_seen.items():
            if self.is_known(url):  # a loose URL that was an article: it is remembered as one
                continue
            fetchlog.mark_seen(self.db, url, "discovery", source_id=self.source_id, headers=headers)

    def _discover(self, ctx: Context) -> AsyncIterator[Item]:
        from briefarc.sources import adapter

        return adapter(self.source.kind)(ctx)

    async def _drain(self, items: AsyncIterator[Item], fetcher: Fetcher) -> None:
        pending: set[asyncio.Task] = set()
        window = asyncio.Semaphore(64)  # items in flight at most: memory stays flat on long listings
        try:
            async for item in items:
                if self.fatal:
                    break
                self.report.discovered += 1
                self.on_update(self.report)
                if not self._wanted(item):
                    continue
                if self.options.max_items is not None and self.scheduled >= self.options.max_items:
                    self.cut_short = True
                    break
                self.scheduled += 1
                if self.options.dry_run:
                    self.report.planned.append({"url": item.url, "title": item.title, "published": item.published})
                    continue
                await window.acquire()
                task = asyncio.create_task(self._handle(item, fetcher))
                pending.add(task)
                task.add_done_callback(pending.discard)
                task.add_done_callback(lambda _: window.release())
        except asyncio.CancelledError:  # Ctrl-C: the items in flight stop too (a source's error lets them end)
            for task in pending:
                task.cancel()
            raise
        finally:
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    async def _drain_url(self, ctx: Context, url: str, fetcher: Fetcher) -> None:
        """One loose URL: its failure is that URL's, not the whole run's."""
        from briefarc.net.fetch import GIVEN_URL
        from briefarc.sources.urls import discover_url

        GIVEN_URL.set(url)  # this task's own: each loose URL is given, what it leads to is reached through it
        try:
            await self._drain(discover_url(ctx, url), fetcher)
        except Unchanged:
            ctx.notes.append(f"nothing new: {url} is unchanged since the last run")
        except BriefarcError as exc:  # a child sitemap's or feed's failure is the child's, not the loose URL's
            self._fail(getattr(exc, "url", None) or url, exc)

    def _wanted(self, item: Item) -> bool:
        if self.options.since and item.published and item.published[:10] < self.options.since:
            return False
        return self.options.refresh or not self.is_known(item.url)

    async def _handle(self, item: Item, fetcher: Fetcher) -> None:
        try:
            page = item.page or await self._fetch(item, fetcher)
            if page is not None:
                await self._store(item, page)
        except DatabaseError as exc:
            self.fatal = self.fatal or exc
        except Exception as exc:  # a page's failure, or a bug one strange page shows, must not end the run
            self._fail(item.url, exc)
        finally:
            self.on_update(self.report)

    async def _fetch(self, item: Item, fetcher: Fetcher) -> RawPage | None:
        from briefarc.net.fetch import ANY_DOCUMENT_TYPES, HTML_TYPES, JSON_TYPES, looks_missing
        from briefarc.store.documents import now_iso

        etag, modified, doc_id = fetchlog.validators(self.db, item.url) if self.options.refresh else (None,) * 3
        accept = {"html": HTML_TYPES, "json": JSON_TYPES, "any": ANY_DOCUMENT_TYPES}[item.accept]
        response = item.response or await fetcher.get(item.url, etag=etag, last_modified=modified, accept=accept)
        self.report.fetched += 1
        if response.not_modified:
            self.report.unchanged += 1
            fetchlog.mark_seen(self.db, item.url, "stored", source_id=self.source_id)
            return None
        if response.status in (404, 410) or looks_missing(response, item.url):
            self._missing(item.url, doc_id, response)
            return None
        return RawPage(data=response.data, origin=response.final_url, url=response.final_url,
                       content_type=response.content_type, headers=response.headers, fetched_at=now_iso())

    async def _store(self, item: Item, page: RawPage) -> None:
        from briefarc.pipeline import save_documents

        documents = await self.extraction.documents(replace(page, live=True))  # fetched in this run
        results = save_documents(self.db, documents, self.source_id, keep=self._recent_enough)
        if not results:  # not remembered as seen: a run without --since stores it
            self.report.skipped += 1
            self.report.notes.append(f"{item.url}: published before --since, not stored")
            return
        for result in results:
            setattr(self.report, result.status, getattr(self.report, result.status) + 1)
        fetchlog.mark_seen(self.db, item.url, "stored", source_id=self.source_id, document_id=results[0].document_id,
                           headers=None if item.page else page.headers)

    def _recent_enough(self, doc) -> bool:
        since = self.options.since
        return not (since and doc.published and doc.published[:10] < since)

    def _missing(self, url: str, doc_id: int | None, response) -> None:
        reason = f"missing at the source ({response.status}" + (
            f", sent to {response.final_url})" if response.final_url != url else ")")
        if doc_id and fetchlog.mark_removed(self.db, doc_id):
            self.report.removed += 1
        elif not doc_id:
            self.report.failed += 1
            self.report.failures.append((url, reason))
        fetchlog.mark_seen(self.db, url, "missing", source_id=self.source_id, reason=reason)

    def _fail(self, url: str, exc: Exception) -> None:
        reason = item_failure(exc)
        if getattr(exc, "skipped", False):
            self.report.skipped += 1
            fetchlog.mark_seen(self.db, url, "skipped", source_id=self.source_id, reason=reason)
            return
        self.report.failed += 1
        self.report.failures.append((url, reason))
        fetchlog.mark_seen(self.db, url, "failed", source_id=self.source_id, reason=reason)  # tried again next run
