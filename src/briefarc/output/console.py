"""The two consoles: data to stdout, diagnostics and progress to stderr.

Neither replaces emoji codes: Rich does even for text printed with markup=False, and `:fire:` in a file name or a
page's link (`javascript:x:`) would come out as an emoji."""

from __future__ import annotations

import os
import sys
from functools import cache
from io import StringIO

from rich.console import Console

WIDEST = 100_000  # cells: room for any table row measured for a pipe


@cache
def out() -> Console:
    return Console(file=sys.stdout, highlight=False, soft_wrap=False, width=_width(), emoji=False)


@cache
def err() -> Console:
    """Diagnostics: into a pipe or a file each message is one line (Rich folded them at 80 columns), whatever
    prints it; tables and progress are drawn for a terminal only."""
    console = _Diagnostics(file=sys.stderr, highlight=False, stderr=True, width=_width(), emoji=False)
    console.soft_wrap = not console.is_terminal
    return console


class _Diagnostics(Console):
    """stderr's console. When its reader goes away (`briefarc ingest ... 2>&1 | head`), what it still has to say is
    dropped and the run goes on to its own exit status (3 when some inputs failed, 2 for a usage error). Rich's
    own answer sent stdout to /dev/null and raised SystemExit(1), which a broken pipe made exit 0."""

    def on_broken_pipe(self) -> None:
        from briefarc.output.streams import silence

        self.quiet = True
        silence(self.file)


def _width() -> int | None:
    """COLUMNS when it gives one; "0" (Rich took it as 0 columns and printed nothing at all) stands for unset,
    as it does for the terminal's size in Python."""
    columns = os.environ.get("COLUMNS")
    if not columns or not columns.isdigit():
        return None
    if int(columns) == 0:
        import shutil

        return shutil.get_terminal_size().columns
    return int(columns)


def columns_given() -> bool:
    """Whether COLUMNS sets the width of the output."""
    return _width() is not None


def print_table(table, fit: bool | None = None) -> None:
    """A table to stdout: at the terminal's width there (or with `fit`, at the console's width); into a pipe or a
    file as wide as its longest row needs, so that nothing in it (a URL) is folded over lines or cut. Trailing
    spaces are dropped."""
    stdout = out()
    if stdout.is_terminal if fit is None else fit:
        stdout.print(table)
        return
    from rich.measure import Measurement

    wide = Console(file=_Sheet(), width=WIDEST, highlight=False, color_system=None, emoji=False)
    width = Measurement.get(wide, wide.options, table).maximum
    lines = _Sheet()
    Console(file=lines, width=max(width, 1), highlight=False, color_system=None, emoji=False).print(table)
    _write_trimmed(lines.getvalue(), None)


class _Sheet(StringIO):
    """Where a table is drawn for stdout: it gives Rich stdout's encoding, so that for one that is not UTF-8
    (cp1252) the table is drawn with ASCII lines, as Rich draws it on stdout itself."""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(sys.stdout, "encoding", None) or "utf-8"


def print_trimmed(renderable) -> None:
    """`renderable` to stdout as drawn at the console's width; into a pipe or a file without the spaces that pad
    its lines to that width (a table's cells), so that no line ends in spaces."""
    stdout = out()
    if stdout.is_terminal:
        stdout.print(renderable)
        return
    with stdout.capture() as captured:
        stdout.print(renderable)
    _write_trimmed(captured.get(), " ")


def _write_trimmed(text: str, chars: str | None) -> None:
    """Drawn text to stdout without the `chars` (None: white space) that end its lines."""
    sys.stdout.write("".join(line.rstrip(chars) + "\n" for line in text.splitlines()))


def say(stream: Console, line: str, hang: int = 0) -> None:
    """A message, as plain text (never markup): one line into a pipe or a file; on a terminal wrapped between
    words, lines after the first indented by `hang` spaces, a word wider than the screen (an address, a path)
    left whole for the terminal to wrap, so that a copy of it is one line. A line break in the message (a file
    name's) starts a line there, each line wrapped on its own; tabs are measured as the spaces the terminal
    shows (Rich counts a tab as no cell)."""
    parts = [line]
    if stream.is_terminal:
        parts = []
        for row in line.split("\n"):
            parts += _wrapped(row.expandtabs(stream.tab_size), max(stream.width, 1), hang)
    for part in parts:
        stream.print(part, markup=False, highlight=False, soft_wrap=True)


def _wrapped(row: str, width: int, hang: int) -> list[str]:
    """`row` in lines of `width` cells broken between words (the lines after the first `hang` cells narrower
    and indented as much), a word wider than its line left whole."""
    from rich._wrap import divide_line  # as output/wrap.py: where Rich itself would break the line

    lines: list[str] = []
    while True:
        room = width if not lines else max(width - hang, 1)
        ends = divide_line(row, room, fold=False)[:1]
        end = ends[0] if ends else len(row)
        lines.append((" " * hang if lines else "") + row[:end].rstrip())
        if not ends:
            return lines
        row = row[end:]


def error(message: str) -> None:
    """One line on stderr (wrapped between words on a terminal); the message is plain text, never markup."""
    from briefarc.output.textout import clean

    say(err(), "Error: " + clean(message))


def warn(message: str) -> None:
    from briefarc.output.textout import clean

    say(err(), "Warning: " + clean(message))


def reset() -> None:
    """Forget the consoles (tests swap sys.stdout and sys.stderr)."""
    out.cache_clear()
    err.cache_clear()
