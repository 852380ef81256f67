"""Crash safety and concurrency: SIGKILL mid-ingest, readers during writes, read-only files, a full disk."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefarc.errors import DatabaseError
from briefarc.files.ingest import ingest
from briefarc.store.db import open_database
from tests.conftest import ROOT, SAMPLES
from tests.processes import briefarc, children_of, stored_documents, wait_for, wait_for_group_to_end

sys.path.insert(0, str(ROOT / "bench"))
from pages import page  # noqa: E402

PAGES = 300


@pytest.fixture(scope="module")
def page_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for index in range(PAGES):
        name, data = page(index, seed=11)
        (folder / name).write_bytes(data)
    return folder


def counts(db_file: Path) -> dict:
    conn = sqlite3.connect(db_file)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("documents", "snapshots", "versions", "blobs")}
    finally:
        conn.close()


@pytest.mark.crash
def test_sigkill_at_random_moments_leaves_a_consistent_archive(db_file, page_folder):
    rng = random.Random(20261127)
    targets = sorted(rng.sample(range(10, PAGES - 150), 5))  # kill once this many documents are stored
    seen = []
    for number, target in enumerate(targets):
        # its own process group: a kill of the group takes the writer process too, mid-transaction
        process = briefarc("ingest", str(page_folder), db=db_file, start_new_session=True)
        # at once then: the next batch is being written
        wait_for(lambda: stored_documents(db_file) >= target or process.poll() is not None,  # noqa: B023
                 f"{target} documents stored")
        if number % 2 == 0:
            os.killpg(process.pid, signal.SIGKILL)  # every process of the ingest at once
        else:
            process.send_signal(signal.SIGKILL)  # the ingesting process alone; its writer is left behind
        process.communicate()
        wait_for_group_to_end(process.pid)
        verify = briefarc("verify", "--json", db=db_file)
        out, err = verify.communicate(timeout=300)
        assert verify.returncode == 0, out + err
        now = counts(db_file)
        assert now["documents"] == now["snapshots"] == now["versions"]  # no half-stored document
        seen.append(now["documents"])
    assert seen == sorted(seen)  # what was stored stays stored
    assert all(count < PAGES for count in seen), "each kill should land while the ingest is running"
    finish = briefarc("ingest", str(page_folder), "--json", db=db_file)
    out, err = finish.communicate(timeout=300)
    assert finish.returncode == 0, err
    final = counts(db_file)
    assert final["documents"] == final["snapshots"] == final["versions"] == PAGES
    conn = sqlite3.connect(db_file)
    keys = conn.execute("SELECT count(DISTINCT key), count(DISTINCT content_hash) FROM documents").fetchone()
    assert keys == (PAGES, PAGES)
    assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == PAGES
    print(f"documents stored when killed: {seen}; after the rerun: {final['documents']}")


@pytest.mark.crash
def test_searches_never_see_a_locked_database_while_ingest_writes(db_file, page_folder, tmp_path):
    ingest(open_database(db_file), [str(SAMPLES)])
    reader = tmp_path / "reader.py"
    reader.write_text(f"""
import sys, time
from pathlib import Path
from briefarc.store.db import open_database
from briefarc.store.search import search, list_documents
db = open_database(Path({str(db_file)!r}), create=False)
done, errors, counts = 0, 0, set()
stop, ready = Path({str(tmp_path / 'stop')!r}), Path({str(tmp_path / 'ready')!r})
while not stop.exists():
    try:
        search(db, "Taliban OR Kashmir OR cooperation", limit=20)
        list_documents(db, limit=20)
        counts.add(db.execute("SELECT count(*) FROM documents").fetchone()[0])
        done += 1
    except Exception as exc:
        errors += 1
        print("ERROR", type(exc).__name__, exc, flush=True)
    ready.touch()
print("DONE", done, errors, *sorted(counts), flush=True)
""")
    search_loop = subprocess.Popen([sys.executable, str(reader)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
    try:
        wait_for(lambda: (tmp_path / "ready").exists() or search_loop.poll() is not None, "the first search")
        before = counts(db_file)["documents"]
        writer = briefarc("ingest", str(page_folder), "--json", db=db_file)
        _, err = writer.communicate(timeout=600)
    finally:
        (tmp_path / "stop").touch()
    out, reader_err = search_loop.communicate(timeout=180)
    assert writer.returncode == 0, err
    assert "locked" not in out + reader_err
    summary = [line for line in out.splitlines() if line.startswith("DONE")][0].split()
    assert int(summary[2]) == 0, out
    seen = [int(count) for count in summary[3:]]
    assert any(before < count < before + PAGES for count in seen), out  # the reader ran during the ingest


def immutable(path: Path) -> bool:
    """Make `path` unwritable even for root (chattr +i), or by permissions for other users."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return True
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0


def writable(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o644)


def test_an_archive_in_a_read_only_folder_can_be_searched_and_verified(tmp_path):
    folder = tmp_path / "mounted"
    folder.mkdir()
    db_file = folder / "archive.db"
    db = open_database(db_file)
    ingest(db, [str(SAMPLES)])
    db.conn.close()  # the last connection to close checkpoints the WAL and deletes its files
    assert sorted(path.name for path in folder.iterdir()) == ["archive.db"]
    before = db_file.read_bytes()
    if not immutable(folder):
        pytest.skip("cannot make a folder read-only for this user here (chattr unavailable)")
    try:  # no -wal or -shm file can be made here: SQLite must open the archive as immutable
        for args in (["search", "Taliban", "--json"], ["history", "1"], ["verify"]):
            process = briefarc(*args, db=db_file)
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
        write = briefarc("ingest", str(SAMPLES / "mea-briefing.html"), db=db_file)
        _, err = write.communicate(timeout=60)
        assert write.returncode == 1 and err.count("\n") == 1 and "Traceback" not in err
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)
    assert db_file.read_bytes() == before


def test_a_read_only_database_can_be_searched_but_not_written(cli, tmp_path, page_folder):
    db_file = tmp_path / "ro.db"
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_file.read_bytes()
    if not immutable(db_file):
        pytest.skip("cannot make a file read-only for this user here (chattr unavailable)")
    try:  # fresh processes: SQLite shares open files between connections of one process
        search = briefarc("search", "Taliban", "--json", db=db_file)
        out, _ = search.communicate(timeout=60)
        assert search.returncode == 0 and "Taliban" in out
        for target in (SAMPLES / "mea-briefing.html", page_folder):  # saved in this process, and by a writer
            write = briefarc("ingest", str(target), db=db_file)
            _, err = write.communicate(timeout=120)
            assert write.returncode == 1
            assert err.strip() == (f"Error: Cannot write to the database {db_file}: it is read-only. "
                                   "Check the file's permissions.")
    finally:
        writable(db_file)
    assert db_file.read_bytes() == before


def test_a_full_disk_is_a_clear_error_and_damages_nothing(cli, db_file, tmp_path, monkeypatch):
    page_folder = tmp_path / "few"  # fewer pages than make a writer process: the limit below is this process's
    page_folder.mkdir()
    for index in range(40):
        name, data = page(index, seed=5)
        (page_folder / name).write_bytes(data)
    cli("ingest", SAMPLES, "--db", db_file)
    stored = counts(db_file)

    import briefarc.store.db as store

    real_open = store.open_database

    def nearly_full(path, **options):
        db = real_open(path, **options)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 40}")  # SQLite's own 'database or disk is full'
        return db

    with monkeypatch.context() as patched:  # only this patch is undone, not the test's private environment
        patched.setattr(store, "open_database", nearly_full)
        result = cli("ingest", page_folder, "--db", db_file)
    assert result.code == 1
    assert result.stderr.startswith(f"Error: Cannot write to the database {db_file}: the disk is full. 0 documents "
                                    "saved before it filled;")  # how many went through (helper-116)
    assert "free some space" in result.stderr and "Traceback" not in result.stderr
    after = counts(db_file)
    assert after["documents"] >= stored["documents"]  # nothing stored before is lost...
    assert after["documents"] == after["snapshots"] == after["versions"]  # ...and nothing is half stored
    assert cli("verify", "--db", db_file).code == 0
    assert cli("ingest", page_folder, "--db", db_file).code == 0  # with room again, a rerun completes
    assert counts(db_file)["documents"] == stored["documents"] + 40


def test_full_disk_through_the_library_raises_database_error(db_file):
    from briefarc.models import Document, RawPage
    from briefarc.store.db import translate_errors
    from briefarc.store.documents import save_document

    db = open_database(db_file)
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0] + 2}")
    with pytest.raises(DatabaseError, match="disk is full"), translate_errors(db_file):
        for index in range(200):
            save_document(db, Document(title=f"T{index}", paragraphs=["x" * 5000]),
                          RawPage(data=os.urandom(8000), origin="test", url=f"https://e.org/{index}"))


@pytest.mark.crash
def test_ctrl_c_during_a_bulk_ingest_keeps_what_was_saved(db_file, page_folder):
    process = briefarc("ingest", str(page_folder), db=db_file)
    wait_for(lambda: stored_documents(db_file) >= 60 or process.poll() is not None, "60 documents stored")
    process.send_signal(signal.SIGINT)
    try:
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()  # no stray process if it hung
    assert process.returncode == 130, err
    assert "Traceback" not in err
    now = counts(db_file)
    assert err.endswith(f"Interrupted: {now['documents']} saved, rerun to continue.\n"), err  # each of them
    assert 60 <= now["documents"] < PAGES
    assert now["documents"] == now["snapshots"] == now["versions"]
    again = briefarc("ingest", str(page_folder), "--json", db=db_file)
    out, _ = again.communicate(timeout=300)
    assert again.returncode == 0
    assert counts(db_file)["documents"] == PAGES


def test_an_older_archive_that_cannot_be_written_says_it_needs_upgrading(tmp_path):
    """It said 'it is read-only. Check the file's permissions', not that opening it upgrades it."""
    from briefarc.store.migrations import MIGRATIONS
    from tests.test_migrations import archive_at

    folder = tmp_path / "mounted"
    folder.mkdir()
    db_file = archive_at(folder / "old.db", 10)
    before = db_file.read_bytes()
    if not immutable(folder) or not immutable(db_file):
        pytest.skip("cannot make a folder read-only for this user here (chattr unavailable)")
    try:
        process = briefarc("search", "Taliban", db=db_file)
        _, err = process.communicate(timeout=60)
    finally:
        for path in (db_file, folder):
            if os.geteuid() == 0:
                subprocess.run(["chattr", "-i", str(path)], capture_output=True)
            path.chmod(0o755)
    assert process.returncode == 1 and err.strip() == (
        f"Error: The archive {db_file} is from an older briefarc (schema version 10; this one reads "
        f"{len(MIGRATIONS)}) and must be upgraded, which writes to it, but it is read-only here: open it once "
        "where it can be written (or open a copy).")
    assert db_file.read_bytes() == before


def waits_on_a_pipe(pid: int) -> bool:
    """Whether the process is blocked reading a pipe, or waiting for one to be readable (poll: the ingest's wait
    for its writer's reports, which a second Ctrl-C breaks between two of them)."""
    try:
        waits_on = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False
    return "pipe_read" in waits_on or "poll_schedule_timeout" in waits_on


def small_pages(folder: Path, count: int = 60) -> Path:
    """Pages small enough that all of them fit in the pipe to a stopped writer process."""
    folder.mkdir()
    for index in range(count):
        (folder / f"p{index:03}.html").write_text(
            f"<html><head><title>Page number {index}</title></head><body><h1>Page number {index}</h1>"
            f"<p>This is the text of page {index}, long enough to be a paragraph of an article.</p></body></html>")
    return folder


def ingest_waiting_on_a_stopped_writer(db_file: Path, folder: Path) -> tuple[subprocess.Popen, int]:
    """An ingest that has handed every page to its writer process, which is stopped (SIGSTOP) before it saved one."""
    if not Path(f"/proc/{os.getpid()}/wchan").exists():
        pytest.skip("needs /proc/PID/wchan to tell when the ingest waits for its writer")
    process = briefarc("ingest", str(folder), db=db_file)
    wait_for(lambda: children_of(process.pid) or process.poll() is not None, "the writer process")
    writer = children_of(process.pid)[0]
    os.kill(writer, signal.SIGSTOP)
    wait_for(lambda: waits_on_a_pipe(process.pid), "the ingest to wait for the writer's reports")
    return process, writer


@pytest.mark.crash
def test_a_writer_killed_after_the_last_page_was_handed_over_is_an_error(db_file, tmp_path):
    """The writer process SIGKILLed while the ingest waited for its last reports: the ingest said 'Added 0,
    updated 0, unchanged 0, failed 0.' and exited 0 with nothing saved (found by killing it at random moments)."""
    folder = small_pages(tmp_path / "small")
    process, writer = ingest_waiting_on_a_stopped_writer(db_file, folder)
    try:
        os.kill(writer, signal.SIGKILL)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 1, err
    assert err == "Error: The writer process stopped unexpectedly; run the ingest again.\n"
    again = briefarc("ingest", str(folder), "--json", db=db_file)
    again.communicate(timeout=120)
    assert again.returncode == 0 and counts(db_file)["documents"] == 60


def sigint_pending(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status").read_text()
    masks = [int(line.split()[1], 16) for line in status.splitlines() if line.startswith(("SigPnd:", "ShdPnd:"))]
    return any(mask & (1 << (signal.SIGINT - 1)) for mask in masks)


@pytest.mark.crash
def test_ctrl_c_while_the_writer_finishes_counts_every_page_it_saved(db_file, tmp_path):
    """Ctrl-C while the ingest waited for its writer's last reports: the writer saved all 60 pages (as it must,
    they were handed over whole), and the ingest said 'Interrupted: 1 saved', the pages reported before it
    stopped reading. Found by interrupting the ingest while its writer was stopped."""
    process, writer = ingest_waiting_on_a_stopped_writer(db_file, small_pages(tmp_path / "small"))
    try:
        process.send_signal(signal.SIGINT)
        wait_for(lambda: not sigint_pending(process.pid), "the ingest to take the Ctrl-C")
        os.kill(writer, signal.SIGCONT)
        _, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert counts(db_file)["documents"] == 60
    assert err == "Interrupted: 60 saved, rerun to continue.\n"

def test_reparse_of_an_archive_it_cannot_write_stops_with_one_error(cli, db_file):
    """It failed each document in turn ('Re-extracted 0 documents: 0 changed, 14 failed.' and a line for each,
    exit 3, as if some documents were at fault): against a database held locked by another program, 30 s for each
    document. Found by running reparse on a read-only archive whose documents needed re-extracting."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    conn = sqlite3.connect(db_file)
    conn.execute("UPDATE documents SET title = 'stale ' || title")  # each document then has something to write
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db_file.read_bytes()
    if not immutable(db_file):
        pytest.skip("cannot make a file read-only for this user here (chattr unavailable)")
    try:
        process = briefarc("reparse", "--all", db=db_file)
        _, err = process.communicate(timeout=120)
    finally:
        writable(db_file)
    assert process.returncode == 1
    assert err == f"Error: Cannot write to the database {db_file}: it is read-only. Check the file's permissions.\n"
    assert db_file.read_bytes() == before


def test_a_database_another_program_holds_is_not_said_to_be_held_by_briefarc(tmp_path):
    """The message named "another briefarc process" when a program such as a Datasette plugin or sqlite3 held the
    write lock (helper-86): it names neither wrongly now."""
    import sqlite3

    from briefarc.store.db import describe

    message = describe(sqlite3.OperationalError("database is locked"), tmp_path / "a.db")
    assert "another briefarc process" not in message and "another process" in message and "program" in message
    assert "\n" not in message


def test_ctrl_c_while_the_listings_links_are_noted_still_counts_the_pages_saved(tmp_path, monkeypatch):
    """The links of a listing page are noted after its batch's pages are saved: a Ctrl-C there printed a bare
    'Interrupted.', not how many were saved (helper-86)."""
    from briefarc.errors import Interrupted
    from briefarc.files.ingest import ingest
    from briefarc.store import pending
    from briefarc.store.db import open_database

    samples = Path(__file__).resolve().parents[1] / "data" / "samples"
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("listing-china-mfa.html", "state-briefing.html", "un-noon-briefing.html"):
        shutil.copy(samples / name, folder / name)

    def ctrl_c(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pending, "note_listed", ctrl_c)
    with pytest.raises(Interrupted, match="Interrupted: 2 saved"):
        ingest(open_database(tmp_path / "a.db"), [str(folder)])
