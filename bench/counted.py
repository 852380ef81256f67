"""Instruction counts of chosen Python calls, under valgrind's callgrind (for benches on a shared machine).

CPU time moves with the machine's load; the count of instructions a call executes does not (repeat
runs agree to well under 1%). A child process makes each call it wants counted through `counted`,
which goes through sys.call_tracing: callgrind collects only inside that C function and writes one
profile per call, so imports, page building and warm-ups cost nothing in the figures. Counts are
about 50x slower to take than the call itself; hash seeds are fixed so that runs repeat exactly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

GATE = "_PyEval_CallTracing"  # the C function behind sys.call_tracing, called by nothing else here


def available() -> bool:
    return shutil.which("valgrind") is not None


def counted(call: Callable[..., Any], *args: Any) -> Any:
    """Make `call(*args)` in the counted window (an ordinary call when not under callgrind)."""
    return sys.call_tracing(call, args)


def instruction_counts(argv: list[str], env: dict[str, str] | None = None) -> list[int]:
    """Run a Python child (argv without the interpreter) under callgrind: the instructions of each of its
    `counted` calls, in order. Raises RuntimeError when the child fails or counts nothing."""
    return counted_run(argv, env)[0]


def counted_run(argv: list[str], env: dict[str, str] | None = None) -> tuple[list[int], str]:
    """instruction_counts, and what the child printed on stdout."""
    with tempfile.TemporaryDirectory(prefix="callgrind-") as folder:
        out = Path(folder) / "profile"
        command = ["valgrind", "--tool=callgrind", "--collect-atstart=no", f"--toggle-collect={GATE}",
                   f"--dump-after={GATE}", f"--callgrind-out-file={out}", sys.executable, *argv]
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              env={**os.environ, **(env or {}), "PYTHONHASHSEED": "0"})
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed under callgrind: {done.stderr.strip()[-500:]}")
        dumps = sorted(Path(folder).glob("profile.*"), key=lambda path: int(path.suffix[1:]))
        counts = [total(path) for path in dumps]
    if not counts or not all(counts):
        raise RuntimeError(f"callgrind counted nothing in {GATE}: is the interpreter stripped of its symbols?")
    return counts, done.stdout


def total(path: Path) -> int:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("totals:"):
            return int(line.split()[1])
    return 0
