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
import sys
from array import array
from functools import cache
from itertools import accumulate

from briefarc.patterns import lazy
from briefarc.store.text import CJK_CHARS, WIDE_ALNUM, has_cjk, narrow


@cache
def _segment() -> re.Pattern:
    """Runs of CJK characters (group 1) and of other letters or digits (group 2)."""
    return re.compile(f"([{CJK_CHARS}]+)|([^\\W_{CJK_CHARS}]+)")


def _pairs(run: str) -> list[str]:
    return list(map(str.__add__, run[:-1], run[1:]))


@cache
def _runs() -> re.Pattern:
    """The runs that give terms, in order: a run of CJK characters (group 1), or a run of other letters or
    digits written against one (group 2)."""
    cjk, other = f"[{CJK_CHARS}]", f"[^\\W_{CJK_CHARS}]"
    return re.compile(f"({cjk}+)|((?<={cjk}){other}+|(?<!{other}){other}+(?={cjk}))")


@cache
def _chained() -> re.Pattern:
    """Two words of other letters or digits one space apart, one of them written against a CJK character."""
    cjk, other = f"[{CJK_CHARS}]", f"[^\\W_{CJK_CHARS}]"
    return re.compile(f"{cjk}{other}+ {other}|{other} {other}+{cjk}")


@cache
def _pieces() -> re.Pattern:
    """Runs of CJK characters (group 1) and chains of words of other letters or digits one space apart (group 2)."""
    cjk, other = f"[{CJK_CHARS}]", f"[^\\W_{CJK_CHARS}]"
    return re.compile(f"({cjk}+)|({other}+(?: {other}+)*)")


@cache
def _bridged() -> re.Pattern:
    """Three words or more of other letters or digits between two CJK characters, with no line break between
    them (网站www.brfmc.org查询, 热线0086-10-12308求助, 包括US, UK, France和Germany)."""
    cjk, other, between = f"[{CJK_CHARS}]", f"[^\\W_{CJK_CHARS}]", f"(?:[^\\w\\n{CJK_CHARS}]|_)+"
    return re.compile(f"(?<={cjk}){other}+(?:{between}{other}+){{2,}}(?={cjk})")


def _chain_runs(text: str, wide: list[int] | None = None) -> list[tuple[str, str]]:
    """The runs of _runs, with every word of a chain that CJK characters touch at one end ("地名South China
    Sea作为": South, China and Sea, not South and Sea side by side), every word between two CJK characters
    (_bridged: www, brfmc and org, not www and org side by side), and every chain that holds a word printed
    full-width (`wide`: where such words start, in order; （ＷＴＯ）): a phrase of them is found in the terms."""
    cjk = CJK_CHAR
    bridges = iter(_bridged().finditer(text))
    bridge = next(bridges, None)
    starts = iter(wide or ())
    first_wide = next(starts, None)
    runs: list[tuple[str, str]] = []
    for match in _pieces().finditer(text):
        if match[1]:
            runs.append((match[1], ""))
            continue
        start, end = match.span()
        while bridge and bridge.end() < end:
            bridge = next(bridges, None)
        while first_wide is not None and first_wide < start:
            first_wide = next(starts, None)
        if ((start and cjk.match(text, start - 1)) or cjk.match(text, end)
                or (bridge and bridge.start() <= start) or (first_wide is not None and first_wide < end)):
            runs.extend(("", word) for word in match[2].split(" "))
    return runs


CJK_CHAR = lazy(f"[{CJK_CHARS}]")
OTHER_CHAR = lazy(f"[^\\W_{CJK_CHARS}]")  # a letter or digit of a script written with spaces
# The end of a text whose last CJK character has a letter or digit against it, with no line break after.
BRIDGE_OPEN = lazy(f"[{CJK_CHARS}][^\\W_{CJK_CHARS}][^{CJK_CHARS}\\n]*$")
OTHER_BEFORE_CJK = lazy(f"[^{CJK_CHARS}\\n]*?[^\\W_{CJK_CHARS}]")  # a letter or digit before any CJK or line break


# Each run of other letters or digits stands in the interleaving as one character of a private use plane
# (never CJK, never a letter or digit, so never in a run), numbered by its place among the runs.
PLACE = 0xF0000
PLACES = 0x110000 - PLACE
_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"


def terms(text: str | None) -> str | None:
    """The search terms of `text`'s words that hold CJK characters, space-separated; None without any.

    Full-width letters and digits are terms as the ASCII ones a query is narrowed to (store/query.py): written
    against CJK characters (Ｇ２０峰会) as part of the word, and a word of them alone (（ＷＴＯ）) in its place
    too, as the text column keeps it in its full-width form, which no query reaches."""
    return _held_terms(text) if has_cjk(text) else None


def _held_terms(text: str) -> str | None:
    """terms() of a text that holds a CJK character (told already: not looked for again)."""
    if "\n\n" in text and _wide().search(text):  # a paragraph without CJK gives none, as terms_of stores them
        return " ".join(filter(None, map(_paragraph_terms, text.split("\n\n")))) or None
    return _cjk_paragraph_terms(text)


def _paragraph_terms(text: str) -> str | None:
    return _cjk_paragraph_terms(text) if has_cjk(text) else None


def _cjk_paragraph_terms(text: str) -> str | None:
    """The terms of a paragraph that holds a CJK character."""
    if not OTHER_CHAR.search(text):  # no letter or digit but CJK ones (three paragraphs in four of fmprc-bulk)
        return _woven(_cjk_runs().findall(text))
    wide: list[int] = []
    if _wide().search(text):
        wide = [match.start() for match in _wide_words().finditer(text)]
        text = narrow(text)  # as long as the text: the places of its words are kept
    chains = wide or (" " in text and _chained().search(text)) or _bridged().search(text)  # a chain holds a space
    runs = _chain_runs(text, wide) if chains else _runs().findall(text)
    return " ".join(_interleaved(runs[start:start + PLACES]) for start in range(0, len(runs), PLACES)) or None


def changed_since_m017(text: str) -> bool:
    """Whether the text's terms may differ from those of the release before m018: it holds a full-width letter
    or digit, a chain of words that a CJK character touches, or words between two CJK characters (_bridged)."""
    return bool(_wide().search(text) or _chained().search(text) or _bridged().search(text))


@cache
def _wide() -> re.Pattern:
    return re.compile(f"[{WIDE_ALNUM}]")


@cache
def _wide_words() -> re.Pattern:
    """Words of letters or digits, some full-width, with no CJK character in them or against them."""
    other = f"[^\\W_{CJK_CHARS}]"
    return re.compile(f"(?<![^\\W_]){other}*[{WIDE_ALNUM}]{other}*(?![^\\W_])")


def _interleaved(runs: list[tuple[str, str]]) -> str:
    """The terms of `runs` without a Python step per character: the runs joined by NULs (a run of other
    characters as its place character), then each character followed by the next one and a space, three
    strided copies of one array; the NUL gaps and what follows them go, then the places get their runs back.
    外交部 gives 外交␠ 交部␠ 部NUL␠, so 外交 交部 部."""
    units = array("I")
    units.frombytes(("\0".join([run or chr(PLACE + number) for number, (run, _) in enumerate(runs)]) + "\0")
                    .encode(_UTF32))
    woven = array("I", [32]) * (3 * len(units))
    woven[0::3] = units
    woven[1::3] = units[1:] + array("I", [0])
    empty, placed = _gaps()
    found = empty.sub("", woven.tobytes().decode(_UTF32).replace("\0 ", " "))[:-1]
    if any(other for _, other in runs):
        found = placed.sub(lambda place: runs[ord(place[0]) - PLACE][1], found)
    return found


def _woven(runs: list[str]) -> str:
    """The terms of runs of CJK characters alone, as _interleaved gives them, in fewer steps: the runs joined, each
    character followed by the next one and a space (two strided copies of one array), the character after each
    run's last one made a NUL, and the NULs taken out. 外交部 and 美国 give 外交␠ 交部␠ 部NUL␠ 美国␠ 国NUL␠."""
    units = array("I")
    units.frombytes("".join(runs).encode(_UTF32))
    woven = array("I", [32]) * (3 * len(units))
    woven[0::3] = units
    woven[1:-2:3] = units[1:]
    for end in accumulate(map(len, runs)):
        woven[3 * end - 2] = 0
    return woven.tobytes().decode(_UTF32).replace("\0", "")[:-1]


@cache
def _cjk_runs() -> re.Pattern:
    return re.compile(f"[{CJK_CHARS}]+")


@cache
def _gaps() -> tuple[re.Pattern, re.Pattern]:
    """What a gap between runs leaves in the interleaving, and the place characters."""
    return re.compile("\0[^ ]? "), re.compile(f"[{chr(PLACE)}-{chr(0x10FFFF)}]")


class Known:
    """The terms of the paragraphs of one document worked out so far (`terms_of`): its body and its turns share
    paragraphs, and a turn's first paragraph is mostly a paragraph of the body without its speaker's name
    (毛宁：…, Q: …), whose terms are those of the body's paragraph without those of the name."""

    TAIL = 16  # characters that end a paragraph, to find a paragraph of the body that ends like a turn's

    def __init__(self) -> None:
        self.paragraphs: dict[str, str | None] = {}
        self.tails: dict[str, str] = {}  # the end of each paragraph with terms -> that paragraph

    def of(self, paragraph: str) -> str | None:
        """`terms(paragraph)`, worked out once."""
        if paragraph in self.paragraphs:
            return self.paragraphs[paragraph]
        # without CJK, no terms: not the full-width words of a longer paragraph that ends with it
        if has_cjk(paragraph):
            taken = self._as_end(paragraph)
            found = taken[0] if taken else _held_terms(paragraph)
        else:
            found = None
        self.paragraphs[paragraph] = found
        if found and len(paragraph) >= self.TAIL:
            self.tails.setdefault(paragraph[-self.TAIL:], paragraph)
        return found

    def _as_end(self, paragraph: str) -> tuple[str | None] | None:
        """The terms of `paragraph` taken from those of a known one that ends with it after a character that
        is in no run (a colon, a space): the runs of that one are those before the cut, then those of
        `paragraph`, so its terms are theirs, then these: (its terms,), or None when there is no such paragraph."""
        whole = self.tails.get(paragraph[-self.TAIL:]) if len(paragraph) >= self.TAIL else None
        cut = len(whole) - len(paragraph) if whole else 0
        if whole is None or cut < 1 or not whole.endswith(paragraph) or _segment().match(whole[cut - 1]):
            return None
        if whole[cut - 1] == " " and OTHER_CHAR.match(whole, cut - 2) and OTHER_CHAR.match(paragraph):
            return None  # a space inside a chain of words: CJK characters at one end of it touch all its words
        if BRIDGE_OPEN.search(whole, 0, cut) and OTHER_BEFORE_CJK.match(paragraph):
            return None  # a cut among words after a CJK character: one before the paragraph's would bridge them all
        name = whole[:cut]  # a speaker's name, mostly: the same in many turns
        if _wide().search(name):  # a name with full-width words: the paragraph's terms are worked out whole
            return None
        head = self.paragraphs[name] if name in self.paragraphs else self.paragraphs.setdefault(name, terms(name))
        both = self.paragraphs[whole]
        if head is None:
            return (both,)
        if both == head:
            return (None,)
        return (both[len(head) + 1:],) if both and both.startswith(head + " ") else None


def terms_of(text: str | None, known: Known) -> str | None:
    """`terms(text)` put together from the terms of its paragraphs (the parts between blank lines), which
    `known` keeps: a document's body and its turns share paragraphs. No term spans a line break, so the
    terms of a text are those of its paragraphs, one after the other."""
    if not has_cjk(text):
        return None
    found = [part for paragraph in text.split("\n\n") if (part := known.of(paragraph))]
    return " ".join(found) or None


def phrase_tokens(text: str, star: bool = False) -> tuple[list[str], bool]:
    """The stored terms a phrase's CJK-bearing words match, in order, and whether the last is a prefix
    (`star`: the phrase was typed as a prefix, which a word ending in letters or digits keeps). A space typed
    between two CJK characters is left out (_gaps_closed).

    A run that ends the phrase may go on in the text (its pairs only, or the character as a prefix when
    it is one character long); a run followed by more of the phrase must end where the text's run ends
    (its pairs and its last character). The words of other letters or digits among them are those terms()
    gives a text holding the phrase: those written against a CJK character, every word of a chain of them
    that one touches (地名South China Sea作为) and the words between two CJK characters (_bridged).
    """
    return _phrase_form(_gaps_closed(text), star, every_chain=False)


def phrase_forms(text: str, star: bool = False) -> list[tuple[list[str], bool]]:
    """The terms (phrase_tokens) of each way a text may hold the phrase, the first that of phrase_tokens: a space
    typed between two CJK characters left out or kept as the page has it (外交部 发言人), and the words of other
    letters or digits as the page printed them, or full-width, which makes every chain of them a run of terms
    (台 ＡＢ ｃｄ 会: the query was narrowed, store/query.py)."""
    closed = _gaps_closed(text)
    forms: list[tuple[list[str], bool]] = []
    for shape, every_chain in ((closed, False), (text, False), (closed, True), (text, True)):
        form = _phrase_form(shape, star, every_chain)
        if form[0] and form not in forms:
            forms.append(form)
    return forms


def _phrase_form(text: str, star: bool, every_chain: bool) -> tuple[list[str], bool]:
    """phrase_tokens of `text` as it stands; `every_chain`: its words of other letters or digits as full-width ones."""
    wide = [match.start() for match in OTHER_CHAR.finditer(text)] if every_chain else []
    runs = _chain_runs(text, wide) if CJK_CHAR.search(text) else []
    tokens: list[str] = []
    prefix = False
    for index, (run, other) in enumerate(runs):
        last = index == len(runs) - 1
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


@cache
def _cjk_gap() -> re.Pattern:
    return re.compile(f"(?<=[{CJK_CHARS}])\\s+(?=[{CJK_CHARS}])")


def _gaps_closed(text: str) -> str:
    """A phrase without the spaces typed between two Chinese or Japanese characters ("一个 中国"): those languages
    write no space between words, so the phrase is the characters as the text runs them together."""
    return _cjk_gap().sub("", text)


def other_words(text: str) -> list[str]:
    """The words of a phrase that hold no CJK character: matched in the ordinary columns."""
    return [word for word in re.findall(r"[^\W_]+", text) if not has_cjk(word)]
