"""Edges found by the second user test: odd inputs, option combinations, archives that are missing or read-only."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import SAMPLES
from tests.processes import briefarc
from tests.test_crash import immutable


def test_a_named_pipe_in_a_folder_is_left_out(cli, db_file, tmp_path):
    """A FIFO named like a page in a folder: opening it waits for a writer, and the ingest hung for ever."""
    from briefarc.files.inputs import iter_inputs

    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SAMPLES / "state-briefing.html", folder / "page.html")
    os.mkfifo(folder / "pipe.html")
    (folder / "gone.html").symlink_to(tmp_path / "nowhere.html")
    assert list(iter_inputs([str(folder)])) == [str(folder / "gone.html"), str(folder / "page.html")]
    result = cli("ingest", folder, "--db", db_file)
    assert result.code == 3  # the broken link is still reported, the page archived
    assert "Added 1," in result.stderr and "gone.html: no such file" in result.stderr


def test_watch_commands_make_no_archive_where_there_is_none(cli, tmp_path):
    """`watch list` at a mistyped --db made an empty archive there and said "No watches", as if it were the one."""
    missing = tmp_path / "archve.db"
    for args in (["list"], ["check"], ["remove", "taiwan"]):
        result = cli("watch", *args, "--db", missing)
        assert result.code == 1, args
        assert result.stderr.startswith(f"Error: No archive at {missing} yet: add pages with `briefarc ingest`")
    assert not missing.exists()


def test_watch_list_reads_an_archive_in_a_read_only_folder(tmp_path):
    """It opened the archive to write, and failed with "check that the folder exists and is writable"."""
    folder = tmp_path / "mounted"
    folder.mkdir()
    db_file = folder / "archive.db"
    adding = briefarc("watch", "add", "taiwan", "Taiwan", "--lang", "en", db=db_file)
    assert adding.wait(timeout=60) == 0
    assert sorted(path.name for path in folder.iterdir()) == ["archive.db"]  # no -wal or -shm file to write in
    if not immutable(folder):
        pytest.skip("cannot make a folder read-only for this user here (chattr unavailable)")
    try:
        process = briefarc("watch", "list", "--json", db=db_file)
        out, err = process.communicate(timeout=60)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)
    assert (process.returncode, err) == (0, "")
    assert '"name": "taiwan"' in out
