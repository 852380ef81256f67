"""The acronyms table (store/acronyms.py): which shouted stop words (WHO, US, IS, IT) each document holds as written,
by column, kept in step with every write: briefarc's own (ingest, a new version, reparse), another program's (an
INSERT, an UPDATE, a REPLACE with and without recursive triggers, a DELETE), and filled for an older archive by m022.
"""

from __future__ import annotations

import random
import sqlite3

import sqlite_utils
from hypothesis import given
from hypothesis import strategies as st

from briefarc.analysis.matching import TOKEN, index_form, is_shouted_stopword, parse_term
from briefarc.analysis.tokens import STOPWORDS
from briefarc.models import Document, RawPage
from briefarc.store import acronyms
from briefarc.store.db import open_database
from briefarc.store.documents import replace_extraction, save_documents
from briefarc.store.migrations import MIGRATIONS, migrate
from tests.test_migrations import archive_at


def doc(title: str, *paragraphs: str, subtitle: str | None = None) -> Document:
    return Document(title=title, subtitle=subtitle, paragraphs=list(paragraphs))


def page(name: str) -> RawPage:
    return RawPage(data=f"<html><p>{name}</p></html>".encode(), origin=f"/tmp/{name}.html",
                   url=f"https://example.org/{name}")


def rows(conn) -> set[tuple[int, str, str]]:
    """(document, column, word) of the table; an error if a document is left unread."""
    assert conn.execute("SELECT count(*) FROM acronyms_unread").fetchone() == (0,)
    return set(conn.execute("SELECT document_id, [column], word FROM acronyms"))


def by_text(conn) -> set[tuple[int, str, str]]:
    """What the table must hold: each word of WORDS that search's own pattern finds in each column."""
    found = set()
    for doc_id, *texts in conn.execute("SELECT id, title, subtitle, body FROM documents"):
        for column, text in zip(acronyms.COLUMNS, texts, strict=True):
            found |= {(doc_id, column, word) for word in acronyms.WORDS
                      if parse_term(f'"{word}"').pattern.search(text or "")}
    return found


def test_the_words_are_the_shouted_stop_words_and_their_patterns_search_s():
    """WORDS is pinned: a change to STOPWORDS that changes it needs a migration reading every document again."""
    derived = {word.upper() for word in STOPWORDS
               if is_shouted_stopword(word.upper(), TOKEN.findall(index_form(word.upper())), False)}
    assert derived == acronyms.WORDS, "STOPWORDS changed: pin the new WORDS and add a migration that records them"
    for word in acronyms.WORDS:
        term = parse_term(f'"{word}"')
        assert term.exact_case and term.word == word and not term.possessive
        assert (acronyms._pattern(word).pattern, acronyms._pattern(word).flags) == \
            (term.pattern.pattern, term.pattern.flags)


PIECES = ["IT", "US", "WHO", "IS", "it", "us", "Us", "USA", "ITS", "WHO's", "U.S.", "aUS", "US1", "_IT_", "ÍT",
          "U\u0301S", "I\u0301T", "IT\u0301", "美国US", "US美国", "ＵＳ", "-", ".", " ", "\n", "é", "1", "'", "THE"]


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_held_is_what_each_word_s_own_pattern_finds(pieces):
    text = "".join(pieces)
    assert acronyms.held(text) == {word for word in acronyms.WORDS if parse_term(f'"{word}"').pattern.search(text)}


def test_held_on_random_text_of_capitals_and_marks():
    rng = random.Random(6)
    alphabet = "ITUSWHOA itus'’.-_1é\u0301美"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert acronyms.held(text) == {word for word in acronyms.WORDS
                                       if parse_term(f'"{word}"').pattern.search(text)}, text


def test_ingest_new_version_and_reparse_keep_the_table(db_file):
    db = open_database(db_file)
    save_documents(db, [(doc("WHO report", "The US and it.", subtitle="IS it"), page("a")),
                        (doc("who knows", "it is US-made."), page("b")),
                        (doc("Nothing", "no acronyms at all, it is said"), page("c"))])
    assert rows(db.conn) == {(1, "title", "WHO"), (1, "body", "US"), (1, "subtitle", "IS"), (2, "body", "US")}
    save_documents(db, [(doc("who knows", "IT said so."), page("b"))])  # a new version of b: its row updated
    assert rows(db.conn) == {(1, "title", "WHO"), (1, "body", "US"), (1, "subtitle", "IS"), (2, "body", "IT")}
    snapshot = db.execute("SELECT snapshot_id FROM documents WHERE id = 3").fetchone()[0]
    assert replace_extraction(db, 3, snapshot, doc("Nothing", "Now WHO and IT"), latest=True)  # as reparse does
    assert rows(db.conn) == by_text(db.conn) == {
        (1, "title", "WHO"), (1, "body", "US"), (1, "subtitle", "IS"), (2, "body", "IT"), (3, "body", "WHO"),
        (3, "body", "IT")}


def test_another_program_s_writes_are_read_again_or_dropped(db_file):
    db = open_database(db_file)
    save_documents(db, [(doc("WHO report", "The US"), page("a")), (doc("Talks", "IT matters"), page("b"))])
    key = db.execute("SELECT key FROM documents WHERE id = 2").fetchone()[0]
    db.conn.close()
    conn = sqlite3.connect(db_file, isolation_level=None)  # recursive_triggers off, as the sqlite3 shell
    conn.execute("UPDATE documents SET body = 'no acronym' WHERE id = 1")
    assert set(conn.execute("SELECT * FROM acronyms_unread")) == {(1,)}
    assert set(conn.execute("SELECT document_id, word FROM acronyms")) == {(2, "IT")}
    conn.execute("UPDATE documents SET removed_at = 'now' WHERE id = 2")  # not its text: still known
    assert set(conn.execute("SELECT document_id, word FROM acronyms")) == {(2, "IT")}
    conn.execute("REPLACE INTO documents (key, title, body, archived_at, updated_at) VALUES (?, 'x', 'US', 'n', 'n')",
                 (key,))  # a new id in place of 2
    assert set(conn.execute("SELECT document_id, word FROM acronyms")) == set()
    assert set(conn.execute("SELECT * FROM acronyms_unread")) == {(1,), (3,)}
    conn.execute("DELETE FROM documents WHERE id = 1")
    assert set(conn.execute("SELECT * FROM acronyms_unread")) == {(3,)}
    conn.close()
    db = open_database(db_file)
    save_documents(db, [(doc("Later", "WHO"), page("c"))])  # the writer reads every unread document
    assert rows(db.conn) == by_text(db.conn) == {(3, "body", "US"), (4, "body", "WHO")}
    tables = sqlite_utils.Database(db_file)  # recursive_triggers on: a REPLACE fires the delete triggers
    tables["documents"].insert({"id": 4, "key": "k", "title": "IS", "body": "-", "archived_at": "n",
                                "updated_at": "n"}, replace=True)
    assert set(tables.execute("SELECT document_id, word FROM acronyms")) == {(3, "US")}
    assert set(tables.execute("SELECT * FROM acronyms_unread")) == {(4,)}


def test_an_archive_at_version_twenty_one_gets_the_table_filled(tmp_path):
    path = archive_at(tmp_path / "old.db", 21)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executemany("INSERT INTO documents (key, title, subtitle, body, archived_at, updated_at) "
                     "VALUES (?, ?, ?, ?, 'n', 'n')",
                     [("a", "WHO says", None, "US and it"), ("b", "who", "IT", "nothing"), ("c", None, None, None)])
    assert migrate(conn) == len(MIGRATIONS)
    assert rows(conn) == by_text(conn) == {(1, "title", "WHO"), (1, "body", "US"), (2, "subtitle", "IT")}
