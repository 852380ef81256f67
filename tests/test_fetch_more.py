"""`briefarc fetch` against real local servers, for defects found in review: gzipped sitemaps (.xml.gz),
and a robots.txt that cannot be read (5xx, 429, no connection), which closes the site for the run."""

from __future__ import annotations

import asyncio
import gzip
import tracemalloc

import pytest

from briefarc.models import Source
from briefarc.net.fetch import FetchConfig, Fetcher, FetchFailure
from briefarc.sources.base import Context
from briefarc.sources.feed import discover_sitemap
from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "5", "--retries", "0")
PAGE = fx.sample("un-noon-briefing.html")
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def noon(day: int) -> bytes:
    return PAGE.replace("2025-09-12", f"2025-09-{day:02d}").replace("250912", f"2509{day:02d}").encode()


def urlset(site, days) -> bytes:
    urls = "".join(f"<url><loc>{site.url(briefing(day))}</loc><lastmod>2025-09-{day:02d}</lastmod></url>"
                   for day in days)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP}">{urls}</urlset>'.encode()


def briefing(day: int) -> str:
    return f"/en/2025/db2509{day:02d}.doc.htm"


def gzipped_sitemap_site(site, content_type: str | None = "application/x-gzip") -> list[int]:
    """An index naming a plain child and a gzipped one; returns the days of the briefings behind them."""
    child = "/child.xml.gz"
    fx.polite(site)
    for day in (1, 2, 3, 4):
        site.page(briefing(day), noon(day))
    site.route("/plain.xml", ss.Reply(urlset(site, (1, 2)), content_type="application/xml"))
    site.route(child, ss.Reply(gzip.compress(urlset(site, (3, 4))), content_type=content_type))
    index = "".join(f"<sitemap><loc>{site.url(path)}</loc></sitemap>" for path in ("/plain.xml", child))
    site.route("/sitemap.xml", ss.Reply(f'<sitemapindex xmlns="{SITEMAP}">{index}</sitemapindex>'.encode(),
                                        content_type="application/xml"))
    return [1, 2, 3, 4]


def stored_days(cli, db_file) -> list[str]:
    rows = cli("list", "--db", db_file, "--json", "--limit", "50").jsonl()
    return sorted(row["published"][:10] for row in rows)


# -- gzipped sitemaps --------------------------------------------------------------------------------------


@pytest.mark.parametrize("content_type", ["application/x-gzip", "application/gzip", "application/octet-stream", None])
def test_a_gzipped_child_sitemap_is_read_and_its_pages_stored(cli, db_file, site, content_type):
    days = gzipped_sitemap_site(site, content_type)
    result = cli("fetch", site.url("/sitemap.xml"), *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert (report["added"], report["skipped"], report["failed"]) == (4, 0, 0), report
    assert stored_days(cli, db_file) == [f"2025-09-{day:02d}" for day in days]
    assert all(site.hits(briefing(day)) == 1 for day in days)


def test_a_gzipped_sitemap_given_directly_is_read(cli, db_file, site):
    fx.polite(site)
    for day in (5, 6):
        site.page(briefing(day), noon(day))
    site.route("/sitemap.xml.gz", ss.Reply(gzip.compress(urlset(site, (5, 6))), content_type="application/x-gzip"))
    report = cli("fetch", site.url("/sitemap.xml.gz"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == 2 and report["failed"] == 0 and report["skipped"] == 0
    assert stored_days(cli, db_file) == ["2025-09-05", "2025-09-06"]


def test_a_gzipped_child_of_a_sitemap_source_is_read(cli, db_file, site):
    gzipped_sitemap_site(site)
    added = cli("sources", "add", "maps", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", db_file)
    assert added.code == 0, added.stderr
    report = cli("fetch", "maps", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == 4 and report["error"] is None


def test_a_gzip_bomb_sitemap_stops_at_the_cap_and_is_tried_again_next_run(cli, db_file, site):
    fx.polite(site)
    site.route("/bomb.xml.gz", ss.Reply(stream=lambda: ss._bomb(200 * 2**20), content_type="application/x-gzip"))
    site.route("/sitemap.xml", ss.Reply(f'<sitemapindex><sitemap><loc>{site.url("/bomb.xml.gz")}</loc></sitemap>'
                                        "</sitemapindex>".encode(), content_type="application/xml"))
    result = cli("fetch", site.url("/sitemap.xml"), *FAST, "--db", db_file, "--json")
    assert result.code != 0 and "Traceback" not in result.stderr
    report = result.jsonl()[0]
    assert report["failed"] == 1 and report["skipped"] == 0 and report["added"] == 0
    assert report["failures"] == [{"url": site.url("/bomb.xml.gz"),  # the child that failed
                                   "error": f"the sitemap {site.url('/bomb.xml.gz')} decodes to more than 50 MB: "
                                            "not read"}]
    again = cli("fetch", site.url("/sitemap.xml"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert again["failed"] == 1 and not again["notes"]  # not "archived already"
    assert site.hits("/bomb.xml.gz") == 2


def test_a_gzip_bomb_sitemap_never_fills_memory(site):
    site.route("/robots.txt", ss.robots())
    site.route("/bomb.xml.gz", ss.Reply(stream=lambda: ss._bomb(2**30), content_type="application/gzip"))
    config = FetchConfig(delay=0, retries=0, max_decompressed=4 * 2**20)

    async def go() -> list:
        async with Fetcher(config) as fetcher:
            ctx = Context(Source(name="maps", kind="sitemap", url=site.url("/bomb.xml.gz")), fetcher, lambda url: False)
            return [item async for item in discover_sitemap(ctx)]

    tracemalloc.start()
    try:
        with pytest.raises(FetchFailure) as caught:
            asyncio.run(go())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.reason == "decompression" and not caught.value.skipped
    assert "decodes to more than 4 MB" in str(caught.value)
    assert peak < 40 * 2**20  # 1 MB on the wire and the 4 MB cap, never the 1 GB


def test_a_corrupt_gzipped_sitemap_fails_in_one_line(cli, db_file, site):
    fx.polite(site)
    site.route("/sitemap.xml.gz", ss.Reply(gzip.compress(urlset(site, (1,)))[:-20], content_type="application/x-gzip"))
    report = cli("fetch", site.url("/sitemap.xml.gz"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["failed"] == 1
    assert report["failures"][0]["error"] == (f"the sitemap {site.url('/sitemap.xml.gz')} ends before the end of its "
                                              "gzip data: not read")


def test_a_gzip_archive_given_as_a_page_is_still_skipped(cli, db_file, site):
    fx.polite(site)
    site.route("/files/report", ss.Reply(gzip.compress(b"data"), content_type="application/gzip"))
    report = cli("fetch", site.url("/files/report"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["skipped"] == 1 and report["added"] == 0


# -- robots.txt that cannot be read ------------------------------------------------------------------------


@pytest.mark.parametrize("status, phrase", [(503, "503 Service Unavailable"), (429, "429 Too Many Requests")])
def test_pages_of_a_site_whose_robots_fails_are_failed_not_skipped(cli, db_file, site, status, phrase):
    site.route("/robots.txt", ss.Reply(b"busy", status, "text/plain"))
    for day in (1, 2):
        site.page(briefing(day), noon(day))
    urls = [site.url(briefing(day)) for day in (1, 2)]
    result = cli("fetch", *urls, *FAST, "--db", db_file, "--json")
    assert result.code != 0 and "Traceback" not in result.stderr
    report = result.jsonl()[0]
    assert report["failed"] == 2 and report["skipped"] == 0 and report["added"] == 0
    message = (f"robots.txt of {site.host} answered {phrase}: briefarc does not fetch a site whose rules it "
               "cannot read; try again later")
    assert sorted(report["failures"], key=lambda f: f["url"]) == [{"url": url, "error": message} for url in urls]
    assert site.paths() == ["/robots.txt"]

    site.route("/robots.txt", ss.robots())  # the site is back: the next run fetches both
    again = cli("fetch", *urls, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert again["added"] == 2 and again["failed"] == 0


def test_a_sitemap_whose_robots_fails_is_tried_again_next_run(cli, db_file, site):
    gzipped_sitemap_site(site)
    site.route("/robots.txt", ss.Reply(b"down", 500, "text/plain"), ss.robots())
    first = cli("fetch", site.url("/sitemap.xml"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert first["failed"] == 1 and first["added"] == 0
    assert "robots.txt of" in first["failures"][0]["error"]
    second = cli("fetch", site.url("/sitemap.xml"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert second["added"] == 4 and second["failed"] == 0


def test_robots_connection_failures_are_retried_with_the_retry_setting(cli, db_file, site):
    site.route("/robots.txt", ss.reset(), ss.robots())
    site.page(briefing(1), noon(1))
    result = cli("fetch", site.url(briefing(1)), "--delay", "0", "--timeout", "5", "--retries", "1",
                 "--db", db_file, "--json")
    assert result.jsonl()[0]["added"] == 1, result.stdout
    assert site.paths() == ["/robots.txt", "/robots.txt", briefing(1)]


# -- a URL named again after a 404 ----------------------------------------------------------------------------


def test_a_url_named_again_after_a_404_is_fetched_again(cli, db_file, site):
    fx.polite(site)
    site.route(briefing(7), ss.Reply(b"", status=404), noon(7))  # missing at first, published later
    first = cli("fetch", site.url(briefing(7)), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert (first["failed"], first["added"]) == (1, 0), first
    again = cli("fetch", site.url(briefing(7)), *FAST, "--db", db_file, "--json")
    assert again.code == 0, again.stderr
    report = again.jsonl()[0]
    assert (report["added"], report["failed"]) == (1, 0), report
    assert not any("archived already" in note for note in report["notes"])
    assert site.hits(briefing(7)) == 2
    assert stored_days(cli, db_file) == ["2025-09-07"]


def test_a_url_named_again_once_archived_is_still_skipped(cli, db_file, site):
    fx.polite(site)
    site.page(briefing(8), noon(8))
    assert cli("fetch", site.url(briefing(8)), *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1
    report = cli("fetch", site.url(briefing(8)), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert (report["added"], report["fetched"]) == (0, 0), report
    assert any("archived already" in note for note in report["notes"])
    assert site.hits(briefing(8)) == 1


# -- a loose URL's page --------------------------------------------------------------------------------------


def counted_extractions(monkeypatch) -> list[str | None]:
    """The URL of each page the extractor reads from now on, in this process."""
    from briefarc.extract import core

    extract, seen = core.extract, []

    def counting(data, url=None, *args, **kwargs):
        seen.append(url)
        return extract(data, url, *args, **kwargs)

    monkeypatch.setattr(core, "extract", counting)
    return seen


@pytest.mark.parametrize("listing", [False, True])
def test_a_loose_url_is_extracted_once(cli, db_file, site, monkeypatch, listing):
    """The page a loose URL gives is read once, to tell a listing from an article and to save it (read twice, a
    page that takes 19 s to read took 38); a listing's articles once each."""
    from tests.test_ingest_listings import DAYS, listing_html

    fx.polite(site)
    for day in DAYS:
        site.page(briefing(day), noon(day))
    site.page("/en/briefings.html", listing_html(site.url("/en/briefings.html")).encode())
    given = site.url("/en/briefings.html" if listing else briefing(DAYS[0]))
    seen = counted_extractions(monkeypatch)
    report = cli("fetch", given, *FAST, "--workers", "0", "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == (len(DAYS) if listing else 1), report
    articles = [site.url(briefing(day)) for day in DAYS] if listing else []
    assert sorted(seen) == sorted([given, *articles]), seen
