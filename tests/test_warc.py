"""WARC files in: real files written by warcio's own writer (as another tool would), damaged ones, and
`briefarc ingest` over them with real sample pages."""

from __future__ import annotations

import gzip
import io
import sqlite3
import zlib
from contextlib import closing
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from briefarc.files.warc import open_writer, read_warc, write_snapshot
from tests.conftest import SAMPLES

STATE = (SAMPLES / "state-briefing.html").read_bytes()
UN = (SAMPLES / "un-noon-briefing.html").read_bytes()
MOFA = (SAMPLES / "mofa-briefing-transcript.html").read_bytes()
STATE_URL = "https://www.state.gov/briefings/department-press-briefing-july-29-2025/"
UN_URL = "https://press.un.org/en/2025/db250912.doc.htm"
MOFA_URL = "https://mofa.gov.pk/press-releases/transcript-16-january-2025"


def chunked(data: bytes, size: int = 1000) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(data[i:i + size]), data[i:i + size]) for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def response(writer, url, body, headers, status="200 OK", date="2025-07-30T08:15:00Z"):
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                     http_headers=http, warc_headers_dict={"WARC-Date": date})


def other_tool_warc(gzip_records: bool = True) -> bytes:
    """A crawl as another tool writes it with warcio: warcinfo, request/response pairs, a gzipped and
    chunked response, a redirect, a 404, an image, a revisit, metadata, resources of text and HTML."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "other-crawler/2.1"}))
    state = response(writer, STATE_URL, STATE, [("Content-Type", "text/html; charset=UTF-8"), ("Server", "x")])
    request = writer.create_warc_record(STATE_URL, "request", http_headers=StatusAndHeaders(
        "GET /briefings/department-press-briefing-july-29-2025/ HTTP/1.1", [("Host", "www.state.gov")],
        is_http_request=True))
    writer.write_request_response_pair(request, state)
    encoded = chunked(gzip.compress(UN))
    writer.write_record(response(writer, UN_URL, encoded, [
        ("Content-Type", "text/html"), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]))
    writer.write_record(response(writer, "https://www.state.gov/old", b"", [("Location", STATE_URL)],
                                 status="301 Moved Permanently"))
    writer.write_record(response(writer, "https://www.state.gov/missing", b"<html>Not found</html>",
                                 [("Content-Type", "text/html")], status="404 Not Found"))
    writer.write_record(response(writer, "https://www.state.gov/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200),
                                 [("Content-Type", "image/png")]))
    writer.write_record(writer.create_revisit_record(STATE_URL, "sha1:AAAA", STATE_URL, "2025-07-30T08:15:00Z"))
    writer.write_record(writer.create_warc_record("metadata:crawl", "metadata", payload=io.BytesIO(b"via: x\r\n"),
                                                  length=8))
    writer.write_record(writer.create_warc_record("file:///notes.txt", "resource", payload=io.BytesIO(b"notes"),
                                                  length=5, warc_content_type="text/plain"))
    writer.write_record(writer.create_warc_record(MOFA_URL, "resource", payload=io.BytesIO(MOFA), length=len(MOFA),
                                                  warc_content_type="text/html; charset=utf-8",
                                                  warc_headers_dict={"WARC-Date": "2025-07-30T08:15:00Z"}))
    return out.getvalue()


def entries(data: bytes, label: str = "crawl.warc.gz"):
    return list(read_warc(io.BytesIO(data), label))


def pages(found) -> list:
    return [entry.page for entry in found if entry.page]


def member_offsets(data: bytes) -> list[int]:
    """Where each gzip member (one record) starts, found by reading them one after the other."""
    offsets, position = [], 0
    while position < len(data):
        offsets.append(position)
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        inflater.decompress(data[position:])
        position = len(data) - len(inflater.unused_data)
    return offsets


# Reading --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("gzip_records", [True, False])
def test_html_responses_of_another_tools_warc_become_pages(gzip_records):
    found = entries(other_tool_warc(gzip_records))
    state, un, mofa = pages(found)
    assert (state.url, state.content_type, state.data) == (STATE_URL, "text/html; charset=UTF-8", STATE)
    assert state.headers == {"Content-Type": "text/html; charset=UTF-8", "Server": "x"}
    assert state.fetched_at == "2025-07-30T08:15:00Z"
    assert state.item.startswith("<urn:uuid:") and state.origin == f"crawl.warc.gz#{state.item}"
    assert un.data == UN, "chunked and gzip content encoding must be undone"
    assert (mofa.url, mofa.content_type, mofa.data, mofa.headers) == (
        MOFA_URL, "text/html; charset=utf-8", MOFA, None)
    skipped = sorted(entry.skipped for entry in found if entry.skipped)
    assert skipped == ["HTTP status 301", "HTTP status 404", "not a page, feed or JSON document (image/png)",
                       "not a page, feed or JSON document (text/plain)"]
    assert not [entry for entry in found if entry.error]


def test_control_characters_of_a_records_address_are_percent_encoded_and_a_bad_host_is_no_address():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url in ("https://www.state.gov/x\x1b[31mred\tb", "https://a..b/x", "https://www.sta\x1bte.gov/b",
                "https://qz-u:qz-pass@www.state.gov/briefing-a", "https://www.state.gov/\u202eevil"):
        writer.write_record(response(writer, url, STATE, [("Content-Type", "text/html")]))
    escaped, bad_host, control_host, password, mark = pages(entries(out.getvalue()))
    assert escaped.url == "https://www.state.gov/x%1B[31mred%09b"
    assert bad_host.url is None and bad_host.data == STATE and control_host.url is None
    assert password.url == "https://www.state.gov/briefing-a"  # a password has no place in the archive
    assert mark.url == "https://www.state.gov/%E2%80%AEevil"


def test_a_warc_gzipped_whole_is_read_too():
    plain = other_tool_warc(gzip_records=False)
    assert [p.data for p in pages(entries(gzip.compress(plain)))] == [STATE, UN, MOFA]


def test_a_damaged_gzip_member_is_reported_and_the_next_records_are_read():
    data = other_tool_warc()
    offsets = member_offsets(data)
    damaged = bytearray(data)
    damaged[offsets[1] + 60] ^= 0xFF  # inside the State response
    found = entries(bytes(damaged))
    errors = [entry for entry in found if entry.error]
    assert len(errors) == 1 and errors[0].where == f"offset {offsets[1]}"
    assert "damaged WARC record" in errors[0].error and "\x1f" not in errors[0].error
    assert [p.data for p in pages(found)] == [UN, MOFA]


def test_a_broken_header_in_a_plain_warc_is_skipped_to_the_next_record():
    data = other_tool_warc(gzip_records=False)
    second = data.index(b"WARC/1.0", data.index(STATE))  # the request record after the State response
    damaged = data[:second] + b"XXXX/9.9" + data[second + 8:]
    found = entries(damaged)
    assert [p.data for p in pages(found)] == [STATE, UN, MOFA]
    assert [e.error for e in found if e.error] == ["damaged WARC record: no WARC record header where one should begin"]


def test_a_payload_that_fails_its_digest_is_a_failed_record():
    data = other_tool_warc(gzip_records=False)
    at = data.index(STATE[:300]) + 250
    tampered = data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:]  # same length, one letter changed
    found = entries(tampered)
    failed = [entry for entry in found if entry.error]
    assert len(failed) == 1 and "digest failed" in failed[0].error and failed[0].where.startswith("<urn:uuid:")
    assert [p.data for p in pages(found)] == [UN, MOFA]


def test_a_truncated_file_keeps_the_records_before_the_cut():
    data = other_tool_warc(gzip_records=False)
    cut = data[: data.index(MOFA[:200]) + 500]
    found = entries(cut)
    assert [p.data for p in pages(found)] == [STATE, UN]
    [error] = [entry.error for entry in found if entry.error]
    assert "cut short" in error


def test_a_file_that_is_not_a_warc_gives_one_error():
    found = entries(b"<html><body>just a page</body></html>" * 10)
    assert [(e.page, e.error) for e in found] == [
        (None, "damaged WARC record: no WARC record header where one should begin")]


def test_a_truncated_record_says_so():
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    record = response(writer, STATE_URL, STATE, [("Content-Type", "text/html")])
    record.rec_headers.add_header("WARC-Truncated", "length")
    writer.write_record(record)
    [entry] = entries(out.getvalue())
    assert entry.page is None and "truncated" in entry.error


# Writing ----------------------------------------------------------------------------------------------

def written(**snapshot) -> list:
    out = io.BytesIO()
    writer = open_writer(out, gzip_records=True, filename="x.warc.gz", software="briefarc/test")
    write_snapshot(writer, **snapshot)
    out.seek(0)
    records = []
    for record in ArchiveIterator(out, check_digests="raise"):
        records.append((record, record.content_stream().read()))
    return records


def test_a_fetched_page_becomes_a_request_and_a_response_with_its_headers():
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": "99",
               "Transfer-Encoding": "chunked", "ETag": '"abc"', "X-Evil": "a\r\nWARC-Type: resource"}
    info, (resp, body), (req, _) = written(data=STATE, uri=STATE_URL + "?a=1", date="2026-11-27T10:20:30+01:00",
                                           content_type="text/html; charset=utf-8", headers=headers)
    assert info[0].rec_type == "warcinfo" and b"briefarc/test" in info[1]
    assert (resp.rec_type, req.rec_type) == ("response", "request")
    assert resp.rec_headers.get_header("WARC-Date") == "2026-11-27T09:20:30Z"
    assert resp.rec_headers.get_header("WARC-Payload-Digest").startswith("sha1:")
    assert body == STATE
    http = dict(resp.http_headers.headers)
    assert http == {"Content-Type": "text/html; charset=utf-8", "ETag": '"abc"', "Content-Length": str(len(STATE))}
    assert req.http_headers.protocol == "GET" and "/briefings/" in req.http_headers.statusline
    assert "?a=1" in req.http_headers.statusline
    assert req.rec_headers.get_header("WARC-Concurrent-To") == resp.rec_headers.get_header("WARC-Record-ID")


def test_a_page_with_no_headers_is_a_200_response_with_a_content_type():
    _, (resp, body) = written(data=UN, uri=UN_URL, date=None, content_type=None, headers=None)
    assert resp.http_headers.get_statuscode() == "200"
    assert resp.http_headers.get_header("Content-Type") == "text/html" and body == UN


def test_a_page_without_a_web_address_is_a_resource_record():
    _, (resource, body) = written(data=MOFA, uri="urn:sha256:abc", date="2026-01-02T03:04:05Z", content_type=None,
                                  headers=None)
    assert resource.rec_type == "resource" and body == MOFA
    assert resource.rec_headers.get_header("Content-Type") == "text/html"
    assert resource.rec_headers.get_header("WARC-Target-URI") == "urn:sha256:abc"


# briefarc ingest --------------------------------------------------------------------------------------

def feeds_and_json_warc() -> bytes:
    """Another tool's crawl of feeds and JSON APIs: a full-text RSS feed, MEA and gov.uk JSON documents
    (one as a resource), and what the extractor does not read: other JSON, a sitemap."""
    from tests import fixture_sites as fx

    class Routes:
        def __init__(self):
            self.routes = {}

        def route(self, path, reply):
            self.routes[path] = reply

        def page(self, path, body):
            self.routes[path] = body

        def url(self, path):
            return "https://www.state.gov" + path

    state, mea, govuk = Routes(), Routes(), Routes()
    fx.state(state), fx.mea(mea), fx.govuk(govuk)
    feed = state.routes["/rss-feed/department-press-briefings/feed/"].body
    detail = next(r.body for path, r in mea.routes.items() if "Detail" in path)
    content = next(r.body for path, r in govuk.routes.items() if path.startswith("/api/content"))
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    json_type = [("Content-Type", "application/json; charset=utf-8")]
    for url, body, headers in (
        (FEED_URL, feed, [("Content-Type", "application/rss+xml; charset=UTF-8")]),
        (MEA_JSON_URL, detail, json_type),
        ("https://www.mea.gov.in/FrontEnd/FetchPublicationListingData?page=1", b'{"data": []}', json_type),
        ("https://www.state.gov/sitemap.xml", b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
         [("Content-Type", "application/xml")]),
    ):
        writer.write_record(response(writer, url, body, headers))
    writer.write_record(writer.create_warc_record(GOVUK_JSON_URL, "resource", payload=io.BytesIO(content),
                                                  length=len(content), warc_content_type="application/json"))
    return out.getvalue()


FEED_URL = "https://www.state.gov/rss-feed/department-press-briefings/feed/"
MEA_JSON_URL = "https://www.mea.gov.in/FrontEnd/FetchPublicationDetailData?pkid=39800&languageId=1"
GOVUK_JSON_URL = "https://www.gov.uk/api/content/government/news/fcdo-press-release-0"


def test_feeds_and_json_documents_of_another_tools_warc_become_pages():
    found = entries(feeds_and_json_warc())
    feed, mea, govuk = pages(found)
    assert (feed.url, feed.content_type, feed.item) == (FEED_URL, "application/rss+xml; charset=UTF-8", None)
    assert (mea.url, mea.content_type) == (MEA_JSON_URL, "application/json; charset=utf-8")
    assert (govuk.url, govuk.content_type) == (GOVUK_JSON_URL, "application/json")
    assert sorted(entry.skipped for entry in found if entry.skipped) == [
        "JSON that is not a known document (gov.uk, MEA)", "XML that is not a feed (application/xml)"]


def test_ingest_a_warc_of_feeds_and_json(cli, db_file, tmp_path):
    """Every full-text entry of the feed is a document, as `briefarc ingest feed.xml --url` makes them."""
    path = tmp_path / "apis.warc.gz"
    path.write_bytes(feeds_and_json_warc())
    result = cli("ingest", path, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    assert result.jsonl()[0] == {"added": 6, "updated": 0, "unchanged": 0, "skipped": 2, "failed": [],
                                 "warnings": []}
    urls = {record["url"] for record in cli("export", "--db", db_file).jsonl()}
    assert "https://www.state.gov/briefings/department-press-briefing-july-24-2025/" in urls
    assert FEED_URL not in urls and MEA_JSON_URL in urls
    with closing(sqlite3.connect(db_file)) as conn, conn:
        items = {row[0] for row in conn.execute("SELECT item FROM snapshots WHERE content_type LIKE '%rss%'")}
    assert "https://www.state.gov/briefings/department-press-briefing-july-24-2025/" in items


def count_documents(db_file) -> int:
    with closing(sqlite3.connect(db_file)) as conn, conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_ingest_a_warc_file(cli, db_file, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(other_tool_warc())
    result = cli("ingest", path, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    assert result.jsonl() == [{"added": 3, "updated": 0, "unchanged": 0, "skipped": 4, "failed": [], "warnings": []}]
    listed = cli("list", "--db", db_file, "--json").jsonl()
    assert {hit["url"] for hit in listed} >= {STATE_URL, UN_URL}
    origin = cli("show", str(listed[0]["id"]), "--db", db_file, "--json").jsonl()[0]["origin"]
    assert origin.startswith(str(path) + "#<urn:uuid:")


def test_ingest_keeps_the_archive_date_of_the_warc(cli, db_file, tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(other_tool_warc(gzip_records=False))
    assert cli("ingest", path, "--db", db_file).code == 0
    with closing(sqlite3.connect(db_file)) as conn, conn:
        stamps = {row[0] for row in conn.execute("SELECT archived_at FROM snapshots WHERE origin LIKE '%crawl%'")}
    assert stamps == {"2025-07-30T08:15:00Z"}


def test_folders_give_their_warc_files(cli, db_file, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.warc.gz").write_bytes(other_tool_warc())
    (folder / "notes.txt").write_text("not a page")
    (folder / "b.html").write_bytes((SAMPLES / "govuk-statement.html").read_bytes())
    result = cli("ingest", folder, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    assert result.jsonl()[0]["added"] == 4 and result.jsonl()[0]["skipped"] == 4


def test_a_warc_on_standard_input(cli, db_file):
    result = cli("ingest", "-", "--db", db_file, "--json", stdin=other_tool_warc())
    assert result.code == 0, result.stderr
    assert result.jsonl()[0]["added"] == 3


def test_a_damaged_record_is_reported_the_rest_stored_exit_3(cli, db_file, tmp_path):
    data = other_tool_warc()
    offsets = member_offsets(data)
    damaged = bytearray(data)
    damaged[offsets[1] + 60] ^= 0xFF
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(damaged))
    result = cli("ingest", path, "--db", db_file)
    assert result.code == 3
    assert "Added 2, updated 0, unchanged 0, failed 1." in result.stderr
    assert f"failed: {path}#offset {offsets[1]}: damaged WARC record" in result.stderr
    assert "Traceback" not in result.stderr
    assert count_documents(db_file) == 2


def test_url_makes_no_sense_for_a_warc(cli, db_file, tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(other_tool_warc())
    result = cli("ingest", path, "--url", STATE_URL, "--db", db_file)
    assert result.code == 2
    assert "--url does not apply to a WARC file" in result.stderr


def test_a_missing_warc_file(cli, db_file, tmp_path):
    result = cli("ingest", tmp_path / "gone.warc.gz", "--db", db_file)
    assert result.code == 1
    assert "gone.warc.gz: no such file" in result.stderr


def test_a_page_the_extractor_rejects_fails_alone(cli, db_file, tmp_path):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(response(writer, "https://x.example/image", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20,
                                 [("Content-Type", "text/html")]))  # a server that says HTML and sends an image
    writer.write_record(response(writer, STATE_URL, STATE, [("Content-Type", "text/html")]))
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(out.getvalue())
    result = cli("ingest", path, "--db", db_file, "--json")
    assert result.code == 3
    report = result.jsonl()[0]
    assert report["added"] == 1 and len(report["failed"]) == 1
    assert report["failed"][0]["input"].startswith(f"{path}#<urn:uuid:")
    assert "PNG" in report["failed"][0]["error"]


@pytest.mark.parametrize("gzip_records", [True, False])
def test_a_header_line_longer_than_many_buffers_is_read_whole(gzip_records):
    """warcio added each 16 KiB piece of a long line to the line so far (quadratic: a 30 MB header line took 20 s);
    the reader briefarc gives it keeps the pieces and joins them once. Read whole, its lines are warcio's; read
    with a length, a line is cut at that length (warcio took the line so far off the length at each piece, so it
    cut a 200,000-byte header after about 81,000 bytes)."""
    from warcio.bufferedreaders import DecompressingBufferedReader

    from briefarc.files.warclines import LineReader, warc_records

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    writer.write_record(response(writer, STATE_URL, STATE, [("Content-Type", "text/html"),
                                                            ("X-Note", "n" * 200_000)]))
    writer.write_record(response(writer, UN_URL, UN, [("Content-Type", "text/html")]))
    data = out.getvalue()
    assert isinstance(warc_records(io.BytesIO(data)).reader, LineReader)
    found = pages(entries(data))
    assert [page.url for page in found] == [STATE_URL, UN_URL] and found[0].data == STATE
    assert found[0].headers["X-Note"] == "n" * 200_000

    def lines(reader, length=None) -> list[bytes]:
        read = []
        while line := reader.readline(length):
            read.append(line)
        return read

    ours, theirs = (lines(kind(io.BytesIO(data), block_size=1024))
                    for kind in (LineReader, DecompressingBufferedReader))
    assert ours == theirs and any(len(line) > 200_000 for line in ours)
    for length in (5, 1000, 3000, 40_000):
        cut = lines(LineReader(io.BytesIO(data), block_size=1024), length)
        assert b"".join(cut) == b"".join(ours) and max(len(line) for line in cut) == length


@pytest.mark.parametrize("shortfall", [1, 2])
def test_a_gzip_member_ending_one_byte_into_a_read_is_followed_by_the_next(shortfall):
    """A file gzipped whole in two members, the first ending SCAN_CHUNK - 1 bytes in: the read that follows it held
    one byte of the next member's magic, taken for the end of the gzip data (two records lost, no error)."""
    from briefarc.files.warc import SCAN_CHUNK

    def plain(records) -> bytes:
        out = io.BytesIO()
        writer = WARCWriter(out, gzip=False)
        for url, body in records:
            writer.write_record(response(writer, url, body, [("Content-Type", "text/html")]))
        return out.getvalue()

    def member(data: bytes, total: int) -> bytes:  # a gzip member padded to `total` bytes with an extra field
        deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = deflate.compress(data) + deflate.flush()
        pad = total - (12 + len(packed) + 8)
        return (b"\x1f\x8b\x08\x04\0\0\0\0\0\xff" + pad.to_bytes(2, "little") + b"\0" * pad + packed
                + zlib.crc32(data).to_bytes(4, "little") + len(data).to_bytes(4, "little"))

    first = plain([(STATE_URL, STATE), (UN_URL, UN)])  # two records in one member: read as gzipped whole
    second = plain([(STATE_URL + "?b", STATE.replace(b"Press", b"Presse")), (UN_URL + "?b", UN)])
    data = member(first, SCAN_CHUNK - shortfall) + gzip.compress(second)
    found = entries(data)
    assert [entry.page.url for entry in found if entry.page] == [STATE_URL, UN_URL, STATE_URL + "?b", UN_URL + "?b"]
    assert not [entry.error for entry in found if entry.error]


def test_a_warc_with_no_page_record_says_so(cli, db_file, tmp_path):
    """A crawl's requests and metadata alone (or records of a type no one knows) gave 'Added 0, failed 0' and not
    a word of why (found by a reviewing helper)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "other-crawler/2.1"}))
    writer.write_record(writer.create_warc_record("metadata:crawl", "metadata", payload=io.BytesIO(b"via: x\r\n"),
                                                  length=8))
    (tmp_path / "crawl.warc.gz").write_bytes(out.getvalue())
    (tmp_path / "empty.warc").write_bytes(b"")
    result = cli("ingest", tmp_path / "crawl.warc.gz", tmp_path / "empty.warc", "--db", db_file, "--json")
    warnings = {Path(item["input"]).name: item["warning"] for item in result.jsonl()[0]["warnings"]}
    assert warnings == {
        "crawl.warc.gz": "no response or resource record (2 records of other types): nothing to archive",
        "empty.warc": "no response or resource record (no record at all): nothing to archive"}
    pages = tmp_path / "pages.warc.gz"
    pages.write_bytes(other_tool_warc())
    assert cli("ingest", pages, "--db", db_file, "--json").jsonl()[0]["warnings"] == []
