"""An acronym beside an OR or in a group reads only the text it must (helper-117's review of b39818b/bad7f7e).

`IT OR Zanzibar` on the 100,000 documents of bench/out took 23 s (59 s newest first): the needle clause said
nothing for this shape, so every match of "it" reached Python, and each round of `checked` (20, 80, ... 327,680
candidates) judged all its candidates again; `US OR minister` counted by reading the text of the ~94,000 matches
of "minister", which pass whatever their text holds. Now SQLite hands over only the rows that match the query
without its acronyms or hold an acronym's letters as written, those matches are told by the index and not read,
and a candidate is judged once.

The archive: every document says "it"; some say "minister", some "IT" as written, some "ITEMS" (the letters, not
the acronym), some "Zanzibar". Real SQLite, the archive's own writer; each document's turns hold its paragraphs.
"""

from __future__ import annotations

import re

import pytest

from briefarc.store.querytree import TreeCheck

MINISTER, IT, ITEMS, ZANZIBAR, PLAIN = range(5)
# kind of document -> how many, and its sentence
KINDS = {
    MINISTER: (60, "The minister said it was a matter for the talks."),
    IT: (5, "The IT systems of the ministry were upgraded, and it took a week."),
    ITEMS: (40, "ITEMS on the agenda were read out, and it went on for hours."),
    ZANZIBAR: (5, "A delegation from Zanzibar arrived, and it was welcomed."),
    PLAIN: (40, "The spokesperson said it would be announced later."),
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from briefarc.models import Document, RawPage, Turn
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    path = tmp_path_factory.mktemp("acronym-speed") / "archive.db"
    db = open_database(path)
    kinds: dict[int, int] = {}
    number = 0
    for kind, (many, sentence) in KINDS.items():
        for _ in range(many):
            number += 1
            paragraphs = [sentence, f"Paragraph two of briefing {number} on the week's other questions."]
            doc = Document(title=f"Briefing {number}", paragraphs=paragraphs, kind="briefing", language="en",
                           published=f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}T10:{number % 60:02d}:00Z",
                           spokesperson="Lin Jian")
            doc.turns = [Turn("Reuters", "question", paragraphs[0]), Turn("Lin Jian", "answer", paragraphs[1])]
            page = RawPage(data=f"<html>{number}</html>".encode(), origin="test", url=f"https://example.org/{number}")
            kinds[save_document(db, doc, page).document_id] = kind
    db.conn.close()
    return path, kinds


@pytest.fixture
def db(archive):
    from briefarc.store.db import open_database

    database = open_database(archive[0], create=False)
    yield database
    database.conn.close()


def expected(kinds: dict[int, int], query: str) -> set[int]:
    """The documents the query finds, told from what each kind of document says (IT as written, not 'it')."""
    holds = {"IT": {IT}, "minister": {MINISTER}, "Zanzibar": {ZANZIBAR}}
    if query == "IT OR Zanzibar":
        wanted = holds["IT"] | holds["Zanzibar"]
    elif query == "IT OR minister":
        wanted = holds["IT"] | holds["minister"]
    elif query == "(IT OR minister) ministry":
        wanted = {IT}
    else:
        raise AssertionError(query)
    return {doc_id for doc_id, kind in kinds.items() if kind in wanted}


@pytest.fixture
def judged(monkeypatch):
    """Every row id TreeCheck judges (refused) and every one whose text it reads with SQLite (_lacking)."""
    seen: dict[str, list[int]] = {"refused": [], "lacking": []}
    refused, lacking = TreeCheck.refused, TreeCheck._lacking

    def spy_refused(self, db, table, ids):
        seen["refused"].extend(ids)
        return refused(self, db, table, ids)

    def spy_lacking(self, db, table, ids):
        seen["lacking"].extend(ids)
        return lacking(self, db, table, ids)

    monkeypatch.setattr(TreeCheck, "refused", spy_refused)
    monkeypatch.setattr(TreeCheck, "_lacking", spy_lacking)
    return seen


@pytest.mark.parametrize("sort", ["rank", "date"])
def test_a_match_without_the_acronym_or_the_other_word_never_reaches_python(db, archive, judged, sort):
    from briefarc.store.search import search

    hits = search(db, "IT OR Zanzibar", sort=sort, limit=50)
    kinds = archive[1]
    assert {hit["id"] for hit in hits} == expected(kinds, "IT OR Zanzibar")
    # Only the rows holding "IT" (as the acronym or in ITEMS) or matching Zanzibar are judged: before, all 150
    # matches of "it" were, round after round.
    assert {kinds[rowid] for rowid in judged["refused"]} <= {IT, ITEMS, ZANZIBAR}


def test_each_candidate_is_judged_once_across_the_rounds(db, archive, judged):
    from briefarc.store.search import search

    # A page of 20: 10 of the first 20 candidates passed (ITEMS was refused), so a second round asked for 80. The
    # acronyms table (store/acronyms.py) now keeps ITEMS from the candidates: the 10 that pass are judged, once.
    hits = search(db, "IT OR Zanzibar", sort="date", limit=20)
    assert {hit["id"] for hit in hits} == expected(archive[1], "IT OR Zanzibar")
    assert len(judged["refused"]) == len(set(judged["refused"])) == 10


def test_the_matches_of_the_query_without_its_acronym_are_not_read(db, archive, judged):
    from briefarc.store.totals import count_matches

    kinds = archive[1]
    assert count_matches(db, "IT OR minister") == len(expected(kinds, "IT OR minister"))
    # Each "minister" document passes whatever its text holds: counted by the index, its text never read, its id
    # never handed to Python.
    assert judged["lacking"]
    assert MINISTER not in {kinds[rowid] for rowid in judged["lacking"]}
    assert MINISTER not in {kinds[rowid] for rowid in judged["refused"]}


@pytest.mark.parametrize("query", ["IT OR Zanzibar", "IT OR minister", "(IT OR minister) ministry"])
def test_results_totals_and_pages_are_as_the_text_says(db, archive, query):
    from briefarc.store.search import Filters, search
    from briefarc.store.totals import count_matches

    want = expected(archive[1], query)
    assert count_matches(db, query) == len(want)
    for options in ({}, {"sort": "date"}, {"exhaustive": True}):
        every = [hit["id"] for hit in search(db, query, limit=100, **options)]
        assert set(every) == want and len(every) == len(want)
        paged = [hit["id"] for offset in range(0, len(want) + 7, 7)
                 for hit in search(db, query, limit=7, offset=offset, **options)]
        assert paged == every, options
    for kind in ("briefing", "news"):  # counted with a filter: the documents' rows joined
        filters = Filters(kind=kind, since="2024-06-01")
        counted = count_matches(db, query, filters)
        assert counted == len(search(db, query, filters, limit=200))
        assert (counted > 0) == (kind == "briefing")


@pytest.mark.parametrize("query", ["IT OR Zanzibar", "IT OR minister"])
def test_turns_are_searched_alike(db, archive, query):
    """search --in: the clause asks the turns' own index."""
    from briefarc.analysis.turns import count_turns, search_turns

    want = expected(archive[1], query)  # each document's first turn holds its sentence
    found = search_turns(db, query, limit=200)
    assert {turn["id"] for turn in found} == want
    assert all(re.search(r"\bIT\b|minister|Zanzibar", turn["text"]) for turn in found)
    assert count_turns(db, query) == len(want)
    assert {turn["id"] for turn in search_turns(db, query, limit=200, sort="date")} == want
