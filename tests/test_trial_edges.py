"""Edges found by the second user test: odd inputs, option combinations, archives that are missing or read-only."""

from __future__ import annotations

import os
import shutil

from tests.conftest import SAMPLES


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
