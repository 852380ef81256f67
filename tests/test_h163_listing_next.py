"""A listing source without --next-selector reads on to the next page the extractor finds (rel=next, a "Next"
link), as `parse` shows it; a rerun stops where it reaches pages already archived.

Before: only page 1 was read (3 of 9 items), without a word, unless --next-selector named the link; so was a
listing page given to `fetch` as a URL."""

from __future__ import annotations

import asyncio

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def listing_page(numbers: list[int], pager: str) -> bytes:
    items = "".join(f'<li><a href="/a/{n}.html">Press briefing by the spokesperson, number {n}</a> '
                    f"<span>2025-07-{30 - n:02d}</span></li>" for n in numbers)
    return (f"<html><head><title>Press briefings</title></head><body><h1>Press briefings</h1><ul>{items}</ul>"
            f"{pager}</body></html>").encode()


def serve(site: ss.SiteServer, first: list[int]) -> None:
    """Three pages: page 1 says rel=next, page 2 a "Next" link, page 3 none."""
    site.route("/robots.txt", ss.robots())
    site.route("/list", ss.Reply(listing_page(first, '<a rel="next" href="/list2">2</a>')))
    site.route("/list2", ss.Reply(listing_page([4, 5, 6], '<a href="/list">1</a> <a href="/list3">Next</a>')))
    site.route("/list3", ss.Reply(listing_page([7, 8, 9], '<a href="/list2">Previous</a>')))
    for n in range(0, 10):
        site.route(f"/a/{n}.html", ss.Reply(ss.article(f"Press briefing by the spokesperson, number {n}")))


def fetch(cli, db_file, name: str) -> dict:
    result = cli("fetch", name, *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    return result.jsonl()[0]


def test_a_listing_source_without_next_selector_reads_the_pages_the_extractor_finds(cli, db_file, site):
    serve(site, [1, 2, 3])
    assert cli("sources", "add", "lst", site.url("/list"), "--kind", "listing", "--db", db_file).code == 0
    first = fetch(cli, db_file, "lst")
    assert first["added"] == 9, first
    assert all(site.hits(f"/a/{n}.html") == 1 for n in range(1, 10))

    second = fetch(cli, db_file, "lst")  # page 1 all archived: the walk stops there, as with a selector
    assert second["fetched"] == 0 and site.hits("/list2") == 1 and site.hits("/list3") == 1, second

    serve(site, [0, 1, 2])  # a new item on top: page 1 ends in archived items, so page 2 is not read again
    third = fetch(cli, db_file, "lst")
    assert third["added"] == 1 and site.hits("/list") == 3 and site.hits("/list2") == 1, third


def test_a_listing_page_given_to_fetch_is_walked_as_a_listing_source_is(cli, db_file, site):
    serve(site, [1, 2, 3])
    result = cli("fetch", site.url("/list"), *FAST, "--db", db_file, "--json")
    assert result.code == 0 and result.jsonl()[0]["added"] == 9, result.stderr
    serve(site, [0, 1, 2])  # one new item on top: page 1 ends in archived items, the walk stops there
    again = cli("fetch", site.url("/list"), *FAST, "--db", db_file, "--json")
    assert again.code == 0 and again.jsonl()[0]["added"] == 1
    assert site.hits("/list2") == 1 and site.hits("/list3") == 1


def test_a_listing_source_with_item_selector_only_reads_on_too(cli, db_file, site):
    serve(site, [1, 2, 3])
    assert cli("sources", "add", "lst", site.url("/list"), "--kind", "listing", "--item-selector", "li",
               "--db", db_file).code == 0
    assert fetch(cli, db_file, "lst")["added"] == 9


def test_a_walk_by_the_extractors_next_page_says_where_the_page_cap_stopped_it(site):
    from briefarc.models import Source
    from briefarc.net.fetch import FetchConfig, Fetcher
    from briefarc.sources import adapter
    from briefarc.sources.base import Context

    serve(site, [1, 2, 3])

    async def discover() -> tuple[list, list[str]]:
        async with Fetcher(FetchConfig(delay=0, retries=0)) as fetcher:
            ctx = Context(Source(name="s", kind="listing", url=site.url("/list")), fetcher, lambda url: False,
                          max_pages=2)
            return [item async for item in adapter("listing")(ctx)], ctx.notes

    items, notes = asyncio.run(discover())
    assert len(items) == 6
    assert notes == [f"stopped after reading 2 listing pages of {site.url('/list')}: the next, "
                     f"{site.url('/list3')}, and those after it were not read (a source of this kind and options "
                     "with that address reads on from there)"]
