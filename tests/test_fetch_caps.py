"""Caps that mean refusal: a robots.txt too large to read, a server that drips, a sitemap without --max."""

from __future__ import annotations

import time

from briefarc.sources.feed import SITEMAP_DEFAULT_MAX
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "5")


def test_a_robots_txt_too_large_to_read_closes_the_site(cli, db_file, site):
    rules = b"User-agent: *\nAllow: /\n" + b"# padding, never read\n" * 40_000  # 880 KB
    site.route("/robots.txt", ss.Reply(rules, content_type="text/plain"))
    site.route("/a", ss.article("A page", ["Its text."]))
    result = cli("fetch", site.url("/a"), *FAST, "--db", db_file, "--json")
    report = result.jsonl()[0]
    assert result.code == 1 and report["added"] == 0 and report["failed"] == 1  # all failed: exit 1
    assert "robots.txt" in report["failures"][0]["error"] and "could not be read" in report["failures"][0]["error"]
    assert site.hits("/a") == 0


def drip(body: bytes, pause: float):
    """A server that sends one byte at a time: each arrives well within a read timeout."""

    def stream():
        for byte in body:
            time.sleep(pause)
            yield bytes([byte])

    return stream


def test_timeout_bounds_the_whole_response_of_a_server_that_drips(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    body = ss.article("Slow", ["dripped"])[:80]
    site.route("/slow", ss.Reply(stream=drip(body, 0.25)))  # 20 s for the whole body, 4 bytes a second
    started = time.monotonic()
    result = cli("fetch", site.url("/slow"), "--delay", "0", "--timeout", "1", "--retries", "3", "--db", db_file,
                 "--json")
    elapsed = time.monotonic() - started
    report = result.jsonl()[0]
    assert report["failed"] == 1 and "within 1 s (--timeout)" in report["failures"][0]["error"]
    assert site.hits("/slow") == 1  # the server's pace, not a passing fault: not retried
    assert elapsed < 15  # a generous bound around 1 s; unbounded, the body alone takes 20 s


def test_a_sitemap_without_max_stops_at_the_default_and_says_so(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    urls = "".join(f"<url><loc>{site.url(f'/a/{n}')}</loc></url>" for n in range(SITEMAP_DEFAULT_MAX + 5))
    site.route("/sitemap.xml", ss.Reply(f"<urlset>{urls}</urlset>".encode(), content_type="application/xml"))
    report = cli("fetch", site.url("/sitemap.xml"), "--dry-run", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert len(report["planned"]) == SITEMAP_DEFAULT_MAX
    assert any(f"stopped after {SITEMAP_DEFAULT_MAX} new items" in note for note in report["notes"])
    given = cli("fetch", site.url("/sitemap.xml"), "--dry-run", "--max", "1200", *FAST, "--db", db_file,
                "--json").jsonl()[0]
    assert len(given["planned"]) == SITEMAP_DEFAULT_MAX + 5 and not given["notes"]


def test_sizes_in_messages_are_rounded_as_a_reader_says_them():
    from briefarc.net.inflate import describe_size

    sizes = [describe_size(n) for n in (60_000_000, 50 * 2**20, 1536, 300)]
    assert sizes == ["57.2 MB", "50 MB", "1.5 KB", "300 bytes"]
