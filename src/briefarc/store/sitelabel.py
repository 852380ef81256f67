"""Where a document comes from, in one word for tables and JSON: the same everywhere.

Its source's name; for a page filed under no source, the site's name the page gives, else the host of
its address; None when none is known (a saved file that names no site and came without a URL), which
tables show as "—". SQL reads it through the `url_host` function that `register` adds to a connection.
"""

from __future__ import annotations

import sqlite3

from briefarc.urls import hostname

NONE_SHOWN = "—"  # what a table shows for a document whose site is not known

# The label in SQL, over `documents d LEFT JOIN sources s ON s.id = d.source_id`.
SITE_SQL = "coalesce(s.name, nullif(trim(d.site_name), ''), url_host(coalesce(d.canonical_url, d.url)))"


def site_label(source: str | None, site_name: str | None, url: str | None) -> str | None:
    """SITE_SQL in Python, for rows already read."""
    return source or (site_name or "").strip() or url_host(url)


def url_host(url: str | None) -> str | None:
    """The host of a web address, without "www." (a label, not an address); None for anything else."""
    host = hostname(url) if url else ""
    return host.removeprefix("www.") or None


def register(conn: sqlite3.Connection) -> None:
    conn.create_function("url_host", 1, url_host, deterministic=True)
