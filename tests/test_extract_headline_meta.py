"""Dates, bylines and titles read beside the headline: the element that shows the page's title, the
meta names that say "published", and what beats what when the page says several things."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the article says enough to be read as body text, with the ministry's statement, "
    f"the reactions of the neighbours and the talks planned for the week after the visit.</p>" for n in range(4)
)


def page(head: str, body: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Talks resume in Doha after '
            f"a long pause - The Daily</title>{head}</head><body>{body}</body></html>").encode()


def ld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


HEADLINE = "<h1>Talks resume in Doha after a long pause</h1>"


# --- dates -------------------------------------------------------------------------------------------

def test_meta_names_that_say_published_are_read() -> None:
    scholarly = '<meta name="citation_publication_date" content="2019/1/22">'
    assert extract(page(scholarly, HEADLINE + PARAGRAPHS)).published == "2019-01-22"
    custom = ('<meta property="article:publisher" content="https://facebook.com/thedaily">'
              '<meta name="w-modified-date" content="2025-06-01T06:03:43Z">'
              '<meta name="w-published-date" content="2025-05-27T06:03:43Z">')
    assert extract(page(custom, HEADLINE + PARAGRAPHS)).published == "2025-05-27T06:03:43+00:00"
    plain = '<meta name="published" content="July 17, 2025">'
    assert extract(page(plain, HEADLINE + PARAGRAPHS)).published == "2025-07-17"


def test_date_published_beats_date_modified_and_the_visible_updated_date() -> None:
    head = ld(headline="Talks resume", datePublished="2024-09-06", dateModified="2025-11-14")
    body = f"{HEADLINE}<div class=meta>Updated November 14, 2025</div>{PARAGRAPHS}"
    assert extract(page(head, body)).published == "2024-09-06"
    microdata = ('<div itemscope itemtype="https://schema.org/BlogPosting">'
                 '<meta itemprop="datePublished" content="2024-05-09 00:00:00 +0000">'
                 '<meta itemprop="dateModified" content="2025-12-16 00:00:00 +0000">'
                 f"{HEADLINE}<div>Updated 16 December 2025</div>{PARAGRAPHS}</div>")
    assert extract(page("", microdata)).published == "2024-05-09T00:00:00+00:00"


def test_the_date_line_beside_the_headline_not_the_first_h1_which_is_the_logo() -> None:
    body = ('<header><h1 class="logo">The Daily</h1><nav><a href="/">Home</a></nav></header>'
            "<main><h2>Talks resume in Doha after a long pause</h2><div>by Jane Roe</div>"
            f"<div>December 24, 2024</div>{PARAGRAPHS}</main>")
    assert extract(page("", body)).published == "2024-12-24"


def test_a_date_just_above_the_headline_beats_one_further_down() -> None:
    body = (f"<div><span>Business</span><span>January 27, 2025</span></div>{HEADLINE}"
            "<p>A short standfirst of the article.</p><div>Last tax season, November 15, 2024</div>" + PARAGRAPHS)
    assert extract(page("", body)).published == "2025-01-27"


def test_a_date_line_far_from_the_headline_comes_in_through_the_siblings_of_its_parents() -> None:
    body = (f'<div class="hero"><div class="inner"><div class="col">{HEADLINE}</div></div></div>'
            '<div class="meta"><div><span class="who">Written by</span><span>Jane Roe</span></div>'
            f"<div><span>Nov 21, 2018</span></div></div>{PARAGRAPHS}")
    assert extract(page("", body)).published == "2018-11-21"


def test_an_updated_line_counts_only_when_no_other_date_stands_by_the_headline() -> None:
    both = f"{HEADLINE}<div>Updated: January 02, 2026</div><div>DECEMBER 22, 2022</div>{PARAGRAPHS}"
    assert extract(page("", both)).published == "2022-12-22"
    only = f"{HEADLINE}<div>Last updated: November 13, 2025</div>{PARAGRAPHS}"
    assert extract(page("", only)).published == "2025-11-13"


def test_a_related_cards_time_is_not_the_pages_date() -> None:
    cards = ('<ul class="cards"><li><a href="/a">Another story on the site</a> <time datetime="2025-01-31">01/31/2025'
             '</time></li></ul>')
    body = f"{cards}{HEADLINE}<div>March 1, 2017</div>{PARAGRAPHS}"
    assert extract(page("", body)).published == "2017-03-01"


# --- authors -----------------------------------------------------------------------------------------

def test_a_role_after_the_name_in_an_author_box_is_left_out() -> None:
    box = ('<div class="author-box"><img src="/liz.jpg" alt="Picture of Liz Kenny"><div class="author-box__text">'
           '<h4 class="author-box__name">Liz Kenny</h4><div class="author-box__bio"><p>Former McKinsey Consultant'
           "</p></div></div></div>")
    assert extract(page("", HEADLINE + box + PARAGRAPHS)).author == "Liz Kenny"
    glued = '<a href="/author/harry-r"><img src="/h.jpg"><span>Harry Rabinowitz</span><span>Tech Reporter</span></a>'
    assert extract(page("", HEADLINE + glued + PARAGRAPHS)).author == "Harry Rabinowitz"


def test_a_by_line_beside_the_headline_without_any_byline_class() -> None:
    body = f'{HEADLINE}<div class="meta"><p class="small">Mar 24, 2025</p><p class="small">By Amy Wilhelm</p></div>'
    assert extract(page("", body + PARAGRAPHS)).author == "Amy Wilhelm"
    label = f'{HEADLINE}<div class="meta"><p class="grey">Written by</p><p class="grey">Edzel Tabing</p></div>'
    assert extract(page("", label + PARAGRAPHS)).author == "Edzel Tabing"
    credit = '<span class="byline">Recipe by PJ Hamel</span>'
    assert extract(page("", HEADLINE + credit + PARAGRAPHS)).author == "PJ Hamel"


def test_what_only_looks_like_a_byline_is_no_author() -> None:
    sentence = (f"{HEADLINE}<p>We use radosGW, an object-store solution provided by</p><p>Ceph.</p>"
                '<p>Next.js</p><p>, created by</p><p>Vercel</p>')
    assert extract(page("", sentence + PARAGRAPHS)).author is None
    menu = f'<nav><ul><li>Solutions</li><li>By Event Type</li><li>Conferences</li></ul></nav>{HEADLINE}'
    assert extract(page("", menu + PARAGRAPHS)).author is None
    topic = (f'{HEADLINE}<div class="byline"><span class="byline__tag"><a href="/tag/diplomacy">Diplomacy</a></span>'
             '<span class="byline__author">Jane Roe</span></div>')
    assert extract(page("", topic + PARAGRAPHS)).author == "Jane Roe"
    only_topic = f'{HEADLINE}<div class="byline__meta"><a href="/category/world/">World</a></div>'
    assert extract(page("", only_topic + PARAGRAPHS)).author is None
    # the name written beside a topic's link is still the author's; a label before the links is no name
    beside = f'{HEADLINE}<p class="byline">Jane Roe | <a href="/tag/diplomacy">Diplomacy</a></p>'
    assert extract(page("", beside + PARAGRAPHS)).author == "Jane Roe"
    labelled = f'{HEADLINE}<div class="byline__tags">Tags: <a href="/tag/diplomacy">Diplomacy</a></div>'
    assert extract(page("", labelled + PARAGRAPHS)).author is None


def test_several_authors_keep_the_bylines_own_joining() -> None:
    people = [{"@type": "Person", "name": name} for name in ("Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen")]
    byline = '<div class="byline">By Danielle DeSiato, Donna Enzmann, and Natalie Nguyen</div>'
    document = extract(page(ld(headline="Talks", author=people), HEADLINE + byline + PARAGRAPHS))
    assert document.author == "Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"
    assert extract(page(ld(headline="Talks", author=people), HEADLINE + PARAGRAPHS)).author == \
        "Danielle DeSiato, Donna Enzmann, Natalie Nguyen"


def test_the_sites_own_name_gives_way_to_a_person_in_the_byline() -> None:
    head = '<meta property="og:site_name" content="The Daily">' + ld(headline="T", author={"@type": "Person",
                                                                                         "name": "The Daily"})
    byline = '<span class="author"><a href="/staff/brian-truitt/">Brian Truitt</a></span>'
    assert extract(page(head, HEADLINE + byline + PARAGRAPHS)).author == "Brian Truitt"
    assert extract(page(head, HEADLINE + PARAGRAPHS)).author == "The Daily"


# --- titles ------------------------------------------------------------------------------------------

def test_title_marks_of_their_source_are_dropped() -> None:
    quoted = ld(headline='"What is Git and How Does Version Control Work?"')
    shown = "<h1>What is Git and How Does Version Control Work?</h1>"
    assert extract(page(quoted, shown + PARAGRAPHS)).title == "What is Git and How Does Version Control Work?"
    quotation = ld(headline='"We needed to win this game"')  # a quotation as the headline keeps its quotes
    assert extract(page(quotation, PARAGRAPHS)).title == '"We needed to win this game"'
    markdown = '<meta property="og:title" content="## Regolith Binding Agent Optimization - Archive">'
    assert extract(page(markdown, PARAGRAPHS)).title == "Regolith Binding Agent Optimization"
    starred = '<meta property="og:title" content="Top Home Gym Must Haves For Every Budget ⋆">'
    assert extract(page(starred, PARAGRAPHS)).title == "Top Home Gym Must Haves For Every Budget"
    bullet = '<meta property="og:title" content="A brief intro to git • Cory Dransfeldt">'
    assert extract(page(bullet, PARAGRAPHS)).title == "A brief intro to git"


def test_entities_left_in_a_headline_are_decoded() -> None:
    body = "<h1>Data Tools for 2026: Python, SQL &amp;#x26; AI</h1>" + PARAGRAPHS
    assert extract(page("", body)).title == "Data Tools for 2026: Python, SQL & AI"


def test_a_date_before_the_name_and_a_role_after_a_dash_are_left_out() -> None:
    dated = '<div class="publish-date-author">Dec. 19, 2025 &middot; Niko Matsakis on behalf of the team</div>'
    assert extract(page("", HEADLINE + dated + PARAGRAPHS)).author == "Niko Matsakis"
    role = '<span class="byline">David Jackson - FullStack Editorial Team</span>'
    assert extract(page("", HEADLINE + role + PARAGRAPHS)).author == "David Jackson"
    placeholder = '<meta name="author" content="page.head.extra.author">'
    assert extract(page(placeholder, HEADLINE + PARAGRAPHS)).author is None


def test_a_byline_that_names_the_one_known_author_among_others_gives_them_all() -> None:
    links = "".join(f'<a href="/report/author/{slug}/">{name}</a>, ' for slug, name in
                    (("ruima", "Rui Ma"), ("heba", "Heba Ledwon"), ("manoel", "Manoel Cortes Mendez")))
    body = f'{HEADLINE}<div class="meta"><span>{links}</span></div>{PARAGRAPHS}'
    head = '<meta name="author" content="Rui Ma">'
    assert extract(page(head, body)).author == "Rui Ma, Heba Ledwon, Manoel Cortes Mendez"
    doctors = ('<div class="hero-author">Written by <span>Dr Marna van der Merwe</span>, <span>Dr Dieter Veldsman'
               "</span>, <span>Erik van Vulpen</span></div>")
    single = ld(headline="T", author={"@type": "Person", "name": "Marna van der Merwe"})
    assert extract(page(single, HEADLINE + doctors + PARAGRAPHS)).author == \
        "Dr Marna van der Merwe, Dr Dieter Veldsman, Erik van Vulpen"
    role = '<span class="byline">By Sean Peek, Senior Analyst</span>'
    assert extract(page('<meta name="author" content="Sean Peek">', HEADLINE + role + PARAGRAPHS)).author == \
        "Sean Peek"


def test_a_cms_templates_author_selector_only_fills_a_gap() -> None:
    wordpress = ('<meta name="generator" content="WordPress 6.4">'
                 + ld(headline="T", author=[{"@type": "Person", "name": "Jared Newman"},
                                           {"@type": "Person", "name": "Sam Singleton"}]))
    body = (f'{HEADLINE}<span class="byline"> By <span class="author vcard"><a href="/author/jn">Jared Newman</a> and '
            f'<a href="/author/ss">Sam Singleton</a></span></span><div class="entry-content">{PARAGRAPHS}</div>')
    assert extract(page(wordpress, body)).author == "Jared Newman and Sam Singleton"


def test_a_written_by_label_pair_in_twitter_meta_and_a_contributors_label() -> None:
    yoast = ('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Nawaz Dhandala">'
             '<meta name="twitter:label2" content="Est. reading time"><meta name="twitter:data2" content="9 minutes">')
    assert extract(page(yoast, HEADLINE + PARAGRAPHS)).author == "Nawaz Dhandala"
    reading = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="9 minutes">'
    assert extract(page(reading, HEADLINE + PARAGRAPHS)).author is None
    label = f"{HEADLINE}<div class=tags><div><strong>Contributors:</strong> Janet Loughrey</div></div>{PARAGRAPHS}"
    assert extract(page("", label)).author == "Janet Loughrey"


def test_an_og_title_that_is_only_the_sites_name_is_passed_over() -> None:
    head = ('<meta property="og:site_name" content="Playful Tones"><meta property="og:title" content="Playful Tones">'
            "<title>Reflections on a UI pipeline | Playful Tones</title>")
    body = '<h1 class="logo">Playful Tones</h1><h2>Reflections on a UI pipeline</h2>' + PARAGRAPHS
    assert extract(f"<html><head>{head}</head><body>{body}</body></html>".encode()).title == \
        "Reflections on a UI pipeline"
