"""The extractor's cheaper paths give what the plain ones they replace gave (issue 12: identical output)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.content import holds_text
from briefarc.extract.sites import page_addresses, select_value


@pytest.mark.parametrize("markup", [
    "<div></div>",
    "<div>   \n\t  </div>",
    "<div>short text</div>",
    "<div>exactly twenty chars</div>",
    "<div>twenty-one characters</div>",
    "<div> a </div>" * 30,  # little text spread over many nodes, much whitespace
    "<div>a b c d e f g h i j k l</div>",  # few letters, inner spaces kept by strip
    "<div><p>  几个汉字  </p><p>\u3000更多的汉字在这里写着\u3000</p></div>",
    "<div><span>one</span> <span>two</span>\n<span>three</span> <b>four five six seven</b></div>",
    "<div>" + "x" * 5000 + "</div>",
])
def test_holds_text_is_the_stripped_length(markup):
    tree = LexborHTMLParser(f"<html><body><section>{markup}</section></body></html>")
    node = tree.css_first("section")
    for least in (0, 5, 20, 21, 40):
        assert holds_text(node, least) == (len(node.text(strip=True)) > least)


def addresses_one_by_one(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """page_addresses as it read them before: one search per place."""
    found = []
    for how, selector in (("canonical link", "link[rel=canonical]@href"), ("og:url", "meta[property='og:url']@content"),
                          ("<base href>", "base[href]@href")):
        value = select_value(tree, (selector,))
        if value:
            found.append((how, value))
    return found


@pytest.mark.parametrize("head", [
    "",
    '<link rel="canonical" href="https://www.fmprc.gov.cn/a.html">',
    '<link rel="canonical" href=""><link rel="canonical" href=" "><link rel="canonical" href="https://b.example/">',
    '<link rel="canonical" href=""><link rel="canonical" href=""><link rel="canonical" href="">'
    '<link rel="canonical" href="https://fourth.example/">',  # only the first three are read
    '<base href="https://c.example/"><meta property="og:url" content="https://d.example/x">'
    '<link rel="Canonical" href="https://e.example/"><link rel="alternate" href="https://f.example/">',
    '<meta property="og:url" content="   "><meta name="og:url" content="https://g.example/">',
])
def test_page_addresses_in_one_search(head):
    page = f"<html><head>{head}</head><body><p>text</p><link rel=canonical href='https://body.example/'></body></html>"
    tree = LexborHTMLParser(page)
    assert page_addresses(tree, page) == addresses_one_by_one(tree)
