"""Where a document comes from, in one word for tables and JSON: the same everywhere.

Its source's name; for a page filed under no source, the site's name the page gives, else the host of
its address, else of the address it claims (a saved file's saved-from comment: store/identity.py); None when
none is known (a saved file that names no site and came without any address), which tables show as "—".
SQL reads it through the `url_host` function that `register` adds to a connection.
--source takes a label as well as a source's name (SITE_FILTER_SQL, the labels from `unfiled_labels`),
and "—" (or "-", as typed) for the pages whose site is not known.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from briefarc.store.hosts import url_within
from briefarc.urls import hostname, is_host_name

if TYPE_CHECKING:
    import sqlite_utils

NONE_SHOWN = "—"  # what a table shows for a document whose site is not known

# The label of a page filed under no source, in SQL over `documents d`.
UNFILED_SQL = "coalesce(nullif(trim(d.site_name), ''), url_host(coalesce(d.canonical_url, d.url, d.claimed_url)))"
# The label in SQL, over `documents d LEFT JOIN sources s ON s.id = d.source_id`.
SITE_SQL = f"coalesce(s.name, {UNFILED_SQL})"
# A filter on the label of pages filed under no source as tables show it (a source's own pages go by its
# name): "—" selects the pages whose site is not known.
SITE_FILTER_SQL = f"d.source_id IS NULL AND coalesce({UNFILED_SQL}, '{NONE_SHOWN}') = ?"
NONE_TYPED = ("-", NONE_SHOWN)  # what --source takes for NONE_SHOWN


def unfiled_labels(db: sqlite_utils.Database) -> list[str]:
    """The labels of the pages filed under no source, each once, in order."""
    rows = db.execute(f"SELECT DISTINCT {UNFILED_SQL} FROM documents d WHERE d.source_id IS NULL").fetchall()
    return sorted(label for (label,) in rows if label)


def url_host(url: str | None) -> str | None:
    """The host of a web address, without "www." (a label, not an address); None for anything else, and for a
    host no host name may be (urls.is_host_name: web text's control or bidi characters)."""
    host = hostname(url) if url else ""
    return host.removeprefix("www.") if host and is_host_name(host) else None


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("url_host", 1, url_host, deterministic=True)
    conn.create_function("url_within", 2, url_within, deterministic=True)
