"""Raw bytes, compressed and addressed by their sha256."""

from __future__ import annotations

import zlib
from dataclasses import replace
from typing import TYPE_CHECKING

from briefarc.errors import DatabaseError
from briefarc.models import RawPage

if TYPE_CHECKING:
    import sqlite3

COMPRESSION = "zlib"
LEVEL = 1  # fast: archiving speed matters more than the last 15% of space


def compress(data: bytes) -> bytes:
    """`data` in the zlib format, as the blobs table keeps it (any zlib reads it back), by ISA-L's deflate:
    about a third of zlib's CPU at level 1 and a little smaller (other bytes than zlib's, the same once
    decompressed). Imported here: start-up never pays for it."""
    from isal import isal_zlib

    return isal_zlib.compress(data, LEVEL)


def sha256(data: bytes) -> str:
    import hashlib  # here: commands that only read never hash, and loading OpenSSL is slow

    return hashlib.sha256(data).hexdigest()


def put_blob(conn: sqlite3.Connection, data: bytes, digest: str | None = None, packed: bytes | None = None,
             size: int | None = None) -> str:
    """Store `data` once (`packed`: already compressed; `size`: the length of the bytes when `data` was left
    behind, see travelling); return its sha256."""
    digest = digest or sha256(data)
    exists = conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if not exists:
        conn.execute(
            "INSERT INTO blobs (sha256, size, compression, data) VALUES (?, ?, ?, ?)",
            (digest, len(data) if size is None else size, COMPRESSION,
             packed if packed is not None else compress(data)),
        )
    return digest


def mend_blob(conn: sqlite3.Connection, page: RawPage, digest: str) -> bool:
    """Store a page's bytes again when a snapshot keeps them under `digest` and the blob there is missing or no
    longer gives them back (`briefarc verify` reports it, and ingesting or fetching the page again mends it); a
    page that brought nothing new is not saved, so its bytes were never written again. True when mended."""
    row = conn.execute("SELECT size, compression, CAST(data AS BLOB) FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if row is None:
        if conn.execute("SELECT 1 FROM snapshots WHERE sha256 = ? LIMIT 1", (digest,)).fetchone() is None:
            return False  # bytes no snapshot keeps: nothing to mend
    else:
        try:
            decode_blob(digest, row[1], row[2], row[0])
            return False
        except BlobError:
            pass
    if page.packed is None and not page.data:
        return False
    if row is None:
        put_blob(conn, page.data, digest, page.packed, page.size)
        return True
    conn.execute("UPDATE blobs SET size = ?, compression = ?, data = ? WHERE sha256 = ?",
                 (len(page.data) if page.size is None else page.size, COMPRESSION,
                  page.packed if page.packed is not None else compress(page.data), digest))
    return True


def travelling(page: RawPage) -> RawPage:
    """`page` as it is sent to a writer process: without its bytes when their stored form is known already
    (`packed`, a gzipped file's own deflate stream), with their sha256 and size in their place. The writer needs
    nothing else of them, and they were half of what crossed the pipe for fmprc-bulk (8.8 of 16 MB, pickled,
    written, read and unpickled): sending and receiving its pages took 0.057 s of CPU instead of 0.070 s."""
    if page.packed is None or page.size is not None:
        return page
    return replace(page, data=b"", size=len(page.data), sha256=page.sha256 or sha256(page.data))


def pack(page: RawPage, like: RawPage | None = None) -> RawPage:
    """`page` with its sha256 and compressed bytes worked out (taken from `like`, a page of the same bytes)."""
    if like is None:
        return replace(page, sha256=sha256(page.data), packed=compress(page.data))
    return replace(page, sha256=like.sha256, packed=like.packed)


def from_gzip(member: bytes, data: bytes) -> bytes | None:
    """`data` in the blobs' zlib format, taken from `member`, a gzip file of one member that was read as
    `data` (and checked: CRC and length) without compressing it again: the same deflate stream, with a
    zlib header and the Adler-32 of `data` instead of the gzip ones. None when its header cannot be read.
    """
    flags = member[3] if len(member) > 10 and member[2] == 8 else 0xE0  # method 8: deflate; 0xE0: reserved bits
    if flags & 0xE0:
        return None
    start = 10
    try:
        if flags & 4:  # FEXTRA
            start += 2 + int.from_bytes(member[start:start + 2], "little")
        for flag in (8, 16):  # FNAME, FCOMMENT: zero-terminated
            if flags & flag:
                start = member.index(b"\0", start) + 1
    except ValueError:
        return None
    start += 2 if flags & 2 else 0  # FHCRC
    if len(member) < start + 8:
        return None
    from isal import isal_zlib  # its Adler-32: the same sum in a fifth of zlib's CPU

    return b"\x78\x9c" + member[start:-8] + isal_zlib.adler32(data).to_bytes(4, "big")


class BlobError(DatabaseError):
    """Stored bytes that are not what was stored: empty, not decompressible, or of another sha256."""


def decode_blob(digest: str, compression: str, data: bytes | None, size: int | None = None) -> bytes:
    """The original bytes of a blob row, checked against its sha256 (and size); BlobError says what is wrong."""
    if data is None:
        raise BlobError("the raw bytes are empty (NULL)")
    try:
        raw = zlib.decompress(data) if compression == COMPRESSION else bytes(data)
    except zlib.error as exc:
        raise BlobError(f"the raw bytes cannot be decompressed ({exc})") from None
    actual = sha256(raw)
    if actual != digest:
        raise BlobError(f"the raw bytes do not match their sha256 {digest[:16]}…: they hash to {actual[:16]}…")
    if size is not None and len(raw) != size:
        raise BlobError(f"the raw bytes are {len(raw)} bytes long, not {size} as recorded")
    return raw


def get_blob(conn: sqlite3.Connection, digest: str) -> bytes | None:
    """The checked original bytes stored under `digest`, or None when there are none; BlobError if damaged."""
    from briefarc.store.db import translate_errors  # here: an extraction worker packs pages without the store

    with translate_errors():
        # CAST: bytes even when damage left text in the column (Python would fail to decode it)
        row = conn.execute("SELECT compression, CAST(data AS BLOB) FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    return None if row is None else decode_blob(digest, *row)
