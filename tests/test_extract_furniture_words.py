"""Class and id words are judged one by one (and memoized by word): the judgement of a whole class
list must stay what the patterns say of the list as one string, whatever words are added to them."""

from briefarc.extract import furniture
from briefarc.extract.furniture import (
    CONTENT_NAMES,
    LIKELY,
    LIKELY_NAMES,
    LIKELY_TOKENS,
    PLAIN,
    PLAIN_NAMES,
    TAXONOMY,
    names_kind,
)

NAMES = [
    "", " ", "row", "post-content sidebar", "sidebar share", "share comments", "entry-content widget",
    "Category-Sidebar post", "x.category-sidebar related", "a:tag-nav nav", "tag-share-prices hentry",
    "main-content\u2003comment-list", "post-content\u00a0sidebar", "NAV", "sr-only", "col-md-8 nav-tabs",
    "hide-on-mobile hide", "print-only article-body", "ad slot", "ad-slot", "read more", "read-more",
    "story body", "story-body", "most popular", "most-popular", "jp-relatedposts", "top bar", "top-bar",
]


def whole(names: str) -> int | None:
    """The judgement of the class list as one string (the definition that the memoized words follow)."""
    lowered = TAXONOMY.sub(" ", names.lower())
    if CONTENT_NAMES.search(lowered):
        return 0
    if PLAIN_NAMES.search(lowered):
        return PLAIN
    if LIKELY_NAMES.search(lowered) or not LIKELY_TOKENS.isdisjoint(lowered.split()):
        return LIKELY
    return None


def test_words_judged_one_by_one_give_the_judgement_of_the_whole_list() -> None:
    for names in NAMES:
        furniture._NAMES_KINDS.clear()
        assert names_kind(names) == whole(names), repr(names)
        assert names_kind(names) == whole(names), repr(names)  # memoized


def test_no_furniture_pattern_spans_two_words() -> None:
    # the words are judged apart: a pattern that matched a space or ran over two words would be lost
    for pattern in (CONTENT_NAMES, PLAIN_NAMES, LIKELY_NAMES):
        for alternative in pattern.pattern.split("|"):
            assert " " not in alternative and "\\s" not in alternative and "." not in alternative, alternative


def test_jump_marks_jump_links_not_a_word_that_only_begins_with_it() -> None:
    """The jump links of a page go by their class word alone; "jumpstart-table" is no jump link."""
    for word in ("jump-to-recipe", "jumplinks", "jump-link", "wprm-recipe-jump", "jumpto"):
        assert names_kind(word) == LIKELY, word
    for word in ("jumpstart-table", "jumpfactor-responsive-table-wrapper"):
        assert names_kind(word) is None, word


def test_promo_marks_a_promotion_box_not_a_node_promoted_to_the_front_page() -> None:
    """Drupal marks every node promoted to its front page "node--promoted": a state of the article, not a box."""
    for word in ("promo", "promo-box", "promos", "app_promo", "promoted-content", "promoted-stories", "promotedLinks"):
        assert names_kind(word) == LIKELY, word  # a box of promoted links is still one
    for word in ("node--promoted", "node-promoted", "promoted"):
        assert names_kind(word) is None, word


def test_an_id_that_spells_the_sections_own_heading_is_no_furniture_name() -> None:
    """Sphinx and Markdown tools name a section after its heading: "sharing-with-a-single-developer" is what
    the section is about. Short ids ("comments", "related-posts") and headings that announce furniture
    ("Share this article") still mark it."""
    from selectolax.lexbor import LexborHTMLParser

    from briefarc.extract.furniture import furniture_kind

    def kind(html: str) -> int | None:
        return furniture_kind(LexborHTMLParser(html).css_first("section, div, h2"))

    assert kind('<div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer'
                '<a class="headerlink" href="#x">¶</a></h2><p>Text.</p></div>') == 0
    assert kind('<h2 id="sharing-with-a-single-developer-1">Sharing with a single developer</h2>') == 0
    assert kind('<section id="comments"><h2>Comments</h2><p>Great post!</p></section>') == PLAIN
    assert kind('<section id="comments-on-this-post"><h2>Comments on this post</h2><p>Great!</p></section>') == PLAIN
    assert kind('<div id="related-posts-from-the-archive"><h2>Related posts from the archive</h2></div>') == PLAIN
    assert kind('<div id="related-posts"><h2>Related Posts</h2></div>') == PLAIN
    assert kind('<div id="share-this-article"><h2>Share this article</h2></div>') == LIKELY
    assert kind('<div id="sharing-with-a-single-developer"><p>Sharing with a single developer</p></div>') == LIKELY
