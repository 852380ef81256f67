"""A listing page that answers 200 with an error page is no listing: a busy page breaks the walk off, a
"not found" page past the first ends it, and a first page of either kind fails the source with a reason.

Before: an error page lists no items, and a page without items ends a walk as if the listing were read to its
end. A page 2 that answered "Service unavailable" with status 200 once ended the walk 'cleanly' (exit 0, no
note), and the items on it and after it were never read by any later run, which stopped at page 1; a page 1
that did so gave 'discovered 0', exit 0, and no word why.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetchfix_walk import FAST, listing, pending_urls

BUSY_PAGE = ss.Reply(b"<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1>"
                     b"<p>The server is temporarily busy. Please try again later.</p></body></html>")


def add(cli, db_file, site, first: list[ss.Reply], second: list[ss.Reply]) -> None:
    site.route("/robots.txt", ss.robots())
    site.route("/list", *first, listing([1, 2, 3], "/list?page=2"))
    site.route("/list?page=2", *second, listing([4, 5, 6], "/list?page=3"))
    site.route("/list?page=3", listing([7, 8], None))
    for i in range(1, 9):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0


def fetch(cli, db_file) -> tuple[int, dict]:
    result = cli("fetch", "w", *FAST, "--db", db_file, "--json")
    assert "Traceback" not in result.stderr, result.stderr
    return result.code, result.jsonl()[0]


def test_a_busy_page_served_with_200_on_page_2_breaks_the_walk_off(cli, db_file, site):
    add(cli, db_file, site, [], [BUSY_PAGE])
    code, first = fetch(cli, db_file)
    assert code == 1 and first["added"] == 3, first
    assert "Service Unavailable" in first["error"] and site.url("/list?page=2") in first["error"], first
    assert pending_urls(cli, db_file) == [site.url("/list?page=2")]

    code, second = fetch(cli, db_file)
    assert code == 0 and second["added"] == 5, second
    assert pending_urls(cli, db_file) == [] and len(cli("list", "--db", db_file, "--json").jsonl()) == 8


def test_a_first_page_that_is_an_error_page_fails_the_source_with_the_reason(cli, db_file, site):
    add(cli, db_file, site, [BUSY_PAGE], [])
    code, first = fetch(cli, db_file)
    assert code == 1 and first["discovered"] == 0 and "Service Unavailable" in first["error"], first
    code, second = fetch(cli, db_file)
    assert code == 0 and second["added"] == 8, second


def test_a_not_found_page_with_200_past_the_last_page_ends_the_walk(cli, db_file, site):
    """What must not change: a listing whose page after the last answers a 'not found' page (as China MFA sends a
    missing address to /web/system/) ends there, with exit 0, and the next run stops at page 1."""
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2], "/list?page=2"))
    site.route("/list?page=2", ss.redirect("/web/system/404.html"))
    site.route("/web/system/404.html", ss.Reply(ss.not_found_page()))
    for i in (1, 2):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0
    code, first = fetch(cli, db_file)
    assert code == 0 and first["added"] == 2 and first["error"] is None, first
    assert pending_urls(cli, db_file) == []


def test_a_first_page_that_says_not_found_with_200_is_an_error(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/list", ss.Reply(ss.not_found_page()))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0
    code, first = fetch(cli, db_file)
    assert code == 1 and "not found" in first["error"].lower() and "check the source" in first["error"], first


def test_a_feed_or_sitemap_answering_an_error_page_says_so_not_that_it_is_a_listing(cli, db_file, site):
    """A feed whose host answers a busy page with 200 was said to be 'no RSS or Atom feed: it holds a <html>
    document (a source of --kind listing reads that). Check the source's URL and kind.', sending the user to
    change a source that is right; a sitemap answering a 'not found' page with 200 the same."""
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", BUSY_PAGE)
    site.route("/sitemap.xml", ss.Reply(ss.not_found_page()))
    assert cli("sources", "add", "f", site.url("/feed.xml"), "--kind", "feed", "--db", db_file).code == 0
    assert cli("sources", "add", "s", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", db_file).code == 0
    result = cli("fetch", "f", "s", *FAST, "--db", db_file, "--json")
    assert result.code == 1 and "Traceback" not in result.stderr
    errors = {report["source"]: report["error"] for report in result.jsonl()}
    assert "Service Unavailable" in errors["f"] and "not a feed" in errors["f"], errors
    assert "--kind listing" not in errors["f"] and "--kind listing" not in errors["s"], errors
    assert "not found" in errors["s"] and "check the source's URL" in errors["s"], errors
