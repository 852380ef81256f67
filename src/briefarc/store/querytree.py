"""An FTS5 query as store/query.py writes it, read back as a tree of AND, OR and NOT over its phrases.

Search checks in the text what the caseless index cannot tell (store/search.py): WHO typed in capitals is the
acronym, not every relative "who". A phrase each match must hold is checked alone; one in a group or beside an
OR (`(WHO OR UN)`, `WHO OR Geneva`, `title:(WHO)`) is checked here: a match that does not hold it as written
is asked again of the index, with that phrase taken as found nowhere (`without`, TreeCheck).

FTS5 reads its operators so (checked against SQLite): words side by side bind closest (`a NOT b c` is
`a NOT (b c)`), then NOT, then AND, then OR; a column filter covers one phrase, NEAR group or group.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import count
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

    Connection = sqlite3.Connection | sqlite_utils.Database

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
    op: str  # AND, OR, NOT (what is kept, then each part left out of it in turn) or COL (a column over a group)
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


def columns_named(fts: str) -> set[str]:
    """The columns the query's filters name (not words inside its phrases)."""
    named: set[str] = set()
    position = 0
    while (match := TOKEN.match(fts, position)) is not None and match.end() > position:
        if match.lastgroup == "column":
            named.add(match["column"].split(" ")[0])
        position = match.end()
    return named


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
        """`a NOT b NOT c` (FTS5 reads it left to right) as one node: a, less b, less c. A NOT in a NOT for each word
        left out made the tree as deep as the words: 500 of them (`Taiwan -w0 ... -w499`) overflowed the recursion
        of the walks below."""
        kept = self.side_by_side(column, positive)
        left_out: list[Tree] = []
        while kept is not None and self._next_is("op", "NOT"):
            self.index += 1
            part = self.side_by_side(column, not positive)
            if part is None:
                return None
            left_out.append(part)
        return Node("NOT", (kept, *left_out)) if kept is not None and left_out else kept

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
    if tree.op == "NOT" and children[0] is not None:  # what is found nowhere leaves nothing out
        left_out = [child for child in children[1:] if child is not None]
        return Node("NOT", (children[0], *left_out)) if left_out else children[0]
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


# Past this many rows lacking the same phrases, the rest of the query is asked of the whole index (one pass over its
# matches) rather than row by row (a seek in each word's doclist for each row).
WHOLE_INDEX = 2_000
# A match walked costs about a fiftieth of a row looked up (0.05-0.4 ms: `title:(WHO OR Blinken)`, 1,123 rows holding
# WHO in their title looked up in title:Blinken, 414 ms; its 1,000 matches walked, 1 ms): a query with at most this
# many matches a row asked about is walked whole.
WALKED_A_LOOKUP = 50


@dataclass(frozen=True)
class TreeCheck:
    """The phrases of a group or beside an OR (`(WHO OR US)`, `title:(WHO)`) that the index cannot tell, checked
    with the rest of the query: a match that lacks one as written is asked again of the index with that phrase
    found nowhere. `checked`: each such phrase's number among the tree's leaves, its pattern, the columns it may
    be in and the string each of its matches holds (an acronym's), if any; `exact`: the acronyms' patterns, for
    snippets. store/search.py makes it (search_query) and applies it (passing)."""

    tree: Tree
    checked: tuple[tuple[int, re.Pattern, tuple[str, ...], str | None], ...]
    exact: tuple[re.Pattern, ...] = ()
    table: str = "documents"  # the rows searched: documents, or turns (whose index is turns_fts)
    # The checked phrases the acronyms table knows (store/acronyms.py): their numbers, words, and whether the table
    # settles them (WHO; WHO's has its "'s" read in the text of a row the table says holds WHO).
    words: tuple[tuple[int, str, bool], ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(sorted({column for _, _, columns, _ in self.checked for column in columns}))

    @property
    def sure(self) -> str | None:
        """The query with every checked phrase found nowhere: a match of it passes whatever its text holds (a phrase
        under no NOT takes no match away); None when no row matches without one of them."""
        return without(self.tree, {number for number, _, _, _ in self.checked})

    def needle_clause(self, row: str = "", each: bool = False) -> tuple[str, list[str]] | None:
        """An SQL clause (and its parameters) every row the check keeps passes, from the acronyms' needles: `(WHO
        OR US)` keeps no row without "WHO" or "US" as written; `WHO OR Geneva` none that neither matches Geneva
        in the index nor holds "WHO" (a row lacking every checked phrase passes only as a match of `sure`); None
        when it says nothing (a checked CJK phrase has no needle). `each`: the acronyms table is asked for each row
        (few rows: acronyms.holding_sql)."""
        return self._needed(row, each) or self._sure_or_held(row, each)

    def _sure_or_held(self, row: str, each: bool = False) -> tuple[str, list[str]] | None:
        """`sure`'s matches (one pass of the index, kept by SQLite for the statement) or a row holding a needle."""
        from briefarc.store.fts import index_for

        if not all(needle for _, _, _, needle in self.checked):
            return None
        parts = [self._holding(number, columns, needle or "", row, each=each)
                 for number, _, columns, needle in self.checked]
        held = [sql for sql, _ in parts]
        values = [value for _, part in parts for value in part]
        if (sure := self.sure) is None:
            return f"({' OR '.join(held)})", values
        index, query = index_for(None, sure, self.table)
        return (f"({row}id IN (SELECT rowid FROM {index} WHERE {index} MATCH ?) OR {' OR '.join(held)})",
                [query, *values])

    def _needed(self, row: str, each: bool = False) -> tuple[str, list[str]] | None:
        """The clause of the needles a kept row must hold (`(WHO OR US)`), None when there is none."""
        needles = {number: (needle, columns) for number, _, columns, needle in self.checked if needle}
        numbers = count()

        def clause(tree: Tree) -> tuple[str, list[str]] | None:
            if isinstance(tree, Leaf):
                number = next(numbers)
                if number not in needles:
                    return None
                needle, columns = needles[number]
                return self._holding(number, columns, needle, row, each=each)
            parts = [clause(child) for child in tree.children]  # every child: the leaves are numbered in order
            if tree.op == "NOT":
                return parts[0]  # what is left out holds no needle
            if tree.op == "OR" and any(part is None for part in parts):
                return None
            known = [part for part in parts if part is not None]
            if not known:
                return None
            joined = f" {'OR' if tree.op == 'OR' else 'AND'} ".join(sql for sql, _ in known)
            return f"({joined})", [value for _, values in known for value in values]

        return clause(self.tree)

    def _holding(self, number: int, columns: tuple[str, ...], needle: str, row: str = "",
                 unread: bool = True, each: bool = False) -> tuple[str, list]:
        """SQL (and its parameters) that a row holding checked phrase `number` passes: it is among the rows the
        acronyms table says hold its word (or, `unread`, those the table has not read), else it holds its needle."""
        from briefarc.store.acronyms import holding_sql

        word = next((word for known, word, _ in self.words if known == number), None)
        if word is not None:
            return holding_sql(word, columns, row, unread=unread, each=each)
        return _instr(columns, row), [needle] * len(columns)

    def candidates(self) -> tuple[str, list] | None:
        """SQL of the rows that may hold a checked phrase (store/acronyms.py candidates_sql), when the acronyms table
        knows them all; a row outside it passes only as a match of `sure`."""
        words = dict((number, word) for number, word, _ in self.words)
        if any(number not in words for number, _, _, _ in self.checked):
            return None
        from briefarc.store.acronyms import candidates_sql

        return candidates_sql([(words[number], columns) for number, _, columns, _ in self.checked])

    def sure_or_held(self) -> tuple[str, tuple[str, list]] | None:
        """`sure` and the SQL of the rows the acronyms table says may hold a checked phrase, when a row passes as a
        match of the one or as one of the others (needle_clause's second form: `US OR minister`); else None."""
        if (sure := self.sure) is None or self._needed("") is not None or (held := self.candidates()) is None:
            return None
        return sure, held

    def refused(self, db: Connection, table: str, ids: list[int]) -> set[int]:
        """The rows among `ids` (matches of the whole query) that do not match it once the phrases they lack as
        written are taken as found nowhere. The matches of `sure` are told by the index first, and not read (`US
        OR minister`: 94,000 rows of 100,000 read for nothing)."""
        if (sure := self.sure) is not None:
            passed = _matching(db, table, sure, ids)
            ids = [rowid for rowid in ids if rowid not in passed]
        refused: set[int] = set()
        for absent, rowids in self._lacking(db, table, ids).items():
            rest = without(self.tree, set(absent))
            refused.update(rowids if rest is None else set(rowids) - _matching(db, table, rest, rowids))
        return refused

    def _lacking(self, db: Connection, table: str, ids: list[int]) -> dict[frozenset[int], list[int]]:
        """The rows lacking some checked phrases as written, by the set of those phrases' numbers. The acronyms table
        tells the rows holding an acronym (store/acronyms.py), SQLite those without another's letters as written
        (instr); only the others, the phrases with no such letters, and the rows the table has not read are read
        with their patterns (`IT OR Taliban` in 100,000 documents of which none says IT: 18.6 s when every text was
        read)."""
        from briefarc.store.acronyms import unread_among

        needled = [(number, needle, columns) for number, _, columns, needle in self.checked if needle]
        settled = {number for number, _, sure in self.words if sure}
        lacking: dict[frozenset[int], list[int]] = {}
        for start in range(0, len(ids), 500):
            page = ids[start:start + 500]
            fresh = unread_among(db, page) if self.words else set()
            holding = [self._held_among(db, table, number, columns, needle, page)
                       for number, needle, columns in needled]
            absent: dict[int, set[int]] = {}
            unsure: dict[int, list[int]] = {}  # rows whose text is read: the phrases to look for in it
            for rowid in page:
                if rowid in fresh:  # not read by the table yet: its text tells every phrase
                    absent[rowid], told = set(), set()
                else:
                    absent[rowid] = {number for (number, _, _), rows in zip(needled, holding, strict=True)
                                     if rowid not in rows}
                    told = settled
                if read := [number for number, _, _, _ in self.checked
                            if number not in absent[rowid] and number not in told]:
                    unsure[rowid] = read
            if unsure:
                self._read(db, table, unsure, absent)
            for rowid, numbers in absent.items():
                if numbers:
                    lacking.setdefault(frozenset(numbers), []).append(rowid)
        return lacking

    def _held_among(self, db: Connection, table: str, number: int, columns: tuple[str, ...], needle: str,
                    page: list[int]) -> set[int]:
        """Those of `page` holding checked phrase `number`'s word as the acronyms table knows it (by its key: `id IN
        (SELECT ...)` built the set of every document holding it for each 500 rows), else its needle (instr)."""
        from briefarc.store.acronyms import held_among

        word = next((word for known, word, _ in self.words if known == number), None)
        if word is not None:
            return held_among(db, word, columns, page)
        return {row[0] for row in db.execute(
            f"SELECT id FROM {table} WHERE id IN ({', '.join('?' for _ in page)}) AND {_instr(columns)}",
            [*page, *[needle] * len(columns)])}

    def _read(self, db: Connection, table: str, unsure: dict[int, list[int]],
              absent: dict[int, set[int]]) -> None:
        """Add to `absent` the phrases of `unsure` each row's text does not hold."""
        patterns = {number: (pattern, columns) for number, pattern, columns, _ in self.checked}
        columns = self.columns
        marks = ", ".join("?" for _ in unsure)
        for row in db.execute(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id IN ({marks})", list(unsure)):
            text = dict(zip(columns, row[1:], strict=True))
            absent[row[0]].update(number for number in unsure[row[0]]
                                  if not any(patterns[number][0].search(text[column] or "")
                                             for column in patterns[number][1]))


def _at_most(db: Connection, index: str, query: str, most: int) -> bool:
    """Whether the index has `most` matches of `query` or fewer (it is walked no further)."""
    return db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {index} WHERE {index} MATCH ? LIMIT ?)",
                      [query, most + 1]).fetchone()[0] <= most


def _instr(columns: tuple[str, ...], row: str = "") -> str:
    """SQL: whether any of the columns holds the parameter's string, case and all."""
    return "(" + " OR ".join(f"instr({row}{column}, ?)" for column in columns) + ")"


def _matching(db: Connection, table: str, fts: str, rowids: list[int]) -> set[int]:
    """Those of `rowids` that the query `fts` (as store/query.py writes it) matches in the index of `table`."""
    from briefarc.store.fts import index_for

    index, query = index_for(db, fts, table)
    if len(rowids) > WHOLE_INDEX or _at_most(db, index, query, WALKED_A_LOOKUP * len(rowids)):
        return {row[0] for row in db.execute(f"SELECT rowid FROM {index} WHERE {index} MATCH ?", [query])} \
            & set(rowids)
    found: set[int] = set()
    for start in range(0, len(rowids), 500):
        page = rowids[start:start + 500]
        found.update(row[0] for row in db.execute(
            f"SELECT rowid FROM {index} WHERE {index} MATCH ? AND rowid IN ({', '.join('?' for _ in page)})",
            [query, *page]))
    return found
