"""Newest first within a day: `list`, `list --json` and `search --sort date` order a day's documents by the
instant they were published (offsets told apart), those without a time of day after them, then the undated;
an archive migrated from version 15 gives the same order as a new one (store/published.py, m016)."""

from __future__ import annotations

import sqlite3

import pytest

from briefarc.store.migrations import MIGRATIONS
from tests.test_migrations import archive_at

# (title, published), saved in this order: ids 1 to 7.
DOCUMENTS = [
    ("Beijing afternoon", "2022-03-13T16:32:00+08:00"),  # 08:32 UTC
    ("Beijing morning", "2022-03-13T14:08:00+08:00"),  # 06:08 UTC
    ("Washington morning", "2022-03-13T09:15:00-05:00"),  # 14:15 UTC: the day's latest, though 09:15 reads earliest
    ("No time given", "2022-03-13"),
    ("Beijing next day", "2022-03-14T01:00:00+08:00"),  # 17:00 UTC on the 13th, filed on the day its page gives
    ("Washington day before", "2022-03-12T23:30:00-05:00"),  # 04:30 UTC on the 13th, likewise
    ("Undated", None),
]
NEWEST_FIRST = ["Beijing next day", "Washington morning", "Beijing afternoon", "Beijing morning", "No time given",
                "Washington day before", "Undated"]


def new_archive(path):
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    db = open_database(path)
    for number, (title, published) in enumerate(DOCUMENTS, start=1):
        doc = Document(title=title, paragraphs=[f"Remarks on sanctions, number {number}."], published=published)
        save_document(db, doc, RawPage(data=f"<p>{number}</p>".encode(), origin="t", url=f"https://e.org/{number}"))
    db.conn.close()
    return path


def version_15_archive(path):
    """The same documents as a release at schema version 15 wrote them: no published_utc column."""
    archive_at(path, 15)
    conn = sqlite3.connect(path, isolation_level=None)
    for number, (title, published) in enumerate(DOCUMENTS, start=1):
        conn.execute(
            """INSERT INTO documents (id, key, url, title, body, published, published_date, archived_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00+00:00', '2025-01-01T00:00:00+00:00')""",
            (number, f"e.org/{number}", f"https://e.org/{number}", title, f"Remarks on sanctions, number {number}.",
             published, published[:10] if published else None))
    conn.close()
    return path


def titles(cli, *args: str) -> list[str]:
    result = cli(*args, "--json")
    assert result.code == 0, result.stderr
    return [hit["title"] for hit in result.jsonl()]


def table_titles(cli, *args: str) -> list[str]:
    result = cli(*args)
    assert result.code == 0, result.stderr
    return sorted((title for title, _ in DOCUMENTS), key=result.stdout.index)


@pytest.fixture
def archive(tmp_path):
    return new_archive(tmp_path / "new.db")


def test_list_orders_a_day_by_the_time_of_publication(cli, archive):
    assert titles(cli, "list", "--db", archive) == NEWEST_FIRST
    assert table_titles(cli, "list", "--db", archive) == NEWEST_FIRST
    assert titles(cli, "list", "--db", archive, "--limit", "2", "--offset", "2") == NEWEST_FIRST[2:4]


def test_search_by_date_orders_a_day_by_the_time_of_publication(cli, archive):
    assert titles(cli, "search", "sanctions", "--sort", "date", "--db", archive) == NEWEST_FIRST
    assert table_titles(cli, "search", "sanctions", "--sort", "date", "--db", archive) == NEWEST_FIRST
    assert titles(cli, "search", "sanctions", "--sort", "date", "--since", "2022-03-13", "--until", "2022-03-13",
                  "--db", archive) == NEWEST_FIRST[1:5]


def test_a_migrated_archive_orders_as_a_new_one(cli, tmp_path, archive):
    old = version_15_archive(tmp_path / "v15.db")
    assert titles(cli, "list", "--db", old) == NEWEST_FIRST
    assert titles(cli, "search", "sanctions", "--sort", "date", "--db", old) == NEWEST_FIRST
    migrated, new = sqlite3.connect(old), sqlite3.connect(archive)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    instants = "SELECT id, published_utc FROM documents ORDER BY id"
    assert migrated.execute(instants).fetchall() == new.execute(instants).fetchall()
    assert new.execute(instants).fetchall()[:4] == [
        (1, "2022-03-13T08:32:00Z"), (2, "2022-03-13T06:08:00Z"), (3, "2022-03-13T14:15:00Z"), (4, None)]
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' ORDER BY name"
    assert migrated.execute(indexes).fetchall() == new.execute(indexes).fetchall()
    assert "documents_published_date" not in {name for name, _ in new.execute(indexes)}


def test_kwic_walks_a_day_by_the_time_of_publication(cli, archive):
    result = cli("kwic", "sanctions", "--db", archive, "--json")
    assert result.code == 0, result.stderr
    by_id = {number: title for number, (title, _) in enumerate(DOCUMENTS, start=1)}
    assert [by_id[line["id"]] for line in result.jsonl()] == NEWEST_FIRST
