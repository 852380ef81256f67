"""The author, by a cascade: JSON-LD persons, the author meta tags, byline elements, a "By ..." line
beside the headline, a link to the author's other articles (extract/authorbox.py), and JSON-LD
organisations last. A name is read as the page writes it: several authors keep the page's own "A, B and
C"; a role or a credit glued after a name ("Jane RoeTech Reporter") is left out; a name that is the
site's own is an organisation, not a person."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract.authorbox import author_from_links
from briefarc.extract.boilerplate import TAXONOMY
from briefarc.extract.furniture import COMMENTS
from briefarc.extract.headline import headline, lines_beside, names_site
from briefarc.extract.pagesources import PageSources, node_text
from briefarc.extract.text import fold, fold_entities
from briefarc.patterns import lazy

AUTHOR_META = (
    "author", "article:author", "sailthru.author", "parsely-author", "dc.creator", "byl", "dcterms.creator",
)
BYLINE = ("[itemprop=author], [rel=author], [class*=byline i], [class*=author i], [class*=writer i], "
          "a[href*='/author/'], a[href*='/authors/']")
# BYLINE searched with one test of the links' addresses instead of two (a quarter of the search's cost): see bylines
BYLINE_SEARCH = ("[itemprop=author], [rel=author], [class*=byline i], [class*=author i], [class*=writer i], "
                 "a[href*='/author']")
# byline labels in the sources' languages: "By", "Written by:", "Von", "Publié par", "Escrito por",
# "Автор:", "作者：", "بقلم"
BY_PREFIX = lazy(
    r"^\s*(?:(?:written|posted|published|reviewed|authored|words|text|recipe|guide|article|story|review|reporting)"
    r"\s+by|by|author(?:ed)?|von|verfasst von|autor(?:in)?"
    r"|auteur(?:e)?|publié par|écrit par|rédigé par|par|autora?|escrito por|publicado por|por|di|scritto da"
    r"|автор|от|текст"
    r"|作者|文|记者|بقلم|كتب|الكاتب)"
    r"(?:\s*[:：|]\s*|\s+|(?<=by)(?=[A-Z]))",
    re.I,
)
# not names: labels, and the controls an author widget holds ("Follow", "Get Alerts", "View profile")
NOT_AUTHOR = lazy(r"^(?:by|the author|authors?|admin|administrator|staff|unknown|anonymous|name|posted|updated"
                        r"|published|written|follow|unfollow|subscribe|share|contact|e-?mail|bio|more|see more"
                        r"|(?:view|see) (?:full )?profile|(?:get|email) alerts|trusted source)$", re.I)
NOT_A_NAME = lazy(r"https?://|www\.|@|\d")
OTHER_LABEL = lazy(r"^(?:source|quelle|fuente|fonte|источник|来源)\s*[:：]", re.I)  # beside TAXONOMY's labels
# what a menu browses or sorts by, in the sources' languages: "By Category" beside the headline is a menu's link,
# "Par catégorie", "Por fecha", "Von A bis Z" no byline either
BROWSE_FACET = lazy(
    r"^(?:categor(?:y|ies)|topics?|tags?|subjects?|sections?|themes?|dates?|years?|months?|popularity|relevance"
    r"|price|brands?|manufacturers?|products?|types?|regions?|countr(?:y|ies)|locations?|industr(?:y|ies)|sectors?"
    r"|genres?|series|formats?|languages?|ratings?|keywords?|a[- ]z|a bis z"
    r"|cat[ée]gories?|th[èe]mes?|sujets?|rubriques?|categorías?|temas?|fechas?|pa[íi]s(?:es)?"
    r"|kategorien?|rubriken?|themen?|datum|jahr)$", re.I)


AFTER_NAME = lazy(r"\s+[|•·–—-]\s+|\s{2,}|,?\s+(?:updated|published|posted|on behalf of)\b", re.I)
# the author's address after the name: "Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Jane Roe <jane@example.org>"
CONTACT = lazy(r"\s*[(<\[]\s*(?:https?://|www\.|mailto:|[\w.+-]+@)[^()<>\[\]]*[)>\]]\s*$")
PLACEHOLDER = lazy(r"\{\{|\}\}|^\w+(?:\.\w+){3,}$")  # "{{ author }}", "page.head.extra.author"


def clean_author(text: str | None) -> str | None:
    """The name in a byline text: its label ("By", "Recipe by"), the author's address after it, a role after a
    dash or a bar, and a date before a middle dot ("Dec. 19, 2025 · Niko Matsakis") left out."""
    if not text:
        return None
    text = CONTACT.sub("", BY_PREFIX.sub("", fold_entities(text))).strip(" \"'“”«»")
    if NOT_AUTHOR.match(text) or BROWSE_FACET.match(text) or labels_something_else(text):
        return None
    parts = AFTER_NAME.split(text)
    while len(parts) > 1 and any(char.isdigit() for char in parts[0]):
        parts = parts[1:]  # a date or a time stands before the name
    text = parts[0].strip(" ,;:-–—•·|")
    if re.search(r"spokes(?:person|man|woman)", text, re.I):
        return None  # a speaker line ("Tammy Bruce, Department Spokesperson"), not an author
    if not text or len(text) > 80 or NOT_A_NAME.search(text) or len(text.split()) > 8 or PLACEHOLDER.search(text):
        return None
    return text


def labels_something_else(text: str) -> bool:
    """A line labelled as something else than the author, once a byline's label is taken off: a taxonomy's
    ("Category: Politik" after a lone "Von", "Tags: Wahl") or a source's ("Source: Reuters"). Other labels are
    a role's ("Reporter: Jane Roe"): the name stays with them, as before."""
    return TAXONOMY.match(text) is not None or OTHER_LABEL.match(text) is not None


# a line that only labels the name on the next one: "Written by", "By:", "Jun 2 Written By", "Author"
LABEL_LINE = lazy(r"^(?:\w[\w ]{0,14}\s)?by\s*:?$"
                        r"|^(?:authors?|contributors?|autor|auteur|von|par|por|автор|作者)\s*[:：]?$", re.I)
# a label line or a line that opens with a byline label: LABEL_LINE.search or BY_PREFIX.match in one call
# (LABEL_LINE's alternatives are all anchored at the start: searching it is matching it)
BYLINE_START = lazy(f"(?:{LABEL_LINE.pattern})|(?:{BY_PREFIX.pattern})", re.I)
NOT_A_BYLINE = lazy(r"^(?:powered|hosted|built|made|designed|sponsored|presented|provided|created|developed"
                          r"|inspired|followed|filter|sort|shop|browse|search"
                          # a credit for a picture ("Photo by", "Cover image by", "Foto von"), not for the text: the
                          # label follows the picture's word ("Photos and text by", "Photo essay by" are bylines)
                          r"|(?:\w+\s+)?(?:photos?|photograph\w*|images?|pictures?|illustrations?|videos?|graphics?"
                          r"|artwork|fotos?|bild|imagen|фото)(?=\s*(?:by|von|de|por|par|di)?\s*[:：]?\s*$"
                          r"|\s+(?:by|von|de|por|par|di)\b))", re.I)
REVIEWER = lazy(r"^(?:medically\s+|expert\s+)?(?:reviewed|fact[- ]checked|edited|illustrated|photographed)"
                      r"\s+by\b", re.I)
NOT_BYLINE = lazy(r"comment|avatar|description|\bbio|image|photo", re.I)
INITIALS = lazy(r"^[A-Z]{1,3}$")
BYLINE_TEXT = 200  # a longer element is an author's box with a biography, or not a byline at all
JOINS = {",": ", ", "and": " and ", "&": " & ", ", and": ", and ", ", &": ", & "}
PARTICLES = frozenset({"dr", "dr.", "the", "van", "der", "de", "da", "di", "del", "von", "la", "le", "du", "bin", "al",
                       "and", "&"})


def name_from_lines(lines: list[str]) -> str | None:
    """The name a byline's lines of text give: label lines and initials skipped, names joined by "and", "&" or a
    comma kept together ("A, B and C"), a role on a later line ("Tech Reporter") left out."""
    labels = [index for index, line in enumerate(lines[:3]) if LABEL_LINE.search(line)]
    lines = lines[labels[-1] + 1:] if labels else lines
    if len(lines) > 1 and INITIALS.match(lines[0]):
        lines = lines[1:]  # an author picture's stand-in: "NB" over "Nicole Burke"
    if not lines:
        return None
    name, index = lines[0], 1
    while index + 1 < len(lines) and lines[index].casefold() in JOINS and clean_author(lines[index + 1]):
        name += JOINS[lines[index].casefold()] + lines[index + 1]
        index += 2
    if index == 1:
        return clean_author(name)
    # "A, B, and C": each name is checked and cleaned, not the whole ("A and B - Staff writers" keeps no role)
    pieces = NAME_SEPARATOR.split(BY_PREFIX.sub("", name).strip(" ,"))
    names = [clean_author(piece) for piece in pieces[::2]]
    if not all(names):
        return None
    pieces[::2] = names
    return "".join(pieces)


def text_lines(node) -> list[str]:
    return [line for line in (fold(part) for part in (node.text(separator="\n") or "").split("\n")) if line]


def byline_search(src: PageSources) -> list[LexborNode]:
    """What tree.css(BYLINE_SEARCH) gives, searched once a page: the bylines and the author links are read from it."""
    if "byline search" not in src.memo:
        src.memo["byline search"] = src.tree.css(BYLINE_SEARCH)
    return src.memo["byline search"]


def bylines(src: PageSources) -> list[LexborNode]:
    """What tree.css(BYLINE) gives: its elements in the page's order, each once for each of BYLINE's selectors it
    matches (lexbor's search of a list of selectors gives an element once per selector, one after the other).
    BYLINE_SEARCH finds the same elements and links that BYLINE does not (an address with "/authority"); how
    many times BYLINE gives a link is asked of BYLINE itself, searching the link alone."""
    found: list[LexborNode] = []
    previous, times = None, 0
    for node in [*byline_search(src), None]:
        if node is not None and previous is not None and node.mem_id == previous.mem_id:
            times += 1
            continue
        if previous is not None:
            if previous.tag == "a":
                times = sum(match.mem_id == previous.mem_id for match in previous.css(BYLINE))
            found.extend([previous] * times)
        previous, times = node, 1
    return found


def author_links(src: PageSources) -> list[LexborNode]:
    """What tree.css(AUTHOR_LINKS) gives, read from BYLINE_SEARCH's elements (which hold all of its): each element
    once for each selector of AUTHOR_LINKS it matches, in the page's order. How many times a link is given is asked
    of AUTHOR_LINKS itself, searching the link alone (an SVG link's address is its xlink:href); another element is
    given once when its rel is "author", which lexbor compares without regard to case."""
    found: list[LexborNode] = []
    previous = None
    for node in byline_search(src):
        if previous is not None and node.mem_id == previous.mem_id:
            continue  # the search gives an element once for each of its selectors it matches
        previous = node
        if node.tag == "a":
            found.extend(match for match in node.css(AUTHOR_LINKS) if match.mem_id == node.mem_id)
        elif (node.attributes.get("rel") or "").lower() == "author":
            found.append(node)
    return found


def article_bylines(src: PageSources) -> list[LexborNode]:
    """The page's first byline elements that may name the article's author: not a comment's, not an author box's
    picture or description, not a link to a topic's page. Found once a page (the author's search and the last date
    fallback both read them)."""
    if "bylines" not in src.memo:
        src.memo["bylines"] = [node for node in bylines(src)[:12]
                               if not NOT_BYLINE.search(node.attributes.get("class") or "")
                               and not in_comments(node) and not names_a_topic(node)]
    return src.memo["bylines"]


def author_from_byline(src: PageSources, own: Collection[str] = ()) -> str | None:
    """The first byline element that gives a name: not a comment's author, nor an author box's picture
    (its initials) or description (a role); a name that is the site's own (`own`, lower-cased) only when no
    other byline names someone (a company's blog lists itself beside the person who wrote the article)."""
    nodes = article_bylines(src)
    first = None
    for node in nodes[:6]:
        value = clean_author(node.attributes.get("content"))
        if not value and len(node_text(node)) <= BYLINE_TEXT:
            value = name_from_lines(without_topics(node))
            value = value if value and looks_like_name(value) else None
        if value and value.casefold() not in own:
            return value
        first = first or value
    return first


TOPIC_LINK = lazy(r"/(?:tags?|categor(?:y|ies)|topics?)/", re.I)


def names_a_topic(node: LexborNode) -> bool:
    """The element is, or holds only, links to a tag's or a category's page (after a label such as "Tags:"): the
    byline's "Lifestyle" is the article's topic, not its author."""
    links = [node] if node.tag == "a" else node.css("a")
    if not links or not all(map(is_topic_link, links)):
        return False
    rest = node_text(node)  # what it says besides its links ("Tags:" at most): "Jane Roe | <a>Diplomacy</a>" names her
    for link in links:
        rest = rest.replace(node_text(link), "", 1)
    return not LETTER.search(TOPIC_LABEL.sub("", rest, count=1))


TOPIC_LABEL = lazy(r"^[^:]{1,30}:")  # "Tags:", "Filed under:"
LETTER = lazy(r"[^\W\d_]")


def without_topics(node: LexborNode) -> list[str]:
    """The element's lines of text but those of its links to a topic's page: "<a>Diplomacy</a> Jane Roe" is hers."""
    topics = {node_text(link) for link in node.css("a") if is_topic_link(link)}
    return [line for line in text_lines(node) if line not in topics]


def is_topic_link(link: LexborNode) -> bool:
    """A link to a tag's, a category's or a topic's page."""
    return TOPIC_LINK.search(link.attributes.get("href") or "") is not None


def in_comments(node: LexborNode) -> bool:
    """The element stands in the comments (an ancestor's class or id says so)."""
    parent = node.parent
    for _ in range(8):
        if parent is None or parent.tag in ("body", "html"):
            return False
        names = f"{parent.attributes.get('class') or ''} {parent.attributes.get('id') or ''}".lower().split()
        if any(COMMENTS.match(name) for name in names):
            return True
        parent = parent.parent
    return False


def looks_like_name(text: str) -> bool:
    """A few names ("A, B and C"), each of a few words, each capitalised or a particle ("Marna van der
    Merwe") and not all particles, or a short name in a script without capitals."""
    names = LIST_SEPARATOR.split(text)
    return len(names) <= 8 and all(map(looks_like_one_name, names))


def looks_like_one_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or any(char.isdigit() for char in text):
        return False
    if not any(char.isascii() and char.isalpha() for char in text):
        return len(text) <= 20
    if all(word.casefold() in PARTICLES for word in words) and (len(words) == 1 or not all(
            word[0].isupper() for word in words)):
        return False  # "by the" in running text names no one; "Van Le" is a name
    return all(word[0].isupper() or word.casefold() in PARTICLES or not word[0].isalpha() for word in words)


def author_near_title(src: PageSources, title: str | None) -> str | None:
    """A "By Jane Roe" line, or a "Written by" line over the name, just below or above the headline."""
    node = headline(src, title)
    if node is None or names_site(node, src.url):
        return None  # the site's name over the page: the lines after it are the article's text, not its byline
    for lines in (lines_beside(node, True, 600, src.memo), lines_beside(node, False, 200, src.memo)[::-1]):
        for index, line in enumerate(lines):
            if not may_open_byline(line):
                continue
            name = name_from_lines(lines[index:index + 6]) if LABEL_LINE.search(line) else clean_author(line)
            if name and (looks_like_name(name) or named_with_role(name)) and line not in menu_links(src):
                return name
    return None


def named_with_role(text: str) -> bool:
    """A byline that names a person and, after a comma, her role ("Jane Roe, Director of Research"): kept as the
    page writes it."""
    name, comma, role = text.partition(", ")
    return bool(comma) and looks_like_one_name(name) and len(role.split()) <= 10 and not LIST_SEPARATOR.search(role)


MENUS = "nav a, [role=navigation] a, [role=menu] a, [role=menubar] a"


def menu_links(src: PageSources) -> set[str]:
    """The texts of the links in the page's menus ("By Modality", "By Topic" in a menu that browses the site):
    a line beside the headline that is one of them is no byline. Read once a page, when a line is a byline's."""
    if "menu links" not in src.memo:
        src.memo["menu links"] = {node_text(link) for link in src.tree.css(MENUS)}
    return src.memo["menu links"]


@lru_cache(maxsize=4096)
def may_open_byline(line: str) -> bool:
    """A short line that opens with a byline label or is one ("By", "Written by"), not a credit for something
    else ("Powered by", "Reviewed by"). Remembered: the lines beside headlines repeat from page to page
    (menus, "Question:"). Most lines start no byline: that is asked first, in one call."""
    return len(line) <= 80 and bool(BYLINE_START.match(line)) and not NOT_A_BYLINE.match(line) \
        and not REVIEWER.match(line)


LIST_SEPARATOR = lazy(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
NAME_SEPARATOR = lazy(f"({LIST_SEPARATOR.pattern})")  # splits keeping the separators
AUTHOR_LINKS = "a[href*='/author/'], a[href*='/authors/'], [rel=author]"


def visible_text(node: LexborNode) -> str:
    """An element's text without the scripts and styles inside it (read from a copy only when it holds one)."""
    if node.css_first("script, style, noscript") is None:
        text = node.text()
    else:
        copy = LexborHTMLParser(node.html or "")
        copy.strip_tags(["script", "style", "noscript"])
        text = copy.body.text() if copy.body is not None else ""
    return fold_entities(text).replace(" ,", ",")


def byline_texts(src: PageSources, name: str, several: bool) -> list[str]:
    """The short texts that name `name`: byline elements, and the elements holding several author links."""
    nodes = bylines(src)[:8]
    links = author_links(src)[:8]
    parent = links[0].parent if len(links) > 1 else None
    nodes += [node for node in (parent, parent.parent if parent is not None else None) if node is not None]
    nodes = [node for node in nodes if len(text := node.text()) <= 2 * BYLINE_TEXT and name in text
             and (several or LIST_SEPARATOR.search(text.replace(name, "", 1)))]
    return [text for text in map(visible_text, nodes) if len(text) <= BYLINE_TEXT]


def as_written(src: PageSources, names: list[str]) -> str:
    """The authors as the page's byline writes them: "A, B, and C" for the names known, or the whole
    list when a byline names the one known author among others; else the names joined by commas."""
    between = LIST_SEPARATOR.pattern
    known = re.compile(f"(?:{between})".join(re.escape(name) for name in names))
    for text in byline_texts(src, names[0], len(names) > 1):
        text = BY_PREFIX.sub("", text)
        match = known.search(text)
        if match and len(names) > 1:
            return match.group(0)
        if match:
            listed = AFTER_NAME.split(text)[0].strip(" ,;:")
            parts = LIST_SEPARATOR.split(listed)
            joined = len(parts) > 2 or re.search(r"\s(?:and|&)\s", listed)  # "Jane Roe, Editor" is one name
            if joined and len(parts) <= 8 and all(looks_like_name(part) for part in parts) \
                    and any(part == names[0] or part.endswith(" " + names[0]) for part in parts):  # "Dr Jane Roe"
                return listed
    return ", ".join(names)


def labelled_meta(src: PageSources) -> str | None:
    """The name a pair of twitter:labelN / twitter:dataN meta tags gives ("Written by" / "Jane Roe"),
    as Yoast and other CMS plugins write them."""
    for number in range(1, 5):
        label = src.first_meta((f"twitter:label{number}",))
        if label and LABEL_LINE.search(label):
            return clean_author(src.first_meta((f"twitter:data{number}",)))
    return None


def find_author(src: PageSources, title: str | None = None, site_name: str | None = None,
                article: bool = False) -> str | None:
    """`article`: the page says it is an article (JSON-LD or og:type); only then are its links to an author's
    other articles looked for (a ministry's transcript has none). The foot of the article's text is read for
    an author's box later (core.extract_html, authorbox.author_from_paragraphs)."""
    own = {name.casefold() for name in (site_name, src.ld.organisation()) if name}
    people = [name for name in map(clean_author, src.ld.names("author", people=True)) if name]
    people = named_people([name for name in dict.fromkeys(people) if name.casefold() not in own])
    meta = clean_author(src.first_meta(AUTHOR_META)) or labelled_meta(src)
    declared = people or ([meta] if meta and meta.casefold() not in own else [])
    if declared and not shown(src, declared):
        declared = [name for name in [author_near_title(src, title)] if name] or declared
    if declared:
        return as_written(src, declared)
    found = author_from_byline(src, own) or author_near_title(src, title) \
        or (author_from_links(src) if article else None)
    if found:
        return found
    names = [name for name in map(clean_author, src.ld.names("author")) if name]  # organisations, at last
    return meta or ", ".join(dict.fromkeys(names)) or None


def named_people(people: list[str]) -> list[str]:
    """Of several people the JSON-LD declares, those whose names read as names: a page's group or its link set
    in the list ("Jane Roe", "South Carolina Garden Network on Facebook") is none of its authors."""
    named = [name for name in people if looks_like_name(name)] if len(people) > 1 else people
    return named or people


def shown(src: PageSources, names: list[str]) -> bool:
    """The page's visible text names an author (a stale or a username author in the metadata does not)."""
    text = (src.tree.body.text() or "") if src.tree.body is not None else ""
    if any(name in text for name in names):
        return True  # as the metadata writes it, most often: no need to fold the case of the whole page
    text = text.casefold()
    return any(name.casefold() in text for name in names)
