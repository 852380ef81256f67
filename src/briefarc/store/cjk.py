"""Chinese and Japanese words for a word index: each run of characters as overlapping pairs.

FTS5's unicode61 tokenizer keeps a run of Han characters between two punctuation marks as one token,
so `MATCH '台湾'` finds a run that is exactly 台湾 and nothing else. The writer therefore stores, beside
each text column holding CJK text, its search terms (`cjk_title`, `cjk_subtitle`, `cjk_body`, and
`cjk_text` of a turn): every word holding a CJK character, with each run of CJK characters given as
its overlapping character pairs followed by its last character, and the letters or digits written
against it (2025年, G20峰会) as they are. 外交部发言人 is stored as `外交 交部 部发 发言 言人 人`.

A word of n >= 2 characters is then the phrase of its n-1 pairs (`"台湾"`, `"外交 交部"`), found wherever
it stands in a run; a single character is a prefix query (`"台"*`: a pair beginning with it, or the last
character of a run). The same plain text is what any SQLite tool reads: no zero-width characters, and
`documents_fts MATCH '台湾'` or `sqlite-utils search archive.db documents 台湾` finds the documents.
"""

from __future__ import annotations

import re
from functools import cache

from briefarc.store.text import CJK_CHARS, has_cjk

WORD = re.compile(r"[^\W_]+")  # a token as unicode61 reads it: letters and digits


@cache
def _segment() -> re.Pattern:
    """A word's runs of CJK characters (group 1) and of other letters or digits (group 2)."""
    return re.compile(f"([{CJK_CHARS}]+)|([^{CJK_CHARS}]+)")


def _pairs(run: str) -> list[str]:
    return [run[index:index + 2] for index in range(len(run) - 1)]


def terms(text: str | None) -> str | None:
    """The search terms of `text`'s words that hold CJK characters, space-separated; None without any."""
    if not has_cjk(text):
        return None
    out: list[str] = []
    for word in WORD.findall(text):
        if word.isascii() or not has_cjk(word):
            continue
        for run, other in _segment().findall(word):
            if run:
                out.extend(_pairs(run))
                out.append(run[-1])
            else:
                out.append(other)
    return " ".join(out) or None


def phrase_tokens(text: str, star: bool = False) -> tuple[list[str], bool]:
    """The stored terms a phrase's CJK-bearing words match, in order, and whether the last is a prefix
    (`star`: the phrase was typed as a prefix, which a word ending in letters or digits keeps).

    A run that ends the phrase may go on in the text (its pairs only, or the character as a prefix when
    it is one character long); a run followed by more of the phrase must end where the text's run ends
    (its pairs and its last character).
    """
    segments = [segment for word in WORD.findall(text) if has_cjk(word) for segment in _segment().findall(word)]
    tokens: list[str] = []
    prefix = False
    for index, (run, other) in enumerate(segments):
        last = index == len(segments) - 1
        if other:
            tokens.append(other)
            prefix = last and star
            continue
        tokens.extend(_pairs(run))
        if not last:
            tokens.append(run[-1])
        elif len(run) == 1:
            tokens.append(run)
            prefix = True
    return tokens, prefix


def other_words(text: str) -> list[str]:
    """The words of a phrase that hold no CJK character: matched in the ordinary columns."""
    return [word for word in WORD.findall(text) if not has_cjk(word)]
