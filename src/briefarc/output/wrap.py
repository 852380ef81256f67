"""Text that wraps on a terminal as a reader expects: a wrapped line never begins with closing punctuation
(，。」 ...) or ends with opening punctuation (「（ ...), and a labelled value wraps under its own start.

Rich folds a run of Chinese characters wherever the width ends, so "，" or "。" could open a line. Here the
character before it goes down with it (as Chinese and Japanese typesetting do). Printed without wrapping
(soft_wrap, for a pipe) the text is one line as before.
"""

from __future__ import annotations

from rich._wrap import divide_line
from rich.console import Console
from rich.containers import Lines
from rich.text import Text

# Characters a line must not begin with, and those it must not end with.
CLOSING = frozenset("，。、；：？！）」』】》〉〕］｝”’…‥・ー々〜,.;:?!)]}%")
OPENING = frozenset("（「『【《〈〔［｛“‘([{")


class Wrapped(Text):
    """Text whose wrapped lines keep punctuation with its word; lines after the first indented by `hang` cells."""

    def __init__(self, *args, hang: int = 0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.hang = hang

    def wrap(self, console: Console, width: int, *, justify=None, overflow=None, tab_size: int = 8,
             no_wrap: bool | None = None) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore" or width <= self.hang + 1:
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                no_wrap=no_wrap)
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            for number, part in enumerate(line.divide(breaks(line.plain, width, self.hang))):
                part.rstrip_end(width)
                if number and self.hang:
                    part = Text(" " * self.hang, end="") + part
                part.truncate(width, overflow=overflow or self.overflow or "fold")
                lines.append(part)
        return lines


def breaks(text: str, width: int, hang: int = 0) -> list[int]:
    """Where Rich would wrap `text` at `width` cells (lines after the first `hang` cells narrower), each
    break moved back while it would put closing punctuation first on a line or leave opening punctuation last."""
    offsets: list[int] = []
    start, room = 0, width
    while start < len(text):
        window = text[start:start + 4 * room]  # the first line and more: no character is wider than 2 cells
        found = divide_line(window, room, fold=True) or (
            divide_line(text[start:], room, fold=True) if start + len(window) < len(text) else [])
        if not found:
            break
        end = start + found[0]
        while end - 1 > start and (text[end] in CLOSING or text[end - 1] in OPENING) and not text[end - 1].isspace():
            end -= 1
        if text[end] in CLOSING and text[end - 1].isspace():  # "responsible …": the word before goes down too
            end = _word_start(text, end, start)
        offsets.append(end)
        start, room = end, width - hang
    return offsets


def _word_start(text: str, end: int, start: int) -> int:
    """Where the word before the spaces that end at `end` starts; `end` itself when that word opens the line."""
    index = end
    while index > start and text[index - 1].isspace():
        index -= 1
    while index > start and not text[index - 1].isspace():
        index -= 1
    return index if index > start else end
