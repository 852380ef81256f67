"""Teasers of other articles set among the article's blocks ("Heiß, heißer...", its picture, a few lines
and "Weiterlesen"): a card whose heading is wholly a link to another page, which the card links to again
(its picture, a "read more"), in few words. Their text is another article's opening, never this one's."""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborNode

from briefarc.extract.links import resolve
from briefarc.extract.text import fold
from briefarc.patterns import lazy
from briefarc.urls import AUTHORITY_END, hostname

CARD_TEXT = 500  # characters a teaser card holds at most
CARD_LEVELS = 4  # levels above its heading where a card's second link to the same page is looked for
LONE_CARDS = 2  # cards alike (tag and class), at most: more are the article's own list (courses, webcams...)
LINKED_HEADINGS = "h2 > a[href], h3 > a[href], h4 > a[href]"
ABSOLUTE = lazy(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)  # a link with its own scheme or host


def teaser_cards(body: LexborNode, shown: frozenset[str] = frozenset(), addresses: tuple[str, ...] = ()) -> set[int]:
    """The mem_ids of the teaser cards under `body`. A card leads to another page of the same site (the
    host of one of `addresses`, the page's own: its URL and its canonical one, which an AMP copy's links lead
    to; without any, a relative link): not to the page itself (a short post whose heading and picture link to
    its own address), nor to another site (a roundup's sources). A heading that shows the page's own title
    (`shown`, casefolded) heads no card."""
    headed: list[tuple[LexborNode, LexborNode, str]] = []
    for link in body.css(LINKED_HEADINGS):
        heading = link.parent
        href = (link.attrs.get("href") or "").strip()
        if heading is None or not href or href.startswith("#"):
            continue
        whole, linked = heading.text(), link.text()
        text = fold(linked)
        if not text or (whole != linked and fold(whole) != text) or text.casefold() in shown:
            continue
        if not another_page_of_the_site(href, addresses):
            continue
        headed.append((heading, link, href))
    if not headed:
        return set()
    found: dict[tuple[str, str], list[int]] = {}  # cards by their tag and class
    sizes: dict[int, int] = {}  # text sizes measured: each element once, however many headings it holds
    links: dict[int, Counter[str]] = {}  # the links each element holds, by address: each element once too
    for heading, _link, href in headed:
        card = _card(heading, href, sizes, links)
        if card is not None:
            found.setdefault((card.tag or "", card.attributes.get("class") or ""), []).append(card.mem_id)
    return {card for cards in found.values() if len(cards) <= LONE_CARDS for card in cards}


def another_page_of_the_site(href: str, addresses: tuple[str, ...]) -> bool:
    """Whether the link leads to another page of the page's own site (see teaser_cards): of the site of one of
    its addresses, and none of them."""
    if not addresses:
        return not ABSOLUTE.match(href)
    if href.startswith("/") and not href.startswith("//"):  # a path of this site (most links): no joining
        return not any(_same_page(href, _path(address)) for address in addresses)
    target = href if href.startswith(("http://", "https://")) else resolve(addresses[0], href)
    if target is None or not target.startswith(("http://", "https://")):
        return False
    site, path = _site(hostname(target)), _path(target)
    return any(_site(hostname(address)) == site for address in addresses) and not any(
        _same_page(path, _path(address)) for address in addresses)


def leads_to(href: str, addresses: tuple[str, ...]) -> bool:
    """Whether a link leads to the page of one of its `addresses` (absolute): a sidebar's card of the page itself."""
    for address in addresses:
        target = href if ABSOLUTE.match(href) else resolve(address, href)
        if target and _site(hostname(target)) == _site(hostname(address)) and _same_page(_path(target), _path(address)):
            return True
    return False


def _path(url: str) -> str:
    """The path and query of an absolute address ("/" for none): its scheme and host ("http://", "www.", capitals)
    say nothing of which page of its site it is."""
    end = AUTHORITY_END.search(url, url.find("//") + 2)
    if end is None:
        return "/"
    return url[end.start():] if url[end.start()] != "#" else "/"


def _same_page(path: str, own: str) -> bool:
    """Whether a path (and query) of the site is the page's own: the same path, and the same query or none
    (the page's address may carry a tracker's query: "?utm_source=feed")."""
    path, _, query = path.split("#", 1)[0].partition("?")
    own_path, _, own_query = own.split("#", 1)[0].partition("?")
    return path.rstrip("/") == own_path.rstrip("/") and (not query or query == own_query)


def _site(host: str) -> str:
    return host.removeprefix("www.")


def _card(heading: LexborNode, href: str, sizes: dict[int, int],
          links: dict[int, Counter[str]]) -> LexborNode | None:
    """The smallest element above the heading that links to `href` again, if it is short. The links of an
    element are counted once, whatever number of headings it holds (a grid's links were once gone over
    once per heading)."""
    card = heading.parent
    for _ in range(CARD_LEVELS):
        if card is None or card.tag in ("body", "main", "html"):
            return None
        size = sizes.get(card.mem_id)
        if size is None:
            size = sizes[card.mem_id] = len(fold(card.text()))
        if size > CARD_TEXT:
            return None
        held = links.get(card.mem_id)
        if held is None:
            held = links[card.mem_id] = Counter((a.attrs.get("href") or "").strip() for a in card.css("a[href]"))
        if held[href] > 1:  # the heading's link and another
            return card
        card = card.parent
    return None
