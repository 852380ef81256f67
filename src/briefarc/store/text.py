"""Text helpers for the index: CJK segmentation and the normalised-text hash."""

from __future__ import annotations

import hashlib
import re
from typing import TypeGuard

# Han ideographs, kana and their extensions: scripts written without spaces between words.
CJK_CHARS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002ffff\U00030000-\U0003134f"
)
CJK = re.compile(f"[{CJK_CHARS}]")
MARK = "\u200b"  # zero-width space: a separator for unicode61, invisible when shown


def has_cjk(text: str | None) -> TypeGuard[str]:
    return text is not None and CJK.search(text) is not None


def segment(text: str | None) -> str | None:
    """The text with every CJK character made a word of its own, or None if it has none.

    FTS5's unicode61 tokenizer treats a run of Han characters as one token, so a search for a
    two-character word would find nothing. Wrapping each character in zero-width spaces makes it
    a token; a query for 台湾 becomes the phrase "台 湾", which matches exactly that sequence.
    """
    if not has_cjk(text):
        return None
    return CJK.sub(lambda m: MARK + m.group(0) + MARK, text.replace(MARK, ""))


def unsegment(text: str | None) -> str | None:
    return text.replace(MARK, "") if text else text


def fold(text: str | None) -> str:
    """Whitespace folded to single spaces, ends trimmed."""
    return " ".join((text or "").split())


def content_hash(title: str | None, subtitle: str | None, published: str | None, body: str) -> str:
    """A hash of what a reader sees: a change of markup or whitespace alone keeps the same hash."""
    payload = "\x1f".join((fold(title), fold(subtitle), published or "", fold(body)))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
