"""Words found in most documents: the bounded ranking finds what bm25 puts first, and costs little.

The archive is made so that the right answers are known: "minister" is in every document, and only
a few old documents (far from the newest, which the bounded path scores anyway) hold it, or the rare
word "Kashmir", in their title. The thresholds are lowered so that this small archive takes the
paths a 100,000-document one would.
"""

from __future__ import annotations

import random

import pytest

from briefarc.models import Document, RawPage
from briefarc.store import ranking
from briefarc.store.db import open_database
from briefarc.store.documents import save_document
from briefarc.store.ranking import WEIGHTS
from briefarc.store.search import Filters, search

FILLER = "talks region partners dialogue stability statement week press".split()
MINISTER_TITLES = {5, 17, 29}  # document numbers (ids are one more) with "minister" in the title
KASHMIR_TITLES = {8, 40, 71}  # with "Kashmir" in the title; Kashmir is also in the body of a third of the rest


def title_of(number: int) -> str:
    if number in MINISTER_TITLES:
        return "The minister on trade"
    return "Kashmir and the region" if number in KASHMIR_TITLES else "Weekly press briefing"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("common") / "archive.db"
    db = open_database(path)
    rng = random.Random(3)
    for number in range(240):
        words = [rng.choice(FILLER) for _ in range(rng.randint(20, 80))] + ["minister"] * rng.randint(1, 4)
        if number % 3 == 0 or number in KASHMIR_TITLES:
            words.append("Kashmir")
        rng.shuffle(words)
        doc = Document(title=title_of(number), paragraphs=[" ".join(words)], language="en",
                       published=f"20{10 + number % 12}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                       kind=("briefing", "news")[number % 2])
        save_document(db, doc, RawPage(data=f"<p>{number}</p>".encode(), origin="t", url=f"https://e.org/{number}"))
    for number in range(12):  # Chinese documents, for the CJK index
        doc = Document(title=f"外交部发言人 {number}", paragraphs=["中方 台湾问题 和平稳定" * (1 + number % 3)],
                       language="zh", published=f"2024-01-{1 + number:02d}")
        save_document(db, doc, RawPage(data=f"<p>zh{number}</p>".encode(), origin="t", url=f"https://e.org/zh{number}"))
    db.conn.close()
    return open_database(path, create=False)


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(ranking, "SCORE_ALL_UP_TO", 20)
    monkeypatch.setattr(ranking, "CANDIDATES", 10)
    monkeypatch.setattr(ranking, "COMMON_CANDIDATES", 10)


def ids(hits: list[dict]) -> list[int]:
    return [hit["id"] for hit in hits]


def raw_order(db, fts: str) -> list[int]:
    """Every match of `fts`, best first by FTS5's own bm25 with the same weights (ties: newest first)."""
    weights = ", ".join(map(str, WEIGHTS))
    return [row[0] for row in db.execute(
        f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? "
        f"ORDER BY bm25(documents_fts, {weights}), rowid DESC", [fts]).fetchall()]


def statements_of(db, function) -> list[str]:
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    try:
        function()
    finally:
        db.conn.set_trace_callback(None)
    return statements


def test_a_word_in_every_document_puts_the_title_matches_first(archive, small_limits):
    hits = search(archive, "minister", limit=5)
    assert {hit["id"] - 1 for hit in hits[:3]} == MINISTER_TITLES  # ids start at 1
    assert ids(hits[:3]) == raw_order(archive, '"minister"')[:3]  # in bm25's own order
    assert all("minister" in hit["snippet"].lower() for hit in hits)


def test_title_matches_of_a_common_word_are_looked_for_among_its_newest_matches(archive, small_limits, monkeypatch):
    """Telling a title match means reading the word's positions in each document: for a word found in
    most documents only the newest COMMON_REACH matches are read for them."""
    monkeypatch.setattr(ranking, "COMMON_REACH", 230)  # minister is in documents 1-240: 11-240 are read
    hits = search(archive, "minister", limit=5)
    assert {hit["id"] - 1 for hit in hits[:2]} == MINISTER_TITLES - {5}
    assert 6 not in ids(hits)


def test_a_word_in_most_of_the_newest_documents_counts_as_common(archive, monkeypatch):
    """Whether a word is in more than half of the documents is told from the newest SAMPLE ones."""
    both = '"minister" "kashmir"'
    monkeypatch.setattr(ranking, "SAMPLE", 12)  # the newest 12 documents are the Chinese ones
    assert ranking.informative(archive, "documents_fts", both) == ['"minister"', '"kashmir"']
    monkeypatch.setattr(ranking, "SAMPLE", 100)  # 88 of them hold minister, about a third Kashmir
    assert ranking.informative(archive, "documents_fts", both) == ['"kashmir"']
    assert ranking.informative(archive, "documents_fts", '"minister"') == []


def test_a_common_word_with_a_rare_one_ranks_as_the_rare_one(archive, small_limits):
    """`minister` is in every document: bm25 clamps its IDF, so `minister Kashmir` ranks as `Kashmir`
    does, and the titles holding Kashmir (but not minister) lead."""
    total = archive.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'minister Kashmir'")
    assert total.fetchone()[0] > ranking.SCORE_ALL_UP_TO  # the bounded path
    fast = search(archive, "minister Kashmir", limit=10)
    exact = search(archive, "minister Kashmir", limit=10, exhaustive=True)
    assert {hit["id"] - 1 for hit in fast[:3]} == KASHMIR_TITLES
    assert ids(fast[:3]) == ids(exact[:3])
    assert [hit["rank"] for hit in fast[:3]] == pytest.approx([hit["rank"] for hit in exact[:3]], rel=1e-9)


def test_the_title_matches_of_a_rare_word_beside_common_ones_read_the_common_word_once(archive, small_limits):
    """`minister Kashmir`: the walk reads the query, and the title filter Kashmir in the title alone (not minister
    a second time: a word in most documents is the longest walk of all)."""
    statements = statements_of(archive, lambda: search(archive, "minister Kashmir", limit=10))
    walk = next(statement for statement in statements if "+f.rowid IN" in statement)
    assert """MATCH '"minister" "Kashmir"' AND""" in walk
    assert """MATCH '{title cjk_title} : ( "Kashmir" )'""" in walk and walk.count('"minister"') == 1


def test_a_common_word_beside_a_group_ranks_as_the_group(archive, small_limits):
    fast = search(archive, "(Kashmir OR Gaza) minister", limit=10)
    exact = search(archive, "(Kashmir OR Gaza) minister", limit=10, exhaustive=True)
    assert {hit["id"] - 1 for hit in fast[:3]} == KASHMIR_TITLES
    assert ids(fast[:3]) == ids(exact[:3])


def test_a_query_of_either_word_ranks_its_title_matches_as_bm25_does(archive, small_limits):
    """`a OR b`: a title holding either word is a title match of the query (the words read once, not twice)."""
    statements = statements_of(archive, lambda: search(archive, "Kashmir OR trade", limit=6))
    fast = search(archive, "Kashmir OR trade", limit=6)
    assert {hit["id"] - 1 for hit in fast} == KASHMIR_TITLES | MINISTER_TITLES  # "The minister on trade"
    assert ids(fast) == ids(search(archive, "Kashmir OR trade", limit=6, exhaustive=True))
    walk = next(statement for statement in statements if "+f.rowid IN" in statement)
    assert """MATCH '{title cjk_title} : ( "Kashmir" OR "trade" )'""" in walk and ") AND (" not in walk


def test_each_hit_carries_its_exact_bm25(archive, small_limits):
    exact = dict(archive.execute(
        f"SELECT rowid, bm25(documents_fts, {', '.join(map(str, WEIGHTS))}) FROM documents_fts "
        "WHERE documents_fts MATCH 'minister Kashmir'").fetchall())
    for hit in search(archive, "minister Kashmir", limit=15):
        assert hit["rank"] == pytest.approx(exact[hit["id"]], rel=1e-9)


@pytest.mark.parametrize("query", ["Kashmir", '"weekly press"', "trade OR stability", "台湾", "台湾问题", "台", "k*",
                                   "NEAR(press week, 3)", "Kashmir -trade"])
def test_queries_with_few_matches_are_ranked_exactly(archive, query):
    fast = search(archive, query, limit=20)
    exact = search(archive, query, limit=20, exhaustive=True)
    assert fast and ids(fast) == ids(exact)
    assert [hit["rank"] for hit in fast] == [hit["rank"] for hit in exact]


def test_exhaustive_is_fts5s_own_order(archive, small_limits):
    assert ids(search(archive, "minister", limit=30, exhaustive=True)) == raw_order(archive, '"minister"')[:30]


def test_exhaustive_pages_follow_each_other(archive):
    first = ids(search(archive, "minister", limit=10, exhaustive=True))
    second = ids(search(archive, "minister", limit=10, offset=10, exhaustive=True))
    assert first + second == raw_order(archive, '"minister"')[:20]


@pytest.mark.parametrize("query", ["minister", "Kashmir", "台湾"])
@pytest.mark.parametrize("kind", [None, "news"])
def test_sort_by_date_is_newest_first_and_scores_nothing(archive, query, kind):
    filters = Filters(kind=kind)
    statements = statements_of(archive, lambda: search(archive, query, filters, sort="date", limit=500))
    hits = search(archive, query, filters, sort="date", limit=500)
    matches = {row[0] for row in archive.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                                                 [f'"{query}"'])}  # 台湾: a pair in cjk_body
    expected = sorted(archive.execute(
        "SELECT id, published_date FROM documents WHERE ? IS NULL OR kind = ?", [kind, kind]).fetchall(),
        key=lambda row: (row[1], row[0]), reverse=True)
    assert ids(hits) == [row[0] for row in expected if row[0] in matches]
    assert not any("bm25(" in statement for statement in statements)


@pytest.mark.parametrize("query, sort", [("minister", "rank"), ("minister Kashmir", "rank"), ("minister", "date"),
                                         ("Kashmir", "date"), ("台湾", "rank"), ("t*", "rank"), ("t*", "date")])
def test_one_snippet_statement_per_page_on_every_path(archive, small_limits, query, sort):
    hits: list[dict] = []
    statements = statements_of(archive, lambda: hits.extend(search(archive, query, sort=sort, limit=10)))
    assert len(hits) == 10 and all(hit["highlights"] for hit in hits)
    # a query with CJK words has its snippets cut from the text, read in one statement (store/snippets.py)
    made = "SELECT id, body, subtitle, title FROM documents" if query == "台湾" else "snippet("
    assert sum(made in statement for statement in statements) == 1


def test_a_page_of_close_rowids_has_its_snippets_read_in_one_pass(archive, monkeypatch):
    """Rows close together (the newest matches of a common word) are read in one pass over their range,
    rows far apart each by a lookup: the snippets are the same either way."""
    import briefarc.store.search as searching

    def page(span: int) -> tuple[list[tuple[int, str]], str]:
        monkeypatch.setattr(searching, "WALK_SPAN", span)
        hits: list[dict] = []
        statements = statements_of(archive, lambda: hits.extend(search(archive, "minister Kashmir", limit=10)))
        return [(hit["id"], hit["snippet"]) for hit in hits], next(s for s in statements if "snippet(" in s)

    (walked, one_pass), (looked_up, lookups) = page(1000), page(1)
    assert walked == looked_up and all("minister" in snippet.lower() for _, snippet in walked)
    assert "rowid BETWEEN" in one_pass and "rowid BETWEEN" not in lookups


def test_the_command_ranks_every_match_with_exhaustive(archive, small_limits, cli):
    path = archive.execute("PRAGMA database_list").fetchone()[2]
    fast = cli("search", "minister", "--db", path, "--json", "--limit", "8").jsonl()
    full = cli("search", "minister", "--exhaustive", "--db", path, "--json", "--limit", "8").jsonl()
    assert [row["id"] for row in full] == raw_order(archive, '"minister"')[:8]
    assert [row["id"] for row in fast][:3] == [row["id"] for row in full][:3]  # the title matches
    assert all(row["total"] == 240 for row in fast + full)
