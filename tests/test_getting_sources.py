"""Getting pages in from sources that page through their items (a WordPress site's API), as a user follows them.

A page of the listing that cannot be read is no end of it: the run says so, rather than ending in silence."""

from __future__ import annotations

import gzip
import json
from urllib.parse import urlsplit

import pytest

from tests import siteserver as ss
from tests.conftest import SHARED, needs_shared

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


# -- sitemaps: a run stopped at its default cap of new items, and the run after it ------------------------------

BULK = SHARED / "corpus" / "fmprc-bulk"


def bulk_pages(count: int) -> list[tuple[str, bytes]]:
    """(path, bytes) of the first `count` press conferences of fmprc-bulk, at the paths they had on fmprc.gov.cn."""
    needs_shared(BULK / "MANIFEST.json")
    manifest = json.loads((BULK / "MANIFEST.json").read_text("utf-8"))
    pages = [(urlsplit(entry["url"]).path, gzip.decompress((BULK / entry["file"]).read_bytes()))
             for entry in manifest if "default" not in entry["url"]]
    return pages[:count]


def urlset(site: ss.SiteServer, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{site.url(path)}</loc><lastmod>2020-07-01</lastmod></url>" for path in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


@pytest.mark.parametrize("how", ["source", "url", "index"])
def test_the_items_past_a_sitemaps_default_cap_are_read_by_the_next_run(cli, db_file, site, monkeypatch, how):
    """Before: the run stopped at the cap kept the sitemap's ETag, so the next run's conditional request heard 304
    and said 'nothing new': the items past the cap were never read, though the note said to run again for them."""
    from briefarc.sources import feed

    monkeypatch.setattr(feed, "SITEMAP_DEFAULT_MAX", 5)
    pages = bulk_pages(8)
    site.route("/robots.txt", ss.robots())
    for path, body in pages:
        site.route(path, ss.Reply(body))
    xml = "application/xml"
    site.route("/sitemap-1.xml", ss.Reply(urlset(site, [path for path, _ in pages]), content_type=xml, etag='"s1"'))
    index = (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             f'<loc>{site.url("/sitemap-1.xml")}</loc></sitemap></sitemapindex>').encode()
    site.route("/sitemap.xml", ss.Reply(index, content_type=xml, etag='"i1"'))
    address = site.url("/sitemap.xml" if how == "index" else "/sitemap-1.xml")
    target = address
    if how != "url":
        assert cli("sources", "add", "sm", address, "--kind", "sitemap", "--db", db_file).code == 0
        target = "sm"

    def fetch() -> dict:
        result = cli("fetch", target, "--delay", "0", "--workers", "0", "--db", db_file, "--json")
        assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
        return result.jsonl()[0]

    first = fetch()
    assert first["added"] == 5 and any("stopped after 5 new items" in note for note in first["notes"]), first
    second = fetch()
    assert second["added"] == 3 and second["failed"] == 0, second  # the three past the cap
    third = fetch()
    assert third["added"] == 0 and any("unchanged since the last run" in note for note in third["notes"]), third
    stored = cli("list", "--db", db_file, "--json", "--limit", "100").jsonl()
    assert sorted(urlsplit(row["url"]).path for row in stored) == sorted(path for path, _ in pages)
