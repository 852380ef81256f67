"""JSON APIs: WordPress, India MEA's publication endpoints, gov.uk's search and content APIs."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from briefarc.sources.base import Context, Item, Unchanged, Walk


def _json(data: bytes, url: str):
    from briefarc.errors import InputError
    from briefarc.extract.jsontext import loads

    try:
        return loads(data)
    except RecursionError:
        raise InputError(f"{url} did not answer with JSON its reader can take (nested too deeply).") from None
    except ValueError as exc:  # JSONDecodeError, or UnicodeDecodeError for bytes that are not text
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not Unicode text"
        raise InputError(f"{url} did not answer with JSON ({reason}).") from exc


def _listing(payload, url: str, what: str, answer=None) -> list:
    """`payload` when it is of the shape a listing API answers with, a list holding objects if any; InputError
    naming `what` when it is not (an API that answers a string, null, an error object or a list of numbers
    lists nothing: that is no success), with what the error object of the whole `answer` says."""
    if not isinstance(payload, list) or (payload and not any(isinstance(item, dict) for item in payload)):
        from briefarc.errors import InputError

        said = _error_said(answer)
        if said is not None:  # a page after the first breaks the walk off there (_walk): the next run reads on
            raise InputError(f'{url} did not answer with a list of {what} but with an error, "{said}": tried again '
                             "next run")
        raise InputError(f"{url} did not answer with a list of {what}.")
    return payload


def _error_said(answer) -> str | None:
    """What a JSON error object says (ASP.NET's {"Message": ...}, {"error": ...}, {"errors": [...]}), on one
    line and cut short; None when `answer` is none. A page after the first answering one (an MEA page 2's
    {"Message": "An error has occurred."}, gov.uk's {"error": "Too many requests"}) was taken as the end of the
    listing: exit 0, and no later run read that page or the pages after it."""
    if not isinstance(answer, dict):
        return None
    fields = {str(key).lower(): value for key, value in answer.items()}
    for name in ERROR_FIELDS:
        said = fields.get(name)
        if isinstance(said, dict):
            said = said.get("message") or said.get("Message") or said.get("title")
        elif isinstance(said, list):
            said = next((item if isinstance(item, str) else item.get("message") for item in said
                         if isinstance(item, str) or (isinstance(item, dict) and item.get("message"))), None)
        if isinstance(said, str) and said.strip():
            text = " ".join("".join(c if c.isprintable() else " " for c in said[:400]).split())
            return text if len(text) <= 120 else text[:119] + "…"
    return None


ERROR_FIELDS = ("error", "errors", "message", "exceptionmessage", "error_description", "fault")


async def discover_wordpress(ctx: Context) -> AsyncIterator[Item]:
    """Posts from `wp-json/wp/v2/posts`, page by page; the site's `/feed/` when the API is closed."""
    from briefarc.sources.feed import discover_feed

    base = ctx.url.rstrip("/") + "/"
    per_page = _page_size(ctx, "per_page", 50)

    def url_of(number: int) -> str:
        return urljoin(base, "wp-json/wp/v2/posts?" + urlencode(
            {"per_page": per_page, "page": number, "_fields": "id,link,date,title"}))

    def read(payload, url: str, number: int) -> tuple[list[Item], bool]:
        posts = _listing(payload, url, "posts")
        items = [found for post in posts if isinstance(post, dict) and (found := _wordpress_item(base, post))]
        return items, len(posts) < per_page

    def instead() -> AsyncIterator[Item]:
        ctx.notes.append("the WordPress API did not answer; reading the site's feed instead")
        ctx.source.url = urljoin(base, "feed/")
        return discover_feed(ctx)

    async for item in _walk(ctx, url_of, read, "posts", past_the_end=PAST_THE_END, instead=instead,
                            paging=Paging(per_page, "page", "per_page")):
        yield item


@dataclass
class Paging:
    """How an API's page addresses say their size and place: `size` items a page now; the query's page number
    (from 1) and size, or the index of the page's first item (gov.uk's start and count)."""

    size: int
    page_key: str | None = None
    size_key: str = "per_page"
    start_key: str | None = None

    def first_item(self, url: str) -> tuple[int, int] | None:
        """(The index of the first item, the page size) of the page `url` names; None when it does not say."""
        query = dict(parse_qsl(urlsplit(url).query))
        try:
            size = int(query[self.size_key])
            first = int(query[self.start_key]) if self.start_key else (int(query[self.page_key or ""]) - 1) * size
        except (KeyError, ValueError):
            return None
        return (first, size) if first >= 0 and size > 0 else None


def _resized(ctx: Context, url_of: Callable[[int], str], paging: Paging) -> list[tuple[str, int]]:
    """The resume points of earlier walks, each as the page at today's page size that holds the first items of
    the page it names. A point made with another size (a source's per_page, page_size changed) was read as the
    page of its number at the new size: other items, archived ones that stopped the walk, and the items past the
    break were never read."""
    points: dict[int, str] = {}
    for url, number in ctx.resume:
        found = paging.first_item(url)
        if url == url_of(number) or found is None and paging.first_item(url_of(number)) is None:
            points.setdefault(number, url_of(number))
            continue
        if found is None:
            ctx.notes.append(f"{url}, where an earlier run's walk broke off, does not say its page and page size: "
                             "dropped, the walk reads from its start")
            continue
        first, size = found
        if size == paging.size:
            points.setdefault(number, url_of(number))
            continue
        page = first // paging.size + 1
        points.setdefault(page, url_of(page))
        ctx.notes.append(f"{url}, where an earlier run's walk broke off, was made with another page size: read on "
                         f"from {url_of(page)}, which holds its first items")
    return sorted(((url, number) for number, url in points.items()), key=lambda point: point[1])


async def _walk(ctx: Context, url_of: Callable[[int], str],
                read: Callable[[object, str, int], tuple[list[Item], bool] | None], what: str, *,
                past_the_end: tuple[int, ...] = (), instead: Callable[[], AsyncIterator[Item]] | None = None,
                paging: Paging | None = None) -> AsyncIterator[Item]:
    """The items of a JSON listing API, page after page (`url_of` the page numbered from 1; `read` its items and
    whether it is the last, or None past the last), until the archive has them; on from where an earlier run's
    walk broke off once it reaches them (or its page 1 answers 304).

    A page after the first that cannot be read (a 503, a timeout, an HTML error page) is no end: the source's
    run fails and says so, and the next run reads on from that page. A first page that cannot be read fails the
    run, or gives `instead`'s items; a page after the first answering a status of `past_the_end` ends the walk,
    as does a page an earlier walk broke off at that answers 404 now (Walk.gone: the pages before it read again)."""
    from briefarc.errors import InputError
    from briefarc.net.fetch import FetchFailure

    if paging is not None and ctx.resume:
        ctx.resume = _resized(ctx, url_of, paging)
    walk, number, pages = Walk(ctx), 1, 0
    gone_at = 0  # the number of a page a walk broke off at that is gone now: the walk ends there
    while pages < ctx.max_pages and number != gone_at:
        pages += 1
        url = url_of(number)
        walk.reached(url, number)
        try:
            response = await ctx.get(url, accept="json")
            if number == 1 and response.moved:  # the walk never asks for the source's own address
                ctx.say_moved(response, _moved_source(ctx.url, url, response.final_url))
            found = read(_json(response.data, url), url, number)
        except Unchanged:  # nothing new on it; but past where a walk broke off nothing was read
            if (point := walk.jump(number)) is None:
                raise
            number = point[1]
            continue
        except (FetchFailure, InputError) as exc:
            gone = isinstance(exc, FetchFailure) and exc.status in (404, 410)
            if gone and url == walk.jumped:  # the page a walk broke off at: the listing no longer reaches it
                if (afresh := walk.gone(url, number)) is None:
                    return
                number, gone_at = afresh, number
                continue
            if number > 1 and isinstance(exc, FetchFailure) and exc.status in past_the_end:
                return
            if number > 1:
                walk.broke(url, number)
            elif instead is not None:
                async for item in instead():
                    yield item
                return
            raise
        if found is None:
            return
        items, end = found
        stop = end or walk.stops(items)  # judged before the items are stored by this very run
        for item in items:
            yield item
        if stop and not end and (point := walk.jump(number)) is not None:
            number = point[1]
            continue
        if stop:
            return
        number += 1
    if number != gone_at:
        _capped(ctx, what)


def _moved_source(source_url: str, page: str, final: str) -> str:
    """The source's address where its API's first page `page` moved for good to `final`: the address before the
    API's path, when the move kept that path (a WordPress site moved whole), else the source's path on the new
    host."""
    if page.startswith(source_url) and (tail := page[len(source_url):]) and final.endswith(tail):
        return final[:-len(tail)]
    old, new = urlsplit(source_url), urlsplit(final)
    return urlunsplit((new.scheme, new.netloc, old.path, old.query, ""))


# What WordPress answers for a page past the last (400, rest_post_invalid_page_number), or a site without paging
PAST_THE_END = (400, 404, 410)


def _wordpress_item(base: str, post: dict) -> Item | None:
    """The post's page; None when its link is no web address (a script, a file, a broken URL: each was a page
    that failed on every run), resolved against the site and stripped as a feed's links are."""
    from briefarc.extract.links import resolve

    link = resolve(base, _text(post.get("link")))
    if link is None:
        return None
    title = post.get("title")
    if isinstance(title, dict):
        title = title.get("rendered")
    return Item(url=link, title=_text(title), published=(_text(post.get("date")) or "")[:10] or None)


async def discover_mea(ctx: Context) -> AsyncIterator[Item]:
    """India MEA: the publication listing endpoint, page by page; each item's detail JSON is the page."""
    base = ctx.url
    publication = ctx.option("publication_id", 49)
    language = ctx.option("language_id", 1)
    size = _page_size(ctx, "page_size", 50)

    def url_of(number: int) -> str:
        query = urlencode({"publicationId": publication, "page": number, "PageSize": size, "PLngId": language})
        return urljoin(base, f"/FrontEnd/FetchPublicationListingData?{query}")

    def read(payload, url: str, number: int) -> tuple[list[Item], bool] | None:
        rows = _rows(payload)
        if rows is None and number > 1 and _error_said(payload) is None:  # past the last: nothing of a listing
            ctx.notes.append(f"{url} answered no list of publications: taken as the end of the listing")
            return None
        rows = _listing(rows, url, "publications", payload)
        return [_mea_item(base, row, language) for row in rows if _field(row, "pkid", "id")], len(rows) < size

    async for item in _walk(ctx, url_of, read, "publications", paging=Paging(size, "page", "PageSize")):
        yield item


def _mea_item(base: str, row: dict, language) -> Item:
    pkid = _field(row, "pkid", "id")
    detail = urljoin(base, f"/FrontEnd/FetchPublicationDetailData?pkid={pkid}&languageId={language}")
    return Item(url=detail, title=_text(_field(row, "title", "name")),
                published=_date(_field(row, "date", "publishdate", "publicationdate")), accept="json")


async def discover_govuk(ctx: Context) -> AsyncIterator[Item]:
    """gov.uk: the search API, newest first; each result's content API JSON is the page."""
    base = ctx.url
    size = _page_size(ctx, "page_size", 100)
    filters = ctx.option("filters", {
        "filter_organisations": "foreign-commonwealth-development-office",
        "filter_content_store_document_type": "press_release",
    })

    def url_of(number: int) -> str:
        query = urlencode({**filters, "order": "-public_timestamp", "count": size, "start": (number - 1) * size,
                           "fields": "link,title,public_timestamp"})
        return urljoin(base, f"/api/search.json?{query}")

    def read(payload, url: str, number: int) -> tuple[list[Item], bool] | None:
        # past the last page the search API answers `results: []`: an answer without them is an error on any page
        results = _listing(payload.get("results") if isinstance(payload, dict) else None, url, "results", payload)
        return [
            Item(url=urljoin(base, "/api/content" + r["link"]), title=_text(r.get("title")),
                 published=(_text(r.get("public_timestamp")) or "")[:10] or None, accept="json")
            for r in results if isinstance(r, dict) and isinstance(r.get("link"), str) and r["link"].startswith("/")
        ], len(results) < size

    async for item in _walk(ctx, url_of, read, "results", paging=Paging(size, size_key="count", start_key="start")):
        yield item


def _page_size(ctx: Context, name: str, default: int) -> int:
    """The source's page size option: a whole number from 1 up, or an InputError that says so (a per_page of 0
    ended the walk in a ZeroDivisionError, an internal error)."""
    from briefarc.errors import InputError

    value = ctx.option(name, default)
    try:
        size = int(value) if isinstance(value, int | str) and not isinstance(value, bool) else 0
    except ValueError:
        size = 0
    if size < 1:
        raise InputError(f"the source's option {name} is {value!r}: a page size is a whole number from 1 up.")
    return size


def _capped(ctx: Context, what: str) -> None:
    ctx.notes.append(f"stopped after reading {ctx.max_pages} pages of {what} from {ctx.url}: older ones were not read")


def _rows(payload) -> list[dict] | None:
    """The first list of objects in a JSON answer, wherever the API put it; an empty list when it holds none
    but an empty list (a listing with nothing in it), None when it holds neither (an error object, say).
    Looked for without recursion: an answer may nest as deep as the JSON reader goes."""
    stack, empty = [payload], False
    while stack:
        value = stack.pop()
        if isinstance(value, list):
            rows = [row for row in value if isinstance(row, dict)]
            if rows:
                return rows
            empty = empty or not value
        elif isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
    return [] if empty else None


def _field(row: dict, *names: str):
    lowered = {key.lower(): value for key, value in row.items()}
    for name in names:
        if lowered.get(name) not in (None, ""):
            return lowered[name]
    return None


def _text(value) -> str | None:
    """A field an API answers with, when it is text (an API may answer a number, a list or an object)."""
    return value if isinstance(value, str) else None


def _date(value) -> str | None:
    if not value:
        return None
    from briefarc.extract.dates import find_date

    found = find_date(str(value))
    return found[:10] if found else None

