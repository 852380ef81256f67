"""The page's voters: paragraph-like elements and containers with loose text, each with its text
size, and the helpers that place them in the tree (ancestors, the visible headline, block holders)."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from briefarc.extract.furniture import LINK_HEAVY, SMALL_FURNITURE, is_hidden
from briefarc.extract.text import fold, text_size

INNER = "div,p,ul,ol,table,section,article,h2,h3,blockquote"
# Containers whose own loose text (text nodes between their blocks) votes, besides the divs and cells
# that hold blocks; parents of <br> are added.
LOOSE_TEXT = "section, article, main"
VOTING_TAGS = frozenset({"p", "pre"})
BODY_CLASS_PARAGRAPHS = 3  # paragraphs of one class, long together and with few links, are body whatever the class
MIN_PARAGRAPH = 40  # text size (a Chinese character counts three) for a paragraph to vote


def ancestors(node: LexborNode | None) -> set[int]:
    """The ids of an element and its ancestors."""
    found = set()
    while node is not None:
        found.add(node.mem_id)
        node = node.parent
    return found


def corroborated_group(nodes: list[LexborNode]) -> bool:
    """Whether paragraphs that share a furniture word look like furniture together: little text, or
    much of it links."""
    text = sum(len(node.text()) for node in nodes)
    links = sum(len(a.text()) for node in nodes for a in node.css("a"))
    return text < SMALL_FURNITURE * BODY_CLASS_PARAGRAPHS or links > LINK_HEAVY * text


def first_visible(nodes: list[LexborNode]) -> LexborNode | None:
    """The first of the nodes that no hidden element holds (a modal's copy of the headline is not it)."""
    for node in nodes:
        if not any(is_hidden(parent) for parent in ancestors_of(node)):
            return node
    return None


def ancestors_of(node: LexborNode) -> list[LexborNode]:
    """The element and its ancestors below <body>."""
    found = []
    current: LexborNode | None = node
    while current is not None and current.tag != "body":
        found.append(current)
        current = current.parent
    return found


# What find_voters needs, by tag: paragraphs, boxes, block elements, the sections whose loose text votes and the
# line breaks (whose parents' loose text votes). One search with a selector of all fourteen tags, its elements then
# sorted by tag, costs two thirds of fourteen searches by tag name, each a walk of the whole page (selectolax 1.0.2;
# with an earlier lexbor the searches by tag name had cost half of the one search).
INNER_TAGS = tuple(tag.strip() for tag in INNER.split(","))
LOOSE_TAGS = tuple(tag.strip() for tag in LOOSE_TEXT.split(","))
PARAGRAPH_TAGS = ("p", "pre")  # VOTING_TAGS, in a fixed order
BOX_TAGS = ("div", "td")
SEARCHED_TAGS = tuple(dict.fromkeys((*PARAGRAPH_TAGS, *BOX_TAGS, *INNER_TAGS, *LOOSE_TAGS, "br")))
SEARCHED = ", ".join(SEARCHED_TAGS)


def find_voters(body: LexborNode, folded: dict[int, str] | None = None) -> list[tuple[LexborNode, int, bool]]:
    """Paragraph-like elements with their text size, and containers with their own loose text
    (these vote for themselves too: the third value). `folded` receives the folded text of the
    paragraphs whose whole text was read, by mem_id, for the reading of the blocks. `body` is its page's
    <body>, which holds all the page's elements of these tags (none stays in <head>).

    The voters come tag by tag, not in the page's order: their votes are added up, in whatever order."""
    if folded is None:
        folded = {}
    found: dict[str, list[LexborNode]] = {tag: [] for tag in SEARCHED_TAGS}
    for node in body.css(SEARCHED):
        group = found.get(node.tag or "")  # (an element of another namespace might name its tag otherwise)
        if group is not None:
            group.append(node)
    paragraphs = [node for tag in PARAGRAPH_TAGS for node in found[tag]]
    boxes = [node for tag in BOX_TAGS for node in found[tag]]
    inner = [node for tag in INNER_TAGS for node in found[tag]]
    sections = [node for tag in LOOSE_TAGS for node in found[tag]]
    breaks = found["br"]
    holders = climbed(inner)
    voters = []
    whole = len(paragraphs)  # the paragraphs come first: the blocks' reading reads them whole, not a box
    for index, node in enumerate([*paragraphs, *(box for box in boxes if box.mem_id not in holders)]):
        text = node.text()
        if len(text) < MIN_PARAGRAPH:
            continue
        text = fold(text)
        if index < whole:  # kept for it (a table's 100,000 cells would keep as many texts for nothing)
            folded[node.mem_id] = text
        size = text_size(text)
        if size < MIN_PARAGRAPH:
            continue
        if link_chars(node) <= 0.5 * size:
            voters.append((node, size, False))
    seen = set()
    parents = {}
    for br in breaks:
        parent = br.parent
        if parent is not None and parent.tag not in VOTING_TAGS:
            parents[parent.mem_id] = parent
    loose = [box for box in boxes if box.mem_id in holders]
    for node in [*loose, *sections, body, *parents.values()]:
        text = node.text(deep=False)
        if len(text) < MIN_PARAGRAPH or node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        size = text_size(fold(text))
        if size >= MIN_PARAGRAPH:
            voters.append((node, size, True))
    return voters


def link_chars(node: LexborNode) -> int:
    """The length of the text of the links inside the element (none in one run of text: not searched). Its
    elements are walked for them (a paragraph holds a few), where css("a") parsed a selector each time."""
    child = node.child
    if child is not None and child.next is None and child.tag == "-text":
        return 0
    return sum(len(a.text()) for a in node.traverse() if a.tag == "a")


def climbed(nodes: list[LexborNode]) -> set[int]:
    """The ids of the nodes' ancestors (with the block elements: the elements that hold one). Each
    climb stops at an element already found, whose ancestors are all found too: each element is
    visited once, where a selector such as div:has(p) scans every subtree again."""
    holders: set[int] = set()
    for node in nodes:
        parent = node.parent
        while parent is not None:
            key = parent.mem_id
            if key in holders:
                break
            holders.add(key)
            parent = parent.parent
    return holders
