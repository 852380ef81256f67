"""A page skipped because robots.txt forbids it says so: before, `fetch URL` said "skipped 1", exit 0, and
nothing else, in the text, the --json notes, `log` or `log --all`."""

from __future__ import annotations

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def _sitemap(site, urls: list[str]) -> str:
    """A sitemap that lists `urls`, fetched as a named address: a page it lists that robots.txt forbids is skipped
    (an address named itself is not done: tests/test_h173_robots.py)."""
    locs = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
    site.route("/sitemap.xml", ss.Reply(body.encode(), content_type="application/xml"))
    return site.url("/sitemap.xml")


def test_a_page_robots_txt_forbids_says_why_it_was_skipped(cli, db_file, site):
    site.route("/robots.txt", ss.robots(disallow=["/a"]))
    site.route("/a", ss.Reply(ss.article("Press briefing on the talks")))
    sitemap = _sitemap(site, [site.url("/a")])
    result = cli("fetch", sitemap, *FAST, "--db", db_file, "--json")
    assert result.code == 0
    report = result.jsonl()[0]
    assert report["skipped"] == 1
    expected = f"robots.txt of 127.0.0.1:{site.port} does not let briefarc fetch /a"
    assert [note for note in report["notes"] if expected in note] == [f"{site.url('/a')}: {expected}: skipped"]
    text = cli("fetch", sitemap, *FAST, "--db", db_file.with_name("another.db"))
    lines = [line for line in text.stderr.splitlines() if expected in line]
    assert len(lines) == 1 and site.url("/a") in lines[0]
    assert site.hits("/a") == 0


def test_many_skipped_pages_are_named_up_to_a_cap_then_counted(cli, db_file, site):
    site.route("/robots.txt", ss.robots(disallow=["/a/"]))
    urls = [site.url(f"/a/{n}") for n in range(25)]
    result = cli("fetch", _sitemap(site, urls), *FAST, "--db", db_file, "--json")
    report = result.jsonl()[0]
    assert result.code == 0 and report["skipped"] == 25
    named = [note for note in report["notes"] if "does not let briefarc fetch" in note]
    assert len(named) == 20 and report["notes"][-1] == "more pages were skipped than the 20 named here"
