"""The stored raw pages as a WARC file that other web-archive tools can read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlsplit, urlunsplit

from briefarc import __version__
from briefarc.export.files import output_file
from briefarc.extract.feed import is_feed, parse_feed
from briefarc.extract.jsonapi import looks_like_json
from briefarc.store.blobs import BlobError, get_blob
from briefarc.store.search import Filters
from briefarc.store.stream import iter_snapshots
from briefarc.urls import is_web_url

if TYPE_CHECKING:
    import sqlite_utils
    from warcio.warcwriter import WARCWriter

    from briefarc.export import ExportReport

# Not allowed in a URI (RFC 3986): controls, space, and every non-ASCII character (escaped as UTF-8).
UNSAFE_IN_URI = re.compile(r"[^\x21-\x7e]")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "rdf": "application/rdf+xml"}


def export_warc(db: sqlite_utils.Database, filters: Filters | None, path: Path, report: ExportReport,
                *, all_versions: bool = False) -> None:
    """A warcinfo record, then a response (or resource) record for each snapshot, oldest first.

    Records are gzipped one by one unless the file name ends in .warc. A snapshot whose bytes are
    missing or do not match their sha256 is reported and left out: a WARC must not launder damage.
    A document taken from a feed entry is written as the feed it came from, once for the entries
    read from the same copy of it.
    """
    from briefarc.files.warc import open_writer

    gzip_records = not path.name.lower().endswith(".warc")
    software = f"briefarc/{__version__} (warcio/{_version('warcio')})"
    with output_file(path, binary=True) as handle:
        writer = open_writer(handle, gzip_records=gzip_records, filename=path.name, software=software)
        run = _Run(db, writer, report)
        if all_versions:
            for snapshot in iter_snapshots(db, filters, all_versions=True):
                run.write(snapshot)
        else:
            run.write_current(filters)
    report.documents = len(run.documents)


@dataclass
class _Run:
    """One export: the writer, what it has written, and the feed copy last written for each feed."""

    db: sqlite_utils.Database
    writer: WARCWriter
    report: ExportReport
    documents: set[int] = field(default_factory=set)
    last_feed: dict[str, str] = field(default_factory=dict)  # feed URI: sha256 of the copy last written

    def write_current(self, filters: Filters | None) -> None:
        """The feeds first, in the order they were archived, then the other pages: importing a feed
        gives all its entries, and the page of an entry fetched since must come after it."""
        feeds = [row for row in iter_snapshots(self.db, filters) if self.holds_feed(row)]
        for snapshot in sorted(feeds, key=lambda row: row["snapshot_id"]):
            self.write(snapshot)
        written = {row["snapshot_id"] for row in feeds}
        for snapshot in iter_snapshots(self.db, filters):
            if snapshot["snapshot_id"] not in written:
                self.write(snapshot)

    def holds_feed(self, snapshot: dict) -> bool:
        """Whether the bytes are a feed; a page declared HTML or JSON is not read to find out."""
        media = (content_type_of(snapshot) or "").split(";")[0].strip().lower()
        if media in HTML_TYPES or "json" in media:
            return False
        data, _ = _raw_bytes(self.db, snapshot["sha256"])  # a damaged one is reported when written
        return data is not None and is_feed(data)

    def write(self, snapshot: dict) -> None:
        from briefarc.files.warc import write_snapshot

        data, problem = _raw_bytes(self.db, snapshot["sha256"])
        if data is None:
            self.report.failed.append((f"document {snapshot['document_id']}, snapshot {snapshot['snapshot_id']}",
                                       str(problem)))
            return
        self.documents.add(snapshot["document_id"])
        feed = is_feed(data)
        uri = feed_uri(snapshot) if feed else target_uri(snapshot)
        if feed and self.last_feed.get(uri) == snapshot["sha256"]:
            return  # another entry of the copy just written
        if feed:
            self.last_feed[uri] = snapshot["sha256"]
        write_snapshot(self.writer, data, uri, date=snapshot["archived_at"],
                       content_type=content_type_of(snapshot, data), headers=snapshot["headers"])
        self.report.written += 1


def feed_uri(snapshot: dict) -> str:
    """The address the feed was fetched from (the snapshot's origin); else the URN of its bytes.

    Not the entry's own address: the bytes are the feed's, and a WARC that said the article's
    address answered with the whole feed would be a false capture.
    """
    origin = snapshot.get("origin")
    if origin and is_web_url(origin):
        return _escaped(origin)
    return f"urn:sha256:{snapshot['sha256']}"


def content_type_of(snapshot: dict, data: bytes | None = None) -> str | None:
    """The stored Content-Type; else, for bytes read from a file, the type of a feed or JSON document."""
    stored = snapshot.get("content_type") or _header(snapshot.get("headers"), "content-type")
    if stored or data is None:
        return stored
    if is_feed(data):
        return FEED_TYPES.get(parse_feed(data).kind, "application/xml")
    if looks_like_json(data, None):
        return "application/json"
    return None


def _header(headers: dict | None, name: str) -> str | None:
    for key, value in (headers or {}).items():
        if str(key).lower() == name:
            return str(value)
    return None


def target_uri(snapshot: dict) -> str:
    """The address the page was archived from; else the URN of its bytes.

    Not the canonical URL of a page read from a file: that would claim a capture address briefarc
    never saw, and an import would then give the document a URL it did not have. The canonical
    link is in the page itself. Spaces and control characters are escaped: a line break in a header
    would break the record.
    """
    url = snapshot.get("url")
    if url and is_web_url(url):
        return _escaped(url)
    return f"urn:sha256:{snapshot['sha256']}"


def _escaped(url: str) -> str:
    """The URL as a URI: a non-ASCII host in its IDNA form, other unsafe characters percent-encoded."""
    url = url.strip()
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            ascii_host = quote(host, safe="")
        url = urlunsplit(parts._replace(netloc=parts.netloc.replace(host, ascii_host)))
    return UNSAFE_IN_URI.sub(lambda m: quote(m.group(0), safe=""), url)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"


def _raw_bytes(db: sqlite_utils.Database, digest: str) -> tuple[bytes | None, str | None]:
    """The snapshot's bytes, or why there are none."""
    try:
        data = get_blob(db.conn, digest)
    except BlobError as exc:
        return None, f"its {str(exc).removeprefix('the ')}: run `briefarc verify`"
    if data is None:
        return None, "its raw bytes are missing: run `briefarc verify`"
    return data, None
