"""text.fold's joining of line breaks between wide characters, against the regular expression it replaced.

The breaks between two Chinese or Japanese characters were found by one pattern holding a class of the wide
characters twice; re compiles such a class one code point at a time (41M instructions in every process).
The breaks are now found alone and the characters either side asked; the result must be the same."""

from __future__ import annotations

import random
import re
import time

from briefarc.extract.text import _wide_breaks_joined, fold, is_wide

WIDE = "\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60"
OLD = re.compile(rf"([{WIDE}])[ \t]*[\r\n][ \t\r\n]*(?=[{WIDE}])")

# each range's ends and the characters just outside them, whitespace of every kind, Latin letters
ALPHABET = ["\u3000", "\u3001", "\u303f", "\u3040", "\u30ff", "\u3100", "\u33ff", "\u3400", "\u4dbf", "\u4dc0",
            "\u4dff", "\u4e00", "\u9fff", "\ua000", "\uf8ff", "\uf900", "\ufaff", "\ufb00", "\uff00", "\uff01",
            "\uff60", "\uff61", "字", "。", "a", "Z", "1", " ", " ", "\t", "\r", "\n", "\n", "\xa0", "\u2028", "\x0b"]


def test_breaks_joined_as_the_old_pattern_joined_them():
    rng = random.Random(101)
    for _ in range(40_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 24)))
        assert _wide_breaks_joined(text) == OLD.sub(r"\1", text), repr(text)


def test_wide_characters_are_those_of_the_old_class():
    wide = re.compile(f"[{WIDE}]")
    for code in range(0x2F00, 0x10000):
        assert is_wide(chr(code)) == (wide.match(chr(code)) is not None), hex(code)


def test_fold_joins_chinese_lines_and_keeps_latin_ones_apart():
    assert fold("外交部发言人\r\n  汪文斌主持例行记者会") == "外交部发言人汪文斌主持例行记者会"
    assert fold("Wang Wenbin\n主持") == "Wang Wenbin 主持"
    assert fold("记者：\n \tBloomberg") == "记者： Bloomberg"


def test_a_long_run_of_spaces_without_a_break_is_searched_once():
    """A run of spaces is searched for a break from its start only: 200,000 spaces take a moment, not minutes."""
    text = "字" + " " * 200_000 + "字"
    started = time.process_time()
    assert _wide_breaks_joined(text) == text
    assert time.process_time() - started < 1.0
