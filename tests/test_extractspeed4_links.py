"""The text of a voter's links, read by walking its elements (issue 12: same output).

find_voters asked each paragraph for its links with css("a"), which parses the selector each time; the
paragraph's elements are now walked (its own element first, which is never a link: paragraphs, boxes and
cells vote). What is summed must be what the selector found, links in SVG and nested markup included."""

from __future__ import annotations

import random

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.voters import link_chars

PIECES = ["text ", "<a href=/x>link</a>", "<a>bare</a>", "<b>bold <a href=/y>in bold</a></b>",
          "<svg><a>drawn</a></svg>", "<!-- <a>comment</a> -->", "<span><em><a href=#>deep</a></em></span>", "<br>",
          "<A HREF=/z>UPPER</A>", "<template><a>template</a></template>", "<abbr>a</abbr>", "<area>",
          "<a href=/w><img alt=x></a>"]


def test_links_text_is_what_the_selector_found():
    rng = random.Random(7)
    for _ in range(3_000):
        inner = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        tree = LexborHTMLParser(f"<div><p>{inner}</p><table><tr><td>{inner}</td></tr></table><div>{inner}</div></div>")
        for node in [*tree.tags("p"), *tree.tags("td"), *tree.tags("div")]:
            assert link_chars(node) == sum(len(a.text()) for a in node.css("a")), inner
