"""A reader that goes away (`briefarc ingest ... 2>&1 | head`, `--json | true`) ends the output, not the exit
status: a batch where one input failed still exits 3, a usage error 2, with what was stored kept. Before, a
closed pipe always made the exit status 0 (Rich's answer to a broken pipe, SystemExit(1), was read as the
reader's choice), and failures went unseen in cron jobs that pipe the output."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES


def run_closed(args: list[str], db, *, stdout_closed: bool, stderr_closed: bool) -> tuple[int, bytes]:
    """The command with its stdout and/or stderr into a pipe whose reader is gone before it writes; the stream
    left open is read (its text returned)."""
    env = {**os.environ, "BRIEFARC_DB": str(db)}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone at once, as `| true` is
    try:
        process = subprocess.Popen([sys.executable, "-m", "briefarc", *args], env=env,
                                   stdout=write_end if stdout_closed else subprocess.PIPE,
                                   stderr=write_end if stderr_closed else subprocess.PIPE)
    finally:
        os.close(write_end)
    out, err = process.communicate(timeout=180)
    return process.returncode, (err if stdout_closed else out) or b""


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for page in sorted(SAMPLES.glob("*.html"))[:4]:
        shutil.copy(page, folder / page.name)
    (folder / "empty.html").write_bytes(b"")  # fails: no page in it
    return folder


def stored(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


@pytest.mark.parametrize(("extra", "stdout_closed", "stderr_closed"), [
    ([], True, True),  # 2>&1 | true
    ([], False, True),  # the summary's stderr gone
    (["--json"], True, False),  # --json | true
])
def test_a_partly_failed_ingest_exits_3_whoever_reads_it(tmp_path, pages, extra, stdout_closed, stderr_closed):
    db = tmp_path / "a.db"
    code, other = run_closed(["ingest", str(pages), *extra], db, stdout_closed=stdout_closed,
                             stderr_closed=stderr_closed)
    assert code == 3, other.decode("utf-8", "replace")
    assert b"Traceback" not in other
    assert stored(db) >= 3


def test_a_usage_error_exits_2_with_its_message_unread(tmp_path, pages):
    db = tmp_path / "a.db"
    assert run_closed(["ingest", str(pages)], db, stdout_closed=False, stderr_closed=False)[0] == 3
    code, _ = run_closed(["search", "talks", "--source", "no-such-source"], db, stdout_closed=True, stderr_closed=True)
    assert code == 2


def test_a_reader_of_search_results_that_stops_early_is_no_error(tmp_path, pages):
    db = tmp_path / "a.db"
    run_closed(["ingest", str(pages)], db, stdout_closed=False, stderr_closed=False)
    code, err = run_closed(["search", "the"], db, stdout_closed=True, stderr_closed=False)
    assert code == 0 and b"Traceback" not in err, err
