"""Memory of the body's reading on the pathological bench's table-cells and links pages: what is kept per
cell or per link while the page is read. Allocations are counted (tracemalloc), not timed."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.blocks import BlockReader
from briefarc.extract.content import Page, main_blocks
from briefarc.extract.listing import candidate_anchors
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


def links_page(count: int) -> str:
    items = "".join(f'<li><a href="/item/{i}">Item number {i} of the long list of links</a></li>' for i in range(count))
    return f"<html><body><p>{'Intro text of the page. ' * 10}</p><ul>{items}</ul></body></html>"


def peak_of(function: Callable[..., object], *args: object) -> int:
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_list_of_links_is_read_without_a_kind_kept_per_item() -> None:
    html = links_page(40_000)
    assert peak_of(main_blocks, LexborHTMLParser(html)) < len(html)  # 1.8 times the page with a kind per item


def test_the_list_of_links_of_a_listing_is_chosen_without_a_list_of_its_titles() -> None:
    html = links_page(40_000)
    assert peak_of(candidate_anchors, LexborHTMLParser(html), None) < 1.8 * len(html)  # 2.5 times with it


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


def test_a_page_of_more_tags_than_any_real_one_is_read_up_to_the_cap_with_a_warning() -> None:
    """2,000,000 "word<br>" (16 MB, under the 20 MB limit) took 21 s and 1.2 GB; the page is now read up to its
    MAX_TAGS-th tag (20 times the most any of the 1,415 real pages of ../shared holds), and says so."""
    from briefarc.extract.core import extract
    from briefarc.extract.depth import MAX_TAGS, cap_tags

    text = "<p>a</p><p>b</p><p>c</p>"
    assert cap_tags(text, 6) == (text, None)
    cut, warning = cap_tags(text, 4)
    assert cut == "<p>a</p><p>b" and warning and "4" in warning  # the text before the 4th "<"
    flood = ("<html><head><title>Flood</title></head><body><h1>Flood</h1><p>" + "word<br>" * (MAX_TAGS + 10)
             + "</p></body></html>").encode()
    document = extract(flood)
    assert any("more than 200,000 tags" in warning for warning in document.warnings)
    assert document.body.count("word") == MAX_TAGS - 9  # after the nine tags that open the page
    small = extract(b"<html><body><h1>Brief</h1><p>" + b"word<br>" * 1000 + b"</p></body></html>")
    assert not small.warnings
