"""Ingest's bookkeeping: a listing's link to a page archived (before, or in the same run, in either order) is no
pending item; a page archived without an address that takes the one `--url` gives is said to."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest

SITE = "https://press.example.org"
LISTING = f"{SITE}/en/briefings.html"
DAYS = (17, 18, 19)


def article_url(day: int) -> str:
    return f"{SITE}/en/2025/db2509{day}.doc.htm"


def listing(spelled: str = "") -> bytes:
    """A listing of three briefings; `spelled` is added to each link (a tracking parameter the archive drops)."""
    items = "".join(f'<li><a href="/en/2025/db2509{d}.doc.htm{spelled}">Noon briefing of {d} September 2025</a>'
                    f" <span>2025-09-{d}</span></li>" for d in DAYS)
    return (f"<!-- saved from url=(0040){LISTING} -->\n<html><head><title>Noon briefings</title></head><body>"
            f'<h1>Noon briefings</h1><ul class="list">{items}</ul></body></html>').encode()


def article(day: int, canonical: bool = False) -> bytes:
    text = " ".join(f"The Secretary-General spoke on day {day} about peace, aid and the situation." for _ in range(8))
    link = f'<link rel="canonical" href="{article_url(day)}">' if canonical else ""
    return (f"<html><head><title>Noon briefing of {day} September 2025</title>{link}</head><body><article>"
            f"<h1>Noon briefing of {day} September 2025</h1><p>{text}</p><p>{text}</p></article></body></html>"
            ).encode()


def warc(path: Path, records: list[tuple[str, bytes]]) -> Path:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with path.open("wb") as out:
        writer = warcio.warcwriter.WARCWriter(out, gzip=True)
        for url, body in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http))
    return path


def pending_urls(cli, db_file) -> list[str]:
    result = cli("log", "--pending", "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    return sorted(row["url"] for row in result.jsonl())


def waiting(*days: int) -> list[str]:
    return sorted(article_url(day) for day in days)


@pytest.mark.parametrize("article_first", [True, False])
def test_a_link_to_a_page_stored_in_the_same_warc_is_not_pending(cli, db_file, tmp_path, article_first):
    """Before: all three links were pending, 17 among them, stored in the same run, whichever record came first;
    and a rerun left it so."""
    records = [(article_url(17), article(17)), (LISTING, listing())]
    path = warc(tmp_path / "crawl.warc.gz", records if article_first else records[::-1])
    result = cli("ingest", path, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    summary = result.jsonl()[0]
    assert summary["added"] == 1
    assert summary["listings"] == {"pages": 1, "pending_items": 2, "links_without_address": 0,
                                   "links_to_private_addresses": 0, "links_archived": 1}
    assert pending_urls(cli, db_file) == waiting(18, 19)
    again = cli("ingest", path, "--db", db_file)
    assert again.code == 0, again.stderr
    assert "2 article links noted as pending (`briefarc log --pending`); 1 link to pages archived already" in (
        again.stderr)
    assert pending_urls(cli, db_file) == waiting(18, 19)


def test_a_link_spelled_with_a_tracking_parameter_is_the_page_stored(cli, db_file, tmp_path):
    path = warc(tmp_path / "crawl.warc.gz", [(LISTING, listing("?utm_source=list")), (article_url(18), article(18))])
    assert cli("ingest", path, "--db", db_file).code == 0
    assert pending_urls(cli, db_file) == [f"{url}?utm_source=list" for url in waiting(17, 19)]  # as listed


def test_a_page_ingested_after_its_listing_is_pending_no_more(cli, db_file, tmp_path):
    """Before: the listing's row for the page stayed, and `log --pending` said it was not fetched yet."""
    assert cli("ingest", warc(tmp_path / "list.warc.gz", [(LISTING, listing())]), "--db", db_file).code == 0
    assert pending_urls(cli, db_file) == waiting(*DAYS)
    page = tmp_path / "db250919.html"
    page.write_bytes(article(19))
    assert cli("ingest", page, "--url", article_url(19), "--db", db_file).code == 0
    assert pending_urls(cli, db_file) == waiting(17, 18)


def test_pages_saved_by_the_writer_process_are_pending_no_more(cli, db_file, tmp_path):
    """Fifty files or more are saved by a writer process beside the extraction (on two cores or more): it marks
    the pages done in the transactions that save them."""
    assert cli("ingest", warc(tmp_path / "list.warc.gz", [(LISTING, listing())]), "--db", db_file).code == 0
    folder = tmp_path / "saved"
    folder.mkdir()
    for day in range(10, 70):
        (folder / f"db2509{day}.html").write_bytes(article(day, canonical=True))
    result = cli("ingest", folder, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    assert result.jsonl()[0]["added"] == 60
    assert pending_urls(cli, db_file) == []


def test_a_rerun_clears_the_rows_an_older_briefarc_left(cli, db_file, tmp_path):
    path = warc(tmp_path / "crawl.warc.gz", [(article_url(17), article(17)), (LISTING, listing())])
    assert cli("ingest", path, "--db", db_file).code == 0
    with sqlite3.connect(db_file) as conn:  # as an older briefarc noted it, beside the page it stored
        conn.execute("INSERT OR IGNORE INTO pending (key, url, found_on, discovered_at, next_try)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (article_url(17), article_url(17), LISTING, "2025-09-20T00:00:00Z", "2025-09-20T00:00:00Z"))
    conn.close()
    assert article_url(17) in pending_urls(cli, db_file)
    assert cli("ingest", path, "--db", db_file).code == 0
    assert pending_urls(cli, db_file) == waiting(18, 19)


def test_a_link_to_a_page_of_which_only_a_feeds_text_is_archived_stays_pending(cli, db_file, tmp_path):
    """A feed's summary of the article is no page of it: the page is still wanted."""
    feed = tmp_path / "noon.rss"
    feed.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Noon</title><link>{SITE}/</link>
        <item><title>Noon briefing of 17 September 2025</title><link>{article_url(17)}</link>
        <description>The Secretary-General spoke about peace.</description>
        <pubDate>Wed, 17 Sep 2025 12:00:00 GMT</pubDate></item></channel></rss>""", encoding="utf-8")
    added = cli("ingest", feed, "--db", db_file, "--json")
    assert added.code == 0 and added.jsonl()[0]["added"] == 1, added.stderr
    assert cli("ingest", warc(tmp_path / "list.warc.gz", [(LISTING, listing())]), "--db", db_file).code == 0
    assert pending_urls(cli, db_file) == waiting(*DAYS)


def test_a_page_that_takes_the_address_given_says_so(cli, db_file, tmp_path):
    """Before: "Added 0, updated 0, unchanged 1", the page's new address not said."""
    page = tmp_path / "briefing.html"
    page.write_bytes(article(17))
    assert cli("ingest", page, "--db", db_file).code == 0
    given = cli("ingest", page, "--url", article_url(17), "--db", db_file)
    assert given.code == 0, given.stderr
    assert "Added 0, updated 0, unchanged 1 (1 now at the address given), failed 0." in given.stderr
    assert cli("show", "1", "--db", db_file, "--json").jsonl()[0]["url"] == article_url(17)
    again = cli("ingest", page, "--url", article_url(17), "--db", db_file, "--json")
    assert again.jsonl()[0] == {"added": 0, "updated": 0, "unchanged": 1, "skipped": 0, "failed": [],
                                "warnings": []}
    other = tmp_path / "other.html"
    other.write_bytes(article(18))
    assert cli("ingest", other, "--db", db_file).code == 0
    summary = cli("ingest", other, "--url", article_url(18), "--db", db_file, "--json").jsonl()[0]
    assert summary["unchanged"] == 1 and summary["addressed"] == 1
