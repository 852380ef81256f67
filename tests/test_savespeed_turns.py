"""A new document's turns written by the writer with their CJK terms, before the document (helper-98, m019).

The trigger documents_turns_insert made them from the document's turns JSON, and an UPDATE then gave the turns
with CJK text their terms (a second statement, a second segment of turns_fts per batch). Now NewDocuments inserts
them, terms and all, and the trigger fills only the turns of a document inserted without any (another program's)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from briefarc.store import cjk
from briefarc.store.db import Batch, open_database
from briefarc.store.documents import save_documents
from tests.test_bulk_save import sample_pages

TRIGGER_ROWS = """SELECT d.id, t.key + 1, json_extract(t.value, '$.role'), json_extract(t.value, '$.speaker'),
                         json_extract(t.value, '$.text')
                  FROM documents d, json_each(coalesce(d.turns, '[]')) t ORDER BY d.id, t.key"""


def test_the_turns_written_are_those_the_trigger_makes_with_the_terms_of_their_text(db_file):
    db = open_database(db_file)
    save_documents(db, sample_pages()[:-2])
    conn = db.conn
    turns = conn.execute("SELECT document_id, number, role, speaker, text, cjk_text FROM turns ORDER BY id").fetchall()
    assert [row[:5] for row in turns] == conn.execute(TRIGGER_ROWS).fetchall()
    assert any(row[3] is None for row in turns) and any(row[5] for row in turns)  # no speaker; CJK terms
    assert [row[5] for row in turns] == [cjk.terms(row[4]) for row in turns]
    conn.execute("INSERT INTO turns_fts(turns_fts) VALUES('integrity-check')")
    chinese = next(row for row in turns if row[5])
    word = chinese[5].split(" ")[0]  # a pair of characters of its text
    found = conn.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH ?", (f'"{word}"',)).fetchall()
    assert found and conn.execute("SELECT count(*) FROM turns").fetchone()[0] == len(turns)


def test_another_programs_insert_of_a_document_still_gets_its_turns(db_file):
    open_database(db_file).conn.close()
    conn = sqlite3.connect(db_file)
    turns = [{"speaker": "Mao Ning", "role": "answer", "text": "We oppose sanctions."},
             {"speaker": None, "role": "question", "text": "台湾问题"}]
    conn.execute("INSERT INTO documents (key, turns, archived_at, updated_at) VALUES ('k', ?, 'now', 'now')",
                 (json.dumps(turns, ensure_ascii=False),))
    assert conn.execute("SELECT number, role, speaker, text FROM turns ORDER BY number").fetchall() == [
        (1, "answer", "Mao Ning", "We oppose sanctions."), (2, "question", None, "台湾问题")]
    assert conn.execute("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'sanctions'").fetchone()[0] == 1
    conn.close()


def test_foreign_keys_are_checked_at_once_again_after_the_documents_are_written(db_file):
    """The turns are checked against their documents at the documents' INSERT (defer_foreign_keys, switched off
    again): a later statement of the batch that names no document still fails at once, alone."""
    db = open_database(db_file)
    batch = Batch(db, size=100)
    batch.begin()
    save_documents(db, sample_pages()[:3])
    assert db.conn.in_transaction
    assert db.conn.execute("PRAGMA defer_foreign_keys").fetchone()[0] == 0
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute("INSERT INTO turns (document_id, number, text) VALUES (999999, 1, 'x')")
    batch.done()
    batch.commit_if_due(now=True)
    assert db.conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
