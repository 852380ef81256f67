"""The writer reads the acronyms of the documents it saves from the text in hand, not from the table again
(store/acronyms.py record's `texts`), and still reads those another program left unread."""

from __future__ import annotations

from briefarc.store import acronyms
from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from tests.test_acronyms6_table import by_text, doc, page, rows


def test_record_takes_the_texts_given_and_reads_the_other_unread_from_the_table(db_file):
    db = open_database(db_file)
    conn = db.conn
    conn.execute("BEGIN")
    for key, body in (("a", "the US said"), ("b", "IT was WHO")):
        conn.execute("INSERT INTO documents (key, body, archived_at, updated_at) VALUES (?, ?, 'n', 'n')", (key, body))
    assert set(conn.execute("SELECT * FROM acronyms_unread")) == {(1,), (2,)}
    # document 1's text as given (not its row's): the table follows what it is told
    assert acronyms.record(conn, texts={1: ("IS", None, "WHO and US")}) == 2
    conn.execute("COMMIT")
    assert rows(conn) == {(1, "title", "IS"), (1, "body", "WHO"), (1, "body", "US"), (2, "body", "IT"),
                          (2, "body", "WHO")}


def test_new_documents_and_new_versions_in_one_save_match_their_text(db_file):
    db = open_database(db_file)
    save_documents(db, [(doc("Old", "IT said"), page("b"))])
    save_documents(db, [(doc("WHO report", "The US and it.", subtitle="IS it"), page("a")),
                        (doc("Old", "no longer"), page("b")),  # a new version of b: its row updated
                        (doc("WHO report", "Now THE US"), page("a")),  # a's new version, in the same transaction
                        (doc("Plain", "nothing shouted"), page("c"))])
    assert rows(db.conn) == by_text(db.conn) == {(2, "title", "WHO"), (2, "body", "US"), (2, "body", "THE")}
    assert list(acronyms.differing(db.conn)) == []


def test_held_compiles_no_pattern_per_word():
    """Each word's own pattern holds the class of CJK characters, about 2 ms to compile: held() finds every word
    with one pattern (the words it finds are those of each word's pattern: test_acronyms6_table)."""
    acronyms._pattern.cache_clear()
    assert acronyms.held("The US, WHO and IT said; THE END: USA, aUS, US1, U\u0301S") == {"US", "WHO", "IT", "THE"}
    assert acronyms._pattern.cache_info().currsize == 0
