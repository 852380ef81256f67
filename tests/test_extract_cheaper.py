"""The extractor's cheaper paths give what the plain ones they replace gave (issue 12: identical output)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.content import holds_text


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
