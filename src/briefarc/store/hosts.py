"""--source given a host or a bare domain (state.gov): the documents whose address (ADDRESS_SQL) is on it or
under it (www.state.gov, 2021-2025.state.gov), whatever their source or site label.

The hosts the archive holds are read from the index on documents.url, one step from each scheme and host to
the next (a few steps an archive, not a pass over its rows); the filter passes over rows with LIKE and checks
only those that hold the name with url_within (registered by sitelabel.register)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from briefarc.urls import DEFAULT_PORTS, bracketed, hostname, is_host_name, split_authority

if TYPE_CHECKING:
    import sqlite_utils

# A document's address: where it was fetched from, else (a page saved and ingested without --url) the address its
# canonical link gives, as the site a table shows for it is read from that link.
ADDRESS_SQL = "coalesce(d.url, d.canonical_url)"
# The documents on a host, in SQL over `documents d`: the name's LIKE pattern, then the name.
HOST_FILTER_SQL = f"({ADDRESS_SQL} LIKE ? ESCAPE '\\' AND url_within({ADDRESS_SQL}, ?))"


# a host typed with its port: "127.0.0.1:8000", "localhost:8080", "[::1]:8000" (an IPv6 address in brackets)
PORTED = re.compile(r"(?:\[[^\]]*\]|[^:\[\]/]+):\d{1,5}")


def typed_host(name: str) -> str | None:
    """The host a --source value names (state.gov, WWW.State.gov., https://state.gov/x, 127.0.0.1:8000), or None
    when it names none: a name with a dot, an IP address or localhost, of what a host name may hold. A port typed
    (other than the scheme's own in an address) stays: "127.0.0.1:8000" (see split_port)."""
    text = name.strip()
    if "://" not in text and not PORTED.fullmatch(text):
        host, port = text.lower().rstrip("."), None
    else:
        parts = urlsplit(text if "://" in text else "//" + text)
        try:
            port = parts.port
        except ValueError:
            return None
        host = (parts.hostname or "").rstrip(".")
        if port == DEFAULT_PORTS.get(parts.scheme.lower()):
            port = None
    if not (is_host_name(host) and ("." in host.strip(".") or ":" in host or host == "localhost")):
        return None
    return host if port is None else f"{bracketed(host)}:{port}"


def split_port(host: str) -> tuple[str, int | None]:
    """A typed host's name and port: "127.0.0.1:8000" -> ("127.0.0.1", 8000), "[::1]:8000" -> ("::1", 8000),
    "state.gov" and "::1" -> (the name, None)."""
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
        return name, int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else None
    name, colon, port = host.rpartition(":")
    if colon and port.isdigit() and ":" not in name:
        return name, int(port)
    return host, None


def within(found: str, host: str) -> bool:
    """Whether the host `found` is `host` or a host under it (www.state.gov is under state.gov)."""
    return found == host or found.endswith("." + host)


def url_within(url: str | None, host: str) -> bool:
    """Whether the address is on `host` or a host under it; for a host typed with its port, at that port (an
    address without one is at its scheme's)."""
    name, port = split_port(host)
    if not within(hostname(url) if url else "", name):
        return False
    return port is None or _port_of(url or "") == port


def _port_of(url: str) -> int | None:
    parts = urlsplit(url)
    try:
        return parts.port or DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None


def host_pattern(host: str) -> str:
    """The LIKE pattern of the addresses that may be on `host` (LIKE folds ASCII case: a superset); its name
    alone when typed with a port (https://state.gov/ is at port 443)."""
    name = split_port(host)[0]
    return "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def holds_host(db: sqlite_utils.Database, held: list[str], host: str) -> bool:
    """Whether a document's address is on `host` or under it (`held`: held_hosts), at its port when typed with one
    (one query then: the hosts held are read without their ports)."""
    name, port = split_port(host)
    if not any(within(found, name) for found in held):
        return False
    return port is None or db.execute(f"SELECT 1 FROM documents d WHERE {HOST_FILTER_SQL} LIMIT 1",
                                      (host_pattern(host), host)).fetchone() is not None


def held_hosts(db: sqlite_utils.Database) -> list[str]:
    """The hosts of the documents' addresses, each once, sorted: one index seek a scheme and host."""
    hosts: set[str] = set()
    found = db.execute("SELECT min(url) FROM documents WHERE url IS NOT NULL").fetchone()[0]
    while found is not None:
        prefix = split_authority(found)  # every stored address holds '//'
        if host := hostname(found):
            hosts.add(host)
        # the next address after this one that is not under prefix + "/" (where nearly all of a host's are)
        found = db.execute("SELECT coalesce((SELECT min(url) FROM documents WHERE url > ?1 AND url < ?2 || '/'), "
                           "(SELECT min(url) FROM documents WHERE url > max(?1, ?2 || '0')))",
                           (found, prefix)).fetchone()[0]
    hosts.update(filter(None, map(hostname, (row[0] for row in db.execute(  # pages ingested without their URL
        "SELECT DISTINCT canonical_url FROM documents WHERE url IS NULL AND canonical_url IS NOT NULL")))))
    return sorted(hosts)
