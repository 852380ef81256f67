"""The stored raw pages as a WARC file that other web-archive tools can read."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from briefarc import __version__
from briefarc.export.files import output_file
from briefarc.store.blobs import BlobError, get_blob
from briefarc.store.search import Filters
from briefarc.store.stream import iter_snapshots
from briefarc.urls import is_web_url

if TYPE_CHECKING:
    import sqlite_utils

UNSAFE_IN_URI = re.compile(r"[\x00-\x20\x7f]")


def export_warc(db: sqlite_utils.Database, filters: Filters | None, path: Path, report,
                *, all_versions: bool = False) -> None:
    """A warcinfo record, then a response (or resource) record for each snapshot, oldest first.

    Records are gzipped one by one unless the file name ends in .warc. A snapshot whose bytes are
    missing or do not match their sha256 is reported and left out: a WARC must not launder damage.
    """
    from briefarc.warc import open_writer, write_snapshot

    gzip_records = not path.name.lower().endswith(".warc")
    software = f"briefarc/{__version__} (warcio/{_version('warcio')})"
    documents: set[int] = set()
    with output_file(path, binary=True) as handle:
        writer = open_writer(handle, gzip_records=gzip_records, filename=path.name, software=software)
        for snapshot in iter_snapshots(db, filters, all_versions=all_versions):
            where = f"document {snapshot['document_id']}, snapshot {snapshot['snapshot_id']}"
            data, problem = _raw_bytes(db, snapshot["sha256"])
            if problem:
                report.failed.append((where, problem))
                continue
            write_snapshot(writer, data, target_uri(snapshot), date=snapshot["archived_at"],
                           content_type=snapshot["content_type"], headers=snapshot["headers"])
            documents.add(snapshot["document_id"])
            report.written += 1
    report.documents = len(documents)


def target_uri(snapshot: dict) -> str:
    """The address the page was archived from; else the URN of its bytes.

    Not the canonical URL of a page read from a file: that would claim a capture address briefarc
    never saw, and an import would then give the document a URL it did not have. The canonical
    link is in the page itself. Spaces and control characters are escaped: a line break in a header
    would break the record.
    """
    url = snapshot.get("url")
    if is_web_url(url):
        return UNSAFE_IN_URI.sub(lambda m: quote(m.group(0)), url.strip())
    return f"urn:sha256:{snapshot['sha256']}"


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
