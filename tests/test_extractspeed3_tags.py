"""Searches by tag name (the parser's `tags`) in place of CSS selectors of tag names, against the selectors.

find_voters took its paragraphs, boxes, blocks, sections and line breaks from one search with a selector of
fourteen tags, which lexbor tests on every element against each tag, and then read each result's tag; it now
asks the parser for each tag's elements. The h1s of the title, the headline and the body's reading, and the
head's <title>, are found the same way or once. What they find must be what the selectors found, on markup
that puts elements where the parser moves them (after </html>, in a table, in <noscript> in the head, in SVG).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.content import JUNK_TAGS
from briefarc.extract.core import extract
from briefarc.extract.pagesources import PageSources
from briefarc.extract.text import fold, text_size
from briefarc.extract.title import title_tag
from briefarc.extract.voters import INNER, LOOSE_TEXT, MIN_PARAGRAPH, VOTING_TAGS, climbed, find_voters, link_chars

PROSE = "The minister said the talks would go on next week, and that both sides had agreed on the agenda."
CHINESE = "外交部发言人表示，双方将于下周继续会谈，并已就议程达成一致。" * 2

PAGES = [
    # paragraphs, preformatted text, boxes and cells interleaved; a section's and a box's loose text; <br> lines
    f"""<html><head><title>T</title></head><body><h1>Headline</h1>
    <div class=a><p>{PROSE}</p><pre>{PROSE}</pre><div>{PROSE} <a href="/x">{PROSE}</a></div><p>{CHINESE}</p></div>
    <section>{PROSE}<p>{PROSE}</p>{PROSE}</section><article><h2>Sub</h2><blockquote>{PROSE}</blockquote>
    <table><tr><td>{PROSE}</td><td><p>{PROSE}</p></td></tr></table><ul><li>{PROSE}</li></ul></article>
    <div>{PROSE}<br>{PROSE}<br>{CHINESE}</div><p>{PROSE}<br>{PROSE}</p><main>{PROSE}<pre>{CHINESE}</pre></main>
    </body></html>""",
    # elements the parser moves: from <head> (after a <noscript>), from after </html>, out of a table
    f"""<html><head><noscript><p>{PROSE}</p></noscript><title>T</title></head><body>
    <table><p>{PROSE}</p><tr><td>{CHINESE}<br>{PROSE}</td></tr></table><svg><title>drawn</title></svg>
    <math><mtext><div>{PROSE}</div></mtext></math><template><p>{PROSE}</p></template>
    <H1>Upper</H1><DIV><P>{PROSE}</P></DIV></body></html><h1>After</h1><p>{PROSE}</p><pre>{PROSE}</pre>""",
    # nothing but loose text and line breaks
    f"<p>{PROSE}<br>{PROSE}</p>{PROSE}<br>{CHINESE}",
]

SEARCHED = ",".join(sorted({*INNER.split(","), *(t.strip() for t in LOOSE_TEXT.split(",")), "p", "pre", "div",
                            "td", "br"}))


def selector_voters(body) -> set[tuple[int, int, bool]]:
    """The voters as the one selector found them (the code before this change), as (id, size, itself)."""
    paragraphs, boxes, inner, sections, breaks = [], [], [], [], []
    for node in body.css(SEARCHED):
        tag = node.tag
        if tag in VOTING_TAGS:
            paragraphs.append(node)
        elif tag == "br":
            breaks.append(node)
        elif tag in ("div", "td"):
            boxes.append(node)
        if tag in INNER.split(","):
            inner.append(node)
        if tag in ("section", "article", "main"):
            sections.append(node)
    holders = climbed(inner)
    found = set()
    for node in [*paragraphs, *(box for box in boxes if box.mem_id not in holders)]:
        text = fold(node.text())
        size = text_size(text)
        if len(node.text()) >= MIN_PARAGRAPH and size >= MIN_PARAGRAPH and link_chars(node) <= 0.5 * size:
            found.add((node.mem_id, size, False))
    parents = {br.parent.mem_id: br.parent for br in breaks if br.parent.tag not in VOTING_TAGS}
    for node in [*(box for box in boxes if box.mem_id in holders), *sections, body, *parents.values()]:
        text = node.text(deep=False)
        size = text_size(fold(text))
        if len(text) >= MIN_PARAGRAPH and size >= MIN_PARAGRAPH:
            found.add((node.mem_id, size, True))
    return found


def test_voters_found_by_tag_are_those_the_selector_found():
    for page in PAGES:
        tree = LexborHTMLParser(page)
        tree.strip_tags(JUNK_TAGS)
        folded: dict[int, str] = {}
        voters = find_voters(tree.body, folded)
        assert {(node.mem_id, size, itself) for node, size, itself in voters} == selector_voters(tree.body)
        assert len(voters) == len({(node.mem_id, itself) for node, _, itself in voters})  # each once
        paragraphs = [node for node in tree.body.css("p, pre") if len(node.text()) >= MIN_PARAGRAPH]
        assert folded == {node.mem_id: fold(node.text()) for node in paragraphs}


def test_the_parsers_h1s_and_titles_are_the_selectors():
    for page in PAGES:
        tree = LexborHTMLParser(page)
        for tag in ("h1", "title", "p", "pre", "div", "td", "br", "section", "article", "main"):
            assert [node.mem_id for node in tree.tags(tag)] == [node.mem_id for node in tree.css(tag)], tag
        tree.strip_tags(JUNK_TAGS)
        body = tree.body
        assert [node.mem_id for node in body.parser.tags("h1")] == [node.mem_id for node in body.css("h1")]


def test_title_tag_is_read_once_and_stays_the_heads():
    tree = LexborHTMLParser("<html><head><title> The  title </title></head><body><svg><title>Drawn</title></svg>"
                            "<h1>Headline</h1></body></html>")
    src = PageSources(tree, None)
    assert title_tag(src) == "The title"
    assert src.memo["title"] == "The title"
    assert title_tag(src) == "The title"
    bare = PageSources(LexborHTMLParser("<p>no title</p><svg><title>Drawn</title></svg>"), None)
    assert title_tag(bare) is None and title_tag(bare) is None


def test_pages_read_as_before():
    first = extract(PAGES[0].encode())
    assert first.title == "T" or first.title == "Headline"
    assert PROSE in first.paragraphs and CHINESE in first.paragraphs
    second = extract(PAGES[1].encode())
    assert PROSE in second.paragraphs
