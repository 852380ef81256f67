"""Migration 17: the feed entries an older briefarc keyed by the feed file's bytes, keyed as they are now.

An entry without a link used to be `sha256:<the feed file's sha256>#<its id>`: each new snapshot of a saved feed
(other bytes) stored every such entry again. briefarc now keys it `feed:<its feed's name>#<its id>`
(pipeline.feed_name: the feed's address, else its channel's link, else its title). The stored feed is read
again, once per snapshot, for that name; an entry whose feed cannot be read, or whose new key another
document holds already, keeps its key.
"""

from __future__ import annotations

import re
import sqlite3

from briefarc.errors import BriefarcError
from briefarc.models import RawPage
from briefarc.pipeline import feed_name
from briefarc.store.blobs import get_blob

FORMER = re.compile(r"sha256:([0-9a-f]{64})#(.+)", re.S)


def rekey_feed_entries(conn: sqlite3.Connection) -> None:
    names: dict[str, str | None] = {}
    rows = conn.execute("SELECT id, key FROM documents WHERE key LIKE 'sha256:%#%'").fetchall()
    for doc_id, key in rows:
        former = FORMER.fullmatch(key)
        if former is None:
            continue
        digest, item = former.groups()
        if digest not in names:
            names[digest] = _name(conn, digest, doc_id)
        if names[digest] is not None:
            new = f"feed:{names[digest]}#{item}"
            conn.execute("UPDATE documents SET key = ? WHERE id = ? AND NOT EXISTS "
                         "(SELECT 1 FROM documents WHERE key = ?)", (new, doc_id, new))


def _name(conn: sqlite3.Connection, digest: str, doc_id: int) -> str | None:
    """The name of the feed stored under `digest`, as the entry's snapshot read it; None when it cannot be read."""
    origin = conn.execute("SELECT origin FROM snapshots WHERE sha256 = ? AND document_id = ? LIMIT 1",
                          (digest, doc_id)).fetchone()
    try:
        data = get_blob(conn, digest)
    except BriefarcError:  # a damaged blob: `verify` reports it
        return None
    if data is None or origin is None:
        return None
    try:
        return feed_name(RawPage(data=data, origin=origin[0] or ""))
    except (BriefarcError, ValueError):
        return None
