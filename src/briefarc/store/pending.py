"""Items seen but not fetched yet: announced by a feed, a sitemap or a listing, kept until their page is had.

A row lives from the moment an item is seen (for a feed entry, the moment its text is stored without its
page) until its page is stored, or found not to be a page.
A failed try counts an attempt and sets the next one: an item whose text is archived already (a feed
entry's) waits `first_wait`, then twice as long each time; an item with nothing archived (or only a
title) is tried on every run. After `max_attempts` failed tries the item is given up: its row stays, with the date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from briefarc.store.db import transaction, translated
from briefarc.store.documents import now_iso
from briefarc.urls import normalize_url

if TYPE_CHECKING:
    import sqlite_utils

MAX_WAIT = timedelta(days=7)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long a page that could not be fetched is tried again."""

    max_attempts: int = 8
    first_wait: float = 3600.0  # seconds before the second try; doubled after each failed one

    def wait(self, attempts: int) -> timedelta:
        return min(MAX_WAIT, timedelta(seconds=self.first_wait * 2 ** max(0, attempts - 1)))


@dataclass
class Pending:
    url: str
    source_id: int | None
    document_id: int | None
    found_on: str | None
    title: str | None
    published: str | None
    attempts: int
    last_error: str | None
    next_try: str
    given_up_at: str | None

    def due(self, now: str) -> bool:
        return self.given_up_at is None and self.next_try <= now


COLUMNS = ("url", "source_id", "document_id", "found_on", "title", "published", "attempts", "last_error",
           "next_try", "given_up_at")
SELECT = f"SELECT {', '.join(COLUMNS)} FROM pending"

# A page of a source's listing (or API) where a run's walk broke off: no item, but what the next run reads on from.
# Its key, "walk:<source id>:<page number>" ("walk:url:<listing>:<page number>" for a listing given as a loose URL),
# is no address, so that no item's row is ever taken for it.
WALK = "walk:"
NOT_WALK = "key NOT LIKE 'walk:%'"


def iso(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@translated
def note(db: sqlite_utils.Database, url: str, *, source_id: int | None, found_on: str | None = None,
         title: str | None = None, published: str | None = None, document_id: int | None = None,
         again: bool = False) -> None:
    """Remember an item to fetch. A known row keeps its retry state unless `again` (its text changed)."""
    stamp = now_iso()
    reset = ", attempts = 0, last_error = NULL, next_try = excluded.next_try, given_up_at = NULL" if again else ""
    with transaction(db) as conn:
        conn.execute(NOTE + reset, (normalize_url(url), url, source_id, document_id, found_on, stamp, title, published,
                                    stamp))


NOTE = """INSERT INTO pending (key, url, source_id, document_id, found_on, discovered_at, title, published, next_try)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET
              document_id = coalesce(excluded.document_id, document_id),
              source_id = coalesce(source_id, excluded.source_id),
              title = coalesce(excluded.title, title),
              published = coalesce(excluded.published, published)"""
# The documents that hold a page's own text (not only a feed's text of it), by their key or address: a link to one
# of them waits for nothing. `j.key` is a normalised address.
ARCHIVED = """EXISTS (SELECT 1 FROM documents d WHERE (d.key = j.key OR d.url = j.key)
                     AND coalesce(d.text_source, 'page') NOT LIKE 'feed%')"""
Listed = tuple[str, str | None, str | None, str | None]  # url, found_on, title, published


@translated
def note_listed(db: sqlite_utils.Database, items: list[Listed], *, source_id: int | None) -> int:
    """Note a listing's links as `note` does, but for those whose page is archived: no row is noted for them, and
    a row left from before goes (an older briefarc noted them all). One transaction and one look-up per 500 links;
    gives the number of links whose page is archived."""
    archived = 0
    for start in range(0, len(items), 500):
        chunk = items[start:start + 500]
        keys = [normalize_url(url) for url, *_ in chunk]
        with transaction(db) as conn:
            held = {key for key, in conn.execute(
                f"SELECT j.key FROM (SELECT value AS key FROM json_each(?)) j WHERE {ARCHIVED}", (json.dumps(keys),))}
            conn.execute("DELETE FROM pending WHERE key IN (SELECT value FROM json_each(?))", (json.dumps(list(held)),))
            stamp = now_iso()
            conn.executemany(NOTE, [(key, url, source_id, None, found_on, stamp, title, published, stamp)
                                    for key, (url, found_on, title, published) in zip(keys, chunk, strict=True)
                                    if key not in held])
        archived += sum(key in held for key in keys)
    return archived


@translated
def pages_stored(db: sqlite_utils.Database, document_ids: list[int]) -> None:
    """These documents now hold their page's own text (saved from it, or found unchanged): nothing is pending for
    the addresses they are stored under. In one statement, within the transaction that saved them."""
    if not document_ids:
        return
    with transaction(db) as conn:
        conn.execute("""DELETE FROM pending WHERE key IN (
                            SELECT key FROM documents WHERE id IN (SELECT value FROM json_each(?1))
                            UNION ALL SELECT url FROM documents WHERE id IN (SELECT value FROM json_each(?1)))""",
                     (json.dumps(document_ids),))


Seen = tuple[str, int | None, str | None, str | None, str | None]  # url, source_id, found_on, title, published


@translated
def note_seen(db: sqlite_utils.Database, items: list[Seen]) -> None:
    """Remember items just seen, (url, source_id, found_on, title, published) each, in one transaction; an item
    pending already keeps its row as it is."""
    stamp = now_iso()
    with transaction(db) as conn:
        conn.executemany(
            """INSERT INTO pending (key, url, source_id, found_on, discovered_at, title, published, next_try)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING""",
            [(normalize_url(url), url, source_id, found_on, stamp, title, published, stamp)
             for url, source_id, found_on, title, published in items])


@translated
def get(db: sqlite_utils.Database, url: str) -> Pending | None:
    row = db.execute(f"{SELECT} WHERE key = ?", (normalize_url(url),)).fetchone()
    return Pending(*row) if row else None


@translated
def done(db: sqlite_utils.Database, url: str) -> None:
    """The item's page is stored (or is no page at all): nothing is pending for it any more."""
    with transaction(db) as conn:
        conn.execute("DELETE FROM pending WHERE key = ?", (normalize_url(url),))


@translated
def failed(db: sqlite_utils.Database, url: str, error: str, policy: RetryPolicy, *, wait: bool = False,
           now: datetime | None = None, tried: bool = True, **hints) -> Pending:
    """Count a failed try: the next one waits longer (`wait`: the item's text is archived) or comes next run.
    After the policy's last attempt the item is given up. An item not pending yet is noted with `hints`
    (source_id, found_on, title, published, document_id). Not `tried` (its host was closed for the run before
    its turn), the error is kept and no try counted: eight runs of a host answering 429 gave its pages up unasked."""
    now = now or datetime.now(UTC)
    row = get(db, url)
    if row is None:
        note(db, url, **{"source_id": None, **hints})
        row = get(db, url)
        assert row is not None
    attempts = row.attempts + (1 if tried else 0)
    delay = policy.wait(attempts) if wait and tried else timedelta(0)
    given_up = iso(now) if tried and attempts >= policy.max_attempts else row.given_up_at
    with transaction(db) as conn:
        conn.execute(
            "UPDATE pending SET attempts = ?, last_error = ?, last_try = ?, next_try = ?, given_up_at = ?"
            " WHERE key = ?", (attempts, error, iso(now), iso(now + delay), given_up, normalize_url(url)))
    return replace(row, attempts=attempts, last_error=error, next_try=iso(now + delay), given_up_at=given_up)


@translated
def due(db: sqlite_utils.Database, *, source_id: int | None, found_on: list[str] | None = None,
        now: str | None = None) -> list[Pending]:
    """The items of a source (or, for loose URLs, found on these URLs) whose next try is due."""
    now = now or now_iso()
    params: list[int | str]
    if source_id is not None:
        where, params = "source_id = ?", [source_id]
    else:
        where = f"source_id IS NULL AND found_on IN ({', '.join('?' for _ in found_on or [])})"
        params = list(found_on or [])
    rows = db.execute(f"{SELECT} WHERE {where} AND given_up_at IS NULL AND next_try <= ? AND {NOT_WALK}"
                      " ORDER BY next_try",
                      [*params, now]).fetchall()
    return [Pending(*row) for row in rows]


def _walk_rows(source_id: int | None, found_on: str | None) -> tuple[str, tuple]:
    """The WHERE clause of a walk's rows, with its parameters: a source's, or a listing's given as a loose URL (no
    source: its rows are those found on it)."""
    if source_id is not None:
        return "source_id = ? AND key LIKE 'walk:%'", (source_id,)
    return "source_id IS NULL AND found_on = ? AND key LIKE 'walk:%'", (found_on,)


def _walk_key(source_id: int | None, found_on: str | None, number: int) -> str:
    return f"{WALK}{source_id}:{number}" if source_id is not None else f"{WALK}url:{found_on}:{number}"


@translated
def walk_points(db: sqlite_utils.Database, source_id: int | None, found_on: str | None = None) -> list[tuple[str, int]]:
    """(page, its number) where the last walks of the source (or, with no source, of the listing given as the loose
    URL `found_on`) broke off, in the order of the walk."""
    where, params = _walk_rows(source_id, found_on)
    rows = db.execute(f"SELECT url, key FROM pending WHERE {where}", params)
    return sorted(((url, int(key.rsplit(":", 1)[1])) for url, key in rows), key=lambda point: point[1])


@translated
def loose_walks(db: sqlite_utils.Database) -> set[str]:
    """The listings given as loose URLs whose walks broke off (their rows' found_on)."""
    rows = db.execute(f"SELECT DISTINCT found_on FROM pending WHERE source_id IS NULL AND key LIKE '{WALK}url:%'")
    return {found_on for (found_on,) in rows}


@translated
def walk_broke_off(db: sqlite_utils.Database, source_id: int | None, found_on: str | None, page: tuple[str, int],
                   error: str, later: list[tuple[str, int]]) -> None:
    """The walk broke off at `page` (its address and number): the next run reads on from there, and from the
    `later` pages where earlier walks broke off (their rows kept as they are); no other row is kept. With no source,
    the walk is of the listing given as the loose URL `found_on`."""
    stamp = now_iso()
    keys = [_walk_key(source_id, found_on, number) for _, number in [page, *later]]
    where, params = _walk_rows(source_id, found_on)
    with transaction(db) as conn:
        conn.execute(f"DELETE FROM pending WHERE {where} AND key NOT IN ({', '.join('?' * len(keys))})",
                     (*params, *keys))
        conn.execute(
            """INSERT INTO pending (key, url, source_id, found_on, discovered_at, attempts, last_error, last_try,
                                    next_try) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET url = excluded.url, attempts = attempts + 1,
                   last_error = excluded.last_error, last_try = excluded.last_try, next_try = excluded.next_try""",
            (keys[0], page[0], source_id, found_on, stamp, error, stamp, stamp))
        for key, (url, _) in zip(keys[1:], later, strict=True):  # a point moved to today's page size (sources/
            # apis.py) has no row under its new number yet: the walk that broke off before it dropped it
            conn.execute("INSERT INTO pending (key, url, source_id, found_on, discovered_at, next_try) "
                         "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                         (key, url, source_id, found_on, stamp, stamp))


@translated
def walk_done(db: sqlite_utils.Database, source_id: int | None, found_on: str | None = None) -> None:
    """The walk of the source (or of the listing given as the loose URL `found_on`) ended as it should: no page is
    left to read on from."""
    where, params = _walk_rows(source_id, found_on)
    with transaction(db) as conn:
        conn.execute(f"DELETE FROM pending WHERE {where}", params)


PENDING = "pending p LEFT JOIN sources s ON s.id = p.source_id"


def _listed_where(source: str | None) -> tuple[str, list]:
    """The WHERE clause of `listed` and `count_listed`, with its parameters: the items of the source so named."""
    return ("WHERE s.name = ?", [source]) if source else ("", [])


@translated
def count_listed(db: sqlite_utils.Database, *, source: str | None = None) -> int:
    """How many pending items `listed` would give without a limit."""
    where, params = _listed_where(source)
    return db.execute(f"SELECT count(*) FROM {PENDING} {where}", params).fetchone()[0]


@translated
def listed(db: sqlite_utils.Database, *, source: str | None = None, limit: int = 50) -> list[dict]:
    """Pending items, soonest next try first (given up ones last), for `briefarc log`."""
    where, params = _listed_where(source)
    rows = db.execute(
        f"""SELECT p.url, s.name, p.found_on, p.discovered_at, p.attempts, p.last_error, p.last_try, p.next_try,
                   p.given_up_at, p.document_id FROM {PENDING} {where}
            ORDER BY p.given_up_at IS NOT NULL, p.next_try LIMIT ?""", [*params, limit]).fetchall()
    keys = ("url", "source", "found_on", "discovered_at", "attempts", "last_error", "last_try", "next_try",
            "given_up_at", "document_id")
    return [dict(zip(keys, row, strict=True)) for row in rows]


@translated
def summary(db: sqlite_utils.Database, source_id: int) -> tuple[int, str | None, int]:
    """(items of a source that wait, when the next try is due, items given up), for `sources show`."""
    waiting, next_try, given = db.execute(
        """SELECT count(*) FILTER (WHERE given_up_at IS NULL), min(next_try) FILTER (WHERE given_up_at IS NULL),
                  count(*) FILTER (WHERE given_up_at IS NOT NULL) FROM pending WHERE source_id = ?""",
        (source_id,)).fetchone()
    return waiting, next_try, given
