"""What fetching remembers: URLs already seen, runs, and every request made."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypedDict

from briefarc.store.db import inserted_id, transaction, translated
from briefarc.store.documents import now_iso
from briefarc.urls import normalize_url

if TYPE_CHECKING:
    import sqlite_utils

KNOWN_STATUSES = ("stored", "skipped", "missing")
# A URL the user names again is tried again unless it is archived: a page once missing (404) or skipped (served as an
# image, say: "is archived already" was said of it, and nothing was) may be there now.
NAMED_KNOWN = ("stored",)


@translated
def url_states(db: sqlite_utils.Database, urls: list[str], *,
               named: bool = False) -> dict[str, tuple[bool, str | None]]:
    """For each URL, in one query per 500: (known, its pending state: None, "pending" or "given up").

    Known: it needs no fetch, being archived already; or skipped (not a page) or missing at its source (404)
    before, unless `named` (the user gave the URL itself: it may be there now) or, when missing, its tries are
    not given up yet (`log --pending` says its next try is due). A named URL
    whose page is pending (only a feed's text of it is archived) is not known: its page is wanted now."""
    statuses = NAMED_KNOWN if named else KNOWN_STATUSES
    import json

    states: dict[str, tuple[bool, str | None]] = {}
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        rows = db.execute(
            """SELECT j.key, s.status, p.key IS NOT NULL, p.given_up_at IS NOT NULL,
                       s.key IS NULL AND EXISTS (SELECT 1 FROM documents d WHERE d.key = j.nkey OR d.url = j.url)
                FROM (SELECT json_extract(value, '$[0]') AS nkey, json_extract(value, '$[1]') AS url, key
                      FROM json_each(?)) j
                LEFT JOIN seen_urls s ON s.key = j.nkey LEFT JOIN pending p ON p.key = j.nkey""",
            (json.dumps([[normalize_url(url), url] for url in chunk]),)).fetchall()
        for index, status, pending, given_up, archived in rows:
            known = status in statuses if status is not None else bool(archived)
            # a page missing (404) when last asked whose next try is still to come is not known: it may be there now
            known = known and not (status == "missing" and pending and not given_up)
            known = known and not (named and pending)
            states[chunk[index]] = (known, "given up" if given_up else "pending" if pending else None)
    return states


@translated
def validators(db: sqlite_utils.Database, url: str) -> tuple[str | None, str | None, int | None]:
    """(ETag, Last-Modified, document id) from the last fetch of `url`, for a conditional request."""
    key = normalize_url(url)
    row = db.execute("SELECT etag, last_modified, document_id FROM seen_urls WHERE key = ?", (key,)).fetchone()
    if row and row[2] is not None:
        return tuple(row)
    document = db.execute(  # ingested, not fetched: its identity, or the address it was archived from
        "SELECT id FROM documents WHERE key = ? OR url = ? LIMIT 1", (key, url)).fetchone()
    return (row[0] if row else None, row[1] if row else None, document[0] if document else None)


@translated
def source_validators(db: sqlite_utils.Database, url: str, source_id: int | None) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of a feed or listing as this source last saw it: another source's (or a loose
    fetch's) copy says nothing about what this one has taken."""
    row = db.execute("SELECT etag, last_modified FROM seen_urls WHERE key = ? AND source_id IS ?",
                     (normalize_url(url), source_id)).fetchone()
    return (row[0], row[1]) if row else (None, None)


@translated
def mark_seen(
    db: sqlite_utils.Database, url: str, status: str, *, source_id: int | None = None,
    document_id: int | None = None, reason: str | None = None, headers: dict | None = None, back: int | None = None,
) -> None:
    """`back`: the document whose page answered 304 at its source, in the same transaction no longer removed
    (a page saved again is cleared where it is saved)."""
    headers = headers or {}
    stamp = now_iso()
    with transaction(db) as conn:
        if back is not None:
            conn.execute("UPDATE documents SET removed_at = NULL WHERE id = ? AND removed_at IS NOT NULL", (back,))
        conn.execute(
            """INSERT INTO seen_urls (key, url, source_id, document_id, status, reason, etag, last_modified,
                                      first_seen, last_fetched)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (key) DO UPDATE SET
                   status = excluded.status, reason = excluded.reason, last_fetched = excluded.last_fetched,
                   source_id = coalesce(excluded.source_id, source_id),
                   document_id = coalesce(excluded.document_id, document_id),
                   etag = coalesce(excluded.etag, etag),
                   last_modified = coalesce(excluded.last_modified, last_modified)""",
            (normalize_url(url), url, source_id, document_id, status, reason, headers.get("etag"),
             headers.get("last-modified"), stamp, stamp),
        )


@translated
def mark_removed(db: sqlite_utils.Database, document_id: int) -> bool:
    """Mark a document missing at its source (the first date it was missed). Never deletes it."""
    with transaction(db) as conn:
        cursor = conn.execute(
            "UPDATE documents SET removed_at = ? WHERE id = ? AND removed_at IS NULL", (now_iso(), document_id)
        )
        return cursor.rowcount > 0


RUN_COUNTS = ("discovered", "fetched", "added", "updated", "unchanged", "skipped", "failed", "removed", "deferred")


@translated
def start_run(db: sqlite_utils.Database, source_id: int | None) -> int:
    with transaction(db) as conn:
        return inserted_id(conn.execute("INSERT INTO runs (source_id, started_at) VALUES (?, ?)",
                                        (source_id, now_iso())))


@translated
def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict, error: str | None) -> None:
    columns = RUN_COUNTS
    with transaction(db) as conn:
        conn.execute(
            f"""UPDATE runs SET finished_at = ?, error = ?, {', '.join(f'{c} = ?' for c in columns)}
                WHERE id = ?""",
            (now_iso(), error, *(counts.get(c, 0) for c in columns), run_id),
        )


REQUEST_COLUMNS = ("run_id", "url", "status", "bytes", "duration_ms", "attempt", "error", "at")


@translated
def log_requests(db: sqlite_utils.Database, records: list[tuple]) -> None:
    """Store request records, tuples in the order of REQUEST_COLUMNS, in one transaction."""
    if not records:
        return
    with transaction(db) as conn:
        marks = ", ".join("?" * len(REQUEST_COLUMNS))
        conn.executemany(f"INSERT INTO requests ({', '.join(REQUEST_COLUMNS)}) VALUES ({marks})", records)


class RequestRow(TypedDict):
    """One logged request, as `briefarc sources log` shows it."""

    at: str
    source: str | None
    url: str
    status: int | None
    bytes: int
    duration_ms: int
    attempt: int
    error: str | None


REQUESTS = "requests r LEFT JOIN runs ru ON ru.id = r.run_id LEFT JOIN sources s ON s.id = ru.source_id"


def _requests_where(failures_only: bool, source: str | None) -> tuple[str, list]:
    # a robots.txt that is not there (404) is normal: it means "all allowed"
    failure = "(r.error IS NOT NULL OR (r.status >= 400 AND NOT (r.status = 404 AND r.url LIKE '%/robots.txt')))"
    clauses = [failure] if failures_only else []
    params: list = []
    if source:
        clauses.append("s.name = ?")
        params.append(source)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


@translated
def count_requests(db: sqlite_utils.Database, *, failures_only: bool = True, source: str | None = None) -> int:
    """How many requests recent_requests would give without a limit."""
    where, params = _requests_where(failures_only, source)
    return db.execute(f"SELECT count(*) FROM {REQUESTS} {where}", params).fetchone()[0]


@translated
def recent_requests(db: sqlite_utils.Database, *, failures_only: bool = True, limit: int = 50,
                    source: str | None = None) -> list[RequestRow]:
    where, params = _requests_where(failures_only, source)
    rows = db.execute(
        f"""SELECT r.at, s.name, r.url, r.status, r.bytes, r.duration_ms, r.attempt, r.error
            FROM {REQUESTS} {where} ORDER BY r.id DESC LIMIT ?""",
        [*params, limit],
    ).fetchall()
    return [{"at": at, "source": source_name, "url": url, "status": status, "bytes": size, "duration_ms": duration,
             "attempt": attempt, "error": error}
            for at, source_name, url, status, size, duration, attempt, error in rows]
