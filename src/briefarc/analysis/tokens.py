"""Words for counting: lower-cased words for alphabetic text, dictionary words for Chinese (segment.py).

Chinese is written without spaces: each run of Han characters is cut into the words it is written in;
a run holding kana (Japanese) is counted in overlapping character pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from briefarc.analysis.segment import KANA, offsets, words
from briefarc.store.text import CJK_CHARS

LETTERS = rf"[^\W\d_{CJK_CHARS}]+"
# U.S., U.N., P.R.C.: capitals parted by dots are one word (US, UN, PRC), as a page may write it without them; read
# letter by letter, "U.S." counted nothing (two words of one letter). A letter after them is another word's start.
# A hyphen parts two words, as the word index parts them: "anti-epidemic" is anti and epidemic, which trend and kwic
# count inside it (keywords counted epidemic 124 times where trend counted 146). An apostrophe joins ("it's", "don't").
ALPHABETIC = rf"[A-Z](?:\.[A-Z])+\.?(?!{LETTERS})|{LETTERS}(?:['’]{LETTERS})*"  # not "Plan B.The": B, the
WORD = re.compile(rf"[{CJK_CHARS}]+|{ALPHABETIC}")
CJK_RUN = re.compile(f"[{CJK_CHARS}]")
WORD_PARTS = re.compile(rf"([{CJK_CHARS}]+)|({ALPHABETIC})")  # WORD, split
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


# Three words or more in capitals in a row: a line set in capitals ("JOIN US TODAY", "WHO ARE WE?"), whose US and
# WHO are the pronouns; "the UK, US and France" has two in a row.
SHOUTED = re.compile(r"\b[A-Z][A-Z'’\-]*(?:[\s,.;:!?]+[A-Z][A-Z'’\-]*){2,}\b")


def calmed(text: str) -> str:
    """`text` with its runs of words in capitals lower-cased, when it holds one of CAPITALS at all (a plain
    substring test first: most texts hold neither)."""
    if "US" not in text and "WHO" not in text:
        return text
    return SHOUTED.sub(lambda match: match.group(0).lower(), text)


def spans(text: str) -> Iterator[tuple[str, int, int]]:
    """The countable units of `text` in order, with where each starts and ends: English words
    (lower-cased) and the words of each CJK run (segment.words)."""
    text = calmed(text)  # the same length: the offsets hold
    for match in WORD.finditer(text):
        word, start = match.group(0), match.start()
        if CJK_RUN.match(word):
            for unit, offset in offsets(word):
                yield unit, start + offset, start + offset + len(unit)
        else:
            yield latin(word), start, match.end()


def tokens(text: str) -> Iterator[str]:
    """The countable units of `text` in order: English words (lower-cased) and CJK words. The same as
    spans gives, read with findall: no match object per word, as counting a whole archive needs."""
    for cjk, word in WORD_PARTS.findall(calmed(text)):
        yield from _units(cjk, word)


def _units(cjk: str, word: str) -> list[str]:
    """The tokens of one word as WORD_PARTS finds it: a run of CJK characters or an alphabetic word."""
    if not cjk:
        return [latin(word)]
    return list(words(cjk))


def latin(word: str) -> str:
    """A word of an alphabetic script as counted: lower-cased, its apostrophes straight ("it’s" and "it's" are one
    word: pages differ in their apostrophes, not in what they say) and without a possessive 's: "China's" is
    "china", which keywords and collocates counted apart from "china" (china's 59 times in Zhao Lijian's English
    briefings, beside china). A contraction loses its 's as well (it's, that's, let's: stop words either way).
    U.S. is US; US and WHO, written in capitals, keep them (CAPITALS): lower-cased, they were the stop words us
    and who, and the United States and the World Health Organization were never counted."""
    word = word.replace("’", "'").replace(".", "")
    if word[-2:] in ("'s", "'S"):
        word = word[:-2]
    return word if word in CAPITALS else word.lower()


# Names written in capitals that are stop words in lower case: counted apart from the stop word, as written
CAPITALS = frozenset({"US", "WHO"})


@lru_cache(maxsize=1 << 17)  # a corpus repeats its words: judged once each, not at every occurrence
def worth_counting(token: str) -> bool:
    """Not a stop word, a one-letter word, a Chinese word of one character (的, 称, or what the dictionary
    left of a name) or a word made of stop characters."""
    if token in STOPWORDS or (len(token) == 1 and not (CJK_RUN.match(token) and KANA.match(token))):
        return False
    return not (CJK_RUN.match(token) and all(char in STOPWORDS for char in token))


def is_cjk_token(token: str) -> bool:
    """Whether a token is CJK (a Chinese word, a Japanese pair) rather than a word of another script."""
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
        self.words.update(WORD_PARTS.findall(calmed(text)))

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


FRAGMENT_SHARE = 0.9  # a word this often followed (or preceded) by the same word is part of a longer one
FRAGMENT_MIN = 4  # occurrences needed to judge: fewer say little about the words around
LONGEST_WORD = 8  # characters a word may grow to
SAMPLE_CHARS = 500_000  # the text kept to tell fragments: enough to know a language's words
NEXT_WORD = re.compile(r"[^ \n]+")


def grown(word: str, text: str) -> str:
    """A Chinese word as the longer string it nearly always (FRAGMENT_SHARE) stands in, in `text` (its runs cut
    into words, as worded gives): 新冠 in 新冠肺炎 where 肺炎 nearly always follows it, 世卫 in 世卫组织, 一带 in
    一带一路. It grows by whole words, so it never ends inside one. Anything else is returned as it is."""
    if not CJK_RUN.match(word) or KANA.search(word):
        return word
    parts = [word]
    while len(word) < LONGEST_WORD:
        occurrences, before, after = _neighbours(" ".join(parts), text)
        if occurrences < FRAGMENT_MIN:
            break
        longer = list(parts)
        for found, at_end in ((after, True), (before, False)):
            best = found.most_common(1)
            if best and best[0][1] >= FRAGMENT_SHARE * occurrences:
                longer = longer + [best[0][0]] if at_end else [best[0][0]] + longer
        if longer == parts:
            break
        parts, word = longer, "".join(longer)
    return word


def _neighbours(key: str, text: str) -> tuple[int, Counter, Counter]:
    """How often the words `key` stand whole in `text` (words parted by spaces, runs by line breaks), and the
    words just before and just after them."""
    occurrences, before, after = 0, Counter[str](), Counter[str]()
    start, size = text.find(key), len(key)
    while start >= 0:
        end = start + size
        if (start == 0 or text[start - 1] in " \n") and text[end:end + 1] in ("", " ", "\n"):
            occurrences += 1
            if text[end:end + 1] == " ":
                after[NEXT_WORD.match(text, end + 1)[0]] += 1  # type: ignore[index]
            if start and text[start - 1] == " ":
                before[text[max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1:start - 1]] += 1
        start = text.find(key, start + 1)
    return occurrences, before, after


def worded(texts: list[str]) -> str:
    """The Chinese runs of `texts` cut into words (segment.words), words parted by spaces, runs by line breaks:
    what grown reads."""
    runs = (cjk for text in texts for cjk, _ in WORD_PARTS.findall(text) if cjk and not KANA.search(cjk))
    return "\n".join(" ".join(words(run)) for run in runs)


def grown_pair(word: str, text: str) -> str:
    """A pair of Japanese characters (a run holding kana is counted in pairs) as the longer string it nearly
    always (FRAGMENT_SHARE) stands in, in `text`, read character by character. Anything else as it is."""
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
    """The first `limit` ranked rows, each Chinese word shown as the string it nearly always stands in (see
    grown; a Japanese pair, grown_pair), with the word's counts; a string already shown by a better ranked row
    is not repeated."""
    text = "\n".join(sample)
    cut = None  # the sample's Chinese cut into words: only for a Chinese row
    out, shown = [], set()
    for row in rows[:3 * limit]:
        word = row[key]
        if KANA.search(word):
            word = grown_pair(word, text)
        elif CJK_RUN.match(word):
            cut = worded(sample) if cut is None else cut
            word = grown(word, cut)
        if word not in shown:
            shown.add(word)
            out.append({**row, key: word})
    return out[:limit]
