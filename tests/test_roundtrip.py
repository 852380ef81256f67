"""Round trips: export to WARC, import into a fresh database, and get the same documents back.

The URL half of issue 5's round-trip item (normalisation is idempotent and keeps articles apart)
lives in tests/test_urls.py.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import sqlite3
import tempfile
from contextlib import closing, suppress
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefarc.errors import InputError
from briefarc.export import export
from briefarc.files.ingest import ingest
from briefarc.files.warc import open_writer, read_warc, warc_date, write_snapshot
from briefarc.models import RawPage
from briefarc.pipeline import store_page
from briefarc.store.db import open_database
from tests.conftest import SAMPLES

SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Columns that may differ after an import: when the copy was last checked.
VOLATILE = {"checked_at"}


def table(db_file: Path, name: str, order: str) -> list[dict]:
    with closing(sqlite3.connect(db_file)) as conn:
        cursor = conn.execute(f"SELECT * FROM {name} ORDER BY {order}")
        names = [c[0] for c in cursor.description]
        return [{k: v for k, v in zip(names, row, strict=True) if k not in VOLATILE} for row in cursor]


def archive_state(db_file: Path) -> dict:
    return {
        "documents": table(db_file, "documents", "id"),
        "versions": table(db_file, "versions", "id"),
        "snapshots": [{k: v for k, v in row.items() if k in ("id", "document_id", "sha256", "archived_at")}
                      for row in table(db_file, "snapshots", "id")],
        "blobs": table(db_file, "blobs", "sha256"),
    }


def round_trip(db_file: Path, folder: Path, name: str = "out.warc.gz") -> Path:
    """Export every snapshot of `db_file` to WARC, ingest it into a new database; return that database."""
    warc = folder / name
    report = export(open_database(db_file), "warc", output=str(warc), all_versions=True)
    assert not report.failed
    copy = folder / "copy.db"
    result = ingest(open_database(copy), [str(warc)])
    assert not result.failed and result.skipped == 0
    return copy


# Generated pages ----------------------------------------------------------------------------------------

words = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéüçÅ外交部发言人 &<>\"'.,;:?!-")),
                min_size=3, max_size=40).filter(lambda t: any(c.isalpha() for c in t))
stamp = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 1, 1)).map(
    lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ"))
sentence = st.lists(words, min_size=3, max_size=8).map(" ".join)
page_spec = st.fixed_dictionaries({
    "form": st.sampled_from(["html", "feed", "mea", "govuk"]),  # a page, feed entries, or a JSON document
    "title": words,
    "paragraphs": st.lists(sentence, min_size=1, max_size=4),
    "published": st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    "url": st.one_of(st.none(), st.from_regex(r"/[a-z0-9-]{1,12}(\?id=[0-9]{1,4})?", fullmatch=True)),
    "edit": st.one_of(st.none(), sentence),  # a second version with one more paragraph
    "content_type": st.sampled_from([None, "declared", "declared; charset=utf-8"]),
    "headers": st.booleans(),  # fetched (headers stored) or read from a file
    "stamps": st.lists(stamp, min_size=2, max_size=2, unique=True).map(sorted),
    "entries": st.integers(min_value=1, max_value=3),  # feeds: how many full-text entries
})
MEDIA_TYPES = {"html": "text/html", "feed": "application/rss+xml", "mea": "application/json",
               "govuk": "application/json"}


def to_html(title: str, paragraphs: list[str], published: str | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>{meta}</head>"
            f"<body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>").encode()


def to_feed(spec: dict, paragraphs: list[str], index: int) -> bytes:
    """An RSS feed whose entries carry their whole text in content:encoded; the first one is edited."""
    items = []
    for number in range(spec["entries"]):
        text = paragraphs if number == 0 else spec["paragraphs"]
        body = "".join(f"<p>{html.escape(p)}</p>" for p in [f"Entry {number}.", *text])
        date = f"<pubDate>{format_datetime(datetime.fromisoformat(spec['published']))}</pubDate>" \
            if spec["published"] else ""
        items.append(f"<item><title>{html.escape(spec['title'])} {number}</title>"
                     f"<link>https://feed{index}.example/entry-{number}</link>"
                     f"<guid isPermaLink=\"false\">entry-{index}-{number}</guid>{date}"
                     f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Briefings</title>'
            f"<link>https://feed{index}.example/</link>{''.join(items)}</channel></rss>").encode()


def to_json(spec: dict, paragraphs: list[str], index: int) -> bytes:
    """India MEA's detail record or a gov.uk content item, as their APIs answer."""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    if spec["form"] == "mea":
        posted = datetime.fromisoformat(spec["published"]).strftime("%d/%m/%Y") if spec["published"] else None
        item = {"PKID": 40000 + index, "Title": spec["title"], "PublishDate": posted, "Description": body,
                "Url": f"https://www.mea.gov.in/media-briefings.htm?dtl/{40000 + index}/x"}
    else:
        item = {"base_path": f"/government/news/release-{index}", "title": spec["title"], "locale": "en",
                "document_type": "press_release", "details": {"body": body},
                "first_published_at": f"{spec['published']}T10:30:00+01:00" if spec["published"] else None}
    return json.dumps(item).encode()


def page_bytes(spec: dict, paragraphs: list[str], index: int) -> bytes:
    if spec["form"] == "feed":
        return to_feed(spec, paragraphs, index)
    if spec["form"] in ("mea", "govuk"):
        return to_json(spec, paragraphs, index)
    return to_html(spec["title"], paragraphs, spec["published"])


def store(db, spec: dict, index: int) -> int:
    """Archive a page (and its edit) as ingest or fetch would; returns how many documents it stored."""
    url = f"https://news{index}.example{spec['url']}" if spec["url"] else None
    content_type = spec["content_type"] and spec["content_type"].replace("declared", MEDIA_TYPES[spec["form"]])
    headers = {"Content-Type": content_type or MEDIA_TYPES[spec["form"]], "Server": "test"} if spec["headers"] \
        else None
    versions = [spec["paragraphs"]] + ([spec["paragraphs"] + [spec["edit"]]] if spec["edit"] else [])
    stored = 0
    for paragraphs, fetched_at in zip(versions, spec["stamps"], strict=False):
        page = RawPage(data=page_bytes(spec, paragraphs, index), origin=url or f"/saved/{index}", url=url,
                       content_type=content_type, headers=headers, fetched_at=fetched_at)
        with suppress(InputError):  # the extractor turned the page down: nothing stored, nothing to compare
            stored += len(store_page(db, page))
    return stored


@SLOW
@given(st.lists(page_spec, min_size=1, max_size=4))
def test_export_then_import_gives_the_same_documents(specs):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        original = folder / "original.db"
        db = open_database(original)
        for index, spec in enumerate(specs):
            store(db, spec, index)
        db.conn.close()
        copy = round_trip(original, folder)
        assert archive_state(copy) == archive_state(original)


# WARC records alone ---------------------------------------------------------------------------------------

snapshot = st.fixed_dictionaries({
    "data": st.binary(min_size=0, max_size=3000),
    "uri": st.one_of(
        st.from_regex(r"https?://[a-z]{1,10}\.example(:8080)?/[a-zA-Z0-9._~%/-]{0,20}(\?[a-z0-9=&]{0,12})?",
                      fullmatch=True),
        st.from_regex(r"urn:sha256:[0-9a-f]{64}", fullmatch=True)),
    "date": st.one_of(st.none(), stamp),
    "content_type": st.sampled_from([None, "text/html", "application/xhtml+xml", "text/html; charset=gb2312"]),
    "headers": st.one_of(st.none(), st.dictionaries(
        st.from_regex(r"X-[A-Za-z]{1,8}", fullmatch=True), st.from_regex(r"[ -~]{0,20}", fullmatch=True),
        max_size=3)),
})


@settings(max_examples=60, deadline=None)
@given(st.lists(snapshot, min_size=1, max_size=5), st.booleans())
def test_warc_records_give_back_the_bytes_address_type_and_date(snapshots, gzip_records):
    out = io.BytesIO()
    writer = open_writer(out, gzip_records=gzip_records, filename="t.warc.gz", software="test")
    for item in snapshots:
        write_snapshot(writer, **item)
    entries = list(read_warc(io.BytesIO(out.getvalue()), "t.warc.gz"))
    assert not [entry for entry in entries if entry.error or entry.skipped]
    pages = [entry.page for entry in entries if entry.page]  # not warcinfo, not request records
    for item, page in zip(snapshots, pages, strict=True):
        web = item["uri"].startswith("http")
        assert page.data == item["data"]
        assert page.url == (item["uri"] if web else None)
        assert page.content_type == (item["content_type"] or "text/html")
        if item["date"]:
            assert page.fetched_at == warc_date(item["date"])
        if web and item["headers"]:
            for name, value in item["headers"].items():
                assert page.headers[name] == value.strip()


# The real sample pages through the command line -----------------------------------------------------------

def test_samples_round_trip_through_the_cli(cli, tmp_path):
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    assert cli("ingest", SAMPLES, "--db", first).code == 0
    transcript = (SAMPLES / "mofa-briefing-transcript.html").read_text("utf-8")
    url = "https://mofa.gov.pk/press-releases/transcript-16-january-2025"
    start = transcript.index("Answer:")
    end = transcript.index("</p>", start)
    edited = transcript[:start] + "Answer: We have nothing further to add." + transcript[end:]
    for text in (transcript, edited):
        assert cli("ingest", "-", "--url", url, "--db", first, stdin=text.encode()).code == 0
    warc = tmp_path / "all.warc.gz"
    exported = cli("export", "-f", "warc", "--all-versions", "-o", warc, "--db", first)
    assert exported.code == 0, exported.stderr
    imported = cli("ingest", warc, "--db", second, "--json")
    assert imported.code == 0, imported.stderr
    assert imported.jsonl()[0]["failed"] == [] and imported.jsonl()[0]["updated"] == 1

    def records(db) -> list[dict]:
        lines = cli("export", "--db", db).jsonl()
        return [{k: v for k, v in r.items() if k not in ("checked_at", "origin", "content_type")} for r in lines]

    assert records(second) == records(first)
    assert archive_state(second) == archive_state(first)


def test_a_fetched_page_round_trips_with_its_headers(cli, site, tmp_path):
    """Fetched from a real local server, gzip-encoded: the WARC holds the decoded bytes with headers that
    describe them (no Content-Encoding), a request record, and imports back to the same document."""
    from warcio.archiveiterator import ArchiveIterator

    from tests import fixture_sites as fx

    page = (SAMPLES / "un-noon-briefing.html").read_bytes()
    site.route("/robots.txt", fx.robots())
    site.route("/en/2025/db250912.doc.htm", fx.Reply(body=gzip.compress(page), content_type=fx.HTML, etag='"v1"',
                                                      headers={"Content-Encoding": "gzip"}))
    first, second, warc = tmp_path / "first.db", tmp_path / "second.db", tmp_path / "fetched.warc.gz"
    url = site.url("/en/2025/db250912.doc.htm")
    assert cli("fetch", url, "--delay", "0", "--timeout", "5", "--db", first, "--json").jsonl()[0]["added"] == 1
    assert cli("export", "-f", "warc", "-o", warc, "--db", first).code == 0
    with open(warc, "rb") as handle:
        records = [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read())
                   for r in ArchiveIterator(handle, check_digests="raise")]
    assert [r[0] for r in records] == ["warcinfo", "response", "request"]
    _, headers, http, body = records[1]
    assert body == page and headers.get_header("WARC-Target-URI") == url
    assert http.get_header("Content-Encoding") is None and http.get_header("Content-Length") == str(len(page))
    assert http.get_header("etag") == '"v1"' and http.get_header("Content-Type") == fx.HTML
    assert records[2][2].get_header("Host") == url.split("/")[2]
    assert cli("ingest", warc, "--db", second).code == 0
    assert archive_state(second)["documents"] == archive_state(first)["documents"]


FEED_PATH = "/rss-feed/department-press-briefings/feed/"
MEA_PATH = "/FrontEnd/FetchPublicationDetailData?pkid=39800&languageId=1"
GOVUK_PATH = "/api/content/government/news/fcdo-press-release-0"


def full_text_feed(site) -> str:
    """The State Department feed with only its full-text entries (a short one would be fetched by its link)."""
    feed = site.routes[FEED_PATH][0].body.decode()
    return feed[:feed.index("<item><title>Secretary's Call")] + "</channel></rss>"


def serve_feed(site, feed: str, etag: str) -> None:
    from tests import fixture_sites as fx

    site.route(FEED_PATH, fx.Reply(body=feed.encode(), content_type="application/rss+xml; charset=UTF-8", etag=etag))


def test_fetched_feed_entries_and_json_documents_round_trip(cli, site, tmp_path):
    """A feed's entries go out as one response at the feed's own address (not at the articles'), JSON
    documents as responses of their API; warcio reads the file, and an import gives the same documents."""
    from warcio.archiveiterator import ArchiveIterator

    from tests import fixture_sites as fx

    fx.state(site), fx.mea(site), fx.govuk(site)
    feed = full_text_feed(site)
    serve_feed(site, feed, '"v1"')
    first, fast = tmp_path / "first.db", ("--delay", "0", "--timeout", "5")
    for path in (FEED_PATH, MEA_PATH, GOVUK_PATH):
        assert cli("fetch", site.url(path), *fast, "--db", first).code == 0
    entry, rest = feed.split("</item>", 1)  # the first entry, edited
    serve_feed(site, entry.replace("Hello, everyone.", "Good afternoon.") + "</item>" + rest, '"v2"')
    assert cli("fetch", site.url(FEED_PATH), *fast, "--refresh", "--db", first, "--json").jsonl()[0]["updated"] == 1
    for options in ((), ("--all-versions",)):
        warc, second = tmp_path / f"out{len(options)}.warc.gz", tmp_path / f"second{len(options)}.db"
        exported = cli("export", "-f", "warc", *options, "-o", warc, "--db", first, "--json")
        assert exported.code == 0, exported.stderr
        with open(warc, "rb") as handle:
            records = [(r.rec_headers.get_header("WARC-Target-URI"), r.http_headers.get_header("Content-Type"),
                        r.http_headers.get_header("ETag"))
                       for r in ArchiveIterator(handle, check_digests="raise") if r.rec_type == "response"]
        feeds = [record for record in records if record[0] == site.url(FEED_PATH)]  # each copy once
        assert [record[1:] for record in feeds] == [("application/rss+xml; charset=UTF-8", '"v1"'),
                                                ("application/rss+xml; charset=UTF-8", '"v2"')]
        assert {record[0] for record in records} == {site.url(p) for p in (FEED_PATH, MEA_PATH, GOVUK_PATH)}
        imported = cli("ingest", warc, "--db", second, "--json").jsonl()[0]
        assert imported["failed"] == [] and imported["skipped"] == 0 and imported["added"] == 5
        assert same_documents(cli, first, second)


def same_documents(cli, first: Path, second: Path) -> bool:
    """The documents as exported, but for where and when the copy was read (an entry of a feed is saved
    when its turn comes, so the seconds of a fetch may differ between its entries) and the row id of the
    snapshot (the current copies of feeds are written first, in the order they were archived)."""
    volatile = ("checked_at", "origin", "archived_at", "updated_at", "snapshot_archived_at", "snapshot_id")

    def records(db: Path) -> list[dict]:
        return [{k: v for k, v in r.items() if k not in volatile} for r in cli("export", "--db", db).jsonl()]

    return records(first) == records(second)
