"""Names the sources print for one person or one outlet (names.json): a spokesperson's name in each script of a
ministry's pages, and the spellings of one news organisation that no general rule folds."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from briefarc.store.text import has_cjk


@cache
def _names() -> dict:
    return json.loads(resources.files("briefarc.sources").joinpath("names.json").read_text("utf-8"))


def spokesperson_names() -> tuple[tuple[str, ...], ...]:
    """Each spokesperson's names, one per script the ministry's pages use (Hua Chunying, 华春莹)."""
    return tuple(tuple(person["names"]) for person in _names()["spokespersons"])


def outlet_aliases() -> tuple[tuple[str, ...], ...]:
    """Each outlet's spellings that are one organisation (CRI, China Radio International)."""
    return tuple(tuple(group) for group in _names()["outlets"])


# What parts the words of a name without being part of one: "Miller, Matthew", "Jean-Pierre", "Hua Chun-ying".
NAME_SEPARATORS = re.compile(r"[\s.,;:'’‘\"“”«»()（）\[\]·・\-‐–—_/&]+")
# A title before a name, as a transcript's label writes it ("MR MILLER"): not part of the name.
TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "mme", "shri", "smt",
                    "ambassador", "minister", "secretary", "deputy", "spokesperson", "spokesman", "spokeswoman"})
ACCENTS = re.compile("[\u0300-\u036f]")  # the marks NFD parts from a Latin letter (é is e and U+0301)


@cache
def _simplified() -> dict[int, str]:
    return str.maketrans(_names()["traditional"])


@lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a person's name as --spokesperson and `speakers` compare them: in any case, full- or
    half-width, with or without accents (Stéphane is stephane) or invisible marks, the characters names.json knows
    in their simplified form (華春瑩 is 华春莹), without a title before it (MR MILLER is miller). A Chinese name is
    one word, written without spaces (华 春莹 is 华春莹)."""
    text = unicodedata.normalize("NFKC", name).translate(_simplified())
    if not text.isascii():  # a zero-width space or a direction mark a paste brought in is no part of the name
        text = "".join(char for char in text if unicodedata.category(char) != "Cf")
    text = unicodedata.normalize("NFC", ACCENTS.sub("", unicodedata.normalize("NFD", text))).casefold()
    words = [word for word in NAME_SEPARATORS.split(text) if word]
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return ("".join(words),) if has_cjk(text) and words else tuple(words)


def person_key(name: str) -> str:
    """One key for the ways a page writes one name: the words of name_words in alphabetical order, a hyphen joining
    the parts it links (Wang Wenbin, Wenbin WANG, "Wang, Wenbin"; Hua Chun-ying and Hua Chunying; Jane Roe-Smith and
    Jane Roe Smith). Not the letters read round from any place: Zhao Lijian and Li Jianzhao, two people, were one."""
    words = name_words(HYPHENS.sub("", name))
    joined = "".join(words)
    return joined if has_cjk(joined) else "".join(sorted(words))


HYPHENS = re.compile("[-\u2010\u2011]")  # a hyphen, as ASCII writes it and as Unicode's two are


def names_match(name: str, typed: str) -> bool:
    """Whether a name, as a page gives it, is the one a user typed, or the start of it. In Chinese, any part of
    the name. Else the start of one of its words, the rest of the name after it, then its words before it, with
    or without the spaces and hyphens (Hua, Chunying, Hua Chunying, Chunying Hua, HuaChunying, Hua Chun-ying), or
    whole words of it in any order, the last one's start enough (Zahid Chaudhri, Baloch Mumtaz)."""
    wanted = name_words(typed)
    words = name_words(name)
    if not wanted or not words:
        return False
    joined = "".join(wanted)
    if has_cjk(joined):
        return joined in words[0]
    if any("".join(words[start:] + words[:start]).startswith(joined) for start in range(len(words))):
        return True
    rest = list(words)
    for word in wanted[:-1]:
        if word not in rest:
            return False
        rest.remove(word)
    return len(wanted) > 1 and any(word.startswith(wanted[-1]) for word in rest)


@lru_cache(maxsize=256)
def _also_named(typed: str) -> frozenset[str]:
    """The keys (person_key) of each name of the spokespersons of names.json whose one name `typed` names."""
    return frozenset(person_key(name) for names in spokesperson_names()
                     if any(names_match(name, typed) for name in names) for name in names)


def spokesperson_named(name: object, typed: str | None) -> bool:
    """Whether the spokesperson `name` a page gives is the one a user typed (--spokesperson): names_match, or a
    name of the same person in another script (names.json: Hua finds 华春莹, 華春瑩 finds Hua Chunying)."""
    if not isinstance(name, str) or not name or not typed:  # a blob another program wrote there is no name
        return False
    return names_match(name, typed) or person_key(name) in _also_named(typed)
