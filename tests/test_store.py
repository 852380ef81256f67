"""The store against real SQLite files: identity, versions, the index, search and filters."""

from __future__ import annotations

import sqlite3

import pytest

from briefarc.errors import DatabaseError, NotFound, SearchSyntaxError
from briefarc.models import Document, RawPage, Turn
from briefarc.store.db import open_database
from briefarc.store.documents import get_document, get_raw, save_document
from briefarc.store.migrations import MIGRATIONS
from briefarc.store.search import Filters, list_documents, search


def doc(title="Weekly briefing", body=("The spokesperson spoke about trade.",), **fields) -> Document:
    return Document(title=title, paragraphs=list(body), **fields)


def page(data=b"<html>page</html>", url=None, origin="/tmp/page.html") -> RawPage:
    return RawPage(data=data, origin=origin, url=url)


@pytest.fixture
def db(db_file):
    return open_database(db_file)


def test_new_database_is_migrated_in_wal_mode(db, db_file):
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert {"documents", "snapshots", "blobs", "versions", "sources", "documents_fts"} <= set(db.table_names())
    assert db_file.exists()


def test_a_new_archive_has_pages_of_8_kib_and_an_older_one_keeps_its_own(tmp_path):
    """store/db.py PAGE_BYTES: a new archive (a new file, or an empty one) is made with 8 KiB pages; an archive
    made with SQLite's default 4 KiB keeps them, and is read and written as before."""
    from briefarc.store.db import PAGE_BYTES

    (tmp_path / "empty.db").touch()
    for name in ("new.db", "empty.db"):
        assert open_database(tmp_path / name).execute("PRAGMA page_size").fetchone()[0] == PAGE_BYTES == 8192
    older = sqlite3.connect(tmp_path / "older.db", isolation_level=None)
    for migration in MIGRATIONS:
        migration(older)
    older.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
    older.close()
    db = open_database(tmp_path / "older.db")
    assert db.execute("PRAGMA page_size").fetchone()[0] == 4096
    save_document(db, Document(title="Briefing", paragraphs=["The spokesperson spoke."]),
                  RawPage(data=b"<p>Briefing</p>", origin="t", url="https://example.org/b"))
    assert [hit["id"] for hit in search(db, "spokesperson")] == [1]


def test_reopening_does_not_migrate_again(db_file):
    open_database(db_file).conn.close()
    again = open_database(db_file)
    assert again.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


@pytest.mark.parametrize("create", [True, False])
def test_opening_an_archive_reads_its_schema_version_once(db_file, monkeypatch, create):
    """The check that the file is an archive and the migration share one read of PRAGMA user_version."""
    from briefarc.store import db as store_db

    open_database(db_file).conn.close()
    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(store_db.sqlite3, "connect", traced)
    open_database(db_file, create=create).conn.close()
    assert sum("user_version" in statement for statement in statements) == 1, statements


def test_a_newer_schema_is_refused(db_file):
    conn = sqlite3.connect(db_file)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(DatabaseError, match="upgrade briefarc"):
        open_database(db_file)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(DatabaseError, match="not a usable briefarc database"):
        open_database(bogus)


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(NotFound, match="briefarc ingest"):
        open_database(tmp_path / "none.db", create=False)


def test_same_page_twice_changes_nothing(db):
    first = save_document(db, doc(), page(url="https://example.org/a"))
    second = save_document(db, doc(), page(url="https://example.org/a"))
    assert (first.status, second.status) == ("added", "unchanged")
    assert first.document_id == second.document_id
    assert db.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 1


def test_tracking_parameters_and_case_do_not_make_a_new_document(db):
    save_document(db, doc(), page(url="https://Example.org/a?utm_source=rss#top"))
    result = save_document(db, doc(), page(url="https://example.org:443/a"))
    assert result.status == "unchanged"
    assert db.execute("SELECT key FROM documents").fetchall() == [("https://example.org/a",)]


def test_canonical_url_is_the_identity(db):
    canonical = "https://example.org/news/briefing"
    save_document(db, doc(canonical_url=canonical), page(url="https://example.org/amp/briefing"))
    result = save_document(db, doc(canonical_url=canonical), page(url=None))
    assert result.status == "unchanged"


def test_canonical_link_to_the_front_page_is_ignored(db):
    one = save_document(db, doc(title="One", canonical_url="https://example.org/"), page(url="https://example.org/a"))
    two = save_document(db, doc(title="Two", canonical_url="https://example.org/"), page(url="https://example.org/b"))
    assert one.document_id != two.document_id


def test_file_without_url_is_keyed_by_its_bytes(db):
    one = save_document(db, doc(title="One"), page(data=b"<p>one</p>"))
    two = save_document(db, doc(title="Two"), page(data=b"<p>two</p>"))
    same = save_document(db, doc(title="One"), page(data=b"<p>one</p>", origin="/elsewhere/copy.html"))
    assert one.document_id != two.document_id
    assert same.document_id == one.document_id and same.status == "unchanged"


def test_native_id_joins_old_and_new_addresses(db):
    old = save_document(db, doc(native_id="fmprc:en:t1617471"), page(url="https://www.fmprc.gov.cn/old/t1617471.shtml"))
    new = save_document(db, doc(native_id="fmprc:en:t1617471"), page(url="https://www.mfa.gov.cn/eng/t1617471.html"))
    assert new.document_id == old.document_id


def test_changed_page_updates_and_keeps_earlier_snapshot(db):
    url = "https://example.org/briefing"
    save_document(db, doc(body=["Original remarks on tariffs."]), page(data=b"<p>v1</p>", url=url))
    result = save_document(db, doc(body=["Edited remarks on sanctions."]), page(data=b"<p>v2</p>", url=url))
    assert (result.status, result.version) == ("updated", 2)
    assert db.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 2
    assert db.execute("SELECT count(*) FROM versions").fetchone()[0] == 2
    assert get_raw(db, result.document_id) == b"<p>v2</p>"
    assert [h["id"] for h in search(db, "sanctions")] == [result.document_id]
    assert search(db, "tariffs") == []


def test_markup_or_whitespace_change_is_not_a_new_version(db):
    url = "https://example.org/briefing"
    save_document(db, doc(body=["Same  words here."]), page(data=b"<p>Same words here.</p>", url=url))
    result = save_document(db, doc(body=["Same words\nhere."]), page(data=b"<div>Same words here.</div>", url=url))
    assert result.status == "unchanged"


def test_stored_record_round_trip(db):
    stored = doc(
        title="Briefing", subtitle="Standfirst", author="Staff Report", published="2025-09-18T17:42:11+05:00",
        language="en", kind="briefing", spokesperson="Asim Iftikhar", tags=["Afghanistan"],
        turns=[Turn("Question", "question", "Any comment?"), Turn("Spokesperson", "answer", "Yes.")],
    )
    result = save_document(db, stored, page(url="https://example.org/x"))
    record = get_document(db, result.document_id)
    assert record["published_date"] == "2025-09-18"
    assert record["turns"][1] == {"speaker": "Spokesperson", "role": "answer", "text": "Yes."}
    assert record["tags"] == ["Afghanistan"]
    assert len(record["sha256"]) == 64
    with pytest.raises(NotFound, match="No document with id 999"):
        get_document(db, 999)


def test_fts_index_follows_deletes_and_passes_integrity_check(db):
    result = save_document(db, doc(body=["Kashmir was discussed."]), page(url="https://example.org/k"))
    db.execute("DELETE FROM versions")
    db.execute("DELETE FROM snapshots")
    db.execute("DELETE FROM documents WHERE id = ?", [result.document_id])
    assert search(db, "Kashmir") == []
    db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")


def test_chinese_two_character_words_are_found(db):
    zh = doc(title="外交部发言人主持例行记者会", body=["关于台湾问题，中方立场是一贯的。", "记者会上还谈到经贸合作。"],
             language="zh")
    saved = save_document(db, zh, page(url="https://www.mfa.gov.cn/web/t1.shtml"))
    save_document(db, doc(title="English", body=["Taiwan was raised."]), page(url="https://example.org/e"))
    hits = search(db, "台湾")
    assert [h["id"] for h in hits] == [saved.document_id]
    assert "台湾" in hits[0]["snippet"].replace("\ue000", "").replace("\ue001", "")
    assert "\u200b" not in hits[0]["snippet"]
    assert search(db, "湾问") != [] and search(db, "台北") == []
    assert [h["id"] for h in search(db, "记者会")] == [saved.document_id]


def in_body_and_in_title(db, body: str) -> tuple[int, int]:
    """Two documents: one with the word in its body only, one with it in its title."""
    in_body = save_document(db, doc(title="Weekly remarks", body=[body]), page(url="https://example.org/1"))
    in_title = save_document(
        db, doc(title="Trade talks resume", body=["The spokesperson welcomed the talks."]), page(url="https://example.org/2")
    )
    return in_body.document_id, in_title.document_id


def test_title_weighs_more_than_body(db):
    in_body, in_title = in_body_and_in_title(db, "Trade, trade and trade again, said the spokesperson.")
    assert [h["id"] for h in search(db, "trade")] == [in_title, in_body]


def test_snippet_marks_matched_words(db):
    save_document(db, doc(body=["A long sentence about the Taliban government and more words."]), page(url="https://e.org/t"))
    snippet = search(db, "Taliban")[0]["snippet"]
    assert "\ue000Taliban\ue001" in snippet


def test_punctuation_queries_just_work(db):
    save_document(db, doc(body=["The U.S.-Pakistan dialogue and the Taliban's pledge, said Asim Iftikhar: yes."]),
                  page(url="https://e.org/p"))
    for query in ("U.S.-Pakistan", "Taliban's", "Asim Iftikhar: ", "Talib*", "NEAR(dialogue pledge, 5)"):
        assert len(search(db, query)) == 1, query


def test_fts_syntax_error_from_sqlite_is_explained(db, monkeypatch):
    """The query reader answers every query it knows to be wrong ("Kabul ()" now); what it lets through and FTS5
    refuses still comes back as advice, not SQLite's error."""
    from briefarc.store import search as searching
    from briefarc.store.query import Query

    monkeypatch.setattr(searching, "read_query", lambda text, spare=None: Query('"Kabul" ( )'))
    with pytest.raises(SearchSyntaxError, match="--literal"):
        search(db, "Kabul")


def seed_filters(db):
    rows = [
        ("Briefing one", "2024-01-10", "briefing", "en", "Asim Iftikhar", "mofa"),
        ("Statement two", "2024-06-01", "statement", "en", None, "mofa"),
        ("Briefing three", "2025-02-03", "briefing", "zh", "Lin Jian", "fmprc"),
    ]
    from briefarc.store.sources import ensure_source

    for index, (title, date, kind, lang, person, source) in enumerate(rows):
        save_document(
            db, doc(title=title, body=["Common words about the region."], published=date, kind=kind, language=lang,
                    spokesperson=person),
            page(url=f"https://e.org/{index}"), source_id=ensure_source(db, source),
        )


@pytest.mark.parametrize(
    ("filters", "titles"),
    [
        (Filters(), ["Briefing three", "Statement two", "Briefing one"]),
        (Filters(source="mofa"), ["Statement two", "Briefing one"]),
        (Filters(since="2024-05-01"), ["Briefing three", "Statement two"]),
        (Filters(until="2024-06-01"), ["Statement two", "Briefing one"]),
        (Filters(kind="briefing"), ["Briefing three", "Briefing one"]),
        (Filters(language="zh"), ["Briefing three"]),
        (Filters(spokesperson="iftikhar"), ["Briefing one"]),
    ],
)
def test_filters_for_list_and_search(db, filters, titles):
    seed_filters(db)
    assert [h["title"] for h in list_documents(db, filters)] == titles
    found = search(db, "region", filters, sort="date")
    assert [h["title"] for h in found] == titles


def test_limit_and_offset(db):
    seed_filters(db)
    assert [h["title"] for h in list_documents(db, limit=1, offset=1)] == ["Statement two"]
    assert len(search(db, "region", limit=2)) == 2


# Run in a fresh interpreter: opens the archive at argv[1] and prints, as JSON, the migrations this process
# applied and the modules it imported while it held the write lock (between BEGIN IMMEDIATE and COMMIT).
OPEN_AND_REPORT = """
import json, sys
from pathlib import Path
import briefarc.store.migrations as migrations
from briefarc.store import db

applied, under_lock, locked = [], [], []
def counted(migration):
    def run(conn):
        applied.append(migration.__name__)
        migration(conn)
    return run
migrations.MIGRATIONS[:] = [counted(m) for m in migrations.MIGRATIONS]
make = migrations.run_script
migrations.run_script = lambda conn, script: (applied.append("schema") if "CREATE TABLE sources" in script else None,
                                              make(conn, script))
def traced(conn, version):
    conn.set_trace_callback(lambda sql: locked.append(sql) if sql.startswith("BEGIN") else
                            locked.clear() if sql in ("COMMIT", "ROLLBACK") else None)
    return conn, version
connect = db._connect
db._connect = lambda path: traced(*connect(path))
sys.addaudithook(lambda event, args: under_lock.append(args[0]) if event == "import" and locked else None)
db.open_database(Path(sys.argv[1]))
print(json.dumps({"applied": applied, "under_lock": under_lock}))
"""


def open_in_processes(path, count):
    import json
    import subprocess
    import sys

    processes = [subprocess.Popen([sys.executable, "-c", OPEN_AND_REPORT, str(path)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(count)]
    outputs = [process.communicate(timeout=180) for process in processes]
    assert all(process.returncode == 0 for process in processes), [error for _, error in outputs]
    return [json.loads(output) for output, _ in outputs]


def test_simultaneous_first_opens_migrate_once(tmp_path):
    path = tmp_path / "race.db"
    reports = open_in_processes(path, 8)
    applied = [name for report in reports for name in report["applied"]]
    assert applied == ["schema"]  # a new archive's schema made once, by one process, in one go (store/schema.py)
    assert open_database(path).execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_the_first_open_imports_nothing_while_it_holds_the_write_lock(tmp_path):
    # Importing sqlite-utils under the lock kept seven other first opens waiting for seconds on a loaded machine.
    [report] = open_in_processes(tmp_path / "new.db", 1)
    assert report["applied"] == ["schema"]
    assert report["under_lock"] == []
    older = sqlite3.connect(tmp_path / "older.db", isolation_level=None)  # an archive of an earlier release
    for migration in MIGRATIONS[:2]:
        migration(older)
    older.execute("PRAGMA user_version = 2")
    older.close()
    [report] = open_in_processes(tmp_path / "older.db", 1)
    assert report["applied"] == [migration.__name__ for migration in MIGRATIONS[2:]]
    assert report["under_lock"] == []


def test_prefix_queries_rank_by_title_and_carry_snippets(db):
    in_body, in_title = in_body_and_in_title(db, "Trade, trading and traders again, said the spokesperson.")
    hits = search(db, "trad*")
    assert [h["id"] for h in hits] == [in_title, in_body]
    assert all("\ue000" in h["snippet"] for h in hits)
    assert [h["id"] for h in search(db, "trad*", limit=1, offset=1)] == [in_body]


def test_a_new_archive_opens_while_another_process_writes_it_before_its_switch_to_wal(tmp_path):
    """Another connection writing the new file in the journal mode it found (a second ingest begun together):
    SQLite refuses the switch to WAL at once, and the open failed with "stayed locked"; it waits now, as a
    writer waits for a writer."""
    import threading

    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE scratch (x)")
    threading.Timer(0.3, other.execute, ["ROLLBACK"]).start()
    db = open_database(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    other.close()


def test_a_schema_committed_while_an_open_checks_the_file_does_not_make_it_another_programs(tmp_path):
    """Eight first opens together failed about once in ten runs with "another program's SQLite database": one
    read user_version (0) before another committed the new schema, and the table names after it. Here a writer
    commits a schema right after the version is read; the check must see the file as it was, or wait."""
    import threading

    from briefarc.store.db import _check_is_archive

    path = tmp_path / "race.db"
    sqlite3.connect(path).close()
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def write_schema() -> None:
        other = sqlite3.connect(path, timeout=10, isolation_level=None)
        other.executescript("BEGIN IMMEDIATE; CREATE TABLE documents (id); PRAGMA user_version = 7; COMMIT;")
        other.close()

    writers: list[threading.Thread] = []

    class Racing:
        def execute(self, sql, *args):
            cursor = conn.execute(sql, *args)
            if sql.startswith("PRAGMA user_version"):
                writers.append(threading.Thread(target=write_schema))
                writers[0].start()
                writers[0].join(0.5)  # committed by now, unless the check's read holds the file
            return cursor

    assert _check_is_archive(Racing(), path) in (0, 7)  # type: ignore[arg-type]
    conn.close()
    writers[0].join(10)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 7  # the writer got through
