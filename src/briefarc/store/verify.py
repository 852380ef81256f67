"""Checking the archive: raw bytes against their sha256, SQLite's own check, the references
between tables, the full-text index.

Every check reads row by row. A check that SQLite cannot even run (a damaged page) is itself
reported as a problem, so one damaged table does not hide the state of the rest. Checking writes
nothing, so a read-only archive can be verified: FTS5's own check is a write to SQLite, and on a
read-only file it runs on a temporary copy (in TMPDIR) instead.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefarc.store.blobs import BlobError, decode_blob
from briefarc.store.db import transaction, translated
from briefarc.store.fts import rebuild as rebuild_indexes
from briefarc.store.fts import stale_terms

if TYPE_CHECKING:
    import sqlite_utils

NO_REPAIR = "cannot be repaired: ingest or fetch the page again"
# Each index against the text and CJK terms of its table.
FTS_CHECKS = [f"INSERT INTO {table}_fts({table}_fts, rank) VALUES('integrity-check', 1)"
              for table in ("documents", "turns")]
# links that check_references reports in its own words; PRAGMA foreign_key_check reports the rest
EXPLAINED_LINKS = {("snapshots", "blobs"), ("versions", "snapshots"), ("versions", "documents")}


@dataclass
class Problem:
    check: str  # raw, database, index, reference
    message: str
    document_id: int | None = None
    snapshot_id: int | None = None
    sha256: str | None = None
    repairable: bool = False

    def line(self) -> str:
        where = [f"{name} {value}" for name, value in (("document", self.document_id),
                                                       ("snapshot", self.snapshot_id)) if value is not None]
        if not where and self.sha256:
            where.append(f"blob {self.sha256[:16]}")
        return f"{', '.join(where) or self.check}: {self.message}"


@dataclass
class VerifyReport:
    blobs: int = 0
    snapshots: int = 0
    documents: int = 0
    problems: list[Problem] = field(default_factory=list)  # as found
    repaired: bool = False
    remaining: list[Problem] = field(default_factory=list)  # after --repair (else the same as found)

    @property
    def ok(self) -> bool:
        return not self.remaining

    @property
    def fixed(self) -> int:
        """Problems --repair fixed."""
        return len(self.problems) - len(self.remaining)

    @property
    def repairable(self) -> int:
        """Remaining problems that rebuilding the full-text index can fix."""
        return sum(problem.repairable for problem in self.remaining)

    def as_dict(self) -> dict:
        return {
            "ok": self.ok, "blobs": self.blobs, "snapshots": self.snapshots, "documents": self.documents,
            "problems": [asdict(p) for p in self.problems], "repaired": self.repaired,
            "remaining": [asdict(p) for p in self.remaining],
        }


@translated
def verify(db: sqlite_utils.Database, *, quick: bool = False, repair: bool = False) -> VerifyReport:
    """Run every check; with `repair`, rebuild the full-text index if it is wrong and check it again."""
    report = VerifyReport()
    conn = db.conn
    pragma = "quick_check" if quick else "integrity_check"
    for name, check in ((f"SQLite {pragma}", lambda: check_database(conn, pragma)),
                        ("the check of raw pages", lambda: check_blobs(conn, report)),
                        ("the check of snapshots", lambda: check_references(conn, report))):
        report.problems.extend(guarded(name, check))
    index_problems = guarded("the check of the full-text index", lambda: check_index(conn))
    acronym_problems = guarded("the check of the acronyms table", lambda: check_acronyms(conn))
    report.problems.extend(index_problems + acronym_problems)
    report.remaining = list(report.problems)
    if repair and (index_problems or acronym_problems):
        from briefarc.store import acronyms

        with transaction(db) as write:
            if index_problems:
                rebuild_indexes(write)
            if acronym_problems:
                acronyms.rebuild(write)
        report.repaired = True
        others = [p for p in report.problems if p not in index_problems and p not in acronym_problems]
        report.remaining = others + guarded("the check of the full-text index", lambda: check_index(conn)) \
            + guarded("the check of the acronyms table", lambda: check_acronyms(conn))
    return report


def guarded(name: str, check: Callable[[], Iterator[Problem] | list[Problem]]) -> list[Problem]:
    """The problems a check finds, keeping those found before SQLite fails, and the failure itself."""
    found: list[Problem] = []
    try:
        for problem in check():
            found.append(problem)
    except sqlite3.OperationalError as exc:
        if "decode" not in str(exc):
            raise  # locked, read-only, out of space: not damage, and the caller says what to do
        found.append(Problem("database", f"{name} could not run: {exc}"))
    except sqlite3.DatabaseError as exc:
        found.append(Problem("database", f"{name} could not run: {exc}. The file is damaged: restore it "
                                         "from a backup, or export what can still be read."))
    return found


def check_database(conn: sqlite3.Connection, pragma: str) -> Iterator[Problem]:
    for (message,) in conn.execute(f"PRAGMA {pragma}"):
        if message != "ok":
            yield Problem("database", f"SQLite {pragma}: {' '.join(str(message).split())}")


def check_blobs(conn: sqlite3.Connection, report: VerifyReport) -> Iterator[Problem]:
    """Each blob, one at a time: decompressed, hashed and measured against what was recorded."""
    # CAST: bytes even when damage left text in the column (Python would fail to decode it)
    blobs = conn.execute("SELECT sha256, size, compression, CAST(data AS BLOB) FROM blobs")
    for digest, size, compression, data in blobs:
        report.blobs += 1
        message = _blob_problem(digest, size, compression, data)
        if message:
            yield from _for_snapshots(conn, digest, f"{message}; {NO_REPAIR}")


def _blob_problem(digest: str, size: int, compression: str, data: bytes | None) -> str | None:
    try:
        decode_blob(digest, compression, data, size)
    except BlobError as exc:
        return str(exc)
    return None


def _for_snapshots(conn: sqlite3.Connection, digest: str, message: str) -> Iterator[Problem]:
    rows = conn.execute("SELECT id, document_id FROM snapshots WHERE sha256 = ? ORDER BY id", (digest,)).fetchall()
    if not rows:
        yield Problem("raw", f"{message}; no snapshot uses it", sha256=digest)
    for snapshot_id, document_id in rows:
        yield Problem("raw", message, document_id, snapshot_id, digest)


def check_references(conn: sqlite3.Connection, report: VerifyReport) -> Iterator[Problem]:
    """Every snapshot has its bytes; every document and version points at rows that exist."""
    report.snapshots = conn.execute("SELECT count(*) FROM snapshots").fetchone()[0]
    report.documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    yield from check_snapshots(conn)
    yield from check_versions(conn)
    yield from check_foreign_keys(conn)


def check_snapshots(conn: sqlite3.Connection) -> Iterator[Problem]:
    missing = """SELECT sn.id, sn.document_id, sn.sha256 FROM snapshots sn
                 LEFT JOIN blobs b ON b.sha256 = sn.sha256 WHERE b.sha256 IS NULL ORDER BY sn.id"""
    for snapshot_id, document_id, digest in conn.execute(missing):
        yield Problem("raw", f"the raw bytes (sha256 {digest[:16]}…) are missing; {NO_REPAIR}",
                      document_id, snapshot_id, digest)
    dangling = """SELECT d.id, d.snapshot_id FROM documents d
                  LEFT JOIN snapshots sn ON sn.id = d.snapshot_id AND sn.document_id = d.id
                  WHERE sn.id IS NULL ORDER BY d.id"""
    for document_id, snapshot_id in conn.execute(dangling):
        yield Problem("raw", f"its current snapshot ({snapshot_id}) does not exist; {NO_REPAIR}", document_id)


def check_versions(conn: sqlite3.Connection) -> Iterator[Problem]:
    """Every version keeps its raw snapshot and belongs to a document that exists."""
    lost = """SELECT v.document_id, v.number, v.snapshot_id FROM versions v
              LEFT JOIN snapshots sn ON sn.id = v.snapshot_id WHERE sn.id IS NULL ORDER BY v.document_id, v.number"""
    for document_id, number, snapshot_id in conn.execute(lost):
        yield Problem("raw", f"version {number} refers to this snapshot, which does not exist: its raw bytes "
                             "are lost; restore the database from a backup", document_id, snapshot_id)
    orphans = """SELECT v.document_id, v.number FROM versions v
                 LEFT JOIN documents d ON d.id = v.document_id WHERE d.id IS NULL ORDER BY v.document_id, v.number"""
    for document_id, number in conn.execute(orphans):
        yield Problem("reference", f"it does not exist, but its version {number} does; "
                                   "restore the database from a backup", document_id)


def check_foreign_keys(conn: sqlite3.Connection) -> Iterator[Problem]:
    """SQLite's own check of every declared reference, but for those reported above in plainer words."""
    for table, rowid, parent, key in conn.execute("PRAGMA foreign_key_check").fetchall():
        if (table, parent) not in EXPLAINED_LINKS:
            column = _key_column(conn, table, key)
            yield Problem("reference", f"{table} row {rowid}: its {column} points at a row of {parent} "
                                       "that does not exist; restore the database from a backup")


def _key_column(conn: sqlite3.Connection, table: str, key: int) -> str:
    rows = conn.execute("SELECT id, \"from\" FROM pragma_foreign_key_list(?)", (table,)).fetchall()
    return ", ".join(column for number, column in rows if number == key) or "reference"


def check_index(conn: sqlite3.Connection) -> list[Problem]:
    """The index holds exactly the documents, and FTS5 finds it consistent with their text."""
    problems = [
        Problem("index", "not in the full-text index", document_id, repairable=True)
        for (document_id,) in conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT id FROM documents_fts_docsize) ORDER BY id")
    ]
    problems += [
        Problem("index", "the full-text index holds this document, which does not exist", document_id,
                repairable=True)
        for (document_id,) in conn.execute(
            "SELECT id FROM documents_fts_docsize WHERE id NOT IN (SELECT id FROM documents) ORDER BY id")
    ]
    problems += [Problem("index", "its CJK search terms (cjk_title, cjk_subtitle, cjk_body) are not those of its text",
                         row[-1], repairable=True)
                 for page in stale_terms(conn, "documents") for row in page]
    if any(stale_terms(conn, "turns")):
        problems.append(Problem("index", "turns have CJK search terms (cjk_text) that are not those of their text",
                                repairable=True))
    if not index_matches(conn):
        problems.append(Problem("index", "the full-text index does not match the documents' text",
                                repairable=True))
    return problems


def check_acronyms(conn: sqlite3.Connection) -> list[Problem]:
    """The acronyms table (store/acronyms.py) says what each document's text holds, and its triggers are there:
    search answers WHO, US, IT from it, and misses a document whose rows are gone."""
    from briefarc.store import acronyms

    if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'acronyms'").fetchone()[0] == 0:
        return []
    problems = []
    if missing := acronyms.missing_triggers(conn):
        problems.append(Problem("index", f"the triggers that keep the acronyms table in step with the text are "
                                         f"missing ({', '.join(missing)})", repairable=True))
    problems += [Problem("index", "the acronyms table does not hold the acronyms (WHO, US, IT) its text has as "
                                  "written: search misses it for them", document_id, repairable=True)
                 for document_id in acronyms.differing(conn)]
    problems += [Problem("index", "the acronyms table holds rows of this document, which does not exist",
                         document_id, repairable=True) for document_id in acronyms.orphans(conn)]
    return problems


def index_matches(conn: sqlite3.Connection) -> bool:
    """FTS5's integrity-check, on a temporary copy when the database is read-only."""
    try:
        return fts_consistent(conn)
    except sqlite3.OperationalError as exc:
        if not is_read_only(exc):
            raise
    return index_matches_in_copy(conn)


def fts_consistent(conn: sqlite3.Connection) -> bool:
    """Rank 1: compare the index with the documents' text, not only with itself."""
    try:
        for check in FTS_CHECKS:
            conn.execute(check)
    except sqlite3.OperationalError:
        raise
    except sqlite3.DatabaseError:
        return False
    return True


def index_matches_in_copy(conn: sqlite3.Connection) -> bool:
    """SQLite counts FTS5's check as a write, which a read-only file refuses: check a copy instead."""
    with tempfile.TemporaryDirectory(prefix="briefarc-verify-") as folder:
        copy = sqlite3.connect(Path(folder) / "copy.db", isolation_level=None)
        try:
            conn.backup(copy)
            return fts_consistent(copy)
        finally:
            copy.close()


def is_read_only(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_READONLY
    return "readonly" in str(exc)
