"""Main-text detection and boilerplate removal.

1. Parts a script streams into place are put there (briefarc.extract.streamed); tags that never hold
   body text (scripts, form fields...) are removed.
2. Paragraph-like elements vote for their ancestors with the size of their text; elements that only
   hold loose text (between <br>s, or beside blocks) vote with that text (briefarc.extract.voters).
3. Page furniture (navigation, comments, related links, share bars, captions, hidden blocks...) is
   recognised from tag, class, id, role and style (briefarc.extract.furniture); its votes are
   withdrawn unless it holds so much of the text that it must be the article itself. Hidden blocks
   go first, so that the shares of the rest are measured on the text a reader sees; a panel that a
   control opens (aria-controls) is not hidden furniture; a page builder's block word ("widget")
   marks nothing where such blocks hold the text, nor a block that holds one subheading. A teaser of
   another article set among the paragraphs (briefarc.extract.cards) is furniture too.
4. From <body>, the walk descends while one child holds most of the votes (an article/main element
   counts double; the branch of the visible headline is preferred) and the element's own paragraphs
   hold little of them: that element is the container.
   It is never a list or a table of data, nor one of several sections alike. When the headline lies
   outside it, the blocks of paragraphs between the headline and it (no picture: not a caption, a card
   or an author's box) are the article's opening and are read first.
5. The container's blocks are read in order, skipping furniture and link lists (a list item partly
   made of links is kept when prose follows it); a run of blocks the page renders twice (one variant
   per screen size) is read once.
6. A cascade: a pass that keeps too little is followed by a looser one (class and id words mark
   furniture only where links or size bear them out); a page that still gives nothing is read with
   no class or id word marking anything; a page with no text outside <noscript> (or only a shell's scraps,
   "Loading…") gives that text.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract.blocks import PROSE, Block, BlockReader, drop_tail
from briefarc.extract.cards import teaser_cards
from briefarc.extract.furniture import (
    CONTENT_NAMES,
    LIKELY,
    PLAIN,
    SMALL_FURNITURE,
    corroborated,
    furniture_kind,
    is_hidden,
    layout_word_only,
    names_kind,
    names_of,
    names_only,
    weak_word_only,
)
from briefarc.extract.streamed import place_streamed_parts
from briefarc.extract.text import fold, folded_size, text_size
from briefarc.extract.voters import (
    BODY_CLASS_PARAGRAPHS,
    MIN_PARAGRAPH,
    VOTING_TAGS,
    ancestors,
    corroborated_group,
    find_voters,
    first_visible,
)
from briefarc.patterns import lazy

# Tags whose content is never body text (a form field's text is what a reader may type or copy; an AMP
# page's advertisement holds its placeholder's and fallback's text: "Advertisement", "Ad failed to load").
JUNK_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "textarea", "select",
             "amp-ad", "amp-embed", "amp-sticky-ad"]

# Class or id words of furniture that may still be the article when it holds most of the text.
POSITIVE = lazy(r"content|article|body|main|post|story|entry|text")
# Class or id words of the element that holds the article's body and nothing else.
BODY_NAMES = lazy(r"entry-content|post-content|article-?body|story-?body|article-content|post-body|article__body")
SEMANTIC_TAGS = frozenset({"article", "main"})
SEMANTIC_WEIGHT = 2.5  # a lone article/main child is chosen when it holds a quarter of the text
LIKELY_SHARE = 0.4  # likely furniture that holds more than this share of the text is the article
LIST_TAGS = frozenset({"ul", "ol", "dl"})  # never the container: read with the text around them
# Sections of one article: the chosen child has ALIKE_COUNT siblings or more of its tag and class, each
# with ALIKE_SIZE votes, holding ALIKE_SHARE of the votes together.
ALIKE_COUNT = 2
ALIKE_SIZE = 200
ALIKE_SHARE = 0.15
# The walk stops at an element whose own paragraphs (not those of a child) hold this share of its votes.
OWN_SHARE = 0.2
NEAR_TITLE_SHARE = 0.5  # the branch that holds the headline wins when it holds half the votes of the biggest
REPEAT_RUN = 3  # a run of this many blocks that the page repeats (REPEAT_LENGTH long together) is read once
REPEAT_LENGTH = 200
MIN_INTRO = 200  # votes of a block between the headline and the container for it to open the article
INTRO_PARAGRAPHS = 0.5  # the share of such a block's text that paragraphs hold
# Elements whose furniture kind is remembered (a real page has far fewer; the kind of one beyond them is
# judged again when asked again): a list of 100,000 links would keep one for every item and link read.
KINDS_KEPT = 20_000


class Page:
    """The state of one page's analysis: votes per element and the furniture found on the way.

    Each element seen on the way up from a voter is kept once, with its parent and depth, and the
    voters' sizes are added up per element they vote for, so that counting the votes is one pass
    over those elements and one over all, however deep the page and however many its voters (a
    table's 100,000 cells vote for their few thousand rows)."""

    def __init__(self, body: LexborNode, names_alone: bool = True, class_words: bool = True,
                 like: Page | None = None):
        self.body = body
        self.names_alone = names_alone  # whether class and id words mark furniture without corroboration
        self.class_words = class_words  # whether class and id words mark furniture at all
        self.nodes: dict[int, LexborNode] = {}
        self.parents: dict[int, int | None] = {}
        self.depths: dict[int, int] = {}
        self.kinds: dict[int, int] = {}
        self.folded: dict[int, str] = {}  # the folded text of elements read whole, by mem_id
        self.votes: dict[int, int] = {}  # the voters' sizes added up, by the id of the element voted for
        self.mass: dict[int, float] = {}
        self.total = 0.0
        self.marked: set[int] = set()
        self.body_classes: set[str | None] | None = None
        self.built: bool | None = None  # whether a page builder's blocks hold most of the text
        self.twice: frozenset[str] | None = None  # the texts of paragraphs said more than once (repeated())
        self.h1_holders: set[int] | None = None  # the h1s and their ancestors (holds_h1)
        self.order: list[int] | None = None  # the elements voted through, the shallowest first (count)
        self.title_path: set[int]
        self.toggled: frozenset[str]
        if like is not None:  # another reading (same class_words): what does not depend on names_alone
            self.title_path, self.toggled, self.kinds = like.title_path, like.toggled, like.kinds
            self.nodes, self.parents, self.depths, self.votes = like.nodes, like.parents, like.depths, like.votes
            self.body_classes, self.folded = like.body_classes, like.folded
            return
        # the document's h1s are the body's (no h1 stays in <head>), found without parsing a selector
        self.title_path = ancestors(first_visible(body.parser.tags("h1")))
        self.toggled = frozenset(key for control in body.css("[aria-controls]")
                                 for key in (control.attributes.get("aria-controls") or "").split())

    def kind(self, node: LexborNode, tag: str | None = None) -> int:
        """The element's furniture kind, remembered for the next reading for up to KINDS_KEPT elements; `tag`:
        the node's, when the caller has read it."""
        key = node.mem_id
        kind = self.kinds.get(key)
        return self.judged(node, key, tag) if kind is None else kind

    def judged(self, node: LexborNode, key: int, tag: str | None) -> int:
        """The element's furniture kind judged (not remembered yet), and remembered; `key`: its mem_id."""
        kind = furniture_kind(node, self.toggled, tag)
        if kind and not self.class_words and names_only(node):
            kind = 0
        if len(self.kinds) < KINDS_KEPT:
            self.kinds[key] = kind
        return kind

    def vote(self) -> None:
        """Record each voter's element and its ancestors; voters inside links do not vote."""
        if self.votes:  # taken from another reading of the page
            self.count()
            return
        in_link: dict[int, bool] = {}
        votes = self.votes
        for node, size, itself in find_voters(self.body, self.folded):
            start = node if itself else node.parent
            if start is not None and not self.climb(start, in_link):
                key = start.mem_id
                votes[key] = votes.get(key, 0) + size
        self.count()

    def climb(self, start: LexborNode, in_link: dict[int, bool]) -> bool:
        """Record start and its ancestors below <html> (each once); True when start is inside a link."""
        pending = []
        node: LexborNode | None = start
        linked, depth = False, -1
        while node is not None and node.tag != "html":
            key = node.mem_id
            if key in in_link:
                linked, depth = in_link[key], self.depths.get(key, -1)
                break
            pending.append(node)
            node = node.parent
        parent = node.mem_id if node is not None and node.tag != "html" else None
        for node in reversed(pending):
            key = node.mem_id
            linked = linked or node.tag == "a"
            depth += 1
            in_link[key] = linked
            if not linked:
                self.nodes[key], self.parents[key], self.depths[key] = node, parent, depth
            parent = key
        return linked

    def count(self) -> None:
        """Votes per element: each voter's size, added up the tree, leaving out what furniture holds."""
        if self.order is None:  # the elements do not change once the votes are in: sorted once
            self.order = sorted(self.depths, key=self.depths.__getitem__)
        order = self.order
        blocked: set[int] = set()
        if self.marked:
            for key in order:
                if key in self.marked or self.parents[key] in blocked:
                    blocked.add(key)
        mass: dict[int, float] = {}
        total = 0.0
        for key, size in self.votes.items():
            if key not in blocked:
                total += size
                mass[key] = size
        parents = self.parents
        for key in reversed(order):
            value = mass.get(key)
            parent = parents[key]
            if value and parent is not None:
                mass[parent] = mass.get(parent, 0) + value
        self.mass, self.total = mass, total

    def mark_furniture(self) -> None:
        """Withdraw the votes of furniture that does not hold most of the text: hidden blocks first,
        so that the shares of the others are measured on the text a reader sees."""
        if self.marked:
            self.count()  # the caller's drops first, so that shares are measured without them
        for hidden_only in (True, False):
            found = False
            for key, node in self.nodes.items():
                tag = node.tag
                if tag in ("body", "main", "article") or key in self.marked:
                    continue
                kind = self.kinds.get(key)
                if kind is None:
                    kind = self.judged(node, key, tag)  # judged in the first pass, asked again in the second
                if kind and (not hidden_only or is_hidden(node)) and not self.spared(node, kind):
                    self.marked.add(key)
                    found = True
            if found:
                self.count()

    def spared(self, node: LexborNode, kind: int) -> bool:
        share = self.mass.get(node.mem_id, 0) / self.total if self.total else 0
        if kind == PLAIN and node.mem_id in self.title_path and names_only(node):
            return True  # no sidebar or comment section holds the page's headline
        if names_only(node) and (not self.names_alone or self.builder_block(node)):
            # a word such as "sidebar" in a layout wrapper's class: the wrapper holds the headline;
            # a word such as "widget" around paragraphs: they are long and hold few links
            if share > 0.5 and layout_word_only(node):
                return True  # a layout wrapper that holds most of the page is the page, links or not
            if not (kind == PLAIN and not self.holds_h1(node)) and not self.corroborated(node):
                return True
        if kind == LIKELY:
            return share > LIKELY_SHARE
        if share <= 0.5:
            return False
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        return bool(POSITIVE.search(names)) or self.holds_h1(node)

    def corroborated(self, node: LexborNode) -> bool:
        """Whether the element its class or id words call furniture looks like it (furniture.corroborated); its
        text read only here, when no other evidence settled it (each of 8,000 nested comments read its own)."""
        size = folded_size(node.text(), SMALL_FURNITURE)  # only compared with SMALL_FURNITURE
        if (size < SMALL_FURNITURE and self.builder_block(node) and names_the_block_only(node)
                and holds_prose(node, self.repeated())):
            size = SMALL_FURNITURE  # a small block of the builder's that holds prose needs links against it
        return corroborated(node, size)

    def holds_h1(self, node: LexborNode) -> bool:
        """Whether the element is or holds an h1 (as node.css_first("h1") finds one), from the h1s' ancestors
        gathered once: asked of each of 8,000 nested comments, the selector walked each one's whole nest."""
        if self.h1_holders is None:
            self.h1_holders = set()
            for h1 in self.body.parser.tags("h1"):
                node_up: LexborNode | None = h1
                while node_up is not None and node_up.mem_id not in self.h1_holders:
                    self.h1_holders.add(node_up.mem_id)
                    node_up = node_up.parent
        return node.mem_id in self.h1_holders

    def repeated(self) -> frozenset[str]:
        """The texts of paragraphs the page says more than once, found on first need."""
        if self.twice is None:
            seen: set[str] = set()
            twice: set[str] = set()
            for text in self.folded.values():
                (twice if text in seen else seen).add(text)
            self.twice = frozenset(twice)
        return self.twice

    def builder_block(self, node: LexborNode) -> bool:
        """Whether the element is one of a page builder's blocks ("widget") on a page whose text those
        blocks hold for the most part: there they are the article's blocks too, not a sidebar's."""
        if not weak_word_only(node):
            return False
        if self.built is None:
            blocks = {key for key, item in self.nodes.items() if weak_word_only(item) and names_only(item)}
            outer = 0.0
            for key in blocks:
                parent = self.parents[key]
                while parent is not None and parent not in blocks:
                    parent = self.parents[parent]
                if parent is None:
                    outer += self.mass.get(key, 0)
            self.built = bool(self.total) and outer > LIKELY_SHARE * self.total
        return self.built

    def intro(self, root: LexborNode) -> list[LexborNode]:
        """The blocks that read like the article's opening between the visible headline and the
        container, in order: below the element that holds both, the siblings after the headline's
        branch and before the container's, then at each level down to the container those before it."""
        if not self.title_path or root.mem_id in self.title_path:
            return []
        branch = [root]  # the container and its ancestors below the one that holds the headline
        node = root.parent
        while node is not None and node.mem_id not in self.title_path:
            branch.append(node)
            node = node.parent
        if node is None or node.mem_id == self.body.mem_id:
            return []
        found: list[LexborNode] = []
        after_title = False
        for child in node.iter():
            if child.mem_id == branch[-1].mem_id:
                break
            if child.mem_id in self.title_path:
                after_title = True
            elif after_title and self.opening(child):
                found.append(child)
        for level in range(len(branch) - 1, 0, -1):
            for child in branch[level].iter():
                if child.mem_id == branch[level - 1].mem_id:
                    break
                if self.opening(child):
                    found.append(child)
        return found

    def opening(self, node: LexborNode) -> bool:
        """A block of paragraphs with counted votes and no picture (a caption, a card, a quoted
        speaker's box have one)."""
        if self.mass.get(node.mem_id, 0) < MIN_INTRO or node.css_first("img, picture") is not None:
            return False
        return sum(len(p.text()) for p in node.css("p")) >= INTRO_PARAGRAPHS * len(node.text())

    def is_body(self, node: LexborNode) -> bool:
        attrs = node.attributes
        if attrs.get("itemprop") == "articleBody":
            return True
        return bool(BODY_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))

    def is_semantic(self, node: LexborNode) -> bool:
        if node.tag in SEMANTIC_TAGS:
            return True
        attrs = node.attributes
        if attrs.get("itemprop") in ("articleBody", "text") or attrs.get("role") == "main":
            return True
        return bool(CONTENT_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()))

    def container(self, share: float = 0.6) -> LexborNode:
        """Descend from body while one child holds most of the votes; a lone child that says it is
        the article (article, main, an article-body class) counts SEMANTIC_WEIGHT times. The walk stops
        at the element that says it is the article's body, at one whose own paragraphs hold OWN_SHARE of
        its votes, and above a list, a table of data or one of several sections alike."""
        node, mass = self.body, self.mass
        while True:
            if node is not self.body and self.is_body(node):
                return node  # the element that says it is the article's body holds all of it
            children = [(child, mass[child.mem_id]) for child in node.iter() if child.mem_id in mass]
            if not children:
                return node
            here = mass.get(node.mem_id, 0)
            if node is not self.body and here - sum(value for _, value in children) >= OWN_SHARE * here:
                return node  # its own paragraphs would be left out below it
            best, best_mass = self.best_child(children)
            if self.stops_above(best, best_mass, children, here, share):
                return node
            node = best

    def best_child(self, children: list[tuple[LexborNode, float]]) -> tuple[LexborNode, float]:
        best, best_mass = max(children, key=lambda pair: pair[1])
        titled = [pair for pair in children if pair[0].mem_id in self.title_path]
        if titled and titled[0][1] >= NEAR_TITLE_SHARE * best_mass:
            best, best_mass = titled[0]  # the text nearest the headline, not merely the most
        semantic = [pair for pair in children if self.is_semantic(pair[0])]
        if len(semantic) == 1 and semantic[0][1] * SEMANTIC_WEIGHT > best_mass:
            best, best_mass = semantic[0][0], semantic[0][1] * SEMANTIC_WEIGHT
        return best, best_mass

    def stops_above(self, best: LexborNode, best_mass: float, children: list[tuple[LexborNode, float]],
                    here: float, share: float) -> bool:
        """Whether the walk stays above `best`: it holds too little, it is a list or a table of data
        (read with the text around them), or it is one of several sections alike."""
        if best_mass < share * here or best.tag in LIST_TAGS or self.data_table(best, share):
            return True
        name = best.attributes.get("class")
        alike = [value for child, value in children if child is not best and child.tag == best.tag
                 and child.attributes.get("class") == name and value >= ALIKE_SIZE]
        needed = 1 if name is None else ALIKE_COUNT  # bare blocks of paragraphs: one sibling is enough
        return len(alike) >= needed and sum(alike) > ALIKE_SHARE * here

    def data_table(self, node: LexborNode, share: float) -> bool:
        """A table whose text is spread over its rows (a table of data, not one that lays out a page)."""
        if node.tag != "table":
            return False
        rows = [self.mass.get(row.mem_id, 0) for row in node.css("tr")]
        return len(rows) > 1 and max(rows) < share * self.mass.get(node.mem_id, 0)

    def skip(self, node: LexborNode, tag: str | None = None) -> bool:
        """True for furniture met while reading the container; `tag`: the node's, when the caller has read it."""
        key = node.mem_id
        if key in self.marked:
            return True
        if key in self.mass:
            return False  # it holds counted votes: not furniture
        kind = self.kinds.get(key)
        if kind is None:
            kind = self.judged(node, key, tag)
        if kind and names_only(node):
            if (tag or node.tag) in VOTING_TAGS:
                return node.attributes.get("class") not in self.paragraph_classes()
            if self.builder_block(node) and heading_only(node):
                return False  # a page builder's heading block: the article's subheading
            if not self.names_alone or self.builder_block(node):  # a block of text with few links is read
                return corroborated(node, folded_size(node.text(), SMALL_FURNITURE))
        return kind != 0

    def paragraph_classes(self) -> set[str | None]:
        """Classes that a furniture word names but that the page's paragraphs wear: several paragraphs
        of one class, long and with few links, are the article ("contextmenu Body")."""
        if self.body_classes is None:
            groups: dict[str | None, list[LexborNode]] = {}
            for node in self.body.css("p[class]"):
                groups.setdefault(node.attributes.get("class"), []).append(node)
            self.body_classes = set()
            for name, nodes in groups.items():
                if len(nodes) >= BODY_CLASS_PARAGRAPHS and not corroborated_group(nodes):
                    self.body_classes.add(name)
        return self.body_classes


def main_blocks(tree: LexborHTMLParser, body: tuple[str, ...] = (), drop: list[str] | tuple[str, ...] = (),
                skip_ids: set | None = None, trust_body: bool = True,
                shown: frozenset[str] = frozenset(),
                addresses: tuple[str, ...] = ()) -> tuple[list[Block], LexborNode | None]:
    """The blocks of the page's main text, in order, and the element they were read from.

    `body` names selectors of a site's body element
    (the first that holds text wins over the generic container); `drop` names elements that are not
    body; `skip_ids` are elements (by mem_id) already used elsewhere, such as the standfirst. A body
    element that is not trusted (a template guessed from the markup) must hold most of the text;
    `shown`: texts the page shows apart from its body (its title, its standfirst), casefolded; `addresses`:
    the page's own, its URL and its canonical one (a teaser of another page of its site is furniture, see
    cards.py).

    A cascade: when the first reading keeps too little of the page's text, a second one lets class
    and id words mark furniture only where links or size bear them out; when that still gives nothing,
    or too little and nothing but scraps besides the title and standfirst shown again, a third lets
    them mark nothing (tags, roles and hidden styles still do); when the page has no text outside
    <noscript>, or only a shell's scraps ("Loading…") where <noscript> holds paragraphs, that text is read."""
    page_body = tree.body
    if page_body is None:
        return [], None
    hidden = [node.html or "" for node in tree.tags("noscript")]
    place_streamed_parts(tree)
    tree.strip_tags(JUNK_TAGS)
    skip_ids = {*(skip_ids or ()), *teaser_cards(page_body, shown, addresses), *dropped(page_body, drop)}
    choice = Reading(page_body, body, skip_ids, trust_body)
    if choice.too_little():
        looser = Reading(page_body, body, skip_ids, trust_body, names_alone=False, like=choice.page)
        if looser.size > choice.size and not choice.nearer_title(looser, shown):
            choice = looser
    if not choice.blocks or (choice.too_little() and choice.next_to_nothing(shown)):
        loosest = Reading(page_body, body, skip_ids, trust_body, names_alone=False, class_words=False)
        if loosest.size > choice.size:
            choice = loosest
    if (not choice.blocks or choice.next_to_nothing(shown)) and any(hidden):
        inner = LexborHTMLParser(f"<html><body>{''.join(hidden)}</body></html>")
        if inner.body is not None:
            inner.strip_tags([tag for tag in JUNK_TAGS if tag != "noscript"])
            fallback = Reading(inner.body)
            if fallback.blocks and (not choice.blocks or not fallback.next_to_nothing(shown)):
                return fallback.blocks, page_body
    return choice.blocks, choice.root


def dropped(page_body: LexborNode, drop: list[str] | tuple[str, ...]) -> set[int]:
    """The ids of the elements a site's `drop` selectors name, found once for every reading of the page (one
    search for all of them: a search costs as much again for each selector of a list)."""
    return {node.mem_id for node in page_body.css(", ".join(drop))} if drop else set()


NEAR_TITLE_SIZE = 500  # text size of a reading that can stand against a larger one further from the headline


def names_the_block_only(node: LexborNode) -> bool:
    """Whether the builder's class words name no furniture once the word "widget" is cut out of them
    ("elementor-widget-text-editor"): "builder-widget-cookie", "widget_newsletter" or "elementor-widget-author-box"
    say what the small block is, prose or not."""
    return names_kind(names_of(node).lower().replace("widget", " ")) in (None, 0)


def holds_prose(node: LexborNode, repeated: frozenset[str] = frozenset()) -> bool:
    """Whether a paragraph of prose is in the element: PROSE characters at least, under a third of them links,
    and said once on the page (a promotion's line comes back: "Intuitive trainer software... Try it")."""
    for paragraph in node.css("p"):
        text = fold(paragraph.text())
        if (len(text) >= PROSE and text not in repeated
                and sum(len(fold(a.text())) for a in paragraph.css("a")) < 0.3 * len(text)):
            return True
    return False


def meeting_depth(node: LexborNode, branch: set[int]) -> int:
    """How deep in the page the element's first ancestor (or itself) in `branch` is: the number of its ancestors."""
    current: LexborNode | None = node
    while current is not None and current.mem_id not in branch:
        current = current.parent
    depth = 0
    while current is not None:
        depth += 1
        current = current.parent
    return depth


class Reading:
    """One pass over the page: votes, furniture, container, blocks."""

    def __init__(self, page_body: LexborNode, body: tuple[str, ...] = (), skip_ids: set | None = None,
                 trust_body: bool = True, names_alone: bool = True, class_words: bool = True,
                 like: Page | None = None):
        page = self.page = Page(page_body, names_alone, class_words, like)
        page.vote()
        self.voted = page.total
        page.marked.update(key for key in skip_ids or () if key is not None)
        page.mark_furniture()
        root = site_body(page_body, body)
        if root is not None and not trust_body and page.mass.get(root.mem_id, 0) < 0.5 * page.total:
            root = None
        chosen = root is None
        if root is None:
            root = page.container() if page.total else page_body
        self.root = root
        reader = BlockReader(page, page.folded)
        if chosen:
            for node in page.intro(root):
                reader.read(node)
        reader.read(root)
        self.blocks = once(drop_tail(reader.settle()))
        self.size = sum(len(block.text) for block in self.blocks)

    def next_to_nothing(self, shown: frozenset[str]) -> bool:
        """Whether the blocks, less the `shown` texts (the title, the standfirst again), are scraps of a
        page's shell ("Menu", "Sign in"): none long enough to vote as a paragraph. A short caption or
        description is a page's own text (a video's), not a sign that its article was missed."""
        return all(text_size(block.text) < MIN_PARAGRAPH for block in self.blocks
                   if block.text.casefold() not in shown)

    def nearer_title(self, other: Reading, shown: frozenset[str]) -> bool:
        """Whether this reading is the article under the headline and `other` is text elsewhere: this one
        holds paragraphs (NEAR_TITLE_SIZE at least), and its container meets the headline's branch lower down
        than the other's, which does not hold the headline (a sidebar's long widget beside a short post)."""
        title = self.page.title_path
        if not title or other.root.mem_id in title or self.size < NEAR_TITLE_SIZE or self.next_to_nothing(shown):
            return False
        return meeting_depth(self.root, title) > meeting_depth(other.root, title)

    def too_little(self) -> bool:
        """True when the blocks hold under a third of the text that voted, or nothing at all."""
        return self.size < min(0.33 * self.voted, 1500) or not self.blocks


def heading_only(node: LexborNode) -> bool:
    """Whether the element holds one subheading (h2-h6) and nothing else: no link, no other text."""
    heading = node.css_first("h2, h3, h4, h5, h6")
    if heading is None or node.css_first("a") is not None:
        return False
    return fold(heading.text()) == fold(node.text())


def once(blocks: list[Block]) -> list[Block]:
    """The blocks without a second copy of a run of them (REPEAT_RUN blocks in a row, long together):
    the copies a page renders for other screen sizes. A single block that repeats (a table's cells, a
    plan's steps) is kept."""
    texts = [block.text for block in blocks]
    lengths = [len(text) for text in texts]
    first: dict[tuple[str, ...], int] = {}
    dropped: set[int] = set()
    for index in range(len(texts) - REPEAT_RUN + 1):
        if sum(lengths[index:index + REPEAT_RUN]) < REPEAT_LENGTH:
            continue
        window = tuple(texts[index:index + REPEAT_RUN])
        seen = first.setdefault(window, index)
        if seen + REPEAT_RUN <= index:
            dropped.update(range(index, index + REPEAT_RUN))
    return [block for index, block in enumerate(blocks) if index not in dropped]


def site_body(page_body: LexborNode, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        for node in page_body.css(selector)[:3]:
            if holds_text(node, 20):
                return node
    return None


LOOKED_AT = 64  # nodes walked for holds_text before the whole text is read at once


def holds_text(node: LexborNode, size: int) -> bool:
    """Whether the element's text, each run stripped, is longer than `size` (len(node.text(strip=True)) > size):
    its first runs most often tell, where the whole text of a site's body element is the whole article."""
    total = 0
    for index, item in enumerate(node.traverse(include_text=True)):
        if index > LOOKED_AT:
            return len(node.text(strip=True)) > size
        if item.tag == "-text":
            total += len((item.text_content or "").strip())
            if total > size:
                return True
    return False
