"""What every source adapter shares: the items it finds and the context it works in."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from briefarc.errors import InputError, UsageError
from briefarc.models import Document, RawPage, Source

if TYPE_CHECKING:
    from briefarc.net.fetch import Fetcher, Response


@dataclass
class Item:
    """A briefing found by discovery: a URL to fetch, or a page already in hand (a feed entry)."""

    url: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD when the listing shows it
    page: RawPage | None = None  # a feed entry: stored at once, before (or instead of) the article page
    fetch_page: bool = True  # with `page`: fetch the article page too, its text superseding the entry's
    document_id: int | None = None  # its text is archived already (a feed entry's): the page fills that in
    pending: bool = False  # tried before and failed: its row in the pending table goes once it is stored
    accept: str = "html"  # html, json or any: what the fetch may accept
    response: Response | None = None  # the page's response when discovery fetched it already (a loose URL)
    # with `response`: the page's documents, or why it has none, when discovery read it already
    read: list[tuple[Document, RawPage]] | InputError | None = None
    # why nothing of it can be archived (a feed entry with neither link nor text): skipped, and said, on the run
    # that first meets it; known from then on, as a skipped page is
    left_out: str | None = None


class LeftOut(InputError):
    """An item with nothing to archive: counted skipped, not failed, and not tried again."""

    skipped = True


class Unchanged(Exception):
    """A discovery resource answered 304 Not Modified: nothing new can be behind it. `response`: that answer, for a
    walk that reads on past it (urls.discover_url hands it to the listing's walk, which is not asked again)."""

    def __init__(self, url: str, response: Response | None = None):
        super().__init__(url)
        self.url, self.response = url, response


def _no_validators(url: str) -> tuple[str | None, str | None]:
    return None, None


Points = list[tuple[str, int]]  # pages of a walk (address, number) to read on from
BrokeOff = Callable[[str, int, Points], None]  # a walk broke off at a page (address, number), these points after it


def no_break(url: str, number: int, later: Points) -> None:
    """A walk's break kept nowhere (Context.broke_off of a walk that reads on from nothing)."""


def no_walk(url: str) -> tuple[Points, BrokeOff]:
    """A loose listing with no point to read on from, whose break is kept nowhere (Context.loose_walk's default)."""
    return [], no_break


@dataclass
class Context:
    """What an adapter may use: the HTTP client, the archive's knowledge and the run's options."""

    source: Source
    fetcher: Fetcher
    is_known: Callable[[str], bool]
    since: str | None = None
    refresh: bool = False
    max_pages: int = 200
    max_items: int | None = None  # the run's --max (None: not given)
    notes: list[str] = field(default_factory=list)
    validators: Callable[[str], tuple[str | None, str | None]] = _no_validators
    remember: Callable[[str, dict], None] = lambda url, headers: None
    prefetched: dict[str, Response] = field(default_factory=dict)  # url -> response already in hand (a loose URL's)
    look_ahead: Callable[[list[str]], None] = lambda urls: None  # what the archive knows of these, in one go
    # (page, its number) where the last runs' walks of the source broke off, in order: the pages after were never read
    resume: list[tuple[str, int]] = field(default_factory=list)
    # the walk broke off at (page, number), with the pages of `resume` after it still to read on from
    broke_off: BrokeOff = no_break
    # a listing given as a loose URL: its `resume` and its `broke_off`, as a listing source has them
    loose_walk: Callable[[str], tuple[Points, BrokeOff]] = no_walk

    @property
    def url(self) -> str:
        """The source's address: every adapter that reads one needs it."""
        if not self.source.url:
            raise UsageError(f"The source {self.source.name!r} has no URL: add it again with one.")
        return self.source.url

    def option(self, name: str, default=None):
        return self.source.options.get(name, default)

    async def get(self, url: str, accept: str = "any", missing_ok: bool = False, remember: bool = True) -> Response:
        """Fetch a discovery resource (listing, feed, sitemap, API page), conditionally when it was read before.

        With accept="sitemap", a gzipped sitemap (sitemap.xml.gz) comes back decompressed.
        Raises FetchFailure, or Unchanged on 304 (unless --refresh asks to look at everything again).
        Not `remember`: its validators are the caller's to remember, once it has given every item it lists.
        """
        from briefarc.net.fetch import ANY_DOCUMENT_TYPES, HTML_TYPES, JSON_TYPES, FetchFailure
        from briefarc.net.mediatypes import SITEMAP_TYPES

        if url in self.prefetched:
            response = self.prefetched.pop(url)
            if response.not_modified:
                raise Unchanged(url, response)
            return response
        types = {"html": HTML_TYPES, "json": JSON_TYPES, "any": ANY_DOCUMENT_TYPES, "sitemap": SITEMAP_TYPES}[accept]
        etag, modified = (None, None) if self.refresh else self.validators(url)
        response = await self.fetcher.get(url, etag=etag, last_modified=modified, accept=types)
        if response.not_modified:
            raise Unchanged(url, response)
        if response.status in (404, 410) and not missing_ok:
            raise FetchFailure(f"{url} answered {response.status}: check the source's URL.", reason="http",
                               status=response.status, url=url)
        if remember:
            self.remember(url, response.headers)
        if response.moved and url == self.source.url:
            self.say_moved(response)
        return self._unzipped(url, response) if accept == "sitemap" else response

    def say_moved(self, response: Response, new_url: str | None = None) -> None:
        """The source's own address (or the first page of its API) redirects for good (301, 308) to another host:
        once a run, where it went and, for a source of the user's, the command that gives the source its new
        address `new_url` (the response's final URL unless given), with the source's options. Followed on every
        run and never said, the source lived only as long as the old host kept redirecting. A move within the
        host (http to https, /feed to /feed/) is followed unsaid: that host answers it as long as it is there."""
        from urllib.parse import urlsplit

        old, new = urlsplit(response.url), urlsplit(response.final_url)
        if not response.moved or (old.hostname, old.port) == (new.hostname, new.port):
            return
        line = f"{response.url} has moved for good ({response.moved}) to {response.final_url}"
        if line in " ".join(self.notes):
            return
        if not self.source.builtin and self.source.kind != "urls" and self.source.name != "(urls)":  # a loose URL's
            line += f": `{add_command(self.source, new_url or response.final_url)}` reads it there"
            unflagged = sorted(name for name in self.source.options if name not in ADD_FLAGS)
            if unflagged:  # set in the archive (a per_page): the command cannot give them
                line += f" (then set {', '.join(unflagged)} again: the command has no option for it)"
        self.notes.append(line)

    def _unzipped(self, url: str, response: Response) -> Response:
        """The response with its body decompressed when the body is a gzip file."""
        from briefarc.net.fetch import FetchFailure
        from briefarc.net.inflate import InflateError, gunzip, is_gzip

        if not is_gzip(response.data):
            return response
        try:
            data = gunzip(response.data, self.fetcher.config.max_decompressed)
        except InflateError as exc:
            raise FetchFailure(f"the sitemap {url} {exc}: not read", reason="decompression", url=url,
                               status=response.status) from exc
        return replace(response, data=data)

    def is_old(self, published: str | None) -> bool:
        return bool(self.since and published and published[:10] < self.since)


# The options `sources add` gives, by the flag that gives each (full_text's value is "always")
ADD_FLAGS = {"item_selector": "--item-selector", "next_selector": "--next-selector", "link_pattern": "--link-pattern",
             "full_text": "--full-text"}


def add_command(source: Source, url: str) -> str:
    """The `briefarc sources add` command that gives `source` the address `url`, its title and options with it,
    shell-quoted (the source is given again as the command says: an option left out of it is gone)."""
    from shlex import quote

    words = ["briefarc", "sources", "add", quote(source.name), quote(url), "--kind", quote(source.kind)]
    if source.title:
        words += ["--title", quote(source.title)]
    for name, value in source.options.items():
        if name == "full_text":
            words.append(ADD_FLAGS[name])
        elif name in ADD_FLAGS:
            words += [ADD_FLAGS[name], quote(str(value))]
    return " ".join(words)


class Adapter(Protocol):
    def __call__(self, ctx: Context) -> AsyncIterator[Item]: ...


class Walk:
    """Where a paged walk reads on from. A walk stops at the items the archive has; but when an earlier run's
    walk broke off (a page that answered 503, say), the pages after the break were never read: the walk goes
    on from there once it reaches what the archive has (or it reaches that page itself)."""

    def __init__(self, ctx: Context):
        self.ctx, self.points = ctx, list(ctx.resume)
        self.jumped: str | None = None
        self.fresh = False  # the page in hand is one a walk broke off at: the archive's items on it are no stop
        self.left_at = 0  # the number of the page the walk jumped from
        # the page jumped to, of this number, was gone: the pages before it are read again, no archived item on
        # them stopping the walk; from this number on, the walk stops at archived items as it does after a gap
        self.afresh_until: int | None = None

    def reached(self, url: str, number: int | None = None) -> None:
        """The walk is at `url`, page number `number` (counted as the walk's points count, from 1)."""
        again = self.afresh_until is not None and number is not None and number < self.afresh_until
        self.fresh = again or url == self.jumped or any(page == url for page, _ in self.points)
        self.points = [point for point in self.points if point[0] != url]

    def stops(self, items: list[Item]) -> bool:
        """Whether paging can stop after this page (all_known_or_old; on a page a walk broke off at, only old
        items or none stop it)."""
        if not self.fresh:
            return all_known_or_old(self.ctx, items)
        self.ctx.look_ahead([item.url for item in items])
        return all(self.ctx.is_old(item.published) for item in items)

    def jump(self, left_at: int = 0) -> tuple[str, int] | None:
        """The next page where an earlier walk broke off, to read on from (noted), the walk being at page number
        `left_at`; None when there is none."""
        if not self.points:
            return None
        url, number = self.points.pop(0)
        self.jumped, self.left_at = url, left_at
        self.ctx.notes.append(f"read on from {url}, where an earlier run's walk broke off")
        return url, number

    def gone(self, url: str, number: int) -> int | None:
        """The page `url` (number `number`) the walk jumped to answered 404 or 410: the listing no longer reaches
        it, and the walk reads the pages between afresh, none of them stopping it: the number of the first, None
        when there is none. The run failed with '... answered 404: check the source's URL.', which sent the user
        to a source that is right, and the run after forgot the point without a word."""
        self.points, self.jumped, self.afresh_until = [], None, number  # the pages past a gone one are gone too
        start = self.left_at + 1
        pages = f"page {start}" if start == number - 1 else f"pages {start} to {number - 1}"
        then = f"the walk reads {pages} again, to its end there" if start < number else "the walk ends there"
        self.ctx.notes.append(f"{url}, where an earlier run's walk broke off, is gone now: {then}")
        return start if start < number else None

    def broke(self, url: str, number: int) -> None:
        """The page `url` (number `number`, not the first) could not be read: the next run reads on from it."""
        self.ctx.broke_off(url, number, [point for point in self.points if point[1] > number])


def all_known_or_old(ctx: Context, items: list[Item]) -> bool:
    """Whether paging can stop: this page reaches items archived already, or is older than --since.

    Listings run newest first, so when the page ends in known items (the new ones above them), the
    pages after it hold nothing new. A known item followed by new ones (pinned to the top) is no stop.
    """
    if not items:
        return True
    ctx.look_ahead([item.url for item in items])
    if all(ctx.is_old(item.published) for item in items):
        return True
    if ctx.refresh:
        return False
    known = [ctx.is_known(item.url) for item in items]
    return known[-1] and all(known[known.index(True):])
