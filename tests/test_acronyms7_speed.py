"""What search asks SQLite when an acronym (US) is common, pinned by the statements it runs (trace callback): with US
in 25% of 100,000 documents, `search US`'s total handed 25,000 ids to Python and built the set of the documents
holding US again for each of 50 statements (1.6 s); `title:Kashmir US` built it for a query with no match."""

from __future__ import annotations

import pytest

from briefarc.store import search as search_module
from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from briefarc.store.search import passing, search, search_query
from briefarc.store.totals import count_matches
from tests.test_acronyms6_table import doc, page

SET_OF_ROWS = "IN (SELECT document_id FROM acronyms"


@pytest.fixture
def db(db_file):
    db = open_database(db_file)
    save_documents(db, [(doc(f"Talks {n}", "As the US said." if n % 3 == 0 else "Let us talk.",
                             *(["Kashmir"] if n == 3 else [])), page(f"p{n}")) for n in range(30)])
    return db


def traced(db, run) -> tuple[object, list[str]]:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        return run(), statements
    finally:
        db.conn.set_trace_callback(None)


def test_a_bare_acronym_s_total_is_counted_by_sqlite(db, monkeypatch):
    monkeypatch.setattr(search_module, "LOOKED_UP", 5)  # 30 matches of "us": past it, as 100,000 would be
    total, statements = traced(db, lambda: count_matches(db, "US"))
    assert total == 10
    counts = [s for s in statements if s.startswith("SELECT count(*) FROM documents_fts")]
    assert len(counts) == 1 and "MATCH" in counts[0]
    assert not [s for s in statements if s.startswith("SELECT d.id")]  # no id handed to Python


def test_the_rows_judged_are_asked_of_the_table_by_key_not_as_a_set(db):
    _, checks = search_query("US")
    all_ids = [row[0] for row in db.execute("SELECT id FROM documents")]
    found, statements = traced(db, lambda: passing(db, "documents", all_ids, checks))
    assert len(found) == 10
    assert not [s for s in statements if SET_OF_ROWS in s]
    assert any(s.startswith("SELECT document_id FROM acronyms WHERE word = 'US'") for s in statements)


def test_the_rarer_side_is_walked_when_the_query_has_fewer_matches_than_the_acronym(db, monkeypatch):
    """`Kashmir US`: one match of Kashmir, ten documents holding US (past the bounds below, which stand for 300 and
    10): each match is asked of the table by its key, and no set of the ten is built."""
    monkeypatch.setattr(search_module, "LOOKED_UP", 2)
    monkeypatch.setattr(search_module, "LOOKED_UP_AND_SCORED", 2)
    total, statements = traced(db, lambda: count_matches(db, "Kashmir US"))
    hits, page_statements = traced(db, lambda: search(db, "Kashmir US"))
    assert total == 1 and len(hits) == 1
    assert not [s for s in statements + page_statements if SET_OF_ROWS in s]
    assert any("EXISTS (SELECT 1 FROM acronyms" in s for s in statements)
    # the common side: the acronym's rows are the candidates, not asked twice as a set
    _, statements = traced(db, lambda: search(db, "US"))
    assert sum(SET_OF_ROWS in s or "+f.rowid IN (SELECT document_id FROM acronyms" in s for s in statements) <= 1


@pytest.mark.parametrize("query", ["Kashmir US", "(US OR WHO) Kashmir", "title:Talks US"])
def test_a_query_with_few_matches_is_asked_of_the_index_once_for_its_total(db, query):
    """At most LOOKED_UP matches (here 30 or fewer): they are the rows, each told from the table by its key; the
    index is not asked again with the acronyms' set (`title:Kashmir US`, no match: 6 ms; the old text path 1.7)."""
    total, statements = traced(db, lambda: count_matches(db, query))
    assert total == (1 if "Kashmir" in query else 10)
    asked = [s.split("MATCH ")[1].split(" LIMIT")[0] for s in statements if "MATCH" in s]
    assert asked.count(asked[0]) == 1  # the whole query once (a group's rows lacking US are asked of the rest)
    assert not [s for s in statements if SET_OF_ROWS in s]
    hits, statements = traced(db, lambda: search(db, query))
    assert len(hits) == total and not [s for s in statements if SET_OF_ROWS in s]
