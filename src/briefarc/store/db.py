"""Opening the database: location, pragmas, migrations, transactions and error translation."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from briefarc.errors import DatabaseError, NotFound
from briefarc.store.migrations import migrate

BUSY_TIMEOUT_MS = 30_000
opened: list[Path] = []  # the database this process opened last: error messages name it


def open_database(path: Path, *, create: bool = True) -> sqlite_utils.Database:
    """Open (and if need be create and migrate) the archive at `path`.

    WAL lets searches run while another process writes; the busy timeout makes a writer wait
    for another writer instead of failing with "database is locked".
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise NotFound(f"No archive at {path} yet: add pages with `briefarc ingest` or `briefarc fetch`.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the folder for {path}: {exc.strerror}.") from exc
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder: give --db the path of a database file.")
    with translate_errors(path):
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _set_journal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    opened[:] = [path]
    return sqlite_utils.Database(conn)


def _set_journal(conn: sqlite3.Connection) -> None:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode != "wal":
        conn.execute("PRAGMA journal_mode = WAL")


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is stored, or none of it."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextmanager
def translate_errors(path: Path | str | None = None) -> Iterator[None]:
    """Turn SQLite's exceptions into one-line errors that say what to do."""
    where = f" {path}" if path else ""
    try:
        yield
    except sqlite3.OperationalError as exc:
        raise DatabaseError(_explain(str(exc), where)) from exc
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "not a database" in message or "malformed" in message:
            raise DatabaseError(
                f"The file{where} is not a usable briefarc database ({message}): check --db, "
                "or run `briefarc verify`."
            ) from exc
        raise DatabaseError(f"Database error{where}: {message}.") from exc


def describe(exc: sqlite3.Error, path: Path | str | None = None) -> str:
    """A one-line explanation of an SQLite error, for the command line."""
    path = path or (opened[-1] if opened else None)
    return _explain(str(exc), f" {path}" if path else "")


def _explain(message: str, where: str) -> str:
    if "readonly" in message or "read-only" in message:
        return f"Cannot write to the database{where}: it is read-only. Check the file's permissions."
    if "disk is full" in message or "disk I/O" in message:
        return f"Cannot write to the database{where}: {message}. Free some space and run again."
    if "locked" in message or "busy" in message:
        return f"The database{where} stayed locked by another briefarc process; try again shortly."
    if "unable to open" in message:
        return f"Cannot open the database{where}: check that the folder exists and is writable."
    return f"Database error{where}: {message}."
