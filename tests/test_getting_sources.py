"""Getting pages in from sources that page through their items (a WordPress site's API), as a user follows them.

A page of the listing that cannot be read is no end of it: the run says so, rather than ending in silence."""

from __future__ import annotations

import json

import pytest

from tests import siteserver as ss

POSTS = "/wp-json/wp/v2/posts?per_page=50&page={n}&_fields=id%2Clink%2Cdate%2Ctitle"
JSON = "application/json; charset=UTF-8"


def wordpress(site: ss.SiteServer, second: list[ss.Reply]) -> None:
    """A WordPress site of 100 posts, 50 to the API's page; its page 2 answers `second` in turn; page 3 is past
    the end (400, as WordPress answers it)."""
    def posts(numbers: range) -> bytes:
        return json.dumps([{"id": n, "link": site.url(f"/{n}/briefing-{n}/"), "title": {"rendered": f"Briefing {n}"},
                            "date": f"2025-06-{1 + n % 28:02d}T10:00:00"} for n in numbers]).encode()

    site.route("/robots.txt", ss.robots())
    site.route(POSTS.format(n=1), ss.Reply(posts(range(100, 50, -1)), content_type=JSON))
    site.route(POSTS.format(n=2), *second, ss.Reply(posts(range(50, 0, -1)), content_type=JSON))
    site.route(POSTS.format(n=3), ss.Reply(b'{"code":"rest_post_invalid_page_number","data":{"status":400}}', 400,
                                           JSON))
    for n in range(1, 101):
        site.route(f"/{n}/briefing-{n}/", ss.Reply(ss.article(f"Press briefing {n} on the talks in Doha")))


@pytest.mark.parametrize("failure", [ss.Reply(b"<h1>Service Unavailable</h1>", 503, "text/html"),
                                     ss.Reply(b"<html><title>Busy</title></html>", 500, "text/html")],
                         ids=["503", "500"])
def test_a_wordpress_page_that_fails_is_a_failure_of_the_source_not_the_end_of_its_posts(cli, db_file, site,
                                                                                          failure):
    """Before: any failure of page 2 or later ended the walk as if it were past the last page: exit 0, no word,
    and the posts on it and after it were never read."""
    wordpress(site, [failure])
    assert cli("sources", "add", "wp", site.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    result = cli("fetch", "wp", "--delay", "0", "--retries", "0", "--workers", "0", "--db", db_file, "--json")
    assert result.code == 1, result.stderr  # the only source failed: exit 1
    report = result.jsonl()[0]
    assert report["added"] == 50 and str(failure.status) in (report["error"] or ""), report
    assert report["error"].startswith(f"127.0.0.1:{site.port} answered {failure.status}")
    shown = cli("sources", "show", "wp", "--db", db_file)
    assert str(failure.status) in shown.stdout  # the source's last error says what went wrong


def test_a_wordpress_site_whose_posts_end_on_a_full_page_ends_cleanly_at_the_400_past_it(cli, db_file, site):
    wordpress(site, [])
    assert cli("sources", "add", "wp", site.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    result = cli("fetch", "wp", "--delay", "0", "--retries", "0", "--workers", "0", "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert (report["discovered"], report["added"], report["failed"], report["error"]) == (100, 100, 0, None)
    assert site.hits(POSTS.format(n=3)) == 1  # read as the end
