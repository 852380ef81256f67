"""A listing given as a loose URL (`fetch https://site/press-releases/`) whose walk broke off is read on from where it
broke off by the next fetch of it, as a listing source's is.

Before: the next fetch read the first page again, found its items archived and stopped there ("discovered 10,
fetched 0", exit 0): the pages after the break were never read, run after run, and nothing said so."""

from __future__ import annotations

import sqlite3

from tests import siteserver as ss
from tests.test_fetch_faults import article

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
PAGES = 3
PER_PAGE = 10


def _listing(site, number: int, etag: str | None = None) -> ss.Reply:
    first = (number - 1) * PER_PAGE + 1
    links = "".join(f'<li><a href="{site.url(f"/a/{i}")}">Press release number {i} of the ministry on the talks</a>'
                    f"</li>" for i in range(first, first + PER_PAGE))
    more = f'<a rel="next" href="{site.url(f"/list/{number + 1}")}">Next</a>' if number < PAGES else ""
    body = f"<html><body><h1>Press releases</h1><ul>{links}</ul>{more}</body></html>".encode()
    return ss.Reply(body, etag=etag)


def _site(site, *, etag: str | None = None) -> str:
    """A listing of PAGES pages whose second answers 500 once, then its page; its articles."""
    for i in range(1, PAGES * PER_PAGE + 1):
        site.route(f"/a/{i}", ss.Reply(article(i)))
    site.route("/list/1", _listing(site, 1, etag))
    site.route("/list/2", ss.Reply(b"busy", status=500), _listing(site, 2))
    site.route("/list/3", _listing(site, 3))
    return site.url("/list/1")


def _stored(db_file) -> int:
    with sqlite3.connect(db_file) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def _walk_rows(db_file) -> list[tuple]:
    with sqlite3.connect(db_file) as conn:
        return conn.execute("SELECT key, url FROM pending WHERE key LIKE 'walk:%'").fetchall()


def test_the_next_fetch_of_a_listing_reads_on_from_where_its_walk_broke_off(cli, db_file, site):
    listing = _site(site)
    first = cli("fetch", listing, *FAST, "--db", db_file)
    assert first.code == 3, first.stderr  # page 2 failed beside the 10 articles of page 1
    said = " ".join(first.stderr.split())
    assert f"the walk of {listing} broke off at {site.url('/list/2')}: `briefarc fetch {listing}` reads on from there" \
        in said
    assert _stored(db_file) == PER_PAGE
    assert [url for _, url in _walk_rows(db_file)] == [site.url("/list/2")]
    [row] = cli("log", "--pending", "--json", "--db", db_file).jsonl()  # says what to run to read on
    assert row["url"] == site.url("/list/2") and row["last_error"].endswith(
        f"(the walk broke off here: `briefarc fetch {listing}` reads on from it)")
    again = cli("fetch", listing, *FAST, "--db", db_file, "--json")
    assert again.code == 0, again.stderr
    [report] = again.jsonl()
    assert report["added"] == 2 * PER_PAGE
    assert f"read on from {site.url('/list/2')}, where an earlier run's walk broke off" in report["notes"]
    assert _stored(db_file) == PAGES * PER_PAGE and _walk_rows(db_file) == []  # done with the point
    third = cli("fetch", listing, *FAST, "--db", db_file, "--json")
    assert third.code == 0 and third.jsonl()[0]["added"] == 0
    assert site.hits("/list/2") == 2  # asked for once in each of the first two runs, not in the third


def test_an_unchanged_first_page_does_not_hide_the_pages_after_the_break(cli, db_file, site):
    """A first run reads the listing whole and keeps its first page's ETag; a second (--refresh, which asks
    without it) breaks off at page 2; the third gets 304 for the first page and still reads on from the break,
    from that answer (the first page is not asked for twice)."""
    listing = _site(site, etag='"v1"')
    site.route("/list/2", _listing(site, 2), ss.Reply(b"busy", status=500), _listing(site, 2))
    assert cli("fetch", listing, *FAST, "--db", db_file).code == 0
    assert _stored(db_file) == PAGES * PER_PAGE
    assert cli("fetch", listing, "--refresh", *FAST, "--db", db_file).code == 3
    assert [url for _, url in _walk_rows(db_file)] == [site.url("/list/2")]
    first_page, second_page = site.hits("/list/1"), site.hits("/list/2")
    third = cli("fetch", listing, *FAST, "--db", db_file, "--json")
    assert third.code == 0, third.stderr
    [report] = third.jsonl()
    assert f"read on from {site.url('/list/2')}, where an earlier run's walk broke off" in report["notes"]
    assert site.hits("/list/1") == first_page + 1 and site.hits("/list/2") == second_page + 1
    asked = [seen for seen in site.requests if seen.path == "/list/1"]
    assert asked[-1].headers.get("if-none-match") == '"v1"'  # answered 304
    assert _walk_rows(db_file) == []


def test_a_dry_run_lists_what_reading_on_would_fetch_and_keeps_the_point(cli, db_file, site):
    listing = _site(site)
    assert cli("fetch", listing, *FAST, "--db", db_file).code == 3
    dry = cli("fetch", listing, "--dry-run", *FAST, "--db", db_file, "--json")
    assert dry.code == 0, dry.stderr
    planned = {item["url"] for item in dry.jsonl()[0]["planned"]}
    assert planned == {site.url(f"/a/{i}") for i in range(PER_PAGE + 1, PAGES * PER_PAGE + 1)}
    assert _stored(db_file) == PER_PAGE and len(_walk_rows(db_file)) == 1  # it writes nothing


def test_two_listings_given_together_keep_their_own_points(cli, db_file, site):
    listing = _site(site)
    other = site.url("/other/1")
    site.route("/other/1", ss.Reply(b"<html><body><h1>Statements</h1><ul>" + b"".join(
        f'<li><a href="{site.url(f"/s/{i}")}">Statement number {i} of the ministry on the visit</a></li>'.encode()
        for i in range(5)) + f'</ul><a rel="next" href="{site.url("/other/2")}">Next</a></body></html>'.encode()))
    site.route("/other/2", ss.Reply(b"gone", status=503))
    for i in range(5):
        site.route(f"/s/{i}", ss.Reply(article(100 + i)))
    assert cli("fetch", listing, other, *FAST, "--db", db_file).code == 3
    assert sorted(url for _, url in _walk_rows(db_file)) == [site.url("/list/2"), site.url("/other/2")]
    assert cli("fetch", listing, *FAST, "--db", db_file).code == 0  # the first listing only: the other's point stays
    assert [url for _, url in _walk_rows(db_file)] == [site.url("/other/2")]


def test_a_break_is_kept_when_another_url_reaches_max(cli, db_file, site):
    """--max reached by one URL's items while another listing's second page fails: that walk's break is kept (the
    whole run being cut short by --max was taken for a reason to keep nothing). Which comes first is timing's."""
    listing = _site(site)
    site.route("/list/2", ss.Reply(b"busy", status=500, latency=1.0))
    many = site.url("/many")
    site.route("/many", ss.Reply(b"<html><body><h1>Statements</h1><ul>" + b"".join(
        f'<li><a href="{site.url(f"/m/{i}")}">Statement number {i} of the ministry on the visit</a></li>'.encode()
        for i in range(40)) + b"</ul></body></html>"))
    for i in range(40):
        site.route(f"/m/{i}", ss.Reply(article(200 + i), latency=0.05))
    result = cli("fetch", listing, many, "--max", "25", *FAST, "--db", db_file, "--json")
    [report] = result.jsonl()
    # whether the second page's request was answered before --max stopped the run depends on timing: when its
    # failure is reported, its point must be kept (it was not, when --max was reached first); when the request
    # was stopped with the run, nothing failed and nothing is kept
    if report["failed"]:
        assert result.code == 3, result.stderr
        assert [url for _, url in _walk_rows(db_file)] == [site.url("/list/2")]
    else:
        assert result.code == 0 and report["failures"] == [] and _walk_rows(db_file) == [], result.stderr


def test_the_points_of_an_address_that_is_no_paged_listing_any_more_are_dropped(cli, db_file, site):
    """A listing whose walk broke off is a feed now: read as one, its points are done with, and a later 304 for
    it is no reason to walk the feed as a listing from the old point."""
    listing = _site(site)
    assert cli("fetch", listing, *FAST, "--db", db_file).code == 3
    items = "".join(f"<item><title>Press release number {i}</title><link>{site.url(f'/a/{i}')}</link></item>"
                    for i in range(1, 4))
    site.route("/list/1", ss.Reply(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Releases</title>'
                                   f"{items}</channel></rss>".encode(), content_type="application/rss+xml",
                                   etag='"f1"'))
    assert cli("fetch", listing, *FAST, "--db", db_file).code == 0
    assert _walk_rows(db_file) == []
    asked = site.hits("/list/2")
    third = cli("fetch", listing, *FAST, "--db", db_file, "--json")
    assert third.code == 0 and site.hits("/list/2") == asked  # the feed's 304: nothing walked
