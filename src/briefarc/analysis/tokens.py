"""Words for counting: lower-cased words for alphabetic text, character bigrams for CJK text.

Chinese is written without spaces; overlapping character bigrams are the usual light-weight stand-in
for segmentation in corpus statistics (most Chinese words have two characters), with no dictionary.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from briefarc.store.text import CJK_CHARS

WORD = re.compile(rf"[{CJK_CHARS}]+|[^\W\d_{CJK_CHARS}]+(?:['’\-][^\W\d_{CJK_CHARS}]+)*")
CJK_RUN = re.compile(f"[{CJK_CHARS}]")
WORD_PARTS = re.compile(rf"([{CJK_CHARS}]+)|([^\W\d_{CJK_CHARS}]+(?:['’\-][^\W\d_{CJK_CHARS}]+)*)")  # WORD, split
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves s t don q mr ms said says say will
would may might must shall us one two also it's that's there's what's let's he's she's i'm we're you're
they're i've we've you've they've i'll we'll you'll they'll i'd we'd don't doesn't didn't isn't aren't wasn't
weren't can't won't wouldn't couldn't shouldn't haven't hasn't
""".split()) | frozenset("""
的 了 是 在 和 与 也 就 都 而 及 对 等 这 那 有 我 你 他 她 它 们 中 上 下 不 为 以 之 将 被 把 从 到 于 或 但 并 其
""".split())


def spans(text: str) -> Iterator[tuple[str, int, int]]:
    """The countable units of `text` in order, with where each starts and ends: English words
    (lower-cased) and CJK bigrams (a lone CJK character stands for itself)."""
    for match in WORD.finditer(text):
        word, start = match.group(0), match.start()
        if CJK_RUN.match(word):
            if len(word) == 1:
                yield word, start, start + 1
            for index in range(len(word) - 1):
                yield word[index:index + 2], start + index, start + index + 2
        else:  # "it’s" and "it's" are one word: pages differ in their apostrophes, not in what they say
            yield word.lower().replace("’", "'"), start, match.end()


def tokens(text: str) -> Iterator[str]:
    """The countable units of `text` in order: English words (lower-cased) and CJK bigrams. The same as
    spans gives, read with findall: no match object per word, as counting a whole archive needs."""
    for cjk, word in WORD_PARTS.findall(text):
        yield from _units(cjk, word)


def _units(cjk: str, word: str) -> list[str]:
    """The tokens of one word as WORD_PARTS finds it: a run of CJK characters or an alphabetic word."""
    if not cjk:
        return [word.lower().replace("’", "'")]
    if len(cjk) == 1:
        return [cjk]
    return [cjk[index:index + 2] for index in range(len(cjk) - 1)]


@lru_cache(maxsize=1 << 17)  # a corpus repeats its words: judged once each, not at every occurrence
def worth_counting(token: str) -> bool:
    """Not a stop word, a one-letter word or a bigram made of stop characters."""
    if token in STOPWORDS or (len(token) == 1 and not CJK_RUN.match(token)):
        return False
    return not (CJK_RUN.match(token) and all(char in STOPWORDS for char in token))


def is_cjk_token(token: str) -> bool:
    """Whether a token is CJK (a bigram or a lone character) rather than a word of another script."""
    return bool(CJK_RUN.match(token))


def script_totals(counts: Counter) -> Counter:
    """How many of the counted tokens are CJK (True) and how many words of other scripts (False)."""
    totals: Counter = Counter()
    for token, count in counts.items():
        totals[is_cjk_token(token)] += count
    return totals


def content_tokens(text: str) -> Iterator[str]:
    """Tokens worth ranking, in order."""
    return (token for token in tokens(text) if worth_counting(token))


class TokenCounts:
    """Counts of the tokens worth ranking in many texts: what Counter(content_tokens(text)) summed over them
    gives, made by counting the words as found (in C) and splitting each distinct word into tokens once."""

    def __init__(self) -> None:
        self.words: Counter = Counter()

    def add(self, text: str) -> None:
        self.words.update(WORD_PARTS.findall(text))

    def counts(self) -> Counter:
        out: Counter = Counter()
        for (cjk, word), count in self.words.items():
            kept = filter(worth_counting, _units(cjk, word))
            if count == 1:  # most runs of Chinese: a sentence seen once
                out.update(kept)
            else:
                for token in kept:
                    out[token] += count
        return out


FRAGMENT_SHARE = 0.9  # a string this often followed (or preceded) by the same character is part of a longer one
FRAGMENT_MIN = 4  # occurrences needed to judge: fewer say little about the words around
LONGEST_WORD = 8  # characters a bigram may grow to
SAMPLE_CHARS = 500_000  # the text kept to tell fragments: enough to know a language's words


def grown(word: str, text: str) -> str:
    """A CJK bigram as the longer string it nearly always (FRAGMENT_SHARE) stands in, in `text`: 冠肺 is read
    in 新冠肺炎, 卫组 in 世卫组织, 一带 in 一带一路. Bigrams stand in for words (no dictionary); this reads
    them as a reader would, by the characters around them alone. Anything else is returned as it is."""
    if len(word) != 2 or not all(CJK_RUN.match(char) for char in word):
        return word
    while len(word) < LONGEST_WORD:
        occurrences = text.count(word)
        if occurrences < FRAGMENT_MIN:
            break
        longer = word
        for found, add in ((_after(word, text), lambda c, w: w + c), (_before(word, text), lambda c, w: c + w)):
            best = found.most_common(1)
            if best and best[0][1] >= FRAGMENT_SHARE * occurrences:
                longer = add(best[0][0], longer)
        if longer == word:
            break
        word = longer
    return word


def _after(word: str, text: str) -> Counter:
    """The CJK characters that follow `word` in `text`, as re.findall(word + "([CJK])") finds them (each match
    takes the word and its character), without compiling a pattern of CJK_CHARS for every word."""
    found: Counter = Counter()
    start, size = text.find(word), len(word)
    while start >= 0:
        follows = text[start + size:start + size + 1]
        if follows and CJK_RUN.match(follows):
            found[follows] += 1
            start = text.find(word, start + size + 1)
        else:
            start = text.find(word, start + 1)
    return found


def _before(word: str, text: str) -> Counter:
    """The CJK characters just before each occurrence of `word` in `text`, overlapping ones included."""
    found: Counter = Counter()
    start = text.find(word, 1)
    while start >= 0:
        if CJK_RUN.match(text[start - 1]):
            found[text[start - 1]] += 1
        start = text.find(word, start + 1)
    return found


class Sample(list[str]):
    """Texts kept to tell fragments (grown), up to SAMPLE_CHARS characters, counted as they come."""

    chars = 0

    def keep(self, text: str) -> None:
        """Add `text` while the sample is under SAMPLE_CHARS characters."""
        if self.chars < SAMPLE_CHARS:
            self.append(text)
            self.chars += len(text)


def as_words(rows: list[dict], limit: int, sample: list[str], key: str = "word") -> list[dict]:
    """The first `limit` ranked rows, each CJK bigram shown as the string it nearly always stands in (see
    grown), with the bigram's counts; a string already shown by a better ranked row is not repeated."""
    text = "\n".join(sample)
    out, shown = [], set()
    for row in rows[:3 * limit]:
        word = grown(row[key], text)
        if word not in shown:
            shown.add(word)
            out.append({**row, key: word})
    return out[:limit]
