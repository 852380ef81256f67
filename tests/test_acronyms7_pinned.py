"""What the acronyms table's shortcuts do, pinned by the statements search runs (trace callback): with
search._candidates returning None, or querytree._matching asking the index about each row whatever its matches,
every result stays the same and every other test passed (helper-126's review of 6288e28).

- _candidates: the index's matches are told from the rows the table says may pass (`IT OR Zanzibarxq`: the few
  documents holding IT, and Zanzibarxq's matches) on the index's rowid, before a document's row is read; each is
  looked up in the index when they are few.
- _matching: a query with at most WALKED_A_LOOKUP matches a row asked about is walked whole, in one statement
  (`title:(WHO OR Blinken)`: 1,123 rows looked up in title:Blinken, 414 ms; its matches walked, 1 ms).
"""

from __future__ import annotations

import pytest

from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from briefarc.store.querytree import _matching
from briefarc.store.search import search
from briefarc.store.totals import count_matches
from tests.test_acronyms6_table import doc, page
from tests.test_acronyms7_speed import traced

IT = (0, 10, 20)  # the documents writing IT as written; every one writes "it"
KASHMIR = (5,)


@pytest.fixture
def db(db_file):
    db = open_database(db_file)
    save_documents(db, [(doc(f"Talks {n}", ("The IT systems, and it." if n in IT else "And it went on."),
                             *(["Kashmir"] if n in KASHMIR else [])), page(f"p{n}")) for n in range(30)])
    return db


def ids_of(db, titles) -> set[int]:
    return {db.execute("SELECT id FROM documents WHERE title = ?", [f"Talks {n}"]).fetchone()[0] for n in titles}


@pytest.mark.parametrize("query", ["IT", "IT OR Zanzibarxq"])
def test_the_matches_are_told_from_the_table_s_rows_on_the_index_s_rowid(db, query, monkeypatch):
    from briefarc.store import search as search_module

    monkeypatch.setattr(search_module, "LOOKED_UP", 5)  # 30 matches of "it": past it, as 100,000 would be
    hits, page_statements = traced(db, lambda: search(db, query))
    total, total_statements = traced(db, lambda: count_matches(db, query))
    assert {hit["id"] for hit in hits} == ids_of(db, IT) and total == len(IT)
    # few (3): looked up in the index, no `+` before the rowid
    assert any("f.rowid IN (SELECT document_id FROM acronyms" in s for s in page_statements), page_statements
    assert any("documents_fts.rowid IN (SELECT document_id FROM acronyms" in s for s in total_statements), \
        total_statements


def test_a_query_with_few_matches_is_walked_whole(db):
    asked = sorted(ids_of(db, range(30)))
    found, statements = traced(db, lambda: _matching(db, "documents", '"Kashmir"', asked))
    assert found == ids_of(db, KASHMIR)
    assert not [s for s in statements if "rowid IN" in s]  # one pass over Kashmir's match, no row looked up
    assert [s for s in statements if s.startswith("SELECT rowid FROM documents_fts WHERE documents_fts MATCH")]


def test_a_query_with_many_matches_looks_up_each_row(db, monkeypatch):
    from briefarc.store import querytree

    monkeypatch.setattr(querytree, "WALKED_A_LOOKUP", 2)  # 30 matches of "it": more than 2 for each of the 3 rows asked
    asked = sorted(ids_of(db, IT))
    found, statements = traced(db, lambda: _matching(db, "documents", '"it"', asked))
    assert found == set(asked)
    assert [s for s in statements if "rowid IN" in s]
