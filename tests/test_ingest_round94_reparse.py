"""Reparse while an ingest adds a version: the document keeps the newest version's text (helper-94).

`reparse` read a document's versions, extracted each, and then, in a transaction of its own, wrote the last one
it had read over the document's row as the latest. An ingest that committed a new version in between (a real
second process, here run at that very moment) was undone: the row went back to the older text while the newest
version said otherwise, and `search` found the old words. Whether the version is the latest is now read inside
the write transaction.
"""

from __future__ import annotations

import sqlite3

from tests.conftest import SAMPLES
from tests.processes import briefarc

URL = "https://www.state.gov/briefings/department-press-briefing-round94/"


def ingest(db_file, page) -> None:
    process = briefarc("ingest", str(page), "--url", URL, "--json", db=db_file)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err


def test_an_ingest_during_a_reparse_is_not_undone(db_file, tmp_path, monkeypatch):
    import briefarc.pipeline
    from briefarc.reparse import reparse
    from briefarc.store.db import open_database

    original = (SAMPLES / "state-briefing.html").read_text(encoding="utf-8")
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    first.write_text(original, encoding="utf-8")
    marker = "Quokka"  # a word the page does not hold
    assert marker not in original and "</p>" in original
    second.write_text(original.replace("</p>", f" A {marker} was added to this page later.</p>"), encoding="utf-8")
    ingest(db_file, first)
    db = open_database(db_file)
    (doc_id,) = db.execute("SELECT id FROM documents").fetchone()

    extract = briefarc.pipeline.documents_of
    calls = []

    def ingest_meanwhile(page):  # the other process commits while this one extracts the version it read
        if not calls:
            ingest(db_file, second)
        calls.append(page)
        return extract(page)

    monkeypatch.setattr(briefarc.pipeline, "documents_of", ingest_meanwhile)
    report = reparse(db, [doc_id])
    assert report.checked == 1 and not report.failed
    conn = sqlite3.connect(db_file)
    body, content_hash = conn.execute("SELECT body, content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
    versions = conn.execute("SELECT number, content_hash FROM versions WHERE document_id = ? ORDER BY number",
                            (doc_id,)).fetchall()
    found = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (marker,)).fetchone()[0]
    conn.close()
    assert len(versions) == 2
    assert marker in body and content_hash == versions[-1][1]
    assert found == 1


def test_ctrl_c_during_a_reparse_says_how_many_were_re_extracted(db_file, tmp_path):
    """Ctrl-C in a reparse printed a bare 'Interrupted.' (helper-94): now the count of documents re-extracted
    before it, as an ingest says what it saved; the document in hand is rolled back, a rerun does the rest."""
    import pytest

    from briefarc.errors import Interrupted
    from briefarc.reparse import reparse
    from briefarc.store.db import open_database

    for name in ("state-briefing.html", "mea-briefing.html", "un-noon-briefing.html"):
        process = briefarc("ingest", str(SAMPLES / name), db=db_file)
        assert process.communicate(timeout=120) and process.returncode == 0
    db = open_database(db_file)
    ids = [row[0] for row in db.execute("SELECT id FROM documents ORDER BY id")]
    assert len(ids) == 3
    seen: list[int] = []

    def press_ctrl_c_after_two(doc_id: int, changed: bool | None) -> None:
        seen.append(doc_id)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(Interrupted) as caught:
        reparse(db, ids, on_document=press_ctrl_c_after_two)
    assert str(caught.value) == "Interrupted: 0 saved (2 unchanged), rerun to continue."
    assert caught.value.exit_status == 130
    db.conn.close()
