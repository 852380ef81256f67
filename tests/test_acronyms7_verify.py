"""verify checks the acronyms table (store/acronyms.py) against the text, as search relies on it: rows deleted by hand,
a write made while its triggers were gone (`sqlite-utils transform` drops them) and rows left behind for a document
replaced by another program's UPDATE OR REPLACE were all "no problems", and search silently missed documents.
verify --repair reads the table again and makes its triggers again."""

from __future__ import annotations

import sqlite3

from briefarc.store import acronyms
from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from briefarc.store.search import search
from briefarc.store.verify import verify
from tests.test_acronyms6_table import doc, page


def archive(db_file):
    db = open_database(db_file)
    save_documents(db, [(doc("WHO report", "The US and it."), page("a")), (doc("Talks", "IT matters"), page("b")),
                        (doc("Plain", "nothing shouted here"), page("c"))])
    return db


def ids(db, query: str) -> set[int]:
    return {hit["id"] for hit in search(db, query)}


def raw(db_file) -> sqlite3.Connection:
    return sqlite3.connect(db_file, isolation_level=None)


def test_rows_deleted_by_hand_are_a_problem_that_repair_fixes(db_file, cli):
    db = archive(db_file)
    who = ids(db, "WHO")
    assert len(who) == 1 and verify(db).ok
    with raw(db_file) as conn:
        conn.execute("DELETE FROM acronyms WHERE word = 'WHO'")
    assert ids(db, "WHO") == set()  # what search misses
    report = verify(db)
    assert [(p.document_id, p.repairable) for p in report.problems] == [(min(who), True)]
    assert "acronyms table" in report.problems[0].message
    result = cli("verify", "--db", db_file)
    assert result.code == 1 and "acronyms table" in result.stdout
    result = cli("verify", "--repair", "--db", db_file)
    assert result.code == 0, result.stdout + result.stderr
    db = open_database(db_file)
    assert ids(db, "WHO") == who and verify(db).ok


def test_a_write_made_while_the_triggers_were_gone_and_the_triggers_are_repaired(db_file):
    db = archive(db_file)
    plain = ids(db, "Plain")
    with raw(db_file) as conn:
        for name in acronyms.TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("UPDATE documents SET body = 'As the US said.' WHERE title = 'Plain'")
    db = open_database(db_file)
    assert not ids(db, "US") & plain
    report = verify(db)
    messages = [(p.document_id, p.message) for p in report.problems]
    assert any(document is None and "triggers" in message for document, message in messages)
    assert any(document == min(plain) for document, _ in messages)
    report = verify(db, repair=True)
    assert report.repaired and report.remaining == []
    assert acronyms.missing_triggers(db.conn) == []
    assert ids(db, "US") & plain
    with raw(db_file) as conn:  # the triggers work again: another program's write is seen
        conn.execute("UPDATE documents SET body = 'IT said so.' WHERE title = 'Plain'")
    assert ids(open_database(db_file), "IT") >= plain


def test_rows_of_a_document_that_does_not_exist_are_found_and_dropped(db_file):
    """An UPDATE OR REPLACE that takes another row's key deletes that row without its delete triggers (recursive
    triggers off, as the sqlite3 shell): its rows stay behind."""
    db = archive(db_file)
    with raw(db_file) as conn:
        old = conn.execute("SELECT id FROM documents WHERE title = 'WHO report'").fetchone()[0]
        conn.execute("UPDATE OR REPLACE documents SET key = (SELECT key FROM documents WHERE id = ?) "
                     "WHERE title = 'Talks'", [old])
        assert conn.execute("SELECT count(*) FROM documents WHERE id = ?", [old]).fetchone() == (0,)
    db = open_database(db_file)
    assert acronyms.orphans(db.conn) == [old]
    report = verify(db)
    # (the full-text index holds it too: those problems are the index's own)
    assert [(p.document_id, "does not exist" in p.message) for p in report.problems if "acronyms" in p.message] \
        == [(old, True)]
    # its versions are left without it, which no repair fixes: the table's rows are dropped
    assert not [p for p in verify(db, repair=True).remaining if "acronyms" in p.message]
    assert acronyms.orphans(db.conn) == []
