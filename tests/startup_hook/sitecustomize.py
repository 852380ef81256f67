"""A test hook: hold a process at the import of one module, so that a test's signal lands right there.

Python loads this file at start-up when its folder is on PYTHONPATH (tests/processes.py puts it there).
It does nothing unless BRIEFARC_TEST_HOLD is "MODULE:WHERE:FOLDER", WHERE being main (the command's own
process) or worker (an extraction worker). The first import of MODULE there writes FOLDER/held-PID,
then waits until the test creates FOLDER/go.
"""

import os
import sys
import time
from pathlib import Path


class _Hold:
    def __init__(self, setting: str) -> None:
        self.module, self.where, folder = setting.split(":", 2)
        self.folder = Path(folder)

    def find_spec(self, name, path=None, target=None):
        worker = "--multiprocessing-fork" in sys.orig_argv  # (spawn gives workers the main process's sys.argv)
        if name != self.module or worker != (self.where == "worker"):
            return None
        sys.meta_path.remove(self)
        (self.folder / f"held-{os.getpid()}").touch()
        while not (self.folder / "go").exists():
            time.sleep(0.005)
        return None  # the usual finders import the module


if os.environ.get("BRIEFARC_TEST_HOLD"):
    sys.meta_path.insert(0, _Hold(os.environ["BRIEFARC_TEST_HOLD"]))
