"""Whether a text can match a full-text query at all, told without an index: a text that holds none of the query's
words (folded as the index folds them, or more) is no match of it. `watch check` searches the versions a watch had
seen only when they may match: indexing them cost a quarter of a second for 2,000 edits, for a word in none.

The test is a necessary condition, never a sufficient one: every word of every quoted phrase of the query (the
words NOT leaves out too) is looked for as a substring of the text, so a text kept may still not match, and a text
left out cannot (FTS5 matches a query only through one of its phrases, which needs each of its words).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from briefarc.store.acronyms import MARKS
from briefarc.store.text import CJK_CHARS

# A quoted phrase of an FTS5 query ("" is a quote in it); every word of a query read by store/query.py is in one.
PHRASE = re.compile(r'"((?:[^"]|"")*)"')
# The runs of letters and digits of a phrase (FTS5's unicode61 splits at everything else); CJK characters one by
# one, as the index's terms of them are pairs and single characters (store/cjk.py).
WORD = f"[{CJK_CHARS}]|[^\\W_{CJK_CHARS}]+"
# After folding, a letter neither ASCII nor CJK (ø, ł, Cyrillic...): unicode61 may fold it as Python does not (ø to
# o), so a text or a word holding one is not judged.
FOREIGN = f"[^\\x00-\\x7f\\W{CJK_CHARS}]"
COMBINING = re.compile(f"[{MARKS}]")


def lower_unaccented(text: str) -> str:
    """`text` in lower case, without its diacritics, its full-width letters as ASCII ones (NFKD)."""
    if text.isascii():
        return text.lower()
    return COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def query_words(fts: str) -> list[str] | None:
    """The folded words of the FTS5 query `fts` a matching text holds one of; None when a text cannot be told so
    (a phrase without a word, a word with a letter unicode61 may fold otherwise)."""
    words = []
    for phrase in PHRASE.findall(fts):
        found = _pattern(WORD).findall(lower_unaccented(phrase.replace('""', '"')))
        if not found:
            return None
        words += found
    if not words or any(_pattern(FOREIGN).search(word) for word in words):
        return None
    return list(dict.fromkeys(words))


def may_match(words: list[str] | None, *texts: str | None) -> bool:
    """Whether the texts together may match the query of `words` (query_words): False only when none holds any."""
    if words is None:
        return True
    text = lower_unaccented("\n".join(filter(None, texts)))
    return any(word in text for word in words) or (not text.isascii() and _pattern(FOREIGN).search(text) is not None)


@cache
def _pattern(pattern: str) -> re.Pattern:
    """Compiled on first use: CJK_CHARS spans whole Unicode planes, which takes a while to compile (9 ms of CPU)."""
    return re.compile(pattern)
