"""text.fold's joining of line breaks between wide characters, found from each break (issue 12: same output).

The runs of spaces and breaks were found by a pattern that opens with a lookbehind, which re tries at every
character of the text (~280 instructions a character of a Chinese paragraph); each run is now found from its
first break, a search that skips to the next \\r or \\n, and the spaces before the break are added to it. Each
side's character is asked whether it is wide by comparing it with the ranges' ends, not by a generator."""

from __future__ import annotations

import random
import re
import time

from briefarc.extract.text import _wide_breaks_joined, fold, is_wide

WIDE_RANGES = ((0x3001, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFF01, 0xFF60))
LOOKBEHIND = re.compile(r"(?<=[^\x00-\x7f])[ \t]*[\r\n][ \t\r\n]*(?=[^\x00-\x7f])")


def wide_before(char: str) -> bool:
    return any(low <= ord(char) <= high for low, high in WIDE_RANGES)


def joined_before(text: str) -> str:
    """_wide_breaks_joined as it was: the pattern with a lookbehind, each match's sides asked."""
    def joined(match: re.Match[str]) -> str:
        start, end = match.span()
        return "" if start and end < len(text) and wide_before(text[start - 1]) and wide_before(text[end]) \
            else match.group()
    return LOOKBEHIND.sub(joined, text)


PIECES = ["字", "。", "\u3000", "\u3001", "\u30ff", "\u4dc0", "\uff01", "\uff61", "é", "a", "1", " ", " ", "\t", "\r",
          "\n", "\n", "\r\n", " \n ", "\xa0", "\x0b", "\u2028"]


def test_breaks_are_joined_as_the_lookbehind_joined_them():
    rng = random.Random(107)
    for _ in range(60_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 20)))
        assert _wide_breaks_joined(text) == joined_before(text), repr(text)
    assert fold("外交部发言人 \r\n \t汪文斌\n\n主持 \n例行记者会") == "外交部发言人汪文斌主持例行记者会"
    assert fold("毛宁\nMao Ning\n答") == "毛宁 Mao Ning 答"


def test_wide_is_told_as_by_the_ranges():
    for code in range(0x10000):
        assert is_wide(chr(code)) == wide_before(chr(code)), hex(code)


def test_many_runs_and_long_runs_stay_linear():
    """Spaces before a break are walked back once each: a long run, and many runs, take a moment."""
    texts = ["字" + " " * 200_000 + "\n字", "字 \n" * 100_000 + "字", "a" + " \n" * 100_000 + "b"]
    started = time.process_time()
    results = [_wide_breaks_joined(text) for text in texts]
    assert time.process_time() - started < 2.0
    assert results == ["字字", "字" * 100_001, texts[2]]
