"""Small text helpers shared by the extraction modules."""

from __future__ import annotations

import html
import re

_LETTER_OR_DIGIT = re.compile(r"\w")
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WIDE = "\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
# a line break in the markup between two Chinese or Japanese characters is no space (CSS Text 3 4.1.3)
# (the wide character before the break is matched, not looked behind at, so that the search skips
# ahead to wide characters instead of trying every position)
_WIDE_BREAK = re.compile(rf"([{_WIDE}])[ \t]*[\r\n][ \t\r\n]*(?=[{_WIDE}])")


# invisible characters that only hint where a line may break: soft hyphen, zero-width space, word
# joiner, Mongolian vowel separator, byte-order mark (zero-width joiners stay: Persian and emoji need them)
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\u180e\ufeff"))
LONG_TEXT = 65_536  # longer texts are folded in halves: a list of all their words takes ten times their size


def fold(text: str | None) -> str:
    """Collapse every run of whitespace (NBSP and the ideographic space included) to one space, and
    drop invisible characters (soft hyphens, zero-width spaces)."""
    if not text:
        return ""
    if len(text) > LONG_TEXT and (halves := halved(text)):
        return " ".join(filter(None, map(fold, halves)))
    if not text.isascii():
        if "\u00ad" in text or "\u200b" in text or "\u2060" in text or "\ufeff" in text or "\u180e" in text:
            text = text.translate(INVISIBLE)
        if "\n" in text or "\r" in text:
            text = _WIDE_BREAK.sub(r"\1", text)
    return " ".join(text.split())  # str.split() knows Unicode whitespace, U+00A0 and U+3000 included


def halved(text: str) -> tuple[str, str] | None:
    """The text cut in two at a space near its middle that follows a visible ASCII character (folding
    the halves apart gives what folding it whole does), or None when it has no such space."""
    middle = len(text) // 2
    cut = text.find(" ", middle)
    while cut > 0 and not (text[cut - 1].isascii() and not text[cut - 1].isspace()):
        cut = text.find(" ", cut + 1)
    if cut <= 0:
        cut = text.rfind(" ", 0, middle)
        while cut > 0 and not (text[cut - 1].isascii() and not text[cut - 1].isspace()):
            cut = text.rfind(" ", 0, cut)
    return (text[:cut], text[cut:]) if cut > 0 else None


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit."""
    return _LETTER_OR_DIGIT.search(text) is not None


def count_matching(run: re.Pattern, text: str) -> int:
    """How many characters of `text` the pattern `run` (a character class with +) covers.

    Summing the runs' lengths makes one match per run instead of one per character."""
    return sum(map(len, run.findall(text)))


# _CJK_RUN's characters in UTF-16 (little-endian: the high byte second): high bytes 34-4C and 4E-9F
# (U+3400-U+4CFF, U+4E00-U+9FFF), 4D with a low byte under C0 (U+4D00-U+4DBF) and F9-FA (U+F900-U+FAFF).
# A string of two-byte characters (Chinese text) is encoded to UTF-16 by a copy, where UTF-8 takes a
# computation per character; its high bytes are taken in one slice and the others deleted at once
# (bytes.translate): many times faster than a regular expression that tries every character.
_CJK_HIGH = bytes(range(0x34, 0x4D)) + bytes(range(0x4E, 0xA0)) + b"\xf9\xfa"
_EXT_A_END = re.compile("[\u4d00-\u4dbf]+")  # the characters of high byte 4D that are CJK (rare)


def cjk_count(text: str) -> int:
    """How many Chinese characters (CJK ideographs) the text holds."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    count = len(high) - len(high.translate(None, _CJK_HIGH))
    if b"\x4d" in high:
        count += count_matching(_EXT_A_END, text)
    return count


def text_size(text: str) -> int:
    """A length that weighs a Chinese character like a short word."""
    if text.isascii():
        return len(text)
    return len(text) + 2 * cjk_count(text)


def fold_entities(text: str | None) -> str:
    """fold() after decoding HTML entities that a value carries as text (JSON-LD and meta values are
    often escaped twice: "&#8220;", "&amp;amp;", "&nbsp;")."""
    if text and "&" in text:
        text = html.unescape(html.unescape(text))
    return fold(text)
