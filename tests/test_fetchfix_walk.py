"""A walk of a listing or a WordPress API that broke off on a page after the first goes on from there next run.

Before: the first run stored page 1's items and failed; every later run stopped at page 1 (all archived by
then) with exit 0 and "fetched 0", and the items on the page that failed and after it were never read."""

from __future__ import annotations

import json

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
BUSY = ss.Reply(b"busy", 503, "text/plain")


def listing(items: list[int], next_page: str | None) -> ss.Reply:
    lis = "".join(f'<li class="item"><a href="/a/{i}.html">Press briefing number {i}</a> '
                  f"<span>2025-07-{20 - i:02d}</span></li>" for i in items)
    more = f'<a class="next" href="{next_page}">Next</a>' if next_page else ""
    return ss.Reply(f"<html><head><title>Briefings</title></head><body><ul>{lis}</ul>{more}</body></html>".encode())


def fetch(cli, db_file, name: str) -> tuple[int, dict]:
    result = cli("fetch", name, *FAST, "--db", db_file, "--json")
    return result.code, result.jsonl()[0]


def pending_urls(cli, db_file) -> list[str]:
    return [row["url"] for row in cli("log", "--pending", "--db", db_file, "--json").jsonl()]


def test_a_listing_walk_that_broke_off_on_page_2_reads_on_from_there_next_run(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2, 3], "/list?page=2"))
    site.route("/list?page=2", BUSY, BUSY, listing([4, 5, 6], "/list?page=3"))
    site.route("/list?page=3", listing([7, 8], None))
    for i in range(1, 9):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0

    code, first = fetch(cli, db_file, "w")
    assert code == 1 and first["added"] == 3 and "503" in first["error"]
    assert any("broke off at " + site.url("/list?page=2") in note for note in first["notes"]), first
    assert pending_urls(cli, db_file) == [site.url("/list?page=2")]  # log --pending says where it goes on

    code, second = fetch(cli, db_file, "w")  # page 2 still busy: the point is kept, tried once more
    assert code == 1 and second["added"] == 0
    assert pending_urls(cli, db_file) == [site.url("/list?page=2")]
    row = cli("log", "--pending", "--db", db_file, "--json").jsonl()[0]
    assert row["attempts"] == 2 and "503" in row["last_error"]

    code, third = fetch(cli, db_file, "w")
    assert code == 0 and third["added"] == 5, third
    assert any("read on from " + site.url("/list?page=2") in note for note in third["notes"]), third
    assert pending_urls(cli, db_file) == []
    assert all(site.hits(f"/a/{i}.html") == 1 for i in range(1, 9))

    code, fourth = fetch(cli, db_file, "w")  # the walk is whole: back to stopping at page 1
    assert code == 0 and fourth["fetched"] == 0 and site.hits("/list?page=2") == 3
    assert len(cli("list", "--db", db_file, "--json").jsonl()) == 8


def test_a_listing_page_unchanged_since_the_last_run_still_reads_on_from_the_break(cli, db_file, site):
    """Page 1 answering 304 says nothing of the pages after the break, which were never read."""
    site.route("/robots.txt", ss.robots())
    first_page = listing([1, 2], "/list?page=2")
    first_page.etag = '"v1"'
    site.route("/list", first_page)
    site.route("/list?page=2", listing([3, 4], None))
    for i in range(1, 7):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0
    assert fetch(cli, db_file, "w")[0] == 0  # a clean run: page 1's ETag is kept
    site.route("/list?page=2", BUSY, listing([3, 4], "/list?page=3"))
    site.route("/list?page=3", listing([5, 6], None))  # older items that turned up past the old end
    result = cli("fetch", "w", "--refresh", *FAST, "--db", db_file, "--json")  # the walk breaks off at page 2
    assert result.code == 1 and pending_urls(cli, db_file) == [site.url("/list?page=2")]

    code, report = fetch(cli, db_file, "w")  # page 1 answers 304
    assert code == 0 and report["added"] == 2, report
    assert site.hits("/list?page=3") == 1 and pending_urls(cli, db_file) == []


def wordpress(site: ss.SiteServer, second: list[ss.Reply]) -> str:
    posts_path = "/wp-json/wp/v2/posts?per_page=50&page={n}&_fields=id%2Clink%2Cdate%2Ctitle"

    def posts(numbers: range) -> ss.Reply:
        return ss.Reply(json.dumps([{"id": n, "link": site.url(f"/{n}/briefing-{n}/"),
                                     "title": {"rendered": f"Briefing {n}"}, "date": "2025-06-01T10:00:00"}
                                    for n in numbers]).encode(), content_type="application/json")

    site.route("/robots.txt", ss.robots())
    site.route(posts_path.format(n=1), posts(range(150, 100, -1)))
    site.route(posts_path.format(n=2), *second, posts(range(100, 50, -1)))
    site.route(posts_path.format(n=3), posts(range(50, 20, -1)))
    for n in range(21, 151):
        site.route(f"/{n}/briefing-{n}/", ss.Reply(ss.article(f"Press briefing {n} on the talks in Doha")))
    return posts_path


def test_a_wordpress_walk_that_broke_off_on_page_2_reads_on_from_there_next_run(cli, db_file, site):
    posts_path = wordpress(site, [BUSY])
    assert cli("sources", "add", "wp", site.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "wp")
    assert code == 1 and first["added"] == 50
    assert pending_urls(cli, db_file) == [site.url(posts_path.format(n=2))]

    code, second = fetch(cli, db_file, "wp")
    assert code == 0 and second["added"] == 80, second
    assert site.hits(posts_path.format(n=3)) == 1 and pending_urls(cli, db_file) == []
    assert len(cli("list", "--db", db_file, "--json", "--limit", "500").jsonl()) == 130
