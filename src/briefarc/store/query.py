"""Turning what a user types into an FTS5 query.

Users type words, "phrases", AND/OR/NOT, prefix*, NEAR(a b, 5), parentheses and column filters
(title:Kabul, title:"press briefing", title:(Kabul OR Torkham); columns title, subtitle, body).
Anything else is taken as plain text: a word with punctuation (U.S.-Pakistan, Taliban's,
Iftikhar:, foo:bar) is quoted so FTS5 reads it as a phrase of its tokens, and a run of CJK
characters becomes a phrase of characters to match the segmented index (store/text.py).
"""

from __future__ import annotations

import re

from briefarc.errors import SearchSyntaxError
from briefarc.store.text import CJK_CHARS

TOKEN = re.compile(
    r'''\s*(?:
        (?P<phrase>"(?:[^"]|"")*"\*?)
      | (?P<open_quote>")
      | (?P<near>NEAR\()
      | (?P<column>(?i:title|subtitle|body):)(?=["(]|NEAR\()
      | (?P<lparen>\()
      | (?P<rparen>\))
      | (?P<comma>,)
      | (?P<word>[^\s()",][^\s(),]*)
    )''',
    re.VERBOSE,
)
OPERATORS = {"AND", "OR", "NOT"}
COLUMNS = {"title", "subtitle", "body"}
HAS_TOKEN_CHAR = re.compile(r"\w", re.UNICODE)
CJK_CHAR = re.compile(f"[{CJK_CHARS}]")
HINT = 'Put words with punctuation in double quotes, or use --literal to search the text exactly as typed.'


def quote_phrase(text: str, prefix: bool = False) -> str | None:
    """An FTS5 string for `text`, or None when it holds nothing the index could match."""
    if not HAS_TOKEN_CHAR.search(text):
        return None
    spaced = CJK_CHAR.sub(lambda m: f" {m.group(0)} ", text)
    inner = " ".join(spaced.split()).replace('"', '""')
    return f'"{inner}"' + ("*" if prefix else "")


def literal_query(text: str) -> str:
    """The whole input as plain words, all of which must occur."""
    parts = [quote_phrase(word) for word in text.split()]
    query = " ".join(p for p in parts if p)
    if not query:
        raise SearchSyntaxError("Nothing to search for: the query has no letters or digits.")
    return query


def to_fts(text: str) -> str:
    """Translate a user query; raise SearchSyntaxError with advice when it cannot be read."""
    tokens = list(_tokens(text))
    parts = _translate(tokens)
    if not any(kind in ("term", "near") for kind, _ in parts):
        raise SearchSyntaxError("Nothing to search for: the query has no letters or digits.")
    _check_structure(parts)
    return " ".join(value for _, value in _explicit_and(parts))


def _explicit_and(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """FTS5 joins neighbouring words with AND itself, but not a word and a parenthesis or a column
    filter (title : ...): say it."""
    out: list[tuple[str, str]] = []
    for kind, value in parts:
        if out and (out[-1][0] == "rparen" or kind in ("lparen", "column")) \
                and out[-1][0] in ("term", "near", "rparen") and kind in ("term", "near", "lparen", "column"):
            out.append(("op", "AND"))
        out.append((kind, value))
    return out


def _tokens(text: str):
    position = 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None or match.end() == position or match.lastgroup is None:
            break
        position = match.end()
        kind = match.lastgroup
        if kind == "open_quote":
            raise SearchSyntaxError(f'The query has an unclosed double quote. {HINT}')
        yield kind, match.group(kind)


def _translate(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    index = 0
    while index < len(tokens):
        kind, value = tokens[index]
        if kind == "near":
            index, near = _near(tokens, index + 1)
            parts.append(("near", near))
            continue
        index += 1
        if kind == "phrase":
            prefix = value.endswith("*")
            inner = value[1:-2] if prefix else value[1:-1]
            phrase = quote_phrase(inner.replace('""', '"'), prefix)
            if phrase:
                parts.append(("term", phrase))
            elif parts and parts[-1][0] == "column":
                parts.pop()  # title:"..." with nothing to match: drop the filter with its phrase
        elif kind == "column":
            parts.append(("column", f"{value[:-1].lower()} :"))
        elif kind in ("lparen", "rparen"):
            parts.append((kind, value))
        elif kind == "comma":
            continue
        elif value in OPERATORS:
            parts.append(("op", value))
        else:
            term = _word(value)
            if term:
                parts.append(("term", term))
    return parts


def _word(value: str) -> str | None:
    column, _, rest = value.partition(":")
    if rest and column.lower() in COLUMNS:
        term = _word(rest)
        return f"{column.lower()} : {term}" if term else None
    prefix = value.endswith("*")
    return quote_phrase(value.rstrip("*"), prefix=prefix)


def _near(tokens: list[tuple[str, str]], index: int) -> tuple[int, str]:
    terms: list[str] = []
    distance = None
    while index < len(tokens):
        kind, value = tokens[index]
        index += 1
        if kind == "rparen":
            if len(terms) < 2:
                raise SearchSyntaxError(f"NEAR needs at least two words, as in NEAR(Taliban Kabul, 10). {HINT}")
            return index, f"NEAR({' '.join(terms)}" + (f", {distance})" if distance else ")")
        if kind == "comma":
            continue
        if kind == "word" and value.isdigit() and tokens[index - 2][0] == "comma":
            distance = value
            continue
        inner = value[1:-1].replace('""', '"') if kind == "phrase" else value
        phrase = quote_phrase(inner.rstrip("*"), inner.endswith("*"))
        if phrase:
            terms.append(phrase)
    raise SearchSyntaxError(f"NEAR( is not closed: write NEAR(word word, 10). {HINT}")


def _check_structure(parts: list[tuple[str, str]]) -> None:
    depth = 0
    previous = None
    for kind, value in parts:
        if kind == "lparen":
            depth += 1
        elif kind == "rparen":
            depth -= 1
            if depth < 0:
                raise SearchSyntaxError(f"The query has a ')' without a matching '('. {HINT}")
        if kind == "op" and previous in (None, "op", "lparen"):
            raise SearchSyntaxError(
                f"{value} needs a word on each side, as in 'Taliban {value} Kabul'. {HINT}"
            )
        previous = kind
    if depth > 0:
        raise SearchSyntaxError(f"The query has a '(' that is not closed. {HINT}")
    if previous == "op":
        raise SearchSyntaxError(f"The query ends with an operator; add a word after it. {HINT}")
