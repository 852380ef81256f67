"""Ctrl-C that the kernel hands to a thread other than the main one.

A signal sent to a process is taken by any of its threads that does not block it. Python runs its handler in
the main thread only, at the next instruction the main thread executes; a fetch's main thread sleeps in the
event loop's select() while a page is read on the extraction thread, and nothing woke it: that Ctrl-C did
nothing at all (found as a test that hung for 180 s about once in 40 runs on a loaded machine)."""

from __future__ import annotations

import ctypes
import os
import signal
from pathlib import Path

import pytest

from tests.processes import wait_for
from tests.test_fetch_workers import fetch_held_at_second_page, interrupted_after_first_page

SYS_TGKILL = {"x86_64": 234, "aarch64": 131}.get(os.uname().machine)


def sleeping_thread(pid: int) -> int | None:
    """The thread of `pid` held at the test hook's import (it sleeps there in time.sleep), not the main one;
    None until it gets there (or while, woken between two sleeps, it waits for a CPU)."""
    for task in Path(f"/proc/{pid}/task").iterdir():
        if int(task.name) != pid and "nanosleep" in (task / "wchan").read_text():
            return int(task.name)
    return None


@pytest.mark.crash
@pytest.mark.skipif(SYS_TGKILL is None or not Path("/proc/self/task").exists(), reason="Linux's tgkill needed")
def test_ctrl_c_taken_by_the_extraction_thread_ends_the_fetch(db_file, site, tmp_path):
    process, hold = fetch_held_at_second_page(db_file, site, tmp_path)
    try:
        assert process.poll() is None, process.communicate()
        seen: list[int | None] = []

        def held_thread() -> int | None:
            seen.append(sleeping_thread(process.pid))
            return seen[-1]

        wait_for(held_thread, "the held thread to sleep")
        libc = ctypes.CDLL(None, use_errno=True)
        assert libc.syscall(SYS_TGKILL, process.pid, seen[-1], signal.SIGINT) == 0
        _, stderr = process.communicate(timeout=60)
    finally:
        process.kill()
        (hold / "go").touch()
    interrupted_after_first_page(process, stderr, db_file)
