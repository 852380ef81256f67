"""The page's headline, the element that shows its title, and the lines of text beside it, where the
date line and the byline of an article stand."""

from __future__ import annotations

from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from briefarc.extract.furniture import hides
from briefarc.extract.links import resolve
from briefarc.extract.pagesources import PageSources, node_text
from briefarc.extract.text import fold, folded_lines, without_permalink
from briefarc.urls import split


def headline(src: PageSources, title: str | None, styled: bool = False) -> LexborNode | None:
    """The element that shows the page's title: an h1 that does; else the first h1 when it reads as a
    headline (three words or more); else an h2 or h3 that shows the title (some templates keep h1 for
    the site's name); else the first h1. Found once per page and title.

    With `styled` and no h1 at all, the first element whose text is the title (page builders set the
    headline in a styled p or div). Only the date search asks for it: it runs on few pages (a briefing is
    dated by its title, and the search is left until wanted), where the byline search runs on every page,
    and reading the lines around such a headline cost 4.7% on China MFA pages, which have no h1."""
    key = ("headline", title)
    if key not in src.memo:
        src.memo[key] = _find_headline(src, title)
    found = src.memo[key]
    if found is not None or not styled or not title:
        return found
    key = ("styled headline", title)
    if key not in src.memo:
        src.memo[key] = _styled_headline(src, fold(title).casefold())
    return src.memo[key]


def _find_headline(src: PageSources, title: str | None) -> LexborNode | None:
    wanted = fold(title).casefold() if title else ""
    first = next(iter(src.h1s()), None)
    if not wanted:
        return first
    for node in src.h1s()[:8]:
        if _shows(node, wanted):
            return node
    if first is not None and len(node_text(first).split()) >= 3:
        return first
    for node in src.tree.css("h2, h3")[:60]:
        if _shows(node, wanted):
            return node
    return first


SHOWN_IN = frozenset({"p", "div", "span", "strong", "b"})


def _styled_headline(src: PageSources, wanted: str) -> LexborNode | None:
    """The element of the first text of the page's body that is the whole title, in a paragraph, a
    div or a span: not inside a link (a menu's or a card's item), a menu, an aside, a footer or a form,
    nor hidden; no script's or title's text."""
    body = src.tree.body
    if body is None:
        return None
    for node in body.traverse(include_text=True):
        parent = node.parent
        if node.tag == "-text" and parent is not None and parent.tag in SHOWN_IN \
                and fold(node.text_content or "").casefold() == wanted and not _set_apart(parent):
            return parent
    return None


def _set_apart(node: LexborNode) -> bool:
    """The element or one around it is a link, page furniture (NOT_TEXT) or hidden: its text is not the
    page's headline though it repeats the title (a related card, a menu item, a share dialog's copy)."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        if current.tag in SET_APART or hides(current.attributes):
            return True
        current = current.parent
    return False


def names_site(node: LexborNode, url: str | None) -> bool:
    """The element is the site's name, not a headline: all its text is a link to the home page
    (`<h1><a href="/">Site</a></h1>`, or the h1 inside such a link), as blog and site templates set their logo."""
    text = node_text(node)
    link = node.css_first("a[href]")
    if link is None or node_text(link) != text:
        link = next((parent for parent in (node.parent, node.parent.parent if node.parent else None)
                     if parent is not None and parent.tag == "a"), None)
    if not text or link is None:
        return False
    home = split(resolve(url, link.attributes.get("href")) or "")
    here = split(url or "")
    return home is not None and is_home(home.path, here.path if here is not None else None) and not home.query \
        and (here is None or not home.netloc or home.netloc == here.netloc)


INDEX_PAGES = ("index.html", "index.htm", "index.php")


def is_home(path: str, here: str | None) -> bool:
    """A link's path leads to the site's home page, or to the index file of a folder that holds this page (the
    home of a manual or a section, as documentation generators link their project's name: "index.html"),
    not to this page itself (a headline that links to its own article). A folder's address below the root
    ("/2025/12/talks/") is no home: it is how an article is addressed, and its headline links there from the
    article's AMP, print or second page, or from a copy saved without its URL."""
    if path in ("", "/"):
        return True
    folder, _, name = path.rpartition("/")
    if name not in INDEX_PAGES:
        return False
    if here is None:
        return True
    itself = here == path or here == folder + "/"  # this page, by its file's name or by its folder's
    return not itself and here.startswith(folder + "/")


def _shows(node: LexborNode, wanted: str) -> bool:
    text = without_permalink(node_text(node)).casefold()
    return bool(text) and (text == wanted or (len(text) >= 12 and wanted.startswith(text)))


# no part of the article's header: scripts, menus, forms
NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "-comment", "nav", "aside", "footer", "form",
                      "select", "button"})
SET_APART = NOT_TEXT | {"a"}


def _siblings(node: LexborNode, forward: bool) -> Iterator[LexborNode]:
    """The nodes after (or before) `node` in document order, one subtree at a time, climbing to the
    parents' siblings when a level runs out."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        sibling = current.next if forward else current.prev
        while sibling is not None:
            yield sibling
            sibling = sibling.next if forward else sibling.prev
        current = current.parent


def lines_beside(node: LexborNode, forward: bool, budget: int, memo: dict | None = None) -> list[str]:
    """The page's lines of text after (or before, nearest first) an element, up to `budget` characters;
    with a page's memo (PageSources.memo), each sibling's lines are read once for every budget asked."""
    lines: list[str] = []
    for found, size in _sibling_lines(node, forward) if memo is None else _remembered(memo, node, forward):
        lines.extend(found if forward else reversed(found))
        budget -= size
        if budget <= 0:
            break
    return lines


def _sibling_lines(node: LexborNode, forward: bool) -> Iterator[tuple[list[str], int]]:
    """The folded lines of each sibling _siblings gives that may be text, with their length in characters."""
    for sibling in _siblings(node, forward):
        if sibling.tag in NOT_TEXT:
            continue
        found = folded_lines(sibling.text(separator="\n") or "")
        yield found, sum(len(line) for line in found)


def _remembered(memo: dict, node: LexborNode, forward: bool) -> Iterator[tuple[list[str], int]]:
    """_sibling_lines, read as far as a caller has wanted them and kept in the page's memo."""
    read, rest = memo.setdefault(("lines beside", node.mem_id, forward), ([], _sibling_lines(node, forward)))
    index = 0
    while True:
        if index == len(read):
            following = next(rest, None)
            if following is None:
                return
            read.append(following)
        yield read[index]
        index += 1


def nearest_first(after: list[str], before: list[str]) -> list[str]:
    """The lines below and above the headline, ordered by how far (in characters) they stand from it."""
    placed = []
    for side, lines in enumerate((after, before)):
        distance = 0
        for line in lines:
            placed.append((distance, side, line))
            distance += len(line)
    return [line for _, _, line in sorted(placed, key=lambda item: item[:2])]
