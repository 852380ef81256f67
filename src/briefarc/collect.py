"""`briefarc fetch`: discover items at each source, fetch what is new, extract and store it."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefarc.errors import BriefarcError, DatabaseError, DiskFull, Interrupted, is_disk_full, item_failure
from briefarc.models import Source
from briefarc.sources.base import BrokeOff, Context, Item, Points, Unchanged
from briefarc.store import fetchlog
from briefarc.store.pending import RetryPolicy, Seen
from briefarc.urls import as_typed, normalize_url

if TYPE_CHECKING:
    import sqlite_utils

    from briefarc.net.fetch import FetchConfig, Fetcher, RequestRecord
    from briefarc.saving import SavesAtHand

URLS_SOURCE = "(urls)"
# a run's error when Ctrl-C cut it short: its counts are of what it did before (`sources list|show` showed them as a
# whole run's, with no error)
INTERRUPTED = "interrupted (Ctrl-C) before the run ended: the next fetch goes on"
COUNTERS = ("discovered", "fetched", "added", "updated", "unchanged", "skipped", "failed", "removed", "deferred")


@dataclass
class FetchOptions:
    since: str | None = None
    max_items: int | None = None
    dry_run: bool = False
    refresh: bool = False
    config: FetchConfig | None = None
    workers: int | None = None  # extraction processes; None: one per spare core (briefarc.offload)
    retry: RetryPolicy = field(default_factory=RetryPolicy)  # pages that could not be fetched


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
    deferred: int = 0  # pages not fetched whose item's text is archived: tried again later, not a failure
    error: str | None = None
    failures: list[tuple[str, str]] = field(default_factory=list)
    planned: list[dict] = field(default_factory=list)  # --dry-run: what would be fetched
    notes: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # pages stored, but with a doubt (an encoding)
    interrupted: bool = False  # Ctrl-C cut the run short: the counts are of what it did before

    @property
    def ok(self) -> bool:
        return not self.error and not self.failed

    def as_dict(self) -> dict:
        data = {name: getattr(self, name) for name in COUNTERS}
        data.update(source=self.name, error=self.error, notes=self.notes,
                    failures=[{"url": url, "error": reason} for url, reason in self.failures],
                    warnings=[{"url": url, "warning": text} for url, text in self.warnings],
                    interrupted=self.interrupted)
        if self.planned:
            data["planned"] = self.planned
        return data


class FetchInterrupted(Interrupted):
    """Ctrl-C in a fetch, with each source's report of what it did before it (for --json)."""

    def __init__(self, reports: list[SourceReport], saved: int, unchanged: int = 0, *, dry_run: bool = False):
        # a dry run saves nothing: "0 saved, rerun to continue" would say otherwise
        super().__init__(saved, unchanged, "Interrupted." if dry_run else None)
        self.reports = reports


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


def fetch_all(
    db: sqlite_utils.Database, sources: list[Source], urls: list[str], options: FetchOptions,
    on_update: Callable[[SourceReport], None] | None = None,
) -> list[SourceReport]:
    """`collect` on a fresh event loop. Ctrl-C raises Interrupted with the number of documents saved before
    it (each whole and committed), each counted once: a feed's entry and then its page are one document (their
    saves, counted, said 166 saved where the archive held 114), and each source's report of what it did before;
    a dry run, which saves nothing, says only that it was interrupted (and its reports, for --json)."""
    from briefarc.net.fetch import run

    saving: list[SavesAtHand] = []
    reports: list[SourceReport] = []
    try:
        return run(collect(db, sources, urls, options, on_update, saving=saving, reports=reports))
    except KeyboardInterrupt as exc:
        if options.dry_run:
            raise FetchInterrupted(reports, 0, dry_run=True) from exc
        if saving:
            saving[0].settle()  # the writer's last commit, as it closed
            raise FetchInterrupted(reports, *saving[0].kept) from exc
        raise FetchInterrupted(reports, 0) from exc


async def collect(
    db: sqlite_utils.Database, sources: list[Source], urls: list[str], options: FetchOptions,
    on_update: Callable[[SourceReport], None] | None = None, *, saving: list[SavesAtHand] | None = None,
    reports: list[SourceReport] | None = None,
) -> list[SourceReport]:
    """Run every source (and the loose URLs) concurrently; documents are saved in batches on one writer.

    `saving`, when given, receives the run's writer (SavesAtHand): the documents it has committed; `reports` each
    source's report, as it is kept (what a run cut short by Ctrl-C did)."""
    from briefarc.net.fetch import FetchConfig, Fetcher
    from briefarc.offload import Extraction
    from briefarc.saving import SavesAtHand
    from briefarc.store.writer import SerialWriter

    urls, sources, config = with_credentials([as_typed(url) for url in urls], sources, options.config or FetchConfig())
    log = RequestBuffer(db)
    extraction = Extraction(workers=options.workers)
    saves: SavesAtHand | None = None
    runs: list[Scheduler] = []
    try:
        with SerialWriter(db) as writer:
            shared = (on_update, extraction, saves := SavesAtHand(writer))
            if saving is not None:
                saving.append(saves)
            runs = [Scheduler(db, source, options, *shared) for source in sources]
            if urls:
                runs.append(Scheduler(db, Source(name=URLS_SOURCE, kind="urls", options={"urls": urls}), options,
                                      *shared))
            if reports is not None:
                reports.extend(run.report for run in runs)
            try:
                # A dry run writes nothing, its requests included.
                async with Fetcher(config, on_request=None if options.dry_run else log) as fetcher:
                    await asyncio.gather(*(run.run(fetcher) for run in runs))
                saves.check()  # a commit the disk refused after the last page was saved
            finally:
                extraction.close()
                log.flush()
    except DatabaseError as exc:
        # the failed commit's error, not what a write after it met (a row referring to a document it rolled back)
        cause = saves.failure if saves is not None and saves.failure is not None else exc
        if saves is None or not is_disk_full(cause):
            if cause is exc:
                raise
            raise cause from exc
        from briefarc.store.db import archive_name

        saves.settle()  # the writer's last commit, as it closed
        full = DiskFull(archive_name(db), *saves.kept)
        for run in runs:  # each run's record says so (it said the run clean), when the disk lets it be written
            run.record_error(str(full))
        raise full from exc
    return [run.report for run in runs]


def with_credentials(urls: list[str], sources: list[Source], config: FetchConfig
                     ) -> tuple[list[str], list[Source], FetchConfig]:
    """The typed URLs and the sources without the user names and passwords their addresses hold (the addresses
    found from them are stored), and `config` with the Authorization headers they make for their sites."""
    from briefarc.urls import credentials, site_origin

    found: dict[str, str] = {}

    def bare(url: str) -> str:
        plain, authorization = credentials(url)
        if authorization:
            found.setdefault(site_origin(plain), authorization)
        return plain

    urls = [bare(url) for url in urls]
    sources = [replace(source, url=bare(source.url)) if source.url else source for source in sources]
    return urls, sources, (replace(config, credentials={**config.credentials, **found}) if found else config)


class Scheduler:
    """One source's run within a `briefarc fetch`: discovery, what to fetch, and the run's record.

    The items go to an ItemHandler (briefarc.items), which fetches, saves and counts them."""

    def __init__(self, db, source: Source, options: FetchOptions, on_update, extraction, writer):
        from briefarc.items import ItemHandler

        self.db, self.source, self.options = db, source, options
        self.report = SourceReport(source.name)
        self.on_update = on_update or (lambda report: None)
        self.handler = ItemHandler(db, None, options, self.report, writer, extraction)
        self.run_id: int | None = None
        self.scheduled = 0  # items handed to a fetch, for --max
        self.cut_short = False  # --max stopped the discovery
        self.yielded: set[str] = set()  # the URLs discovery gave this run
        self.seen: list[Seen] = []  # items seen in this turn of the event loop, to note as pending
        self.archived: set[str] = set()  # with --refresh: the items' URLs the archive knows (looked up in _wanted)
        self.states: dict[str, tuple[bool, str | None]] = {}  # url -> (known, pending state), looked ahead
        self.validators_seen: dict[str, dict] = {}  # listing and feed validators, kept after a clean run
        self.broke_off: tuple[str, int, list[tuple[str, int]]] | None = None  # where discovery's walk broke off
        self.had_points = False  # earlier walks of the source broke off: a walk read to its end is done with them
        # listings given as loose URLs: where each walk broke off in this run, and those with points to read on from
        self.loose_breaks: dict[str, tuple[str, int, list[tuple[str, int]]]] = {}
        self.loose_points: set[str] = set()
        # the URLs the user named: tried even when given up (the give-up rule is for automatic retries)
        self.named = {normalize_url(url) for url in source.options.get("urls", [])} if source.kind == "urls" else set()

    async def run(self, fetcher: Fetcher) -> None:
        from briefarc.net.fetch import GIVEN_URL

        GIVEN_URL.set(self.source.url)  # what this source's pages are reached through
        if not self.options.dry_run:
            self._start()
        elif self.source.kind != "urls":  # what a real run would do, resume points and due pages included
            from briefarc.store.sources import known_source_id

            self.handler.source_id = known_source_id(self.db, self.source)
        points = self._walk_points()
        self.had_points = bool(points)
        ctx = Context(self.source, fetcher, self.is_known, since=self.options.since, refresh=self.options.refresh,
                      max_items=self.options.max_items, validators=self._validators, remember=self._remember,
                      look_ahead=self._look_ahead, resume=points, broke_off=self._broke_off,
                      loose_walk=self._loose_walk)
        try:
            await self._discover_and_fetch(ctx, fetcher)
            if self.handler.fatal:
                raise self.handler.fatal
            self._keep_validators()
        except asyncio.CancelledError:  # Ctrl-C: the run's record says it was cut short
            self.report.interrupted = True
            raise
        except DatabaseError as exc:  # the archive cannot be written: the whole fetch stops, its run no clean one
            self.report.error = self.report.error or str(self.handler.writer.failure or exc)
            raise
        except Exception as exc:  # a source's failure, or one answering in an unexpected shape, ends it alone
            self.report.error = item_failure(exc, "while reading the source")
            self._note_break(ctx)
        finally:
            self._finish(ctx)

    async def _discover_and_fetch(self, ctx: Context, fetcher: Fetcher) -> None:
        urls: list[str | None]
        if self.source.kind == "urls":  # each URL discovered on its own, all at once
            # each once: /p/1, /p/1?utm_source=x and /p/1#top are one page, asked for once (the first spelling)
            given = _each_once(self.source.options["urls"])
            self.states.update(fetchlog.url_states(self.db, given, named=True))  # all in one query
            self.loose_points = _walked(self.db, given)
            await asyncio.gather(*(self._drain_url(ctx, url, fetcher) for url in given))
            urls = [*given]
        else:
            urls = [self.source.url]
            try:
                await self._drain(self._discover(ctx), fetcher, self.source.url)
            except Unchanged as exc:
                ctx.notes.append(f"nothing new: {exc.url} is unchanged since the last run")
            # the walk read on to its end: its points are done, those it dropped (ctx.resume may be empty now) too
            if self.had_points and self.handler.source_id is not None:
                self._walk_done(self.handler.source_id, None)
        if not self.cut_short and not self.handler.fatal:  # a dry run lists them
            await self._drain(self._due(urls), fetcher, None, discovered=False)

    async def _due(self, urls: list[str | None]) -> AsyncIterator[Item]:
        """Pending items whose next try is due that discovery did not give this run (off the feed now)."""
        from briefarc.store import pending

        rows = pending.due(self.db, source_id=self.handler.source_id, found_on=[u for u in urls if u])
        for row in rows:
            if normalize_url(row.url) not in self.yielded:
                yield Item(url=row.url, title=row.title, published=row.published, document_id=row.document_id,
                           pending=True)

    def _walk_points(self) -> list[tuple[str, int]]:
        """Where the last runs' walks of this source broke off (a listing given as a loose URL has its own points:
        _loose_walk)."""
        from briefarc.store import pending

        if self.handler.source_id is None or self.source.kind == "urls":
            return []
        return pending.walk_points(self.db, self.handler.source_id)

    def _broke_off(self, url: str, number: int, later: list[tuple[str, int]]) -> None:
        self.broke_off = (url, number, later)

    def _loose_walk(self, url: str) -> tuple[Points, BrokeOff]:
        """A listing given as a loose URL (asked when its first page names a next one, or answers 304): where its last
        walks broke off, and what keeps where this one does, as a source's walk has them (_walk_points, _broke_off)."""
        from briefarc.store import pending

        listing = normalize_url(url)
        points = pending.walk_points(self.db, None, found_on=listing) if listing in self.loose_points else []

        def broke_off(page: str, number: int, later: list[tuple[str, int]]) -> None:
            self.loose_breaks[listing] = (page, number, later)

        return points, broke_off

    def _loose_walk_ended(self, ctx: Context, url: str, failure: Exception | None) -> None:
        """A loose URL's discovery ended: a listing's walk that broke off is read on from there by the next fetch of
        it (the pages after the break were never read, and its walk would stop at the items this run stored); a
        discovery that ended as it should is done with the points it had, whether it walked the listing to its end or
        the address is no paged listing any more (a feed now, a page without a pager)."""
        listing = normalize_url(url)
        broke = self.loose_breaks.pop(listing, None)
        if failure is not None and broke is not None:
            self._keep_break(ctx, None, listing, broke, item_failure(failure),
                             f"the walk of {url} broke off at {broke[0]}: `briefarc fetch {url}` reads on from there",
                             f"`briefarc fetch {url}` reads on from it")
        elif failure is None and listing in self.loose_points:
            self._walk_done(None, listing)

    def _note_break(self, ctx: Context) -> None:
        """A walk that broke off (at a page after the first) is read on from there by the next run: the pages
        after the break were never read, and the next run's walk would stop at the items this one stored."""
        if self.broke_off is not None and self.handler.source_id is not None:
            self._keep_break(ctx, self.handler.source_id, self.source.url, self.broke_off, self.report.error,
                             f"the walk broke off at {self.broke_off[0]}: the next fetch reads on from there")

    def _keep_break(self, ctx: Context, source_id: int | None, found_on: str | None,
                    broke: tuple[str, int, list[tuple[str, int]]], error: str | None, note: str,
                    then: str = "the next fetch reads on from it") -> None:
        """Keep where a walk (a source's, or with no source a loose listing's, `found_on`) broke off, with the pages
        of earlier breaks after it, and say so in the run's notes; `then`, in the kept page's error (`log --pending`),
        says what reads on from it. A dry run keeps nothing."""
        from briefarc.store import pending

        if self.options.dry_run:
            return
        page, number, later = broke
        with contextlib.suppress(DatabaseError):  # the run's failure is reported as it is
            pending.walk_broke_off(self.db, source_id, found_on, (page, number),
                                   f"{error} (the walk broke off here: {then})", later)
            ctx.notes.append(note)

    def _walk_done(self, source_id: int | None, found_on: str | None) -> None:
        """A walk ended as it should: its points are done; not when the run was cut short (--max, a failure of the
        archive) or is a dry run."""
        from briefarc.store import pending

        if not (self.cut_short or self.handler.fatal or self.options.dry_run):
            pending.walk_done(self.db, source_id, found_on)

    def _finish(self, ctx: Context) -> None:
        self.report.notes.extend(ctx.notes)
        if self.run_id is not None:
            counts = {name: getattr(self.report, name) for name in COUNTERS}
            with contextlib.suppress(DatabaseError):  # a full disk has been reported already
                fetchlog.finish_run(self.db, self.run_id, counts, self._run_error())
        self.on_update(self.report)

    def record_error(self, error: str) -> None:
        """The whole fetch failed (the disk is full): the run's record says so, with its counts, if it can be
        written; else it stays as _finish left it (with the error the run met, if any), or started and never
        finished."""
        if self.run_id is None:
            return
        counts = {name: getattr(self.report, name) for name in COUNTERS}
        with contextlib.suppress(DatabaseError):
            fetchlog.finish_run(self.db, self.run_id, counts, error)

    def _run_error(self) -> str | None:
        """The run's error for its record: what ended it, or its failed items; said cut short when Ctrl-C did."""
        error = self.report.error or self._failures_line()
        if self.report.interrupted:
            return INTERRUPTED + (f"; {error}" if error else "")
        return error

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
            self.handler.source_id = source_id(self.db, self.source)
        self.run_id = fetchlog.start_run(self.db, self.handler.source_id)
        CURRENT_RUN.set(self.run_id)  # this source's task, and the item tasks it starts

    def is_known(self, url: str) -> bool:
        return self._state(url)[0]

    def _state(self, url: str, forget: bool = False) -> tuple[bool, str | None]:
        """(known, pending state) of a URL: looked ahead with its page of items, or now."""
        state = self.states.pop(url, None) if forget else self.states.get(url)
        return state or fetchlog.url_states(self.db, [url])[url]

    def _look_ahead(self, urls: list[str]) -> None:
        """What the archive knows of a page of items, in one query, before they are weighed one by one."""
        self.states.update(fetchlog.url_states(self.db, [url for url in urls if url not in self.states]))

    def _validators(self, url: str) -> tuple[str | None, str | None]:
        return fetchlog.source_validators(self.db, url, self.handler.source_id)

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
            fetchlog.mark_seen(self.db, url, "discovery", source_id=self.handler.source_id, headers=headers)

    def _discover(self, ctx: Context) -> AsyncIterator[Item]:
        from briefarc.sources import adapter

        return adapter(self.source.kind)(ctx)

    async def _drain(self, items: AsyncIterator[Item], fetcher: Fetcher, found_on: str | None,
                     discovered: bool = True) -> None:
        tasks: set[asyncio.Task] = set()
        window = asyncio.Semaphore(64)  # items in flight at most: memory stays flat on long listings
        try:
            async for item in items:
                if self.handler.fatal:
                    break
                self.report.discovered += discovered
                key = normalize_url(item.url)
                if key in self.yielded:  # listed twice (two sitemaps, two listing pages): handled once
                    continue
                self.yielded.add(key)
                self.on_update(self.report)
                if not self._wanted(item):
                    continue
                if item.left_out is not None and self.options.dry_run:  # nothing a real run would fetch
                    self.report.notes.append(f"{item.url}: {item.left_out}")
                    continue
                if self.options.max_items is not None and self.scheduled >= self.options.max_items:
                    self._cut_short(item, found_on)
                    break
                self.scheduled += 1
                if self.options.dry_run:
                    self.report.planned.append({"url": item.url, "title": item.title, "published": item.published})
                    continue
                # a page the archive lacks is extracted once fetched; a known one asked again (--refresh) is
                # mostly unchanged, and a feed's entry (or a loose URL's page, read by discovery) is read in place
                self.handler.extraction.expect(new=item.page is None and item.read is None
                                               and item.url not in self.archived)
                self._note_pending(item, found_on)
                await window.acquire()
                task = asyncio.create_task(self._handle(item, fetcher, found_on))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
                task.add_done_callback(lambda _: window.release())
        except asyncio.CancelledError:  # Ctrl-C: the items in flight stop too (a source's error lets them end)
            for task in tasks:
                task.cancel()
            raise
        finally:
            if tasks:
                await asyncio.gather(*tasks, return_exceptions=True)

    def _cut_short(self, item: Item, found_on: str | None) -> None:
        """--max reached: discovery stops here, and the item in hand waits in the pending table."""
        from briefarc.store import pending

        self.cut_short = True
        if not self.options.dry_run:
            pending.note(self.db, item.url, source_id=self.handler.source_id, found_on=found_on, title=item.title,
                         published=item.published)

    def _note_pending(self, item: Item, found_on: str | None) -> None:
        """An article item is pending from the moment it is seen until its page is stored: a run cut short
        (Ctrl-C, a crash, a lost connection) leaves it to the next run's due items, even once it has left the
        listing, whose walk stops at the pages the archive knows. A feed entry is stored at once instead.
        The items seen in one turn of the event loop are noted together, before any of them is fetched."""
        if item.page is not None or item.document_id is not None or item.pending:
            return
        if item.url in self.archived:  # --refresh asks again for a page the archive holds: no rerun need fetch it
            return
        if not self.seen:
            asyncio.get_running_loop().call_soon(self._note_seen)
        self.seen.append((item.url, self.handler.source_id, found_on, item.title, item.published))
        item.pending = True  # its row goes with its page, in the transaction that stores it

    def _note_seen(self) -> None:
        from briefarc.store import pending

        seen, self.seen = self.seen, []
        try:
            pending.note_seen(self.db, seen)
        except DatabaseError as exc:  # the archive cannot be written: the run stops as a failed save stops it
            self.handler.fatal = self.handler.fatal or exc

    async def _handle(self, item: Item, fetcher: Fetcher, found_on: str | None) -> None:
        try:
            await self.handler.handle(item, fetcher, found_on)
        finally:
            self.on_update(self.report)

    async def _drain_url(self, ctx: Context, url: str, fetcher: Fetcher) -> None:
        """One loose URL: its failure is that URL's, not the whole run's."""
        from briefarc.net.fetch import GIVEN_URL
        from briefarc.sources.urls import discover_url

        GIVEN_URL.set(url)  # this task's own: each loose URL is given, what it leads to is reached through it
        try:
            await self._drain(discover_url(ctx, url), fetcher, url)
            self._loose_walk_ended(ctx, url, None)
        except Unchanged:
            ctx.notes.append(f"nothing new: {url} is unchanged since the last run")
        except Exception as exc:  # a child sitemap's or feed's failure is the child's, not the loose URL's;
            self._loose_walk_ended(ctx, url, exc)
            # a bug one strange address shows ends that address alone, never the other URLs given with it
            failed = (getattr(exc, "url", None) if isinstance(exc, BriefarcError) else None) or url
            if failed == url:  # the URL given could not be read at all: still one item, the one that failed
                self.report.discovered += 1
                exc = _named(exc)
            self.handler.fail(failed, exc)

    def _wanted(self, item: Item) -> bool:
        if self.options.since and item.published and item.published[:10] < self.options.since:
            return False
        if item.pending or (item.page is not None and not self.options.dry_run):
            return True  # due for another try; or a feed entry: read again each run, for its edits
        known, pending = self._state(item.url, forget=True)
        item.pending = pending is not None
        if self.options.refresh:
            if known:
                self.archived.add(item.url)
            return True
        return not known and (pending != "given up" or normalize_url(item.url) in self.named)


def _walked(db: sqlite_utils.Database, urls: list[str]) -> set[str]:
    """The listings among loose URLs (normalized) whose earlier walks broke off: asked once a run, in one query."""
    from briefarc.store import pending

    return pending.loose_walks(db) & {normalize_url(url) for url in urls}


def _each_once(urls: list[str]) -> list[str]:
    """The URLs in order, each page once: the first spelling of those that normalise alike."""
    first: dict[str, str] = {}
    for url in urls:
        first.setdefault(normalize_url(url), url)
    return list(first.values())


def _named(exc: Exception) -> Exception:
    """The failure of an address the user named: one robots.txt forbids is not done (a failure), where a page a
    source or a named feed lists is skipped; `fetch URL` of it said 'skipped' and exited 0."""
    from briefarc.net.failures import FetchFailure, named_disallowed

    return named_disallowed(exc) if isinstance(exc, FetchFailure) and exc.reason == "robots" else exc
