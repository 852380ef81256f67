"""Raw bytes, compressed and addressed by their sha256."""

from __future__ import annotations

import hashlib
import sqlite3
import zlib

COMPRESSION = "zlib"
LEVEL = 1  # fast: archiving speed matters more than the last 15% of space


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def put_blob(conn: sqlite3.Connection, data: bytes, digest: str | None = None) -> str:
    """Store `data` once; return its sha256."""
    digest = digest or sha256(data)
    exists = conn.execute("SELECT 1 FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if not exists:
        conn.execute(
            "INSERT INTO blobs (sha256, size, compression, data) VALUES (?, ?, ?, ?)",
            (digest, len(data), COMPRESSION, zlib.compress(data, LEVEL)),
        )
    return digest


def get_blob(conn: sqlite3.Connection, digest: str) -> bytes | None:
    row = conn.execute("SELECT compression, data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()
    if row is None:
        return None
    compression, data = row
    return zlib.decompress(data) if compression == COMPRESSION else bytes(data)
