"""The attribute guard: lexbor checks each new attribute of an element against the element's others, so one
element of 40,000 attributes took 4.6 s to parse and one of 1,000,000 most of an hour. A large page keeps the
first MAX_ATTRIBUTES of each element. What the parser receives is counted here, never timed."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.core import extract
from briefarc.extract.depth import LARGE_PAGE, MAX_ATTRIBUTES, cap_attributes, guarded

FILLER = "<p class=\"filler\" data-n=\"1\">Filler text of an ordinary paragraph, to make the page large.</p>\n"


def large(body: str) -> str:
    """A page over LARGE_PAGE with `body` in the middle of it."""
    filler = FILLER * (LARGE_PAGE // len(FILLER) // 2 + 1)
    return f"<html><head><title>Crowded</title></head><body>{filler}{body}{filler}</body></html>"


def names(count: int, prefix: str = "a") -> list[str]:
    return [f"{prefix}{number}" for number in range(count)]


def attributes_of(text: str, selector: str) -> dict:
    node = LexborHTMLParser(guarded(text)).css_first(selector)
    assert node is not None
    return node.attributes


def test_an_element_keeps_its_first_attributes_and_the_page_after_it() -> None:
    page = large('<div id="crowded" ' + " ".join(names(5000)) + '><p id="after">After the crowd.</p></div>')
    kept = attributes_of(page, "#crowded")
    assert len(kept) == MAX_ATTRIBUTES
    assert "id" in kept and f"a{MAX_ATTRIBUTES - 2}" in kept and f"a{MAX_ATTRIBUTES - 1}" not in kept
    tree = LexborHTMLParser(guarded(page))
    after = tree.css_first("#after")
    assert after is not None and after.text() == "After the crowd."
    assert len(tree.css("p.filler")) == page.count('class="filler"')  # nothing else was touched


def test_quoted_angle_brackets_and_stray_quotes_do_not_hide_the_attributes() -> None:
    """A ">" or "<" inside a quoted value ends no tag, and a quote inside a name opens no value: the guard
    reads attributes as the parser does."""
    tricks = [f'{name}=">"' for name in names(2000, "g")] + [f"{name}='<i>'" for name in names(2000, "l")]
    tricks += [f'{name}"x y="z>"' for name in names(2000, "q")]  # q0"x is a name; y's value holds the ">"
    page = large('<div id="crowded" ' + " ".join(tricks) + ">text</div>")
    assert len(attributes_of(page, "#crowded")) == MAX_ATTRIBUTES


@pytest.mark.parametrize("space", ["\xa0", "\x0b", "\u2003", "\x85"])
def test_only_htmls_whitespace_separates_attributes(space) -> None:
    """Python's \\s took a no-break space for whitespace: an attribute `\\xa0="x>"` ahead of 40,000 others read
    as a tag ending at its ">", and all 40,002 reached the parser (3.8 s). The tokenizer reads it as a name."""
    page = large(f'<div id="crowded" {space}="x>" ' + " ".join(names(5000)) + ">text</div>")
    assert len(attributes_of(page, "#crowded")) == MAX_ATTRIBUTES


def test_names_holding_a_lt_sign_and_end_tags_are_read_as_the_tokenizer_reads_them() -> None:
    crowd = " ".join(f"<a{number}" for number in range(2000))  # "<" may stand in a name
    page = large(f'<div id="crowded" {crowd}>text</div>')
    assert len(attributes_of(page, "#crowded")) == MAX_ATTRIBUTES
    under = large("".join('<div class="x" ' + " ".join(f"<a{n}" for n in range(999)) + ">t</div>" for _ in range(5)))
    assert cap_attributes(under) is under  # under the cap, however many tags
    ended = large("<div>text</div " + " ".join(names(5000)) + ">")
    assert len(cap_attributes(ended)) < len(ended) - 20_000  # an end tag's attributes are cut as well


def test_the_attributes_of_repeated_html_and_body_tags_are_counted_together() -> None:
    """A second <body> tag adds its attributes to the first: 300 tags of 999 each made one element of 300,000."""
    repeated = "".join("<body " + " ".join(names(999, f"b{tag}_")) + ">" for tag in range(300))
    page = large(repeated + '<p id="after">After the crowd.</p>')
    tree = LexborHTMLParser(guarded(page))
    assert tree.body is not None and len(tree.body.attributes) == MAX_ATTRIBUTES
    assert "b0_0" in tree.body.attributes  # the first tag's come first
    assert tree.css_first("#after") is not None


def test_ordinary_large_pages_and_small_pages_are_passed_as_they_are() -> None:
    ordinary = large('<div class="a b" data-x="1 > 0" title="Home > News">x</div><script>if (a<b) {x = "<p>"}'
                     "</script><img src=x alt='<b>' ><!-- <div a b c> -->")
    assert cap_attributes(ordinary) is ordinary
    small = "<div " + " ".join(names(5000)) + ">x</div>"
    assert len(small) <= LARGE_PAGE and cap_attributes(small) is small  # its worst costs lexbor a moment


def test_a_page_of_a_million_attributes_is_extracted() -> None:
    """Most of an hour before the guard; read whole, the page's text comes out."""
    crowd = " ".join(f"x{number:x}" for number in range(1_000_000))
    page = f"<html><head><title>Crowd</title></head><body><div {crowd}><p>The text after the crowd.</p></div>"
    document = extract((page + "</body></html>").encode())
    assert document.title == "Crowd" and document.paragraphs == ["The text after the crowd."]


def test_a_listing_page_is_parsed_through_the_guards(monkeypatch) -> None:
    from briefarc.extract import depth
    from briefarc.sources.listing import read_listing

    seen: list[str] = []

    def spy(text: str, tags: int | None = None) -> str:
        seen.append(text)
        return depth.flatten_deep(depth.cap_attributes(text), tags=tags)

    monkeypatch.setattr(depth, "guarded", spy)
    page = b'<html><body><ul><li><a href="/briefing/1">Briefing one</a></li></ul></body></html>'
    read_listing(page, "http://127.0.0.1/list", {"item_selector": "li a"})
    assert seen and "Briefing one" in seen[0]
