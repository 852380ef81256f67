"""Hostile sites and hostile saved files, fifth round (found by a reviewing helper): each test here failed before
its fix.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

import sqlite3

import pytest

from tests import fixture_sites as fx
from tests import siteserver as ss


def warc_response(uri: str, title: str, date: str) -> bytes:
    """One uncompressed WARC response record of a small HTML page."""
    page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "<p>The spokesperson answered questions on the talks held this week in the capital.</p>" * 5
            + "</article></body></html>").encode()
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: %d\r\n\r\n" % len(page)) + page
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri)):032x}>\r\n"
            f"WARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+23:59", "9999-12-31T23:59:59-23:59"])
def test_a_warc_date_at_the_calendars_edge_is_no_date_not_the_end_of_the_ingest(cli, db_file, tmp_path, date):
    """A WARC-Date that is valid ISO 8601 but falls off the calendar once moved to UTC raised OverflowError: the
    ingest ended in a traceback, and the records read before it were not saved."""
    warc = tmp_path / "odd.warc"
    warc.write_bytes(warc_response("http://example.org/a", "Page A", "2024-01-01T00:00:00Z")
                     + warc_response("http://example.org/b", "Page B", date)
                     + warc_response("http://example.org/c", "Page C", "2024-01-02T00:00:00Z"))
    result = cli("ingest", warc, "--db", db_file)
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(db_file) as db:
        titles = sorted(title for (title,) in db.execute("SELECT title FROM documents"))
    assert titles == ["Page A", "Page B", "Page C"]


@pytest.mark.parametrize("opener,closer", [
    ("<sm:url>", "</sm:url>"),  # a namespace prefix, valid XML
    ("<URL>", "</URL>"),  # capitals, read as well
    ("<url>", ""),  # entries left unclosed: each new one closes the last
    ("<url>", "</url >"),  # space before the end tag's ">"
])
def test_a_sitemap_is_cut_at_50000_entries_however_it_writes_them(site, opener, closer):
    """The sitemap's cap counted "</url>" only: the same 50,010 entries with a prefix, in capitals or unclosed were
    all read (600,000 of them: 12 s and 750 MB)."""
    from tests.test_hostile_round3 import sitemap_discovered

    entries = "".join(f"{opener}<loc>{site.url(f'/p/{n}')}</loc>{closer}" for n in range(50_010))
    body = (f'<?xml version="1.0"?><sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
            "</sm:urlset>")
    urls, notes = sitemap_discovered(site, body)
    assert len(urls) == 50_000 and site.url("/p/0") in urls and site.url("/p/50000") not in urls
    assert notes == [f"the sitemap {site.url('/sitemap.xml.gz')} lists more than 50,000 entries, the sitemap "
                     "protocol's limit: the first 50,000 were read"]


FAST = ("--delay", "0", "--timeout", "10", "--retries", "0")


def test_answers_to_requests_briefarc_never_made_fail_and_their_pages_wait_for_the_next_run(cli, db_file, site):
    """A 206 to a request for the whole page was stored as the page (half of it); a 304 to a request that named
    no copy counted as unchanged, and the sitemap's item, never archived, was taken as done and never asked for
    again."""
    fx.polite(site)
    urls = "".join(f"<url><loc>{site.url(path)}</loc></url>" for path in ("/partial", "/not-modified", "/whole"))
    site.route("/sitemap.xml", ss.Reply(f'<?xml version="1.0"?><urlset>{urls}</urlset>'.encode(),
                                        content_type="application/xml"))
    page = ss.article("Press Briefing on the talks")
    site.route("/partial", ss.Reply(page[:len(page) // 2], status=206,
                                    headers={"Content-Range": f"bytes 0-{len(page) // 2 - 1}/{len(page)}"}),
               ss.article("Press Briefing on the talks, whole"))
    site.route("/not-modified", ss.Reply(b"", status=304, content_type=None), ss.article("Press Briefing, second"))
    site.page("/whole", ss.article("Press Briefing, third"))
    assert cli("sources", "add", "maps", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", db_file).code == 0

    first = cli("fetch", "maps", "--db", db_file, "--json", *FAST)
    assert first.code == 3, first.stderr
    failures = {failure["url"]: failure["error"] for failure in first.jsonl()[0]["failures"]}
    assert "206 Partial Content" in failures[site.url("/partial")]
    assert "304 Not Modified" in failures[site.url("/not-modified")]
    assert [row["url"] for row in cli("list", "--db", db_file, "--json").jsonl()] == [site.url("/whole")]

    second = cli("fetch", "maps", "--db", db_file, "--json", *FAST)
    assert second.code == 0, second.stderr
    stored = sorted(row["url"] for row in cli("list", "--db", db_file, "--json").jsonl())
    assert stored == sorted(site.url(path) for path in ("/partial", "/not-modified", "/whole"))


@pytest.mark.parametrize("encode", [lambda text: b"\xef\xbb\xbf" + text.encode(), lambda text: text.encode("utf-16")],
                         ids=["utf-8 with a byte order mark", "utf-16"])
def test_a_robots_txt_that_starts_with_a_byte_order_mark_is_obeyed(cli, db_file, site, encode):
    """The mark was read as part of the first line: its `User-agent: *` named no group, the Disallow under it was
    ignored, and the disallowed page was fetched and archived."""
    site.route("/robots.txt", ss.Reply(encode("User-agent: *\nDisallow: /private/\n"), content_type="text/plain"))
    site.page("/private/briefing", ss.article("Press Briefing kept private"))
    result = cli("fetch", site.url("/private/briefing"), "--db", db_file, "--json", *FAST)
    assert result.jsonl()[0]["failed"] == 1 and result.jsonl()[0]["added"] == 0, result.stdout  # named: not done
    assert site.hits("/private/briefing") == 0


@pytest.mark.parametrize("whole", [True, False], ids=["gzipped whole", "gzipped record by record"])
def test_a_gzipped_warc_cut_short_gives_the_records_it_holds_and_says_it_is_cut(cli, db_file, tmp_path, whole):
    """A gzipped WARC file cut short (a download broken off) was read quietly: gzipped whole, it gave no record at
    all; gzipped record by record, its last record was left out. Either way the run said nothing and ended with 0."""
    import gzip
    import random

    records = [warc_response(f"http://example.org/{n}", f"Page {n} {random.Random(n).randbytes(1500).hex()}",
                             "2024-01-01T00:00:00Z") for n in range(5)]
    if whole:
        data = gzip.compress(b"".join(records))[:-1000]  # in the last record
    else:  # the last member's first bytes alone: not even its record's header
        members = [gzip.compress(record) for record in records]
        data = b"".join(members[:4]) + members[4][:60]
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(data)
    result = cli("ingest", warc, "--db", db_file, "--json")
    assert result.code == 3, result.stderr
    summary = result.jsonl()[0]
    assert len(summary["failed"]) == 1 and "cut short" in summary["failed"][0]["error"], summary
    assert summary["added"] == 4, summary
