"""Body selection on pages no one tuned for: form fields, hidden copies of the article, parts of a
page streamed by script, link cards, and listings that are articles."""

from __future__ import annotations

from collections import Counter

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.cards import teaser_cards
from briefarc.extract.content import main_blocks
from briefarc.extract.core import extract
from tests.test_extract_fallbacks import LINKS, SENTENCES, page, paragraphs


def test_a_form_field_is_never_the_body() -> None:
    """A "republish this story" box holds the article's HTML in a <textarea>: it is text a reader may
    copy, not text the page shows, and a <select>'s options are never body either."""
    copy = "&lt;p&gt;" + " ".join(SENTENCES * 3) + "&lt;/p&gt;"
    options = "".join(f"<option>Department of regional affairs number {i}</option>" for i in range(30))
    document = extract(page(f"<div>{paragraphs(SENTENCES[:3])}</div><div><div><textarea>{copy}</textarea></div></div>"
                            f"<form><div><select>{options}</select></div></form>"))
    assert document.paragraphs == SENTENCES[:3]


def test_a_hidden_copy_of_the_article_loses_to_the_visible_one() -> None:
    """A hidden modal (display:none) that repeats the article with the only <h1> is withdrawn before the
    shares of the rest are measured: the visible column, whose class says "sidebar-content", then holds
    most of the text that is left and is the article."""
    modal = (f"<div style='display:none' role='dialog'><div><h1>Talks on the trade corridor to resume</h1>"
             f"{paragraphs()}</div></div>")
    cookies = "<div class='cookie-notice'>" + "".join(
        f"<p>Cookie setting {i}: this site stores small files on your device to remember your choices.</p>"
        for i in range(5)) + "</div>"
    comments = ("<div class='comments-area'>" + "".join(
        f"<p>Reader comment number {i}: I do not think the corridor will change much for us here.</p>"
        for i in range(3)) + "</div>")
    document = extract(page(f"<article><div class='sidebar-layout'><div class='sidebar-content'>{paragraphs()}"
                            f"{comments}</div><div class='sidebar'>{modal}</div></div></article>{cookies}"))
    assert document.paragraphs == SENTENCES


def test_parts_streamed_by_script_are_read_in_place() -> None:
    """React's streaming rendering sends <template id="B:n"> with a "Loading" fallback where a part goes,
    and the part later in <div hidden id="S:n">: it is read where the script would put it."""
    body = (f"<h1>Talks on the trade corridor to resume</h1><div class='article-body'><p>{SENTENCES[0]}</p>"
            f"<!--$?--><template id='B:0'></template><div>Loading paragraph...</div><!--/$-->"
            f"<p>{SENTENCES[3]}</p><div><template id='P:1'></template></div></div><footer><ul>{LINKS}</ul></footer>"
            f"<div hidden id='S:0'><p>{SENTENCES[1]}</p><p>{SENTENCES[2]}</p></div>"
            f"<div hidden id='S:1'><p>{SENTENCES[4]}</p><p>{SENTENCES[5]}</p></div>")
    document = extract(page(body))
    assert document.paragraphs == SENTENCES


def test_a_layout_wrapper_that_holds_the_page_is_read_with_its_link_cards() -> None:
    """A collection page: "layout-sidebar-left" wraps the guide, whose steps are headed by links. The
    wrapper holds most of the page, so in the looser reading its layout word marks nothing, however
    many links it holds."""
    steps = "".join(f"<h3>Step {i} - <a href='/guide/step-{i}'>{text[:40]}</a></h3><p>{text[40:]}</p>"
                    for i, text in enumerate(SENTENCES, 1))
    document = extract(page(f"<nav><ul>{LINKS}</ul></nav><h1>The guide</h1><div class='layout-sidebar-left'>"
                            f"<section class='jumplinks-section'>{steps}</section></div>"))
    body = " ".join(document.paragraphs)
    assert all(text[40:].strip() in body for text in SENTENCES)
    assert "Another story headline" not in body


def test_paragraphs_whose_shared_class_has_a_furniture_word_are_body() -> None:
    """Every paragraph wears "contextmenu Body": several long paragraphs with few links in one class
    are the article, short ones of that class included; a lone long "disclaimer" paragraph is not."""
    short = "Plant them in spring."
    body = "".join(f"<p class='contextmenu Body'>{text}</p>" for text in [*SENTENCES[:3], short, *SENTENCES[3:]])
    disclaimer = ("<p class='disclaimer'>This transcript was made on a rush deadline and may be revised; the "
                  "authoritative record of the programme is the audio, which may have been edited since it was "
                  "first broadcast on the radio.</p>")
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1><div>{body}</div>"
                            f"{disclaimer}</article>"))
    assert document.paragraphs == [*SENTENCES[:3], short, *SENTENCES[3:]]


def test_a_post_category_in_a_class_is_no_furniture_word() -> None:
    """WordPress lists the post's categories and tags as classes ("category-trending-topics",
    "tag-comment-policy"): the wrapper of the article is not furniture for naming them."""
    document = extract(page(f"<div class='status-publish category-trending-topics tag-comment-policy'>"
                            f"<div class='inner'>{paragraphs(SENTENCES[:3])}</div><div class='inner'>"
                            f"{paragraphs(SENTENCES[3:])}</div></div><footer><ul>{LINKS}</ul></footer>"))
    assert document.paragraphs == SENTENCES


def test_the_looser_reading_keeps_lists_in_widget_blocks() -> None:
    """Page builders put each heading, paragraph and list in its own "widget" block. When the first
    reading keeps too little, the second reads the blocks whose text is long and holds few links, lists
    included; a small widget (a share bar) still goes."""
    tips = [f"Tip {i}: ask the ministry's press office for the schedule of the next technical round." for i in range(3)]
    items = "".join(f"<li>{text}</li>" for text in tips)
    widgets = "".join(f"<div class='builder-widget'><div class='builder-widget-container'>"
                      f"{paragraphs(SENTENCES[i:i + 2])}</div></div>" for i in range(0, 6, 2))
    widgets += (f"<div class='builder-widget'><div class='builder-widget-container'><ul>{items}</ul></div></div>"
                f"<div class='builder-widget'><a href='/share'>Share this page with a friend</a></div>")
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><div>{widgets}</div>"))
    assert document.paragraphs == SENTENCES + tips


def test_page_builder_blocks_are_the_article_where_they_hold_the_text() -> None:
    """A page built of "widget" blocks (heading, text, text...) is read whole; on a page whose article is
    plain markup, a text-heavy "widget" after it (a fundraising letter) is still furniture."""
    notes = [f"Note {i}: the ministry will publish the agenda of the technical round a week ahead." for i in range(3)]
    parts = (notes + SENTENCES[:2], SENTENCES[2:4], SENTENCES[4:])
    built = "".join(f"<div class='so-panel widget widget_text'><div class='textwidget'>{paragraphs(part)}</div></div>"
                    for part in parts)
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><div class='panel-grid'>{built}</div>"))
    assert document.paragraphs == notes + SENTENCES
    letter = ("<div class='zone-widget custom-letter'><p>We have a small favour to ask of our readers: every "
              "donation made this month will be doubled by our partners until the end of the year.</p></div>")
    document = extract(page(f"<div class='story'><h1>Talks on the trade corridor to resume</h1>{paragraphs()}"
                            f"{letter}</div>"))
    assert document.paragraphs == SENTENCES


def test_hidden_is_a_furniture_word_only_on_its_own() -> None:
    """"overflow-hidden" is styling and "accordion-panel-hidden" a collapsed part of the article: both
    are read; a block whose class is "hidden" or "visually-hidden" is not."""
    notes = [f"Note {i}: the ministry will publish the agenda of the technical round a week ahead." for i in range(3)]
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>"
                            f"<div class='grid overflow-hidden'>{paragraphs(SENTENCES[:2])}</div>"
                            f"<span class='visually-hidden'>Opens in a new window</span>"
                            f"<div>{paragraphs(SENTENCES[2:4] + notes)}</div>"
                            f"<div class='accordion-panel accordion-panel-hidden'>{paragraphs(SENTENCES[4:])}</div>"
                            f"<div class='hidden'><p>Sign in to save this article to your reading list.</p></div>"
                            f"</article>"))
    assert document.paragraphs == SENTENCES[:4] + notes + SENTENCES[4:]


def test_code_is_read_whole_whatever_its_highlighting_classes() -> None:
    """Syntax highlighting wraps comments in <span class="hljs-comment">: inside <pre> they are code."""
    code = ("<pre><code class='language-bash'><span class='hljs-comment'># stage every modified file</span>\n"
            "git add -A\n<span class='hljs-comment'># commit them with a message</span>\n"
            "git commit -m 'fix'</code></pre>")
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
                            f"{code}{paragraphs(SENTENCES[3:])}</article>"))
    assert "# stage every modified file git add -A # commit them with a message" in document.body


def test_a_list_is_read_with_the_paragraphs_around_it() -> None:
    """The steps of a how-to (an <ol> of long items) hold most of the text: the container is still the
    element that holds the list and the paragraphs around it."""
    steps = "".join(f"<li><p>{text}</p><p>{text}</p></li>" for text in SENTENCES[1:5])
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><div class='body'><p>{SENTENCES[0]}</p>"
                            f"<ol>{steps}</ol><p>{SENTENCES[5]}</p></div>"))
    assert document.paragraphs[0] == SENTENCES[0] and document.paragraphs[-1] == SENTENCES[5]


def test_a_table_of_data_is_read_with_the_paragraphs_around_it() -> None:
    """A table whose text is spread over its rows is data, read with its surroundings; a table that lays
    out the page (one cell holds the article) is still descended into."""
    rows = "".join(f"<tr><td>Plant {i}</td><td><p>{text}</p></td></tr>" for i, text in enumerate(SENTENCES[1:5]))
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><div><p>{SENTENCES[0]}</p>"
                            f"<table>{rows}</table><p>{SENTENCES[5]}</p></div>"))
    assert document.paragraphs[0] == SENTENCES[0] and document.paragraphs[-1] == SENTENCES[5]
    layout = (f"<table><tr><td><ul>{LINKS}</ul></td><td><h1>Talks on the trade corridor to resume</h1>{paragraphs()}"
              f"</td></tr><tr><td colspan='2'><p>Copyright the ministry's press office, all rights reserved.</p>"
              f"</td></tr></table>")
    assert extract(page(layout)).paragraphs == SENTENCES


def test_sections_alike_are_read_together() -> None:
    """An article in several <section>s of one class: the biggest does not leave the others out when at
    least two more of its kind hold real text."""
    notes = [f"Note {i}: the ministry will publish the agenda of the technical round a week ahead." for i in range(6)]
    sections = [SENTENCES[:1], [SENTENCES[1], notes[0]], [SENTENCES[2], notes[1]], SENTENCES[3:] + notes[2:]]
    html = "".join(f"<section class='part'>{paragraphs(part)}</section>" for part in sections)
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><article>{html}</article>"))
    assert document.paragraphs == [text for part in sections for text in part]


def test_a_run_of_blocks_rendered_twice_is_read_once() -> None:
    """The article rendered once per screen size (desktop and mobile variants) is read once; a short
    block that repeats on its own (a step of a training plan) is kept each time."""
    variant = paragraphs(SENTENCES[:4])
    step = "Warm up: ten minutes of easy jogging."
    plan = "".join(f"<p>Day {day}</p><p>{step}</p>" for day in (1, 2))
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><main><div class='desktop'>{variant}</div>"
                            f"<div class='mobile'>{variant}</div>{paragraphs(SENTENCES[4:])}{plan}</main>"))
    assert document.paragraphs == SENTENCES + ["Day 1", step, "Day 2", step]


def test_a_collapsed_panel_that_a_control_opens_is_read() -> None:
    """Accordion panels (display:none, opened by a button whose aria-controls names them) hold the
    article's sections; a hidden block that no control opens is still dropped."""
    panels = "".join(
        f"<div><a role='button' aria-controls='step_{i}_content'>Step {i}</a></div>"
        f"<div id='step_{i}_content' style='display:none;'>{paragraphs(SENTENCES[2 * i:2 * i + 2])}</div>"
        for i in range(3))
    hidden = "<div style='display:none;'><p>Thank you for subscribing to our newsletter, see you soon.</p></div>"
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><main>"
                            f"<div class='list'>{panels}</div>{hidden}</main>"))
    assert document.paragraphs == SENTENCES


def test_a_pull_quote_in_a_figure_is_read_but_an_embedded_post_is_not() -> None:
    quote = "<figure class='quote'><blockquote><p>Trade is the surest road to peace between neighbours.</p>" \
            "</blockquote><figcaption>The minister</figcaption></figure>"
    embed = "<figure class='wp-block-embed'><blockquote class='social-post'><p>Watch our live coverage of the " \
            "talks tonight on our channel.</p></blockquote></figure>"
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
                            f"{quote}{embed}{paragraphs(SENTENCES[3:])}</article>"))
    assert "Trade is the surest road to peace between neighbours." in document.paragraphs
    assert "Watch our live coverage" not in document.body


def test_two_bare_blocks_of_paragraphs_are_read_together() -> None:
    """Editors split an article into plain <div>s of paragraphs: the bigger does not leave the other out."""
    notes = [f"Note {i}: the ministry will publish the agenda of the technical round a week ahead." for i in range(3)]
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><div class='body'>"
                            f"<div><div>{paragraphs(SENTENCES)}</div></div><div><div>{paragraphs(notes)}</div></div>"
                            f"</div><footer><ul>{LINKS}</ul></footer>"))
    assert document.paragraphs == SENTENCES + notes


def test_the_element_that_says_it_is_the_body_is_read_whole() -> None:
    """Inside "entry-content" a grid of product cards holds most of the votes: the walk stops at the
    element whose class says it is the article's body, so the paragraphs around the grid are kept."""
    cards = "".join(f"<div class='grid-item'><p>{text}</p><p>{text} Twice.</p></div>" for text in SENTENCES[1:5])
    html = page(f"<h1>Talks on the trade corridor to resume</h1><div class='entry-content'><p>{SENTENCES[0]}</p>"
                f"<div class='grid'><div class='grid-row'>{cards}</div></div><p>{SENTENCES[5]}</p></div>").decode()
    blocks, root = main_blocks(LexborHTMLParser(html))
    assert root is not None and root.attributes.get("class") == "entry-content"
    assert blocks[0].text == SENTENCES[0] and blocks[-1].text == SENTENCES[5]


def test_list_items_partly_made_of_links_are_kept_inside_the_article() -> None:
    """A list inside the article whose items hold a link beside their own words ("Official website:
    Park Hyatt") is the article's; the same kind of list after its last paragraph lists other pages."""
    hotels = ["Official website: <a href='/park'>Park Hyatt</a>",
              "Flagship hotel: <a href='/ny'>Park Hyatt New York</a>",
              "My favourite: <a href='/bkk'>Park Hyatt Bangkok</a>"]
    inside = "<ul>" + "".join(f"<li>{item}</li>" for item in hotels) + "</ul>"
    after = "<ul>" + "".join(f"<li><a href='/story/{i}'>Another story from the site, number {i}</a> (5 min)</li>"
                             for i in range(4)) + "</ul>"
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}{inside}"
            f"{paragraphs(SENTENCES[3:])}{after}</article>")
    document = extract(page(body))
    texts = [LexborHTMLParser(item).text() for item in hotels]
    assert document.paragraphs == SENTENCES[:3] + texts + SENTENCES[3:]


def test_the_opening_between_the_headline_and_the_container_is_read() -> None:
    """A landing-page layout puts the article's opening paragraphs in their own block between the
    headline and the block that holds most of the text: they are read first; the author's box beside
    them (a portrait) is not."""
    opening = ["Klatch has roasted coffee in the valley for thirty years, and today it sells most of its beans online.",
               "Its owners say that the shop's tools decide how fast they can answer each customer who writes to them."]
    author = ("<div class='profile'><img src='/jane.jpg' alt=''><p>Jane Doe writes about small businesses and "
              "the tools they use, and has covered retail for the paper since the year it opened.</p></div>")
    html = page(f"<main><div class='hero'><h1>How a coffee roaster runs its shop</h1></div>"
                f"<div class='wrap'><div class='text'>{paragraphs(opening)}</div></div>{author}"
                f"<div class='story'><div>{paragraphs()}</div></div></main><footer><ul>{LINKS}</ul></footer>")
    document = extract(html)
    assert document.paragraphs == opening + SENTENCES


def test_collapsed_answers_that_a_control_opens_are_read_however_they_are_hidden() -> None:
    """Questions and answers: each answer is a panel that a button opens (aria-controls). One page
    hides it with a class word ("hidden"), another with a style on a wrapper around the panel: both
    are the article's; a hidden box that no control opens is not."""
    answers = [f"Answer {i}: the ministry expects the technical round to settle the customs questions first."
               for i in range(3)]
    by_class = "".join(f"<div><button aria-controls='content-{i}' aria-expanded='false'><h3>Question {i}?</h3>"
                       f"</button></div><div id='content-{i}' class='accordion-content pl-2 hidden'><p>{text}</p></div>"
                       for i, text in enumerate(answers[:2]))
    by_wrapper = (f"<h3><button aria-controls='panel-9' aria-expanded='false'>Question 9?</button></h3>"
                  f"<div class='collapse' style='overflow:hidden;display:none'><div role='region' id='panel-9'>"
                  f"<p>{answers[2]}</p></div></div>")
    stray = "<div class='hidden'><p>Subscribe to our newsletter for weekly updates on trade and the region.</p></div>"
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs()}"
                            f"<h2>Questions</h2>{by_class}{by_wrapper}{stray}</article>"))
    assert document.paragraphs == [*SENTENCES, "Questions", *answers]


def test_a_short_line_of_links_inside_the_article_is_kept() -> None:
    """A teaching guide ends some sections with "Learn more about <a>...</a>": a short paragraph mostly
    made of links that the article's prose follows is the article's; the same kind of line after the
    last paragraph points to other pages."""
    inside = "<p>Learn more about <a href='/presence'>Online Instructor Presence and Attendance</a>.</p>"
    after = "<p>Next: <a href='/story/2'>Another story from the site about the trade talks</a></p>"
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}{inside}"
            f"{paragraphs(SENTENCES[3:])}{after}</article>")
    document = extract(page(body))
    assert document.paragraphs == SENTENCES[:3] + ["Learn more about Online Instructor Presence and Attendance."] \
        + SENTENCES[3:]


def test_a_page_builders_heading_blocks_are_the_articles_subheadings() -> None:
    """On a page built of "widget" blocks, each subheading sits in a block of its own, too short to vote
    and with no link: it is read in its place; a block with a heading over links (a list of posts) is not."""
    def block(kind: str, inner: str) -> str:
        return (f"<div class='elementor-element elementor-widget elementor-widget-{kind}'>"
                f"<div class='elementor-widget-container'>{inner}</div></div>")
    built = (block("text-editor", paragraphs(SENTENCES[:3])) + block("heading", "<h2>What comes next</h2>")
             + block("text-editor", paragraphs(SENTENCES[3:]))
             + block("posts", f"<h3>More from the site</h3><ul>{LINKS}</ul>"))
    document = extract(page(f"<h1>Talks on the trade corridor to resume</h1><div class='builder'>{built}</div>"))
    assert document.paragraphs == SENTENCES[:3] + ["What comes next"] + SENTENCES[3:]


def test_the_containers_own_paragraphs_are_not_left_out_for_a_child() -> None:
    """The article's first paragraphs sit in the rich-text block itself, the rest in an embed inside it
    that holds most of the text (an unclosed element): the walk stops at the block, as going down to the
    embed would leave a third of the article out."""
    opening = ["Deciding how much to leave at a restaurant can feel like solving a sum at the table, in a hurry.",
               "This guide takes the guesswork out of it, for customers and for owners who set the house rules.",
               "It starts with the customs of each kind of service, then gives a chart for the common amounts."]
    html = page(f"<div class='hero'><h1>How much to tip at restaurants</h1></div><div class='columns'>"
                f"<div class='rich-text'><h2>Understanding tipping</h2>{paragraphs(opening)}"
                f"<div class='embed'><div class='table'>{paragraphs()}</div></div></div></div>"
                f"<footer><ul>{LINKS}</ul></footer>")
    document = extract(html)
    assert document.paragraphs == ["Understanding tipping", *opening, *SENTENCES]


def test_a_slideshows_counter_is_not_body_but_a_number_in_the_text_is() -> None:
    """A gallery's pager ("1", "2" … "14", each in its own element) is left out; two numbers in a row,
    or a number that does not count on from the one before, are the article's."""
    counter = "".join(f"<div>{n}</div>" for n in range(1, 15))
    kept = "<p>2</p><p>3</p><p>7</p><p>8</p>"
    document = extract(page(f"<article>{counter}{paragraphs()}{kept}</article>"))
    assert document.paragraphs == SENTENCES + ["2", "3", "7", "8"]


def test_a_long_number_before_a_counter_leaves_the_page_readable() -> None:
    """A paragraph of thousands of digits (a key, a hash written out) next to "1" is no counter: comparing the
    two as numbers raised ValueError past 4300 digits and the page could not be read at all."""
    digits = "7" * 5000
    document = extract(page(f"<article>{paragraphs()}<p>{digits}</p><p>1</p><p>2</p></article>"))
    assert document.paragraphs == [*SENTENCES, digits, "1", "2"]


def test_a_tables_numbers_that_count_on_are_data_not_a_counter() -> None:
    """A line score's innings (1, 2, 3, 4 in a row of header cells) and a column of ranks are the table's
    data; a pager's numbers elsewhere on such a page are kept with them rather than guessed at."""
    innings = "<tr><th>Team</th>" + "".join(f"<th>{n}</th>" for n in range(1, 5)) + "</tr>"
    runs = "<tr><td>Home</td>" + "".join(f"<td>{n}</td>" for n in (0, 1, 2, 3)) + "</tr>"
    document = extract(page(f"<article>{paragraphs()}<table>{innings}{runs}</table></article>"))
    assert document.paragraphs == [*SENTENCES, "Team", "1", "2", "3", "4", "Home", "0", "1", "2", "3"]


def test_a_lead_in_its_own_div_beside_the_bodys_container_is_the_subtitle() -> None:
    """A lead set in a div of its own between the headline and the body's container (BEM names it
    "article__lead") was in neither the subtitle nor the body: the text was lost. It is the subtitle now; a
    lead inside the container stays the body's opening, and a div of nested blocks is no lead."""
    lead = "Rescuers found a fifth victim four days after the landslide buried several houses in the village."
    outside = (f"<div class='block'><article><h1>Five dead after the landslide</h1><div class='article__info'>"
               f"<span>Today, 17:40</span></div><div class='article__lead'>{lead}</div>"
               f"<div class='article__body'>{paragraphs()}</div></article></div>")
    document = extract(page(outside))
    assert document.subtitle == lead and document.paragraphs == SENTENCES
    inside = (f"<div class='block'><article><h1>Five dead after the landslide</h1><div class='article__body'>"
              f"<div class='article__lead'>{lead}</div>{paragraphs()}</div></article></div>")
    document = extract(page(inside))
    assert document.subtitle is None and document.paragraphs == [lead] + SENTENCES
    nested = (f"<div class='block'><article><h1>Five dead after the landslide</h1><div class='article__intro'>"
              f"<div><div>{lead}</div></div></div><div class='article__body'>{paragraphs()}</div></article></div>")
    assert extract(page(nested)).subtitle is None  # blocks within blocks: a section, not a lead


@pytest.mark.parametrize("name", ["article-vorspann", "chapeau", "entradilla", "linha-fina"])
def test_a_lead_under_the_heading_that_shows_the_title_when_the_first_h1_is_a_breadcrumbs(name: str) -> None:
    """The page's first h1 is the breadcrumb's last step; the article's headline is an h2 that shows the title,
    and the lead beside the body's container is named in the page's language (Vorspann, chapeau...)."""
    lead = "Rescuers found a fifth victim four days after the landslide buried several houses in the village."
    body = (f"<ul class='breadcrumb'><li><a href='/'>Home</a></li><li><h1>Five dead after the landslide</h1></li>"
            f"</ul><div class='block'><div class='story'><h2>Five dead after the landslide</h2><div class='{name}'>"
            f"{lead}</div><div class='story-text'>{paragraphs()}</div></div></div>")
    document = extract(page(body, head="<title>Five dead after the landslide</title>"))
    assert document.subtitle == lead and document.paragraphs == SENTENCES


def test_an_email_address_written_as_a_link_is_the_articles_text() -> None:
    """A paragraph that is only a mailto: link (the address the article asks readers to write to) is text a
    reader copies, not a link to another page; a paragraph that only links to another page still goes."""
    address = "<p><a href='mailto:testimonies@example.org'>testimonies@example.org</a></p>"
    other = "<p><a href='/another-story'>Another story about the corridor</a></p>"
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
            f"<p>Readers can send their accounts to this address:</p>{address}{other}{paragraphs(SENTENCES[3:])}"
            "</article>")
    document = extract(page(body))
    assert document.paragraphs == [*SENTENCES[:3], "Readers can send their accounts to this address:",
                                   "testimonies@example.org", *SENTENCES[3:]]


@pytest.mark.parametrize("button", [
    "<p><a href='mailto:?subject=Talks%20on%20the%20corridor&body=https://example.org/talks'>Email this article</a>"
    "</p>",
    "<ul class='tools'><li><a href='https://example.org/print'>Print</a></li><li><a href='mailto:?subject=Talks'>"
    "Email</a></li></ul>",
    "<p><a href='mailto:desk@example.org'>Contact the desk</a></p>",
])
def test_a_mailto_link_that_shows_no_address_is_a_link(button: str) -> None:
    """A share bar's "Email" button (mailto:?subject=...) or a "Contact us" mailto: link shows no address a reader
    copies: it stays a link, and a paragraph or list item of nothing else is dropped as before."""
    body = f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}{button}" \
           f"{paragraphs(SENTENCES[3:])}</article>"
    assert extract(page(body)).paragraphs == SENTENCES


def card(number: int, cls: str = "snippet", href: str = "") -> str:
    """A teaser of another article: its linked heading, its picture and "read more" linking there again."""
    href = href or f"/stars/another-story-{number}.html"
    return (f"<div class='{cls}'><h3><a href='{href}'>Another story number {number}</a></h3><a href='{href}'>"
            f"<img src='/p{number}.jpg' alt=''></a><div>Summer is holiday time, and the other story {number} "
            f"tells where the stars spend it. <a href='{href}'>Read more</a></div></div>")


def test_a_teaser_of_another_article_among_the_paragraphs_is_left_out() -> None:
    """A card set among the article's paragraphs whose heading links to another page, which its picture and
    "read more" link to again, is that page's opening; three cards alike are the article's own list."""
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
            f"<div class='paragraph'>{card(1)}</div>{paragraphs(SENTENCES[3:])}</article>")
    assert extract(page(body)).paragraphs == SENTENCES
    items = "".join(card(number, "course") for number in range(3))
    listed = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
                          f"<div class='courses'>{items}</div>{paragraphs(SENTENCES[3:])}</article>"))
    teasers = [text for text in listed.paragraphs if text.startswith("Summer is holiday time")]
    assert len(teasers) == 3 and listed.paragraphs[-1] == SENTENCES[-1]


def test_linked_headings_among_many_picture_links_are_tried_in_linear_time(monkeypatch) -> None:
    """400 one-letter linked headings, each in a div of 200 picture links (a grid of thumbnails): the divs and
    their parent are short enough to be cards, and each heading asked each of them for its links (11 s). The
    links read are counted: each element's once, twice the page's in all, where each heading's asking read
    them 400 times over."""
    from briefarc.extract import cards

    read = []

    class Counting(Counter):
        def __init__(self, links) -> None:
            links = list(links)
            read.append(len(links))
            super().__init__(links)

    monkeypatch.setattr(cards, "Counter", Counting)
    grid = "".join(f"<div class='c'><h3><a href='/x{n}'>A</a></h3>"
                   + "".join(f"<a href='/y{m}'><img src='/t.jpg'></a>" for m in range(200)) + "</div>"
                   for n in range(400))
    tree = LexborHTMLParser(f"<html><body><div>{grid}</div></body></html>")
    assert tree.body is not None
    assert teaser_cards(tree.body) == set()
    on_the_page = 400 * 201
    assert on_the_page <= sum(read) <= 2 * on_the_page  # each div's, and their parent's


NOTE = ("The ministry will publish the minutes of the meeting on Friday, the spokesperson told reporters after "
        "the weekly briefing at the foreign office.")


def post_linking_to(link: str) -> str:
    """A short post whose heading and picture link to `link`."""
    return (f"<h1>Ministry news</h1><div class='post'><h2><a href='{link}'>Minutes to be published on Friday</a></h2>"
            f"<a href='{link}'><img src='/p.jpg' alt=''></a><p>{NOTE}</p></div>")


def test_a_short_post_that_links_to_itself_and_a_roundup_of_other_sites_are_no_teasers() -> None:
    """A card leads to another page of the same site: a short post whose heading and picture link to its own
    address keeps its text, and a roundup's sections that link to other sites' reports stay the article's."""
    own = "https://example.org/news/ministry-note.html"
    assert extract(page(post_linking_to(own)), url=own).paragraphs == [NOTE]
    sources = "".join(
        f"<div><h3><a href='https://other-{n}.example.net/report'>The report number {n}</a></h3><p>{SENTENCES[n]} "
        f"<a href='https://other-{n}.example.net/report'>Read it</a></p></div>" for n in range(2))
    roundup = f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[2:])}{sources}</article>"
    document = extract(page(roundup), url="https://example.org/news/roundup.html")
    assert f"{SENTENCES[0]} Read it" in document.paragraphs and f"{SENTENCES[1]} Read it" in document.paragraphs


@pytest.mark.parametrize("link", ["http://example.org/news/ministry-note.html",
                                  "https://www.example.org/news/ministry-note.html",
                                  "https://Example.org/news/ministry-note.html", "/news/ministry-note.html"])
def test_a_short_post_that_links_to_its_own_address_written_otherwise_is_no_teaser(link: str) -> None:
    """The page's own address as its markup writes it: another scheme, "www.", capitals, or without the
    tracker's query the page was fetched with."""
    own = "https://example.org/news/ministry-note.html?utm_source=feed"
    assert extract(page(post_linking_to(link)), url=own).paragraphs == [NOTE]


def test_a_heading_that_announces_other_articles_ends_the_body() -> None:
    """A container that ends with "Read This Next" or "Latest News" and teasers of other articles: the heading
    and what follows it are left out (they were two fifths of such bodies); the same heading in the body's
    first third, or a heading that merely mentions the words, is the article's."""
    teasers = "".join(f"<h3><a href='/story-{n}'>Another story number {n}</a></h3><p>A teaser for the other "
                      f"story number {n}, about something else entirely, to make readers click.</p>" for n in range(4))
    for heading in ("Read This Next", "Latest News", "Related posts:", "Lesen Sie auch"):
        document = extract(page(f"<article>{paragraphs()}<h2>{heading}</h2>{teasers}</article>"))
        assert document.paragraphs == SENTENCES, heading
    early = extract(page(f"<article><h2>Latest news</h2>{paragraphs()}</article>"))
    assert early.paragraphs == ["Latest news", *SENTENCES]
    early_lead_in = extract(page(f"<article><h2>Related posts</h2>{paragraphs()}</article>"))
    assert early_lead_in.paragraphs == SENTENCES  # left out alone, as before
    for heading in ("Latest news from the talks", "Related"):  # "Related" alone may be a section's own
        document = extract(page(f"<article>{paragraphs()}<h2>{heading}</h2><p>{SENTENCES[0]}</p></article>"))
        assert document.paragraphs[-1] == SENTENCES[0], heading


def test_a_heading_whose_links_stay_on_the_page_is_a_heading_not_a_link() -> None:
    """Sphinx sets each heading as a link back to the table of contents, with a permalink "¶" after it: the
    headings were dropped as links. A heading that links to another page still goes as a link."""
    backref = ('<h2><a class="toc-backref" href="#id5">Sharing with one developer</a>'
               '<a class="headerlink" href="#sharing">¶</a></h2>')
    elsewhere = '<h2><a href="/story/9">Another story headline from the site</a></h2>'
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
                            f"{backref}{paragraphs(SENTENCES[3:])}{elsewhere}</article>"))
    assert "Sharing with one developer" in document.paragraphs  # without its permalink mark
    assert not any("Another story headline" in text for text in document.paragraphs)
    comments = '<h3><a href="#comments">3 Comments</a></h3><h3><a href="#respond">Leave a reply</a></h3>'
    document = extract(page(f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs()}{comments}"
                            "</article>"))
    assert document.paragraphs == SENTENCES  # links to the comments and the reply form stay links


LINES = ["爱 逝去的爱 讨不回来", "Ai shi qu de ai tao bu hui lai", "我还有话想对你说",
         "Wo hai you hua xiang dui ni shuo", "Repeat Chorus", "就放心去吧", "Jiu fang xin qu ba"]
OTHER_POSTS = "".join(f"<li><a href='/2011/0{n % 9 + 1}/song-{n}.html'>Another song's lyrics and pinyin number {n}</a>"
                      f"</li>" for n in range(30))


def lyrics_page(classes: str) -> bytes:
    """A blog post of a song's lyrics in an element of these classes, beside an archive of links to other posts."""
    lyrics = "".join(f"{line}<br>" for line in LINES)
    post = (f"<div class='post hentry'><h3 class='post-title'>Zhi Neng Xiang Nian Ni</h3>"
            f"<div class='{classes}'>{lyrics}</div></div>")
    return page(f"<div class='main'>{post}</div><div class='archive'><ul>{OTHER_POSTS}</ul></div>",
                head="<title>Zhi Neng Xiang Nian Ni</title>")


def test_a_short_post_in_the_pages_one_article_body_is_no_listing() -> None:
    """A song's lyrics (short lines, little text) beside a long list of links to other posts looked like a
    listing, and the page was stored without a body. The lines are read from the one element of the page
    whose class names an article's text ("post-body entry-content"): a page of one post. Three excerpts,
    each in its own such element, still make a listing."""
    document = extract(lyrics_page("post-body entry-content"))
    assert document.kind != "listing" and document.paragraphs == LINES
    excerpts = "".join(f"<div class='post'><h3><a href='/2011/07/song-{n}.html'>Lyrics of the song number {n} "
                       f"and their pinyin</a></h3><div class='post-body entry-content'>{LINES[n]}</div></div>"
                       for n in range(3))
    listing = extract(page(f"<div class='main'>{excerpts}</div><div class='archive'><ul>{OTHER_POSTS}</ul></div>"))
    assert listing.kind == "listing" and not listing.paragraphs


def test_an_article_body_class_that_no_css_selector_reads_is_counted_all_the_same() -> None:
    """"entry-content-²" is a class word but no CSS identifier: a selector made of it raised, and the page was
    refused as unreadable; the class words are counted without one."""
    document = extract(lyrics_page("entry-content-² post-body entry-content"))
    assert document.kind != "listing" and document.paragraphs == LINES


def test_a_page_whose_one_article_body_is_a_list_of_posts_is_a_listing() -> None:
    """A CMS page ("News") whose one entry-content holds a block of the latest posts, titles and dates: the
    element is mostly links to other posts, and the page stays a listing."""
    posts = "".join(f"<div class='post-item'><h3><a href='/news/2024/story-number-{n}'>Minister holds talks with the "
                    f"delegation number {n}</a></h3><time>2024-05-0{n % 9 + 1}</time></div>" for n in range(10))
    document = extract(page(f"<article class='page'><h1>News</h1><div class='entry-content'>{posts}</div></article>",
                            head="<title>News - Ministry of Foreign Affairs</title>"))
    assert document.kind == "listing" and not document.paragraphs


def test_a_teaser_on_an_amp_copy_leading_to_the_canonical_sites_page_is_left_out() -> None:
    """An AMP copy (amp.example.org) whose canonical address is on www.example.org: its teasers lead to the
    canonical site's pages, which are its own site's, and the copy's link to its canonical page is its own."""
    canonical = "https://www.example.org/news/talks.html"
    teaser = card(1, href="https://www.example.org/news/other-story.html")
    own = (f"<div class='post'><h2><a href='{canonical}'>Talks on the trade corridor</a></h2>"
           f"<a href='{canonical}'><img src='/p.jpg' alt=''></a><p>{NOTE}</p></div>")
    body = (f"<article><h1>Talks on the trade corridor to resume</h1>{paragraphs(SENTENCES[:3])}"
            f"<div class='paragraph'>{teaser}</div>{paragraphs(SENTENCES[3:])}{own}</article>")
    head = f"<title>Talks on the trade corridor to resume</title><link rel='canonical' href='{canonical}'>"
    document = extract(page(body, head), url="https://amp.example.org/news/talks.html?amp=1")
    assert document.paragraphs == [*SENTENCES, NOTE]
