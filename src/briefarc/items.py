"""What becomes of one item a source announced: its page fetched, its documents saved, its state noted.

A feed entry is stored at once from the feed; its article page, when it can be had, supersedes the
feed's text as a new version, and when it cannot, the feed's text stands and the page waits in the
pending table for a later run. Any other item is pending from discovery until its page is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from briefarc.errors import BriefarcError, DatabaseError, InputError, item_failure
from briefarc.models import Document, RawPage, SaveResult
from briefarc.sources.base import Item
from briefarc.store import fetchlog, pending
from briefarc.store.documents import now_iso
from briefarc.store.writer import ItemFailed

if TYPE_CHECKING:
    import sqlite_utils

    from briefarc.collect import FetchOptions, SourceReport
    from briefarc.net.fetch import Fetcher
    from briefarc.offload import Extraction
    from briefarc.saving import SavesAtHand


class Missing(BriefarcError):
    """The page is not at its source (404, 410, or a 'not found' page)."""


SKIPS_SAID = 20  # skipped pages named in a run's notes, at most


def asked(exc: Exception) -> bool:
    """Whether the failed page was requested at all: not when its host was closed for the run (attempts 0)."""
    return getattr(exc, "attempts", 1) != 0


@dataclass
class ItemHandler:
    """Handles the items of one source's run; counts what each did in `report`."""

    db: sqlite_utils.Database
    source_id: int | None
    options: FetchOptions
    report: SourceReport
    writer: SavesAtHand  # shared by the sources of a run
    extraction: Extraction  # shared too
    fatal: DatabaseError | None = None  # the archive could not be written
    found_on: dict[str, str | None] = field(default_factory=dict)  # items in flight: the URL that gave each
    said_skipped: int = 0  # skipped pages whose reason the run's notes give

    async def handle(self, item: Item, fetcher: Fetcher, found_on: str | None = None) -> None:
        self.found_on[item.url] = found_on
        try:
            if item.left_out is not None:  # nothing to archive: skipped, and said in the run's notes
                from briefarc.sources.base import LeftOut

                raise LeftOut(item.left_out)
            if item.page is not None:
                await self._feed_entry(item, fetcher, found_on)
            elif item.document_id is not None:
                await self._fill_in(item, fetcher)
            else:
                await self._article(item, fetcher)
        except DatabaseError as exc:
            self.fatal = self.fatal or exc
        except Exception as exc:  # a page's failure, or a bug one strange page shows, must not end the run
            if self.writer.failure is not None:  # the archive cannot be written: nothing more is recorded
                self.fatal = self.fatal or self.writer.failure
                return
            self.fail(item, exc)
        finally:
            self.found_on.pop(item.url, None)

    async def _feed_entry(self, item: Item, fetcher: Fetcher, found_on: str | None) -> None:
        """Store what the feed carries; then the article page, when it is wanted and due."""
        assert item.page is not None

        def page_wanted(results: list[SaveResult]) -> None:  # in the transaction that saves the entry's text
            first = results[0]
            edited = first.status == "updated" or first.entry_edited
            if item.fetch_page and (first.status == "added" or edited):  # new, or edited in the feed: its page
                pending.note(self.db, item.url, source_id=self.source_id, found_on=found_on, title=item.title,
                             published=item.published, document_id=first.document_id, again=edited)

        results = await self._store(item, item.page, then=page_wanted)
        if not results or not item.fetch_page:
            return
        # A commit the disk refused after the entry was saved rolled its document back: nothing may refer to it.
        # Noted after the save, its pending row pointed at that document: 'FOREIGN KEY constraint failed'.
        self.writer.check()
        first = results[0]
        row = pending.get(self.db, item.url)
        if (row is not None and row.due(now_iso())) or self.options.refresh:
            await self._fill_in(replace(item, page=None, document_id=first.document_id), fetcher)

    async def _fill_in(self, item: Item, fetcher: Fetcher) -> None:
        """The article page of an item whose text is archived: when it cannot be had, that text stands."""
        try:
            page = await self._fetch(item, fetcher)
            if page is not None:
                await self._store(item, page, into=item.document_id)
        except DatabaseError:
            raise
        except (BriefarcError, ItemFailed) as exc:
            self.writer.check()  # the document may be one a refused commit rolled back while the page was fetched
            if not getattr(exc, "skipped", False):
                self._defer(item, str(exc), tried=asked(exc))
                return  # else no page is to be had (robots.txt, a PDF): the feed's text stands for good
        pending.done(self.db, item.url)

    async def _article(self, item: Item, fetcher: Fetcher) -> None:
        """An item with nothing archived: pending from its discovery until its page is stored."""
        try:
            page = await self._fetch(item, fetcher)
        except Missing as exc:
            self._missing(item, str(exc))
            return
        stored = await self._store(item, page) if page is not None else []
        if item.pending and not stored:  # a stored page's row went in the transaction that stored it
            pending.done(self.db, item.url)

    async def _fetch(self, item: Item, fetcher: Fetcher) -> RawPage | None:
        """The page, or None when it is unchanged since the last fetch. Raises Missing."""
        from briefarc.net.fetch import ANY_DOCUMENT_TYPES, HTML_TYPES, JSON_TYPES, looks_missing
        from briefarc.pipeline import fetched_page

        etag, modified, doc_id = fetchlog.validators(self.db, item.url) if self.options.refresh else (None,) * 3
        accept = {"html": HTML_TYPES, "json": JSON_TYPES, "any": ANY_DOCUMENT_TYPES}[item.accept]
        response = item.response or await fetcher.get(item.url, etag=etag, last_modified=modified, accept=accept)
        self.report.fetched += 1
        if response.not_modified:
            self.report.unchanged += 1
            fetchlog.mark_seen(self.db, item.url, "stored", source_id=self.source_id, back=doc_id)
            return None
        if response.status in (404, 410) or looks_missing(response, item.url):
            raise Missing(f"missing at the source ({response.status}" + (
                f", sent to {response.final_url})" if response.final_url != item.url else ")"))
        return fetched_page(response, item.published)

    async def _store(self, item: Item, page: RawPage, into: int | None = None,
                     then: Callable[[list[SaveResult]], None] | None = None) -> list[SaveResult]:
        """Extract and save; `into`: the document a feed entry made, whatever identity its page gives; `then`: what
        else to record of the page, in the transaction that saves it."""
        documents = await self._documents(item, page)
        kept = [(doc, doc_page) for doc, doc_page in documents if self._recent_enough(doc)]
        if not kept:  # not remembered as seen: a run without --since stores it
            self.report.skipped += 1
            self.report.notes.append(f"{item.url}: published before --since, not stored")
            return []
        if all(doc.title_only for doc, _ in kept):  # as ingest does: a title alone is not archived
            raise InputError("no text on the page (a title and no body): not archived")

        def saved(results: list[SaveResult]) -> None:  # in the step that saves it: the page and its record go together
            for result in results:
                setattr(self.report, result.status, getattr(self.report, result.status) + 1)
            self.report.warnings.extend((item.url, text) for text in dict.fromkeys(
                text for doc, _ in kept for text in doc.warnings))  # a feed's entries share its page's doubts
            fetchlog.mark_seen(self.db, item.url, "stored", source_id=self.source_id,
                               document_id=results[0].document_id, headers=None if page.item else page.headers)
            if item.pending and item.page is None:  # an article page, pending since it was seen
                pending.done(self.db, item.url)
            if then is not None:
                then(results)

        return await self.writer.save(kept, self.source_id, into=into, then=saved)

    async def _documents(self, item: Item, page: RawPage) -> list[tuple[Document, RawPage]]:
        """The page's documents: as discovery read them (a loose URL's page), else read now."""
        if isinstance(item.read, InputError):
            raise item.read
        if item.read is not None:
            return item.read
        return await self.extraction.documents(replace(page, live=True))  # fetched in this run

    def _recent_enough(self, doc) -> bool:
        since = self.options.since
        return not (since and doc.published and doc.published[:10] < since)

    def _missing(self, item: Item, reason: str) -> None:
        url = item.url
        _, _, doc_id = fetchlog.validators(self.db, url) if self.options.refresh else (None,) * 3
        if doc_id and fetchlog.mark_removed(self.db, doc_id):
            self.report.removed += 1
        if doc_id:
            pending.done(self.db, url)
        else:
            self.report.failed += 1
            self.report.failures.append((url, reason))
            self._pending_failed(item, reason)
        fetchlog.mark_seen(self.db, url, "missing", source_id=self.source_id, reason=reason)

    def fail(self, item: Item | str, exc: Exception) -> None:
        """An item (or a loose URL's discovery) failed: counted, and tried again on the next run."""
        url = item.url if isinstance(item, Item) else item
        reason = item_failure(exc)
        if getattr(exc, "skipped", False):
            self.report.skipped += 1
            self._say_skipped(url, reason)
            fetchlog.mark_seen(self.db, url, "skipped", source_id=self.source_id, reason=reason)
            pending.done(self.db, url)
            return
        self.report.failed += 1
        self.report.failures.append((url, reason))
        fetchlog.mark_seen(self.db, url, "failed", source_id=self.source_id, reason=reason)
        if isinstance(item, Item):  # a page: pending; a feed or sitemap is discovered again next run
            self._pending_failed(item, reason, tried=asked(exc))

    def _say_skipped(self, url: str, reason: str) -> None:
        """Why a page was skipped (robots.txt forbids it, it is a PDF), in the run's notes: "skipped 1" said no
        more, and no request of it is logged. The first SKIPS_SAID pages are named, then the rest counted."""
        self.said_skipped += 1
        if self.said_skipped <= SKIPS_SAID:
            self.report.notes.append(f"{url}: {reason}")
        elif self.said_skipped == SKIPS_SAID + 1:
            self.report.notes.append(f"more pages were skipped than the {SKIPS_SAID} named here")

    def _pending_failed(self, item: Item, reason: str, wait: bool = False, tried: bool = True) -> pending.Pending:
        return pending.failed(self.db, item.url, reason, self.options.retry, wait=wait, tried=tried,
                              source_id=self.source_id, found_on=self.found_on.get(item.url), title=item.title,
                              published=item.published, document_id=item.document_id)

    def _defer(self, item: Item, reason: str, tried: bool = True) -> None:
        """The page could not be had but the item's text is archived: try again later, or give up.

        An entry that carried only a title has no text to stand: its page's failure is a failure."""
        source = self._text_source(item.document_id)
        if source is None or source == "feed-title":  # an entry that carried only a title
            self.report.failed += 1
            self.report.failures.append((item.url, reason))
            self._pending_failed(item, reason, tried=tried)
            return
        row = self._pending_failed(item, reason, wait=True, tried=tried)
        self.report.deferred += 1
        when = "given up" if row.given_up_at else f"next try after {row.next_try}"
        stands = "the page's text archived before" if source == "page" else "the feed's text"  # an edited entry's
        self.report.notes.append(f"{item.url}: page not fetched ({reason}); {stands} stands, {when}")

    def _text_source(self, document_id: int | None) -> str | None:
        row = self.db.execute("SELECT text_source FROM documents WHERE id = ?", (document_id,)).fetchone()
        return None if row is None else row[0] or "page"
