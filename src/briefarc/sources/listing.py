"""Listing pages: links to articles, page after page, until the archive already has them."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from briefarc.errors import InputError
from briefarc.extract.links import resolve
from briefarc.net.fetch import FetchFailure
from briefarc.offload import aside
from briefarc.sources.base import Context, Item, Unchanged, Walk
from briefarc.urls import join


async def discover_listing(ctx: Context) -> AsyncIterator[Item]:
    """Walk a listing: item links by selector (or the extractor's site knowledge), then the next page; on from
    where an earlier run's walk broke off once it reaches what the archive has."""
    url: str | None = ctx.source.url
    seen_pages: set[str] = set()
    number = 0
    walk = Walk(ctx)
    after: tuple[str | None, int] | None = None  # the page after the one the walk jumped from, when it is known
    while url and url not in seen_pages and len(seen_pages) < ctx.max_pages:
        seen_pages.add(url)
        walk.reached(url, number + 1)  # its pages counted from 0, Walk's from 1
        try:
            response = await ctx.get(url, accept="html")
        except Unchanged:  # nothing new on it; but past where a walk broke off nothing was read
            if (point := walk.jump()) is None:
                raise
            url, number = point
            walk.left_at, after = number, None  # (its pages counted from 1) the pages between are not known
            continue
        except FetchFailure as exc:
            if exc.status in (404, 410) and url == walk.jumped:  # a page an earlier walk broke off at is gone
                if (afresh := _gone(walk, url, number, after)) is None:
                    return
                (url, number), after = afresh, None
                continue
            if number and exc.status in (404, 410):
                return  # past the last page
            if number:
                walk.broke(url, number)
            raise
        items, next_link = await aside(read_listing, response.data, response.final_url, ctx.source.options,
                                       response.content_type)  # not on the event loop: it may take seconds
        if not items and (error := await aside(error_page, response, url, number)) is not None:
            if error is PAST_THE_END and url == walk.jumped:  # a 'not found' page where a walk broke off
                if (afresh := _gone(walk, url, number, after)) is None:
                    return
                (url, number), after = afresh, None
                continue
            if error is PAST_THE_END:
                return
            if number:
                walk.broke(url, number)
            raise error
        if not items and not number:  # no article link on the first page: a page of another kind fails the source
            why = await aside(no_articles, response, url, ctx.source.options)
            if isinstance(why, InputError):
                raise why
            ctx.notes.append(why)
        if _last_page(ctx, response.data, number):
            next_link, ctx = None, _without_template(ctx)
        stop = walk.stops(items)  # judged before the items are stored by this very run
        for item in items:
            yield item
        if stop and (point := walk.jump(number + 1)) is not None:
            after = (next_page(ctx, response.final_url, next_link, number + 1), number + 1)
            url, number = point
            continue
        if stop:
            return
        number += 1
        url = next_page(ctx, response.final_url, next_link, number)
    if url and url not in seen_pages:
        ctx.notes.append(f"stopped after reading {ctx.max_pages} listing pages of {ctx.url}: the next, {url}, and "
                         "those after it were not read (a source of this kind and options with that address "
                         "reads on from there)")


PAST_THE_END = InputError("past the last page")


def _gone(walk: Walk, url: str, number: int, after: tuple[str | None, int] | None) -> tuple[str, int] | None:
    """The page `url` (number `number`, the first 0) where an earlier walk broke off is gone (404, 410, a 'not found'
    page): said once (Walk.gone, its pages counted from 1), and the page after the one the walk jumped from, to read
    the pages between again; None when none is known (the walk ends there). It was taken for the end of the listing,
    and the point dropped without a word."""
    if after is None or after[0] is None:
        walk.left_at = number  # no page between is known to read again
    if walk.gone(url, number + 1) is None or after is None or after[0] is None:
        return None
    return after[0], after[1]


def error_page(response, url: str, number: int, what: str = "a listing") -> InputError | None:
    """Why a page given in place of a listing (or a feed, a sitemap) is an error page, None when it is none.
    A "not found" page answered with 200 is past the last page (PAST_THE_END) after the first, and a first page
    that says so is the source's error; a page that is an error page ("Service Unavailable", a captcha's "Access
    denied") or a redirect stub is no end of a walk, which breaks off there. A listing page of either kind ended
    the walk as if it were read to its end, and said nothing."""
    from briefarc.net.fetch import looks_missing

    if looks_missing(response, url):
        if number:
            return PAST_THE_END
        return InputError(f"{url} answered a page that says it is not found (status {response.status}, at "
                          f"{response.final_url}): check the source's URL.")
    reason = _refusal(response.data, response.content_type)
    if reason is None:
        return None
    found = reason.split(", not a page")[0]  # 'an error page ("Service Unavailable")', 'a redirect stub ("Found")'
    return InputError(f"{url} answered {found} with status {response.status}, not {what}: tried again next run")


def no_articles(response, url: str, options: dict) -> InputError | str:
    """Why the first page of a listing yields no article link: an error that says what the page reads as (a briefing,
    a feed...) and what to do, or a note when it holds links that --link-pattern leaves out, or none at all (a
    listing with nothing on it). A page of a few short links, which the extractor reads as a briefing, gave
    "discovered 0" and no word, where a feed or sitemap source at such an address fails its run."""
    from briefarc.extract.core import extract
    from briefarc.extract.feed import is_feed

    data, content_type, selector = response.data, response.content_type, options.get("item_selector")
    if is_feed(data):
        return InputError(f"{url} holds a feed, not a listing page (a source of --kind feed reads that). Check the "
                          "source's URL and kind.")
    pattern = options.get("link_pattern")
    links = read_listing(data, response.final_url, {"item_selector": "a[href]"}, content_type)[0]
    chosen = read_listing(data, response.final_url, {"item_selector": selector}, content_type)[0] if selector \
        else links
    if pattern and chosen:
        return f"no link on {url} matches --link-pattern {pattern!r}: nothing discovered"
    if not links:
        return f"{url} holds no link: nothing discovered"
    try:
        kind = extract(data, url=response.final_url, content_type=content_type).kind
    except InputError as exc:
        return InputError(f"{url} holds no listing page: {exc}. Check the source's URL.")
    what = "a listing, but not one article link was found on it" if kind == "listing" else \
        f"{_a(kind)}, not a listing of articles"
    if selector:
        return InputError(f"{url}: --item-selector {selector!r} finds no article link; the page reads as {what}. "
                          "Check the selector and the source's URL.")
    return InputError(f"{url} reads as {what}: check the address or give --item-selector.")


def _a(kind: str) -> str:
    if kind == "other":
        return "a page of no known kind"
    words = kind.replace("_", " ")
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


def _refusal(data: bytes, content_type: str | None) -> str | None:
    from selectolax.lexbor import LexborHTMLParser

    from briefarc.extract.decode import decode_html
    from briefarc.extract.depth import cap_tags, guarded
    from briefarc.extract.stubs import refusal

    text = decode_html(data, content_type)[0]
    return refusal(LexborHTMLParser(guarded(cap_tags(text)[0])), len(text))


def _last_page(ctx: Context, data: bytes, number: int) -> bool:
    """Whether the page says (in a script's page count, say) that it is the last one."""
    pattern = ctx.option("page_count_pattern")
    if not pattern:
        return False
    match = re.search(pattern.encode(), data)
    return match is not None and number + 1 >= int(match.group(1))


def _without_template(ctx: Context) -> Context:
    from dataclasses import replace

    options = {k: v for k, v in ctx.source.options.items() if k != "page_template"}
    return replace(ctx, source=replace(ctx.source, options=options))


def next_page(ctx: Context, current: str, next_link: str | None, number: int) -> str | None:
    template = ctx.option("page_template")
    if template:
        first = int(ctx.option("first_page", 1))
        return join(ctx.source.url, template.format(n=number + first - 1, base=ctx.source.url))
    return resolve(current, next_link)  # a "next" that is a script (javascript:void(0)) ends the listing


def read_listing(data: bytes, url: str, options: dict, content_type: str | None = None):
    """(items, next page link) of one listing page."""
    from selectolax.lexbor import LexborHTMLParser

    from briefarc.extract.decode import decode_html
    from briefarc.extract.depth import cap_tags, guarded

    text, _, _ = decode_html(data, content_type)
    tree = LexborHTMLParser(guarded(cap_tags(text)[0]))
    pattern = re.compile(options["link_pattern"]) if options.get("link_pattern") else None
    read: str | None = None  # the next page the extractor found on a page it reads as a listing
    if options.get("item_selector"):
        items = _items_by_selector(tree, url, options)
    else:
        items, read = _items_by_extractor(data, url, content_type)
        if not items and pattern is not None:  # too short a list for the extractor to call it a listing
            items = _items_by_selector(tree, url, {"item_selector": "a[href]"})
    items = _unique([item for item in items if pattern is None or pattern.search(item.url)])
    if options.get("next_selector"):
        node = tree.css_first(options["next_selector"])
        return items, node.attributes.get("href") if node is not None else None
    if read is not None:
        return items, read
    # no selector for it: the next page as the extractor finds it (rel=next, a "Next" link, a pager)
    return items, _next_by_extractor(tree, text, url)


def _items_by_selector(tree, url: str, options: dict) -> list[Item]:
    items = []
    for node in tree.css(options["item_selector"]):
        link = node if node.tag == "a" else node.css_first("a[href]")
        if link is None or not link.attributes.get("href"):
            continue
        title_node = node.css_first(options["title_selector"]) if options.get("title_selector") else link
        date_node = node.css_first(options["date_selector"]) if options.get("date_selector") else None
        title = _text(title_node) or _text(link)
        published = _date(_text(date_node)) if date_node is not None else _date(_text(node))
        target = resolve(url, link.attributes["href"])  # no script, mail, file or fragment link: no page to fetch
        if target:
            items.append(Item(url=target, title=title, published=published))
    return items


def _items_by_extractor(data: bytes, url: str, content_type: str | None) -> tuple[list[Item], str | None]:
    """The items of a page the extractor reads as a listing, and the next page it finds there (None: none, or
    no listing)."""
    from briefarc.extract.core import extract

    doc = extract(data, url=url, content_type=content_type)
    joined = ((resolve(url, i.url), i) for i in doc.items)
    return [Item(url=target, title=i.title, published=i.published) for target, i in joined if target], doc.next_page


def _next_by_extractor(tree, text: str, url: str) -> str | None:
    """The next page as the extractor finds it on a listing (a page it does not read as one, or one read by
    --item-selector): a rel=next link in the head or the body, a "Next" link, a numbered or scripted pager."""
    from briefarc.extract.listing import find_next_page, pager_from_source

    head = tree.css_first('link[rel~="next"][href]')
    return find_next_page(tree, url, (head.attributes.get("href") if head is not None else None)
                          or pager_from_source(text))


def _text(node) -> str:
    return " ".join(node.text(separator=" ").split()) if node is not None else ""


def _date(text: str) -> str | None:
    if not text:
        return None
    from briefarc.extract.dates import find_date

    found = find_date(text)
    return found[:10] if found else None


def _unique(items: list[Item]) -> list[Item]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.url not in seen:
            seen.add(item.url)
            out.append(item)
    return out
