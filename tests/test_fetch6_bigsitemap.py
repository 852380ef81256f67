"""A sitemap of 30 MB is read: the protocol lets a sitemap be 50 MB uncompressed (sitemaps.org).

Before: a sitemap source answering 30 MB, uncompressed, failed with 'the response from HOST is larger than the 20 MB
limit (it announces 30 MB): not a page', the limit of a page on the wire; the 50 MB limit applied only to what a
gzipped sitemap decodes to, so the same sitemap gzipped was read and plain was not."""

from __future__ import annotations

import pytest

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
MB = 2**20


def padded_sitemap(site: ss.SiteServer, size: int) -> bytes:
    """A sitemap of three pages, `size` bytes long (a long comment: as many bytes as 50,000 entries are)."""
    head = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{site.url(f'/p/{n}')}</loc><lastmod>2025-07-0{n + 1}</lastmod></url>"
                      for n in range(3)) + "<!-- ").encode()
    tail = b" --></urlset>"
    return head + b"x" * (size - len(head) - len(tail)) + tail


@pytest.mark.parametrize("announce", [True, False], ids=["with its length", "chunked"])
def test_a_sitemap_of_30_mb_is_read(cli, db_file, site, announce):
    body = padded_sitemap(site, 30 * MB)
    reply = ss.Reply(body, content_type="application/xml")
    if not announce:
        reply = ss.Reply(content_type="application/xml", stream=lambda: (body[i:i + ss.CHUNK]
                                                                       for i in range(0, len(body), ss.CHUNK)))
    site.route("/sitemap.xml", reply)
    for n in range(3):
        site.route(f"/p/{n}", ss.Reply(ss.article(f"Press briefing number {n} on the talks")))
    assert cli("sources", "add", "s", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", db_file).code == 0
    result = cli("fetch", "s", *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert report["added"] == 3 and not report["error"], report


def test_a_sitemap_past_the_protocols_50_mb_is_refused_as_a_sitemap(cli, db_file, site):
    site.route("/sitemap.xml", ss.huge(51 * MB))
    assert cli("sources", "add", "s", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", db_file).code == 0
    result = cli("fetch", "s", *FAST, "--db", db_file, "--json")
    assert result.code == 1
    assert result.jsonl()[0]["error"] == (f"the response from 127.0.0.1:{site.port} is larger than the 50 MB limit "
                                          "(it announces 51 MB): more than a sitemap may hold")


def test_a_page_of_30_mb_is_still_refused(cli, db_file, site):
    site.route("/big", ss.huge(30 * MB))
    result = cli("fetch", site.url("/big"), *FAST, "--db", db_file, "--json")
    assert result.code == 1
    [failure] = result.jsonl()[0]["failures"]
    assert failure["error"] == (f"the response from 127.0.0.1:{site.port} is larger than the 20 MB limit "
                                "(it announces 30 MB): not a page")
