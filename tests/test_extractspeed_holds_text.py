"""content.holds_text answers what len(node.text(strip=True)) > size does, by the first runs of text or,
past LOOKED_AT nodes, by the whole text."""

from __future__ import annotations

import random

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.content import LOOKED_AT, holds_text, site_body

PIECES = ["<span> </span>", "<b>ab</b>", "\n  ", "<i>  x  </i>", "<p>Twenty-one letters, a</p>", "<!-- a comment -->",
          "<em>\u3000中文\u3000</em>", "<br>", "<div><span></span></div>"]


@pytest.mark.parametrize("seed", range(200))
def test_holds_text_agrees_with_the_whole_text(seed: int) -> None:
    chance = random.Random(seed)
    count = chance.choice([1, 5, 20, LOOKED_AT, 3 * LOOKED_AT])
    inner = "".join(chance.choice(PIECES) for _ in range(count))
    node = LexborHTMLParser(f"<html><body><div id=body>{inner}</div></body></html>").css_first("#body")
    for size in (0, 5, 20, 100):
        assert holds_text(node, size) == (len(node.text(strip=True)) > size)


def test_a_body_whose_text_lies_past_the_first_nodes_is_found() -> None:
    empty = "<span> </span>" * (2 * LOOKED_AT)
    page = LexborHTMLParser(f"<html><body><div class=content>{empty}<p>{'word ' * 10}</p></div></body></html>")
    assert page.body is not None
    found = site_body(page.body, ("div.content",))
    assert found is not None and found.attributes.get("class") == "content"
    assert site_body(LexborHTMLParser(f"<html><body><div class=content>{empty}</div></body></html>").body,
                     ("div.content",)) is None
