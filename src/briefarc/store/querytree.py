"""An FTS5 query as store/query.py writes it, read back as a tree of AND, OR and NOT over its phrases.

Search checks in the text what the caseless index cannot tell (store/search.py): WHO typed in capitals is the
acronym, not every relative "who". A phrase each match must hold is checked alone; one in a group or beside an
OR (`(WHO OR UN)`, `WHO OR Geneva`, `title:(WHO)`) is checked here: a match that does not hold it as written
is asked again of the index, with that phrase taken as found nowhere (`without`).

FTS5 reads its operators so (checked against SQLite): words side by side bind closest (`a NOT b c` is
`a NOT (b c)`), then NOT, then AND, then OR; a column filter covers one phrase, NEAR group or group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN = re.compile(r'''\s*(?:
      (?P<near>NEAR\((?:"(?:[^"]|"")*"\*?|[^")])*\))
    | (?P<phrase>"(?:[^"]|"")*"\*?)
    | (?P<column>(?:title|subtitle|body|text)\ :)
    | (?P<lparen>\()
    | (?P<rparen>\))
    | (?P<op>AND|OR|NOT)(?![^\s(])
    )''', re.VERBOSE)


@dataclass(frozen=True)
class Leaf:
    """A phrase or NEAR group as the query has it, with the column filter it is under (None: any column)."""

    text: str
    column: str | None
    positive: bool  # under no NOT (or under two): a document that holds more of it cannot match less


@dataclass(frozen=True)
class Node:
    op: str  # AND, OR, NOT (two children: what is kept, what is left out) or COL (a column over a group)
    children: tuple[Tree, ...]
    column: str | None = None


Tree = Leaf | Node


def parse(fts: str) -> Tree | None:
    """The tree of a query store/query.py wrote; None for one it cannot read (such a query is left to FTS5)."""
    tokens = []
    position = 0
    while position < len(fts.rstrip()):
        match = TOKEN.match(fts, position)
        if match is None or match.lastgroup is None:
            return None
        tokens.append((match.lastgroup, match[match.lastgroup]))
        position = match.end()
    reader = _Reader(tokens)
    tree = reader.any_of(None, True)
    return tree if tree is not None and reader.index == len(tokens) else None


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.index = 0

    def _next_is(self, kind: str, value: str | None = None) -> bool:
        if self.index >= len(self.tokens):
            return False
        return self.tokens[self.index][0] == kind and (value is None or self.tokens[self.index][1] == value)

    def _joined(self, op: str, read, column: str | None, positive: bool) -> Tree | None:
        first = read(column, positive)
        children = [first]
        while first is not None and self._next_is("op", op):
            self.index += 1
            children.append(read(column, positive))
        if any(child is None for child in children):
            return None
        return children[0] if len(children) == 1 else Node(op, tuple(children))  # type: ignore[arg-type]

    def any_of(self, column: str | None, positive: bool) -> Tree | None:
        return self._joined("OR", self.all_of, column, positive)

    def all_of(self, column: str | None, positive: bool) -> Tree | None:
        return self._joined("AND", self.but_not, column, positive)

    def but_not(self, column: str | None, positive: bool) -> Tree | None:
        kept = self.side_by_side(column, positive)
        while kept is not None and self._next_is("op", "NOT"):
            self.index += 1
            left_out = self.side_by_side(column, not positive)
            kept = None if left_out is None else Node("NOT", (kept, left_out))
        return kept

    def side_by_side(self, column: str | None, positive: bool) -> Tree | None:
        units = []
        while self.index < len(self.tokens) and self.tokens[self.index][0] in ("near", "phrase", "column", "lparen"):
            unit = self.unit(column, positive)
            if unit is None:
                return None
            units.append(unit)
        if not units:
            return None
        return units[0] if len(units) == 1 else Node("AND", tuple(units))

    def unit(self, column: str | None, positive: bool) -> Tree | None:
        kind, value = self.tokens[self.index]
        self.index += 1
        if kind == "column":
            if not (self._next_is("near") or self._next_is("phrase") or self._next_is("lparen")):
                return None
            name = value.split(" ")[0]
            inner = self.unit(name, positive)
            return None if inner is None else Node("COL", (inner,), name)
        if kind == "lparen":
            inner = self.any_of(column, positive)
            if inner is None or not self._next_is("rparen"):
                return None
            self.index += 1
            return inner
        return Leaf(value, column, positive)


def leaves(tree: Tree) -> list[Leaf]:
    """The phrases and NEAR groups of the tree, in the order of the query."""
    if isinstance(tree, Leaf):
        return [tree]
    return [leaf for child in tree.children for leaf in leaves(child)]


def without(tree: Tree, absent: set[int]) -> str | None:
    """The query with the leaves numbered in `absent` (their order in `leaves`) found nowhere; None when it then
    finds nothing."""
    numbered = iter(range(len(leaves(tree))))
    simpler = _without(tree, absent, numbered)
    return None if simpler is None else render(simpler)


def _without(tree: Tree, absent: set[int], numbered) -> Tree | None:
    if isinstance(tree, Leaf):
        return None if next(numbered) in absent else tree
    children = [_without(child, absent, numbered) for child in tree.children]
    if tree.op == "OR":
        kept = [child for child in children if child is not None]
        return None if not kept else kept[0] if len(kept) == 1 else Node("OR", tuple(kept))
    if tree.op == "NOT" and children[0] is not None and children[1] is None:
        return children[0]  # nothing left out
    if any(child is None for child in children):
        return None  # AND, a column's group, or NOT of nothing
    return Node(tree.op, tuple(children), tree.column)  # type: ignore[arg-type]


def render(tree: Tree) -> str:
    """The tree as an FTS5 query, every part in its own parentheses."""
    if isinstance(tree, Leaf):
        return tree.text
    if tree.op == "COL":
        return f"{tree.column} : ( {render(tree.children[0])} )"
    return f" {tree.op} ".join(f"( {render(child)} )" for child in tree.children)
