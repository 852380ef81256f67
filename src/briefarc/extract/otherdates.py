"""Dates a page shows that are not its own: what stands in navigation, asides, footers and boxes of other
articles (a "most read" list, a sidebar, a related box: furniture), a quoted post's, a teaser card's of
another article, a cell's in a table of data. pagedates.py asks these of each date it finds."""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from briefarc.extract import dates, voters
from briefarc.extract.cards import leads_to
from briefarc.extract.furniture import COMMENTS, PROMO
from briefarc.extract.links import resolve
from briefarc.extract.pagesources import PageSources, node_text
from briefarc.extract.text import fold, folded_lines
from briefarc.patterns import lazy
from briefarc.urls import split

YEAR = lazy(r"\d{4}")  # no full date without its year (in any script's digits)
CLOSE_LINES = 4  # lines just under the headline: the article's, not a box of furniture's


NOT_THE_ARTICLE = lazy(rf"related|sidebar|recommend|{PROMO}|teaser|trending|popular|top-?bar|header-?date"
                       r"|most-?(?:read|viewed|shared|commented)")
FURNITURE_TAGS = ("nav", "footer", "li")


def names_comments(node: LexborNode) -> bool:
    """Whether one of the element's class or id words names a comment or a list of them."""
    return any(COMMENTS.match(word) for word in _names(node).split())


PARAGRAPH = 200  # characters of a line of the article's text, no label's nor date's


def close_lines(after: list[str]) -> list[str]:
    """The lines just under the headline (CLOSE_LINES at most), up to the first paragraph of the article's text:
    below a short article's text, a related box's teaser stands in the first lines too."""
    close = after[:CLOSE_LINES]
    return next((close[:index] for index, line in enumerate(close) if len(line) > PARAGRAPH), close)


def ancestors(node: LexborNode, depth: int = 12) -> list[LexborNode]:
    """The node's nearest ancestors below <body> (the body's classes describe the whole page: "no-sidebar")."""
    found: list[LexborNode] = []
    current = node.parent
    while current is not None and current.tag not in ("body", "html") and len(found) < depth:
        found.append(current)
        current = current.parent
    return found


def same_markup(node: LexborNode, other: LexborNode) -> bool:
    """node == other, as selectolax compares nodes (the same node, or the same serialized markup), without
    serializing two elements of different tags, whose markup always differs."""
    return node.mem_id == other.mem_id or (node.tag == other.tag and node.html == other.html)


def in_furniture(node: LexborNode, header: LexborNode | None = None) -> bool:
    """True when an element sits in navigation, an aside, a footer or a list of other articles; an
    aside of the headline's own header that holds nothing but the date is the article's dateline."""
    for parent in ancestors(node):
        names = _names(parent)
        if parent.tag in FURNITURE_TAGS or NOT_THE_ARTICLE.search(names) or names_comments(parent):
            return True
        if parent.tag == "aside" and not (header is not None and parent.parent == header
                                          and dates.is_date_line(node_text(parent))):
            return True
    return False


def _names(node: LexborNode) -> str:
    """The element's class and id, lower-cased."""
    return f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()


def of_another_thing(src: PageSources, headline: LexborNode, line: str, others: list[tuple[LexborNode, str]],
                      close: list[str], texts: dict[int, str] | None = None) -> bool:
    """Whether a date line by the headline is something else's: a quoted post's, a list item's or a card's of
    another article, a table's cell of data, a comment's, or (when not just under the headline) a furniture
    list's item. `texts`: the folded texts of `others` and their links read so far, by mem_id, kept by the caller
    for its next line (nested lists hold the same text many times over)."""
    return (_of_another_page(others, line, _addresses(src), texts) or _in_card(src, headline, line)
            or _in_data_table(src, line) or _in_comments(src, headline, line)
            or (line not in close and (_in_furniture_only(src, headline, line) or _in_masthead(src, headline, line))))


def _in_comments(src: PageSources, headline: LexborNode, line: str) -> bool:
    """Whether the date line is written only in the page's comments (outside the elements that hold the headline):
    a comment's date, however close under a short article it stands."""
    key = ("comments", headline.mem_id)
    if key not in src.memo:
        src.memo[key] = [" ".join(node.text(separator=" ").split()) for node in _outer_comments(src, headline)]
    return any(line in text for text in src.memo[key])


def _outer_comments(src: PageSources, headline: LexborNode) -> list[LexborNode]:
    """The page's comment elements that no other one holds (a reply's, within its thread, is read with it), and
    none that holds the headline."""
    around = {parent.mem_id for parent in ancestors(headline, 64)}
    return outermost(src.tree.css("[class*=omment], [id*=omment], [id*=disqus]"),
                     lambda node: node.mem_id not in around and names_comments(node))


def outermost(nodes: list[LexborNode], wanted: Callable[[LexborNode], bool]) -> list[LexborNode]:
    """The wanted elements of `nodes` (in document order) that no other wanted one holds. Each element's nearest
    ancestor among those looked up says whether a wanted one holds it: a deep nest is walked once, not once per
    level (its texts, one per level, would grow as the square of its depth)."""
    held: dict[int, bool] = {}  # element -> it is wanted or a wanted one holds it
    outer = []
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id not in held:
            parent = parent.parent
        inside = parent is not None and held[parent.mem_id]
        found = wanted(node)
        held[node.mem_id] = inside or found
        if found and not inside:
            outer.append(node)
    return outer


def in_caption(src: PageSources, line: str) -> bool:
    """Whether the line is written in a photo's caption: a <figcaption>, an element whose class or id names a
    caption, or an image's alt text that repeats it."""
    if "captions" not in src.memo:
        captions = outermost(src.tree.css("figcaption, [class*=caption], [id*=caption]"), lambda node: True)
        src.memo["captions"] = [" ".join(node.text(separator=" ").split()) for node in captions] + [
            " ".join((node.attributes.get("alt") or "").split()) for node in src.tree.css("img[alt]")]
    return any(line in text for text in src.memo["captions"])


def _in_masthead(src: PageSources, headline: LexborNode, line: str) -> bool:
    """Whether the date line is the site's masthead's (the day's edition a newspaper's header shows beside its
    logo): in a page header (<header>, role=banner) that links to the site's home page and does not hold the
    headline. A header inside an <article> or <main> is the article's own, whose breadcrumbs ("Home › Press")
    link home too."""
    key = ("mastheads", headline.mem_id)
    if key not in src.memo:
        around = {parent.mem_id for parent in ancestors(headline, 64)}
        src.memo[key] = [" ".join(node.text(separator=" ").split()) for node in src.tree.css("header, [role=banner]")
                         if node.mem_id not in around and headline.mem_id != node.mem_id
                         and not any(parent.tag in ("article", "main") for parent in ancestors(node, 64))
                         and any(_home(src, link) for link in node.css("a[href]")[:20])]
    return any(line in text for text in src.memo[key])


def _home(src: PageSources, link: LexborNode) -> bool:
    """Whether a link leads to the site's home page ("/", or the address of the site's root)."""
    href = (link.attributes.get("href") or "").strip()
    target = resolve(src.url, href) if src.url else href
    if not target:
        return False
    if target.startswith("/"):
        return target.split("?", 1)[0].split("#", 1)[0] == "/"
    parts = split(target)
    own = split(src.url or "")
    return parts is not None and parts.path in ("", "/") and not parts.query and (
        own is None or not own.netloc or parts.netloc == own.netloc)


def _of_another_page(others: list[tuple[LexborNode, str]], line: str, addresses: tuple[str, ...] = (),
                     texts: dict[int, str] | None = None) -> bool:
    """A date line that belongs to something else the page shows: a quoted or embedded post (a
    blockquote), or a list item beside a link to another page (a related or latest article). An item
    whose title links to the page itself (the author's list of posts, this one among them) is this
    page's. `others` holds the page's blockquotes and list items with their raw text; `texts`, see of_another_thing."""
    year = YEAR.search(line)
    if texts is None:
        texts = {}

    def shown(node: LexborNode) -> str:
        key = node.mem_id
        text = texts.get(key)
        if text is None:
            text = texts[key] = node_text(node)
        return text

    for node, text in others:
        if year is None or year.group() not in text or line not in shown(node):
            continue
        if node.tag == "blockquote":
            return True
        links = [link for link in node.css("a") if shown(link) and line not in shown(link)]
        if links and not any(len(shown(link).split()) >= CARD_WORDS
                             and leads_to((link.attributes.get("href") or "").strip(), addresses) for link in links):
            return True
    return False


CARD_TEXT = 300  # characters of a teaser card of another article, at most
CARD_LEVELS = 3  # levels above a card's heading where its date is looked for
CARD_WORDS = 4  # words of a linked heading that names another article (not an author's name or a section's)


def _in_card(src: PageSources, headline: LexborNode, line: str) -> bool:
    """Whether the date line is a teaser card's: a short element that holds a heading linked to another
    article (h2 to h4, in or around a link, of CARD_WORDS words or more) and the date, and not the headline
    ("Budget talks resume" over "March 21, 2025" in a row of top stories above the article). A card that
    links to the page itself (its URL or canonical one: a sidebar's "Recent posts") dates the page."""
    key = ("cards", headline.mem_id)
    if key not in src.memo:
        src.memo[key] = _cards(src, headline)
    return any(line in text for text in src.memo[key])


def _cards(src: PageSources, headline: LexborNode) -> list[str]:
    """The texts of the page's teaser cards that hold a year (see _in_card). A heading's own text is judged before
    its link is looked for; whether a card holds an h1 is read from the ids of the h1s and their ancestors."""
    shown, addresses = node_text(headline), _addresses(src)
    holds_h1 = {key for h1 in src.tree.tags("h1") for key in voters.ancestors(h1)}  # as card.css_first("h1") tells
    found: list[str] = []
    for heading in src.tree.css("h2, h3, h4"):
        text = node_text(heading)
        if len(text.split()) < CARD_WORDS or text == shown or same_markup(heading, headline):
            continue
        around = heading.parent
        link = heading.css_first("a[href]") or (around if around is not None and around.tag == "a" else None)
        if link is None or leads_to((link.attributes.get("href") or "").strip(), addresses):
            continue
        card: LexborNode | None = heading
        for _ in range(CARD_LEVELS):
            card = card.parent if card is not None else None
            if card is None or card.tag in ("body", "html", "main", "article"):
                break
            whole = node_text(card)
            if len(whole) > CARD_TEXT or card.mem_id in holds_h1 \
                    or any(same_markup(node, headline) for node in card.traverse()):
                break
            if whole != text and YEAR.search(whole):
                found.append(whole)
                break
    return found


DATA_DATES = 3  # cells that hold nothing but a date: a table's column of days (a time series), not a byline
DATE_CELL = 60  # characters of a cell read as a date alone, at most


def _in_data_table(src: PageSources, line: str) -> bool:
    """Whether the date line is the whole text of a table cell, in a table where DATA_DATES cells or more hold
    nothing but a date (a column of days in a table of data, "1/1/2013 +13.1%"), and the page writes it nowhere
    else (the date under the headline may be a row of a table of recent briefings too)."""
    if "date cells" not in src.memo:
        src.memo["date cells"] = _date_cells(src)
    return line in src.memo["date cells"]


def _date_cells(src: PageSources) -> set[str]:
    """The texts that the page writes only in cells that hold one date alone (one text node), in tables with
    DATA_DATES such cells or more: one pass over the cells, each read only when it holds a single text, and one
    over the page's texts when some are found."""
    tables: dict[int, list[LexborNode]] = {}
    for cell in src.tree.css("td, th"):
        child = cell.child
        if child is None or child.tag != "-text" or child.next is not None:
            continue
        text = fold(child.text_content or "")
        if len(text) > DATE_CELL or not YEAR.search(text) or not dates.is_date_line(text):
            continue
        table = cell.parent
        for _ in range(3):  # the row, a tbody, the table
            if table is None or table.tag == "table":
                break
            table = table.parent
        if table is not None and table.tag == "table":
            tables.setdefault(table.mem_id, []).append(child)
    texts = {node.mem_id: fold(node.text_content or "") for nodes in tables.values() if len(nodes) >= DATA_DATES
             for node in nodes}
    found = set(texts.values())
    body = src.tree.body
    if found and body is not None:
        for node in body.traverse(include_text=True):
            if node.tag == "-text" and node.mem_id not in texts:
                found.discard(fold(node.text_content or ""))
    return found


# the class and id words of NOT_THE_ARTICLE's boxes that hold lists of other articles, for one selector (each
# element found is then asked of NOT_THE_ARTICLE itself)
FURNITURE_WORDS = ("related", "sidebar", "recommend", "trending", "popular", "teaser", "most-read", "mostread",
                   "most-viewed", "mostviewed")
FURNITURE_BOXES = "nav, footer, " + ", ".join(f"[class*={word}], [id*={word}]" for word in FURNITURE_WORDS)


def _in_furniture_only(src: PageSources, headline: LexborNode, line: str) -> bool:
    """Whether the date line is an item's of a list of other articles in furniture that does not hold the
    headline (a "most read" list, a sidebar's or a related box's: each item a linked title of CARD_WORDS words
    or more, and its date). A column of the post's own meta may be named a sidebar, and its byline may stand in
    a list item (list items are left to _of_another_page). The same line written in the article too gives
    the same day: it needs no counting."""
    key = ("furniture boxes", headline.mem_id)
    if key not in src.memo:
        src.memo[key] = _furniture_boxes(src, headline)
    addresses = _addresses(src)
    for box, text in src.memo[key]:
        if line in text and any(node.tag == "-text" and line in folded_lines(node.text_content or "")
                                and _item_of_a_list(node, addresses) for node in box.traverse(include_text=True)):
            return True
    return False


def _furniture_boxes(src: PageSources, headline: LexborNode) -> list[tuple[LexborNode, str]]:
    """The outermost elements that NOT_THE_ARTICLE names (or nav, footer) and that do not hold the headline,
    with their texts."""
    body = src.tree.body
    if body is None:
        return []
    around = {parent.mem_id for parent in ancestors(headline, 64)}
    found = [node for node in body.css(FURNITURE_BOXES) if node.mem_id not in around and (
        node.tag in ("nav", "footer") or NOT_THE_ARTICLE.search(_names(node)))]
    chosen = {node.mem_id for node in found}
    return [(node, " ".join(node.text(separator=" ").split())) for node in found  # (a line holds no line break)
            if not any(parent.mem_id in chosen for parent in ancestors(node, 64))]


def _item_of_a_list(node: LexborNode, addresses: tuple[str, ...]) -> bool:
    """Whether the nearest short element around the text (CARD_LEVELS levels up, CARD_TEXT characters at most)
    that holds a link of CARD_WORDS words or more holds only links to other pages: a teaser's title beside its
    date. An item that links to the page itself, or to nothing (a sidebar's "Recent posts" with this post's
    item unlinked), dates the page."""
    item = node.parent
    for _ in range(CARD_LEVELS):
        if item is None or item.tag in ("body", "html", "main") or len(node_text(item)) > CARD_TEXT:
            return False
        titles = [(link.attributes.get("href") or "").strip() for link in item.css("a[href]")
                  if len(node_text(link).split()) >= CARD_WORDS and (node.text_content or "") not in link.text()]
        if titles or item.tag in ("li", "article"):  # an item's own element: no title in it, no teaser
            return bool(titles) and not any(leads_to(href, addresses) for href in titles)
        item = item.parent
    return False


def _addresses(src: PageSources) -> tuple[str, ...]:
    """The page's own addresses: its URL and its canonical one."""
    return tuple(filter(None, (src.url, src.links.get("canonical"))))
