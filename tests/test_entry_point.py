"""`briefarc` as the shell starts it: the console script and `python -m briefarc`."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest

from tests.processes import briefarc, held, wait_for

COMMANDS = {"script": [str(Path(sys.executable).with_name("briefarc"))], "module": [sys.executable, "-m", "briefarc"]}


@pytest.mark.parametrize("how", COMMANDS)
def test_the_program_runs_both_ways(how, tmp_path):
    process = briefarc("stats", "--db", str(tmp_path / "none.db"), command=COMMANDS[how])
    out, err = process.communicate(timeout=180)
    assert (process.returncode, out) == (1, "") and err.startswith("Error: No archive at"), err


@pytest.mark.crash
@pytest.mark.parametrize("how", COMMANDS)
def test_ctrl_c_while_the_program_loads_is_quiet(how, tmp_path):
    """Held at its import of typer (tests/startup_hook), the program gets Ctrl-C right there."""
    hold = tmp_path / "hold"
    hold.mkdir()
    process = briefarc("stats", "--db", str(tmp_path / "none.db"), command=COMMANDS[how], hold=f"typer:main:{hold}")
    try:
        wait_for(lambda: held(hold) or process.poll() is not None, "the import of typer")
        assert process.poll() is None, process.communicate()
        process.send_signal(signal.SIGINT)
        (hold / "go").touch()
        out, err = process.communicate(timeout=180)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, "", "Interrupted.\n")
