"""The newest candidates of a query with an acronym beside an OR (`US OR minister`) are walked without the set of
every match of the rest of the query (store/newest_passing.py): the pages are those of the statement that built it
(search._passing returning None), hit for hit, score for score, snippet for snippet, with filters and
offsets, on the table's path and on the text path (every document unread). The ranking's bounds are made small
enough for 200 documents to reach the newest candidates."""

from __future__ import annotations

import random

import pytest

from briefarc.models import Document, RawPage
from briefarc.store import ranking
from briefarc.store import search as search_module
from briefarc.store.db import open_database
from briefarc.store.documents import save_documents
from briefarc.store.search import Filters, search
from tests.test_acronyms7_speed import traced

WORDS = ["minister", "minister", "minister", "the", "it", "us", "who", "talks", "health", "Geneva", "Pakistan", "It"]
RARE = ["US", "IT", "WHO", "WHO's", "Blinken", "Kashmir", "Geneva's", "UN"]

QUERIES = ["US OR minister", "IT OR Blinken", "IT OR Zanzibarxq", "WHO OR Geneva", "US OR UN OR Blinken",
           "IT OR minister*", "NEAR(health talks) OR US", "WHO's OR Geneva", "(IT Blinken) OR Kashmir",
           "IT OR Geneva's", "title:(IT OR Blinken)", "minister OR US"]
FILTERS = [None, Filters(kind="news"), Filters(since="2018-01-01")]


def text(rng: random.Random, size: int) -> str:
    return " ".join(rng.choice(RARE if rng.random() < 0.04 else WORDS) for _ in range(size))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """200 documents: "minister" in most, the acronyms and rarer words in a few, titles seldom holding either."""
    rng = random.Random(134)
    pairs = [(Document(title=f"Report {number}" + (" on Blinken and US" if number % 37 == 0 else ""),
                       paragraphs=[text(rng, rng.randint(5, 30)) for _ in range(rng.randint(1, 3))],
                       published=f"20{10 + number % 13}-0{1 + number % 9}-1{number % 10}",
                       kind="news" if number % 2 else "other"),
              RawPage(data=f"<p>{number}</p>".encode(), origin=f"/tmp/{number}.html",
                      url=f"https://example.org/{number}")) for number in range(200)]
    db = open_database(tmp_path_factory.mktemp("newest") / "archive.db")
    save_documents(db, pairs)
    return db


@pytest.fixture
def bounded(monkeypatch):
    """Past SCORE_ALL_UP_TO matches the page is the best of the title matches and the newest CANDIDATES; past
    LOOKED_UP, a query's matches are not each asked of the table (as 100,000 would not be)."""
    monkeypatch.setattr(search_module, "LOOKED_UP", 5)
    monkeypatch.setattr(ranking, "SCORE_ALL_UP_TO", 10)
    monkeypatch.setattr(ranking, "CANDIDATES", 12)


def pages(db, query: str) -> list:
    return [[(hit["id"], hit["rank"], hit["snippet"], hit["highlights"])
             for hit in search(db, query, filters, sort=sort, limit=limit, offset=offset)]
            for sort in ("rank", "date") for filters in FILTERS for limit, offset in ((9, 0), (9, 7), (40, 0))]


@pytest.mark.parametrize("sorted_up_to", [300, 4, 0], ids=["sorted", "walked", "walked always"])
@pytest.mark.parametrize("unread", [False, True], ids=["table", "text"])
def test_the_pages_are_those_of_the_statement_with_the_set(archive, bounded, monkeypatch, unread, sorted_up_to):
    """Newest first, the rows that pass are sorted when they are few, else the date index is walked against them:
    both are tried."""
    from briefarc.store import newest_passing

    monkeypatch.setattr(newest_passing, "SORTED_UP_TO", sorted_up_to)
    if unread:
        with archive.conn:
            archive.conn.execute("INSERT INTO acronyms_unread SELECT id FROM documents")
    try:
        walked = {query: pages(archive, query) for query in QUERIES}
        with monkeypatch.context() as patched:
            patched.setattr(search_module, "_passing", lambda *args: None)
            built = {query: pages(archive, query) for query in QUERIES}
    finally:
        with archive.conn:
            archive.conn.execute("DELETE FROM acronyms_unread")
    assert all(page for query in ("US OR minister", "IT OR Blinken") for page in walked[query])
    for query in QUERIES:
        assert walked[query] == built[query], query


def test_the_newest_candidates_are_walked_not_the_set_of_sure_s_matches(archive, bounded):
    hits, statements = traced(archive, lambda: search(archive, "US OR minister"))
    assert hits
    walks = [s for s in statements if "ORDER BY f.rowid DESC LIMIT" in s]
    assert walks and any(s.startswith("SELECT rowid FROM (SELECT * FROM (") for s in walks), walks
    assert not [s for s in walks if "d.id IN (SELECT rowid FROM documents_fts" in s]


def test_newest_published_first_looks_up_a_common_sure_and_sorts_few_rows(archive, monkeypatch):
    """`minister` in most documents: looked up for each document the date walk meets, not built as a set, and the
    whole query's matches are not built as a set either; `Zanzibarxq` in none: the few rows sorted, no walk."""
    from briefarc.store import newest_passing

    monkeypatch.setattr(newest_passing, "SORTED_UP_TO", 4)
    hits, statements = traced(archive, lambda: search(archive, "US OR minister", sort="date"))
    walk = [s for s in statements if "INDEXED BY documents_published" in s]
    assert hits and len(walk) == 1
    assert "EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH '\"minister\"'" in walk[0]
    assert "OR (d.id IN (SELECT document_id FROM acronyms" in walk[0], walk[0]  # the rows held, looked up as met
    assert "EXISTS (SELECT 1 FROM documents_fts WHERE documents_fts MATCH '\"US\" OR \"minister\"' AND rowid = d.id" \
        in walk[0], walk[0]
    monkeypatch.setattr(newest_passing, "SORTED_UP_TO", 300)  # the few documents holding IT
    hits, statements = traced(archive, lambda: search(archive, "IT OR Zanzibarxq", sort="date"))
    assert hits and not [s for s in statements if "INDEXED BY documents_published" in s]
    assert [s for s in statements if s.startswith("SELECT d.id FROM documents d LEFT JOIN sources")]


def test_a_query_matching_nothing_is_asked_of_the_index_once(archive, bounded):
    """`title:(IT OR Blinken)` on the bench archive: "it" in nearly every body and no title, so each statement
    reads where every "it" stands; the first found no match, and two more asked the same."""
    hits, statements = traced(archive, lambda: search(archive, "title:(IT OR Zanzibarxq)"))
    assert hits == []
    assert len([s for s in statements if "MATCH '{title cjk_title} : ( \"IT\" OR \"Zanzibarxq\" )'" in s]) == 1
