"""Snippets cut from the documents' own text, for queries with CJK words.

FTS5's snippet() quotes the column that matched, and a CJK word matches in the columns of CJK terms
(character pairs, store/cjk.py), which no reader wants to see. So for a query holding CJK text the
snippet is cut here from the body (else the subtitle or title): about as many units as FTS5 gives an
English snippet (SNIPPET_TOKENS, a CJK character or a word each) around the first match, every
whole match inside it marked as FTS5 marks them.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING

from briefarc.store.search import DROPPED, SNIPPET_CLOSE, SNIPPET_OPEN, SNIPPET_TOKENS
from briefarc.store.text import CJK_CHARS, wide_forms

if TYPE_CHECKING:
    import sqlite_utils

PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')
UNIT = re.compile(rf"[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+")
CJK_ONE = re.compile(f"[{CJK_CHARS}]")
LEAD = SNIPPET_TOKENS // 4  # units shown before the first match
MATCHES = 100  # matches weighed as places for the snippet, at most
REACH = 40  # characters looked at per unit, at most, around the first match


def text_snippets(db: sqlite_utils.Database, fts: str, hits: list[dict], exact: list[re.Pattern] | None = None) -> None:
    """Give each hit a snippet of its own text, the matches of `fts` (a query as store/query.py writes it) marked;
    `exact`: the patterns of words found as written (an acronym: WHO, not who), marked so and not as the index
    finds them."""
    if not hits:
        return
    pattern = terms_pattern(fts, exact or [])
    marks = ", ".join("?" for _ in hits)
    rows = db.execute(f"SELECT id, body, subtitle, title FROM documents WHERE id IN ({marks})",
                      [hit["id"] for hit in hits]).fetchall()
    texts = {row[0]: row[1:] for row in rows}
    for hit in hits:
        hit["snippet"] = snippet(pattern, texts.get(hit["id"], ()))


def terms_pattern(fts: str, exact: list[re.Pattern] | None = None) -> re.Pattern | None:
    """One pattern for every quoted phrase of the query, longest first, those `exact` finds in their case;
    None if it quotes nothing."""
    exact = exact or []
    phrases = sorted({(text.replace('""', '"'), star) for text, star in PHRASE.findall(fts)
                      if not any(pattern.fullmatch(text.replace('""', '"')) for pattern in exact)},
                     key=lambda item: -len(item[0]))
    parts = [f"(?-i:{pattern.pattern})" for pattern in exact]
    parts += [part for part in (phrase_pattern(text, bool(star)) for text, star in phrases) if part]
    return re.compile(_first_told("|".join(parts)), re.IGNORECASE) if parts else None


def _first_told(source: str) -> str:
    """The pattern `source` (matched ignoring case) with the characters its matches may begin with looked at first:
    each of its parts begins with a look behind (not after a letter) that the regex engine tried at every place of
    the text (7-14 ms for the snippets of a page of an acronym's hits on the bench archive). The look ahead is
    matched ignoring case too, so it lets through every place a part may match; any pattern whose first
    characters are not told plainly is left as it is."""
    try:
        first = _leading(list(_parse(source)))
    except Exception:  # noqa: BLE001  # re's private parser moved or changed: the pattern as it is, never a failure
        return source
    if not first:
        return source
    return f"(?=[{''.join(re.escape(chr(char)) for char in sorted(first))}])(?:{source})"


def _parse(source: str):
    from re import _parser  # type: ignore[attr-defined]  # the parser re compiles with (sre_parse before 3.11)

    return _parser.parse(source, re.IGNORECASE)


# The characters a class of more than this many spans is not listed for (CJK ranges): such a pattern is left as it is.
LISTED = 64


def _leading(items: list) -> set[int] | None:
    """The characters the pattern's items (as re's parser gives them) may begin a match with, past any zero-width
    look around; None when not told (a repeat, a negated class, a class of a category, a pattern that may match
    nothing)."""
    for op, value in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue
        if name == "LITERAL":
            return {value}
        if name == "SUBPATTERN":
            return _leading(list(value[3]))
        if name == "BRANCH":
            told = [_leading(list(branch)) for branch in value[1]]
            return None if any(chars is None for chars in told) else set().union(*told)  # type: ignore[arg-type]
        if name == "IN":
            return _listed(value)
        return None
    return None


def _listed(members: list) -> set[int] | None:
    """The characters of a class, when it lists them (letters, and their full-width forms)."""
    chars: set[int] = set()
    for op, value in members:
        if str(op) == "LITERAL":
            chars.add(value)
        elif str(op) == "RANGE" and value[1] - value[0] < LISTED:
            chars.update(range(value[0], value[1] + 1))
        else:
            return None
    return chars


def phrase_pattern(text: str, prefix: bool) -> str | None:
    """A phrase's units as they stand in text: CJK characters side by side (or a space apart, where the phrase has
    one: 外交部 发言人 finds the page's 外交部 发言人 as well as 外交部发言人), words apart, whole words."""
    found = list(UNIT.finditer(text))
    units = [match[0] for match in found]
    if not units:
        return None
    pattern = ""
    for index, unit in enumerate(units):
        if index:
            both = _is_cjk(unit) and _is_cjk(units[index - 1])
            gap = r"\s*" if text[found[index - 1].end():found[index].start()].isspace() else ""
            pattern += gap if both else (r"[\W_]*" if _is_cjk(unit) or _is_cjk(units[index - 1]) else r"[\W_]+")
        pattern += _either_width(unit)
    start = "" if _is_cjk(units[0]) else rf"(?<![^\W_{CJK_CHARS}])"
    end = "" if _is_cjk(units[-1]) else (r"[^\W_]*" if prefix else rf"(?![^\W_{CJK_CHARS}])")
    return start + pattern + end


def _either_width(unit: str) -> str:
    """The unit as a pattern that finds its letters and digits in ASCII or full-width (G20 and Ｇ２０: a query is
    narrowed to ASCII, store/query.py, where the page may print them full-width)."""
    return "".join(f"[{char}{wide_forms(char)}]" if char.isascii() and char.isalnum() else re.escape(char)
                   for char in unit)


def _is_cjk(unit: str) -> bool:
    return CJK_ONE.fullmatch(unit) is not None


def snippet(pattern: re.Pattern | None, texts) -> str:
    """About SNIPPET_TOKENS units of the text and place showing the most distinct matches, from a little
    before the first of them; every whole match marked."""
    texts = [_without_markers(text) for text in texts]
    text, start, shown = next((t for t in texts if t), ""), 0, 0
    for candidate in texts:
        place, count = _best_place(pattern, candidate)
        if count > shown:
            text, start, shown = candidate, place, count
    before = list(UNIT.finditer(text, max(0, start - LEAD * REACH), start))[-LEAD:]
    after = list(islice(UNIT.finditer(text, start), SNIPPET_TOKENS - len(before)))
    begin = before[0].start() if before else (start if after else 0)
    end = after[-1].end() if len(after) == SNIPPET_TOKENS - len(before) else len(text)
    piece = text[begin:end]
    if pattern is not None:
        piece = pattern.sub(lambda match: SNIPPET_OPEN + match[0] + SNIPPET_CLOSE, piece)
    return ("…" if begin else "") + piece + ("…" if end < len(text) else "")


def _without_markers(text: str | None) -> str:
    """The page's own copies of the snippet markers dropped, as for FTS5's snippets."""
    text = text or ""
    for marker in DROPPED:
        text = text.replace(marker, "")
    return text


def _best_place(pattern: re.Pattern | None, text: str) -> tuple[int, int]:
    """Where a window starting at a match shows the most distinct matches (of the first MATCHES), and how many."""
    if pattern is None or not text:
        return 0, 0
    matches = list(islice(pattern.finditer(text), MATCHES))
    best, shown = 0, 0
    for index, match in enumerate(matches):
        reach = [unit.end() for unit in islice(UNIT.finditer(text, match.start()), SNIPPET_TOKENS - LEAD)][-1]
        seen = set()
        for other in matches[index:]:
            if other.end() > reach:
                break
            seen.add(other[0].lower())
        if len(seen) > shown:
            best, shown = match.start(), len(seen)
    return best, shown
