"""An address you name that robots.txt forbids is not done: exit 1 when nothing else went through, 3 beside what did
(README's exit codes, as ingest counts the inputs it skips). Before, `fetch URL` of it said "skipped" and exited 0,
nothing fetched. A page robots.txt forbids that a source, or a feed you name, lists is still skipped."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetch_pending import entry, rss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def _site(site) -> None:
    site.route("/robots.txt", ss.robots(disallow=["/private/"]))
    site.route("/a", ss.Reply(ss.article("Press briefing on the talks")))
    site.route("/private/x", ss.Reply(ss.article("Not to be fetched")))


def test_a_named_address_robots_txt_forbids_alone_exits_1(cli, db_file, site):
    _site(site)
    result = cli("fetch", site.url("/private/x"), *FAST, "--db", db_file, "--json")
    assert result.code == 1, result.stderr
    [report] = result.jsonl()
    assert report["failed"] == 1 and report["skipped"] == 0
    [failure] = report["failures"]
    assert failure == {"url": site.url("/private/x"), "error": (
        f"robots.txt of {site.host} does not let briefarc fetch /private/x: not fetched (save it from a browser "
        "and `briefarc ingest` it)")}
    assert site.hits("/private/x") == 0
    text = cli("fetch", site.url("/private/x"), *FAST, "--db", db_file)
    assert text.code == 1 and "does not let briefarc fetch /private/x: not fetched" in text.stderr


def test_a_named_address_robots_txt_forbids_beside_one_fetched_exits_3(cli, db_file, site):
    _site(site)
    site.route("/r", ss.redirect(site.url("/private/x")))  # named, and sent where robots.txt forbids: not done
    result = cli("fetch", site.url("/a"), site.url("/r"), *FAST, "--db", db_file, "--json")
    assert result.code == 3, result.stderr
    [report] = result.jsonl()
    assert report["added"] == 1 and report["failed"] == 1
    assert [failure["url"] for failure in report["failures"]] == [site.url("/r")]


def test_a_page_a_named_feed_lists_that_robots_txt_forbids_is_skipped(cli, db_file, site):
    _site(site)
    site.route("/feed.xml", rss([entry(site, "/private/x", "Forbidden briefing"),
                                 entry(site, "/a", "Allowed briefing", summary="<p>Talks went well.</p>")]))
    result = cli("fetch", site.url("/feed.xml"), *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    [report] = result.jsonl()
    assert report["failed"] == 0 and site.hits("/private/x") == 0
