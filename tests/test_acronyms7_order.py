"""A REPLACE by another program (recursive triggers off, as the sqlite3 shell) deletes the replaced row without its
delete triggers: documents_acronyms_insert drops its rows from replaced_documents, which documents_turns_insert
empties. SQLite fires the newest trigger first, so this works only while documents_acronyms_insert is newer than
documents_turns_insert: a later migration that makes documents_turns_insert again must make the acronyms triggers
again after it (acronyms.TRIGGERS_SQL). These tests fail if it does not."""

from __future__ import annotations

import sqlite3

import pytest

from briefarc.store.db import open_database
from briefarc.store.migrations import migrate
from tests.test_migrations import archive_at

DOCUMENTS = [("a", "WHO says", "US and it"), ("b", "Talks", "IT matters")]


def fresh(tmp_path) -> str:
    path = tmp_path / "fresh.db"
    open_database(path).conn.close()
    return str(path)


def migrated(tmp_path) -> str:
    """An archive of version 21 migrated to this one: every later migration run."""
    path = archive_at(tmp_path / "old.db", 21)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn)
    conn.close()
    return str(path)


def replaced(path: str, recreate_turns_trigger: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)  # recursive_triggers off
    conn.executemany("INSERT INTO documents (key, title, body, archived_at, updated_at) VALUES (?, ?, ?, 'n', 'n')",
                     DOCUMENTS)
    from briefarc.store import acronyms

    acronyms.record(conn)
    if recreate_turns_trigger:  # what a later migration making documents_turns_insert again would do
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_turns_insert'").fetchone()[0]
        conn.execute("DROP TRIGGER documents_turns_insert")
        conn.execute(sql)
    conn.execute("REPLACE INTO documents (key, title, body, archived_at, updated_at) VALUES ('a', 'x', '-', 'n', 'n')")
    return conn


def left_behind(conn: sqlite3.Connection) -> set[int]:
    return {row[0] for row in conn.execute("SELECT document_id FROM acronyms UNION SELECT document_id "
                                           "FROM acronyms_unread EXCEPT SELECT id FROM documents")}


@pytest.mark.parametrize("made", [fresh, migrated])
def test_a_replace_without_recursive_triggers_leaves_no_rows_of_the_replaced_document(tmp_path, made):
    conn = replaced(made(tmp_path))
    assert conn.execute("SELECT id FROM documents WHERE key = 'a'").fetchone() == (3,)
    assert left_behind(conn) == set()
    assert set(conn.execute("SELECT document_id, word FROM acronyms")) == {(2, "IT")}


def test_it_rests_on_the_order_of_the_triggers(tmp_path):
    """With documents_turns_insert made after the acronyms triggers, the replaced document's rows stay."""
    conn = replaced(fresh(tmp_path), recreate_turns_trigger=True)
    assert left_behind(conn) == {1}
