"""`briefarc verify` on read-only archives, and on versions, snapshots and references lost by damage."""

from __future__ import annotations

import sqlite3
import zlib
from contextlib import closing

import pytest

from briefarc.errors import DatabaseError
from briefarc.models import Document, RawPage
from briefarc.store.db import Reader, open_database
from briefarc.store.documents import save_document
from briefarc.store.verify import verify
from briefarc.store.versions import MISSING_BYTES, MISSING_SNAPSHOT
from tests.test_crash import immutable, writable
from tests.test_verify import damage, digest_of, unindex

READ_ONLY_ERROR = "Cannot write to the database {}: it is read-only. Check the file's permissions."


@pytest.fixture
def archive(db_file):
    """Document 1 with two versions (snapshots 1 and 2), document 2 with one (snapshot 3)."""
    db = open_database(db_file)
    for url, topic in (("https://mofa.gov.pk/1", "Torkham border crossing"),
                       ("https://mofa.gov.pk/1", "Torkham border crossing reopened"),
                       ("https://mofa.gov.pk/2", "visa-free entry")):
        save_document(db, Document(title=topic, paragraphs=[f"The spokesperson spoke on {topic}."]),
                      RawPage(data=f"<html><p>{topic}</p></html>".encode(), origin="x", url=url))
    db.conn.close()
    checkpoint(db_file)
    return db_file


def checkpoint(db_file) -> None:
    """Everything in the main file, before it is made read-only."""
    with closing(sqlite3.connect(db_file)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture
def read_only(archive):
    """Make the archive unwritable even for root, as a read-only copy or mount would be."""
    def make():
        if not immutable(archive):
            pytest.skip("cannot make a file read-only for this user here (chattr unavailable)")
    yield make
    writable(archive)


def read_only_reader(db_file) -> Reader:
    """A connection SQLite itself refuses to write through, whoever runs the test."""
    return Reader(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, isolation_level=None))


def test_the_archive_has_two_versions_of_document_1(archive):
    with closing(sqlite3.connect(archive)) as conn:
        rows = conn.execute("SELECT document_id, number, snapshot_id FROM versions ORDER BY id").fetchall()
    assert rows == [(1, 1, 1), (1, 2, 2), (2, 1, 3)]


# --- read-only archives


def test_a_read_only_archive_verifies(cli, archive, read_only):
    before = archive.read_bytes()
    read_only()
    result = cli("verify", "--db", archive)
    assert result.code == 0, result.stderr
    assert "Checked 3 raw pages, 3 snapshots and 2 documents" in result.stderr and "no problems" in result.stderr
    assert cli("verify", "--json", "--db", archive).jsonl()[0]["ok"] is True
    assert archive.read_bytes() == before


def test_damaged_bytes_in_a_read_only_archive_are_reported(cli, archive, read_only):
    damage(archive, ("UPDATE blobs SET data = ? WHERE sha256 = ?", (zlib.compress(b"forged"), digest_of(archive, 2))))
    checkpoint(archive)
    read_only()
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.startswith("document 2, snapshot 3: the raw bytes do not match their sha256")
    assert len(result.stdout.splitlines()) == 1 and "Cannot write" not in result.stderr


def test_a_wrong_index_in_a_read_only_archive_is_found_but_not_repaired(cli, archive, read_only):
    damage(archive, unindex(2))
    checkpoint(archive)
    before = archive.read_bytes()
    read_only()
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.splitlines() == ["document 2: not in the full-text index",
                                          "index: the full-text index does not match the documents' text"]
    repaired = cli("verify", "--repair", "--db", archive)
    assert repaired.code == 1
    assert repaired.stderr.strip().splitlines()[-1] == f"Error: {READ_ONLY_ERROR.format(archive)}"
    assert "Traceback" not in repaired.stderr
    assert archive.read_bytes() == before


def test_verify_through_a_read_only_connection(archive):
    report = verify(read_only_reader(archive))
    assert (report.blobs, report.snapshots, report.documents, report.ok) == (3, 3, 2, True)


def test_index_text_that_differs_is_found_through_a_read_only_connection(archive):
    """Only FTS5's own check sees this, and it runs on a copy when the file cannot be written."""
    damage(archive, unindex(2), ("INSERT INTO documents_fts(rowid, title, subtitle, body) "
                                 "VALUES (2, 'visa-free entry', NULL, 'something else entirely')",))
    report = verify(read_only_reader(archive))
    assert [problem.message for problem in report.problems] == [
        "the full-text index does not match the documents' text"]


def test_repair_through_a_read_only_connection_is_refused(archive):
    damage(archive, unindex(1))
    with pytest.raises(DatabaseError, match="read-only") as raised:  # the store's errors are briefarc's
        verify(read_only_reader(archive), repair=True)
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)
    assert verify(open_database(archive)).ok is False  # nothing was changed


# --- versions, snapshots and references


def test_a_version_whose_snapshot_is_gone(cli, archive):
    damage(archive, ("DELETE FROM snapshots WHERE id = 1",))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        "document 1, snapshot 1: version 1 refers to this snapshot, which does not exist: its raw bytes are lost; "
        "restore the database from a backup"]
    assert "1 cannot be repaired" in result.stderr


def test_history_lists_a_version_whose_snapshot_is_gone(cli, archive):
    damage(archive, ("DELETE FROM snapshots WHERE id = 1",))
    versions = cli("history", "1", "--json", "--db", archive).jsonl()
    assert [v["number"] for v in versions] == [1, 2]
    assert (versions[0]["sha256"], versions[0]["raw_size"], versions[0]["origin"]) == (None, None, None)
    assert versions[0]["note"] == MISSING_SNAPSHOT
    assert versions[1]["sha256"] and versions[1]["note"] is None
    table = cli("history", "1", "--db", archive)
    assert table.code == 0 and "2 versions" in table.stdout
    assert cli("diff", "1", "1", "2", "--json", "--db", archive).code == 0


def test_a_version_whose_raw_bytes_are_gone(cli, archive):
    digest = digest_of(archive, 2)
    damage(archive, ("DELETE FROM blobs WHERE sha256 = ?", (digest,)))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        f"document 2, snapshot 3: the raw bytes (sha256 {digest[:16]}…) are missing; "
        "cannot be repaired: ingest or fetch the page again"]
    version = cli("history", "2", "--json", "--db", archive).jsonl()[0]
    assert (version["sha256"], version["raw_size"], version["note"]) == (digest, None, MISSING_BYTES)


def test_versions_of_a_document_that_is_gone(cli, archive):
    damage(archive, ("DELETE FROM documents WHERE id = 2",))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        "document 2: it does not exist, but its version 1 does; restore the database from a backup",
        "reference: snapshots row 3: its document_id points at a row of documents that does not exist; "
        "restore the database from a backup"]


def test_a_reference_only_sqlite_checks(cli, archive):
    """PRAGMA foreign_key_check finds what the named checks do not look at: here a source that is gone."""
    damage(archive, ("UPDATE documents SET source_id = 77 WHERE id = 1",))
    result = cli("verify", "--json", "--db", archive)
    assert result.code == 1
    [problem] = result.jsonl()[0]["problems"]
    assert problem["check"] == "reference"
    assert problem["message"] == ("documents row 1: its source_id points at a row of sources that does not exist; "
                                  "restore the database from a backup")


def test_references_are_each_reported_once(archive):
    """Links with a check of their own are not reported again by PRAGMA foreign_key_check."""
    damage(archive, ("DELETE FROM snapshots WHERE id = 2",), ("DELETE FROM blobs WHERE sha256 = ?",
                                                              (digest_of(archive, 2),)))
    with closing(sqlite3.connect(archive)) as conn:
        assert len(conn.execute("PRAGMA foreign_key_check").fetchall()) == 2
    report = verify(open_database(archive))
    assert sorted(problem.message.split(";")[0] for problem in report.problems) == [
        "its current snapshot (2) does not exist",
        f"the raw bytes (sha256 {digest_of(archive, 2)[:16]}…) are missing",
        "version 2 refers to this snapshot, which does not exist: its raw bytes are lost",
    ]
