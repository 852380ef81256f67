"""Small text helpers shared by the extraction modules."""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+")
_LETTER_OR_DIGIT = re.compile(r"\w")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WIDE = "\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
# a line break in the markup between two Chinese or Japanese characters is no space (CSS Text 3 4.1.3)
_WIDE_BREAK = re.compile(rf"(?<=[{_WIDE}])[ \t]*[\r\n][ \t\r\n]*(?=[{_WIDE}])")


def fold(text: str | None) -> str:
    """Collapse every run of whitespace (NBSP and the ideographic space included) to one space."""
    if not text:
        return ""
    if not text.isascii() and ("\n" in text or "\r" in text):
        text = _WIDE_BREAK.sub("", text)
    if "\u200b" in text or "\ufeff" in text:
        return _SPACE.sub(" ", text).strip()
    return " ".join(text.split())  # str.split() knows Unicode whitespace, U+00A0 and U+3000 included


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit."""
    return _LETTER_OR_DIGIT.search(text) is not None


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def text_size(text: str) -> int:
    """A length that weighs a Chinese character like a short word."""
    if text.isascii():
        return len(text)
    return len(text) + 2 * cjk_count(text)
