"""Another program's INSERT OR REPLACE of a document (the sqlite3 shell, Python's sqlite3) replaces its turns too
(review of m019, fixed by m020).

m019 made documents_turns_insert fire only for a document inserted without turns, so that the writer's own turns,
inserted before their document, are not made twice. A REPLACE deletes the old row without its delete triggers
(recursive_triggers is off), so the old document's turns were still there when the trigger asked: the replaced
document kept the turns of the one it replaced, and its new turns were neither stored nor searchable. Before m019
the trigger's INSERT took the outer statement's REPLACE and the turns followed the document. (sqlite-utils switches
recursive_triggers on, so its `insert --replace` fired the delete triggers and was not affected: kept as a guard.)"""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from tests.test_bulk_save import sample_pages

NEW_TURNS = [{"role": "question", "speaker": "Reuters", "text": "Will the zebracorn talks resume?"},
             {"role": "answer", "speaker": "Mao Ning", "text": "The zebracorn talks will resume in May."}]


def _archived_document_with_turns(db_file) -> dict:
    db = open_database(db_file)
    save_documents(db, sample_pages())
    db.conn.commit()
    row = db.conn.execute("SELECT id FROM documents WHERE json_array_length(turns) >= 2 ORDER BY id").fetchone()
    assert row is not None, "a sample page with turns"
    columns = [column[0] for column in db.conn.execute("SELECT * FROM documents LIMIT 0").description]
    document = dict(zip(columns, db.conn.execute("SELECT * FROM documents WHERE id = ?", row).fetchone(), strict=True))
    db.conn.close()
    return document


def _turns(conn: sqlite3.Connection, document_id: int) -> list[tuple]:
    return conn.execute("SELECT number, role, speaker, text FROM turns WHERE document_id = ? ORDER BY number",
                        (document_id,)).fetchall()


def test_insert_or_replace_of_a_document_replaces_its_turns(db_file):
    document = _archived_document_with_turns(db_file)
    conn = sqlite3.connect(db_file)
    conn.execute("INSERT OR REPLACE INTO documents (id, key, title, body, turns, archived_at, updated_at) "
                 "VALUES (?, ?, 'Replaced', 'A replaced body.', ?, 'now', 'now')",
                 (document["id"], document["key"], json.dumps(NEW_TURNS)))
    conn.commit()
    assert _turns(conn, document["id"]) == [(1, "question", "Reuters", "Will the zebracorn talks resume?"),
                                            (2, "answer", "Mao Ning", "The zebracorn talks will resume in May.")]
    found = conn.execute("SELECT t.document_id FROM turns_fts JOIN turns t ON t.id = turns_fts.rowid "
                         "WHERE turns_fts MATCH 'zebracorn'").fetchall()
    assert found == [(document["id"],), (document["id"],)]
    conn.close()


def test_sqlite_utils_insert_replace_of_a_document_replaces_its_turns(db_file):
    document = _archived_document_with_turns(db_file)
    database = sqlite_utils.Database(db_file)
    database["documents"].insert({**document, "turns": json.dumps(NEW_TURNS)}, pk="id", replace=True)
    assert [text for _, _, _, text in _turns(database.conn, document["id"])] == [
        "Will the zebracorn talks resume?", "The zebracorn talks will resume in May."]
    database.conn.close()


def test_the_writers_own_turns_are_not_made_twice(db_file):
    """The trigger, firing again for the writer's documents, leaves the turns the writer inserted (with their CJK
    terms) as they are."""
    db = open_database(db_file)
    save_documents(db, sample_pages())
    db.conn.commit()
    conn = db.conn
    made = conn.execute("""SELECT d.id, t.key + 1, json_extract(t.value, '$.text')
                           FROM documents d, json_each(coalesce(d.turns, '[]')) t ORDER BY d.id, t.key""").fetchall()
    assert conn.execute("SELECT document_id, number, text FROM turns ORDER BY document_id, number").fetchall() == made
    assert conn.execute("SELECT count(*) FROM turns WHERE cjk_text IS NOT NULL").fetchone()[0] > 0
    conn.execute("INSERT INTO turns_fts(turns_fts) VALUES('integrity-check')")
    conn.close()
