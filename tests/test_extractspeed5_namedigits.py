"""furniture.word_flags keeps its memo by the word with its ASCII digits made zeros (issue 12: same output). That
holds while no pattern of the class and id words tells one ASCII digit from another: this test judges words with
digits by the patterns themselves, memo aside, and fails when a pattern starts to tell them apart."""

from __future__ import annotations

import random

from briefarc.extract import furniture
from briefarc.extract.furniture import (
    CONTENT_NAMES,
    LIKELY_NAMES,
    LIKELY_TOKENS,
    PLAIN_NAMES,
    TAXONOMY,
    names_kind,
    word_flags,
)

PIECES = ["post", "comment", "ad", "nav", "tag", "-", "_", "related", "widget", "col", "entry-content", "x", "promo",
          "ted", "jump", "to", "sidebar", "category", "topic", "Share", "AD", "h", "m", "ads"]


def judged(word: str) -> int:
    """What word_flags says, read from the patterns alone (no memo, no digits made zeros)."""
    lowered = TAXONOMY.sub(" ", word.lower())
    if CONTENT_NAMES.search(lowered):
        return 4
    if PLAIN_NAMES.search(lowered):
        return 2
    return 1 if LIKELY_NAMES.search(lowered) or not LIKELY_TOKENS.isdisjoint(lowered.split()) else 0


def test_a_word_with_digits_is_judged_as_the_patterns_judge_it():
    rng = random.Random(3)
    furniture._WORD_FLAGS.clear()
    furniture._NAMES_KINDS.clear()
    for _ in range(20_000):
        word = "".join(rng.choice(PIECES + [str(rng.randint(0, 99999))]) for _ in range(rng.randint(1, 4)))
        assert word_flags(word) == judged(word), word
        assert names_kind(f"{word} {word}9") == names_kind(f"{word}9 {word}"), word
