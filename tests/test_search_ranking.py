"""Search that does not score every match: the bounded ranking against the exhaustive one.

The thresholds are lowered so that a small real archive takes each path a 100,000-document one
would: every match scored, title matches ranked from two passes, the newest matches, a short
prefix; and the page's snippets come from one statement.
"""

from __future__ import annotations

import random
import sqlite3

import pytest

from briefarc.models import Document, RawPage
from briefarc.store import ranking
from briefarc.store.db import READER_MMAP_BYTES, open_database
from briefarc.store.documents import save_document
from briefarc.store.search import Filters, search
from tests.test_search_common import statements_of

WORDS = "trade talks border water climate finance visas sanctions relief debt aid".split()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("ranking") / "archive.db"
    db = open_database(path)
    rng = random.Random(7)
    for number in range(300):
        title_words = rng.sample(WORDS, 2) + (["Kashmir"] if number % 7 == 0 else [])
        body = [" ".join(rng.choice(WORDS + ["Kashmir"] * (number % 3)) for _ in range(rng.randint(5, 60)))]
        doc = Document(title=" ".join(title_words), paragraphs=body, language="en",
                       published=f"20{10 + number % 15}-0{1 + number % 9}-01", kind=("briefing", "news")[number % 2])
        save_document(db, doc, RawPage(data=f"<p>{number}</p>".encode(), origin="t", url=f"https://e.org/{number}"))
    db.conn.close()
    return open_database(path, create=False)


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(ranking, "SCORE_ALL_UP_TO", 50)
    monkeypatch.setattr(ranking, "CANDIDATES", 30)


def ids(hits: list[dict]) -> list[int]:
    return [hit["id"] for hit in hits]


def test_title_matches_are_ranked_in_the_exhaustive_order(archive, small_limits):
    count = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?"
    total, titled = (archive.execute(count, [query]).fetchone()[0] for query in ("Kashmir", "title : Kashmir"))
    assert total > ranking.SCORE_ALL_UP_TO and 10 <= titled <= ranking.SCORE_ALL_UP_TO  # the path under test
    fast = search(archive, "Kashmir", limit=10)
    exact = search(archive, "Kashmir", limit=10, exhaustive=True)
    assert ids(fast) == ids(exact)
    assert [hit["rank"] for hit in fast] == pytest.approx([hit["rank"] for hit in exact])


def test_pages_past_the_title_matches_come_from_the_newest_matches(archive, small_limits):
    hits = search(archive, "Kashmir", limit=40)
    assert len(hits) == 40 and len(set(ids(hits))) == 40
    assert all("kashmir" in (hit["title"] + hit["snippet"]).lower() for hit in hits)


def test_with_few_matches_every_one_is_scored(archive):
    assert ids(search(archive, "Kashmir", limit=15)) == ids(search(archive, "Kashmir", limit=15, exhaustive=True))


def test_a_short_prefix_with_a_filter_is_ranked_among_the_newest(archive, small_limits):
    hits = search(archive, "t*", Filters(kind="news"), limit=5)
    assert len(hits) == 5 and all(hit["kind"] == "news" for hit in hits)
    assert all(hit["highlights"] for hit in hits)


def test_sort_by_date_computes_no_bm25(archive):
    hits = search(archive, "Kashmir", Filters(kind="briefing"), sort="date", limit=10)
    dates = [hit["published_date"] for hit in hits]
    assert dates == sorted(dates, reverse=True) and all(hit["kind"] == "briefing" for hit in hits)
    assert all(hit["rank"] is None for hit in hits)


@pytest.mark.parametrize("query", ["Kashmir", "t*", "trade OR water", 'NEAR(trade talks, 5)'])
def test_one_snippet_statement_per_page(archive, small_limits, query):
    hits: list[dict] = []
    statements = statements_of(archive, lambda: hits.extend(search(archive, query, limit=10)))
    assert hits and all(hit["snippet"] for hit in hits)
    assert sum("snippet(" in statement for statement in statements) == 1


def test_readers_map_the_whole_file(archive, tmp_path):
    """The index is spread over the whole file: readers map as much of it as SQLite's build allows."""
    cap = sqlite3.connect(tmp_path / "any.db").execute(f"PRAGMA mmap_size = {2**62}").fetchone()[0]
    assert archive.execute("PRAGMA mmap_size").fetchone()[0] == min(cap, READER_MMAP_BYTES) >= min(cap, 2**30)


def test_a_prefix_has_its_newest_matches_counted_in_the_same_walk(archive, small_limits):
    """FTS5 merges the lists of every word a prefix covers for each statement: the walk that counts the
    matches counts those among the newest documents too, as a statement of their own would."""
    hits: list[dict] = []
    statements = statements_of(archive, lambda: hits.extend(search(archive, "tra*", limit=5)))
    counted = [statement for statement in statements if "count(" in statement]
    assert len(hits) == 5 and len(counted) == 1 and "count(CASE WHEN rowid >" in counted[0]
    total, recent = ranking.counts(archive, "documents_fts", '"tra"*')
    assert total > ranking.SCORE_ALL_UP_TO
    assert ranking.informative(archive, "documents_fts", '"tra"*', recent) == ranking.informative(
        archive, "documents_fts", '"tra"*')




def either_archive(path, texts: list[tuple[str, str]]):
    """An archive of (title, body) documents, beside 300 that hold neither alpha nor beta."""
    db = open_database(path)
    for number, (title, body) in enumerate(texts + [("week", "talks region partners")] * 300):
        doc = Document(title=title, paragraphs=[body], language="en", published="2020-01-01")
        save_document(db, doc, RawPage(data=f"<p>{number}</p>".encode(), origin="t", url=f"https://e.org/{number}"))
    return db


def test_either_word_is_ranked_exactly_by_the_documents_holding_every_word(tmp_path, small_limits):
    """Past the bound `alpha OR beta` is settled by the documents holding both words: their best score more
    than a document lacking one could, so the page is bm25's own, to the last digit, with no title walk."""
    texts = [("alpha beta report", "alpha and beta")] * 30 + [("alpha news", "alpha")] * 40 + [("beta", "b")] * 40
    db = either_archive(tmp_path / "either.db", texts)
    fast: list[dict] = []
    statements = statements_of(db, lambda: fast.extend(search(db, "alpha OR beta", limit=10)))
    exact = search(db, "alpha OR beta", limit=10, exhaustive=True)
    assert [(hit["id"], hit["rank"]) for hit in fast] == [(hit["id"], hit["rank"]) for hit in exact]
    assert any("""MATCH '"alpha" AND "beta"'""" in statement for statement in statements)
    assert not any("+f.rowid IN" in statement for statement in statements)  # no walk of the title matches


def test_either_word_falls_back_when_the_documents_holding_every_word_do_not_settle_it(tmp_path, small_limits):
    """alpha and beta lead short titles apart, and stand together only once each in long bodies: those
    documents score less than a title of one word may, so they settle nothing and the title matches are
    walked; a word in most documents is never spared that way."""
    filler = " ".join(["talks"] * 400)
    texts = [("alpha news", "short"), ("beta news", "short")] * 30 + [("report", f"alpha {filler} beta")] * 12
    db = either_archive(tmp_path / "either.db", texts)
    either, both = '"alpha" OR "beta"', ['"alpha"', '"beta"']
    assert ranking.holding_all(db, "documents_fts", either, [], [], 10, both) is None
    assert ranking.holding_all(db, "documents_fts", '"alpha" OR "talks"', [], [], 10, ['"alpha"']) is None
    hits = search(db, "alpha OR beta", limit=10)
    assert ids(hits) == ids(search(db, "alpha OR beta", limit=10, exhaustive=True))
    assert all(hit["title"].endswith("news") for hit in hits)

@pytest.mark.parametrize("query, word", [('"trade talks"', "trade"), ("NEAR(water climate, 3)", "water"),
                                         ('"border water" -debt', "border")])
def test_a_query_of_several_words_is_bounded_by_the_count_of_one_word(archive, query, word):
    """A word every match holds is counted from its list alone: when it is within the bound, the query (whose
    phrase or NEAR has positions read) is not counted as well, and every match is scored as before."""
    fast: list[dict] = []
    statements = statements_of(archive, lambda: fast.extend(search(archive, query, limit=10)))
    counted = [statement for statement in statements if "count(" in statement]
    assert len(counted) == 1 and f"""MATCH '"{word}"'""" in counted[0]
    exact = search(archive, query, limit=10, exhaustive=True)
    assert fast and [(hit["id"], hit["rank"]) for hit in fast] == [(hit["id"], hit["rank"]) for hit in exact]


def test_a_word_past_the_bound_leaves_the_query_to_be_counted(archive, small_limits):
    for words in ('"trade talks" OR "aid"', '"tariff"*', '"trade" "talks"'):  # words alone are counted together
        assert ranking.required_word(words) is None
    total, _ = ranking.counts(archive, "documents_fts", '"trade talks"')  # trade: in more than 50 documents
    assert total == min(51, archive.execute(
        "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"trade talks\"'").fetchone()[0])
