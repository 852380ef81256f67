"""Opening the database: location, pragmas, migrations, transactions and error translation."""

from __future__ import annotations

import functools
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Literal, ParamSpec, TypeVar, overload

from briefarc.errors import DatabaseError, NotFound
from briefarc.paths import folder_for
from briefarc.store.migrations import migrate, schema_version
from briefarc.store.sitelabel import register as register_functions

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 30_000
BUSY_STEP_SECONDS = 0.05  # the longest sleep between two tries of a write lock another process holds
JOURNAL_RETRY_SECONDS = 0.01  # between tries of the switch to WAL while another process writes
# The page size of a new archive (SQLite's default is 4 KiB; an archive keeps the size it was made with). Its rows
# are large (a page's text, its turns, its compressed bytes: overflow chains of 4 KiB pages), and every page
# written crosses to the WAL and back to the file in a system call of its own: saving fmprc-bulk's 270 pages
# took 13,900 writes and 4,900 reads of pages instead of 26,500 and 9,100, with less CPU in the kernel.
PAGE_BYTES = 8192
# Readers map up to this much of the file instead of copying pages through read(): the index pages a
# search touches are then shared with the OS cache. The index is spread over the whole file (it grows
# with the documents), so the whole file is mapped: SQLite caps the size at its build's limit (2 GiB).
# On 100,000 documents (1.1 GB) a walk over a word's matches costs a third less than with 256 MiB mapped.
READER_MMAP_BYTES = 4 * 2**30
FULL_DISK_BYTES = 1 << 20  # room left under which a disk I/O error is the full disk's
opened: list[Path] = []  # the database this process opened last: error messages name it


class Reader:
    """The part of sqlite_utils.Database that briefarc's queries use, without its import time.

    Commands that open an existing archive (search, show, list, ...) get one of these: importing
    sqlite-utils costs about 0.1 s, a third of the start-up budget of a search.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters or [])

    def query(self, sql: str, params=None):
        cursor = self.conn.execute(sql, params or [])
        keys = [column[0] for column in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))


class Archive(Reader):
    """A writable archive: briefarc's statements go straight to the connection, and whatever else of a
    sqlite_utils.Database is asked for (a table's helpers, in a test or a script) is made on first use.
    Importing sqlite-utils costs about 0.1 s of CPU, as much as saving twenty pages of an ingest."""

    def __init__(self, conn: sqlite3.Connection):
        super().__init__(conn)
        conn.execute("PRAGMA recursive_triggers = on")  # as sqlite_utils.Database sets it: the same behaviour
        self._database: sqlite_utils.Database | None = None

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._tables(), name)

    def __getitem__(self, name: str):
        return self._tables()[name]

    def _tables(self) -> sqlite_utils.Database:
        if self._database is None:
            from briefarc.store.migrations import import_sqlite_utils

            self._database = import_sqlite_utils().Database(self.conn, execute_plugins=False)
        return self._database


@overload
def open_database(path: Path, *, create: Literal[True] = ...) -> sqlite_utils.Database: ...
@overload
def open_database(path: Path, *, create: bool) -> sqlite_utils.Database | Reader: ...
def open_database(path: Path, *, create: bool = True) -> sqlite_utils.Database | Reader:
    """Open (and if need be create and migrate) the archive at `path`.

    WAL lets searches run while another process writes; the busy timeout makes a writer wait
    for another writer instead of failing with "database is locked". With `create` the handle is an
    `Archive` (a sqlite_utils.Database when more than its statements is asked of it); for an archive that
    must exist already, a light `Reader`.
    """
    path = Path(path)
    if not path.exists():
        if not create:
            raise NotFound(f"No archive at {path} yet: add pages with `briefarc ingest` or `briefarc fetch`.")
        folder_for(path)
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder: give --db the path of a database file.")
    if path.exists() and not path.is_file():  # /dev/null, a pipe: SQLite answers with a rollback error
        raise DatabaseError(f"{path} is not a file (a device or a pipe): give --db the path of a database file.")
    with translate_errors(path):
        try:
            conn, version = _connect(path)
        except sqlite3.OperationalError:
            if create:
                raise
            conn, version = _connect_read_only(path)  # a read-only folder or mount, where WAL files cannot be made
            _check_up_to_date(conn, path, version)
        migrate(conn, version=version)
    register_functions(conn)  # url_host() for the site label (store/sitelabel.py)
    conn.create_function("spokesperson_named", 2, _spokesperson_named, deterministic=True)  # --spokesperson
    opened[:] = [path]
    if not create:
        conn.execute(f"PRAGMA mmap_size = {READER_MMAP_BYTES}")
        return Reader(conn)
    return Archive(conn)  # type: ignore[return-value]  # as much of a sqlite_utils.Database as is used


def _spokesperson_named(name: object, typed: str | None) -> bool:
    """SQL's spokesperson_named(name, typed): sources/names.py, imported when a --spokesperson is first compared."""
    from briefarc.sources.names import spokesperson_named

    return spokesperson_named(name, typed)


# What an ingest or a fetch leaves when it read anything: a document, a page to fetch, a run, a request.
FILLED_BY_READING = ("documents", "pending", "seen_urls", "runs", "requests")


@contextmanager
def archive_to_fill(path: Path) -> Iterator[sqlite_utils.Database]:
    """The archive an ingest or a fetch writes into, created if need be. One created here is removed again
    when it is left with nothing read into it (every input failed, a usage error, Ctrl-C before the first
    page): a failure leaves no empty archive behind. An archive that existed before is kept as it is."""
    existed = path.exists()
    try:
        db = open_database(path)
    except BaseException:
        if not existed:  # made and left half-made (a full disk while its schema was written)
            _remove_unless_open(path)
        raise
    try:
        yield db
    finally:
        if not existed:
            _remove_if_unfilled(db, path)


@contextmanager
def run_of_its_own(db: sqlite_utils.Database, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the archive for one ingest from its first page to its last: another begun meanwhile waits for its end.

    Each batch is a transaction, but the batches of two ingests interleaved, and what a page becomes depends on
    what was saved before it (a saved file's bytes join the document a WARC record of them made; the record
    never joins the saved file's): a folder and a WARC of fmprc-bulk's pages ingested at once made 450 to 502
    documents, where one after the other they make 540 or 270. Taking turns, they make what one order makes.

    An exclusive flock on ARCHIVE-lock beside the archive, removed when the run ends (one held on the archive
    itself would need a descriptor of it, and closing that drops the locks SQLite holds on it). A writer process
    forked by the run shares the lock: a run killed while its writer saves holds the archive until that ends.
    A folder that cannot take the file (read-only) holds no lock: nothing can be written there either. `on_wait` is
    called once when another run holds the archive, before waiting for it (the second run waited without a word)."""
    path = database_file(db)
    held = _lock_file(Path(f"{path}-lock"), on_wait) if path else None
    try:
        yield
    finally:
        if held is not None:
            with suppress(OSError):  # removed while held: a run waiting on it sees it gone and takes a new one
                os.unlink(f"{path}-lock")
            os.close(held)


def _lock_file(path: Path, on_wait: Callable[[], None] | None = None) -> int | None:
    """A descriptor of `path` (made if need be) holding an exclusive flock on the file that `path` names now;
    `on_wait` is called once if another descriptor holds it."""
    import fcntl

    while True:
        try:
            held = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError:
            return None
        try:
            try:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait is not None:
                    on_wait()
                    on_wait = None
                fcntl.flock(held, fcntl.LOCK_EX)  # Ctrl-C is taken while it waits
            now = os.stat(path)
        except FileNotFoundError:  # the run before removed it: take the one made next
            os.close(held)
            continue
        except BaseException:
            os.close(held)
            raise
        if (now.st_dev, now.st_ino) == (os.fstat(held).st_dev, os.fstat(held).st_ino):
            return held
        os.close(held)


def _remove_if_unfilled(db: sqlite_utils.Database, path: Path) -> None:
    """Remove the archive this run made, if nothing was read into it and no one else has it open. Another
    ingest that opened the new archive and waited for this one's end (store.db.run_of_its_own) lost its pages: the
    archive was removed under it, and it wrote into a file no longer there ('Added 26', exit 0, and no archive)."""
    try:
        if any(db.execute(f"SELECT EXISTS (SELECT 1 FROM {name})").fetchone()[0] for name in FILLED_BY_READING):
            return
        db.conn.close()
    except sqlite3.Error:  # left as it is: whatever went wrong is reported already
        return
    _remove_unless_open(path)


# The byte of the WAL index (-shm) on which every connection that has it open holds a read lock, as long as it has
# it open: SQLite's "dead man switch" (UNIX_SHM_DMS in os_unix.c, 120 + SQLITE_SHM_NLOCK).
SHM_DMS_BYTE = 128


def _remove_unless_open(path: Path) -> None:
    """Remove an archive file and its WAL's two files, unless another connection has them open. The last connection
    to close removes the WAL's files, but not when it cannot write its WAL back into the archive (a full disk): a new
    archive holding nothing was left behind with its WAL, taken for one another run had open. A connection that has
    the WAL open holds a read lock on its index's SHM_DMS_BYTE: that it cannot be locked says another one is open."""
    if any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm")) and _wal_open_elsewhere(path):
        return
    for suffix in ("", "-wal", "-shm"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:  # a read-only folder, a file for a folder: the error that brought us here is the one to say
            continue


def _wal_open_elsewhere(path: Path) -> bool:
    import fcntl

    try:
        held = os.open(f"{path}-shm", os.O_RDWR | os.O_CLOEXEC)
    except FileNotFoundError:  # a WAL without its index: no connection has it open
        return False
    except OSError:
        return True  # cannot tell: kept
    try:
        fcntl.lockf(held, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE)
    except OSError:
        return True
    finally:
        os.close(held)  # and the lock with it
    return False


def _connect(path: Path) -> tuple[sqlite3.Connection, int]:
    """The connection and the archive's schema version, read once for every check of an opening."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = _check_is_archive(conn, path)
        if version == 0:  # before WAL fixes it: taken by a new file, without effect on one that has pages
            conn.execute(f"PRAGMA page_size = {PAGE_BYTES}")
        _set_journal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except (sqlite3.Error, DatabaseError):
        conn.close()
        raise
    return conn, version


def _connect_read_only(path: Path) -> tuple[sqlite3.Connection, int]:
    """Open an archive nothing can write to as immutable: SQLite then needs no lock or WAL files."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, isolation_level=None,
                           check_same_thread=False)
    try:
        version = _check_is_archive(conn, path)
    except DatabaseError:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    return conn, version


def _check_is_archive(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version (PRAGMA user_version). A database briefarc did not make (tables, but no schema
    version) is another program's: opening it as an archive added briefarc's tables to it and turned on WAL,
    even for a search. The two are read in one transaction: read apart, a version of 0 read before another
    process committed a new archive's schema, and its tables after, made the archive another program's (one
    open of eight begun together failed so in about one run in ten)."""
    conn.execute("BEGIN")  # both read at one moment: another process may be making the archive's schema
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = [] if version else [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name LIMIT 4")]
    finally:
        try:
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:  # a read that failed (a full disk: no room for the -shm) ended it
            if "no transaction is active" not in str(exc):
                raise
    if version:
        return version
    if names:
        shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
        raise DatabaseError(f"{path} is another program's SQLite database (its tables: {shown}), not a briefarc "
                            "archive: give --db an archive, or the name of a new file.")
    return 0


def _check_up_to_date(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """An archive that cannot be written here must not need the upgrade a newer briefarc makes on opening it."""
    current = schema_version()
    if 0 < version < current:
        conn.close()
        raise DatabaseError(
            f"The archive {path} is from an older briefarc (schema version {version}; this one reads {current}) "
            "and must be upgraded, which writes to it, but it is read-only here: open it once where it can be "
            "written (or open a copy).")


def _set_journal(conn: sqlite3.Connection) -> None:
    """WAL, waiting as a writer waits (the busy timeout) while another process writes in the journal mode it
    found: SQLite refuses the switch at once then ("database is locked"), without asking the busy handler, and
    of two ingests begun together on a new archive one failed in a third of the runs."""
    def switch() -> None:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")

    _until_unlocked(switch, JOURNAL_RETRY_SECONDS, JOURNAL_RETRY_SECONDS)


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The row id an INSERT made."""
    if cursor.lastrowid is None:
        raise DatabaseError("The database did not report the id of the row just added.")
    return cursor.lastrowid


@contextmanager
def transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is stored, or none of it.

    Inside a `Batch` it is a savepoint of the batch's transaction: it still stands or falls whole.
    """
    conn = db.conn
    if conn.in_transaction:
        yield from _savepoint(conn)
        return
    begin_immediate(conn)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def begin_immediate(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE, waiting for another writer as long as the busy timeout says, in steps of Python's own.
    SQLite's wait runs in C, where Python takes no signal: Ctrl-C on an ingest into an archive that another
    program held locked was answered at the end of the 30 s, and as 'stayed locked', not 'Interrupted' (helper-94)."""
    conn.execute("PRAGMA busy_timeout = 0")  # two statements without I/O: about a microsecond each
    try:
        _until_unlocked(lambda: conn.execute("BEGIN IMMEDIATE"), 0.001, BUSY_STEP_SECONDS)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _until_unlocked(attempt: Callable[[], object], step: float, most: float) -> None:
    """Run `attempt` until another connection's lock lets it, for as long as the busy timeout says: sleeping `step`
    seconds between tries, doubled each time up to `most` (Ctrl-C is taken while it sleeps)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            attempt()
            return
        except sqlite3.OperationalError as exc:
            if not _busy(exc) or time.monotonic() > deadline:
                raise
        time.sleep(step)
        step = min(step * 2, most)


def _busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _savepoint(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("SAVEPOINT briefarc_item")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite rolls the whole transaction back itself on some errors (disk full)
            conn.execute("ROLLBACK TO briefarc_item")
            conn.execute("RELEASE briefarc_item")
        raise
    conn.execute("RELEASE briefarc_item")


class Batch:
    """Groups many small transactions into one commit every `size` items or `seconds`.

    Each item is still all-or-nothing (a savepoint); a crash loses at most the uncommitted batch,
    which a rerun stores again. On an error or Ctrl-C the items already complete are committed.
    """

    def __init__(self, db: sqlite_utils.Database, size: int = 50, seconds: float = 1.0):
        self.conn, self.size, self.seconds = db.conn, size, seconds
        self.pending, self.started = 0, 0.0
        self.commits = 0  # the batches committed: what was saved before the last one is kept

    def __enter__(self) -> Batch:
        return self

    def begin(self) -> None:
        """Call before each item: opens the batch's transaction when none is open."""
        if not self.conn.in_transaction:
            begin_immediate(self.conn)
            self.pending, self.started = 0, time.monotonic()

    def done(self, items: int = 1) -> None:
        """Call after each item (or group of `items`): commits when the batch is full or old enough."""
        self.pending += items
        if self.pending >= self.size:
            self.commit_if_due(now=True)
        else:
            self.commit_if_due()

    def commit_if_due(self, now: bool = False) -> None:
        """Commit the batch's transaction when `now`, or when it has been open `seconds`."""
        if self.conn.in_transaction and (now or time.monotonic() - self.started >= self.seconds):
            self.conn.execute("COMMIT")
            self.commits += 1

    def __exit__(self, kind, error, trace) -> None:
        if not self.conn.in_transaction:
            return
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error:
            if self.conn.in_transaction:  # a full disk: SQLite has rolled back already, and ROLLBACK hid why
                self.conn.execute("ROLLBACK")
            if kind is None:
                raise
            return
        self.commits += 1


P = ParamSpec("P")
R = TypeVar("R")


def translated(function: Callable[P, R]) -> Callable[P, R]:
    """For the store's public functions: SQLite's exceptions leave them as DatabaseError.

    The rest of briefarc, and the command line's edge, then handle one family of errors.
    """
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with translate_errors():
            return function(*args, **kwargs)

    return wrapper


def translated_rows(function: Callable[P, Iterator[R]]) -> Callable[P, Iterator[R]]:
    """`translated` for a generator (rows streamed to an export): translated while it runs."""
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Iterator[R]:
        with translate_errors():
            yield from function(*args, **kwargs)

    return wrapper


@translated
def database_file(db: sqlite_utils.Database | Reader) -> Path | None:
    """The file a handle reads and writes; None for a database in memory."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    return Path(path) if path else None


def archive_name(db: sqlite_utils.Database) -> str:
    """The archive's file, for an error that names it (a full disk's, in ingest and fetch)."""
    try:
        return str(database_file(db) or "in memory")
    except (DatabaseError, sqlite3.Error):
        return "(its file could not be named)"


@contextmanager
def translate_errors(path: Path | str | None = None) -> Iterator[None]:
    """Turn SQLite's exceptions into one-line errors that say what to do."""
    path = path or (opened[-1] if opened else None)
    where = f" {path}" if path else ""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = "database or disk is full" if _full_disk_io(str(exc), path) else str(exc)
        raise DatabaseError(_explain(message, where)) from exc
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "not a database" in message:  # `briefarc verify` cannot open it either
            raise DatabaseError(f"The file{where} is not a usable briefarc database ({message}): check --db, "
                                "which names an archive or a new file to make one in.") from exc
        if "malformed" in message:
            import shlex

            raise DatabaseError(
                f"The file{where} is not a usable briefarc database ({message}): `briefarc verify` says what is "
                f"damaged when it can open it; else restore a copy, or keep what SQLite can read with "
                f"`sqlite3 {shlex.quote(str(path)) if path else 'FILE'} .recover | sqlite3 recovered.db`.") from exc
        raise DatabaseError(f"Database error{where}: {message}.") from exc


def describe(exc: sqlite3.Error, path: Path | str | None = None) -> str:
    """A one-line explanation of an SQLite error, for the command line."""
    path = path or (opened[-1] if opened else None)
    return _explain(str(exc), f" {path}" if path else "")


def _full_disk_io(message: str, path: Path | str | None) -> bool:
    """Whether SQLite's "disk I/O error" is a full disk's: the -shm or the WAL could not grow (SQLITE_IOERR, where
    a write to the database or its journal says SQLITE_FULL), and the archive's folder has no room left."""
    if "disk I/O error" not in message or path is None:
        return False
    import shutil

    try:
        return shutil.disk_usage(Path(path).parent).free < FULL_DISK_BYTES
    except OSError:
        return False


def _explain(message: str, where: str) -> str:
    if "readonly" in message or "read-only" in message:
        return f"Cannot write to the database{where}: it is read-only. Check the file's permissions."
    if "disk is full" in message or "disk I/O" in message:
        return f"Cannot write to the database{where}: {message}. Free some space and run again."
    if "locked" in message or "busy" in message:
        return (f"The database{where} stayed locked by another process writing to it (another briefarc run, or a "
                "program that keeps it open); try again when that is done.")
    if "unable to open" in message:
        return f"Cannot open the database{where}: check that the folder exists and is writable."
    return f"Database error{where}: {message}."
