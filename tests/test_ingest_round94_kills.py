"""Ingests and reparses stopped at random moments, twice in a row, by SIGINT (once or twice), SIGTERM or SIGKILL
(helper-94): after each, `briefarc verify` and SQLite's integrity check pass and each document is whole; a rerun
ends with exactly what a run never stopped stores."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.processes import briefarc, wait_for_group_to_end
from tests.test_ingest_round94_concurrent import BULK, bulk_warc  # noqa: F401 (fixture)
from tests.test_ingest_round94_ctrl_c import check_consistent

pytestmark = pytest.mark.crash
STOPS = ("INT", "INT twice", "TERM", "KILL", "KILL group")


def stored(db_file: Path) -> list[tuple]:
    """What the archive holds, whatever ids the documents were given."""
    conn = sqlite3.connect(db_file)
    try:
        return sorted(conn.execute(
            """SELECT key, content_hash, title, body, turns, author, kind,
                      (SELECT group_concat(sha256 || ':' || v.content_hash, ' ') FROM
                        (SELECT s.sha256, v.content_hash FROM versions v JOIN snapshots s ON s.id = v.snapshot_id
                         WHERE v.document_id = d.id ORDER BY v.number) AS v)
               FROM documents d"""))
    finally:
        conn.close()


def stopped(args: list[str], db_file: Path, how: str, after: float) -> None:
    process = briefarc(*args, db=db_file, start_new_session=True)
    time.sleep(after)
    if process.poll() is None:
        if how.startswith("INT"):
            process.send_signal(signal.SIGINT)
            if how == "INT twice":
                time.sleep(0.2)
                process.send_signal(signal.SIGINT)
        elif how == "KILL group":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.send_signal(getattr(signal, f"SIG{how}"))
    _, err = process.communicate(timeout=300)
    assert "Traceback" not in err
    wait_for_group_to_end(process.pid)


def finished(args: list[str], db_file: Path) -> None:
    process = briefarc(*args, db=db_file)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err


def test_ingests_stopped_twice_at_random_moments(tmp_path, bulk_warc):  # noqa: F811
    args = ["ingest", str(BULK), str(bulk_warc)]
    clean = tmp_path / "clean.db"
    finished(args, clean)
    rng = random.Random(94)
    for round_ in range(2):
        db_file = tmp_path / f"stopped{round_}.db"
        for _ in range(2):
            stopped(args, db_file, rng.choice(STOPS), rng.uniform(0.5, 4.0))
            if db_file.exists():  # a new archive stopped before its first page is removed
                check_consistent(db_file)
        finished(args, db_file)
        assert check_consistent(db_file) == 540
        assert stored(db_file) == stored(clean)


def test_reparses_stopped_twice_at_random_moments(tmp_path, bulk_warc):  # noqa: F811
    base = tmp_path / "base.db"
    finished(["ingest", str(BULK), str(bulk_warc)], base)
    conn = sqlite3.connect(base)
    conn.execute("UPDATE versions SET title = 'stale ' || title, body = 'stale ' || body")
    conn.execute("UPDATE documents SET author = 'stale', kind = 'stale'")  # not indexed: verify passes before
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    clean = tmp_path / "clean.db"
    shutil.copy(base, clean)
    started = time.monotonic()
    finished(["reparse", "--all"], clean)
    took = time.monotonic() - started
    rng = random.Random(94)
    for round_ in range(2):
        db_file = tmp_path / f"stopped{round_}.db"
        shutil.copy(base, db_file)
        for _ in range(2):
            stopped(["reparse", "--all"], db_file, rng.choice(STOPS), rng.uniform(0.3, took))
            check_consistent(db_file)
        finished(["reparse", "--all"], db_file)
        assert stored(db_file) == stored(clean)
