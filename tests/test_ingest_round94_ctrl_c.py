"""Ctrl-C twice ends an ingest at once (exit 130), whatever its writer is waiting for (helper-94).

The first Ctrl-C waits for the writer process to save what was handed over whole, so that "Interrupted: N saved"
is exact. A second one waited too: an ingest whose writer was held up by another program's lock (a slow disk
looks the same) answered after the lock's 30 s with 'stayed locked', and one whose writer was stopped never
answered. Now the second stops the writer where it is: what it committed stays, its open batch is rolled back,
the count said is what the archive holds, and a rerun completes the ingest without a duplicate.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SHARED, needs_shared
from tests.processes import briefarc, children_of, stored_documents, wait_for
from tests.test_crash import ingest_waiting_on_a_stopped_writer, small_pages

BULK = SHARED / "corpus" / "fmprc-bulk"
BULK_DOCUMENTS = 270  # fmprc-bulk's 290 pages: 270 documents (the rest are listings and pages twice)
pytestmark = pytest.mark.crash


def ctrl_c_twice(process: subprocess.Popen) -> None:
    """Two presses of Ctrl-C, as far apart as a person's: the first is taken before the second is sent."""
    process.send_signal(signal.SIGINT)
    time.sleep(0.5)  # a signal sent before Python ran the handler of the first would be one press, not two
    process.send_signal(signal.SIGINT)


def documents(db_file: Path) -> tuple[int, int, int, int]:
    """Documents, distinct keys, snapshots and versions."""
    conn = sqlite3.connect(db_file)
    try:
        return conn.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(DISTINCT key) FROM documents),"
                            " (SELECT count(*) FROM snapshots), (SELECT count(*) FROM versions)").fetchone()
    finally:
        conn.close()


def check_consistent(db_file: Path) -> int:
    """The archive passes `briefarc verify` and SQLite's integrity check; each document is whole. Its documents."""
    verify = briefarc("verify", db=db_file)
    out, err = verify.communicate(timeout=300)
    assert verify.returncode == 0, out + err
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()
    count, keys, snapshots, versions = documents(db_file)
    assert count == keys == snapshots == versions
    return count


def rerun(db_file: Path, *paths: str) -> None:
    process = briefarc("ingest", *paths, "--json", db=db_file)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def test_ctrl_c_twice_while_a_lock_holds_the_writer_ends_the_ingest_at_once(db_file):
    """Another program holds the archive's write lock: the writer process waits for it (up to 30 s), and so did
    the ingest after two Ctrl-C, then said 'stayed locked' (exit 1). Now: exit 130 while the lock is still held."""
    needs_shared(BULK)
    rerun(db_file, str(SAMPLES / "mea-briefing.html"))  # an archive already there: the ingest needs no lock to open it
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        process = briefarc("ingest", str(BULK), db=db_file)
        try:
            wait_for(lambda: children_of(process.pid) or process.poll() is not None, "the writer process")
            time.sleep(1)  # pages handed over, the writer waiting for the lock
            ctrl_c_twice(process)
            _, err = process.communicate(timeout=25)  # the lock is held for longer: the ingest did not wait for it
        finally:
            process.kill()
        assert process.returncode == 130, err
        assert err == "Interrupted: 0 saved, rerun to continue.\n"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert check_consistent(db_file) == 1
    rerun(db_file, str(BULK))
    assert check_consistent(db_file) == 1 + BULK_DOCUMENTS


def test_ctrl_c_twice_while_the_writer_is_stopped_stops_it(db_file, tmp_path):
    """The ingest waits for the last reports of a writer process that does not run (SIGSTOP; a machine swapping
    hard looks the same): Ctrl-C twice hung for ever. Now the writer is killed and the ingest ends."""
    folder = small_pages(tmp_path / "small")
    process, writer = ingest_waiting_on_a_stopped_writer(db_file, folder)
    try:
        ctrl_c_twice(process)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
        if Path(f"/proc/{writer}").exists():
            os.kill(writer, signal.SIGCONT)
    assert process.returncode == 130, err
    assert err == "Interrupted: 0 saved, rerun to continue.\n"
    wait_for(lambda: not children_of(process.pid), "the writer process to end")
    assert not Path(f"/proc/{writer}/stat").exists() or Path(f"/proc/{writer}/stat").read_text().split()[2] == "Z"
    assert stored_documents(db_file) == 0
    rerun(db_file, str(folder))
    assert check_consistent(db_file) == 60


def test_ctrl_c_once_on_a_small_ingest_held_by_a_lock_is_taken_at_once(db_file, tmp_path):
    """Fewer pages than make a writer process: the ingest saves them itself, and SQLite's wait for the lock (in C,
    where Python takes no signal) kept Ctrl-C for the rest of its 30 s."""
    folder = small_pages(tmp_path / "few", count=20)
    rerun(db_file, str(SAMPLES / "mea-briefing.html"))
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        process = briefarc("ingest", str(folder), db=db_file)
        try:
            time.sleep(2)  # its pages read, its first save waiting for the lock
            process.send_signal(signal.SIGINT)
            wait_for(lambda: process.poll() is not None, "the ingest to take Ctrl-C", seconds=20)
            _, err = process.communicate(timeout=60)
        finally:
            process.kill()
        assert process.returncode == 130, err
        assert err == "Interrupted: 0 saved, rerun to continue.\n"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    rerun(db_file, str(folder))
    assert check_consistent(db_file) == 21


def test_a_page_is_reported_saved_only_once_its_batch_is_committed(db_file, tmp_path):
    """The writer process reported each batch's pages as saved before it committed the batch: stopped then (Ctrl-C
    twice, SIGKILL), it lost the batch, and "Interrupted: N saved" had counted it. Now every page reported is kept."""
    from briefarc.models import RawPage
    from briefarc.pipeline import documents_of
    from briefarc.store.db import open_database
    from briefarc.store.writer import ProcessWriter

    open_database(db_file).conn.close()
    folder = small_pages(tmp_path / "small", count=5)
    saved: list[str] = []
    writer = ProcessWriter(db_file, None, lambda name, results: saved.append(name), lambda name, reason: None)
    with writer:
        for path in sorted(folder.iterdir()):
            writer.put(path.name, list(documents_of(RawPage(data=path.read_bytes(), origin=str(path)))))
        # the writer saves them within its batch's second, in a batch it commits once the next is due or at the end
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline and not saved:
            writer._collect(wait=False)
            time.sleep(0.05)
        os.kill(writer.process.pid, signal.SIGKILL)
        writer.process.join()
        writer.finished = True  # its end is this test's doing
    assert len(saved) == stored_documents(db_file)  # nothing reported that the archive lost: none, here
    writer = ProcessWriter(db_file, None, lambda name, results: saved.append(name), lambda name, reason: None)
    with writer:
        for path in sorted(folder.iterdir()):
            writer.put(path.name, list(documents_of(RawPage(data=path.read_bytes(), origin=str(path)))))
    assert len(saved) == stored_documents(db_file) == 5  # at its end, each page is reported


def test_a_batch_is_reported_before_the_wal_is_checkpointed(db_file):
    """SQLite checkpoints the WAL inside a COMMIT that leaves it large: 30 to 70 ms of a writer's commit on
    fmprc-bulk, during which the batch was kept and not reported yet. Ctrl-C twice then ('Interrupted: 470 saved')
    left 540 documents, found by sending Ctrl-C twice at random moments. The reports are sent before the
    checkpoint now: the archive's file has not grown yet when they are (it grows as the checkpoint copies pages)."""
    import gzip

    needs_shared(BULK)
    from briefarc.models import RawPage
    from briefarc.pipeline import documents_of
    from briefarc.store.db import Batch, open_database
    from briefarc.store.writer import Reports, roomy_cache, save_held

    open_database(db_file).conn.close()
    db = open_database(db_file)
    roomy_cache(db)
    work = []
    for path in sorted(BULK.glob("*.html.gz"))[:120]:
        page = RawPage(data=gzip.decompress(path.read_bytes()), origin=str(path))
        work.append((path.name, list(documents_of(page))))

    class Sink:
        sizes: list[int] = []

        def send(self, message) -> None:
            self.sizes.append(db_file.stat().st_size)

    batch = Batch(db, size=len(work))
    before = db_file.stat().st_size
    sink = Sink()
    reports = Reports(batch, sink, Path(f"{db_file}-wal"))
    reports.add(save_held(db, batch, None, work))  # the batch is full: committed, then reported
    assert batch.commits == 1 and len(sink.sizes) == len(work)
    assert set(sink.sizes) == {before}  # reported before the checkpoint...
    assert db_file.stat().st_size > before  # ...which came after
