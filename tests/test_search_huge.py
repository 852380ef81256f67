"""A page of megabytes in the results: its snippet is cut from the text, not weighed by FTS5's
snippet(), which places its window by scoring every match (a second per megabyte for a common word)."""

from __future__ import annotations

from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import save_document
from briefarc.store.search import HUGE_TEXT, SNIPPET_CLOSE, SNIPPET_OPEN, plain_snippet, search
from tests.test_search_common import statements_of


def archive_with_a_huge_page(tmp_path):
    db = open_database(tmp_path / "huge.db")
    filler = "the minister said relations were cordial and trade would grow next year " * (HUGE_TEXT // 60)
    save_document(db, Document(title="A long page", paragraphs=[filler, "Late in the page: Taliban."], language="en"),
                  RawPage(data=b"<p>huge</p>", origin="t", url="https://e.org/huge"))
    save_document(db, Document(title="A short page", paragraphs=["The minister spoke on the Taliban."], language="en"),
                  RawPage(data=b"<p>short</p>", origin="t", url="https://e.org/short"))
    return db


def snippet_statements(db, function) -> list[str]:
    return [statement for statement in statements_of(db, function) if "snippet(" in statement]


def test_a_huge_page_gets_a_short_snippet_around_its_match(tmp_path):
    db = archive_with_a_huge_page(tmp_path)
    hits = {hit["title"]: hit for hit in search(db, "Taliban")}
    huge, short = hits["A long page"], hits["A short page"]
    assert f"{SNIPPET_OPEN}Taliban{SNIPPET_CLOSE}" in huge["snippet"] and len(huge["snippet"]) < 400
    assert plain_snippet(huge["snippet"]).endswith("Late in the page: Taliban.")
    start, end = huge["highlights"][0]
    assert plain_snippet(huge["snippet"])[start:end] == "Taliban"
    assert f"{SNIPPET_OPEN}Taliban{SNIPPET_CLOSE}" in short["snippet"]  # FTS5's own snippet


def test_only_the_ordinary_pages_go_through_fts5_snippets(tmp_path):
    db = archive_with_a_huge_page(tmp_path)
    hits: list[dict] = []
    snippets = snippet_statements(db, lambda: hits.extend(search(db, "minister")))
    assert len(hits) == 2 and all(hit["highlights"] for hit in hits)
    assert len(snippets) == 1 and "rowid IN (2)" in snippets[0]  # for the short page only
    huge = next(hit for hit in hits if hit["title"] == "A long page")
    assert plain_snippet(huge["snippet"]).startswith("the minister said") and len(huge["snippet"]) < 400
