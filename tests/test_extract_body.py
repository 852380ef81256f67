"""Body selection on pages no one tuned for: form fields, hidden copies of the article, parts of a
page streamed by script, link cards, and listings that are articles."""

from __future__ import annotations

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
