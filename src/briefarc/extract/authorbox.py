"""The author an author's box names, for an article whose metadata and byline name no one: a link to the
author's other articles ("View all posts by Jane Roe"), an "About the author" label over her name or her
biography, or a closing biography alone ("Jane Roe is a freelance journalist based in Lagos."). Blogs,
company sites and opinion pages often name their author only there; news agencies in their lead's first
words ("By Jane Roe WASHINGTON, Dec 20 (Reuters) - ..."), which the text's first lines are read for."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from briefarc.extract.labels import person_zh_form
from briefarc.extract.pagesources import PageSources, node_text
from briefarc.extract.text import cjk_count, fold
from briefarc.patterns import lazy

# "All posts by", "More articles from", "Alle Beiträge von", "Tous les articles de", "Más artículos de",
# "Todos os artigos de", "Все статьи автора": the name follows. A link saying "More stories from" ("Más
# artículos de", "Mais artigos de") leads as often to a section's or a source's articles ("More stories from
# Hong Kong", "... from Reuters"): the groups named from_* count only in a link to an author's page (AUTHOR_PAGE)
ALL_BY = lazy(
    r"^(?:(?:view|see|read|browse)\s+)?(?:all|more)\s+(?:blog\s+)?(?:posts|articles|stories|entries|content)"
    r"\s+(?:(?:by|written\s+by)\s+(?P<en>.+)|from\s+(?P<from_en>.+))"
    r"|^alle\s+(?:beiträge|artikel)\s+von\s+(?P<de>.+?)(?:\s+anzeigen)?$"
    r"|^(?:voir\s+)?tous\s+les\s+articles\s+de\s+(?P<fr>.+)"
    r"|^(?:ver\s+)?(?:todas\s+las\s+entradas|todos\s+los\s+artículos)\s+de\s+(?P<es>.+)"
    r"|^(?:ver\s+)?más\s+artículos\s+de\s+(?P<from_es>.+)"
    r"|^(?:ver\s+)?todos\s+os\s+(?:posts|artigos)\s+de\s+(?P<pt>.+)"
    r"|^(?:ver\s+)?mais\s+artigos\s+de\s+(?P<from_pt>.+)"
    r"|^все\s+(?:статьи|публикации|материалы)\s+автора\s+(?P<ru>.+)",
    re.I,
)
ARROWS = " →›»>"  # after the name in the link: "View all posts by Jane Roe <span class="meta-nav">→</span>"
AUTHOR_PAGE = lazy(r"[/?&](?:authors?|autor(?:es|in)?|auteurs?|writers?|contributors?|columnists?|people|profiles?"
                   r"|staff|team|users?)\b", re.I)  # "/author/jane-roe", "/team/jane-roe", "?author=12"
ARTICLE_ELEMENT = "article, [itemprop=articleBody], main"
# the links that may say so, found by the words before the name (a search of every link's text would cost more)
BY_LINKS = ", ".join([*(f"{tag}[{name}*=' {word} ' i]" for tag, name in (("a", "aria-label"), ("button", "aria-label"),
                      ("a", "title")) for word in ("by", "from", "von", "de", "автора")),
                      *(f'a:lexbor-contains(" {word} " i)' for word in ("by", "from", "von", "de", "автора"))])
ABOUT_LABEL = lazy(
    r"^(?:about\s+the\s+(?:author|writer)s?|meet\s+the\s+author|(?:the\s+)?author(?:'s|’s)?\s+bio(?:graphy)?"
    r"|über\s+(?:den\s+autor|die\s+autorin)|à\s+propos\s+de\s+l(?:'|’)auteur|sobre\s+(?:el|la|o|a)\s+autora?"
    r"|об\s+авторе|关于作者|عن\s+الكاتب)\s*[:：]?$",
    re.I,
)
# a biography's first words: "Jane Roe is a reporter", "Dr. Jane Roe has written"
BIOGRAPHY = lazy(r"^((?:Dr\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*){1,3}),?\s+(?:is|was|has|holds|serves|works"
                 r"|writes|joined|leads)\s")
# what a biography says she does, soon after her name: any word of a role after a label; alone, that she is
# a writer ("is a freelance travel writer", "has been the paper's correspondent", "serves as an editor"), not
# words of a role anywhere after a name ("Donald Trump has been ordered to pay the writer E. Jean Carroll")
ROLE_WORDS = lazy(r".*?\s(?:a|an|the|our)\s", re.I | re.S)
ROLE = lazy(r",?\s+(?:is|has\s+been|serves\s+as|works\s+as)\s+(?:a|an|the|our)\s+(?:[\w'’&,-]+\s+){0,4}?"
            r"(?:writer|editor|journalist|reporter|author|correspondent|columnist|contributor|blogger|analyst"
            r"|researcher|fellow|professor)s?\b", re.I)
# an agency's lead: "By" and the name, then the dateline's place in capitals ("By Jane Roe WASHINGTON, ...")
WIRE_LEAD = lazy(r"^(?i:by)\s+((?:(?:[A-Z][a-z][\w'’.-]*|and|&),?\s+){1,9}?)[A-Z][A-Z-]{2,}(?:\s+[A-Z][A-Z-]+)*\s*"
                 r"[,(:–—-]")  # and a second name: "By Jane Roe and John Doe WASHINGTON (Reuters) -"
BY_LINE = lazy(r"^(?i:by)\s+(.{3,60})$")  # a line of its own: "By Jane Roe"
# A Chinese agency's lead: where and when it was filed, then its reporters ("新华社北京3月14日电（记者李明远、王芳）",
# "中新网北京3月14日电 (记者 张三)"): the names, two to four characters each (a dot in a transliterated one).
CHINESE_WIRE_LEAD = lazy(r"^[^。，,（(]{2,40}?电\s*[（(]\s*(?:记者|通讯员)\s*"
                         r"([\u4e00-\u9fff·]{2,6}(?:\s*[、，,\s]\s*[\u4e00-\u9fff·]{2,6}){0,5})\s*[）)]")
LEAD = 2  # paragraphs at the head of the article where an agency's lead stands
ROLE_REACH = 60  # characters after the name
TAIL = 8  # paragraphs at the foot of the article where an author's box stands
CLOSING = 2  # of them, the last ones that may be a biography without a label
FOLLOWING = 3  # lines after the label that may hold the name
# what a box's button says, not a name
CONTROL_TEXT = lazy(r"^(?:this|the|our)\s+author$|^(?:learn|read|see|view)\s+more$"
                    r"|^(?:view|see)\s+(?:full\s+)?profile$", re.I)


def author_from_links(src: PageSources) -> str | None:
    """The name a link to the author's other articles gives ("View all posts by Jane Roe"), in its text, its
    aria-label or its title; or None. A link inside the article's element comes first: a sidebar that lists
    other writers' posts may stand before it."""
    body = src.tree.body
    if body is None:
        return None
    article = src.tree.css_first(ARTICLE_ELEMENT)
    inside = {node.mem_id for node in article.css(BY_LINKS)} if article is not None else set()
    first = None  # the first name outside the article, taken when no link inside gives one
    for node in body.css(BY_LINKS):  # each link read once
        name = _link_name(node)
        if name and node.mem_id in inside:
            return name
        first = first or name
    return first


def _link_name(node: LexborNode) -> str | None:
    attrs = node.attributes
    author_page = AUTHOR_PAGE.search(attrs.get("href") or "") is not None
    for text in (node_text(node), attrs.get("aria-label"), attrs.get("title")):
        name = _all_by(text, author_page)
        if name:
            return name
    return None


def author_from_paragraphs(paragraphs: list[str]) -> str | None:
    """The name a byline opening the text gives ("By Jane Roe", or an agency's lead: "By Jane Roe WASHINGTON,
    Dec 20 (Reuters) - ..."), or the one an author's box at the foot of the article gives: an "About the
    author" label over her name or her biography, or a closing biography alone ("Jane Roe is a freelance
    journalist based in Lagos.")."""
    for line in paragraphs[:LEAD]:
        match = WIRE_LEAD.match(line) or BY_LINE.match(line)
        name = _name(match[1]) if match else None
        if name:
            return name
    tail = paragraphs[-TAIL:]
    for index, line in enumerate(tail):
        if len(line) <= 40 and ABOUT_LABEL.match(line):
            for following in tail[index + 1:index + 1 + FOLLOWING]:
                name = (_name(following) if len(following) <= 60 else None) or _biography(following, ROLE_WORDS)
                if name:
                    return name
    for line in tail[-CLOSING:]:
        name = _biography(line, ROLE)
        if name:
            return name
    return None


def author_from_wire_lead(paragraphs: list[str]) -> str | None:
    """The reporters a Chinese agency's lead names ("新华社北京3月14日电（记者李明远）": 李明远), as written, several
    joined by "、". The lead says the page is a news report, whatever its metadata says."""
    for line in paragraphs[:LEAD]:
        match = CHINESE_WIRE_LEAD.match(line) if _may_be_wire_lead(line) else None
        if match:
            return "、".join(re.split(r"\s*[、，,\s]\s*", match[1]))
    return None


def _may_be_wire_lead(line: str) -> bool:
    """Whether the line holds what CHINESE_WIRE_LEAD needs: 电 in its first 41 characters, a bracket, and 记者 or
    通讯员. The pattern's classes of Han characters cost 22.5M instructions to compile (re expands them one code
    point at a time), which a page without such a lead is spared."""
    return "电" in line[:41] and ("（" in line or "(" in line) and ("记者" in line or "通讯员" in line)


def _biography(line: str, role: re.Pattern[str]) -> str | None:
    """The name a biography opens with, when the words after it say what she does (`role`, matched there)."""
    match = BIOGRAPHY.match(line)
    if not match or not role.match(line, match.end(1), match.end(1) + ROLE_REACH):
        return None
    return _name(match[1])


def _all_by(text: str | None, author_page: bool) -> str | None:
    """The name after "All posts by" (ALL_BY) in a link's text, aria-label or title; after "More stories from"
    only in a link to an author's page (`author_page`)."""
    match = ALL_BY.match(fold(text)) if text and len(text) <= 120 else None
    if not match or not match.lastgroup or (match.lastgroup.startswith("from_") and not author_page):
        return None
    return _name(match[match.lastgroup].rstrip(ARROWS))


def _name(text: str) -> str | None:
    from briefarc.extract.authors import clean_author, looks_like_name

    name = clean_author(text)
    if not name or CONTROL_TEXT.match(name) or not looks_like_name(name):
        return None
    if cjk_count(name) and not person_zh_form(name):
        return None  # "关于作者" over "本文仅代表作者观点" (the article speaks for its author only): no name
    return name
