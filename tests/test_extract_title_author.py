"""Titles and authors when the page's sources disagree: the site's name set as an h1, a <title> with the
site's name or host glued on, truncated declared titles, entities left in any of them, and bylines."""

from __future__ import annotations

import json

import pytest

from briefarc.extract.core import extract

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the post says enough to be read as body text, with the measurements, the code that "
    f"was changed and what the next release will bring to the people who use it every day.</p>" for n in range(4)
)
URL = "https://blog.example.org/2025/12/progress-report"


def html(head: str, body: str) -> bytes:
    page = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return page.encode()


def ld(**fields: object) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "BlogPosting", **fields})}</script>'


# --- titles ------------------------------------------------------------------------------------------

def test_an_h1_that_links_to_the_home_page_is_the_sites_name_not_the_headline() -> None:
    head = "<title>Compiler backend: progress report #39</title>"
    for logo in ("<a href='/'><h1>Jane Roe's Notebook</h1></a>",
                 "<h1><a href='https://blog.example.org/'>Jane Roe's Notebook</a></h1>"):
        assert extract(html(head, logo + PARAGRAPHS), url=URL).title == "Compiler backend: progress report #39"
    permalink = '<h1><a href="/2025/12/progress-report">Progress report number 39</a></h1>'
    assert extract(html(head, permalink + PARAGRAPHS), url=URL).title == "Progress report number 39"


def test_the_sites_name_or_host_is_taken_off_a_title_and_the_separators_left_are_the_pages_own() -> None:
    shop = "https://promotions.example.com/p/game-changer"
    assert extract(html("<title>GAME CHANGER | Example.com</title>", PARAGRAPHS), url=shop).title == "GAME CHANGER"
    signed = '<meta property="og:site_name" content="Artview"><title>Best art shows of 2025 – Artview - Artview</title>'
    body = "<h1>Best art shows of 2025 – Artview</h1>" + PARAGRAPHS
    assert extract(html(signed, body), url=URL).title == "Best art shows of 2025"
    glued = "<title>blog.example.org Vibe coding</title>"
    assert extract(html(glued, PARAGRAPHS), url=URL).title == "Vibe coding"
    dashes = '<meta property="og:site_name" content="Bread Dad"><title>Bread machines – my favourites! - Bread Dad'
    dashes += "</title>"
    assert extract(html(dashes, PARAGRAPHS), url=URL).title == "Bread machines – my favourites!"


def test_a_declared_title_cut_to_a_length_gives_way_to_a_whole_one() -> None:
    whole = "Fix it Friday: we help four readers arrange their rooms (including one trick that works)"
    head = ld(headline=whole[:62]) + f'<meta property="og:title" content="{whole} - Jane Roe"><title>{whole}</title>'
    assert extract(html(head, PARAGRAPHS), url=URL).title == whole
    dotted = '<meta property="og:title" content="Wedding checklist wedding planning checklists wedding time…">'
    body = "<h1>Wedding checklist :: printable to-do timeline</h1>" + PARAGRAPHS
    assert extract(html(dotted, body), url=URL).title == "Wedding checklist :: printable to-do timeline"


def test_an_h1_marked_as_the_entrys_title_is_the_headline_though_the_declared_titles_are_rewritten() -> None:
    declared = ('<meta property="og:site_name" content="Example Blog"><title>Top 10 Language Learning Apps for '
                '2025 | Example Blog</title>'
                '<meta property="og:title" content="Top 10 Language Learning Apps for 2025">')
    shown = "Top 10: Best Language Learning App (tested by experts)"
    marked = f'<article><h1 class="title entry-title">{shown}</h1>{PARAGRAPHS}</article>'
    assert extract(html(declared, marked), url=URL).title == shown
    # an h1 the declared titles share too little with is another page's or a banner's, marked or not
    banner = f'<h1 class="elementor-heading-title">Our blog</h1><article>{PARAGRAPHS}</article>'
    assert extract(html(declared, banner), url=URL).title == "Top 10 Language Learning Apps for 2025"
    plain = f"<article><h1>{shown}</h1>{PARAGRAPHS}</article>"
    assert extract(html(declared, plain), url=URL).title == "Top 10 Language Learning Apps for 2025"


def test_a_headline_set_in_capitals_gives_way_to_the_declared_titles_case() -> None:
    title = "Best Drip Coffee Maker 2026: Buying Tips From Coffee Pros"
    shouted = f"<article><h1>BEST DRIP COFFEE MAKER IN 2026: BUYING TIPS FROM COFFEE PROS</h1>{PARAGRAPHS}</article>"
    assert extract(html(f"<title>{title}</title>", shouted), url=URL).title == title
    capitals = "<title>NATO AND EU SUMMIT</title>"  # a title in capitals everywhere keeps them
    assert extract(html(capitals, f"<h1>NATO AND EU SUMMIT: DAY TWO</h1>{PARAGRAPHS}"), url=URL).title.isupper()


# --- entities ----------------------------------------------------------------------------------------

ESCAPED = "&amp;#8220;We needed to win this&amp;nbsp;game&amp;#8221; &amp;amp; more"  # escaped twice
DECODED = "“We needed to win this game” & more"


def fields(head: str, body: str = "") -> dict[str, object]:
    document = extract(html(head, body + PARAGRAPHS), url=URL)
    return {name: getattr(document, name) for name in ("title", "subtitle", "author", "site_name", "tags")}


def test_entities_are_decoded_in_every_field_whichever_source_gives_it() -> None:
    raw = ESCAPED.replace("&amp;", "&")  # escaped once more inside JSON-LD, where the parser decodes nothing
    person, publisher = {"@type": "Person", "name": "Ren&eacute;e Roe"}, {"@type": "Organization",
                                                                         "name": "Roe &amp;amp; Sons"}
    head = ld(headline=raw, alternativeHeadline=f"{raw} again", author=person, publisher=publisher,
              keywords=["caf&eacute;"])
    expected = {"title": DECODED, "subtitle": f"{DECODED} again", "author": "Renée Roe", "site_name": "Roe & Sons",
                "tags": ["café"]}
    assert fields(head) == expected
    meta = (f'<meta property="og:title" content="{ESCAPED}"><meta name="author" content="Ren&amp;eacute;e Roe">'
            '<meta property="og:site_name" content="Roe &amp;amp; Sons">'
            '<meta name="keywords" content="caf&amp;eacute;">')
    assert fields(meta) == {**expected, "subtitle": None}
    shown = fields(f"<title>{ESCAPED}</title>", '<span class="byline">By Ren&amp;eacute;e Roe</span>')
    assert (shown["title"], shown["author"]) == (DECODED, "Renée Roe")
    assert fields("", f"<h1>{ESCAPED}</h1>")["title"] == DECODED


# --- authors -----------------------------------------------------------------------------------------

HEADLINE = "<title>Ten ways to rent a car</title><h1>Ten ways to rent a car</h1>"


def test_a_metadata_author_the_page_never_shows_gives_way_to_the_by_line_under_the_headline() -> None:
    stale = '<meta name="author" content="KatieS">'
    body = f"{HEADLINE}<p>by</p><p><a href='/people/aoife'>Aoife O'Riordan</a></p><p>Oct 22, 2025</p>{PARAGRAPHS}"
    assert extract(html(stale, body), url=URL).author == "Aoife O'Riordan"
    shown = f"{HEADLINE}<p>By KatieS and the team</p>{PARAGRAPHS}"
    assert extract(html(stale, shown), url=URL).author == "KatieS"
    reviewer = f"{HEADLINE}<p>Reviewed by: Brian Stone, CFP</p>{PARAGRAPHS}"
    assert extract(html('<meta name="author" content="Erica Need">', reviewer), url=URL).author == "Erica Need"


def test_a_credit_for_the_picture_under_the_headline_is_not_the_byline() -> None:
    """"Photo by <a>Ricardo Gomez Angel</a>" under a figure by the headline was taken over the author the
    metadata names (Readability's test page toc-missing); a byline under it still is the byline."""
    meta = '<meta name="author" content="Haki Benita">'
    for credit in ("Photo by", "Cover image by", "Illustration by", "Foto von"):
        figure = f'<figure><img src="/a.png"><figcaption><small>{credit} <a href="/p">Ricardo Gomez Angel</a>' \
                 f'</small></figcaption></figure>'
        assert extract(html(meta, f"{HEADLINE}{figure}{PARAGRAPHS}"), url=URL).author == "Haki Benita", credit
    byline = f"{HEADLINE}<p>Written by</p><p><a href='/people/h'>Ana Lima</a></p>{PARAGRAPHS}"
    assert extract(html(meta, byline), url=URL).author == "Ana Lima"


def test_a_byline_that_credits_the_pictures_with_the_text_is_the_byline() -> None:
    """"Photos and text by", "Photo essay by": the author of the story, who took its pictures too; only a
    credit for the pictures alone ("Photo by") opens no byline."""
    for label in ("Photos and text by", "Photo essay by"):
        byline = f"{HEADLINE}<p>{label} <a href='/people/jr'>Jane Roe</a></p>{PARAGRAPHS}"
        assert extract(html("", byline), url=URL).author == "Jane Roe", label
    credit = f"{HEADLINE}<p>Photo by <a href='/people/jr'>Jane Roe</a></p>{PARAGRAPHS}"
    assert extract(html("", credit), url=URL).author is None


def test_a_comments_author_and_an_author_boxs_initials_or_role_are_not_the_byline() -> None:
    comments = ('<ol class="comment-list"><li><div class="says"><span class="fn">Whowho</span></div>'
                '<div class="author-name">Whowho</div><p>Great post!</p></li></ol>')
    box = '<div class="wp-block-post-author"><p>Written by</p><p class="wp-block-post-author__name">Sir Nuno</p></div>'
    assert extract(html("", f"{HEADLINE}{PARAGRAPHS}{comments}{box}"), url=URL).author == "Sir Nuno"
    card = ('<div class="author-description">Licensed Grader, Journalism</div><div class="author-card">'
            '<span class="author-avatar">NB</span><span class="author-name">Nicole Burke</span></div>')
    assert extract(html("", f"{HEADLINE}{PARAGRAPHS}{card}"), url=URL).author == "Nicole Burke"


def test_by_the_in_running_text_under_the_headline_is_no_byline() -> None:
    lead = f"{HEADLINE}<p><em>The campaign was apparently overseen<br>by the<br>agency, the files show.</em></p>"
    assert extract(html("", lead + PARAGRAPHS), url=URL).author is None


def test_a_byline_of_several_names_in_their_own_elements_keeps_them_all() -> None:
    byline = ('<div class="storyByline">By <strong>Dana A. Ford </strong>, <strong>James S.A. Corey</strong>, '
              '<strong>Chien-Ming Wang</strong>, and<strong> Tom Watkins, </strong>Wire</div>')
    expected = "Dana A. Ford, James S.A. Corey, Chien-Ming Wang, and Tom Watkins"
    assert extract(html("", f"{HEADLINE}{byline}{PARAGRAPHS}"), url=URL).author == expected


def test_an_h1_that_glues_the_headline_to_a_byline_or_the_sites_name_gives_the_headline() -> None:
    head = "<title>Talks on the trade corridor resume » Local » News » The Daily Example</title>"
    glued = ("<h1><span>Talks on the trade corridor resume</span><a href='/local.html'>The Daily Example</a></h1>",
             "<h1><span>Talks on the trade corridor resume</span><br><span>Senior editor Jane Roe</span></h1>")
    for h1 in glued:
        assert extract(html(head, h1 + PARAGRAPHS), url=URL).title == "Talks on the trade corridor resume"
    whole = "<h1><em>Talks on the trade corridor</em> resume</h1>"  # emphasis inside the headline is part of it
    assert extract(html(head, whole + PARAGRAPHS), url=URL).title == "Talks on the trade corridor resume"


def test_a_role_after_the_last_of_several_names_in_their_own_elements_is_left_out() -> None:
    """Each name of "A and B - Staff writers" is cleaned as a lone byline's is: the role after the dash goes."""
    byline = '<div class="byline"><a>Jane Roe</a><span>and</span><a>John Doe - Staff writers</a></div>'
    assert extract(html("", f"{HEADLINE}{byline}{PARAGRAPHS}"), url=URL).author == "Jane Roe and John Doe"


def test_an_h1_gluing_a_long_sites_name_to_a_short_headline_does_not_give_the_sites_name() -> None:
    """The title holds both parts ("Talks resume | The Daily Example Newspaper"): the longer one is the site's
    name, which no declared title opens with, so it is not taken for the headline."""
    head = "<title>Talks resume | The Daily Example Newspaper</title>"
    h1 = "<h1><a href='/'>The Daily Example Newspaper</a><span>Talks resume</span></h1>"
    assert "Talks resume" in extract(html(head, h1 + PARAGRAPHS), url=URL).title


def test_a_name_whose_words_are_all_particles_elsewhere_is_still_a_name() -> None:
    """"Van Le" is a reporter's name though "van" and "le" are particles in others' ("Marna van der Merwe")."""
    byline = '<div class="byline">By <a>Van Le</a></div>'
    assert extract(html("", f"{HEADLINE}{byline}{PARAGRAPHS}"), url=URL).author == "Van Le"


def test_the_controls_of_an_author_widget_are_not_the_author() -> None:
    """Byline classes match in any case (cnnByline), so CamelCase widgets match too: their buttons are no names."""
    for widget in ('<div class="AuthorFollowButton"><button>Follow</button></div>',
                   '<div class="AuthorAlerts"><a href="/alerts">Get Alerts</a></div>',
                   '<div class="authorProfile"><a href="/people/x">View profile</a></div>'):
        assert extract(html("", f"{HEADLINE}{widget}{PARAGRAPHS}"), url=URL).author is None, widget


def test_a_manuals_project_name_linking_to_its_index_is_not_the_title_nor_the_permalink_mark() -> None:
    """A documentation page (Readability's test page mercurial): the project's name in an h1 that links to the
    manual's index.html, then the page's own h1 ending in Sphinx's permalink mark "¶"."""
    head = "<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>"
    body = ('<div class="header"><h1><a href="index.html"><span>evolve extension for Mercurial</span></a></h1></div>'
            '<div class="content"><h1>Evolve: Shared Mutable History<a class="headerlink" href="#evolve">¶</a></h1>'
            f"{PARAGRAPHS}</div>")
    for url in ("https://docs.example.org/evolve/sharing.html", None):
        assert extract(html(head, body), url=url).title == "Evolve: Shared Mutable History", url


def test_a_headline_linking_to_its_own_article_is_still_the_headline() -> None:
    head = "<title>Ten ways to rent a car - Car Notes</title><meta property='og:site_name' content='Car Notes'>"
    url = "https://cars.example.org/blog/2018/10/12/ten-ways/"
    for href in (url, "/blog/2018/10/12/ten-ways/"):
        body = f'<header><h1><a href="{href}">Ten ways to rent a car</a></h1></header>{PARAGRAPHS}'
        assert extract(html(head, body), url=url).title == "Ten ways to rent a car", href


def test_a_headline_linking_to_its_articles_folder_address_is_still_the_headline() -> None:
    """An article's address is often a folder's ("/2025/12/ten-ways/"): its headline links there from the AMP,
    print or second page, and from a copy saved without its URL. Only the root and a folder's index file
    ("index.html") are a home the site's name links to."""
    head = "<title>Ten ways to rent a car - Car Notes</title><meta property='og:site_name' content='Car Notes'>"
    article = "https://cars.example.org/blog/2018/10/12/ten-ways/"
    for url, href in ((article + "amp/", article), (article + "2/", "/blog/2018/10/12/ten-ways/"),
                      (article + "print/", "../"), (None, article), (article, "index.html")):
        body = f'<header><h1><a href="{href}">Ten ways to rent a car</a></h1></header>{PARAGRAPHS}'
        assert extract(html(head, body), url=url).title == "Ten ways to rent a car", (url, href)
    saved = f'<h1><a href="{article}">Ten ways to rent a car</a></h1>{PARAGRAPHS}'
    assert extract(html("", saved)).title == "Ten ways to rent a car"  # no <title> to fall back on


def test_an_authors_address_after_the_name_is_left_out_not_the_name_refused() -> None:
    """`<meta name="author" content="Bradley M. Kuhn (http://ebb.org/bkuhn/)">` (Readability's test page
    ebb-org) gave no author: an address is no part of a name, so the whole value was refused."""
    for value, name in (("Bradley M. Kuhn (http://ebb.org/bkuhn/)", "Bradley M. Kuhn"),
                        ("Jane Roe &lt;jane@example.org&gt;", "Jane Roe"), ("Jane Roe (AP)", "Jane Roe (AP)")):
        meta = f'<meta name="author" content="{value}">'
        body = f'<header><a href="/people/jr">{name}</a></header>{HEADLINE}{PARAGRAPHS}'
        assert extract(html(meta, body), url=URL).author == name, value
    only_address = html('<meta name="author" content="www.example.org">', HEADLINE + PARAGRAPHS)
    assert extract(only_address, url=URL).author is None


def test_a_menus_browse_by_link_beside_the_headline_is_no_byline() -> None:
    """A shop's menu under the headline ("By Category", "Par catégorie", "Von A bis Z") gave the author "Category"
    (WCXB 4265); a byline beside it is still read."""
    for menu in ('<ul><li><a href="/categories/">By Category</a></li><li><a href="/m/">By Brand</a></li></ul>',
                 '<ul><li><a href="/c/">Par catégorie</a></li></ul>', '<ul><li><a href="/z/">Von A bis Z</a></li></ul>',
                 '<ul><li><a href="/f/">Por fecha</a></li></ul>'):
        assert extract(html("", f"{HEADLINE}{menu}{PARAGRAPHS}"), url=URL).author is None, menu
        byline = '<div class="meta">By Jane Roe</div>'
        assert extract(html("", f"{HEADLINE}{byline}{menu}{PARAGRAPHS}"), url=URL).author == "Jane Roe", menu


def test_a_line_labelled_as_something_else_after_a_lone_byline_label_is_no_name() -> None:
    """A lone "Von" over a taxonomy line gave the author "Category: Politik"; a name before its role stays."""
    for after in ("<div>Category: Politik</div>", "<div>Tags: Wahl, Bund</div>", '<p><a href="/c/">Category</a></p>'):
        body = f"{HEADLINE}<div><span>Von</span></div>{after}{PARAGRAPHS}"
        assert extract(html("", body), url=URL).author is None, after
    body = f"{HEADLINE}<div><span>By</span></div><div>Jane Roe: Senior Editor</div>{PARAGRAPHS}"
    assert extract(html("", body), url=URL).author == "Jane Roe: Senior Editor"


@pytest.mark.parametrize(("line", "name"), [("Auteur : Jean Dupont", "Jean Dupont"),
                                            ("Autora: María López", "María López"),
                                            ("Reporter: Jane Roe", "Reporter: Jane Roe")])
def test_a_role_label_before_the_name_keeps_the_name(line: str, name: str) -> None:
    """The review of 20b342f: any one-word label before a colon had come to mean "no name"; only a taxonomy's
    or a source's does. French and Spanish author labels are taken off like "Autor:"."""
    body = f"{HEADLINE}<div class='author'>{line}</div>{PARAGRAPHS}"
    assert extract(html("", body), url=URL).author == name
