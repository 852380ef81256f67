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
    assert f"the walk of {listing} broke off at {site.url('/list/2')}: the next fetch of it reads on from there" in said
    assert _stored(db_file) == PER_PAGE
    assert [url for _, url in _walk_rows(db_file)] == [site.url("/list/2")]
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
    """The first page answers 304 the second time (its ETag was kept): the walk still reads on from the break."""
    listing = _site(site, etag='"v1"')
    assert cli("fetch", listing, *FAST, "--db", db_file).code == 3
    again = cli("fetch", listing, *FAST, "--db", db_file, "--json")
    assert again.code == 0, again.stderr
    assert again.jsonl()[0]["added"] == 2 * PER_PAGE
    assert _stored(db_file) == PAGES * PER_PAGE and _walk_rows(db_file) == []


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
