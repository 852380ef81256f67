"""Text that wraps on a terminal as a reader expects: a wrapped line never begins with closing punctuation
(，。」 ...) or ends with opening punctuation (「（ ...), and a labelled value wraps under its own start.

Rich folds a run of Chinese characters wherever the width ends, so "，" or "。" could open a line. Here the
character before it goes down with it (as Chinese and Japanese typesetting do). Printed without wrapping
(soft_wrap, for a pipe) the text is one line as before.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size
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
            parts = line.divide(offsets := breaks(line.plain, width, self.hang))
            for number, part in enumerate(parts):
                if number < len(offsets):  # the spaces a wrapped line ends with: copied from a terminal, none
                    part.rstrip()
                part.rstrip_end(width)
                if number and self.hang:
                    part = Text(" " * self.hang, end="") + part
                part.truncate(width, overflow=overflow or self.overflow or "fold")
                lines.append(part)
        return lines


def breaks(text: str, width: int, hang: int = 0) -> list[int]:
    """Where to wrap `text` at `width` cells (lines after the first `hang` cells narrower): the offsets where
    lines after the first begin. A line may end after spaces, and on either side of a wide (Chinese or Japanese)
    character, so a Latin word written against Chinese text ("考试（Advanced Placement）信息网") is no unbreakable
    block running to the next space; never before closing punctuation or a zero-width mark, nor after opening
    punctuation. A word longer than a line is cut where the line ends."""
    offsets: list[int] = []
    start, room, size = 0, width, len(text)
    while start < size:
        end = _line_end(text, start, room)
        if end >= size:
            break
        offsets.append(end)
        start, room = end, width - hang
    return offsets


def _line_end(text: str, start: int, room: int) -> int:
    """Where the line that begins at `start` ends: the last place a line may end whose text (its trailing spaces
    left out) fits in `room` cells; where the room ends if there is none; len(text) if the rest fits."""
    used = 0  # the cells of text[start:index], spaces at its end included
    fits = start  # the last place a line may end where the text before it fits
    for index in range(start, len(text)):
        char = text[index]
        if index > start and _may_break(text, index):
            fits = index
        if char.isspace():
            used += 1
            continue
        used += cell_size(char)
        if used > room:
            return fits if fits > start else max(index, start + 1)
    return len(text)


def _may_break(text: str, index: int) -> bool:
    """Whether a line may end before text[index] (and the next begin with it)."""
    char, before = text[index], text[index - 1]
    if char.isspace() or char in CLOSING or before in OPENING or not cell_size(char):
        return False
    return before.isspace() or _wide(char) or _wide(before)


def _wide(char: str) -> bool:
    return cell_size(char) == 2


def cell_size(char: str) -> int:
    return get_character_cell_size(char)


class Listed(Text):
    """Items joined by ", " ("12 fetched, 2 unchanged") that wrap only between items: an item is never split over
    two lines ("2" at the end of one, "unchanged" opening the next), unless it is wider than the line itself."""

    SEPARATOR = ", "

    @classmethod
    def widest_item(cls, plain: str) -> int:
        """The cells of the widest item of the first line, with its comma: the least width that keeps items whole
        (a line after it, an error's, wraps as it will)."""
        return max(cell_len(item) + 1 for item in plain.split("\n", 1)[0].split(cls.SEPARATOR))

    def wrap(self, console: Console, width: int, *, justify=None, overflow=None, tab_size: int = 8,
             no_wrap: bool | None = None) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                no_wrap=no_wrap)
        lines = Lines()
        for line in self.split(allow_blank=True):
            for part in line.divide(self._item_breaks(line.plain, width)):
                part.rstrip()
                lines.extend(Text.wrap(part, console, width, overflow=overflow or "fold"))
        return lines

    def _item_breaks(self, plain: str, width: int) -> list[int]:
        """The offsets where lines begin: an item goes down to a line of its own when it would pass `width`."""
        offsets, start, position = [], 0, 0
        while (found := plain.find(self.SEPARATOR, position)) >= 0 or position < len(plain):
            end = found + 1 if found >= 0 else len(plain)  # the item, with its comma
            if position > start and cell_len(plain[start:end]) > width:
                offsets.append(start := position)
            position = found + len(self.SEPARATOR) if found >= 0 else len(plain)
        return offsets


class Host(Text):
    """A host name ("news.xinhua.example") whole on one line when its cell is wide enough, else wrapped after its
    dots at the width it is drawn at; a label wider than the cell folds. Broken for a fixed width before the table
    was measured, a host went on two lines in a column of 62 cells (`speakers` at 200 columns)."""

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        labels = [cell_len(label) for label in self.plain.split(".")]
        widest = max(label + 1 for label in labels[:-1]) if len(labels) > 1 else cell_len(self.plain)
        return Measurement(min(widest, options.max_width), min(cell_len(self.plain), options.max_width))

    def wrap(self, console: Console, width: int, *, justify=None, overflow=None, tab_size: int = 8,
             no_wrap: bool | None = None) -> Lines:
        if no_wrap or self.no_wrap or overflow == "ignore" or self.cell_len <= width:
            return super().wrap(console, width, justify=justify, overflow=overflow, tab_size=tab_size,
                                no_wrap=no_wrap)
        lines = Lines()
        for part in self.divide(host_breaks(self.plain, width)):
            lines.extend(Text.wrap(part, console, width, overflow="fold"))
        return lines


def host_breaks(host: str, width: int) -> list[int]:
    """Where the lines of `host` wrapped at `width` cells begin: after a dot, never inside a label unless the
    label alone is wider than a line."""
    offsets, start, position = [], 0, 0
    for label in host.split(".")[:-1]:
        end = position + len(label) + 1  # the label with its dot
        if position > start and cell_len(host[start:end]) > width:
            offsets.append(start := position)
        position = end
    if position > start and cell_len(host[start:]) > width:  # the last label, without a dot
        offsets.append(position)
    return offsets
