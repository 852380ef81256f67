"""A sitemap of 30 MB given as a loose URL (`briefarc fetch URL/sitemap.xml`) is read, as a sitemap source's is; a
page of 30 MB, even one named like a sitemap, is still refused as 'not a page'.

Before (after eec6ea9): a loose URL was asked for as any page unless its name ended in .gz, so the sitemap was
refused 'larger than the 20 MB limit (it announces 30 MB): not a page'. Found by helper-125's review."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetch6_bigsitemap import FAST, MB, padded_sitemap


def test_a_sitemap_of_30_mb_given_as_a_loose_url_is_read(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/sitemap.xml", ss.Reply(padded_sitemap(site, 30 * MB), content_type="application/xml"))
    for n in range(3):
        site.route(f"/p/{n}", ss.Reply(ss.article(f"Press briefing number {n} on the talks")))
    result = cli("fetch", site.url("/sitemap.xml"), *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert report["added"] == 3 and not report["failures"], report


def test_a_page_of_30_mb_named_like_a_sitemap_is_still_refused_as_not_a_page(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/sitemap.html", ss.huge(30 * MB))
    result = cli("fetch", site.url("/sitemap.html"), *FAST, "--db", db_file, "--json")
    assert result.code == 1
    [failure] = result.jsonl()[0]["failures"]
    assert failure["error"] == (f"the response from 127.0.0.1:{site.port} is larger than the 20 MB limit "
                                "(it holds 30 MB): not a page")
    assert cli("list", "--db", db_file, "--json").jsonl() == []
