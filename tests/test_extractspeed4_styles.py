"""A hiding style told after a look for its words (issue 12: same output).

furniture.hides and names_only searched every element's style with HIDDEN_STYLE, a search that tries each
character of the style; a style holds "none" or "hidden" for the pattern to match, and most hold neither."""

from __future__ import annotations

import random
import re

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.furniture import HIDDEN_STYLE, hidden_style, hides, is_hidden

PATTERN = re.compile(HIDDEN_STYLE.pattern)
PIECES = ["display", "visibility", ":", " ", "\t", "\n", "none", "hidden", "None", "HIDDEN", "block", ";", "color:red",
          "display:none", "visibility : hidden", "dis", "play", "no", "ne", "hid", "den", "-webkit-"]


def test_hidden_styles_are_those_the_pattern_finds():
    rng = random.Random(3)
    for _ in range(50_000):
        style = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))
        assert hidden_style(style) == (PATTERN.search(style) is not None), style
    assert not hidden_style(None) and not hidden_style("")


def test_hidden_elements():
    tree = LexborHTMLParser('<div style="display: none">a</div><div style="display:block; color: none">b</div>'
                            '<p style="visibility:hidden">c</p><p hidden>d</p><p style="overflow: hidden">e</p>')
    assert [is_hidden(node) for node in tree.css("div, p")] == [True, False, True, True, False]
    assert hides({"style": "font-weight: bold; display :none"}) and not hides({"style": "font-weight: bold"})
