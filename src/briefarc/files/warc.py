"""WARC files with warcio: pages out of any WARC file, and records built from stored snapshots.

Reading takes `response` and `resource` records of HTML pages, feeds and the JSON documents the
extractor knows (gov.uk content items, MEA details) from files written by any tool, gzipped per
record, gzipped whole or plain (WARC only, not the older ARC format). A damaged record is reported
and reading resumes at the next record found after it; any other payload is counted as skipped, not
as a failure. A feed comes out as one page with no `item`, so that every full-text entry is read.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import IO, BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import WARCIterator
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParserException
from warcio.warcwriter import WARCWriter

from briefarc.errors import InputError
from briefarc.extract.feed import is_feed
from briefarc.extract.jsonapi import read_document
from briefarc.files.inputs import WARC_MAGIC, too_large
from briefarc.files.warccut import CUT_SHORT_PLAIN, ends_inside
from briefarc.files.warclines import warc_records
from briefarc.limits import MAX_PAGE_BYTES
from briefarc.models import RawPage
from briefarc.net.mediatypes import FEED_TYPES, JSON_TYPES
from briefarc.urls import claimed_address, is_web_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
DOCUMENT_TYPES = HTML_TYPES + FEED_TYPES + JSON_TYPES
GZIP_MAGIC = b"\x1f\x8b\x08"
SCAN_CHUNK = 1 << 16
# Headers that describe the transfer, not the stored bytes (which are decoded and whole).
TRANSFER_HEADERS = {"content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive"}


@dataclass
class WarcEntry:
    """One record's outcome: a page to store, or why there is none."""

    where: str  # the WARC-Record-ID, or "offset N" when the record could not be read
    page: RawPage | None = None
    skipped: str | None = None
    error: str | None = None


# Reading ----------------------------------------------------------------------------------------

def read_warc(source: str | BinaryIO, label: str, limit: int = MAX_PAGE_BYTES) -> Iterator[WarcEntry]:
    """The pages of a WARC file (a path or a seekable binary stream), record by record; a page larger than
    `limit` is an error of its record."""
    if isinstance(source, str):
        try:
            handle: BinaryIO = open(source, "rb")  # noqa: SIM115 (closed below, across the generator)
        except FileNotFoundError as exc:
            raise InputError("no such file") from exc
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}") from exc
    else:
        handle = source
    try:
        yield from _read_all(handle, label, limit)
    finally:
        if isinstance(source, str):
            handle.close()


def _read_all(handle: BinaryIO, label: str, limit: int) -> Iterator[WarcEntry]:
    """Pass after pass of warcio's iterator, each one starting further into the file than the last:
    a damaged record is reported and reading resumes at the next record start found after it."""
    gzipped = handle.read(2) == GZIP_MAGIC[:2]
    offset: int | None = 0
    quiet = False  # after damage, stay quiet while looking for the next readable record
    while offset is not None:
        handle.seek(offset)
        state = _Pass(start=offset, floor=offset)
        records = warc_records(handle)
        yield from _told_if_cut(_read_pass(records, label, state, limit), handle, state, gzipped)
        if state.error is None:
            if _left_unread(handle, records.offset):  # warcio ends quietly in a gzip member cut short
                cut = gzipped or ends_inside(handle, records.offset)  # or a plain record's Content-Length, cut
                yield WarcEntry(where=f"offset {records.offset}", error=CUT_SHORT if gzipped else CUT_SHORT_PLAIN
                                if cut else "damaged WARC data: bytes after the last record that are no record")
            return
        if state.whole_gzip:
            yield from _read_whole_gzip(handle, label, state.seen, limit)
            return
        if (state.seen or not quiet) and not state.reported:
            cut = ends_inside(handle, state.failed_at, gzipped)  # warcio: "'NoneType' object has no attribute ..."
            yield WarcEntry(where=f"offset {state.failed_at}", error=(CUT_SHORT if gzipped else CUT_SHORT_PLAIN)
                            if cut else f"damaged WARC record: {state.error}")
        quiet = True
        # the next pass starts past this one's start and past the damage, whatever warcio reported
        offset = _next_record_start(handle, state.failed_at + 1, gzipped)


def _told_if_cut(entries: Iterator[WarcEntry], handle: BinaryIO, state: _Pass, gzipped: bool) -> Iterator[WarcEntry]:
    """The entries of a pass, the last record said to be cut short when the file ends inside it (or its member). Its
    error was another ("the record's Content-Length is not a length (None)"), or it had none: cut in its headers,
    warcio gives it as a record of type "respons" (or none), cut in its HTTP headers it was skipped for them. An
    entry with no page or error waits for the next, to be told which."""
    cut = cache(lambda start: ends_inside(handle, start, gzipped))  # a file gzipped whole: one member, read once
    message = CUT_SHORT if gzipped else CUT_SHORT_PLAIN
    held: WarcEntry | None = None
    for entry in entries:
        if held is not None:
            yield held
            held = None
        if entry.page is not None:
            yield entry
        elif entry.error is None:
            held = entry
        else:
            yield WarcEntry(entry.where, error=message) if cut(state.last_start) else entry
    if held is not None:
        yield WarcEntry(held.where, error=message) if cut(state.last_start) else held


def _read_whole_gzip(handle: BinaryIO, label: str, seen: int, limit: int) -> Iterator[WarcEntry]:
    """A file gzipped whole: read again through one gzip stream, past the records already read."""
    handle.seek(0)
    rest = _Pass(skip=seen)
    gunzipped = _Gunzipped(handle)
    yield from _read_pass(warc_records(io.BufferedReader(gunzipped, SCAN_CHUNK)), label, rest,
                          limit)
    if rest.error and not rest.reported:  # no resuming inside one gzip stream
        yield WarcEntry(where=f"offset {rest.failed_at}", error=f"damaged WARC data: {rest.error}")
    elif gunzipped.cut and not rest.reported:
        yield WarcEntry(where=f"record {rest.seen + 1}", error=CUT_SHORT)


CUT_SHORT = "damaged WARC data: the file is cut short (its gzip data ends early); a record may be lost"
def _left_unread(handle: BinaryIO, offset: int) -> bool:
    """Whether bytes other than blank lines follow where warcio stopped reading records."""
    handle.seek(offset)
    while chunk := handle.read(SCAN_CHUNK):
        if chunk.strip(b"\r\n\t \0"):
            return True
    return False


class _Gunzipped(io.RawIOBase):
    """The decompressed bytes of gzip data (of one member or several), as far as the data goes. gzip.GzipFile raised
    EOFError at its first read of a file cut short, which warcio took for the end of the file: not one record was
    read, and nothing said so. `cut` tells whether the data ended inside a member."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.pending = b""  # compressed bytes not yet given to the inflater
        self.cut = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while True:
            if self.inflater.eof:  # the next member, if any
                self.pending = self.inflater.unused_data + self.pending
                while len(self.pending) < len(GZIP_MAGIC) and (more := self.handle.read(SCAN_CHUNK)):
                    self.pending += more  # a read may end inside the next member's magic bytes
                if not self.pending:
                    return 0
                if self.pending[:2] != GZIP_MAGIC[:2]:
                    return 0  # what follows the last member is no gzip data
                self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = self.inflater.unconsumed_tail or self.pending or self.handle.read(SCAN_CHUNK)
            self.pending = b""
            if not data:
                self.cut = True
                return 0
            out = self.inflater.decompress(data, len(buffer))
            if out:
                buffer[:len(out)] = out
                return len(out)


@dataclass
class _Pass:
    """One run of warcio's iterator: it stops for good at the first damaged record."""

    start: int = 0  # where in the file the pass began
    floor: int = 0  # where the next record can begin at the earliest: past the start of the last one read
    skip: int = 0  # records already read by an earlier pass
    seen: int = 0
    error: str | None = None
    failed_at: int = 0
    whole_gzip: bool = False
    reported: bool = False  # the damage that ended the pass was that of a record, already reported
    last_start: int = 0  # where the last record read begins


def _read_pass(records: WARCIterator, label: str, state: _Pass, limit: int) -> Iterator[WarcEntry]:
    while True:
        try:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio prints raw file bytes there
                record = next(records, None)
        except Exception as exc:  # whatever warcio raises on damage ends this pass only
            state.whole_gzip = "non-chunked gzip" in str(exc)
            state.error = _first_line(exc)
            # warcio's offset is off after a gzip member that holds more than one record: never go back
            state.failed_at = max(records.offset, state.floor)
            return
        if record is None:
            return
        state.seen += 1
        state.last_start = records.offset
        state.floor = max(state.floor, records.offset + 1)
        if state.seen > state.skip:
            entry = _entry(record, label, records.offset, limit)
            yield entry
            if entry.error and getattr(record.raw_stream, "limit", 0) > 0:
                # its data broke off inside the record (a corrupt gzip member): warcio would end the file
                # there, so this pass ends, already reported, and the next begins at the next record start
                state.error, state.reported, state.failed_at = entry.error, True, state.floor
                return


def _next_record_start(handle: BinaryIO, position: int, gzipped: bool) -> int | None:
    """Where the next record seems to begin: a gzip member, or a WARC version line."""
    needle = GZIP_MAGIC if gzipped else b"\n" + WARC_MAGIC
    handle.seek(position)
    carry = b""
    base = position
    while chunk := handle.read(SCAN_CHUNK):
        found = (carry + chunk).find(needle)
        if found >= 0:
            return base - len(carry) + found + (0 if gzipped else 1)
        carry = chunk[-len(needle):]
        base += len(chunk)
    return None


def _entry(record, label: str, offset: int, limit: int) -> WarcEntry:
    headers = record.rec_headers
    where = headers.get_header("WARC-Record-ID") or f"offset {offset}"
    if record.rec_type not in ("response", "resource"):
        return WarcEntry(where=where)
    length = headers.get_header("Content-Length")
    if not (length or "").strip().isdigit():
        return WarcEntry(where=where, error=f"the record's Content-Length is not a length ({length!r:.40})")
    content_type, reason = _page_type(record)
    if reason:
        return WarcEntry(where=where, skipped=reason)
    truncated = headers.get_header("WARC-Truncated")
    if truncated:
        return WarcEntry(where=where, error=f"the record is truncated ({truncated}): not the whole page")
    try:
        data = _payload(record, limit)
    except InputError as exc:
        return WarcEntry(where=where, error=str(exc))
    url = claimed_address(headers.get_header("WARC-Target-URI"))
    reason = _not_a_document(data, content_type, url)
    if reason:
        return WarcEntry(where=where, skipped=reason)
    page = RawPage(
        data=data, origin=f"{label}#{where}", url=url, content_type=content_type,
        headers=_header_dict(record.http_headers), item=None if is_feed(data) else where,
        fetched_at=_archive_date(headers), url_claimed=True,
    )
    return WarcEntry(where=where, page=page)


def _payload(record, limit: int) -> bytes:
    """The page's bytes, de-chunked and decoded, after checking the record's digests. One larger than `limit`
    is measured, not kept."""
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # warcio reports gzip errors there
            stream = record.content_stream()
            data = stream.read(limit + 1)
            size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(SCAN_CHUNK), b"")) \
                if len(data) > limit else len(data)
            while record.raw_stream.read(SCAN_CHUNK):  # to the end, so that the digests are checked
                pass
    except Exception as exc:  # a payload warcio cannot read fails its record only
        raise InputError(f"cannot read the payload: {_first_line(exc)}") from exc
    if size > limit:
        raise too_large(size, limit)
    if getattr(record.raw_stream, "limit", 0) > 0:  # warcio checks digests only at the record's end
        raise InputError("the record ends before its Content-Length: the file is cut short")
    if record.digest_checker.problems:
        raise InputError(f"damaged record: {record.digest_checker.problems[0]}")
    return data


def _page_type(record) -> tuple[str | None, str | None]:
    """The page's Content-Type, or the reason the record holds no page, feed or JSON document."""
    if record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
        return (content_type, None) if _is_document_type(content_type) else (None, _what(content_type))
    http = record.http_headers
    if http is None:
        return None, "no HTTP response in the record"
    status = http.get_statuscode()
    if not (status or "").startswith("2"):
        return None, f"HTTP status {status or 'missing'}"
    content_type = http.get_header("Content-Type")
    if content_type is None or _is_document_type(content_type):
        return content_type, None
    return None, _what(content_type)


def _is_document_type(content_type: str | None) -> bool:
    media = _media_type(content_type)
    return media in DOCUMENT_TYPES or media.endswith(("+json", "+xml"))


def _not_a_document(data: bytes, content_type: str | None, url: str | None) -> str | None:
    """Why a JSON or XML payload is not one the extractor reads (None when it is, or is not JSON or XML)."""
    media = _media_type(content_type)
    if media in HTML_TYPES or not media:
        return None
    if "json" in media:
        return None if read_document(data, url) else "JSON that is not a known document (gov.uk, MEA)"
    return None if is_feed(data) else f"XML that is not a feed ({media})"


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


def _what(content_type: str | None) -> str:
    return f"not a page, feed or JSON document ({_media_type(content_type) or 'no content type'})"


def _header_dict(http: StatusAndHeaders | None) -> dict[str, str] | None:
    if not http or not http.headers:
        return None
    out: dict[str, str] = {}
    for name, value in http.headers:
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def _archive_date(headers: StatusAndHeaders) -> str | None:
    return _utc(headers.get_header("WARC-Date"))


def _utc(stamp: str | None) -> str | None:
    """An ISO 8601 moment as UTC to the second with a Z, or None when it is not one."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)  # a moment at the calendar's edge, in UTC, may fall off it
    except (ValueError, OverflowError):  # "0001-01-01T00:00:00+01:00" stopped the whole ingest
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _first_line(exc: BaseException) -> str:
    """A short reason, without echoing the file's bytes."""
    text = " ".join(str(exc).split())
    if "first line" in text or isinstance(exc, StatusAndHeadersParserException):
        return "no WARC record header where one should begin"
    if isinstance(exc, zlib.error):
        return f"broken gzip data ({text})"
    if isinstance(exc, (AttributeError, TypeError, KeyError, IndexError)):  # warcio's own code, tripped by the bytes
        return "its headers could not be read"
    return text[:120] or type(exc).__name__


# Writing ----------------------------------------------------------------------------------------

def open_writer(out: IO[bytes], *, gzip_records: bool, filename: str, software: str) -> WARCWriter:
    """A writer with its warcinfo record already written."""
    writer = WARCWriter(out, gzip=gzip_records, warc_version="1.0")
    info = {"software": software, "format": "WARC File Format 1.0",
            "description": "Raw pages exported from a briefarc archive"}
    writer.write_record(writer.create_warcinfo_record(filename, info))
    return writer


def write_snapshot(writer: WARCWriter, data: bytes, uri: str, *, date: str | None, content_type: str | None,
                   headers: dict | None) -> None:
    """A response record (with a request record when the page was fetched), or a resource record
    when the page has no web address: an HTTP message under a urn: URI is not readable as one."""
    content_type = content_type or _get(headers, "content-type") or "text/html"
    if any(char in content_type for char in "\r\n"):
        content_type = "text/html"
    warc_headers = {"WARC-Date": warc_date(date)}
    if not is_web_url(uri):
        record = writer.create_warc_record(uri, "resource", payload=io.BytesIO(data), length=len(data),
                                           warc_content_type=content_type, warc_headers_dict=warc_headers)
        writer.write_record(record)
        return
    http = StatusAndHeaders("200 OK", response_headers(headers, content_type, len(data)), protocol="HTTP/1.1")
    response = writer.create_warc_record(uri, "response", payload=io.BytesIO(data), length=len(data),
                                         http_headers=http, warc_headers_dict=warc_headers)
    if not headers:
        writer.write_record(response)
        return
    parts = urlsplit(uri)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request_line = StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc)], is_http_request=True)
    request = writer.create_warc_record(uri, "request", http_headers=request_line, warc_headers_dict=warc_headers)
    writer.write_request_response_pair(request, response)


def _get(headers: dict | None, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if str(key).lower() == name:
            return str(value)
    return None


def response_headers(stored: dict | None, content_type: str, length: int) -> list[tuple[str, str]]:
    """The stored headers that still describe the stored bytes, with Content-Type and Content-Length."""
    kept = []
    for name, value in (stored or {}).items():
        name, value = str(name), str(value)
        if name.lower() in TRANSFER_HEADERS or name.lower() == "content-type":
            continue
        if any(char in name + value for char in "\r\n") or not name.strip():
            continue
        kept.append((name, value))
    return [("Content-Type", content_type), *kept, ("Content-Length", str(length))]


def warc_date(stamp: str | None) -> str:
    """An archive date as WARC-Date wants it: UTC, to the second, with a Z (now, when there is none)."""
    return _utc(stamp) or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
