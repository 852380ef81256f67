"""The writer process checkpoints the WAL when 1,000 pages were written since the last checkpoint (helper-98).

It checkpoints itself, after a commit's reports are sent (store/writer.py, Reports), when the WAL file has reached
SQLite's own threshold. SQLite writes a checkpointed WAL again from its start and leaves the file as long as it
was: once one batch had made it 1,000 pages long, every commit after it checkpointed, however little it wrote.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefarc.store.db import Batch, open_database
from briefarc.store.writer import CHECKPOINT_PAGES, Reports


class Sink:
    """The producer's end of the results pipe: what the writer reports."""

    def __init__(self) -> None:
        self.messages: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.messages.append(message)


def test_small_commits_after_a_large_one_are_not_each_checkpointed(tmp_path: Path):
    path = tmp_path / "archive.db"
    db = open_database(path)
    batch = Batch(db, size=1)
    reports = Reports(batch, Sink(), Path(f"{path}-wal"))
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)

    def commit(size: int) -> int:
        """Commit a blob of `size` random bytes as one batch; the checkpoints run after it."""
        before = len(statements)
        batch.begin()
        db.conn.execute("INSERT INTO blobs (sha256, size, compression, data) VALUES (?, ?, 'none', ?)",
                        (os.urandom(32).hex(), size, os.urandom(size)))
        batch.done()
        reports.add([])
        return sum("wal_checkpoint" in statement for statement in statements[before:])

    page = reports.page_bytes
    assert commit(CHECKPOINT_PAGES * page * 5 // 4) == 1  # a batch past 1,000 pages: checkpointed after it
    small = [commit(page) for _ in range(20)]  # 20 commits of two pages or so: 40 pages written since
    assert small == [0] * 20
    assert sum(commit(page * 100) for _ in range(12)) == 1  # 1,200 pages more: one checkpoint among them
    db.conn.close()
