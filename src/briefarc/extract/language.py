"""The language of a page when it does not declare one: from its URL, else from its text."""

from __future__ import annotations

import re

from briefarc.extract import sites
from briefarc.urls import split

LANG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_]|$)")
# Paths that say the language on any site; a site's own (China MFA's /web/) are in its entry.
LANGUAGE_PATHS = ((re.compile(r"/(?:eng|mfa_eng|en)/"), "en"), (re.compile(r"/(?:chn|mfa_chn|zh|ce)/"), "zh"))
HAN = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
LETTER = re.compile(r"[^\W\d_]")
EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|that|is|for|with|on|was|has|have|this|will|are)\b")


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
    """A language from the text itself: Chinese, Japanese, Korean by script, English by common words."""
    sample = text[:3000]
    if not sample:
        return None
    cjk = len(HAN.findall(sample))
    kana = len(KANA.findall(sample))
    hangul = len(HANGUL.findall(sample))
    letters = len(LETTER.findall(sample)) or 1
    if kana > 0.05 * letters:
        return "ja"
    if hangul > 0.2 * letters:
        return "ko"
    if cjk > 0.2 * letters:
        return "zh"
    words = sample.lower().split()
    if words and len(EN_WORDS.findall(sample.lower())) > 0.12 * len(words):
        return "en"
    return None
