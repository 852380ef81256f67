"""A shortcut of the extractor that must answer what the code it replaces answered: a printable sample
is not searched for unreadable characters (guess_language)."""

from __future__ import annotations

import random

import pycld2

from briefarc.extract import language
from briefarc.extract.text import cjk_count

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
