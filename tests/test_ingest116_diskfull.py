"""An ingest that fills the disk: one line saying how many documents were saved before it filled (exit 3, or 1 when
none were), the count exact, and a new archive that holds nothing removed with its WAL (never an existing one).

The disk is a real one that fills: a small tmpfs mounted in a mount namespace of the test's own (`unshare -Urm`,
which needs no root where user namespaces are allowed; skipped where they are not). SQLite then meets ENOSPC as
it would on a full disk, and cannot write its WAL back into the archive when the last connection closes: the WAL
stays, which the removal of a new empty archive took for another run having it open; and the batch being saved
cannot be committed (SQLite's max_page_count, which fails the statement but lets the commit through, would not show
that a writer in the ingesting process counted a batch rolled back as saved).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefarc.errors import ExitStatus
from tests.conftest import SHARED, needs_shared

BULK = SHARED / "corpus" / "fmprc-bulk"  # 288 real pages, gzipped: about 30 MB of archive

# Run inside the namespace: mount a tmpfs of the size given, run each ingest, and say what each left.
IN_NAMESPACE = r"""
import json, os, sqlite3, subprocess, sys
mount, size, runs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", mount], check=True)
out = []
for paths, db in runs:
    done = subprocess.run([sys.executable, "-m", "briefarc", "ingest", *paths, "--db", db],
                          capture_output=True, text=True)
    documents = None
    if os.path.exists(db):
        conn = sqlite3.connect(db)
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
    out.append({"rc": done.returncode, "stderr": done.stderr, "files": sorted(os.listdir(mount)),
                "documents": documents})
print(json.dumps(out))
"""


def namespaces_work(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-Urm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{folder}'"],
                          capture_output=True)
    return done.returncode == 0


def on_small_disk(tmp_path: Path, size: str, runs: list[tuple[list[str], str]]) -> list[dict]:
    """Each ingest (its paths, its --db under the mount) in turn on a tmpfs of `size`: rc, stderr, files, documents."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not namespaces_work(mount):
        pytest.skip("no mount namespace of our own here (unshare -Urm): no small disk to fill")
    runs = [(paths, str(mount / db)) for paths, db in runs]
    done = subprocess.run(["unshare", "-Urm", sys.executable, "-c", IN_NAMESPACE, str(mount), size, json.dumps(runs)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_a_new_archive_that_nothing_fits_in_is_removed_with_its_wal(tmp_path):
    needs_shared(BULK)
    [run] = on_small_disk(tmp_path, "3m", [([str(BULK)], "new.db")])
    assert run["rc"] == ExitStatus.ERROR
    assert one_line(run["stderr"]) == (f"Error: Cannot write to the database {tmp_path / 'disk' / 'new.db'}: the disk "
                                       "is full. 0 documents saved before it filled; free some space and run again "
                                       "to go on.")
    assert run["files"] == []  # it held nothing: not left behind, nor its WAL


def test_the_documents_saved_before_the_disk_filled_are_counted_and_kept(tmp_path):
    """A writer process (a folder of many pages), then a writer in the ingesting process (a WARC file: one input),
    each into a new archive on a disk that fills part of the way through: the count said is what the archive holds.
    The second counted the pages of the batch the full disk rolled back ('145 documents saved', 98 kept)."""
    needs_shared(BULK)
    from bench.ingest_real import write_warc

    warc = tmp_path / "bulk.warc.gz"
    write_warc(BULK, warc)
    for paths in ([str(BULK)], [str(warc)]):
        [run] = on_small_disk(tmp_path, "24m", [(paths, "new.db")])
        line = one_line(run["stderr"])
        assert run["rc"] == ExitStatus.PARTIAL, line
        assert run["documents"], line
        assert f"the disk is full. {run['documents']} documents saved before it filled;" in line
        assert run["files"] == ["new.db", "new.db-shm", "new.db-wal"]  # kept: it holds what was saved
        shutil.rmtree(tmp_path / "disk")


def test_an_existing_archive_is_kept_whatever_the_disk(tmp_path):
    needs_shared(BULK)
    few = tmp_path / "few"
    few.mkdir()
    for page in sorted(BULK.glob("*.html.gz"))[:3]:
        shutil.copy(page, few)
    first, second, third = on_small_disk(tmp_path, "3m", [
        ([str(few)], "old.db"), ([str(BULK)], "old.db"), ([str(BULK)], "new.db")])
    assert first["rc"] == 0 and first["documents"] == 3
    # what went through before the disk filled (the batches committed, as the machine's speed cuts them) is said
    said = re.search(r"the disk is full\. (\d+) documents? saved before it filled(?: \((\d+) unchanged\))?;",
                     one_line(second["stderr"]))
    assert said, second["stderr"]
    saved, unchanged = int(said[1]), int(said[2] or 0)
    assert second["documents"] == 3 + saved
    assert second["rc"] == (ExitStatus.PARTIAL if saved + unchanged else ExitStatus.ERROR)
    assert "old.db" in second["files"]
    assert third["rc"] == ExitStatus.ERROR  # a new archive on the full disk: removed, the old one kept
    assert "new.db" not in " ".join(third["files"]) and "old.db" in third["files"]


def test_an_archive_that_cannot_be_made_is_reported_as_such_not_by_its_removal(tmp_path):
    """A --db whose folder is a file: the error says so, not the removal's own failure ("Cannot write the output:
    Not a directory", from the clean-up of the archive that was never made)."""
    page = next(Path(__file__).resolve().parents[1].joinpath("data", "samples").iterdir())
    (tmp_path / "F").write_text("a file, not a folder")
    done = subprocess.run([sys.executable, "-m", "briefarc", "ingest", str(page), "--db", str(tmp_path / "F" / "x.db")],
                          capture_output=True, text=True)
    assert done.returncode == ExitStatus.ERROR, done.stderr
    assert one_line(done.stderr).startswith("Error: Cannot write") and "the folder" in done.stderr, done.stderr
