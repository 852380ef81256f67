"""Rules that make extraction hold on pages no one tuned for: each fallback of the cascade, class words
that need corroboration, invisible characters, boilerplate in several languages, bylines, entities,
dates near the headline, the depth guard and stray bytes."""

from __future__ import annotations

import json
import random
import tracemalloc

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract import text as text_module
from briefarc.extract.boilerplate import is_boilerplate
from briefarc.extract.core import extract
from briefarc.extract.depth import MAX_DEPTH, flatten_deep

SENTENCES = [
    "The ministry said on Thursday that talks on the new trade corridor would resume in the capital next month.",
    "Officials from both countries have met four times since the spring, according to a statement released late.",
    "The spokesperson declined to say whether the agreement would be signed before the end of the year at last.",
    "Analysts in the region expect the corridor to double the volume of goods crossing the border within years.",
    "Opposition lawmakers have asked the government to publish the draft before any signature takes place now.",
    "A second round of technical meetings is planned for the autumn, the statement added without more detail.",
]
LINKS = "".join(f'<li><a href="/story/{i}">Another story headline number {i} from the site</a></li>' for i in range(8))


def page(body: str, head: str = "<title>Talks on the trade corridor to resume</title>", cls: str = "") -> bytes:
    return f"<html><head>{head}</head><body class='{cls}'>{body}</body></html>".encode()


def paragraphs(sentences: list[str] = SENTENCES) -> str:
    return "".join(f"<p>{text}</p>" for text in sentences)


def test_widget_words_around_long_paragraphs_do_not_hide_them() -> None:
    """Page-builder wrappers ("elementor-widget-text-editor") hold the article: the class word alone
    (widget) is no evidence, as their text is long and holds no links; a real share widget still goes."""
    widgets = "".join(
        f'<div class="builder-widget-text-editor"><div class="builder-widget-container">'
        f"{paragraphs(SENTENCES[i:i + 2])}</div></div>" for i in range(0, 6, 2)
    )
    share = '<div class="share-widget"><a href="/fb">Share on Facebook</a> <a href="/x">Share on X</a></div>'
    document = extract(page(f"<nav><ul>{LINKS}</ul></nav><h1>Talks on the trade corridor to resume</h1>"
                            f"{widgets}{share}"))
    assert document.paragraphs == SENTENCES


def test_a_small_builder_block_that_holds_prose_is_the_articles() -> None:
    """On a page that a builder's blocks hold, a block of one short paragraph (under 200 characters, few
    links) is the article's as its longer siblings are; a small block of links (share buttons) still goes."""
    def widget(inner: str) -> str:
        return (f'<div class="builder-widget builder-widget-text-editor"><div class="builder-widget-container">'
                f"{inner}</div></div>")
    short = "Super discreet and never loud are the small hoops, with a slightly bolder cuff at the ear."
    blocks = "".join(widget(paragraphs(SENTENCES[i:i + 2])) for i in range(0, 6, 2))
    share = widget("<p><a href='/fb'>Share on Facebook</a> <a href='/x'>Share on X</a> <a href='/m'>Mail</a></p>")
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1>{blocks}{widget(f'<p>{short}</p>')}"
                            f"{share}"))
    assert document.paragraphs == [*SENTENCES, short]
    promo = widget("<p>Intuitive trade software, with a world class experience for your clients and your team.</p>")
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1>{promo}{blocks}{promo}"))
    assert document.paragraphs == SENTENCES  # a promotion says its line more than once on the page


@pytest.mark.parametrize("kind", ["cookie", "subscribe", "author-box", "promo"])
def test_a_small_builder_block_whose_class_names_furniture_goes_though_it_holds_prose(kind: str) -> None:
    """The builder's word cut out, "builder-widget-cookie" still says what the block is: its sentence of prose
    is no paragraph of the article."""
    def widget(inner: str, name: str = "text-editor") -> str:
        return (f'<div class="builder-widget builder-widget-{name}"><div class="builder-widget-container">'
                f"{inner}</div></div>")
    notice = "We use cookies and a weekly newsletter to keep you informed of the talks, if you agree to both."
    blocks = "".join(widget(paragraphs(SENTENCES[i:i + 2])) for i in range(0, 6, 2))
    box = widget(f"<p>{notice}</p>", kind)
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1>{blocks}{box}"))
    assert document.paragraphs == SENTENCES


def test_a_layout_word_on_the_wrapper_of_the_article_is_no_sidebar() -> None:
    """"c-fixed-sidebar-layout" and "sidebar-content" say where the sidebar is, not that the wrapper is one;
    the real sidebar (link-heavy) is still dropped."""
    sidebar = f'<div class="sidebar"><h3>Most read</h3><ul>{LINKS}</ul></div>'
    body = (f'<div class="c-fixed-sidebar-layout"><div class="sidebar-content"><h1>Talks on the trade corridor '
            f"to resume</h1>{paragraphs()}</div>{sidebar}</div>")
    document = extract(page(body))
    assert document.paragraphs == SENTENCES


def test_a_short_article_under_the_headline_beats_a_long_sidebar_widget() -> None:
    """The article is short, so the second pass looks again; the sidebar's text widget (long paragraphs, no
    links) is larger, and its "sidebar" holds most of the page like a layout wrapper. The article meets the
    headline's branch lower down: it stays (a campaign's programme beside a short blog post)."""
    programme = "".join(f"<p>{number}. {text} The programme returns to it in a later chapter.</p>"
                        for number, text in enumerate(SENTENCES * 3))
    body = (f'<div id="container"><div id="content"><section class="post"><header><h1>Talks on the trade corridor '
            f'to resume</h1></header><article class="article">{paragraphs(SENTENCES[:5])}</article></section></div>'
            f'<section id="sidebar"><aside class="widget widget_text"><h3 class="widget-title">Our programme</h3>'
            f'<div class="widget-inner">{programme}</div></aside></section></div>')
    document = extract(page(body))
    assert document.paragraphs == SENTENCES[:5]


def test_the_looser_pass_leaves_comment_sections_out() -> None:
    """When the article is short, the second pass does not take the comments for it."""
    comments = "".join(f'<div class="comment"><p>{text} I disagree entirely with this.</p></div>'
                       for text in SENTENCES * 2)
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:2])}</article>"
            f'<section class="comments">{comments}</section>')
    document = extract(page(body))
    assert document.paragraphs == SENTENCES[:2]


def test_text_only_inside_noscript_is_read() -> None:
    """A forum that renders with script leaves its posts in <noscript>: that text is used when the rest
    of the page holds none."""
    body = f'<div id="app"></div><noscript><div class="posts">{paragraphs()}</div></noscript>'
    assert extract(page(body)).paragraphs == SENTENCES


def test_noscript_is_not_used_when_the_page_has_text() -> None:
    body = (f"<article>{paragraphs()}</article>"
            "<noscript><p>Please enable JavaScript to view the comments.</p></noscript>")
    assert extract(page(body)).paragraphs == SENTENCES


def test_soft_hyphens_and_zero_width_spaces_are_removed() -> None:
    hyphenated = [text.replace("corridor", "cor\u00adri\u00addor").replace("ministry", "min\u200bistry")
                  for text in SENTENCES]
    document = extract(page(f"<h1>Talks on the trade cor\u00adridor to resume</h1><article>{paragraphs(hyphenated)}"
                            "</article>"))
    assert document.paragraphs == SENTENCES
    assert "\u00ad" not in (document.title or "")


@pytest.mark.parametrize("phrase", [
    "Mehr zum Thema:", "Lesen Sie auch:", "Veja Também", "Leia também:", "Lire aussi :", "À lire aussi",
    "Lea también:", "Читайте также:", "相关阅读", "اقرأ أيضا:", "Read more:", "See also", "Anzeige", "Publicité",
])
def test_boilerplate_lead_ins_in_the_sources_languages(phrase: str) -> None:
    body = (f"<article>{paragraphs(SENTENCES[:3])}<p>{phrase}</p>"
            f"<p><a href='/x'>{phrase} Another story from the same site today</a></p>{paragraphs(SENTENCES[3:])}"
            "</article>")
    assert extract(page(body)).paragraphs == SENTENCES


@pytest.mark.parametrize("line", [
    "4 Min Read", "3 MIN. READ", "Reading time: 8 minutes", "Lesezeit: 3 Minuten", "4 Min. Lesezeit",
    "Temps de lecture : 5 min", "Tiempo de lectura: 4 min", "Tempo de leitura: 2 minutos", "Время чтения: 5 мин",
    "阅读时间：5分钟", "By", "Von",
])
def test_a_reading_time_or_a_lone_byline_word_is_no_paragraph(line: str) -> None:
    body = f"<article><p>{line}</p>{paragraphs()}</article>"
    assert extract(page(body)).paragraphs == SENTENCES


@pytest.mark.parametrize("label", ["Category:", "Tags:", "Filed under:", "Schlagworte:", "Catégories :", "Etiquetas:",
                                   "Рубрика:", "标签："])
def test_a_line_of_the_posts_categories_is_no_paragraph(label: str) -> None:
    line = f"<h2>{label} <a href='/c/blog'>Blog</a> <a href='/c/popular'>Popular</a></h2>"
    assert extract(page(f"<article>{paragraphs()}{line}</article>")).paragraphs == SENTENCES


def test_a_tables_cell_that_reads_like_a_byline_word_stays() -> None:
    """"Par" heads a golf card's column, "Di" is Tuesday in a German timetable: cells, not bylines, the word
    set in the cell or in a paragraph inside it; the same word alone after the table is a byline's."""
    for cell in ("{}", "<p>{}</p>", "<div><span>{}</span></div>"):
        table = (f"<table><tr><th>Hole</th><th>{cell.format('Par')}</th></tr>"
                 f"<tr><td>{cell.format('Di')}</td><td>4</td></tr></table>")
        assert extract(page(f"<article>{paragraphs()}{table}<p>Von</p></article>")).paragraphs == [
            *SENTENCES, "Hole", "Par", "Di", "4"], cell


def test_a_lone_byline_word_in_a_page_laid_out_in_a_table_is_still_left_out() -> None:
    """The review of 8de27da: an old site's article in one cell of a layout table, read from the table, kept its
    lone "By" line as text; only a short cell's word is the cell's."""
    from briefarc.extract.blocks import Block, keep_block

    tree = LexborHTMLParser(f"<table><tr><td>Par</td><td><h1>Minister visits Paris</h1><p>By</p>"
                            f"{paragraphs()}</td></tr></table>")
    short, layout = tree.css("td")
    assert keep_block(Block("Par", "p"), short) and not keep_block(Block("By", "p"), layout)
    assert not keep_block(Block("By", "p"))


def test_sentences_that_start_like_a_lead_in_stay() -> None:
    assert not is_boilerplate("Topics: the talks covered trade, water and the border, the ministry said.", 0.0)
    assert not is_boilerplate("He read the statement for 5 minutes.", 0.0)
    assert not is_boilerplate("4 minutes", 0.0) and not is_boilerplate("By Jane Roe", 0.0)
    assert not is_boilerplate("Lecture 3 – 45 min", 0.0)  # a course's, not a reading time
    assert not is_boilerplate("Recommended daily intake of vitamin C is 90 mg for men and 75 mg for women.", 0.0)
    assert not is_boilerplate("Related talks are planned for the spring, the ministry said in its statement.", 0.0)


@pytest.mark.parametrize(("byline", "expected"), [
    ("By: Jane Doe", "Jane Doe"), ("Von: Hans Müller", "Hans Müller"), ("Publié par Marie Curie", "Marie Curie"),
    ("Escrito por Ana Lopes", "Ana Lopes"), ("Written by Sam Lee", "Sam Lee"), ("Автор: Иван Петров", "Иван Петров"),
    ("BySummer Swann", "Summer Swann"), ("By", None),
])
def test_byline_prefixes_are_stripped(byline: str, expected: str | None) -> None:
    body = f'<article><h1>Talks</h1><div class="byline">{byline}</div>{paragraphs()}</article>'
    assert extract(page(body)).author == expected


def test_entities_are_decoded_in_every_field() -> None:
    ld = {"@type": "NewsArticle", "headline": "&#8220;We needed to win this&nbsp;game&#8221;",
          "author": {"@type": "Person", "name": "Jos&eacute; P&amp;rez"}, "datePublished": "2024-05-02"}
    head = (f'<script type="application/ld+json">{json.dumps(ld)}</script>'
            '<meta property="og:site_name" content="Sports &amp;amp; More">')
    document = extract(page(f"<article>{paragraphs()}</article>", head=head))
    assert document.title == "“We needed to win this game”"
    assert document.author == "José P&rez"
    assert document.site_name == "Sports & More"


def test_an_organisation_as_json_ld_author_gives_way_to_the_byline() -> None:
    ld = {"@type": "Article", "headline": "Talks", "author": {"@type": "Organization", "name": "The Daily"}}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    body = f'<article><h1>Talks</h1><p class="byline">By Jane Doe</p>{paragraphs()}</article>'
    assert extract(page(body, head=head)).author == "Jane Doe"


def test_the_headline_as_shown_wins_over_a_rewritten_og_title() -> None:
    head = '<meta property="og:title" content="Talks on trade corridor to resume | The Daily">'
    body = f"<article><h1>Talks on the trade corridor to resume next month</h1>{paragraphs()}</article>"
    assert extract(page(body, head=head)).title == "Talks on the trade corridor to resume next month"


def test_a_site_logo_in_an_h1_is_no_headline() -> None:
    head = '<meta property="og:title" content="Talks on the trade corridor to resume">' \
           '<meta property="og:site_name" content="The Daily">'
    body = f"<header><h1>The Daily</h1></header><article>{paragraphs()}</article>"
    assert extract(page(body, head=head)).title == "Talks on the trade corridor to resume"


@pytest.mark.parametrize(("line", "lang", "expected"), [
    ("Last updated Aug 04, 2025", "en", "2025-08-04"),
    ("Publié le 12 mars 2025 par la rédaction", "fr", "2025-03-12"),
    ("Veröffentlicht am 3. März 2024", "de", "2024-03-03"),
    ("5 de mayo de 2023", "es", "2023-05-05"),
    ("12 марта 2025", "ru", "2025-03-12"),
])
def test_a_date_line_near_the_headline_in_the_page_language(line: str, lang: str, expected: str) -> None:
    body = (f"<article><h1>Talks on the trade corridor to resume</h1><div><span>{line}</span></div>"
            f"{paragraphs()}</article><footer><p>Posted 1 January 2020</p></footer>")
    document = extract(f"<html lang='{lang}'><head></head><body>{body}</body></html>".encode())
    assert (document.published or "")[:10] == expected


def test_a_footer_or_card_date_far_from_the_headline_is_not_the_page_date() -> None:
    cards = "".join(f"<p>{text}</p>" for text in SENTENCES * 4)
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{cards}</article>"
            "<aside><ul><li>Another story <time>May 4, 2021</time></li></ul></aside>")
    assert extract(page(body)).published is None


def test_date_published_wins_over_date_modified() -> None:
    ld = {"@type": "NewsArticle", "headline": "Talks", "dateModified": "2025-06-01", "datePublished": "2025-03-02"}
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert extract(page(f"<article>{paragraphs()}</article>", head=head)).published[:10] == "2025-03-02"


def test_a_utc_timestamp_a_day_off_the_url_takes_the_url_day() -> None:
    head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">'
    document = extract(page(f"<article>{paragraphs()}</article>", head=head), url="https://example.org/2025/12/18/talks/")
    assert document.published == "2025-12-18"


def depth_of(html: str) -> int:
    deepest = 0
    tree = LexborHTMLParser(html)
    for node in tree.root.traverse():
        depth, parent = 0, node.parent
        while parent is not None and depth <= MAX_DEPTH + 10:
            depth, parent = depth + 1, parent.parent
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH + 5:
            break
    return deepest


def test_the_depth_guard_flattens_markup_nested_beyond_any_real_page() -> None:
    nested = "<html><body>" + "<div>level" * 20_000 + "<p>The deepest paragraph of text.</p>" + "</div>" * 20_000
    flat = flatten_deep(nested)
    assert MAX_DEPTH - 5 <= flat.count("<div>") <= MAX_DEPTH and "The deepest paragraph of text." in flat
    assert depth_of(flat) <= MAX_DEPTH + 5
    document = extract((nested + "</body></html>").encode())
    assert "The deepest paragraph of text." in document.body


def test_the_depth_guard_leaves_ordinary_pages_alone() -> None:
    ordinary = "<html><body>" + "<div><p>text</p><br><img src=x></div>" * 5000 + "</body></html>"
    assert flatten_deep(ordinary) is ordinary


def test_nested_tables_keep_their_text() -> None:
    nested = "<html><body>" + "<table><tr><td>cell" * 4000 + "<p>Inner text of the last cell here.</p>" \
             + "</td></tr></table>" * 4000 + "</body></html>"
    assert "Inner text of the last cell here." in extract(nested.encode()).body


def test_a_long_text_is_folded_without_a_list_of_its_words() -> None:
    huge = "word " * 400_000  # one text node of a pathological page
    tracemalloc.start()
    try:
        folded = text_module.fold(huge)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert folded == huge.strip() and peak < 5 * len(huge)  # the words' list took 30 times the text


def test_a_long_text_folded_in_parts_reads_as_folded_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    pieces = ["a", "Bc", "中", "文", " ", " ", "\n", "\t", "\r\n", " ", "　", "­", "​", "."]
    chooser = random.Random(12)
    texts = ["".join(chooser.choices(pieces, k=chooser.randint(1, 300))) for _ in range(500)]
    whole = [text_module.fold(text) for text in texts]
    monkeypatch.setattr(text_module, "LONG_TEXT", 8)
    assert [text_module.fold(text) for text in texts] == whole


def test_a_stray_nul_byte_does_not_reject_the_page() -> None:
    data = page(f"<article>{paragraphs()}</article>").replace(b"<article>", b"<article>\x00")
    assert extract(data).paragraphs == SENTENCES


def test_a_page_whose_every_block_a_class_word_marks_is_read_without_them() -> None:
    """The third pass of the cascade: when both readings give nothing because class words (here
    "related", on the only block of text, which holds no headline) mark all the text, the page is read
    with no class or id word marking anything; tags still do (the <nav> stays out)."""
    body = (f"<nav><ul>{LINKS}</ul></nav><div class='related-stories-layout'>{paragraphs()}</div>"
            "<footer><p>Copyright 2025 The Daily, all rights reserved in every country of the world.</p></footer>")
    assert extract(page(body)).paragraphs == SENTENCES


STANDFIRST = ("A new map shows where people with low incomes in the region can find free legal help, and how "
              "far many of them still have to travel to the nearest office that takes cases like theirs.")


def test_a_reading_of_the_title_and_standfirst_alone_gets_the_third_pass() -> None:
    """The third pass also follows a reading that keeps too little and no paragraph but the page's title
    and standfirst shown again (here the header, its standfirst repeated; the article sits in a block whose
    id says "related"): those are left out of the body, which would be empty."""
    header = f"<div class='intro'><h1>I need legal help</h1><p class='lede'>{STANDFIRST}</p><p>{STANDFIRST}</p></div>"
    head = f"<title>I need legal help</title><meta name='description' content='{STANDFIRST}'>"
    body = (f"<nav><ul>{LINKS}</ul></nav><main>{header}<div id='map-and-related'>{paragraphs()}</div></main>"
            "<footer><p>Copyright 2025 The Daily.</p></footer>")
    assert extract(page(body, head=head)).paragraphs == SENTENCES


def test_a_reading_of_a_few_words_gets_the_third_pass() -> None:
    """A reading that keeps a few scraps of text and no paragraph (the visible shell of a page whose
    article is a hidden streamed part) is too little even though it kept something."""
    shell = "<div><span>Menu</span> <span>Sign in</span> <span>EN</span></div>"
    body = f"<nav><ul>{LINKS}</ul></nav>{shell}<div class='related-stories-layout'>{paragraphs()}</div>"
    assert extract(page(body)).paragraphs == SENTENCES


def test_a_table_in_a_figure_is_the_articles_data() -> None:
    """The block editor of WordPress sets every table in <figure class="wp-block-table">: a figure that
    holds a table is the article's data, not a caption or a picture; a figure of a picture still goes."""
    rows = "".join(f"<tr><td>{year}</td><td>+{year % 7 + 3}.{year % 10}%</td></tr>" for year in range(2013, 2025))
    table = f"<figure class='wp-block-table'><table><tbody>{rows}</tbody></table></figure>"
    picture = ("<figure><img src='/a.jpg'><figcaption>Trucks wait at the border crossing on Monday.</figcaption>"
               "</figure>")
    body = f"<article><h1>Talks on the trade corridor to resume</h1>{picture}{paragraphs(SENTENCES[:3])}{table}" \
           f"{paragraphs(SENTENCES[3:])}</article>"
    document = extract(page(body))
    assert document.paragraphs[3:7] == ["2013", "+7.3%", "2014", "+8.4%"]
    assert "Trucks wait" not in document.body
    assert [p for p in document.paragraphs if p in SENTENCES] == SENTENCES


def test_a_class_word_that_only_begins_with_jump_is_no_jump_link() -> None:
    """"jump" marks jump links ("jump-to-recipe", "jumplinks"), not a class word that merely begins with it
    ("jumpstart-table", an agency's "jumpfactor-responsive-table"); the jump links still go."""
    rows = "".join(f"<tr><td><p>Step {n}</p></td><td><p>Meet the partners again in round {n}</p></td></tr>"
                   for n in range(3))
    table = f"<div class='jumpstart-table'><table><tbody>{rows}</tbody></table></div>"
    jump = "<div class='jump-to'><a href='#plan'>Jump to the plan</a> <a href='#faq'>Jump to questions</a></div>"
    body = f"<article><h1>Talks on the trade corridor to resume</h1>{jump}{paragraphs()}{table}</article>"
    document = extract(page(body))
    assert "Meet the partners again in round 1" in document.paragraphs
    assert "Jump to" not in document.body


def test_a_short_caption_is_no_sign_of_a_missed_article() -> None:
    """A video's page: its title, a one-line description and a block of related stories. The description
    is the page's text; the third pass, which would read the related stories as the article, is not run."""
    teasers = "".join(f"<div class='teaser'><p>{text}</p></div>" for text in SENTENCES)
    body = ("<main><h1>Spokesperson's weekly briefing</h1><p>Watch the weekly briefing of 14 March, in full.</p>"
            f"</main><div class='related-stories'>{teasers}</div>")
    assert extract(page(body)).paragraphs == ["Watch the weekly briefing of 14 March, in full."]
