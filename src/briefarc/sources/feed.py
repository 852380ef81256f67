"""RSS/Atom feeds and XML sitemaps."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from briefarc.errors import InputError
from briefarc.models import RawPage
from briefarc.patterns import lazy
from briefarc.sources.base import Context, Item, Unchanged
from briefarc.urls import is_web_url, normalize_url


async def discover_feed(ctx: Context) -> AsyncIterator[Item]:
    """Each entry of the feed (its first MAX_FEED_ENTRIES, with a note when it lists more), stored at once from
    what the feed carries.

    The article page is fetched as well (its text supersedes the feed's) unless the source says that
    its entries hold the whole text (option full_text: always)."""
    from briefarc.extract.feed import parse_feed
    from briefarc.offload import aside
    from briefarc.pipeline import entry_key
    from briefarc.store.blobs import sha256

    response = await ctx.get(ctx.url, accept="any")
    feed = await aside(parse_feed, response.data, response.final_url)  # not on the loop: it may take seconds
    if not feed.items and feed.root not in FEED_ROOTS:
        raise await _error_page(response, ctx.url, "a feed") or wrong_document(ctx.url, feed.root, "RSS or Atom feed")
    digest = sha256(response.data)  # once: every entry's page is the feed's bytes
    pattern = _pattern(ctx)
    whole = ctx.option("full_text", "auto") in (True, "always")
    if len(feed.items) > MAX_FEED_ENTRIES:
        ctx.notes.append(f"the feed {ctx.url} lists more than {MAX_FEED_ENTRIES:,} entries: the first "
                         f"{MAX_FEED_ENTRIES:,} were read")
    for entry in feed.items[:MAX_FEED_ENTRIES]:
        link = entry.link or (entry.guid if is_web_url(entry.guid) else None)
        if pattern and not (link and pattern.search(link)):
            continue
        if not link and not _carries_text(entry):  # no page to fetch and nothing to store: as ingest leaves it
            yield _left_out(response.final_url, entry)
            continue
        page = RawPage(data=response.data, origin=response.final_url, url=link, content_type=response.content_type,
                       headers=response.headers, item=entry_key(entry), sha256=digest, whole_text=whole)
        # an entry without a link is named by its feed and its id, as its document is (store.identity): the
        # entries of a feed that gives no links were all left out, 'discovered 0', where ingest stored them
        name = link or f"feed:{normalize_url(response.final_url)}#{page.item}"
        yield Item(url=name, title=entry.title, published=(entry.published or "")[:10] or None, page=page,
                   fetch_page=bool(link) and not whole)


def _carries_text(entry) -> bool:
    """Whether an entry holds some text of its own (its content or summary), not only a title: a letter or a digit
    once its markup is gone (a description of `&nbsp;`, a script, a comment or a zero-width space holds none, and
    was archived as an empty document that no page could ever fill in)."""
    return any(_shows_text(text or "") for text in (entry.content, entry.summary))


def _shows_text(markup: str) -> bool:
    """Whether `markup` shows a letter or a digit once its tags, scripts, styles and comments are gone and its
    entities read. One pass, each search starting where the last one ended: the patterns that did it
    (`<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->`, then `<[^>]*+>`) searched to the end from every opening left
    unclosed, and a linkless entry of 84 KB of `<style>` took 22 s on the event loop. As a browser reads them, a
    script, style or comment left unclosed hides the rest, and a `<` with no `>` after it is text."""
    from html import unescape

    start = 0
    while True:
        opening = markup.find("<", start)
        shown = markup[start:] if opening < 0 else markup[start:opening]
        if any(char.isalnum() for char in unescape(shown)):
            return True
        if opening < 0:
            return False
        if markup.startswith("<!--", opening):
            close = markup.find("-->", opening + 2)  # `<!-->` is a comment, empty
            start = close + 3
        elif raw := HIDDEN.match(markup, opening):
            end = CLOSING[raw.group(1).lower()].search(markup, raw.end())
            close = end.start() if end else -1
            start = end.end() if end else 0
        else:
            close = markup.find(">", opening + 1)
            if close < 0:  # no tag: the rest is text
                return any(char.isalnum() for char in unescape(markup[opening:]))
            start = close + 1
        if close < 0:
            return False


def _left_out(feed_url: str, entry) -> Item:
    """An entry with neither link nor text, named as its document would be: said once, by the run that meets it
    first, and known from then on (it was left out without a word, every run)."""
    from briefarc.pipeline import entry_key

    title = f" '{' '.join(entry.title.split())}'" if entry.title else ""
    return Item(url=f"feed:{normalize_url(feed_url)}#{entry_key(entry)}", title=entry.title,
                left_out=f"the feed's entry{title} has neither a link nor text: left out")


# an element whose words are never shown, up to its end tag; its name in ASCII letters of any case, as a browser
# reads tag names (re.A: "<ſcript>", with a long s, is no script, and its name was no key of CLOSING)
HIDDEN = lazy(r"<(script|style)\b", re.I | re.A)
CLOSING = {name: lazy(rf"</{name}\s*+>", re.I | re.A) for name in ("script", "style")}


async def _error_page(response, url: str, what: str) -> InputError | None:
    """Why the source's own address answered an error page (a busy host's, a "not found" page with 200) rather
    than the document its kind reads: it was said to hold a web page, "a source of --kind listing reads that"."""
    from briefarc.offload import aside
    from briefarc.sources.listing import error_page

    return await aside(error_page, response, url, 0, what)


FEED_ROOTS = ("rss", "feed", "rdf")
SITEMAP_ROOTS = ("urlset", "sitemapindex")


def wrong_document(url: str, root: str | None, what: str) -> InputError:
    """The source's own address answered with something its kind does not read: a web page given as a feed was
    fetched, found to list nothing, and the run said "discovered 0" and no word why."""
    found = f"a <{root}> document" if root else "no XML"
    kind = "feed" if root in FEED_ROOTS else "sitemap" if root in SITEMAP_ROOTS else "listing" if root == "html" else ""
    hint = f" (a source of --kind {kind} reads that)" if kind else ""
    return InputError(f"{url} is no {what}: it holds {found}{hint}. Check the source's URL and kind.")


# Entries one run takes from a feed, as many as a sitemap may list: a hostile feed of 100,000 items queued them
# all (a feed of 20,000, a real archive's, is read whole).
MAX_FEED_ENTRIES = 50_000


def _pattern(ctx: Context):
    value = ctx.option("link_pattern")
    return re.compile(value) if value else None


SITEMAP_DEFAULT_MAX = 1000  # new items a sitemap run takes when --max is not given


async def discover_sitemap(ctx: Context) -> AsyncIterator[Item]:
    """The URLs of a sitemap, or of the sitemaps an index names (newest first where dated); without --max,
    at most SITEMAP_DEFAULT_MAX new ones, with a note saying so.

    The sitemaps' validators are remembered only once every item they list was given: a run stopped at
    SITEMAP_DEFAULT_MAX kept them, and the next asked 'changed since?', heard 304 and said 'nothing new', so the
    items past the first 1,000 were never read, though the note said to run again for them."""
    new = 0
    read: list[tuple[str, dict]] = []
    async for item in _sitemap_items(ctx, read):
        if ctx.max_items is None and not ctx.is_known(item.url):
            if new == SITEMAP_DEFAULT_MAX:
                ctx.notes.append(f"stopped after {SITEMAP_DEFAULT_MAX} new items of the sitemap {ctx.source.url} "
                                 "(the default without --max): run again, or give --max, for more")
                return
            new += 1
        yield item
    for url, headers in read:
        ctx.remember(url, headers)


async def _sitemap_items(ctx: Context, read: list[tuple[str, dict]]) -> AsyncIterator[Item]:
    """Every sitemap's items; each sitemap read goes into `read` with its headers, for the caller to remember."""
    from briefarc.extract.feed import parse_sitemap
    from briefarc.offload import aside

    pattern = _pattern(ctx)
    queue = [ctx.url]
    visited: set[str] = set()
    left_out = False  # sitemaps named past ctx.max_pages (an index of indexes without end)
    while queue and len(visited) < ctx.max_pages:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        try:
            response = await ctx.get(url, accept="sitemap", remember=False)
        except Unchanged:
            if url == ctx.url:
                raise
            continue
        read.append((url, response.headers))
        data, cut = _first_entries(response.data)
        if cut:
            ctx.notes.append(f"the sitemap {url} lists more than {MAX_SITEMAP_ENTRIES:,} entries, the sitemap "
                             f"protocol's limit: the first {MAX_SITEMAP_ENTRIES:,} were read")
        sitemap = await aside(parse_sitemap, data)
        if url == ctx.url and not (sitemap.urls or sitemap.sitemaps) and sitemap.root not in SITEMAP_ROOTS:
            raise await _error_page(response, url, "a sitemap") or wrong_document(url, sitemap.root, "XML sitemap")
        children = [child for child in dict.fromkeys(sitemap.sitemaps) if child not in visited and child not in queue]
        room = ctx.max_pages - len(visited) - len(queue)  # the queue holds no more than can be read
        left_out = left_out or len(children) > room
        queue.extend(children[:max(room, 0)])
        entries = sorted(sitemap.urls, key=lambda pair: pair[1] or "", reverse=True)
        ctx.look_ahead([loc for loc, _ in entries])
        for loc, lastmod in entries:
            if pattern and not pattern.search(loc):
                continue
            if ctx.is_old(lastmod):
                continue
            yield Item(url=loc, published=(lastmod or "")[:10] or None)
    if left_out:
        ctx.notes.append(f"stopped after reading {ctx.max_pages} sitemaps of {ctx.url}: the others it names "
                         "were not read")


MAX_SITEMAP_ENTRIES = 50_000  # URLs (or sitemaps) one sitemap file may list, by the sitemap protocol


# The start of an entry as the sitemap reader knows one: in any case, after any namespace prefix, with or without
# an end tag. Only "<url>...</url>" was counted: `<sm:url>` (a prefix a valid sitemap may choose), `<URL>`, or
# entries left unclosed, 600,000 of them, were read whole (12 s and 750 MB).
ENTRY = lazy(rb"<(?:[^\s<>/:!?]*+:)*+(url|sitemap)(?![\w:.\-\x80-\xff])[^<>]*+>", re.I)


def _first_entries(data: bytes) -> tuple[bytes, bool]:
    """The sitemap cut before its entry after the MAX_SITEMAP_ENTRIES-th, and whether there was one (a 50 MB
    sitemap of 600,000 URLs, 2 MB gzipped, took 1 GB and 36 s of CPU to read whole)."""
    counts = {b"url": 0, b"sitemap": 0}
    for match in ENTRY.finditer(data):
        name = match.group(1).lower()
        counts[name] += 1
        if counts[name] > MAX_SITEMAP_ENTRIES:
            return data[:match.start()], True
    return data, False
