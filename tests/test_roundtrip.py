"""Round trips: export to WARC, import into a fresh database, and get the same documents back.

The URL half of issue 5's round-trip item (normalisation is idempotent and keeps articles apart)
lives in tests/test_urls.py.
"""

from __future__ import annotations

import gzip
import html
import io
import sqlite3
import tempfile
from contextlib import closing, suppress
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefarc.errors import InputError
from briefarc.export import export
from briefarc.ingest import ingest
from briefarc.models import RawPage
from briefarc.pipeline import store_page
from briefarc.store import open_database
from briefarc.warc import open_writer, read_warc, warc_date, write_snapshot
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
    "title": words,
    "paragraphs": st.lists(sentence, min_size=1, max_size=4),
    "published": st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
    "url": st.one_of(st.none(), st.from_regex(r"/[a-z0-9-]{1,12}(\?id=[0-9]{1,4})?", fullmatch=True)),
    "edit": st.one_of(st.none(), sentence),  # a second version with one more paragraph
    "content_type": st.sampled_from([None, "text/html", "text/html; charset=utf-8"]),
    "headers": st.booleans(),  # fetched (headers stored) or read from a file
    "stamps": st.lists(stamp, min_size=2, max_size=2, unique=True).map(sorted),
})


def to_html(title: str, paragraphs: list[str], published: str | None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>{meta}</head>"
            f"<body><article><h1>{html.escape(title)}</h1>{body}</article></body></html>").encode()


def store(db, spec: dict, index: int) -> int:
    """Archive a page (and its edit) as ingest or fetch would; returns how many documents it stored."""
    url = f"https://news{index}.example{spec['url']}" if spec["url"] else None
    headers = {"Content-Type": spec["content_type"] or "text/html", "Server": "test"} if spec["headers"] else None
    versions = [spec["paragraphs"]] + ([spec["paragraphs"] + [spec["edit"]]] if spec["edit"] else [])
    stored = 0
    for paragraphs, fetched_at in zip(versions, spec["stamps"], strict=False):
        page = RawPage(data=to_html(spec["title"], paragraphs, spec["published"]), origin=url or f"/saved/{index}",
                       url=url, content_type=spec["content_type"], headers=headers, fetched_at=fetched_at)
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
