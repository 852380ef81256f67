"""Helpers for tests that run briefarc as a real process: start it, wait on what it leaves, find its children.

Waiting is always on state (a file, a row, a process), with a generous limit that only stops a test
that would otherwise hang: a busy machine makes a run slower, never a test fail.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

PATIENCE = 180.0  # seconds before a wait gives up: far beyond what any state takes on a loaded machine
HOOK = Path(__file__).resolve().parent / "startup_hook"  # holds a process at an import: see its sitecustomize


def wait_for(condition: Callable[[], object], what: str, seconds: float = PATIENCE) -> None:
    """Return once `condition()` is true; fail, naming `what`, if it never becomes so."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {seconds:g} s for {what}")
        time.sleep(0.01)


def briefarc(*args: str, db: Path | None = None, hold: str | None = None, **options) -> subprocess.Popen:
    """`python -m briefarc ARGS` as a user runs it, text on pipes.

    `hold` ("module:main|worker:folder") stops the process, or its extraction workers, at the import of
    the module until the file go appears in the folder (held-PID files say who waits there)."""
    env = {**os.environ, "COLUMNS": "120"}
    if db is not None:
        env["BRIEFARC_DB"] = str(db)
    if hold is not None:
        env["BRIEFARC_TEST_HOLD"] = hold
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HOOK), env.get("PYTHONPATH")]))
    command = options.pop("command", [sys.executable, "-m", "briefarc"])
    return subprocess.Popen([*command, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            **options)


def interrupted_while_waiting(process: subprocess.Popen) -> str:
    """Ctrl-C for a run once it waits for the archive's lock (or has ended): what it said on stderr."""
    try:
        wait_for(lambda: "locks_lock" in Path(f"/proc/{process.pid}/wchan").read_text() or process.poll() is not None,
                 "the run to wait for the archive")
        process.send_signal(signal.SIGINT)
        return process.communicate(timeout=60)[1]
    finally:
        process.kill()


def held(folder: Path) -> list[int]:
    """The processes waiting at the held import."""
    return [int(path.name.removeprefix("held-")) for path in folder.glob("held-*")]


def stored_documents(db_file: Path) -> int:
    """Documents committed so far (0 before the archive exists or is migrated)."""
    try:
        conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def living_in_group(group: int) -> list[int]:
    """Processes of a process group that still run (zombies excluded: an init that does not reap leaves them)."""
    return _living(GROUP_FIELD, group)


def children_of(pid: int) -> list[int]:
    """The living child processes of `pid`."""
    return _living(PARENT_FIELD, pid)


PARENT_FIELD, GROUP_FIELD = 1, 2  # in /proc/<pid>/stat after the name: state, parent, process group


def _living(field: int, value: int) -> list[int]:
    """The processes that still run (not zombies) whose /proc stat `field` is `value`."""
    living = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[field]) == value and fields[0] != "Z":
            living.append(int(stat.parent.name))
    return living


def wait_for_group_to_end(group: int) -> None:
    """Until no process of the group runs (a worker or writer left behind ends by itself)."""
    wait_for(lambda: not living_in_group(group), f"the processes of group {group} to end")
