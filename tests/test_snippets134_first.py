"""Snippets cut from the text look first at the characters a match may begin with (store/snippets.py _first_told):
the snippets are those of the pattern without that look ahead, for acronyms, words ignoring case (with the letters
Unicode folds onto them: the Kelvin sign, the long s, the dotless i), full-width letters, CJK phrases and prefixes;
and a pattern whose first characters are not told plainly is left as it is."""

from __future__ import annotations

import random
import re

import pytest

from briefarc.store.search import exact_patterns, search_query
from briefarc.store.snippets import _first_told, snippet, terms_pattern

QUERIES = ["US OR minister", "WHO's OR Geneva", "IT OR Blinken", "(US OR WHO) Kashmir", "美国", '"美国 and"',
           "台湾问题 OR US", "G20 OR US", "minister* OR IT", "NEAR(trade talks) OR US", "skill OR kilo", "IS OR ISIS"]
PIECES = ["US", "us", "Us", "minister", "MINISTER", "Ｍinister", "ＷＨＯ", "WHO's", "WHO’s", "who's", "Geneva",
          "IT", "it", "Blinken", "Kashmir", "美国", "美国 and", "美国and", "台湾问题", "G20", "Ｇ２０", "trade talks",
          "\u212ailo", "\u017fkill", "sKILL", "\u0131S", "ISIS", "I\u0307S", "talks", ",", ".", "\n", "·", "ministers"]


def plain(pattern: re.Pattern) -> re.Pattern:
    """The pattern without its look ahead."""
    source = pattern.pattern
    return re.compile(source[source.index("(?:") + 3:-1], re.IGNORECASE)


@pytest.mark.parametrize("query", QUERIES)
def test_the_snippets_are_those_of_the_pattern_without_the_look_ahead(query):
    fts, checks = search_query(query)
    pattern = terms_pattern(fts, exact_patterns(checks))
    assert pattern is not None and pattern.pattern.startswith("(?=[")
    rng = random.Random(query)
    for _ in range(300):
        texts = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60))) for _ in range(3)]
        assert snippet(pattern, texts) == snippet(plain(pattern), texts)
        assert [m.span() for m in pattern.finditer(texts[0])] == [m.span() for m in plain(pattern).finditer(texts[0])]


@pytest.mark.parametrize("source", [r"a*b", r"[^a]b", r"\wb", r"(x)?y", r"[一-鿿]", r"x|y?"])
def test_a_pattern_whose_first_characters_are_not_plain_is_left_as_it_is(source):
    assert _first_told(source) == source


def test_a_pattern_the_private_parser_cannot_read_is_used_as_it_is(monkeypatch):
    """`re._parser` is private: should a Python move it, snippets of acronyms and CJK would have failed."""
    from briefarc.store import snippets

    def moved(source):
        raise ImportError("cannot import name '_parser' from 're'")

    monkeypatch.setattr(snippets, "_parse", moved)
    assert snippets._first_told(r"(?<!\w)US(?!\w)") == r"(?<!\w)US(?!\w)"
