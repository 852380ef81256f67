"""Listing pages: the article links they hold and the address of the next page.

Items come from the site's selector when one is known, else from the best of three generic groups:
links that hold a headline element, headlines that hold a link, and the longest list of links with
headline-length text. The next page comes from rel=next, a "Next" link, a numbered pager, or the
script variables of a pager written by JavaScript (China MFA: currentPage / countPage).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract import dates
from briefarc.extract.links import resolve
from briefarc.extract.text import fold
from briefarc.models import ListingItem
from briefarc.patterns import lazy

HEADLINE_LINKS = "a[href]:has(h1, h2, h3, h4, h5)"
LINKED_HEADLINES = "h2 a[href], h3 a[href], h4 a[href], h5 a[href]"
LIST_LINKS = "li a[href]"
FURNITURE = lazy(r"\b(?:nav|menu|footer|sidebar|breadcrumb|header|related|social|share|lang)")
# a pager's link to the next page, in the sources' languages and their neighbours' ("Next »", "Page suivante",
# "Nächste Seite", "Siguiente", "Próxima", "Successiva", "Volgende", "Следующая страница", "下一頁", "次へ", "التالي")
NEXT_TEXT = lazy(r"^(?:next(?: page| results)?|older(?: posts| entries)?|more|›|»|>|>>|→"
                 r"|下一页|下一頁|下页|下頁|後頁|次へ|次のページ|다음"
                 r"|следующая(?: страница)?|далее|вперёд|вперед|(?:page )?suivante?"
                 r"|(?:página )?siguiente|próxima(?: página)?|seguinte|successiva|avanti|(?:nächste(?: seite)?)|weiter"
                 r"|volgende|التالي|التالية|الصفحة التالية|sonraki)\s*[›»>→]*$", re.I)
CURRENT = ".active, .current, [aria-current=page], .selected, .on, .cur"
MIN_TITLE = 15
MAX_ITEMS = 2000
# Class words of an element that holds an article's own text (furniture.CONTENT_NAMES less the page regions,
# "main-content", that a listing has too).
ARTICLE_BODY = lazy(r"^(?:.*[-_])?(?:article-?body|story-?body|entry-content|post-content|article-content"
                    r"|story-content|post-body|body-text|article-text|article__body|story__content)(?:[-_].*)?$", re.I)
LINKED_BODY = 0.5  # share of its text in links at which an article-body element holds a list of posts


def one_article_body(root: LexborNode | None, tree: LexborHTMLParser) -> bool:
    """Whether the body was read from the one element of the page whose class names it an article's text
    ("entry-content", "post-body"): a page of a single post, whatever links surround it. A listing of
    posts has one such element per excerpt, or none; a page's one such element that is mostly links holds
    a list of posts itself (a page of a CMS whose text is a block of the latest posts), and is no post.
    The class words are counted in one pass over the page, not asked of a CSS selector (a word such as
    "entry-content-²" is no identifier its parser reads, and a query per word would go over the page each time)."""
    if root is None:
        return False
    words = {word for word in (root.attributes.get("class") or "").split() if ARTICLE_BODY.match(word)}
    if not words:
        return False
    counts = dict.fromkeys(words, 0)
    for node in tree.css("[class]"):
        for word in (node.attributes.get("class") or "").split():
            if word in counts:
                counts[word] += 1
    if 1 not in counts.values():
        return False
    text = len(fold(root.text()))
    linked = sum(len(fold(link.text())) for link in root.css("a[href]"))
    return linked < LINKED_BODY * text




def _title_of(anchor: LexborNode) -> str:
    heading = anchor.css_first("h1, h2, h3, h4, h5") if _has_elements(anchor) else None
    return fold((heading or anchor).text())


def _has_elements(node: LexborNode) -> bool:
    """Whether an element holds other elements (most links hold text only: no selector is run on them)."""
    child = node.child
    while child is not None:
        tag = child.tag
        if tag is None or not tag.startswith("-"):
            return True
        child = child.next
    return False


def inside(node: LexborNode, tags: tuple[str, ...], names: re.Pattern[str], depth: int) -> bool:
    """True when one of the node's `depth` nearest ancestors has one of `tags`, or a class or id that `names`
    finds (navigation, footers, asides: furniture)."""
    current = node.parent
    for _ in range(depth):
        if current is None:
            return False
        if current.tag in tags:
            return True
        attrs = current.attributes
        if names.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()):
            return True
        current = current.parent
    return False


def _furniture(node: LexborNode) -> bool:
    return inside(node, ("nav", "footer", "aside", "header"), FURNITURE, 8)


def _group_lists(anchors: list[LexborNode]) -> list[LexborNode]:
    """The longest run of list links that share a list and read like headlines."""
    groups: dict[int, list[LexborNode]] = {}
    for anchor in anchors:
        item = anchor.parent
        while item is not None and item.tag != "li":
            item = item.parent
        holder = item.parent if item is not None else None
        if holder is not None:
            groups.setdefault(holder.mem_id, []).append(anchor)
    best: list[LexborNode] = []
    for group in groups.values():
        if len(group) <= len(best):
            continue  # its titles are not read
        long_titles = sum(len(fold(a.text())) >= MIN_TITLE for a in group)  # counted: no list of 100,000 titles
        if long_titles >= 0.6 * len(group) and not _furniture(group[0]):
            best = group
    return best


def candidate_anchors(tree: LexborHTMLParser, selector: str | None) -> list[LexborNode]:
    """Anchors of listing items: the site's, else the best generic group."""
    body = tree.body
    if body is None:
        return []
    if selector:
        found = [a for a in body.css(selector) if a.attributes.get("href") and _title_of(a)]
        if len(found) >= 3:
            return found
    for generic in (HEADLINE_LINKS, LINKED_HEADLINES):
        found = [a for a in body.css(generic) if len(_title_of(a)) >= MIN_TITLE]
        found = [a for a in found if not _furniture(a)]
        if len(found) >= 3:
            return found
    return _group_lists(body.css(LIST_LINKS))


def item_date(anchor: LexborNode, title: str) -> str | None:
    """A date beside the link ("(2020-07-03)"), in a date element inside it, or in its title."""
    holder = anchor.parent
    if holder is not None and holder.tag in ("li", "div", "p", "td", "article") and len(holder.css("a[href]")) == 1:
        outside = fold(holder.text()).replace(title, " ")
        value = dates.find_date(outside)
        if value:
            return value
    for node in anchor.css("time, [class*=date]"):
        value = dates.parse_date(node.attributes.get("datetime") or fold(node.text()))
        if value:
            return value
    return dates.find_date(title)


def listing_items(anchors: list[LexborNode], url: str | None) -> list[ListingItem]:
    """The items of the anchors, the first MAX_ITEMS of them (no real listing page holds more)."""
    return dated(listing_links(anchors, url))


def listing_links(anchors: list[LexborNode], url: str | None) -> list[tuple[LexborNode, str, str]]:
    """(anchor, title, address) of each item, without the dates, which cost more to find."""
    links = []
    seen = set()
    for anchor in anchors[:MAX_ITEMS]:
        title = _title_of(anchor)
        link = resolve(url, anchor.attributes.get("href")) if title else None
        if not link or link in seen:
            continue
        seen.add(link)
        links.append((anchor, title, link))
    return links


def dated(links: list[tuple[LexborNode, str, str]]) -> list[ListingItem]:
    return [ListingItem(title=title, url=link, published=item_date(anchor, title)) for anchor, title, link in links]


# --- next page ---------------------------------------------------------------------------------------

SCRIPT_VARS = lazy(r"var\s+(currentPage|countPage)\s*=\s*(\d+)")
CREATE_PAGE = lazy(r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([\w\-]+)['\"]"
                         r"\s*,\s*['\"](\w+)['\"]")
JOINED = lazy(r"""["']\s*\+\s*["']""")
NEXT_HREF = lazy(r"""["']([\w\-]+)_["']\s*\+\s*nextPage\s*\+\s*["']\.(\w+)\\?["']""")


def _pager_from_code(code: str) -> str | None:
    create = CREATE_PAGE.search(code)
    if create:
        count, current, stem, ext = int(create[1]), int(create[2]), create[3], create[4]
        return f"{stem}_{current + 1}.{ext}" if current + 1 < count else None
    values = dict((name, int(value)) for name, value in SCRIPT_VARS.findall(code))
    if "currentPage" not in values or "countPage" not in values:
        return None
    if values["currentPage"] + 1 >= values["countPage"]:
        return None
    href = NEXT_HREF.search(JOINED.sub("", code))
    stem, ext = (href[1], href[2]) if href else ("index", "html")
    return f"{stem}_{values['currentPage'] + 1}.{ext}"


def _numbered_next(body: LexborNode) -> str | None:
    """In a numbered pager, the link to the number after the current one."""
    for current in body.css(CURRENT)[:20]:
        text = fold(current.text())
        if not text.isdigit():
            continue
        wanted = str(int(text) + 1)
        holder = current.parent
        for _ in range(3):
            if holder is None:
                break
            for anchor in holder.css("a[href]"):
                if fold(anchor.text()) == wanted:
                    return anchor.attributes.get("href")
            holder = holder.parent
    return None


def pager_from_source(text: str) -> str | None:
    """The next page of a pager written by script, read from the page's source."""
    start = max(text.find("countPage"), text.find("createPageHTML"))
    if start < 0:
        return None
    return _pager_from_code(text[max(0, start - 2000): start + 4000])


def find_next_page(tree: LexborHTMLParser, url: str | None, hint: str | None = None) -> str | None:
    """rel=next (from the hint), a "Next" link, a numbered pager, or the scripted pager (the hint)."""
    body = tree.body
    href = None
    node = tree.css_first('a[rel~="next"][href]')
    if node is not None:
        href = node.attributes.get("href")
    if not href and body is not None:
        for anchor in body.css("a[href]"):
            if NEXT_TEXT.match(fold(anchor.text()) or (anchor.attributes.get("aria-label") or "")):
                href = anchor.attributes.get("href")
                break
    if not href and body is not None:
        href = _numbered_next(body)
    return resolve(url, href) or resolve(url, hint)
