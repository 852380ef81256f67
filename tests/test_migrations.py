"""Migrations written with sqlite-utils make the tables the shipped SQL made: an archive created
before and one created now have the same columns, keys, defaults and indexes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefarc.store.db import open_database
from briefarc.store.migrations import MIGRATIONS, m001_initial, migrate, run_script

# m002..m006 as they were first written, in SQL: the archives made by earlier releases have exactly these.
SHIPPED = """
ALTER TABLE sources ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
CREATE TABLE seen_urls (
    key TEXT PRIMARY KEY, url TEXT NOT NULL, source_id INTEGER REFERENCES sources(id),
    document_id INTEGER REFERENCES documents(id), status TEXT NOT NULL, reason TEXT, etag TEXT,
    last_modified TEXT, first_seen TEXT NOT NULL, last_fetched TEXT);
CREATE INDEX seen_urls_document ON seen_urls(document_id);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY, source_id INTEGER REFERENCES sources(id), started_at TEXT NOT NULL, finished_at TEXT,
    discovered INTEGER NOT NULL DEFAULT 0, fetched INTEGER NOT NULL DEFAULT 0, added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0, error TEXT);
CREATE INDEX runs_source ON runs(source_id, started_at);
CREATE TABLE requests (
    id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id), url TEXT NOT NULL, status INTEGER,
    bytes INTEGER NOT NULL DEFAULT 0, duration_ms INTEGER NOT NULL DEFAULT 0, attempt INTEGER NOT NULL DEFAULT 1,
    error TEXT, at TEXT NOT NULL);
CREATE INDEX requests_at ON requests(at);
CREATE INDEX documents_url ON documents(url);
ALTER TABLE runs ADD COLUMN removed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN claimed_url TEXT;
CREATE TABLE pending (
    key TEXT PRIMARY KEY, url TEXT NOT NULL, source_id INTEGER REFERENCES sources(id),
    document_id INTEGER REFERENCES documents(id), found_on TEXT, discovered_at TEXT NOT NULL, title TEXT,
    published TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_try TEXT, next_try TEXT NOT NULL,
    given_up_at TEXT);
CREATE INDEX pending_source ON pending(source_id, next_try);
ALTER TABLE documents ADD COLUMN text_source TEXT;
ALTER TABLE documents ADD COLUMN feed_hash TEXT;
ALTER TABLE runs ADD COLUMN deferred INTEGER NOT NULL DEFAULT 0;
"""


def structure(conn: sqlite3.Connection) -> dict:
    """Each table's columns, foreign keys and indexes, as SQLite reports them (not the SQL's spelling)."""
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {
        name: (
            conn.execute(f"PRAGMA table_info([{name}])").fetchall(),
            sorted(conn.execute(f"PRAGMA foreign_key_list([{name}])").fetchall()),
            sorted((index[1], index[2], [column[2] for column in conn.execute(f"PRAGMA index_info([{index[1]}])")])
                   for index in conn.execute(f"PRAGMA index_list([{name}])")),
        )
        for name in tables
    }


def test_migrations_make_the_schema_the_shipped_sql_made():
    shipped = sqlite3.connect(":memory:", isolation_level=None)
    m001_initial(shipped)
    run_script(shipped, SHIPPED)
    now = sqlite3.connect(":memory:", isolation_level=None)
    for migration in MIGRATIONS[:6]:  # m007 remakes the full-text index: tests/test_fts_tools.py checks it
        migration(now)
    assert structure(now) == structure(shipped)
    latest = sqlite3.connect(":memory:", isolation_level=None)
    migrate(latest)
    assert latest.execute("PRAGMA recursive_triggers").fetchone()[0] == 0  # sqlite-utils changed no setting


def archive_at(path, version: int):
    """An empty archive made by the first `version` migrations, as a release of that version left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        migration(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return path


def save_into_old(db, pairs) -> None:
    """(document, page) `pairs` saved by the current writer, in one batch, into the older archive `db`: saved
    into a new archive beside it, their rows then copied into the old one's own columns (its triggers index
    them, as a release of that version did). The writer fills the columns of the current schema only.
    For archives at version 11 and later (turns with their CJK terms)."""
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_documents

    conn = db.conn if hasattr(db, "conn") else db
    path = conn.execute("PRAGMA database_list").fetchone()[2]
    new = open_database(f"{path}.new.db")
    save_documents(new, pairs)
    new.conn.close()
    old_columns = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    conn.execute("ATTACH DATABASE ? AS new", (f"{path}.new.db",))
    names = ", ".join(old_columns)
    with conn:  # the turns come from the documents' triggers; their CJK terms are set after, as the writer does
        conn.execute(f"INSERT INTO main.documents ({names}) SELECT {names} FROM new.documents ORDER BY id")
        conn.execute("""UPDATE main.turns SET cjk_text = n.cjk_text FROM new.turns n
                        WHERE n.document_id = turns.document_id AND n.number = turns.number
                          AND n.cjk_text IS NOT NULL""")
    conn.execute("DETACH DATABASE new")
    Path(f"{path}.new.db").unlink()


def test_an_archive_at_version_two_is_brought_up_to_date(db_file):
    conn = sqlite3.connect(db_file, isolation_level=None)
    for migration in MIGRATIONS[:2]:
        migration(conn)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO runs (started_at) VALUES ('2025-01-01T00:00:00+00:00')")
    conn.close()
    db = open_database(db_file)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert db.execute("SELECT removed FROM runs").fetchall() == [(0,)]
    assert "documents_url" in {index.name for index in db["documents"].indexes}
    assert "claimed_url" in db["documents"].columns_dict


def test_an_archive_at_version_eleven_gets_the_prefix_index_and_finds_the_same(tmp_path, monkeypatch):
    import sqlite_utils

    from briefarc.models import Document, RawPage
    from briefarc.store import search as searching
    from briefarc.store.search import search

    path = archive_at(tmp_path / "v11.db", 11)
    db = sqlite_utils.Database(path)
    db.conn.execute("PRAGMA user_version = 11")
    words = ("sanctions on steel", "trade talks in Tianjin", "美方 表示 关切", "statement on security")
    save_into_old(db, [(Document(title=f"Briefing {n}", paragraphs=[text], language="zh" if "美" in text else "en"),
                        RawPage(data=f"<p>{n}</p>".encode(), origin="t", url=f"https://e.org/{n}"))
                       for n, text in enumerate(words)])
    with monkeypatch.context() as patch:  # today's hits read published_utc, which migration 16 adds
        patch.setattr(searching, "HIT_COLUMNS", searching.HIT_COLUMNS.replace(", d.published_utc", ""))
        patch.setattr(searching, "HIT_KEYS", searching.HIT_KEYS[:-1])
        before = {query: [hit["id"] for hit in search(db, query)] for query in ("s*", "t*", "美", "st*")}
    assert "prefix" not in db["documents_fts"].schema
    db.conn.close()
    migrated = open_database(path)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert "prefix='1'" in migrated["documents_fts"].schema
    assert {query: [hit["id"] for hit in search(migrated, query)] for query in before} == before
    assert set(before["s*"]) == {1, 4} and set(before["t*"]) == {2} and before["美"] == [3]
    tools = sqlite_utils.Database(path)  # sqlite-utils (and Datasette) still find the index and search it
    assert tools["documents"].detect_fts() == "documents_fts"
    assert [row["id"] for row in tools["documents"].search("s*", columns=["id"])] != []


def test_an_archive_at_version_twelve_indexes_the_same_turns_with_the_ascii_check(tmp_path):
    """m013: the turns' triggers tell ASCII text without a GLOB; the same turns are indexed, before and after."""
    import sqlite_utils

    from briefarc.models import Document, RawPage, Turn
    from briefarc.store.documents import save_documents

    path = archive_at(tmp_path / "v12.db", 12)
    texts = ("Sanctions on steel.", "Le ministère a répondu.", "美方表示关切。", "")

    def save(db, number: int, into=save_documents) -> None:
        turns = [Turn("Q", "question", text) for text in texts]
        doc = Document(title=f"Briefing {number}", paragraphs=[t for t in texts if t], turns=turns)
        into(db, [(doc, RawPage(data=f"<p>{number}</p>".encode(), origin="t", url=f"https://e.org/{number}"))])

    def found(db) -> list:
        db.execute("INSERT INTO turns_fts(turns_fts, rank) VALUES('integrity-check', 1)")
        return [db.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH ? ORDER BY rowid", [query]).fetchall()
                for query in ("steel", "ministère", "美方", '"表示"')]

    old = sqlite_utils.Database(path)
    save(old, 1, into=save_into_old)
    before = found(old)
    assert "length(CAST" not in old["turns"].triggers_dict["turns_ai"]
    old.conn.close()
    migrated = open_database(path)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert all("length(CAST(" in migrated["turns"].triggers_dict[name] for name in ("turns_ai", "turns_au"))
    assert found(migrated) == before == [[(1,)], [(2,)], [(3,)], [(3,)]]
    save(migrated, 2)
    assert found(migrated) == [[(1,), (5,)], [(2,), (6,)], [(3,), (7,)], [(3,), (7,)]]
    assert migrated.execute("SELECT count(*) FROM turns_fts_docsize").fetchone()[0] == 8  # the empty turns too


def test_a_batch_of_many_terms_is_one_segment_of_the_index(tmp_path):
    """m014: the index holds 8 MiB of terms before it writes a segment; a batch of pages with more than the
    default 1 MiB of them is written as one segment (SQLite's default wrote three), and an archive at version
    13 gets the setting."""
    import sqlite_utils

    from briefarc.models import Document, RawPage
    from briefarc.store.documents import save_documents

    path = archive_at(tmp_path / "v13.db", 13)
    pairs = [(Document(title=f"Briefing {n}", paragraphs=[" ".join(f"w{n}x{w}" for w in range(300))]),
              RawPage(data=f"<p>{n}</p>".encode(), origin="t", url=f"https://e.org/{n}")) for n in range(200)]
    segments = "SELECT count(DISTINCT segid) FROM documents_fts_idx"
    old = sqlite_utils.Database(path)
    save_into_old(old, pairs[:100])
    assert old.execute(segments).fetchone()[0] > 1
    old.conn.close()
    migrated = open_database(path)
    assert migrated.execute("SELECT v FROM documents_fts_config WHERE k = 'hashsize'").fetchone() == (8 * 2**20,)
    assert migrated.execute("SELECT v FROM turns_fts_config WHERE k = 'hashsize'").fetchone() == (8 * 2**20,)
    before = migrated.execute(segments).fetchone()[0]
    save_documents(migrated, pairs[100:])
    assert migrated.execute(segments).fetchone()[0] == before + 1
    found = "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'w150x299'"
    assert migrated.execute(found).fetchone() == (1,)


def whole_state(conn: sqlite3.Connection) -> tuple:
    """Everything an empty archive holds: its schema as SQLite keeps it, its full-text indexes' own tables
    (their settings and empty structure) and its version."""
    master = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall(), key=str)
    indexes = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE name GLOB '*_fts_*'")]
    return (master, {name: conn.execute(f"SELECT * FROM [{name}]").fetchall() for name in indexes},
            conn.execute("PRAGMA user_version").fetchone())


def test_a_new_archive_made_in_one_go_is_the_one_the_migrations_make():
    """schema.sql is current: after a new migration, `python -m briefarc.store.schema` writes it again."""
    one_go, step_by_step = (sqlite3.connect(":memory:", isolation_level=None) for _ in range(2))
    migrate(one_go)
    migrate(step_by_step, step_by_step=True)
    assert whole_state(one_go) == whole_state(step_by_step)
    assert one_go.execute("PRAGMA recursive_triggers").fetchone()[0] == 0  # no setting of the connection changed


def test_ingesting_into_a_new_archive_does_not_import_sqlite_utils(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Weekly briefing</title></head><body><article><h1>Weekly briefing</h1>"
                    + "<p>The spokesperson answered questions on trade and visas this week.</p>" * 5
                    + "</article></body></html>")
    code = ("import sys; from pathlib import Path; from briefarc.store.db import open_database; "
            "from briefarc.files.ingest import ingest; "
            f"db = open_database(Path({str(tmp_path / 'a.db')!r})); report = ingest(db, [{str(page)!r}]); "
            "print(report.added, 'sqlite_utils' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["1", "False"], done.stderr
    db = open_database(tmp_path / "a.db")
    assert db["documents"].count == 1  # what else a sqlite_utils.Database offers is still there


def _feed(entries: list[tuple[str, str | None, str]]) -> str:
    items = "".join(f"<item><title>{title}</title>" + (f'<guid isPermaLink="false">{guid}</guid>' if guid else "")
                    + "<pubDate>Wed, 01 May 2024 00:00:00 GMT</pubDate><description><![CDATA[<p>The spokesperson"
                    f" said the talks on {word} were constructive and would go on next week.</p>]]></description>"
                    "</item>" for title, guid, word in entries)
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Readouts</title>'
            f"<link>https://mofa.example.gov/readouts</link>{items}</channel></rss>")


def _as_version_sixteen_keyed_them(path: Path, data: bytes) -> None:
    """The feed entries' keys as briefarc 16 made them (the feed file's sha256 and the entry's id), version 16."""
    from briefarc.store.blobs import sha256

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE documents SET key = 'sha256:' || ? || substr(key, instr(key, '#'))", (sha256(data),))
    conn.execute("PRAGMA user_version = 16")
    conn.close()


def test_an_archive_at_version_sixteen_keys_its_feed_entries_by_their_feed(tmp_path):
    """Entries without a link were keyed by the feed file's bytes, so the next snapshot of the feed stored them all
    again: migration 17 keys them by their feed and id, and the next snapshot adds only what is new."""
    from briefarc.files.ingest import ingest

    monday, tuesday = tmp_path / "monday.rss", tmp_path / "tuesday.rss"
    monday.write_text(_feed([("Readout one", "r-1", "Kabul"), ("Readout two", None, "Doha")]))
    tuesday.write_text(_feed([("Readout three", "r-3", "Herat"), ("Readout one", "r-1", "Kabul"),
                              ("Readout two", None, "Doha")]))
    path = tmp_path / "a.db"
    assert ingest(open_database(path), [str(monday)]).added == 2
    keys = sorted(key for (key,) in sqlite3.connect(path).execute("SELECT key FROM documents"))
    _as_version_sixteen_keyed_them(path, monday.read_bytes())
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert sorted(key for (key,) in db.execute("SELECT key FROM documents")) == keys
    report = ingest(db, [str(tuesday)])
    assert (report.added, report.updated, report.unchanged) == (1, 0, 2)


def test_a_feed_entry_whose_new_key_is_taken_keeps_its_old_one(tmp_path):
    """A new snapshot ingested by a briefarc of today before the migration ran (the same entry under its new key):
    the older document keeps its key, and neither is lost."""
    from briefarc.files.ingest import ingest

    monday = tmp_path / "monday.rss"
    monday.write_text(_feed([("Readout one", "r-1", "Kabul")]))
    path = tmp_path / "a.db"
    ingest(open_database(path), [str(monday)])
    _as_version_sixteen_keyed_them(path, monday.read_bytes())
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("INSERT INTO documents (key, title, archived_at, updated_at) VALUES "
                 "('feed:https://mofa.example.gov/readouts#r-1', 'Readout one', '2026-12-04', '2026-12-04')")
    conn.close()
    db = open_database(path)
    assert sorted(key[:7] for (key,) in db.execute("SELECT key FROM documents")) == ["feed:ht", "sha256:"]
