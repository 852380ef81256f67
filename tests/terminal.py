"""briefarc on a real terminal: a pty of a set size that is the process's controlling terminal, so that
Ctrl-C typed into it is the terminal's own (a SIGINT to the job and `^C` echoed), and a terminal emulator
(pyte) that replays everything written to it into the screen a person would see."""

from __future__ import annotations

import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading

import pyte

from tests.processes import PATIENCE, wait_for


class Terminal:
    """`python -m briefarc ARGS` with stdin, stdout and stderr on a pty of `columns` × `rows`."""

    def __init__(self, *args: str, env: dict[str, str], columns: int = 80, rows: int = 40) -> None:
        self.columns, self.rows = columns, rows
        main, child = os.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**env, "COLUMNS": str(columns), "LINES": str(rows), "TERM": "xterm-256color"}
        env.pop("NO_COLOR", None)
        self.process = subprocess.Popen([sys.executable, "-m", "briefarc", *args], env=env, stdin=child,
                                        stdout=child, stderr=child, preexec_fn=_controlling_terminal)
        os.close(child)
        self.main = main
        self.output = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.main, 65536)
            except OSError:  # every process holding the terminal is gone
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for_output(self, text: str) -> None:
        wait_for(lambda: text.encode() in self.output or self.process.poll() is not None, repr(text))

    def ctrl_c(self) -> None:
        """Ctrl-C as typed: the terminal sends SIGINT to the job and echoes it (`^C`) as it is set to."""
        os.write(self.main, b"\x03")

    def finish(self) -> int:
        try:
            code = self.process.wait(timeout=PATIENCE)
        finally:
            self.process.kill()
        self.reader.join(PATIENCE)
        self.settings = termios.tcgetattr(self.main)  # the terminal's modes as the process left them
        os.close(self.main)
        return code

    def screen(self) -> list[str]:
        """The lines on the screen at the end, trailing blanks and blank lines at the bottom left out."""
        screen = pyte.Screen(self.columns, self.rows)
        stream = pyte.ByteStream(screen)
        # C0 controls a terminal does nothing with (a Ctrl-C echoed as itself, \x03) are not drawn by xterm
        # or tmux; pyte would draw them as characters
        stream.feed(re.sub(rb"[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f]", b"", bytes(self.output)))
        lines = [line.rstrip() for line in screen.display]
        while lines and not lines[-1]:
            lines.pop()
        return lines


def _controlling_terminal() -> None:
    """In the child: a session of its own whose controlling terminal (and foreground job) is its stdin."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
