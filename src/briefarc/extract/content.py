"""Main-text detection and boilerplate removal.

1. Tags that never hold body text are removed.
2. Paragraph-like elements vote for their ancestors with the size of their text; elements that only
   hold loose text (between <br>s, or beside blocks) vote with that text.
3. Page furniture (navigation, comments, related links, share bars, captions, hidden blocks...) is
   recognised from tag, class, id, role and style (briefarc.extract.furniture); its votes are
   withdrawn unless it holds so much of the text that it must be the article itself.
4. From <body>, the walk descends while one child holds most of the votes (an article/main element
   counts double): that element is the container.
5. The container's blocks are read in order, skipping furniture and link lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract.furniture import CONTENT_NAMES, LIKELY, furniture_kind
from briefarc.extract.text import fold, has_words, text_size

# Tags whose content is never body text.
JUNK_TAGS = ["script", "style", "noscript", "template", "svg", "iframe"]
# Tags that are skipped while reading (cheaper than removing them, as they are rare).
SKIP_TAGS = frozenset({"math", "object", "embed", "canvas", "video", "audio", "button", "select", "input",
                       "textarea", "map", "dialog", "link", "meta", "head", "title"})

# Class or id words of furniture that may still be the article when it holds most of the text.
POSITIVE = re.compile(r"content|article|body|main|post|story|entry|text")
SEMANTIC_TAGS = frozenset({"article", "main"})
SEMANTIC_WEIGHT = 2.5  # a lone article/main child is chosen when it holds a quarter of the text

BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr td th tbody "
    "thead tfoot caption figure figcaption header footer form fieldset address hr center details summary "
    "nav aside".split()
)
LEAF_TAGS = frozenset({"p", "li", "dd", "dt", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})
INNER = "div,p,ul,ol,table,section,article,h2,h3,blockquote"
VOTERS = f"p, pre, div:not(:has({INNER})), td:not(:has({INNER}))"
# Containers whose own loose text (text nodes between their blocks) votes; parents of <br> are added.
LOOSE_TEXT = f"div:has({INNER}), section, article, td:has({INNER}), main, body"
VOTING_TAGS = frozenset({"p", "pre"})
INLINE = frozenset("b i em strong u s sup sub small abbr cite q mark code kbd var dfn tt big font time ins del".split())

MIN_PARAGRAPH = 40  # text size (a Chinese character counts three) for a paragraph to vote
MARKUP_TEXT = re.compile(r"^<\w[^>]*>$")
FURNITURE_TEXT = re.compile(
    r"^[\W_]*(?:advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|continue reading(?: below)?|scroll to continue(?: with content)?|share this(?: article)?|skip (?:to )?ad"
    r"|广告|реклама)[\W_]*$",
    re.I,
)


@dataclass
class Block:
    """One paragraph-like piece of text in document order."""

    text: str
    tag: str
    link_chars: int = 0
    strong: float = 0.0  # the share of its text inside <b>/<strong> (transcripts bold their questions)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


class Page:
    """The state of one page's analysis: votes per element and the furniture found on the way."""

    def __init__(self, body: LexborNode):
        self.body = body
        self.nodes: dict[int, LexborNode] = {}
        self.kinds: dict[int, int] = {}
        self.chains: list[tuple[int, tuple[int, ...]]] = []  # (size, ancestor ids) per voter
        self.mass: dict[int, float] = {}
        self.total = 0.0
        self.marked: set[int] = set()

    def kind(self, node: LexborNode) -> int:
        key = node.mem_id
        kind = self.kinds.get(key)
        if kind is None:
            kind = self.kinds[key] = furniture_kind(node)
        return kind

    def vote(self) -> None:
        """Record each voter's chain of ancestors; voters inside links do not vote."""
        chains: dict[int, tuple[int, ...] | None] = {}
        for node, size, itself in find_voters(self.body):
            chain = self.chain(node if itself else node.parent, chains)
            if chain is not None:
                self.chains.append((size, chain))
        self.count()

    def chain(self, start: LexborNode | None, memo: dict) -> tuple[int, ...] | None:
        """The ids of start and its ancestors below <html>; None inside a link. Memoized."""
        pending = []
        node = start
        result: tuple[int, ...] | None = ()
        while node is not None and node.tag != "html":
            key = node.mem_id
            if key in memo:
                result = memo[key]
                break
            if node.tag == "a":
                result = None
                break
            self.nodes[key] = node
            pending.append(key)
            node = node.parent
        for key in reversed(pending):
            result = None if result is None else (key, *result)
            memo[key] = result
        if result is None:
            for key in pending:
                memo[key] = None
        return result

    def count(self) -> None:
        mass: dict[int, float] = {}
        total = 0.0
        marked = self.marked
        for size, chain in self.chains:
            if marked and not marked.isdisjoint(chain):
                continue
            total += size
            for key in chain:
                mass[key] = mass.get(key, 0) + size
        self.mass, self.total = mass, total

    def mark_furniture(self) -> None:
        """Withdraw the votes of furniture that does not hold most of the text."""
        if self.marked:
            self.count()  # the caller's drops first, so that shares are measured without them
        for key, node in self.nodes.items():
            if node.tag in ("body", "main", "article"):
                continue
            kind = self.kind(node)
            if kind and not self.spared(node, kind):
                self.marked.add(key)
        if self.marked:
            self.count()

    def spared(self, node: LexborNode, kind: int) -> bool:
        share = self.mass.get(node.mem_id, 0) / self.total if self.total else 0
        if kind == LIKELY:
            return share > 0.4
        if share <= 0.5:
            return False
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        return bool(POSITIVE.search(names)) or node.css_first("h1") is not None

    def is_semantic(self, node: LexborNode) -> bool:
        if node.tag in SEMANTIC_TAGS:
            return True
        attrs = node.attributes
        if attrs.get("itemprop") in ("articleBody", "text") or attrs.get("role") == "main":
            return True
        return bool(CONTENT_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))

    def container(self, share: float = 0.6) -> LexborNode:
        """Descend from body while one child holds most of the votes; a lone child that says it is
        the article (article, main, an article-body class) counts SEMANTIC_WEIGHT times."""
        node, mass = self.body, self.mass
        while True:
            here = mass.get(node.mem_id, 0)
            children = [(child, mass[child.mem_id]) for child in node.iter() if child.mem_id in mass]
            if not children:
                return node
            best, best_mass = max(children, key=lambda pair: pair[1])
            semantic = [pair for pair in children if self.is_semantic(pair[0])]
            if len(semantic) == 1 and semantic[0][1] * SEMANTIC_WEIGHT > best_mass:
                best, best_mass = semantic[0][0], semantic[0][1] * SEMANTIC_WEIGHT
            if best_mass < share * here:
                return node
            node = best

    def skip(self, node: LexborNode) -> bool:
        """True for furniture met while reading the container."""
        key = node.mem_id
        if key in self.marked:
            return True
        if key in self.mass:
            return False  # it holds counted votes: not furniture
        return self.kind(node) != 0


def find_voters(body: LexborNode) -> list[tuple[LexborNode, int, bool]]:
    """Paragraph-like elements with their text size, and containers with their own loose text
    (these vote for themselves too: the third value)."""
    voters = []
    for node in body.css(VOTERS):
        text = node.text()
        if len(text) < MIN_PARAGRAPH:
            continue
        size = text_size(fold(text))
        if size < MIN_PARAGRAPH:
            continue
        links = sum(len(a.text()) for a in node.css("a"))
        if links <= 0.5 * size:
            voters.append((node, size, False))
    seen = set()
    parents = {}
    for br in body.css("br"):
        parent = br.parent
        if parent is not None and parent.tag not in VOTING_TAGS:
            parents[parent.mem_id] = parent
    for node in [*body.css(LOOSE_TEXT), *parents.values()]:
        text = node.text(deep=False)
        if len(text) < MIN_PARAGRAPH or node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        size = text_size(fold(text))
        if size >= MIN_PARAGRAPH:
            voters.append((node, size, True))
    return voters


class BlockReader:
    """An iterative walk that turns nested markup into a flat list of blocks."""

    _FLUSH = object()
    _LINK_END = object()
    _STRONG_END = object()

    def __init__(self, page: Page):
        self.page = page
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.link_depth = 0
        self.strong_depth = 0
        self.strong_chars = 0
        self.tag = "p"

    def flush(self) -> None:
        if self.parts:
            text = fold("".join(self.parts))
            if text and has_words(text):
                strong = min(1.0, self.strong_chars / len(text))
                self.blocks.append(Block(text, self.tag, min(self.link_chars, len(text)), strong))
        self.parts = []
        self.link_chars = self.strong_chars = 0

    def read(self, root: LexborNode) -> list[Block]:
        stack: list = [root]
        while stack:
            item = stack.pop()
            if item is self._FLUSH:
                self.flush()
            elif item is self._LINK_END:
                self.link_depth -= 1
            elif item is self._STRONG_END:
                self.strong_depth -= 1
            else:
                self.visit(item, stack)
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
        if tag is None or tag.startswith("-") or tag in SKIP_TAGS or (tag not in INLINE and self.page.skip(node)):
            return
        if tag == "br":
            self.flush()
            return
        if tag in BLOCK_TAGS:
            self.flush()
            self.tag = tag
            if tag in LEAF_TAGS and is_leaf(node):
                self.read_leaf(node, tag)
                return
            stack.append(self._FLUSH)
        elif tag == "a":
            self.link_depth += 1
            stack.append(self._LINK_END)
        elif tag in ("b", "strong"):
            self.strong_depth += 1
            stack.append(self._STRONG_END)
        children = list(node.iter(include_text=True))
        children.reverse()
        stack.extend(children)

    def read_leaf(self, node: LexborNode, tag: str) -> None:
        """A block that holds one run of text: read in one call."""
        text = fold(node.text())
        if not text or not has_words(text):
            return
        self.blocks.append(Block(text, tag, len(text) if self.link_depth else 0, 1.0 if self.strong_depth else 0.0))


def is_leaf(node: LexborNode) -> bool:
    """True when a block holds nothing but one run of text (then it is read in one call)."""
    child = node.child
    return child is not None and child.tag == "-text" and child.next is None


def keep_block(block: Block) -> bool:
    """False for link lists, leftover markup and other furniture inside the container."""
    density = block.link_density
    if density > 0.5 and len(block.text) < 400:
        return False
    if block.tag == "li" and density > 0.3:
        return False
    return MARKUP_TEXT.match(block.text) is None and FURNITURE_TEXT.match(block.text) is None


def main_blocks(tree: LexborHTMLParser, body: tuple[str, ...] = (), drop: list[str] | tuple[str, ...] = (),
                skip_ids: set | None = None, trust_body: bool = True) -> tuple[list[Block], LexborNode | None]:
    """The blocks of the page's main text, in order, and the element they were read from.

    `body` names selectors of a site's body element
    (the first that holds text wins over the generic container); `drop` names elements that are not
    body; `skip_ids` are elements (by mem_id) already used elsewhere, such as the standfirst. A body
    element that is not trusted (a template guessed from the markup) must hold most of the text."""
    page_body = tree.body
    if page_body is None:
        return [], None
    tree.strip_tags(JUNK_TAGS)
    page = Page(page_body)
    page.vote()
    for selector in drop:
        page.marked.update(node.mem_id for node in page_body.css(selector))
    page.marked.update(key for key in skip_ids or () if key is not None)
    page.mark_furniture()
    root = site_body(page_body, body)
    if root is not None and not trust_body and page.mass.get(root.mem_id, 0) < 0.5 * page.total:
        root = None
    if root is None:
        root = page.container() if page.total else page_body
    return [block for block in BlockReader(page).read(root) if keep_block(block)], root


def site_body(page_body: LexborNode, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        for node in page_body.css(selector)[:3]:
            if len(node.text(strip=True)) > 20:
                return node
    return None
