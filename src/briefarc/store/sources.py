"""Sources in the database: the built-in ones as the user set them, and the user's own."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TypedDict

from briefarc.errors import NotFound, UsageError
from briefarc.models import Source
from briefarc.store.db import inserted_id, transaction, translated
from briefarc.store.documents import now_iso
from briefarc.store.fetchlog import RUN_COUNTS
from briefarc.store.pending import summary as pending_summary
from briefarc.urls import masked

if TYPE_CHECKING:
    import sqlite_utils


FILES = "files"  # the kind of a source that only labels ingested pages


@translated
def all_sources(db: sqlite_utils.Database | None) -> list[Source]:
    """Built-in sources (with the user's changes) followed by the user's own, by name."""
    from briefarc.sources import builtin_sources

    rows = {row["name"]: row for row in db.query("SELECT * FROM sources")} if db is not None else {}
    merged = []
    for builtin in builtin_sources():
        row = rows.pop(builtin.name, None)
        source = Source(**{**vars(builtin)})
        if row is not None:
            source.enabled = bool(row["enabled"])
            source.url = row["url"] or source.url
            source.options = {**source.options, **json.loads(row["options"] or "{}")}
        merged.append(source)
    for row in sorted(rows.values(), key=lambda r: r["name"]):
        merged.append(Source(name=row["name"], kind=row["kind"], url=row["url"], title=row["title"],
                             options=json.loads(row["options"] or "{}"), enabled=bool(row["enabled"])))
    return merged


@translated
def find_source(db: sqlite_utils.Database | None, name: str) -> Source:
    for source in all_sources(db):
        if source.name == name:
            return source
    raise NotFound(f"No source named {name!r}: `briefarc sources list` shows them.")


@translated
def known_source_id(db: sqlite_utils.Database, source: Source) -> int | None:
    """The row id of a source, None when it has none yet (nothing is written: a dry run's lookup)."""
    row = db.execute("SELECT id FROM sources WHERE name = ?", (source.name,)).fetchone()
    return row[0] if row else None


@translated
def source_id(db: sqlite_utils.Database, source: Source) -> int:
    """The row id of a source, creating the row for a built-in source on first use."""
    if (known := known_source_id(db, source)) is not None:
        return known
    with transaction(db) as conn:
        return inserted_id(conn.execute(
            "INSERT INTO sources (name, kind, url, title, options, created_at, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (source.name, source.kind, None if source.builtin else source.url, source.title,
             None if source.builtin else json.dumps(source.options), now_iso(), int(source.enabled)),
        ))


@translated
def ensure_source(db: sqlite_utils.Database, name: str) -> int:
    """The id of source `name`; a new one is a label for ingested pages, with nothing to fetch."""
    from briefarc.sources import builtin_sources

    known = {source.name: source for source in builtin_sources()}
    return source_id(db, known.get(name) or Source(name=name, kind=FILES, enabled=False))


@translated
def add_source(db: sqlite_utils.Database, source: Source) -> Source:
    """Add a user source, or switch a built-in (or disabled) one back on."""
    from briefarc.sources import adapter

    adapter(source.kind)  # refuses unknown kinds
    existing = {s.name: s for s in all_sources(db)}
    if source.name in existing:
        known = existing[source.name]
        if known.enabled and (known.builtin or source.url in (None, known.url)):
            raise UsageError(f"A source named {source.name!r} exists already: choose another name.")
        _set_enabled(db, known, True, url=source.url if not known.builtin else None)
        if not known.builtin and source.url and source.url != known.url:  # described anew at a new address
            with transaction(db) as conn:
                conn.execute("UPDATE sources SET kind = ?, options = ? WHERE id = ?",
                             (source.kind, json.dumps(source.options), source_id(db, known)))
        return find_source(db, source.name)
    if not source.url:
        raise UsageError("A new source needs a URL: briefarc sources add NAME URL --kind feed.")
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO sources (name, kind, url, title, options, created_at, enabled) VALUES (?, ?, ?, ?, ?, ?, 1)",
            (source.name, source.kind, source.url, source.title, json.dumps(source.options), now_iso()),
        )
    return find_source(db, source.name)


@translated
def remove_source(db: sqlite_utils.Database, name: str) -> str:
    """Stop following a source. Its documents stay; so does its row when documents point to it."""
    source = find_source(db, name)
    row = db.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
    used = row and db.execute("SELECT 1 FROM documents WHERE source_id = ? LIMIT 1", (row[0],)).fetchone()
    if source.builtin or used:
        _set_enabled(db, source, False)
        return "disabled"
    with transaction(db) as conn:
        conn.execute("DELETE FROM requests WHERE run_id IN (SELECT id FROM runs WHERE source_id = ?)", (row[0],))
        conn.execute("DELETE FROM runs WHERE source_id = ?", (row[0],))
        conn.execute("UPDATE seen_urls SET source_id = NULL WHERE source_id = ?", (row[0],))
        conn.execute("DELETE FROM pending WHERE source_id = ?", (row[0],))
        conn.execute("DELETE FROM sources WHERE id = ?", (row[0],))
    return "removed"


def _set_enabled(db: sqlite_utils.Database, source: Source, enabled: bool, url: str | None = None) -> None:
    row_id = source_id(db, source)
    with transaction(db) as conn:
        conn.execute("UPDATE sources SET enabled = ? WHERE id = ?", (int(enabled), row_id))
        if url:
            conn.execute("UPDATE sources SET url = ? WHERE id = ?", (url, row_id))


class SourceStatus(TypedDict):
    """A source and what its last run did: `sources list` and `sources show` (and their JSON)."""

    name: str
    kind: str
    url: str | None
    title: str | None
    enabled: bool
    builtin: bool
    options: dict
    documents: int
    last_run: str | None  # when it started
    last_error: str | None  # "<started_at>: <error>"
    last_counts: dict[str, int] | None  # RUN_COUNTS
    pending: int  # pages announced and not fetched yet, still to be tried
    next_try: str | None  # when the first of them is due
    given_up: int  # pages given up after --give-up-after tries


@translated
def source_status(db: sqlite_utils.Database | None, source: Source) -> SourceStatus:
    """A source's last run, its counts and its last error, for `sources list` and `sources show`."""
    row = db.execute("SELECT id FROM sources WHERE name = ?", (source.name,)).fetchone() if db else None
    status: SourceStatus = {
        "name": source.name, "kind": source.kind, "url": masked(source.url), "title": source.title,
        "enabled": source.enabled, "builtin": source.builtin, "options": source.options, "documents": 0,
        "last_run": None, "last_error": None, "last_counts": None, "pending": 0, "next_try": None, "given_up": 0}
    if not row or db is None:
        return status
    status["documents"] = db.execute("SELECT count(*) FROM documents WHERE source_id = ?", row).fetchone()[0]
    status["pending"], status["next_try"], status["given_up"] = pending_summary(db, row[0])
    run = db.execute(
        f"SELECT started_at, {', '.join(RUN_COUNTS)} FROM runs WHERE source_id = ? ORDER BY id DESC LIMIT 1", row
    ).fetchone()
    if run:
        status["last_run"] = run[0]
        status["last_counts"] = dict(zip(RUN_COUNTS, run[1:], strict=True))
    error = db.execute(
        "SELECT error, started_at FROM runs WHERE source_id = ? AND error IS NOT NULL ORDER BY id DESC LIMIT 1", row
    ).fetchone()
    if error:
        status["last_error"] = f"{error[1]}: {error[0]}"
    return status
