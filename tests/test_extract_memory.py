"""Memory of the body's reading on a table with text in every cell (the pathological bench's table-cells
page): what is kept per cell while the page is read. Allocations are counted (tracemalloc), not timed."""

from __future__ import annotations

import tracemalloc

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.blocks import BlockReader
from briefarc.extract.content import Page, main_blocks
from briefarc.extract.voters import find_voters

CELL = "<td>Text in the cell of a wide table with words</td>"


def table_page(rows: int, cells: int = 20) -> str:
    return "<html><body><table>" + ("<tr>" + CELL * cells + "</tr>") * rows + "</table></body></html>"


def test_the_cells_of_a_table_are_read_in_few_times_the_page_in_memory() -> None:
    html = table_page(1000)  # 20,000 cells
    tree = LexborHTMLParser(html)
    tracemalloc.start()
    try:
        blocks, _ = main_blocks(tree)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(blocks) == 20_000
    assert peak < 8 * len(html)  # 11.7 times when each cell kept its vote, its folded text and its tag apart


def test_the_votes_of_a_rows_cells_are_added_up_once_per_row() -> None:
    tree = LexborHTMLParser(table_page(30))
    assert tree.body is not None
    page = Page(tree.body)
    page.vote()
    rows = {row.mem_id for row in tree.css("tr")}
    assert set(page.votes) == rows  # one entry per row voted for, not one per cell
    assert page.mass[next(iter(rows))] == 20 * len("Text in the cell of a wide table with words")


def test_only_paragraphs_keep_their_folded_text_for_the_reading() -> None:
    html = "<html><body><p>" + "A paragraph of the article, long enough. " * 2 + "</p><table><tr>" + CELL * 3 \
           + "</tr></table></body></html>"
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    folded: dict[int, str] = {}
    voters = find_voters(tree.body, folded)
    assert len(voters) == 4
    assert set(folded) == {node.mem_id for node in tree.css("p")}  # a cell is never read whole from it


def test_the_blocks_of_cells_share_their_tag_and_strong_values() -> None:
    tree = LexborHTMLParser(table_page(5))
    assert tree.body is not None
    blocks = BlockReader(Page(tree.body)).read(tree.body)
    assert len(blocks) == 100 and {block.tag for block in blocks} == {"td"}
    assert len({id(block.tag) for block in blocks}) == 1 and len({id(block.strong) for block in blocks}) == 1
