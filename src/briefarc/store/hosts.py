"""--source given a host or a bare domain (state.gov): the documents whose address (ADDRESS_SQL) is on it or
under it (www.state.gov, 2021-2025.state.gov), whatever their source or site label.

The hosts the archive holds are read from the index on documents.url, one step from each scheme and host to
the next (a few steps an archive, not a pass over its rows); the filter passes over rows with LIKE and checks
only those that hold the name with url_within (registered by sitelabel.register)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefarc.urls import AUTHORITY_END, hostname, is_host_name

if TYPE_CHECKING:
    import sqlite_utils

# A document's address: where it was fetched from, else (a page saved and ingested without --url) the address its
# canonical link gives, as the site a table shows for it is read from that link.
ADDRESS_SQL = "coalesce(d.url, d.canonical_url)"
# The documents on a host, in SQL over `documents d`: the name's LIKE pattern, then the name.
HOST_FILTER_SQL = f"({ADDRESS_SQL} LIKE ? ESCAPE '\\' AND url_within({ADDRESS_SQL}, ?))"


def typed_host(name: str) -> str | None:
    """The host a --source value names (state.gov, WWW.State.gov., https://state.gov/x), or None when it names
    none: a name with a dot, of what a host name may hold."""
    text = name.strip()
    host = hostname(text) if "://" in text else text.lower().rstrip(".")
    return host if "." in host.strip(".") and is_host_name(host) else None


def within(found: str, host: str) -> bool:
    """Whether the host `found` is `host` or a host under it (www.state.gov is under state.gov)."""
    return found == host or found.endswith("." + host)


def url_within(url: str | None, host: str) -> bool:
    """Whether the address is on `host` or a host under it."""
    return within(hostname(url) if url else "", host)


def host_pattern(host: str) -> str:
    """The LIKE pattern of the addresses that may be on `host` (LIKE folds ASCII case: a superset)."""
    return "%" + host.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def held_hosts(db: sqlite_utils.Database) -> list[str]:
    """The hosts of the documents' addresses, each once, sorted: one index seek a scheme and host."""
    hosts: set[str] = set()
    found = db.execute("SELECT min(url) FROM documents WHERE url IS NOT NULL").fetchone()[0]
    while found is not None:
        prefix = _authority(found)
        if host := hostname(found):
            hosts.add(host)
        # the next address after this one that is not under prefix + "/" (where nearly all of a host's are)
        found = db.execute("SELECT coalesce((SELECT min(url) FROM documents WHERE url > ?1 AND url < ?2 || '/'), "
                           "(SELECT min(url) FROM documents WHERE url > max(?1, ?2 || '0')))",
                           (found, prefix)).fetchone()[0]
    hosts.update(filter(None, map(hostname, (row[0] for row in db.execute(  # pages ingested without their URL
        "SELECT DISTINCT canonical_url FROM documents WHERE url IS NULL AND canonical_url IS NOT NULL")))))
    return sorted(hosts)


def _authority(url: str) -> str:
    """"https://host:port" of a web address (what comes before its path, query or fragment); else the address."""
    start = url.find("//")
    if start < 0:
        return url
    end = AUTHORITY_END.search(url, start + 2)
    return url[:end.start()] if end else url
