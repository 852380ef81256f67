"""Page furniture as the markup shows it: navigation, comments, related links, share bars, captions,
hidden blocks. An element's kind comes from its tag, its class and id words, its role and its style.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from briefarc.extract.boilerplate import is_boilerplate
from briefarc.patterns import lazy

# Furniture kinds.
PLAIN = 2  # never the article: comments, related links, sidebars (spared only when it names content)
LIKELY = 1  # usually furniture: share bars, captions, bylines, hidden blocks (spared when big)

PLAIN_TAGS = frozenset({"nav", "aside", "footer"})
LIKELY_TAGS = frozenset({"figure", "figcaption", "form", "menu", "header"})
PLAIN_NAMES = lazy(
    r"comment|related|sidebar|breadcrumb|outbrain|taboola|recommend|newsletter|disqus|most-?popular"
    r"|trending|respond|yarpp|jp-relatedposts|read-?next|more-?stories"
)
# a class or id word that names a comment or the list of them, whole ("comment", "comments", "comment-body",
# "commentlist", WordPress's "comment-list" and "wp-block-comments", Disqus's "disqus_thread"), not a link to them
# ("comments-link", "comment-count") nor the article's state ("no-comments", "has-comments", "entry-comment")
COMMENTS = lazy(r"^(?:wp-block-)?comments?(?:-?(?:list|area|body|content|meta|item|thread|section|wrap|wrapper"
                r"|container|template))?$|^disqus_thread$")
# a promotion box, not an item in the state "promoted" ("node--promoted": Drupal's mark of a front-page node)
PROMO = r"promo(?!ted(?![\w-]))"
LIKELY_NAMES = lazy(
    rf"share|sharing|social|{PROMO}|subscri|byline|caption|footer|widget|popular|advert|sponsor|signup"
    r"|cookie|modal|popup|author|tagcloud|tag-?list|pagination|pager|navigation|nav-|-nav|menu|toolbar"
    r"|masthead|disclaimer|copyright|banner|print|more-|read-?more|also-|prev-|next-|post-meta"
    r"|entry-meta|article-meta|meta-|credit|dateline|timestamp|keywords|topics|newsletter|inline-?ad"
    r"|ad-?slot|ad-?container|ad-?wrapper|adsbygoogle|adspot|ad-?unit|breaking|alert|overlay|skip"
    r"|jump(?:-?to|-?links?)?(?![a-z])|top-?bar|header-?date|clock|teaser"
)
LIKELY_TOKENS = frozenset({"ad", "ads", "nav", "meta", "tags", "tag", "share", "date", "hide", "sr-only", "hidden",
                           "is-hidden", "visually-hidden", "screen-reader-text"})
# Class words that only say an element is hidden for now (a collapsed panel's).
HIDING_WORDS = lazy(r"(?<![\w-])(?:hidden|is-hidden|hide|collapsed?)(?![\w-])", re.I)
HIDDEN_STYLE = lazy(r"display\s*:\s*none|visibility\s*:\s*hidden")
FURNITURE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "menu", "dialog"})

# Class or id words that say an element holds the article.
CONTENT_NAMES = lazy(
    r"article-?body|story-?body|entry-content|post-content|article-content|main-content|story-content"
    r"|post-body|body-text|article-text|article__body|story__content|itemprop-articlebody"
)

# Class words that name the post's own categories and tags ("category-health-topics", "tag-share-prices"):
# they say what the article is about, not what the element is.
TAXONOMY = lazy(r"(?<![\w-])(?:category|tag|post_tag|topic)-[\w-]+")

_NAMES_KINDS: dict[str, int | None] = {}
_WORD_FLAGS: dict[str, int] = {}
_CONTENT, _PLAIN, _LIKELY = 4, 2, 1  # what one word says, as bits
# Entries each memo keeps before it is cleared. A run over many sites meets many names once per page: article-bench,
# WCXB dev and fmprc-bulk hold 44,720 distinct names strings and 32,799 words (digits made zeros), which a memo of
# 20,000 cleared and judged again on every pass (names_kind over a pass's 136,716 calls: 0.278 s, 0.036 s kept
# whole). Full, a memo holds about 120 bytes an entry (12 MB); one site's pages fill a few thousand.
MEMO_SIZE = 100_000
ZEROS = str.maketrans("123456789", "000000000")  # the ASCII digits, each made a zero (word_flags)


def names_kind(names: str) -> int | None:
    """What class and id words say: 0 (content), PLAIN, LIKELY, or None (nothing). Memoized.

    No pattern matches across whitespace, so the words are judged one by one (each memoized: a word
    such as "row" or "entry-title" recurs on every page, a page's own list of classes and id seldom)."""
    kind = _NAMES_KINDS.get(names, -1)
    if kind != -1:
        return kind
    flags = 0
    for word in names.split():
        found = _WORD_FLAGS.get(word)
        if found is None:
            found = word_flags(word)
        flags |= found
    kind = 0 if flags & _CONTENT else PLAIN if flags & _PLAIN else LIKELY if flags & _LIKELY else None
    if len(_NAMES_KINDS) > MEMO_SIZE:
        _NAMES_KINDS.clear()
    _NAMES_KINDS[names] = kind
    return kind


def word_flags(word: str) -> int:
    """What one class or id word says: the strongest of _CONTENT, _PLAIN, _LIKELY, or 0. Memoized by the word with
    its ASCII digits made zeros, which no pattern tells apart: "post-4711" and "comment-98765" (an id of every post
    and comment) are judged once for all posts and comments, where they filled the memo and cleared it again."""
    plain = word.translate(ZEROS)
    flags = _WORD_FLAGS.get(plain)
    if flags is not None:
        return flags
    lowered = TAXONOMY.sub(" ", plain.lower())
    if CONTENT_NAMES.search(lowered):
        flags = _CONTENT  # the others no longer count
    elif PLAIN_NAMES.search(lowered):
        flags = _PLAIN
    elif LIKELY_NAMES.search(lowered) or not LIKELY_TOKENS.isdisjoint(lowered.split()):
        flags = _LIKELY
    else:
        flags = 0
    if len(_WORD_FLAGS) > MEMO_SIZE:
        _WORD_FLAGS.clear()
    _WORD_FLAGS[plain] = flags
    return flags


def furniture_kind(node: LexborNode, toggled: frozenset[str] = frozenset(), tag: str | None = None) -> int:
    """0 for an ordinary element, LIKELY or PLAIN for page furniture. `toggled` holds the ids that a
    control opens (aria-controls): a collapsed panel is hidden until the reader opens it, not furniture,
    whether a style, an attribute or a class word ("hidden") hides it, on it or on its wrapper.
    A figure that holds a quotation or a table (the block editor of WordPress sets every table in one) is
    the article's, unless it embeds another site's post. `tag`: the node's tag, when the caller has read it."""
    if tag is None:
        tag = node.tag
    if tag in PLAIN_TAGS:
        return PLAIN
    attrs = node.attributes
    if tag == "figure" and "embed" not in (attrs.get("class") or "") \
            and node.css_first("blockquote, table") is not None:
        tag = "div"  # a pull quote (not an embedded post), a table of data
    if not attrs:
        return LIKELY if tag in LIKELY_TAGS else 0
    if "class" not in attrs and "id" not in attrs:  # no words (most elements that have attributes: a style)
        if tag in LIKELY_TAGS or attrs.get("role") in FURNITURE_ROLES:
            return LIKELY
        return LIKELY if hides(attrs) and not (toggled and opened_panel(node, " ", toggled)) else 0
    names = names_of(node, attrs)
    panel = bool(toggled) and opened_panel(node, names, toggled)
    kind = names_kind(HIDING_WORDS.sub(" ", names) if panel else names)
    if kind is not None:
        return kind
    if tag in LIKELY_TAGS or attrs.get("role") in FURNITURE_ROLES:
        return LIKELY
    return LIKELY if hides(attrs) and not panel else 0


HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
WORD = lazy(r"\w+")
SLUG_PARTS = lazy(r"[-_\s]+")
SLUG_NUMBER = lazy(r"[-_]\d+$")  # a second section of the same heading: "-1"
SLUG_WORDS = 3  # an id of fewer words ("comments", "related-posts") names the furniture it marks


def names_of(node: LexborNode, attrs: dict[str, str | None] | None = None) -> str:
    """The element's class and id words; not its id when the id only spells out its own heading, as
    documentation and Markdown tools name sections ("sharing-with-a-single-developer" over "Sharing with a
    single developer"): such an id says what the section is about, not what the element is (spells_heading).
    An id with a word of what is never the article (PLAIN_NAMES: "comments-on-this-post", "related-posts-from-
    the-archive") is kept whatever its heading says. `attrs`: the node's attributes, when the caller has read them."""
    if attrs is None:
        attrs = node.attributes
    ident = attrs.get("id") or ""
    if ident and names_kind(ident) == LIKELY and spells_heading(node, ident):
        ident = ""
    return f"{attrs.get('class') or ''} {ident}"


def spells_heading(node: LexborNode, ident: str) -> bool:
    """The id is the words of the element's heading (the element itself, or its first child) as a slug, of
    three words or more ("comments" and "related-posts" over their headings are still the furniture's names),
    and the heading does not announce furniture itself ("You may also like", "Share this article")."""
    heading = node if node.tag in HEADING_TAGS else next(node.iter(), None)
    if heading is None or heading.tag not in HEADING_TAGS:
        return False
    text = heading.text() or ""
    words = WORD.findall(text.casefold().replace("'", "").replace("’", ""))
    if len(words) < SLUG_WORDS or is_boilerplate(text.strip(), 0.0):
        return False
    return [part for part in SLUG_PARTS.split(SLUG_NUMBER.sub("", ident.casefold())) if part] == words


def opened_panel(node: LexborNode, names: str, toggled: frozenset[str]) -> bool:
    """Whether the element is hidden (a style, an attribute or a class word hides it) and is a panel
    that a control opens, or the wrapper of one (its only element)."""
    if HIDING_WORDS.search(names) is None and not is_hidden(node):
        return False
    if node.attributes.get("id") in toggled:
        return True
    children = list(node.iter())
    return len(children) == 1 and children[0].attributes.get("id") in toggled


def is_hidden(node: LexborNode) -> bool:
    """True when the markup hides the element: a hidden attribute, aria-hidden or an inline style."""
    return hides(node.attributes)


def hides(attrs: dict[str, str | None]) -> bool:
    """is_hidden on the element's attributes."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    return hidden_style(attrs.get("style"))


def hidden_style(style: str | None) -> bool:
    """A style that hides the element. Its words are looked for first: most styles hold neither, and the
    pattern's search tries each of their characters."""
    if not style or ("none" not in style and "hidden" not in style):
        return False
    return HIDDEN_STYLE.search(style) is not None


def names_only(node: LexborNode) -> bool:
    """True when nothing but class and id words make an element furniture (not its tag, its role,
    a hidden attribute or a hidden style)."""
    attrs = node.attributes
    if node.tag in PLAIN_TAGS or node.tag in LIKELY_TAGS or "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return False
    if attrs.get("role") in FURNITURE_ROLES or hidden_style(attrs.get("style")):
        return False
    return bool(names_kind(names_of(node)))


SMALL_FURNITURE = 200  # text size under which a furniture word needs no other evidence (a caption, a byline)
LINK_HEAVY = 0.3


def corroborated(node: LexborNode, size: float) -> bool:
    """Whether an element that class or id words call furniture also looks like it: it holds little
    text, or much of its text is links."""
    if size < SMALL_FURNITURE:
        return True
    text = len(node.text())
    return text > 0 and sum(len(a.text()) for a in node.css("a")) > LINK_HEAVY * text


LAYOUT_WORD = lazy(r"[^\s]*sidebar[^\s]*")
# Words that page builders put on every block, the article's included ("elementor-widget-text-editor",
# "so-panel widget widget_text", "c-product-widget__content"): furniture only where links or size bear them out.
WEAK_WORD = lazy(r"[^\s]*widget[^\s]*")


_WORD_ONLY: dict[tuple[re.Pattern[str], str], bool] = {}


def word_only(node: LexborNode, word: re.Pattern[str]) -> bool:
    """True when the only furniture words in the class and id are those `word` finds. Memoized."""
    names = names_of(node).lower()
    found = _WORD_ONLY.get((word, names))
    if found is None:
        found = bool(word.search(names)) and names_kind(word.sub(" ", names)) in (None, 0)
        if len(_WORD_ONLY) > MEMO_SIZE:
            _WORD_ONLY.clear()
        _WORD_ONLY[word, names] = found
    return found


def layout_word_only(node: LexborNode) -> bool:
    """True when the only furniture word in the class and id is one that describes a page's layout
    ("no-sidebar", "with-sidebar", "sidebar-first"): it says where a sidebar is, not that this is one."""
    return word_only(node, LAYOUT_WORD)


def weak_word_only(node: LexborNode) -> bool:
    """True when the only furniture word in the class and id is a page builder's block word (widget)."""
    return word_only(node, WEAK_WORD)
