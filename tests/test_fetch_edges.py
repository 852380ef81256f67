"""Edge cases of `briefarc fetch` found in review: storage errors, odd sources, --max and --since reruns,
pages that only look missing, loose URLs that are missing, and removal of ingested documents."""

from __future__ import annotations

import json
import sqlite3

import pytest

from briefarc.models import Source
from briefarc.store.db import open_database
from briefarc.store.sources import add_source
from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "5", "--retries", "0")
PAGE = fx.sample("un-noon-briefing.html")


def noon(day: int) -> bytes:
    return PAGE.replace("2025-09-12", f"2025-09-{day:02d}").replace("250912", f"2509{day:02d}").encode()


def feed_site(site, days=(3, 2, 1)) -> None:
    site.route("/robots.txt", ss.robots())
    items = []
    for day in days:
        path = f"/en/2025/db2509{day:02d}.doc.htm"
        site.page(path, noon(day))
        items.append(f"<item><title>Noon briefing {day}</title><link>{site.url(path)}</link>"
                     f"<pubDate>{day:02d} Sep 2025 16:00:00 +0000</pubDate></item>")
    site.route("/feed.xml", ss.Reply(body=fx._rss("Noon", items), content_type="application/rss+xml",
                                      etag='"same"'))


def add(db_file, name, url, kind="feed", **options):
    add_source(open_database(db_file), Source(name=name, kind=kind, url=url, options=options))


def test_a_storage_failure_stops_the_fetch_with_one_line(cli, db_file, site, monkeypatch):
    feed_site(site)
    add(db_file, "noon", site.url("/feed.xml"))

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr("briefarc.store.documents.put_blob", full)  # SQLite fails inside the store
    result = cli("fetch", "noon", *FAST, "--db", db_file)
    assert result.code == 1
    assert result.stderr.strip().endswith("the disk is full. 0 documents saved before it filled; free some space and "
                                          "run again to go on.")
    assert "Traceback" not in result.stderr


def test_an_odd_source_fails_alone(cli, db_file, site, sites):
    other, = sites(1)
    feed_site(site)
    other.route("/robots.txt", ss.robots())
    other.route("/api/search.json", ss.Reply(body=b"[1, 2, 3]", content_type="application/json"))
    other.route("/api/search.json?filter_organisations=foreign-commonwealth-development-office"
                "&filter_content_store_document_type=press_release&order=-public_timestamp&count=100&start=0"
                "&fields=link%2Ctitle%2Cpublic_timestamp", ss.Reply(body=b"[1, 2, 3]", content_type="application/json"))
    add(db_file, "noon", site.url("/feed.xml"))
    add(db_file, "odd", other.url("/"), kind="govuk")
    result = cli("fetch", "noon", "odd", *FAST, "--db", db_file, "--json")
    assert result.code == 3 and "Traceback" not in result.stderr
    reports = {r["source"]: r for r in result.jsonl()}
    assert reports["noon"]["added"] == 3
    assert reports["odd"]["error"] and "\n" not in reports["odd"]["error"]


def test_after_max_the_next_run_takes_the_rest(cli, db_file, site):
    feed_site(site)
    add(db_file, "noon", site.url("/feed.xml"))
    assert cli("fetch", "noon", "--max", "1", *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1
    waiting = cli("log", "--pending", "--db", db_file, "--json").jsonl()  # seen, not fetched: not forgotten
    assert [row["url"] for row in waiting] == [site.url("/en/2025/db250902.doc.htm")] and waiting[0]["attempts"] == 0
    assert cli("fetch", "noon", *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 2
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []
    third = cli("fetch", "noon", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert third["added"] == 0 and any("unchanged" in note for note in third["notes"])


def test_pages_left_out_by_since_are_stored_by_a_later_run(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    items = "".join(f"<url><loc>{site.url(f'/en/2025/db2509{d:02d}.doc.htm')}</loc></url>" for d in (1, 20))
    for day in (1, 20):
        site.page(f"/en/2025/db2509{day:02d}.doc.htm", noon(day))
    site.route("/sitemap.xml", ss.Reply(body=f"<urlset>{items}</urlset>".encode(), content_type="application/xml"))
    add(db_file, "maps", site.url("/sitemap.xml"), kind="sitemap")
    first = cli("fetch", "maps", "--since", "2025-09-10", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert first["added"] == 1 and first["skipped"] == 1  # undated in the sitemap: fetched, then left out
    assert cli("fetch", "maps", *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1


def test_a_since_run_does_not_tell_the_next_run_that_nothing_changed(cli, db_file, site):
    feed_site(site)  # a feed with an ETag, items of 1, 2 and 3 September
    add(db_file, "noon", site.url("/feed.xml"))
    first = cli("fetch", "noon", "--since", "2025-09-03", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert first["added"] == 1
    second = cli("fetch", "noon", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert second["added"] == 2, second  # the feed is read again in full, not answered with a 304


def test_every_request_is_logged_against_its_source(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.page("/en/2025/db250901.doc.htm", noon(1))
    site.page("/list.html", '<ul><li><a href="/en/2025/db250901.doc.htm">1</a></li></ul>'
                            '<a class="next" href="/list2.html">Older</a>')
    site.route("/list2.html", ss.Reply(b"busy", status=503))
    add(db_file, "lst", site.url("/list.html"), kind="listing", item_selector="li a", next_selector="a.next")
    assert cli("fetch", "lst", *FAST, "--db", db_file).code == 1
    logged = cli("log", "--all", "--source", "lst", "--db", db_file, "--json").jsonl()
    assert {row["url"].rsplit("/", 1)[1] for row in logged} == {"robots.txt", "list.html", "list2.html",
                                                                  "db250901.doc.htm"}
    assert all(row["source"] == "lst" for row in logged)
    failures = cli("log", "--source", "lst", "--db", db_file, "--json").jsonl()
    assert [row["url"].rsplit("/", 1)[1] for row in failures] == ["list2.html"]


def test_an_article_about_404_is_not_a_missing_page(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.page("/res/404", "<html><head><title>Resolution 404 adopted</title></head><body><h1>Resolution 404 "
              "adopted</h1><p>The Council adopted resolution 404 on the situation in the region today, with "
              "thirteen votes in favour and two abstentions.</p><p>The spokesperson welcomed the vote and said "
              "the mission would report back within sixty days.</p></body></html>")
    result = cli("fetch", site.url("/res/404"), *FAST, "--db", db_file, "--json").jsonl()[0]
    assert result["added"] == 1 and result["failed"] == 0


def test_a_loose_url_sent_to_an_error_page_is_reported_missing(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.page("/web/system/index_17770.shtml", ss.not_found_page())
    site.route("/eng/t20250101_1.html", ss.redirect("/web/system/index_17770.shtml"))
    result = cli("fetch", site.url("/eng/t20250101_1.html"), *FAST, "--db", db_file, "--json")
    report = result.jsonl()[0]
    assert result.code == 1 and report["added"] == 0 and report["failed"] == 1
    assert "missing at the source" in report["failures"][0]["error"]
    assert cli("list", "--db", db_file, "--json").jsonl() == []


def test_an_unreadable_page_is_tried_again_next_run(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/en/2025/db250905.doc.htm", ss.Reply(b"", content_type=ss.HTML), ss.Reply(noon(5)))
    url = site.url("/en/2025/db250905.doc.htm")
    first = cli("fetch", url, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert first["failed"] == 1
    assert cli("fetch", url, *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1


def test_an_ingested_document_that_vanishes_is_marked_removed(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/en/2025/db250906.doc.htm", ss.Reply(b"gone", 404, "text/plain"))
    url = site.url("/en/2025/db250906.doc.htm")
    cli("ingest", "-", "--url", url, "--db", db_file, stdin=noon(6))
    result = cli("fetch", url, "--refresh", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert result["removed"] == 1 and result["failed"] == 0
    assert len(cli("list", "--removed", "--db", db_file, "--json").jsonl()) == 1


def test_only_a_live_fetch_clears_the_removed_mark(cli, db_file, site):
    path = "/en/2025/db250906.doc.htm"
    site.route("/robots.txt", ss.robots())
    site.route(path, ss.Reply(b"gone", 404, "text/plain"))
    url = site.url(path)
    cli("ingest", "-", "--url", url, "--db", db_file, stdin=noon(6))
    cli("fetch", url, "--refresh", *FAST, "--db", db_file)
    removed_at = cli("list", "--removed", "--db", db_file, "--json").jsonl()[0]["removed_at"]
    for copy in (noon(6), noon(6).replace(b"</p>", b" Edited.</p>", 1)):  # a saved copy, as it was or edited
        assert cli("ingest", "-", "--url", url, "--db", db_file, stdin=copy).code == 0
        still = cli("list", "--removed", "--db", db_file, "--json").jsonl()
        assert [row["removed_at"] for row in still] == [removed_at]
    site.route(path, ss.Reply(noon(6)))  # back at the source
    assert cli("fetch", url, "--refresh", *FAST, "--db", db_file).code == 0
    assert cli("list", "--removed", "--db", db_file, "--json").jsonl() == []


def test_malformed_links_are_skipped(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.page("/en/2025/db250907.doc.htm", noon(7))
    site.page("/list.html", '<ul><li><a href="http://[::1/x">bad</a></li><li><a href="http://a.org:99999/">port'
                            '</a></li><li><a href="/en/2025/db250907.doc.htm">good</a></li></ul>')
    add(db_file, "links", site.url("/list.html"), kind="listing", item_selector="li a")
    result = cli("fetch", "links", *FAST, "--db", db_file, "--json")
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["added"] == 1


def test_without_a_network_each_source_fails_in_one_line_and_nothing_is_stored(cli, db_file):
    ports = {name: ss.closed_port() for name in ("feed", "listing", "sitemap")}
    add(db_file, "feed", f"http://127.0.0.1:{ports['feed']}/feed.xml")
    add(db_file, "listing", f"http://127.0.0.1:{ports['listing']}/news/", kind="listing", item_selector="li a")
    add(db_file, "sitemap", f"http://127.0.0.1:{ports['sitemap']}/sitemap.xml", kind="sitemap")
    names = list(ports)

    result = cli("fetch", *names, *FAST, "--db", db_file, "--json")
    assert result.code == 1 and "Traceback" not in result.stderr
    reports = {r["source"]: r for r in result.jsonl()}
    for name, port in ports.items():
        error = reports[name]["error"]
        assert error == f"cannot connect to 127.0.0.1:{port}: Connection refused", error
        assert reports[name]["added"] == 0

    summary = cli("fetch", *names, *FAST, "--db", db_file)
    assert summary.code == 1
    for port in ports.values():  # the summary names each source's failure on one line
        assert sum(f"cannot connect to 127.0.0.1:{port}" in line for line in summary.stderr.splitlines()) == 1
    db = open_database(db_file)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM seen_urls").fetchone()[0] == 0  # nothing marked as known
    runs = db.execute("SELECT error FROM runs WHERE error LIKE 'cannot connect%'").fetchall()
    assert len(runs) == 6  # each source's last error is recorded for `briefarc sources list`
    for name, port in ports.items():
        shown = cli("sources", "show", name, "--json", "--db", db_file).jsonl()[0]
        assert shown["last_error"].endswith(f"cannot connect to 127.0.0.1:{port}: Connection refused")


def test_sources_show_the_last_runs_counts_and_a_failed_item_as_its_error(cli, db_file, site):
    feed_site(site)
    site.route("/en/2025/db250902.doc.htm", ss.Reply(b"busy", 500, "text/plain"))
    add(db_file, "noon", site.url("/feed.xml"))
    assert cli("fetch", "noon", *FAST, "--db", db_file).code == 3
    shown = cli("sources", "show", "noon", "--json", "--db", db_file).jsonl()[0]
    # each entry is stored from the feed at once (a title only here), two pages then fill theirs in
    assert shown["last_counts"]["added"] == 3 and shown["last_counts"]["updated"] == 2
    assert shown["last_counts"]["failed"] == 1  # an entry without text whose page failed: nothing stands for it
    assert "db250902.doc.htm" in shown["last_error"] and "500" in shown["last_error"]
    assert shown["pending"] == 1 and shown["next_try"]
    words = " ".join(cli("sources", "list", "--db", db_file).stdout.split())  # the table, its wrapping undone
    assert "noon feed yes 3" in words and "2 fetched, 3 added, 2 updated, 1 failed" in words
    panel = " ".join(cli("sources", "show", "noon", "--db", db_file).stdout.split())
    assert f"Pending 1 page, next try due {shown['next_try'].replace('T', ' ')[:16]}" in panel


def test_a_failing_child_sitemap_does_not_mark_the_sitemap_itself_as_archived(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    index = f"<sitemapindex><sitemap><loc>{site.url('/child.xml')}</loc></sitemap></sitemapindex>"
    site.route("/index.xml", ss.Reply(body=index.encode(), content_type="application/xml"))
    site.route("/child.xml", ss.Reply(b"busy", 503, "text/plain"), ss.Reply(
        body=f"<urlset><url><loc>{site.url('/en/2025/db250905.doc.htm')}</loc></url></urlset>".encode(),
        content_type="application/xml"))
    site.page("/en/2025/db250905.doc.htm", noon(5))
    first = cli("fetch", site.url("/index.xml"), *FAST, "--db", db_file, "--json")
    assert first.code == 1 and first.jsonl()[0]["failures"][0]["url"].endswith("/child.xml")
    second = cli("fetch", site.url("/index.xml"), *FAST, "--db", db_file, "--json")
    assert second.code == 0 and second.jsonl()[0]["added"] == 1, second.stdout + second.stderr


def test_paging_stops_at_a_page_that_ends_in_known_items_but_not_at_a_pinned_one(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    for day in range(1, 8):
        site.page(f"/en/2025/db2509{day:02d}.doc.htm", noon(day))

    def listing(days: list[int]) -> None:
        links = "".join(f'<li><a href="/en/2025/db2509{day:02d}.doc.htm">{day}</a></li>' for day in days)
        site.page("/list.html", f"<ul>{links}</ul><a class='next' href='/list2.html'>Older</a>")

    site.page("/list2.html", '<ul><li><a href="/en/2025/db250901.doc.htm">1</a></li></ul>')
    add(db_file, "lst", site.url("/list.html"), kind="listing", item_selector="li a", next_selector="a.next")
    listing([3, 2])
    assert cli("fetch", "lst", *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 3
    listing([4, 3, 2])  # one new item above known ones
    before = site.hits("/list2.html")
    assert cli("fetch", "lst", *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1
    assert site.hits("/list2.html") == before  # page 2 holds nothing new: not read
    listing([2, 6, 5])  # a known item pinned above new ones
    assert cli("fetch", "lst", *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 2
    assert site.hits("/list2.html") == before + 1  # page 2 is read: the new items may go on there


def test_a_page_with_a_title_and_no_text_is_not_archived(cli, db_file, site):
    """As ingest says 'no text (a title and no body)': fetch stored such a page as a document without text."""
    site.route("/robots.txt", ss.robots())
    links = "".join(f'<li><a href="/a{n}.html">Briefing {n}</a></li>' for n in range(40))
    site.page("/list", f"<html><head><title>List</title></head><body><ul>{links}</ul></body></html>")
    result = cli("fetch", site.url("/list"), *FAST, "--db", db_file, "--json")
    report = result.jsonl()[0]
    assert result.code == 1 and report["added"] == 0 and report["failed"] == 1
    assert "no text on the page" in report["failures"][0]["error"]
    assert cli("list", "--db", db_file, "--json").jsonl() == []


def test_an_address_whose_host_name_no_resolver_takes_is_refused_or_fails_alone(cli, db_file, site):
    """A host name part longer than 63 characters, or an empty one, failed as "internal error: UnicodeError:
    encoding with 'idna' codec failed": typed, it is a usage error; in a redirect, its page fails alone."""
    from briefarc.urls import address_problem

    assert "port" in address_problem("http://x.example:99999/page")  # not "it has no host name" (the review)
    for url in ("http://" + "a" * 64 + ".example/x", "http://a..b/x", "http://x.example/a\x1b[2Jb",
                "http://exa mple.com/x", "http://exa\"mple.com/x"):
        typed = cli("fetch", url, *FAST, "--db", db_file)
        assert typed.code == 2 and "cannot be fetched" in typed.stderr and "internal error" not in typed.stderr, url
        assert len(typed.stderr.strip().splitlines()) == 1
    added = cli("sources", "add", "odd", "http://a..b/feed.xml", "--db", db_file)
    assert added.code == 2 and "not valid" in added.stderr
    site.route("/robots.txt", ss.robots())
    site.route("/away", ss.redirect("http://" + "b" * 100 + ".example/page"))
    result = cli("fetch", site.url("/away"), *FAST, "--db", db_file)
    assert result.code != 0 and "host name is not valid" in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize(("args", "env"), [(("--delay", "inf"), {}), (("--delay", "nan"), {}),
                                           (("--timeout", "nan"), {}), (("--retry-wait", "1e308"), {}),
                                           ((), {"BRIEFARC_RETRY_WAIT": "nan"})])
def test_numbers_that_are_no_durations_are_usage_errors(cli, db_file, site, monkeypatch, args, env):
    """Typer's ranges let NaN through (every comparison is false) and inf had no bound: --delay inf waited for
    ever, --timeout nan failed every request, --retry-wait nan or 1e308 failed pages as internal errors."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = cli("fetch", site.url("/page"), *args, "--db", db_file)
    assert result.code == 2 and "Traceback" not in result.stderr and site.hits("/page") == 0


def test_a_named_url_skipped_before_is_fetched_again_not_called_archived(cli, db_file, site):
    """A page served as an image was skipped; named again, it was said to be "archived already" and not fetched,
    with nothing archived. Now it is asked for again, and stored once the server serves it as a page."""
    site.route("/robots.txt", ss.robots())
    site.route("/page", ss.Reply(ss.article("Briefing on trade", ["Trade and visas were discussed."] * 4),
                                 content_type="image/png"))
    first = cli("fetch", site.url("/page"), *FAST, "--db", db_file, "--json")
    assert first.code == 0 and first.jsonl()[0]["skipped"] == 1, first.stderr
    site.route("/page", ss.Reply(ss.article("Briefing on trade", ["Trade and visas were discussed."] * 4)))
    again = cli("fetch", site.url("/page"), *FAST, "--db", db_file, "--json")
    assert "archived already" not in again.stderr and again.jsonl()[0]["added"] == 1, again.stderr
    assert site.hits("/page") == 2
