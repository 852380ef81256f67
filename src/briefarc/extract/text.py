"""Small text helpers shared by the extraction modules."""

from __future__ import annotations

import html
import re

from briefarc.patterns import lazy

_LETTER_OR_DIGIT = lazy(r"\w")
_CJK_RUN = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# a line break in the markup between two Chinese or Japanese characters is no space (CSS Text 3 4.1.3):
# the breaks are found, then the characters either side of each are asked whether they are wide. A class
# of the wide characters in the pattern cost more to compile (re expands a class of a range one code point
# at a time: 41M instructions, in every process) than all the texts of a page cost to search.
# A run of the spaces and breaks is found from its first break (a search that skips to the next \r or \n, where
# a pattern that opens with a lookbehind is tried at each character), and the spaces before that break are
# then added to it.
_BREAK = lazy(r"[\r\n][ \t\r\n]*")


def is_wide(char: str) -> bool:
    """Whether the character is a Chinese or Japanese one (U+3001-U+30FF, U+3400-U+4DBF, U+4E00-U+9FFF,
    U+F900-U+FAFF, U+FF01-U+FF60): a line break beside two of them is no space."""
    return ("\u4e00" <= char <= "\u9fff" or "\u3001" <= char <= "\u30ff" or "\u3400" <= char <= "\u4dbf"
            or "\uf900" <= char <= "\ufaff" or "\uff01" <= char <= "\uff60")


def _wide_breaks_joined(text: str) -> str:
    """The text without the line breaks (and the spaces around them) that stand between two wide characters:
    each run of spaces, tabs and line breaks that holds a break, between two wide characters."""
    pieces = []
    kept = 0  # where the text not yet copied starts
    for match in _BREAK.finditer(text):
        start, end = match.span()
        while start > kept and text[start - 1] in " \t":
            start -= 1
        if start and end < len(text) and is_wide(text[start - 1]) and is_wide(text[end]):
            pieces.append(text[kept:start])
            kept = end
    if not kept:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


# invisible characters that only hint where a line may break: soft hyphen, zero-width space, word
# joiner, Mongolian vowel separator, byte-order mark (zero-width joiners stay: Persian and emoji need them)
_INVISIBLE_CHARS = "\u00ad\u200b\u2060\u180e\ufeff"
INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
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
            text = _wide_breaks_joined(text)
    return " ".join(text.split())  # str.split() knows Unicode whitespace, U+00A0 and U+3000 included


def folded_lines(text: str) -> list[str]:
    """The lines of `text` (split at line feeds), each folded, the empty ones left out. One folds as its words
    joined by spaces unless the text holds a carriage return (a wide-character break) or an invisible
    character: most texts, read here without a call of `fold` per line."""
    if not text.isascii() and ("\r" in text or any(char in text for char in _INVISIBLE_CHARS)):
        return [line for line in map(fold, text.split("\n")) if line]
    return [line for line in map(" ".join, map(str.split, text.split("\n"))) if line]


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


# _CJK_RUN's characters in UTF-8: lead bytes E4-E9 (U+4000-U+9FFF) less E4 B7 (U+4DC0-U+4DFF), E3 with
# 90-BF (U+3400-U+3FFF) and EF with A4-AB (U+F900-U+FAFF). Counting bytes is many times faster than a
# regular expression that tries every character; deleting the six lead bytes at once (bytes.translate)
# is faster than counting each.
_CJK_LEADS = bytes(range(0xE4, 0xEA))
_CJK_E3 = lazy(rb"\xe3[\x90-\xbf]")
_CJK_EF = lazy(rb"\xef[\xa4-\xab]")


def cjk_count(text: str) -> int:
    """How many Chinese characters (CJK ideographs) the text holds."""
    data = text.encode("utf-8", "surrogatepass")
    count = len(data) - len(data.translate(None, _CJK_LEADS)) - data.count(b"\xe4\xb7")
    if b"\xe3" in data:
        count += len(_CJK_E3.findall(data))
    if b"\xef" in data:
        count += len(_CJK_EF.findall(data))
    return count


def text_size(text: str) -> int:
    """A length that weighs a Chinese character like a short word."""
    if text.isascii():
        return len(text)
    return len(text) + 2 * cjk_count(text)


def folded_size(text: str, limit: int) -> int:
    """text_size(fold(text)) when that is under `limit`, else a number no smaller than `limit`: what a test against
    `limit` needs, without folding the whole of a long text (a container's). A prefix of the text folds to a prefix
    of the folded text (its last word maybe cut short), so its size is a lower bound of the whole one."""
    head = 4 * limit
    if len(text) > head:
        size = text_size(fold(text[:head]))
        if size >= limit:
            return size
    return text_size(fold(text))


def fold_entities(text: str | None) -> str:
    """fold() after decoding HTML entities that a value carries as text (JSON-LD and meta values are
    often escaped twice: "&#8220;", "&amp;amp;", "&nbsp;")."""
    if text and "&" in text:
        text = html.unescape(html.unescape(text))
    return fold(text)


PERMALINK_MARK = "¶"  # a heading's link to itself, as documentation generators (Sphinx, MkDocs) end it


def without_permalink(text: str) -> str:
    """A heading's text without the permalink mark at its end ("Installation¶")."""
    return text.removesuffix(PERMALINK_MARK).rstrip() if text.endswith(PERMALINK_MARK) else text
