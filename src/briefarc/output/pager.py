"""Long output through a pager on a terminal, as git does: $BRIEFARC_PAGER, $PAGER or `less -R`.

Never when stdout is a pipe or a file; `LESS=FRX` unless set: less quits when the text fits on one
screen, shows colours, and leaves the text on the screen. A pager that cannot be started prints the text
straight; one that ends with an error status is an error (exit 1) that says so, not a silent success.
"""

from __future__ import annotations

import os
import subprocess
import sys

from rich.console import Console, RenderableType

from briefarc.errors import BriefarcError


def pager_command() -> str | None:
    """The pager to run, or None for none (`cat` or an empty $PAGER mean none, as in git)."""
    command = os.environ.get("BRIEFARC_PAGER", os.environ.get("PAGER", "less")).strip()
    return None if command in ("", "cat") else command


def print_paged(console: Console, renderable: RenderableType, *, page: bool = True) -> None:
    """Print `renderable` to `console`, through the pager when stdout is a terminal and `page` is true.

    On a terminal the text is wrapped between words at its width; into a pipe each line is whole.
    """
    terminal = sys.stdout.isatty()
    command = pager_command() if page and terminal else None
    if command is None:
        console.print(renderable, soft_wrap=not terminal, crop=False)
        return
    with console.capture() as captured:
        console.print(renderable, crop=False)
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"), "LV": os.environ.get("LV", "-c")}
    try:
        process = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(captured.get())
        return
    try:
        process.communicate(captured.get().encode("utf-8", "replace"))
    except KeyboardInterrupt:
        process.wait()
        return
    except BrokenPipeError:  # the reader quit the pager early, or the pager never read
        process.wait()
    if process.returncode in (126, 127):  # the shell found no such pager: the text still gets shown
        sys.stdout.write(captured.get())
    elif process.returncode > 0:  # the pager failed: what it showed, if anything, is not known
        raise BriefarcError(f"The pager ({command}) ended with status {process.returncode}: --no-pager prints "
                            "the text straight, or set $BRIEFARC_PAGER to a pager that works.")
