"""Loose URLs given to `briefarc fetch`: an article, a feed, a sitemap or a listing page."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlsplit

from briefarc.models import Source
from briefarc.sources.base import Context, Item, Unchanged, no_walk


async def discover_url(ctx: Context, url: str) -> AsyncIterator[Item]:
    """A feed or sitemap gives its entries, a listing page its links (and those of the pages after it, up to the
    archived ones, as a listing source's walk reads them), anything else is the page itself."""
    if ctx.is_known(url):  # an archived article: skipped, or with --refresh asked for conditionally
        if not ctx.refresh:
            ctx.notes.append(f"{url} is archived already; --refresh checks it again")
        yield Item(url=url, accept="any")
        return
    named = _sitemap_name(url)
    try:
        response = await ctx.get(url, accept="sitemap" if named else "any", missing_ok=True, remember=False)
    except Unchanged as unchanged:  # a listing whose walk broke off reads on from there, its first page unchanged
        points, broke_off = ctx.loose_walk(url)
        if not points:
            raise
        async for item in _entries(ctx, "listing", url, unchanged.response, (points, broke_off)):
            yield item
        return
    if response.status == 200 and _is_sitemap(response.data):  # remembered once its items are all given
        async for item in _entries(ctx, "sitemap", url, response):
            yield item
        return
    if named:  # read to a sitemap's limit, and no sitemap: a page is held to a page's
        _page_sized(ctx, url, response)
    ctx.remember(url, response.headers)
    if response.status == 200 and _is_feed(response.data):
        async for item in _entries(ctx, "feed", url, response):
            yield item
    else:
        items, paged = await _page_or_listing(url, response)
        if paged:  # a listing with a next page: walked as a listing source's is, from the response in hand
            async for item in _entries(ctx, "listing", url, response, ctx.loose_walk(url)):
                yield item
            return
        for item in items:
            yield item


def _sitemap_name(url: str) -> bool:
    """A URL like sitemap.xml, post-sitemap.xml or sitemap.xml.gz: a sitemap (gzipped) is what it most likely holds,
    read to the protocol's 50 MB. Asked for as any page, a sitemap of 30 MB given as a loose URL was refused at the
    page limit, 'not a page', where the same sitemap as a source was read."""
    name = urlsplit(url).path.lower().rsplit("/", 1)[-1]
    return "sitemap" in name or name.endswith(".gz")


def _page_sized(ctx: Context, url: str, response) -> None:
    """Raise the page limit's failure for a response that is larger than a page may be."""
    from briefarc.net.failures import too_large
    from briefarc.net.inflate import describe_size

    config = ctx.fetcher.config
    most = min(config.max_bytes, config.max_decompressed)
    if len(response.data) > most:
        raise too_large(url, most, f"it holds {describe_size(len(response.data))}")


def _is_sitemap(data: bytes) -> bool:
    from briefarc.extract.feed import is_sitemap

    return is_sitemap(data)


def _is_feed(data: bytes) -> bool:
    from briefarc.extract.feed import is_feed

    return is_feed(data)


async def _entries(ctx: Context, kind: str, url: str, response, walk: tuple | None = None) -> AsyncIterator[Item]:
    """The entries of a feed, sitemap or listing given as a loose URL, read from the response in hand (when there is
    one); `walk`: a listing's points to read on from and what to do when its walk breaks off (Context.loose_walk)."""
    from briefarc.sources import adapter

    resume, broke_off = walk or no_walk(url)
    sub = Context(Source(name=ctx.source.name, kind=kind, url=url), ctx.fetcher, ctx.is_known, since=ctx.since,
                  refresh=ctx.refresh, max_items=ctx.max_items, notes=ctx.notes, validators=ctx.validators,
                  remember=ctx.remember, prefetched={url: response} if response is not None else {},
                  look_ahead=ctx.look_ahead, resume=resume, broke_off=broke_off)
    async for item in adapter(kind)(sub):
        yield item


async def _page_or_listing(url: str, response) -> tuple[list[Item], bool]:
    """A listing page's links, and whether it names a next page; otherwise the page, handed on with its response
    (missing or not) and its documents, read once here for both (a page that takes 19 s to read took 38).

    Read on the extraction thread: a page that takes seconds to read would hold up the responses in flight."""
    from briefarc.errors import InputError
    from briefarc.net.fetch import looks_missing
    from briefarc.offload import aside
    from briefarc.pipeline import all_documents, fetched_page

    if response.status != 200 or looks_missing(response, url):
        return [Item(url=url, response=response, accept="any")], False
    try:
        read = await aside(all_documents, fetched_page(response))
    except InputError as exc:
        return [Item(url=url, response=response, accept="any", read=exc)], False
    doc = read[0][0]  # a page, not a feed: one document
    if doc.kind == "listing" and doc.items:
        items = [Item(url=entry.url, title=entry.title, published=entry.published) for entry in doc.items]
        return items, doc.next_page is not None
    return [Item(url=url, response=response, accept="any", read=read)], False
