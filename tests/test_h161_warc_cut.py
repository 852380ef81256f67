"""A plain (not gzipped) WARC file cut short says so, as a gzipped one does, wherever the cut falls in its last
record: its payload, its HTTP headers, its WARC headers. Cut in a header name, it said "damaged WARC record:
'NoneType' object has no attribute 'startswith'"; after a header's colon, "the record's Content-Length is not a
length (None)"; in its HTTP headers or after "WARC-Type: respons", nothing at all (the record was skipped)."""

from __future__ import annotations

import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = 3


def page(number: int) -> bytes:
    paragraphs = "".join(f"<p>The spokesperson answered question {line} on the talks: the delegations met again and "
                         "agreed to meet next month.</p>" for line in range(8))
    return (f"<html><head><title>Briefing {number}</title></head><body><article><h1>Briefing {number}</h1>"
            f"{paragraphs}</article></body></html>").encode()


def warc(gzipped: bool, request_last: bool = False) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for number in range(PAGES):
        body = page(number)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                           ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.org/briefing/{number}", "response",
                                                      payload=io.BytesIO(body), http_headers=http))
    if request_last:  # as crawlers write a request after each response: a small last record
        http = StatusAndHeaders("GET /briefing/2 HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://example.org/briefing/2", "request",
                                                      payload=io.BytesIO(b""), http_headers=http))
    return out.getvalue()


def ingested(cli, tmp_path, data: bytes, name: str) -> dict:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("ingest", path, "--db", tmp_path / "a.db", "--json")
    assert "Traceback" not in result.stderr
    return {"code": result.code, **result.jsonl()[0]}


# Where the cut falls, after the last "WARC/1.0" of the file: the text the file then ends with.
CUTS = ["WARC/1.", "WARC-Type: respons", "WARC-Targ", "WARC-Target-URI:", "Content-Length: 1", "HTTP/1",
        "Content-Type: text/ht", "<p>The spokesperson answered question 3"]


@pytest.mark.parametrize("end", CUTS)
def test_a_plain_warc_cut_in_its_last_record_says_it_is_cut_short(cli, tmp_path, end):
    data = warc(gzipped=False)
    last = data.rindex(b"WARC/1.0")
    summary = ingested(cli, tmp_path, data[:data.index(end.encode(), last) + len(end)], "cut.warc")
    assert summary["code"] == 3 and summary["added"] == PAGES - 1 and summary["skipped"] == 0, summary
    [failed] = summary["failed"]
    assert "the file is cut short" in failed["error"] and "gzip" not in failed["error"], failed


@pytest.mark.parametrize("request_last", [False, True], ids=["response last", "request last"])
def test_the_last_200_bytes_cut_off_read_as_the_gzipped_file_does(cli, tmp_path, request_last):
    plain = ingested(cli, tmp_path, warc(False, request_last)[:-200], "cut.warc")
    packed = ingested(cli, tmp_path, warc(True, request_last)[:-200], "cut.warc.gz")
    for summary in (plain, packed):
        assert summary["code"] == 3 and len(summary["failed"]) == 1, summary
        assert "the file is cut short" in summary["failed"][0]["error"]
    assert plain["added"] == PAGES - (0 if request_last else 1)


def test_a_whole_plain_warc_and_one_cut_between_records_read_without_error(cli, tmp_path):
    data = warc(gzipped=False)
    assert ingested(cli, tmp_path, data, "whole.warc")["failed"] == []
    between = ingested(cli, tmp_path, data[:data.rindex(b"WARC/1.0")], "two.warc")
    assert between["failed"] == [] and between["code"] == 0 and between["unchanged"] == PAGES - 1


def test_headers_with_no_end_are_damage_not_a_cut_and_the_scan_stops():
    """A record whose headers run on for megabytes without the blank line that ends them was searched from its
    start again after each 64 KB read (16 MB took 18 s): the scan now stops past MAX_HEAD and calls it damage."""
    from briefarc.files.warccut import MAX_HEAD, SCAN_CHUNK, ends_inside

    endless = io.BytesIO(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"a" * (MAX_HEAD + 3 * SCAN_CHUNK))
    assert not ends_inside(endless, 0)  # damaged, not cut short: the file goes on past the scan
    assert ends_inside(io.BytesIO(b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"a" * 3 * SCAN_CHUNK), 0)


@pytest.mark.parametrize("split", [-3, -2, -1, 0, 1])
def test_a_blank_line_split_between_two_reads_still_ends_the_headers(split):
    from briefarc.files.warccut import SCAN_CHUNK, ends_inside

    start = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10\r\nX-Pad: "
    pad = b"p" * (SCAN_CHUNK + split - len(start) - 2)  # the blank line straddles the first read's end
    record = start + pad + b"\r\n\r\n"
    assert not ends_inside(io.BytesIO(record + b"0123456789\r\n\r\n"), 0)  # whole
    assert ends_inside(io.BytesIO(record + b"01234"), 0)  # cut in its payload


def test_a_record_whose_headers_never_end_is_reported_damaged_in_plain_words(cli, tmp_path):
    data = warc(gzipped=False) + b"WARC/1.0\r\nWARC-Type: response\r\nX-Junk: " + b"a" * (2 << 20)
    summary = ingested(cli, tmp_path, data, "junk.warc")
    assert summary["code"] == 3 and summary["added"] == PAGES, summary
    [failed] = summary["failed"]
    assert failed["error"] == "damaged WARC record: its headers could not be read", failed  # not "'NoneType' ..."
