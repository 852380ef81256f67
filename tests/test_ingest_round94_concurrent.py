"""Two ingests into one archive at once make what one of them after the other makes (helper-94).

A folder of fmprc-bulk's pages and a WARC of the same pages: one after the other, they make 540 documents
(the folder first: a WARC record's address never takes over a saved file's document) or 270 (the WARC first: the
saved files' bytes are the documents its records made). At once, their batches interleaved, each page went the
way of whichever batch came first, and the archive held 450 to 502 documents, which no order makes. Each batch
was a transaction of its own (no check was made outside one): what differed was the order, page by page.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, needs_shared
from tests.processes import briefarc, interrupted_while_waiting, wait_for
from tests.test_crash import small_pages
from tests.test_ingest_round94_ctrl_c import check_consistent

BULK = SHARED / "corpus" / "fmprc-bulk"
pytestmark = pytest.mark.crash


@pytest.fixture(scope="module")
def bulk_warc(tmp_path_factory) -> Path:
    needs_shared(BULK)
    sys.path.insert(0, str(ROOT / "bench"))
    from ingest_real import write_warc

    target = tmp_path_factory.mktemp("warc") / "bulk.warc.gz"
    write_warc(BULK, target)
    return target


def summary(process) -> dict:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return json.loads(out)


def test_a_folder_and_a_warc_of_its_pages_ingested_at_once_make_what_one_order_makes(tmp_path, bulk_warc):
    for round_ in range(2):
        db_file = tmp_path / f"archive{round_}.db"
        folder = briefarc("ingest", str(BULK), "--json", db=db_file)
        warc = briefarc("ingest", str(bulk_warc), "--json", db=db_file)
        from_folder, from_warc = summary(folder), summary(warc)
        stored = check_consistent(db_file)
        assert from_warc["added"] == 270  # its records' addresses are its documents, whatever came before
        if stored == 540:  # the folder first: its files are documents of their own
            assert (from_folder["added"], from_folder["unchanged"]) == (270, 0)
        else:  # the WARC first: the files' bytes are its documents
            assert stored == 270 and (from_folder["added"], from_folder["unchanged"]) == (0, 270)
        assert not Path(f"{db_file}-lock").exists()


def test_ctrl_c_while_another_ingest_holds_the_archive(tmp_path):
    """An ingest waiting for another's end takes Ctrl-C at once, and the other's lock is left as it is."""
    from briefarc.store.db import open_database, run_of_its_own

    db_file = tmp_path / "archive.db"
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>A page on its own</title></head><body><h1>A page on its own</h1>"
                    "<p>This is the text of the page, long enough to be a paragraph of an article.</p></body></html>")
    db = open_database(db_file)
    with run_of_its_own(db):
        process = briefarc("ingest", str(page), db=db_file)
        err = interrupted_while_waiting(process)
        # it says why it waits (it waited without a word), then what Ctrl-C left
        assert process.returncode == 130 and err == ("Waiting for another briefarc run on this archive (an ingest, a "
                                                     "fetch or a watch check) to end (Ctrl-C to stop)…\nInterrupted: 0 "
                                                     "saved, rerun to continue.\n")
        assert Path(f"{db_file}-lock").exists()  # still this run's
    assert not Path(f"{db_file}-lock").exists()
    process = briefarc("ingest", str(page), db=db_file)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()


def test_an_ingest_waiting_on_a_new_archive_keeps_its_pages_when_the_first_stored_none(tmp_path):
    """The first ingest into a new archive stored nothing (every input failed) and removed the archive at its end, as
    it must when alone; the second, which had opened the new archive and waited for the first's end, then saved its
    pages into a file no longer there ('Added 20', exit 0, and no archive). Now the archive is kept while another
    has it open."""
    db_file = tmp_path / "new.db"
    failing = tmp_path / "failing"
    failing.mkdir()
    for index in range(60):
        (failing / f"p{index}.html").write_bytes(b"\0" * 2000)
    hold = tmp_path / "hold"
    hold.mkdir()
    first = briefarc("ingest", str(failing), db=db_file, hold=f"briefarc.store.writer:main:{hold}")
    second = None
    try:
        wait_for(lambda: any(hold.glob("held-*")) or first.poll() is not None, "the first ingest to hold the archive")
        assert Path(f"{db_file}-lock").exists()  # held inside its run, the archive made
        second = briefarc("ingest", str(small_pages(tmp_path / "pages", count=20)), db=db_file)
        wait_for(lambda: "locks_lock" in Path(f"/proc/{second.pid}/wchan").read_text() or second.poll() is not None,
                 "the second ingest to wait for the first")
        (hold / "go").touch()
        _, err = first.communicate(timeout=120)
        assert first.returncode == 1, err
        _, err = second.communicate(timeout=120)
        assert second.returncode == 0, err
    finally:
        for process in (first, second):
            if process is not None:
                process.kill()
    assert db_file.exists() and check_consistent(db_file) == 20
