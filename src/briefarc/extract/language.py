"""The language of a page when it does not declare one: from its URL, else from its text."""

from __future__ import annotations

import re

from briefarc.extract import sites
from briefarc.extract.text import cjk_count
from briefarc.patterns import lazy
from briefarc.urls import split

LANG = lazy(r"^([a-zA-Z]{2,3})(?:[-_]|$)")
# Paths that say the language on any site; a site's own (China MFA's /web/) are in its entry.
LANGUAGE_PATHS = ((lazy(r"/(?:eng|mfa_eng|en)/"), "en"), (lazy(r"/(?:chn|mfa_chn|zh|ce)/"), "zh"))
# What CLD2 refuses to read: control characters (but tab and line breaks) and lone surrogates.
UNREADABLE = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
KANA_OR_HANGUL = lazy("[\u3040-\u30ff\u31f0-\u31ff\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")


# ISO 639-2 codes that have a two-letter form, for the languages ministries publish in
TWO_LETTERS = {
    "eng": "en", "chi": "zh", "zho": "zh", "fre": "fr", "fra": "fr", "ger": "de", "deu": "de", "rus": "ru",
    "spa": "es", "ara": "ar", "urd": "ur", "hin": "hi", "por": "pt", "jpn": "ja", "kor": "ko", "ita": "it",
    "per": "fa", "fas": "fa", "tur": "tr", "ukr": "uk", "bel": "be", "ben": "bn", "ind": "id", "vie": "vi",
}


def normalize_language(value: str | None) -> str | None:
    """"en-US", "zh_CN", "eng" -> "en", "zh", "en"; a three-letter code with no two-letter form stays ("fil")."""
    match = LANG.match(value.strip()) if value else None
    if not match:
        return None
    code = match.group(1).lower()
    return TWO_LETTERS.get(code, code)


def language_from_url(url: str | None) -> str | None:
    """A language the URL's path names: generic paths (/en/, /eng/, /zh/...), then the site's own."""
    if not url or split(url) is None:
        return None
    for pattern, language in LANGUAGE_PATHS:
        if pattern.search(url):
            return language
    site = sites.site_by_host(url)
    for path_pattern, language in site.path_languages if site else ():
        if re.search(path_pattern, url):
            return language
    return None


def guess_language(text: str) -> str | None:
    """A language from the text itself, by CLD2 (Chrome's compact language detector); None when unsure. Text
    that is mostly Chinese characters, with no kana or hangul, is Chinese without asking CLD2 (a seventh of
    the extraction of a saved Chinese transcript)."""
    sample = text[:3000]
    if not sample.isprintable():  # a printable text holds none of UNREADABLE's characters (a search of each)
        sample = UNREADABLE.sub(" ", sample)
    if not sample.strip():
        return None
    if 2 * cjk_count(sample) >= len(sample) and not KANA_OR_HANGUL.search(sample):
        return "zh"
    import pycld2  # here: most pages declare their language (loading CLD2 is 2-3% of `parse --json`'s CPU)

    try:
        reliable, _, details = pycld2.detect(sample)
    except pycld2.error:  # text CLD2 cannot read: no guess rather than a wrong one
        return None
    code = details[0][1]
    return normalize_language(code) if reliable and code != "un" else None
