"""Reading the chosen container: nested markup to a flat list of paragraph-like blocks, in order,
skipping furniture and dropping link lists and boilerplate."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Protocol

from selectolax.lexbor import LexborNode

from briefarc.extract.boilerplate import LONE_BYLINE_WORD, TAIL_HEADING, is_boilerplate
from briefarc.extract.furniture import HEADING_TAGS, PLAIN, names_kind
from briefarc.extract.text import fold, has_words, without_permalink
from briefarc.patterns import lazy

# Tags that are skipped while reading (cheaper than removing them, as they are rare).
SKIP_TAGS = frozenset({"math", "object", "embed", "canvas", "video", "audio", "button", "select", "input",
                       "textarea", "map", "dialog", "link", "meta", "head", "title"})
BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr td th tbody "
    "thead tfoot caption figure figcaption header footer form fieldset address hr center details summary "
    "nav aside".split()
)
LEAF_TAGS = frozenset({"p", "li", "dd", "dt", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})
INLINE = frozenset("b i em strong u s sup sub small abbr cite q mark code kbd var dfn tt big font time ins del".split())


class Furniture(Protocol):
    def skip(self, node: LexborNode, tag: str | None = None) -> bool: ...


@dataclass(slots=True)
class Block:
    """One paragraph-like piece of text in document order."""

    text: str
    tag: str
    link_chars: int = 0
    strong: float = 0.0  # the share of its text inside <b>/<strong> (transcripts bold their questions)
    tentative: bool = False  # a linked list item, kept only when prose follows it
    tail: bool = False  # a heading that announces other articles ("Related posts"): see drop_tail

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


class BlockReader:
    """An iterative walk that turns nested markup into a flat list of blocks."""

    # the end markers on the walk's stack: small integers, told from its nodes by their type at once
    _FLUSH, _LINK_END, _STRONG_END, _CELL_END = 0, 1, 2, 3

    def __init__(self, page: Furniture, folded: dict[int, str] | None = None):
        self.page = page
        self.folded = folded if folded is not None else {}  # texts already read and folded, by mem_id
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = self.strong_chars = 0
        self.link_depth = 0
        self.strong_depth = 0
        self.cells: list[LexborNode] = []  # table cells open around the text read (a <p> in a <td>)
        self.tag = "p"
        self.prose_end = 0  # the number of blocks up to the last paragraph of prose

    def flush(self) -> None:
        """The text read since the last block's end, as a block. Without text read nothing is to be done: the
        counts of links and bold text grow only with it (the walk asks `if self.parts` before calling)."""
        if self.parts:
            joined = "".join(self.parts)
            text = "" if joined.isspace() else fold(joined)  # the breaks between blocks: no call
            if self.tag in HEADING_TAGS:
                text = without_permalink(text)
            if text and has_words(text):
                strong = min(1.0, self.strong_chars / len(text)) if self.strong_chars else 0.0  # one 0.0 for all
                self.keep(Block(text, self.tag, min(self.link_chars, len(text)), strong))
            self.parts = []
            self.link_chars = self.strong_chars = 0

    def read(self, root: LexborNode) -> list[Block]:
        """The blocks under root that keep_block keeps (root itself is read even when it looks like furniture).

        The stack holds, per open element, the sibling to go on with and an end marker: it grows with
        the depth of the markup, not with the number of children (a list of 100,000 links)."""
        stack: list = [] if root.child is None else [root.child]
        if root.tag in BLOCK_TAGS:
            self.tag = root.tag
        pop, push, visit, marker = stack.pop, stack.append, self.visit, int
        while stack:
            item = pop()
            if item.__class__ is marker:
                if item == 0:  # _FLUSH
                    if self.parts:
                        self.flush()
                elif item == 1:  # _LINK_END
                    self.link_depth -= 1
                elif item == 2:  # _STRONG_END
                    self.strong_depth -= 1
                else:  # _CELL_END
                    self.cells.pop()
            else:
                following = item.next
                if following is not None:
                    push(following)  # read after the node's children, and its end marker
                text = item.text_content  # a text node's text (most nodes), read here without a call
                if text:
                    self.parts.append(text)
                    if self.link_depth:
                        self.link_chars += len(text.strip())
                    if self.strong_depth:
                        self.strong_chars += len(text.strip())
                else:
                    visit(item, stack)
        self.flush()
        return self.blocks

    def visit(self, node: LexborNode, stack: list) -> None:
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            self.parts.append(text)
            if self.link_depth:
                self.link_chars += len(text.strip())
            if self.strong_depth:
                self.strong_chars += len(text.strip())
            return
        if tag is None or tag.startswith("-") or tag in SKIP_TAGS or (tag not in INLINE and self.page.skip(node, tag)):
            return
        if tag == "br":
            if self.parts:
                self.flush()
            return
        if tag in BLOCK_TAGS:
            if self.parts:
                self.flush()
            self.tag = tag = sys.intern(tag)  # one string per tag name in the blocks, not one per block
            if tag in LEAF_TAGS and (is_leaf(node) or tag == "pre"):  # code is read whole, spans and all
                self.read_leaf(node, tag)
                return
            if tag in CELL_TAGS:
                self.cells.append(node)
                stack.append(self._CELL_END)  # after the cell's last block is flushed
            stack.append(self._FLUSH)
        elif tag == "a" and not (self.tag in HEADING_TAGS and in_page(node)) and not writes_address(node):
            self.link_depth += 1
            stack.append(self._LINK_END)
        elif tag in ("b", "strong"):
            self.strong_depth += 1
            stack.append(self._STRONG_END)
        child = node.child
        if child is not None:
            stack.append(child)

    def read_leaf(self, node: LexborNode, tag: str) -> None:
        """A block that holds one run of text: read in one call."""
        text = self.folded.get(node.mem_id)
        if text is None:
            text = fold(node.text())
        if tag in HEADING_TAGS:
            text = without_permalink(text)
        if not text or not has_words(text):
            return
        self.keep(Block(text, tag, len(text) if self.link_depth else 0, 1.0 if self.strong_depth else 0.0))

    def keep(self, block: Block) -> None:
        """Keep the block unless keep_block drops it; a list item partly made of links, or a short
        paragraph mostly of links, waits to see whether the article goes on after it (see settle)."""
        if block.tag in HEADINGS and TAIL_HEADING.match(block.text):
            block.tail = True
            self.blocks.append(block)
            return
        if block.link_chars and linked_item(block):  # a block without links is no linked item
            if len(self.blocks) - self.prose_end < MAX_PENDING:
                block.tentative = True
                self.blocks.append(block)
            return
        # dropped at once: a page of 100,000 links holds no list of them
        if keep_block(block, self.cells[-1] if self.cells else None):
            self.blocks.append(block)
            if is_prose(block):
                self.prose_end = len(self.blocks)

    def settle(self) -> list[Block]:
        """The blocks read, without the linked list items and link lines that no paragraph of prose
        follows: a list of links inside the article (resources, a changelog, a shopping list, "Learn
        more: ...") is the article's, one after its last paragraph is a list of other pages."""
        end = self.prose_end
        return [block for index, block in enumerate(self.blocks) if index < end or not block.tentative]


def drop_tail(blocks: list[Block]) -> list[Block]:
    """The list of other articles a container ends with: a heading that only announces them ("Read This
    Next", "Latest News", "Related Posts") after the first third of the text, and what follows it. Such a
    heading sooner stays unless it is a lead-in, which is left out alone as any other."""
    total = sum(len(block.text) for block in blocks if not block.tail)
    seen = 0
    kept = []
    for block in blocks:
        if block.tail and seen >= total / 3:
            break
        if not block.tail or not is_boilerplate(block.text, block.link_density):
            kept.append(block)
            seen += len(block.text)
    return kept


HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
PROSE = 80  # a paragraph of prose: this many characters and few links
MAX_PENDING = 500  # linked list items held while waiting for prose
LINK_LINE = 200  # a paragraph mostly of links and shorter than this waits for prose like a linked list item
# What an e-mail address shows: its "@", written out or disguised ("desk [at] example.org").
ADDRESS_SIGN = lazy(r"[@＠]|[\[(]\s*at\s*[\])]", re.I)


def in_page(link: LexborNode) -> bool:
    """A link to a place on the same page ("#section-2"): a heading's link back to the table of contents or
    to itself (a permalink, "¶") leaves the heading a heading, not a link to another page. Not one to a
    place named as what is never the article ("#comments", "#respond": "3 Comments", "Leave a reply"); a weaker
    word may be the heading's own ("#overview-of-popular-tools", a slug of its text)."""
    href = link.attributes.get("href") or ""
    return len(href) > 1 and href.startswith("#") and names_kind(href[1:]) != PLAIN


def writes_address(link: LexborNode) -> bool:
    """A mailto: link that shows the e-mail address: the page's own text, which a reader copies, not a way to
    another page ("Write to us at: <a>desk@example.org</a>"). A mailto: link that shows no address is a
    button ("Email", "Send to a friend": a share bar's "mailto:?subject=..."), and stays a link."""
    href = link.attrs.get("href") or ""
    return href.lstrip()[:7].lower() == "mailto:" and ADDRESS_SIGN.search(link.text()) is not None


def is_prose(block: Block) -> bool:
    return block.tag != "li" and len(block.text) >= PROSE and block.link_density < 0.3


def linked_item(block: Block) -> bool:
    """A list item partly made of links, with text of its own beside them ("Official website: X"), or
    a short paragraph mostly of links ("Learn more: Online Instructor Presence")."""
    density = block.link_density
    if block.tag == "li":
        linked = 0.3 < density <= 0.9
    else:
        linked = block.tag == "p" and 0.5 < density <= 0.9 and len(block.text) < LINK_LINE
    return linked and not is_boilerplate(block.text, density)


def is_leaf(node: LexborNode) -> bool:
    """True when a block holds nothing but one run of text (then it is read in one call)."""
    child = node.child
    return child is not None and child.tag == "-text" and child.next is None


CELL_TAGS = frozenset({"td", "th"})


SHORT_CELL = 40  # characters of a table cell that holds a column's word, not a page laid out in a table


def keep_block(block: Block, cell: LexborNode | None = None) -> bool:
    """False for link lists, leftover markup and other furniture inside the container. `cell`: the table cell the
    block is in (a <p> in a <td>), where a lone "Par" or "Di" is a column's word, not a byline's, when the cell
    is short: an old site's page laid out in one cell keeps its lone "By" out."""
    density = block.link_density
    if len(block.text) < 10 and block.tag not in CELL_TAGS and LONE_BYLINE_WORD.match(block.text) and (
            cell is None or len(cell.text()) > SHORT_CELL):
        return False
    if density > 0.5 and len(block.text) < 400:
        return False
    if block.tag == "li" and density > 0.3:
        return False
    return not is_boilerplate(block.text, density)
