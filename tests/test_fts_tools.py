"""The archive opens in other tools as the README says: sqlite-utils search, Datasette, raw FTS5.

Each tool runs for real: the sqlite-utils command line in a subprocess, Datasette as a server on
127.0.0.1 queried over HTTP. The migration test builds a database at each schema version before the
new index (with the old segmented copies) and checks that opening it moves the index to the new form.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

ZERO_WIDTH = "\u200b"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("tools") / "archive.db"
    env = {**os.environ, "BRIEFARC_DB": str(db)}
    subprocess.run([sys.executable, "-m", "briefarc", "ingest", str(SAMPLES)], check=True, capture_output=True,
                   env=env)
    return db


def sqlite_utils_search(db: Path, *args: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "sqlite_utils", "search", str(db), *args, "-c", "id", "-c", "title"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_sqlite_utils_search_finds_documents(archive):
    titles = [row["title"] for row in sqlite_utils_search(archive, "documents", "Taliban")]
    assert titles and all(title for title in titles)
    assert sqlite_utils_search(archive, "documents", "Torkham")[0]["title"].startswith("FO urges Kabul")
    assert sqlite_utils_search(archive, "documents", "zzzunknownword") == []


def containing(conn: sqlite3.Connection, word: str) -> set[int]:
    """The documents whose own text holds `word`: the truth the indexes are checked against."""
    return {row[0] for row in conn.execute(
        "SELECT id FROM documents WHERE instr(coalesce(title, '') || ' ' || coalesce(subtitle, '') || ' ' || "
        "coalesce(body, ''), ?)", [word])}


def test_raw_fts5_match_finds_a_two_character_chinese_word(archive):
    conn = sqlite3.connect(archive)
    found = {row[0] for row in conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH '台湾'")}
    assert found == containing(conn, "台湾") and found
    found = {row[0] for row in conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH '外交'")}
    assert found == containing(conn, "外交") and len(found) == 3
    phrase = conn.execute("""SELECT d.title FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                             WHERE documents_fts MATCH 'cjk_title : "外交 交部 部发 发言 言人"' ORDER BY d.id""")
    assert [title for (title,) in phrase.fetchall()] == [
        "2019年5月15日外交部发言人陆慷主持例行记者会", "2025年3月12日外交部发言人林剑主持例行记者会"]
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master")]
    assert not [name for name in names if "_cjk" in name]  # the trigram indexes are gone


def test_no_tool_reads_zero_width_spaces(archive):
    conn = sqlite3.connect(archive)
    for table in ("documents", "turns"):
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        assert not [c for c in columns if c.startswith("fts_")]
        for column in columns:
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE instr([{column}], ?)", [ZERO_WIDTH]).fetchone() \
                == (0,), column
    assert conn.execute("SELECT count(*) FROM documents WHERE language = 'zh'").fetchone()[0] >= 2


def test_sqlite_utils_search_finds_a_chinese_word(archive):
    import sqlite_utils

    conn = sqlite3.connect(archive)
    assert {row["id"] for row in sqlite_utils_search(archive, "documents", "台湾")} == containing(conn, "台湾")
    rows = list(sqlite_utils.Database(archive)["documents"].search("台湾", columns=["id", "title"]))
    assert {row["id"] for row in rows} == containing(conn, "台湾") and rows
    assert sqlite_utils_search(archive, "documents", "湾台") == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def wait_until_serving(process: subprocess.Popen, base: str) -> None:
    """Poll the server until it answers; fail at once if it exits."""
    for _ in range(2000):
        if process.poll() is not None:
            pytest.fail(f"datasette exited: {process.stderr.read()}")
        try:
            fetch_json(base + "/-/versions.json")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.02)  # a poll interval, not a wait for something to happen
    pytest.fail("datasette did not start serving")


@pytest.fixture
def datasette(archive):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(archive), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_datasette_search_on_the_documents_table(datasette, archive):
    query = urllib.parse.urlencode({"_search": "Torkham", "_shape": "array", "_col": "title"})
    rows = fetch_json(f"{datasette}/archive/documents.json?{query}")
    assert [row["title"] for row in rows][:1] == ["FO urges Kabul to act against militants as Torkham stays shut"]
    query = urllib.parse.urlencode({"_search": "台湾", "_shape": "array", "_col": "title"})
    rows = fetch_json(f"{datasette}/archive/documents.json?{query}")
    assert {row["id"] for row in rows} == containing(sqlite3.connect(archive), "台湾") and rows


def an_archive_at(path: Path, version: int) -> None:
    """An archive made by the migrations up to `version`, as that release made it, with one document
    holding Chinese and English text (and, before m007, the segmented copies of the text it kept)."""
    from briefarc.store.migrations import MIGRATIONS

    conn = sqlite3.connect(path, isolation_level=None)
    for number, migration in enumerate(MIGRATIONS[:version], start=1):
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    turns = ('[{"speaker": "问", "role": "question", "text": "关于台湾问题"}, '
             '{"speaker": "A", "role": "answer", "text": "No."}]')
    values = ["k1", "台湾问题", "Kabul and 台湾。外交部发言人", turns]
    if version < 7:
        conn.execute("INSERT INTO documents (id, key, title, body, turns, fts_title, fts_body, archived_at, updated_at)"
                     " VALUES (1, ?, ?, ?, ?, ?, ?, 'now', 'now')",
                     [*values, f"{ZERO_WIDTH}台{ZERO_WIDTH}{ZERO_WIDTH}湾{ZERO_WIDTH}", f"Kabul and {ZERO_WIDTH}台"])
    else:
        conn.execute("INSERT INTO documents (id, key, title, body, turns, archived_at, updated_at) "
                     "VALUES (1, ?, ?, ?, ?, 'now', 'now')", values)
    conn.close()


@pytest.mark.parametrize("version", range(1, 11))  # m007 made the sqlite-utils index, m011 the CJK terms
def test_an_archive_at_an_earlier_version_moves_to_the_new_index(tmp_path, version):
    from briefarc.store.db import open_database
    from briefarc.store.migrations import MIGRATIONS
    from briefarc.store.search import search
    from briefarc.store.verify import check_index

    an_archive_at(tmp_path / "old.db", version)
    db = open_database(tmp_path / "old.db")
    for query in ("Kabul", "台", "台湾", "台湾问题", "外交部发言人", "Kabul 台湾"):
        assert [hit["id"] for hit in search(db, query)] == [1], query
    assert search(db, "湾台") == [] and search(db, "台湾人") == []
    assert db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH '台湾'").fetchall() == [(1,)]
    assert db.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH '台湾'").fetchall() == [(1,)]
    assert db.execute("SELECT cjk_title FROM documents").fetchone() == ("台湾 湾问 问题 题",)
    columns = [row[1] for row in db.execute("PRAGMA table_info(documents)")]
    assert "fts_body" not in columns and "body" in columns and "claimed_url" in columns
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master")]
    assert not [name for name in names if "_cjk" in name]
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert check_index(db.conn) == []  # both indexes match the text and terms
