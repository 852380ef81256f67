"""The page's date when its signals disagree or say little: the date the page shows by its headline
over a structured datePublished it never shows, an aside that holds the dateline, and the fallbacks
for pages that declare no date and show none by the headline."""

from __future__ import annotations

import json

import pytest

from briefarc.extract.core import extract
from briefarc.extract.dates import date_mentions, find_date_in_language

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the guide says enough to be read as body text, about the tools, the prices, the "
    f"trade-offs and what readers told us after trying them for a month at home and at work.</p>" for n in range(4)
)
HEADLINE = "<h1>How to choose a budget laptop this year</h1>"


def page(head: str, body: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>How to choose a budget laptop '
            f"this year - Gadget Notes</title>{head}</head><body>{body}</body></html>").encode()


def ld(**fields: str) -> str:
    return f'<script type="application/ld+json">{json.dumps({"@type": "BlogPosting", **fields})}</script>'


# --- the date shown by the headline against the structured datePublished ------------------------

def test_the_date_shown_by_the_headline_beats_a_structured_date_the_page_never_shows() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2024-09-06T08:00:00+00:00",
              dateModified="2025-11-14T08:00:00+00:00")
    body = f'{HEADLINE}<div class="meta"><span>By Jane Roe</span><span>November 14, 2025</span></div>{PARAGRAPHS}'
    assert extract(page(head, body)).published == "2025-11-14"


def test_microdata_date_published_gives_way_to_the_shown_date_too() -> None:
    body = ('<article itemscope itemtype="https://schema.org/BlogPosting">'
            '<meta itemprop="datePublished" content="2024-05-09 00:00:00 +0000">'
            f"{HEADLINE}<div>16 December 2025</div>{PARAGRAPHS}</article>")
    assert extract(page("", body)).published == "2025-12-16"


def test_the_structured_date_stays_when_the_page_shows_it_somewhere() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2024-09-06T08:00:00+00:00")
    body = (f"{HEADLINE}<div>November 14, 2025</div>{PARAGRAPHS}"
            "<div class=info><span>First published:</span> <span>6 Sep 2024</span></div>")
    assert extract(page(head, body)).published == "2024-09-06T08:00:00+00:00"


def test_the_structured_date_stays_against_an_updated_line_or_time() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2024-09-06T08:00:00+00:00")
    line = f"{HEADLINE}<div>Last updated: November 14, 2025</div>{PARAGRAPHS}"
    assert extract(page(head, line)).published == "2024-09-06T08:00:00+00:00"
    marked = (f'<header>{HEADLINE}<time class="entry-date updated" itemprop="dateModified" '
              f'datetime="2025-11-14">Nov 14, 2025</time></header>{PARAGRAPHS}')
    assert extract(page(head, marked)).published == "2024-09-06T08:00:00+00:00"


def test_a_time_inside_an_update_marked_span_or_after_a_hidden_timestamp_is_an_updates() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2023-10-02T08:00:00+00:00")
    marked = (f'<header class="entry-header">{HEADLINE}<div class="entry-meta"><span class="posted-on update-dt">'
              '<time class="entry-date published" datetime="2024-12-06T11:29:12+00:00">December 6, 2024</time>'
              f"</span></div></header>{PARAGRAPHS}")
    assert extract(page(head, marked)).published == "2023-10-02T08:00:00+00:00"
    hidden = f'{HEADLINE}<span class="updated hidden">2025-10-30T10:45:07-04:00</span>{PARAGRAPHS}'
    assert extract(page(head, hidden)).published == "2023-10-02T08:00:00+00:00"


def test_the_bodys_own_classes_do_not_make_the_headers_time_furniture() -> None:
    """WordPress themes put "no-sidebar" or "related-posts-on" on <body>: that says nothing of the header."""
    body = (f'<article><header class="entry-header">{HEADLINE}<time datetime="2021-09-08">3 years ago</time>'
            f"</header>{PARAGRAPHS}</article>")
    document = extract(page("", body).replace(b"<body>", b'<body class="single no-sidebar">'))
    assert document.published == "2021-09-08"


def test_a_meta_tag_published_time_is_not_overruled_by_the_shown_date() -> None:
    head = '<meta property="article:published_time" content="2015-05-12T10:00:00+00:00">'
    body = f"{HEADLINE}<div>January 25, 2026</div>{PARAGRAPHS}"
    assert extract(page(head, body)).published == "2015-05-12T10:00:00+00:00"


def test_script_and_frame_text_is_not_what_the_page_shows() -> None:
    """Escaped JSON in a frame's raw text (a page left inside an unclosed iframe) shows no date."""
    head = ld(headline="How to choose a budget laptop", datePublished="2024-04-10T19:30:39+00:00")
    frame = '<noscript><iframe src="/ns.html">{"datePublished":"2024-04-10T19:30:39"}</iframe></noscript>'
    body = f"{frame}{HEADLINE}<div>Sep 4, 2025</div>{PARAGRAPHS}"
    assert extract(page(head, body)).published == "2025-09-04"


def test_a_time_in_an_aside_of_the_headlines_own_article_is_its_dateline() -> None:
    body = (f'<nav><a href="/">Back to posts</a></nav><article><aside><time datetime="2021-06-06">June 6, 2021'
            f"</time></aside><h2>How to choose a budget laptop this year</h2>{PARAGRAPHS}</article>"
            '<aside><h3>Elsewhere</h3><time datetime="2024-01-01">Jan 1, 2024</time></aside>')
    assert extract(page("", body)).published == "2021-06-06"


def test_a_quoted_posts_date_or_a_listed_articles_is_not_the_pages() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2025-12-19T08:00:00+00:00")
    tweet = ('<blockquote class="embedded-post"><p>Budget laptops got better this year.</p>&mdash; A reader '
             '<a href="https://social.example/status/1">October 16, 2024</a></blockquote>')
    assert extract(page(head, HEADLINE + tweet + PARAGRAPHS)).published == "2025-12-19T08:00:00+00:00"
    latest = ('<div class="author-box"><p>Jane Roe writes about gadgets.</p><ul><li><a href="/older">'
              "Ten cheap monitors compared</a> - January 13, 2020</li></ul></div>")
    assert extract(page(head, HEADLINE + latest + PARAGRAPHS)).published == "2025-12-19T08:00:00+00:00"


def test_a_date_in_the_bylines_own_list_items_still_counts() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2024-09-06T08:00:00+00:00")
    meta = ('<ul class="post-info"><li><a href="/author/jane">Jane Roe</a></li>'
            '<li><a href="/2022/10/08/"><time>8 Oct 2022</time></a></li></ul>')
    assert extract(page(head, HEADLINE + meta + PARAGRAPHS)).published == "2022-10-08"


def test_a_note_of_first_publication_beats_the_date_by_the_headline() -> None:
    note = ('<p class="disclaimer">This article was originally published on 26 Sep 2019 at 4:12pm but has been '
            "regularly updated to keep the information current.</p>")
    body = f"{HEADLINE}<div>September 30, 2022</div>{PARAGRAPHS}{note}"
    assert extract(page("", body)).published == "2019-09-26"


# --- fallbacks ------------------------------------------------------------------------------------

def test_a_published_label_with_its_date_in_the_next_element() -> None:
    body = (f"{HEADLINE}{PARAGRAPHS * 3}<table><tr><td>Scan of the original print</td></tr></table>"
            '<div class="dateline"><p class="label">Published</p><p class="date">Feb 2, 2023</p></div>')
    assert extract(page("", body)).published == "2023-02-02"


@pytest.mark.parametrize("label", ["\u00ad Published", "\u200b\n  Posted on", "Опубликовано", "发布时间：",
                                   "LAST UPDATED"])
def test_a_label_behind_invisible_characters_or_in_another_script_is_read(label: str) -> None:
    """Text nodes are folded only when their first visible character may open a label: that test must
    see past spaces and the invisible characters fold() drops, and know every label's first letter."""
    body = f'{HEADLINE}{PARAGRAPHS * 3}<div class="dateline"><p>{label} 2023-02-02</p></div>'
    assert extract(page("", body)).published == "2023-02-02"


def test_an_updated_line_far_below_the_headline() -> None:
    filler = "".join(f"<h3>Pick {n}</h3><p>{'Fast, light and cheap enough for most. ' * 12}</p>" for n in range(6))
    body = f'{HEADLINE}{filler}<div class="byline"><p class="pub">Updated March 13, 2024</p></div>'
    assert extract(page("", body)).published == "2024-03-13"


def test_a_date_published_kept_as_escaped_json_in_an_attribute() -> None:
    props = '{&quot;title&quot;:&quot;Guide&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}'
    body = f'<astro-island props="{props}"></astro-island>{HEADLINE}{PARAGRAPHS}'
    assert extract(page("", body)).published == "2025-11-17T09:00:00-05:00"


def test_a_wire_dateline_opening_the_description() -> None:
    head = ('<meta property="og:description" content="By Md Karim RAJSHAHI, Dec 20, 2025 (BSS) - Homestead '
            'gardening has made rural communities more self-reliant.">')
    assert extract(page(head, HEADLINE + PARAGRAPHS)).published == "2025-12-20"


def test_the_date_of_the_last_change_when_nothing_else_dates_the_page() -> None:
    head = '<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">'
    assert extract(page(head, HEADLINE + PARAGRAPHS)).published == "2023-06-12T10:39:42+00:00"


def test_the_urls_date_beats_the_fallbacks() -> None:
    head = '<meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">'
    document = extract(page(head, HEADLINE + PARAGRAPHS), url="https://notes.example/2021/03/04/laptops/")
    assert document.published == "2021-03-04"


def test_a_published_label_in_a_related_list_is_not_the_pages() -> None:
    related = '<ul class="related"><li><a href="/b">Another guide</a> <span>Published 3 May 2022</span></li></ul>'
    assert extract(page("", HEADLINE + PARAGRAPHS * 3 + related)).published is None


def test_a_time_in_an_article_promoted_to_the_front_page_is_its_date() -> None:
    """Drupal's "node--promoted" says the article is on the front page; a "promo" box's date stays out."""
    time = '<div class="post-date"><time datetime="2025-12-19T15:55:39-08:00">12/19 \u2014 2025</time></div>'
    article = f'<article class="node node--type-blog node--promoted">{time}{PARAGRAPHS}</article>'
    assert extract(page("", HEADLINE + article)).published == "2025-12-19T15:55:39-08:00"
    promo = '<div class="promo-box">Offer ends <time datetime="2022-05-03">this spring</time>: try our app</div>'
    assert extract(page("", HEADLINE + PARAGRAPHS + promo)).published is None


# --- a date written on a page --------------------------------------------------------------------

def test_date_mentions_reads_the_usual_forms_and_no_other_day() -> None:
    for text in ("on 2025-03-02 at", "02.03.2025", "3/2/2025", "March 2nd, 2025", "2 Mar 2025", "Mar. 02, 2025",
                 "2025年3月2日"):
        assert date_mentions(text, "2025-03-02T10:00:00+00:00") == 1, text
    assert date_mentions("le 2 mars 2025", "2025-03-02", "fr") == 1
    for text in ("12 March 2025", "March 22, 2025", "2025-03-021", "2 mars 2025", "March 2", "2025 and 2025-03"):
        assert date_mentions(text, "2025-03-02") == 0, text
    assert date_mentions("2 March 2025, then 2025-03-02 again", "2025-03-02") == 2
    assert date_mentions("2 March 2025", "not a date") == 0


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Publié le 12 déc. 2024", "fr", "2024-12-12"),
    ("3 févr. 2025", "fr", "2025-02-03"),
    ("7 juil. 2023", "fr", "2023-07-07"),
    ("5 de ago. de 2023", "es", "2023-08-05"),
    ("3. Okt. 2024", "de", "2024-10-03"),
    ("12 сент. 2025", "ru", "2025-09-12"),
    ("١٢ مارس ٢٠٢٥", "ar", "2025-03-12"),
    ("نشر في 12 آذار 2025", "ar", "2025-03-12"),
    ("3 كانون الثاني 2024", "ar", "2024-01-03"),
    ("1 آب 2024", "ar", "2024-08-01"),
])
def test_month_abbreviations_arabic_months_and_arabic_digits(text: str, language: str, expected: str) -> None:
    assert find_date_in_language(text, language) == expected


def test_a_prefix_two_months_share_is_no_month() -> None:
    assert find_date_in_language("12 jui 2025", "fr") is None  # juin or juillet
    assert find_date_in_language("12 ma 2025", "fr") is None


def test_an_arabic_pages_date_line_by_its_headline() -> None:
    sentence = "من المقال تقول ما يكفي لتقرأ نصا، عن الوزارة والمحادثات والجيران."
    paragraphs = "".join(f"<p>الفقرة {n} {sentence}</p>" for n in range(5))
    body = f"<article><h1>استئناف المحادثات في الدوحة بعد توقف طويل</h1><div>١٢ آذار ٢٠٢٥</div>{paragraphs}</article>"
    document = extract(f'<html lang="ar"><head><meta charset="utf-8"></head><body>{body}</body></html>'.encode())
    assert document.published == "2025-03-12"


# --- signals of the kind htmldate's test suite lists --------------------------------------------------

def test_a_saved_page_is_dated_by_its_own_canonical_address() -> None:
    """Saved without its URL, a page still names its address: a date in that path dates it."""
    canonical = '<link rel="canonical" href="https://news.example.org/2018/02/01/laptops">'
    assert extract(page(canonical, HEADLINE + PARAGRAPHS)).published == "2018-02-01"
    og_url = '<meta property="og:url" content="https://news.example.org/2018/02/01/laptops">'
    assert extract(page(og_url, HEADLINE + PARAGRAPHS)).published == "2018-02-01"


def test_a_microformat_publication_date() -> None:
    hatom = '<abbr class="published" title="2016-11-12T08:00:00">Saturday morning</abbr>'
    assert extract(page("", HEADLINE + PARAGRAPHS + hatom)).published == "2016-11-12"  # no offset: the day
    mf2 = '<span class="dt-published">12 November 2016</span>'
    assert extract(page("", HEADLINE + PARAGRAPHS + mf2)).published == "2016-11-12"


def test_a_creation_date_in_the_meta_tags_when_no_other_is_declared() -> None:
    for name in ("dc:created", "created", "dcterms.created"):
        assert extract(page(f'<meta name="{name}" content="2017-09-01">', HEADLINE + PARAGRAPHS)).published \
            == "2017-09-01"


def test_a_time_marked_as_the_updates_gives_way_to_a_later_one_that_is_not() -> None:
    times = '<time class="updated" datetime="2011-09-28"></time><time class="entry-date" datetime="2011-09-27"></time>'
    assert extract(page("", PARAGRAPHS + times)).published == "2011-09-27"
    only = '<time class="updated" datetime="2011-09-28"></time>'
    assert extract(page("", PARAGRAPHS + only)).published == "2011-09-28"


def test_a_time_marked_both_published_and_updated_is_the_publication() -> None:
    """WordPress marks a post never changed `class="entry-date published updated"`: that is its date, not an
    update's to pass over for the next <time> on the page (here a comment's)."""
    post = '<time class="entry-date published updated" datetime="2011-09-27"></time>'
    comment = '<div class="comments-area"><div class="comment-meta"><time datetime="2012-01-05"></time></div></div>'
    assert extract(page("", PARAGRAPHS + post + comment)).published == "2011-09-27"


def test_an_updates_time_does_not_give_way_to_a_later_one() -> None:
    """A publication comes before its update: a <time> after the update's and later than it (a comment's) is
    not the publication's."""
    times = '<time class="updated" datetime="2011-09-28"></time>'
    comment = '<div class="comments-area"><time datetime="2012-01-05"></time></div>'
    assert extract(page("", PARAGRAPHS + times + comment)).published == "2011-09-28"


def test_a_headline_set_in_a_styled_paragraph_has_its_date_line_beside_it() -> None:
    """Page builders set the headline in a styled p or div, with no h1 on the page: the date line beside the
    element whose text is the title dates the page (before, no headline was found and the page had no date);
    the cards listed further down, with date lines of their own, do not date it."""
    def hero(headline: str) -> str:
        return (f'<div class="hero"><div><p class="t-1">{headline}</p></div><div><p class="t-2">Gadget Notes Team'
                '</p></div><div><p class="t-3">Feb 16, 2025</p></div></div>')
    cards = ('<div class="cards"><div><p>Ten monitors</p><p class="t-3">Mar 2, 2024</p></div><div><p>Five mice</p>'
             '<p class="t-3">Jan 9, 2024</p></div></div>')
    article = f"<article>{PARAGRAPHS}</article>"
    assert extract(page("", hero("How to choose a budget laptop this year") + article + cards)).published \
        == "2025-02-16"
    linked = hero('<a href="/laptops">How to choose a budget laptop this year</a>')
    assert extract(page("", linked + article + cards)).published is None  # a link's text is no headline


@pytest.mark.parametrize("copy", [
    '<div class="related"><a href="/laptops-2023"><div>{}</div><div>Jan 9, 2020</div></a></div>',
    '<nav><ul><li><span>{}</span></li><li>Jan 9, 2020</li></ul></nav>',
    '<div class="share" style="display: none"><p>{}</p><p>Jan 9, 2020</p></div>',
    '<div hidden><p>{}</p><p>Jan 9, 2020</p></div>',
])
def test_a_copy_of_the_title_in_a_link_a_menu_or_hidden_is_no_styled_headline(copy: str) -> None:
    """With no h1, the styled headline was the first text equal to the title wherever it stood: in a card's
    link, a menu or a hidden share dialog, with a date beside it that is not the page's."""
    title = "How to choose a budget laptop this year"
    hero = f'<div class="hero"><p class="t-1">{title}</p><p class="t-3">Feb 16, 2025</p></div>'
    assert extract(page("", copy.format(title) + hero + f"<article>{PARAGRAPHS}</article>")).published \
        == "2025-02-16"


def test_a_site_name_in_a_home_link_is_no_styled_headline() -> None:
    """A page whose title is only the site's name, its logo a link home beside today's date: the page's
    date is the one its URL and its own date line give, not today's."""
    site = "Ministry of Foreign Affairs of the Republic"
    body = (f'<a href="/"><span>{site}</span></a><div class="topbar"><span>Thursday, December 3, 2026</span></div>'
            f'<div class="content"><h2>Minister meets envoy</h2>{PARAGRAPHS}</div>')
    data = f'<html lang="en"><head><title>{site}</title></head><body>{body}</body></html>'.encode()
    assert extract(data, url="https://mfa.example/news/2024/05/02/minister.html").published == "2024-05-02"


def test_of_meta_tags_whose_names_only_say_published_the_earliest_day_is_the_date() -> None:
    """"published-time" written when the page was last built beside "published-date" of the article: a
    page is published once, so the earliest day such a tag gives is its date (the common names, such as
    article:published_time, keep their order)."""
    head = ('<meta name="published-time" content="2026-03-09T08:45:32.183Z">'
            '<meta name="published-date" content="2021-02-16">')
    assert extract(page(head, f"<article>{HEADLINE}{PARAGRAPHS}</article>")).published[:10] == "2021-02-16"



def test_a_day_with_a_two_digit_year_alone_beside_the_headline() -> None:
    """"02.12.19" on its own line over the headline, as German and other European pages write the day; the
    same digits inside a longer line (a version) are no date."""
    body = f"<div class='flag'>In the media</div><span>02.12.19</span>{HEADLINE}{PARAGRAPHS}"
    assert extract(page("", body, "de")).published == "2019-12-02"
    version = body.replace("02.12.19", "Version 02.12.19 of the guide")
    assert extract(page("", version, "de")).published is None


@pytest.mark.parametrize(("line", "expected"), [
    ("Von Christian am 03.05.2013, 11:51 | 0 Meinungen", "2013-05-03"),
    ("By Jane Roe on May 3, 2013", "2013-05-03"),
    ("Par Marie Curie, le 3 mai 2013", "2013-05-03"),
])
def test_a_byline_with_its_day_under_the_article_dates_an_undated_page(line: str, expected: str) -> None:
    body = f"{HEADLINE}{PARAGRAPHS * 3}<div class='asset-footer'><div class='asset-meta'>{line}</div></div>"
    lang = {"V": "de", "B": "en", "P": "fr"}[line[0]]
    assert extract(page("", body, lang)).published == expected


@pytest.mark.parametrize("line", [
    "By 15 March 2013 all bids for the terminal must reach the port authority.",  # a deadline
    "Par arrêté du 3 mai 2013, le ministre a nommé M. Dupont.",  # a decree
    "Di seguito il comunicato del 3 maggio 2013.",
    "от 3 мая 2013 года № 123",  # a reference
    "Von 3. bis 5. Mai 2013 findet die Konferenz statt.",  # an event
])
def test_a_sentence_that_opens_with_a_byline_word_dates_no_page(line: str) -> None:
    """The byline word must be followed by a name: a number or a small letter opens a sentence."""
    body = f"{HEADLINE}{PARAGRAPHS * 3}<p>{line}</p>"
    lang = {"B": "en", "P": "fr", "D": "it", "о": "ru", "V": "de"}[line[0]]
    assert extract(page("", body, lang)).published is None


def test_a_byline_word_after_a_link_is_the_rest_of_a_sentence_not_a_byline() -> None:
    body = (f"{HEADLINE}{PARAGRAPHS * 3}<p>The joint statement was signed <a href='/x'>in Astana</a> by President "
            f"Tokayev on 3 May 2013.</p>")
    assert extract(page("", body)).published is None
    byline = body.replace("<p>The joint", "<p><i class='icon'></i> By Jane Roe on 3 May 2013</p><p>The joint")
    assert extract(page("", byline)).published == "2013-05-03"


@pytest.mark.parametrize("line", ["3.4.12", "1.10.12"])
def test_a_version_alone_beside_the_headline_is_no_date(line: str) -> None:
    """The short form needs the zeros of day and month ("02.12.19"); "3.4.12" is a release's number."""
    body = f"<span>{line}</span>{HEADLINE}{PARAGRAPHS}"
    assert extract(page("", body, "de")).published is None


def test_a_dated_byline_of_each_comment_in_an_unclassed_list_dates_no_page() -> None:
    """Comments with no class that names them, each under its "Von Eva am 04.05.2013" line: the first dated an
    undated post, and stood before the post's own byline further down."""
    comments = ("<div><div><div><p>Von Hans am 03.05.2013, 11:51</p><p>Toller Beitrag, danke.</p></div>"
                "<div><p>Von Eva am 04.05.2013, 09:10</p><p>Sehe ich anders.</p></div></div></div>")
    article = f"<article>{HEADLINE}{PARAGRAPHS * 3}</article>"
    assert extract(page("", article + comments, "de")).published is None
    own = "<div class='asset-footer'><div>Von Christian am 02.05.2013, 10:00</div></div>"
    assert extract(page("", article + comments + own, "de")).published == "2013-05-02"
    # a paragraph after the post's own byline that opens with the same word is no second byline (the review)
    followed = (f"<article>{HEADLINE}{PARAGRAPHS * 3}<p>Von Christian am 02.05.2013, 10:00</p>"
                "<p>Von Berlin aus geht es weiter.</p></article>")
    assert extract(page("", followed, "de")).published == "2013-05-02"


def test_undated_bylines_beside_a_long_section_read_each_sibling_by_its_first_text(monkeypatch) -> None:
    """The review: 300 undated bylines in one section beside another of 60,000 paragraphs took 10.9 s, each
    byline's check reading the whole of its sibling. Only a sibling's first text is read now: counted, not
    timed (a section of 60,000 paragraphs gives its first one)."""
    from briefarc.extract import datefallbacks

    read: list[str] = []
    first_text = datefallbacks._first_text
    monkeypatch.setattr(datefallbacks, "_first_text", lambda node: read.append(first_text(node)) or read[-1])
    bylines = "".join(f"<div class='w{n}'><h4>x</h4><span>By Name{n}</span></div>" for n in range(300))
    body = f"{HEADLINE}<section>{bylines}</section><section>{'<p>Text of the page.</p>' * 60000}</section>"
    extract(page("", body))
    assert read and "Text of the page." in read and len(read) <= 300 * 2 * datefallbacks.LIST_DEPTH


def test_a_column_of_days_in_a_table_of_data_below_the_headline_is_no_date_line() -> None:
    head = ld(headline="How to choose a budget laptop", datePublished="2025-02-12T23:21:00+00:00")
    rows = "".join(f"<tr><td>{month}/1/2013</td><td>+{month}.1%</td></tr>" for month in range(1, 13))
    table = f"<figure><table><thead><tr><th>Date</th><th>Change</th></tr></thead><tbody>{rows}</tbody></table></figure>"
    assert extract(page(head, f"{HEADLINE}<p>Prices by month:</p>{table}{PARAGRAPHS}")).published.startswith(
        "2025-02-12")


def test_a_date_alone_in_a_layout_tables_cell_still_dates_the_page() -> None:
    body = f"<table><tr><td>{HEADLINE}</td></tr><tr><td>March 20, 2023</td></tr><tr><td>{PARAGRAPHS}</td></tr></table>"
    assert extract(page("", body)).published == "2023-03-20"


def test_the_rest_of_a_sentence_with_a_date_is_no_date_line() -> None:
    tail = ('<p>Check the <strong>Dates open</strong> column to find a site that plans to remain open after '
            'April 15, 2025.</p>')
    head = '<meta property="article:modified_time" content="2025-01-17T13:39:00-05:00">'
    assert extract(page(head, f"{HEADLINE}{tail}{PARAGRAPHS}")).published.startswith("2025-01-17")


def test_a_table_of_recent_briefings_does_not_hide_the_date_under_the_headline() -> None:
    rows = "".join(f"<tr><td>{day}</td><td><a href='/b/{n}'>Briefing {n}</a></td></tr>"
                   for n, day in enumerate(("12 March 2025", "5 March 2025", "26 February 2025")))
    body = (f'{HEADLINE}<div class="date">12 March 2025</div>{PARAGRAPHS}'
            f"<aside><h3>Recent briefings</h3><table>{rows}</table></aside>")
    assert extract(page("", body)).published == "2025-03-12"


@pytest.mark.parametrize(("line", "lang", "expected"), [
    ("miércoles, 12 de marzo de 2025.", "es", "2025-03-12"),
    ("quarta-feira, 12 de março de 2025.", "pt", "2025-03-12"),
    ("miércoles, 12 de marzo de 2025 a las 10:30 horas.", "es", "2025-03-12"),
    ("mercredi 12 mars 2025 à 10 heures 30 à Paris, France.", "fr", "2025-03-12"),
])
def test_a_weekday_written_small_opens_a_date_line_not_a_sentence(line: str, lang: str, expected: str) -> None:
    assert extract(page("", f"{HEADLINE}<p>{line}</p>{PARAGRAPHS}", lang=lang)).published == expected
