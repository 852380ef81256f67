"""Another program's REPLACE of a document takes the old row out of both full-text indexes (m021).

A REPLACE deletes the old row without its delete triggers (recursive_triggers off: the sqlite3 shell, Python's
sqlite3), so documents_fts kept the old text's terms and turns_fts the old turns' (search found the replaced text),
and both indexes failed FTS5's integrity-check. The other ways another program writes a document (OR IGNORE, an
upsert, sqlite-utils' insert --replace with recursive_triggers on, a DELETE) must leave both indexes right too."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlite_utils

from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from tests.test_bulk_save import sample_pages

NEW_TURNS = json.dumps([{"role": "answer", "speaker": "Mao Ning", "text": "The zebracorn talks will resume."}])
COLUMNS = "(id, key, title, body, turns, archived_at, updated_at)"
KEYED = "(key, title, body, turns, archived_at, updated_at)"  # a new id


@pytest.fixture
def archive(db_file):
    """An archive of the sample pages; (its path, the id, key and a word of the body of a document with turns)."""
    db = open_database(db_file)
    save_documents(db, sample_pages())
    db.conn.commit()
    doc_id, key = db.conn.execute("SELECT id, key FROM documents WHERE json_array_length(turns) >= 2 "
                                        "AND body LIKE '%invitation%' ORDER BY id").fetchone()
    db.conn.close()
    return db_file, doc_id, key


def found(conn: sqlite3.Connection, word: str) -> tuple[list[int], list[int]]:
    """The documents whose text, and those whose turns, hold `word`, by their indexes."""
    documents = [i for (i,) in conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (word,))]
    turns = conn.execute("SELECT DISTINCT t.document_id FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid "
                         "WHERE turns_fts MATCH ? ORDER BY 1", (word,)).fetchall()
    return sorted(documents), [i for (i,) in turns]


def intact(conn: sqlite3.Connection) -> None:
    for index in ("documents_fts", "turns_fts"):
        conn.execute(f"INSERT INTO {index}({index}, rank) VALUES('integrity-check', 1)")  # raises when corrupt


def test_replace_into_documents_leaves_no_old_text_in_the_indexes(archive):
    path, doc_id, key = archive
    conn = sqlite3.connect(path, isolation_level=None)
    assert found(conn, "invitation") == ([doc_id], [doc_id])
    conn.execute(f"REPLACE INTO documents {COLUMNS} VALUES (?, ?, 'Replaced', 'A zebracorn body.', ?, 'now', 'now')",
                 (doc_id, key, NEW_TURNS))
    assert found(conn, "invitation") == ([], [])
    assert found(conn, "zebracorn") == ([doc_id], [doc_id])
    intact(conn)
    assert conn.execute("SELECT count(*) FROM replaced_documents").fetchone() == (0,)


def test_replace_by_key_under_a_new_id(archive):
    path, doc_id, key = archive
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"REPLACE INTO documents {KEYED} VALUES (?, 'Replaced', 'A zebracorn body.', ?, 'now', 'now')",
                 (key, NEW_TURNS))
    new_id = conn.execute("SELECT id FROM documents WHERE key = ?", (key,)).fetchone()[0]
    assert new_id != doc_id
    assert found(conn, "invitation") == ([], [])
    assert found(conn, "zebracorn") == ([new_id], [new_id])
    assert conn.execute("SELECT count(*) FROM turns WHERE document_id = ?", (doc_id,)).fetchone() == (0,)
    intact(conn)


def test_insert_or_ignore_and_an_upsert_keep_the_document_indexed(archive):
    """The copy of the row that an insert may replace is dropped unread when the insert replaced nothing."""
    path, doc_id, key = archive
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"INSERT OR IGNORE INTO documents {COLUMNS} VALUES (?, ?, 'X', 'A zebracorn body.', ?, 'now', 'now')",
                 (doc_id, key, NEW_TURNS))
    assert found(conn, "invitation") == ([doc_id], [doc_id])
    conn.execute(f"INSERT INTO documents {COLUMNS} VALUES (?, ?, 'X', 'A zebracorn body.', ?, 'now', 'now') "
                 "ON CONFLICT(key) DO UPDATE SET body = excluded.body, turns = excluded.turns",
                 (doc_id, key, NEW_TURNS))
    conn.execute(f"INSERT INTO documents {KEYED} VALUES ('new', 'New', 'A quagga body.', '[]', 'now', 'now')")
    assert found(conn, "invitation") == ([], [])
    assert found(conn, "zebracorn") == ([doc_id], [doc_id])
    intact(conn)


def test_sqlite_utils_replace_and_delete(archive):
    """sqlite-utils switches recursive_triggers on: the REPLACE fires the delete triggers, which must not be undone
    or done twice."""
    path, doc_id, key = archive
    database = sqlite_utils.Database(path)
    row = next(database.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
    database["documents"].insert({**row, "body": "A zebracorn body.", "turns": NEW_TURNS}, pk="id", replace=True)
    assert found(database.conn, "invitation") == ([], [])
    assert found(database.conn, "zebracorn") == ([doc_id], [doc_id])
    database["documents"].delete(doc_id)
    assert found(database.conn, "zebracorn") == ([], [])
    intact(database.conn)
