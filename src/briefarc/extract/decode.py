"""Bytes to text: which encoding a page is in, decided so that a wrong declaration does not win.

Order: a byte-order mark; then valid UTF-8 (bytes that decode as UTF-8 and hold multi-byte sequences
are UTF-8 whatever the page declares: a legacy declaration over UTF-8 bytes is a common mistake, the
reverse is practically impossible by chance); then the HTTP charset, the <meta> declaration and the
XML declaration, each used only if the bytes decode under it; then the declared encoding or UTF-8 when
only a few bytes fail it (a stray byte, a page cut short: replaced, with a warning); then a guess
among common legacy encodings; at worst UTF-8 with replacement characters and a warning. Only text
encodings count as declarations (not rot13, base64, zlib...), and only those that read ASCII as ASCII
(not EBCDIC, punycode or idna).
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from briefarc.patterns import lazy

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers treat as another encoding (WHATWG Encoding Standard), in Python's names.
ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030",
    "csgb2312": "gb18030", "iso-ir-58": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "ascii": "cp1252",
    "us-ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252",
    "iso-8859-9": "cp1254", "latin5": "cp1254",
    "iso-8859-11": "cp874", "tis-620": "cp874",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949",
    "big5": "big5hkscs", "x-sjis": "shift_jis", "shift-jis": "shift_jis", "sjis": "shift_jis",
    "ms_kanji": "shift_jis", "windows-31j": "cp932",
    "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    "x-cp1251": "cp1251", "x-cp1252": "cp1252",
}
# Declarations that cannot describe an HTML page's bytes (browsers ignore them too).
IGNORED = {"utf-16", "utf-16le", "utf-16be", "utf-32", "utf-7"}

CHARSET = lazy(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
META = lazy(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
XML_DECL = lazy(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
HEAD_BYTES = 16384

# Guesses for undeclared legacy bytes, tried in order when the text fits them well.
GUESSES = ("gb18030", "cp1251", "shift_jis", "cp1252")


def normalize_label(label: str | None) -> str | None:
    """A Python codec name for an encoding label, or None when unknown or not usable for HTML."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in IGNORED:
        return None
    name = ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(codec, "_is_text_encoding", True):  # rot13, base64, zlib, uu, hex: not a character set
        return None
    found = codec.name
    return ALIASES.get(found, found) if found not in IGNORED and _ascii_compatible(found) else None


# Markup as every declaration that can be read is written: a declaration naming an encoding that reads these
# bytes otherwise (EBCDIC's cp037, punycode, idna, "undefined", unicode_escape) cannot be the page's, and browsers
# ignore it too. Declared, they turned a feed to garbage with no entries, or failed its page with a UnicodeError.
ASCII_PROBE = b'<?xml version="1.0" encoding="Az-09_.:"?><meta charset=x>\\n\\u0041 +-~ &#233;'


@lru_cache(maxsize=64)
def _ascii_compatible(name: str) -> bool:
    try:  # and a byte it cannot read is replaced, not an error (idna cannot replace)
        return ASCII_PROBE.decode(name) == ASCII_PROBE.decode("ascii") and bool(b"\xff\xfe".decode(name, "replace"))
    except (UnicodeError, LookupError, ValueError, TypeError):
        return False


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = CHARSET.search(content_type.encode("latin-1", "replace"))
    return normalize_label(match.group(1).decode("ascii", "replace")) if match else None


def declared_in_page(data: bytes) -> str | None:
    """The encoding a <meta> tag or XML declaration names, if any."""
    head = data[:HEAD_BYTES]
    match = XML_DECL.match(head) or META.search(head)
    return normalize_label(match.group(1).decode("ascii", "replace")) if match else None


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_KANA = lazy(r"[\u3040-\u30ff]")
_WORD = lazy(r"[^\W\d_]+")


def _guess_score(text: str, latin: bool) -> float:
    """How plausible decoded text is. Words holding non-ASCII letters should mix them with ASCII
    letters in a Latin encoding ("café") and should not in the others ("привет", "外交部");
    C1 controls and private-use characters count against."""
    good = total = 0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        total += 1
        mixed = any("a" <= ch.lower() <= "z" for ch in word)
        good += mixed == latin or (latin and len(word) <= 2)
    bad = sum(1 for ch in text if 0x80 <= ord(ch) < 0xA0 or 0xE000 <= ord(ch) < 0xF900)
    if not total:
        return 0.0 if bad else 1.0
    return (good - 5 * bad) / total


MAX_BAD_SHARE = 1 / 1000  # bytes that may fail the page's encoding (a stray byte, a cut) and be replaced
STRAY_BYTES = 4  # however short the page, this many may (a short page with two stray bytes is no legacy text)


def _mostly(data: bytes, encoding: str) -> str | None:
    """The text when only a few bytes do not fit `encoding`, replaced; None when many do, or, for UTF-8,
    when too few multi-byte characters decode to tell UTF-8 from a legacy encoding."""
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd") - _literal_replacements(data, encoding)
    if bad > max(STRAY_BYTES, len(text) * MAX_BAD_SHARE):
        return None
    if encoding == "utf-8" and len(text.encode("utf-8")) - len(text) - 2 * text.count("\ufffd") < 20 * bad:
        return None  # not a page of UTF-8 text with a stray byte: maybe cp1252 with one accent
    return text


def _literal_replacements(data: bytes, encoding: str) -> int:
    """How many U+FFFD characters the bytes themselves hold."""
    try:
        return data.count("\ufffd".encode(encoding))
    except UnicodeEncodeError:
        return 0


# UTF-8 bytes read once as Latin-1 and encoded again ("Investor\u00e2\u0080\u0099s" for "Investor’s"): a lead
# character and its continuations, as Latin-1 gives them. C1 controls (U+0080-U+009F) are never text, so
# two such sequences holding one mark a page whose text was encoded twice at its source.
C1_CONTROL = lazy("[\u0080-\u009f]")
C1_IN_UTF8 = lazy(rb"\xc2[\x80-\x9f]")
TWICE_ENCODED = lazy("[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}"
                           "|[\u00f0-\u00f4][\u0080-\u00bf]{3}")


def undo_double_encoding(text: str, warnings: list[str]) -> str:
    """The text with every sequence that is UTF-8 read as Latin-1 decoded again, when the page holds at
    least two that contain a C1 control (proof that the page was encoded twice); else the text as it is."""
    marked = sum(1 for match in TWICE_ENCODED.finditer(text) if C1_CONTROL.search(match.group()))
    if marked < 2:
        return text
    warnings.append("the page's text was encoded as UTF-8 twice at its source; decoded again")
    return TWICE_ENCODED.sub(_decoded_again, text)


def _decoded_again(match: re.Match[str]) -> str:
    try:
        return match.group().encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group()


def guess_legacy(data: bytes) -> str | None:
    """The best-fitting legacy encoding for undeclared non-UTF-8 bytes."""
    sample = data[:200_000]
    japanese = _decodes(sample, "shift_jis")
    if japanese and len(_KANA.findall(japanese)) > 0.2 * sum(1 for ch in japanese if ord(ch) > 127):
        return "shift_jis"
    best, best_score = None, 0.5
    for encoding in GUESSES:
        text = _decodes(sample, encoding)
        if text is None:
            continue
        score = _guess_score(text, latin=encoding == "cp1252")
        if score > best_score + 0.05:
            best, best_score = encoding, score
    return best


def decode_html(data: bytes, content_type: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a page: returns (text, encoding used, warnings)."""
    text, encoding, warnings, _ = decode_page(data, content_type)
    return text, encoding, warnings


def decode_page(data: bytes, content_type: str | None = None) -> tuple[str, str, list[str], bool]:
    """decode_html, and whether the text is the bytes read as UTF-8 and nothing else (then the bytes are
    the text encoded as UTF-8, which the parser is spared doing again)."""
    warnings: list[str] = []
    bom = bom_encoding(data)
    if bom:
        name, size = bom
        text = data[size:].decode(name, errors="replace")
        if "\ufffd" in text and "\ufffd".encode(name) not in data:
            warnings.append(f"some bytes are not valid {name} and were replaced")
        return text, name, warnings, False
    header = charset_from_content_type(content_type)
    meta = declared_in_page(data)
    declared = header or meta
    utf8 = _decodes(data, "utf-8")
    if utf8 is not None:
        if utf8.isascii():
            seven_bit = _seven_bit(data, declared)  # ISO-2022-JP: escape sequences in ASCII bytes
            if seven_bit is not None:
                return seven_bit, declared or "utf-8", warnings, False
            return utf8, declared or "utf-8", warnings, True
        if declared not in (None, "utf-8"):
            warnings.append(f"the page declares {declared} but is valid UTF-8; read as UTF-8")
        text = undo_double_encoding(utf8, warnings) if has_c1(data) else utf8
        return text, "utf-8", warnings, text is utf8
    text, encoding = decode_legacy(data, header, meta, warnings)
    return text, encoding, warnings, False


def has_c1(data: bytes) -> bool:
    """Whether UTF-8 bytes hold a C1 control (U+0080-U+009F, which double encoding leaves): searched on the bytes (a
    tenth of the time of a search of the text), from the first lead byte of one, which a search in C finds at once."""
    start = data.find(b"\xc2")
    return start >= 0 and C1_IN_UTF8.search(data, start) is not None


def _seven_bit(data: bytes, declared: str | None) -> str | None:
    """ASCII bytes read in a declared encoding of the ISO-2022 family, which writes Japanese, Chinese or Korean in
    seven bits between escape sequences: read as ASCII, a page in ISO-2022-JP was all "$B30L3JsF;" (the bytes'
    own letters), though it said which encoding it is in."""
    if not declared or not declared.startswith("iso2022") or b"\x1b" not in data:
        return None
    return _decodes(data, declared)


# A server's default charset, sent for every page whatever it holds, over a page whose own <meta> names a CJK or
# Cyrillic encoding: a known misconfiguration of legacy sites. Latin-1 reads any bytes, so the header won and the
# page was stored as mojibake ("2020\u00c4\u00ea7\u00d4\u00c2" for "2020年7月"), with no warning.
SERVER_DEFAULTS = frozenset({"cp1252", "iso8859-15"})  # ISO-8859-1 and ASCII are read as cp1252
NOT_LATIN = frozenset({"gb18030", "big5hkscs", "shift_jis", "cp932", "euc_jp", "cp949",
                       "cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866", "mac-cyrillic"})


def _meta_over_server_default(data: bytes, header: str, meta: str, warnings: list[str]) -> str | None:
    """The page read in its <meta> encoding when its bytes decode under it without error and read better so (words
    of one script, not Latin letters in runs without ASCII ones) than in the header's Latin encoding; else None."""
    text = _decodes(data, meta)
    if text is None:
        return None
    sample = data[:200_000]
    if _guess_score(text[:len(sample)], latin=False) <= _guess_score(sample.decode(header, "replace"), latin=True):
        return None
    warnings.append(f"the server declares {header} but the page declares {meta} and reads as it; read as {meta}")
    return text


def decode_legacy(data: bytes, header: str | None, meta: str | None, warnings: list[str]) -> tuple[str, str]:
    """Bytes that are not valid UTF-8: by their declarations, a few bytes replaced, or a guess."""
    if header in SERVER_DEFAULTS and meta in NOT_LATIN:
        text = _meta_over_server_default(data, header, meta, warnings)
        if text is not None:
            return text, meta
    for declared in (header, meta):
        if declared:
            decoded = _decodes(data, declared)
            if decoded is not None:
                return decoded, declared
    for candidate in dict.fromkeys(name for name in (header, meta, "utf-8") if name):
        decoded = _mostly(data, candidate)
        if decoded is not None:
            warnings.append(f"a few bytes are not valid {candidate} and were replaced")
            return decoded, candidate
    for declared in (header, meta):
        if declared:
            warnings.append(f"the page declares {declared} but its bytes do not fit it")
            break
    guess = guess_legacy(data)
    if guess:
        return data.decode(guess), guess
    fallback = header or meta or "utf-8"
    warnings.append(f"undecodable bytes were replaced while reading as {fallback}")
    return data.decode(fallback, errors="replace"), fallback
