"""Tables on terminals too narrow for them: each row as lines of heading and value instead.

Squeezed past what its columns need, Rich cuts the short columns (dates, counts, names, hashes) to "…" or
to no cells at all, and folds the wrapping ones a letter a line: `sources list` at 50 columns lost its kind,
docs and result columns, `history` at 40 its version numbers, `log --pending` at 40 showed each URL one
character a line.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

FLEX = 12  # cells a wrapping column (one with a ratio) needs at least for its table to be drawn as a table
WIDE = 10_000  # cells: room to measure a table's natural width in


def fitted(table: Table, *, loose: Table | None = None) -> Fitted:
    """`table` where the terminal has room for it, else its rows as records (see Fitted)."""
    return Fitted(table, loose)


class Fitted:
    """A table drawn as such when its short columns fit whole (up to their max_width) and each wrapping column
    (one with a ratio) gets FLEX cells; else the records of `loose` (the same rows with cells made for more
    room, such as a source's name not cut to a narrow column's width), or of the table itself."""

    def __init__(self, table: Table, loose: Table | None = None) -> None:
        self.table, self.loose = table, loose

    def __rich_console__(self, console, options):
        table = self.table
        probe = Table(box=table.box, pad_edge=table.pad_edge, show_edge=table.show_edge, padding=table.padding,
                      collapse_padding=table.collapse_padding, show_header=False)  # headings may wrap
        flexible = [column.ratio is not None for column in table.columns]
        for column in table.columns:
            probe.add_column(column.header, no_wrap=True, width=column.width, max_width=column.max_width)
        for row in zip(*(column.cells for column in table.columns), strict=True):
            probe.add_row(*("x" * max(FLEX, column.min_width or 0) if flex else cell
                            for flex, column, cell in zip(flexible, table.columns, row, strict=True)))
        needed = Measurement.get(console, options.update_width(WIDE), probe).maximum
        yield table if needed <= options.max_width else records(self.loose or table)


def records(table: Table) -> RenderableType:
    """Each row of `table` as lines of heading and value (empty cells left out), a blank line between rows,
    under the table's title."""
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    headings = [Text(column.header) if isinstance(column.header, str) else column.header for column in table.columns]
    for index, row in enumerate(zip(*(column.cells for column in table.columns), strict=True)):
        if index:
            grid.add_row("", "")
        for heading, cell in zip(headings, row, strict=True):
            if not (isinstance(cell, (str, Text)) and not str(cell).strip()):
                grid.add_row(heading, Text(cell) if isinstance(cell, str) else cell)
    return Group(Text(table.title), grid) if isinstance(table.title, str) and table.title else grid
