"""Shortcuts of the extractor that must answer what the code they replace answered: a printable sample
is not searched for unreadable characters (guess_language), the headings of the error-page test found by tag
name (stubs.heading_reason), a site's drop selectors searched once for all readings (content.dropped)."""

from __future__ import annotations

import random

import pycld2
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract import content, language, stubs
from briefarc.extract.text import cjk_count, fold

PIECES = ["Foreign Ministry Spokesperson ", "外交部发言人", "毛宁", "。", "，", "\x00", "\x07", "\x0b", "\x1f", "\x7f",
          "\x85", "\x9f", "\ud800", "\udfff", "\u200b", "\u00ad", "\u00a0", "\u3000", "カタカナ", "한국어", "\t", "\n",
          "Ministère ", "وزارة", "Министерство ", " "]


def old_guess_language(text: str) -> str | None:
    """guess_language as it was: the sample always searched for UNREADABLE."""
    sample = language.UNREADABLE.sub(" ", text[:3000])
    if not sample.strip():
        return None
    if 2 * cjk_count(sample) >= len(sample) and not language.KANA_OR_HANGUL.search(sample):
        return "zh"
    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:
        return None
    code = details[0][1]
    return language.normalize_language(code) if reliable and code != "un" else None


def test_guess_language_answers_as_with_the_search_of_every_sample() -> None:
    rng = random.Random(5)
    texts = ["", " ", "\x00\x01", "\ud800", "abc", "外交部发言人毛宁主持例行记者会。" * 40]
    texts += ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 400))) for _ in range(1500)]
    texts += [("Foreign Ministry Spokesperson Mao Ning held a regular press conference. " * 60)[:2990] + tail
              for tail in ("\x00", "\x9f", "\ud800", "x" * 20)]  # an unreadable character at or past the cut
    for text in texts:
        assert language.guess_language(text) == old_guess_language(text), repr(text[:80])


def old_heading_reason(tree: LexborHTMLParser) -> str | None:
    return stubs.first_reason(fold(node.text()) for node in tree.css("title, h1, h2")[:4])


HEADINGS = ["<title>{}</title>", "<h1>{}</h1>", "<h2>{}</h2>", "<svg><title>{}</title></svg>", "<p>{}</p>",
            "<math><h1>{}</h1></math>", "<template><h2>{}</h2></template>", "<table><h1>{}</h1></table>",
            "<noscript><h2>{}</h2></noscript>", "<H2 class=x>{}</H2>"]
LINES = ["Daily briefing", "404 Not Found", "302 Found", "Moved Permanently", "Page not found", "页面不存在",
         "Error 500", "Spokesperson's remarks", ""]


def test_heading_reason_answers_as_the_first_four_in_the_page_order() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        parts = [rng.choice(HEADINGS).format(rng.choice(LINES)) for _ in range(rng.randint(0, 14))]
        tree = LexborHTMLParser("<html><head></head><body>" + "".join(parts) + "</body></html>")
        assert stubs.heading_reason(tree) == old_heading_reason(tree), parts


def test_a_status_line_past_the_fourth_heading_is_not_read() -> None:
    page = "<title>Briefing</title><h1>One</h1><h2>Two</h2><h2>Three</h2><h2>404 Not Found</h2>"
    assert stubs.heading_reason(LexborHTMLParser(page)) is None
    assert stubs.heading_reason(LexborHTMLParser(page.replace("<h2>Two</h2>", ""))) == "404 Not Found"


PARAGRAPH = "<p>{} said the two countries will continue talks on trade and climate in the coming weeks.</p>"


def test_the_drop_selectors_leave_their_elements_out_of_every_reading() -> None:
    # the article's container is a "sidebar" holding a little text: the first reading keeps too little and the
    # looser one (class words marking furniture only when links or size bear them out) is read too
    article = "".join(PARAGRAPH.format(f"Speaker {index}") for index in range(6))
    page = (f"<html><body><div class='sidebar'>{article}<p class='tool'>Print this page and share it with the"
            " world through the usual channels of the site.</p><div id='src'>Source: the Ministry of Foreign"
            " Affairs of the country and its press office.</div></div></body></html>")
    tree = LexborHTMLParser(page)
    assert content.dropped(tree.body, [".tool", "#src"]) == {node.mem_id for node in tree.css(".tool, #src")}
    assert content.dropped(tree.body, ()) == set()
    blocks, _ = content.main_blocks(tree, drop=[".tool", "#src"])
    texts = " ".join(block.text for block in blocks)
    assert "Speaker 5 said" in texts
    assert "Print this page" not in texts and "Source:" not in texts
    kept, _ = content.main_blocks(LexborHTMLParser(page))
    assert "Print this page" in " ".join(block.text for block in kept)
