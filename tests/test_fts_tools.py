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


def test_raw_fts5_match_finds_chinese_and_no_tool_reads_zero_width_spaces(archive):
    conn = sqlite3.connect(archive)
    found = conn.execute("SELECT d.title FROM documents_cjk JOIN documents d ON d.id = documents_cjk.rowid "
                         "WHERE documents_cjk MATCH 'title : 外交部发言人' ORDER BY d.id").fetchall()
    assert len(found) == 2 and all("外交部发言人" in title for (title,) in found)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    assert not [c for c in columns if c.startswith("fts_")]
    for column in columns:
        assert conn.execute(f"SELECT count(*) FROM documents WHERE instr([{column}], ?)", [ZERO_WIDTH]).fetchone() \
            == (0,), column
    assert conn.execute("SELECT count(*) FROM documents WHERE language = 'zh'").fetchone()[0] >= 2


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


def test_datasette_search_on_the_documents_table(datasette):
    query = urllib.parse.urlencode({"_search": "Torkham", "_shape": "array", "_col": "title"})
    rows = fetch_json(f"{datasette}/archive/documents.json?{query}")
    assert [row["title"] for row in rows][:1] == ["FO urges Kabul to act against militants as Torkham stays shut"]
    query = urllib.parse.urlencode({"_search": "外交部发言人", "_fts_table": "documents_cjk", "_shape": "array"})
    rows = fetch_json(f"{datasette}/archive/documents.json?{query}")
    assert all("外交部发言人" in row["title"] + row["body"] for row in rows)
    assert sum("外交部发言人" in row["title"] for row in rows) == 2


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])  # m007 made the new index
def test_an_archive_at_an_earlier_version_moves_to_the_new_index(tmp_path, version):
    from briefarc.store.db import open_database
    from briefarc.store.migrations import MIGRATIONS
    from briefarc.store.search import search

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    for number, migration in enumerate(MIGRATIONS[:version], start=1):
        migration(conn)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute("INSERT INTO documents (id, key, title, body, fts_title, fts_body, archived_at, updated_at) "
                 "VALUES (1, 'k1', '台湾问题', 'Kabul and 台湾', ?, ?, 'now', 'now')",
                 [f"{ZERO_WIDTH}台{ZERO_WIDTH}{ZERO_WIDTH}湾{ZERO_WIDTH}", f"Kabul and {ZERO_WIDTH}台{ZERO_WIDTH}"])
    conn.close()
    db = open_database(old)
    assert [hit["id"] for hit in search(db, "Kabul")] == [1]
    assert [hit["id"] for hit in search(db, "台湾")] == [1]
    assert [hit["id"] for hit in search(db, "台湾问题")] == [1]
    columns = [row[1] for row in db.execute("PRAGMA table_info(documents)")]
    assert "fts_body" not in columns and "body" in columns and "claimed_url" in columns
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)")
    db.execute("INSERT INTO documents_cjk(documents_cjk) VALUES('integrity-check')")
