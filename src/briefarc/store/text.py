"""Text helpers for the index: which text is CJK, and the normalised-text hash."""

from __future__ import annotations

import re
from functools import cache
from typing import TypeGuard

# Han ideographs, kana and their extensions: scripts written without spaces between words.
CJK_CHARS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002ffff\U00030000-\U0003134f"
)
# The same characters as an SQL GLOB pattern: the full-text triggers index a row for CJK search
# when its title, subtitle or body holds one of them.
CJK_GLOB = "*[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]*"


# Full-width Latin letters and digits (ｃｈｉｎａ, ２０２５), as a Chinese or Japanese input method types them and
# Chinese and Japanese pages print them, are searched as ASCII ones: a query is narrowed (store/query.py), and so
# are the CJK search terms of a text that holds them (store/cjk.py); full-width punctuation stays text.
WIDE_ALNUM = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
WIDE_OFFSET = 0xFEE0  # from an ASCII letter or digit to its full-width form
NARROW = {wide: wide - WIDE_OFFSET for start, end in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
          for wide in range(start, end + 1)}


def narrow(text: str) -> str:
    """`text` with full-width letters and digits written as ASCII ones."""
    return text if text.isascii() else text.translate(NARROW)


def wide_forms(char: str) -> str:
    """The full-width forms of an ASCII letter (either case) or digit, as a page may print it."""
    return "".join(chr(ord(form) + WIDE_OFFSET) for form in dict.fromkeys((char, char.swapcase())))


def has_cjk(text: str | None) -> TypeGuard[str]:
    """True when the text holds a CJK character (ASCII text is told at once, without the pattern)."""
    return text is not None and not text.isascii() and _cjk().search(text) is not None


@cache
def _cjk() -> re.Pattern:
    """Compiled on first use: the class spans whole Unicode planes, which takes a while to compile."""
    return re.compile(f"[{CJK_CHARS}]")


def fold(text: str | None) -> str:
    """Whitespace folded to single spaces, ends trimmed."""
    return " ".join((text or "").split())


def content_hash(title: str | None, subtitle: str | None, published: str | None, body: str) -> str:
    """A hash of what a reader sees: a change of markup or whitespace alone keeps the same hash."""
    import hashlib  # here: reading commands never hash, and OpenSSL's loading is a tenth of their start-up

    payload = "\x1f".join((fold(title), fold(subtitle), published or "", fold(body)))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
