"""Where a term occurs: the documents the index finds for it, and its places in their text.

A term is a word, a phrase or a prefix (`negotiat*`), in any script; CJK text matches character by
character, as in the index (store/text.py). The index finds the documents; a regular expression built
from the same tokens finds each occurrence in the text, so the two agree.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefarc.errors import SearchSyntaxError, UsageError
from briefarc.store.acronyms import MARKS, WORD_CHAR
from briefarc.store.published import NEWEST_FIRST
from briefarc.store.query import narrow, quote_phrase, quoted
from briefarc.store.search import Filters
from briefarc.store.text import CJK_CHARS, wide_forms

if TYPE_CHECKING:
    import sqlite_utils

# The source shown for a document: its source's name, or for pages ingested without one the site's own name
# (as `briefarc list` shows them).
TOKEN = re.compile(rf"[{CJK_CHARS}]|[^\W_{CJK_CHARS}]+")
CJK_ONE = re.compile(f"[{CJK_CHARS}]")
# WORD_CHAR: a letter or digit of a word; MARKS: combining diacritical marks (shared with store/acronyms.py, whose
# table records where a term matched as written stands).
STRAY_MARKS = re.compile(f"[{MARKS}]+")
TAIL_PUNCTUATION = ".!?,;'’"  # what may end a word as written: `U.S.`, `Inc.`


@dataclass
class Term:
    """A term as typed, its FTS5 query and the pattern that finds it in text."""

    text: str
    fts: str
    pattern: re.Pattern
    exact_case: bool = False  # an acronym that is a stop word in lower case (WHO, US, IS): matched as written
    word: str | None = None  # an exact-case term's letters, as the pattern finds them (WHO for WHO's)
    possessive: bool = False  # an exact-case term's possessive (WHO's)


# What a term cannot hold, each with what the error calls it: the search's operators (AND, OR, NOT, NEAR), groups,
# field filters (title:), a * inside a word, a word left out with '-' ("Taiwan -WHO" was looked for as the phrase
# "Taiwan WHO": no occurrences, exit 0). A colon that names no field is punctuation, as search reads it
# (`China:US` is the phrase of its words, `Xinjiang:` the word): refused, it read as an operator no one typed.
STAR_NAME = "a '*' ends a prefix*, never comes inside a word"
SEARCH_SYNTAX = (
    (re.compile(r"(?:^|\s)-(?=[^\s-])(\S{1,30})"), "-{} leaves a word out, in `briefarc search`"),
    (re.compile(r"(?:^|\s)(AND|OR|NOT)(?:\s|\(|$)"), "{} is an operator of `briefarc search`"),
    (re.compile(r"(?:^|\s)(NEAR)(?:\s|\(|$)"), "{} is an operator of `briefarc search`"),
    (re.compile(r"(?:^|[\s(])((?i:title|subtitle|body)):"), "{}: filters a field, in `briefarc search`"),
    (re.compile(r"([()])"), "( ) group words, in `briefarc search`"),
    (re.compile(r"\*(?!\"?$)()"), STAR_NAME),
    (re.compile(r"([\^{}])"), "'{}' is search syntax"),
)
# A term that is one quoted phrase: its parentheses, colons and dashes are text (search reads "10:30 (UTC)" so).
QUOTED = re.compile(r'"[^"]*"\*?')
STAR_INSIDE = re.compile(r'\*(?!"?$)')


def search_syntax(text: str) -> str | None:
    """What of the search's query language a term holds, as the error says it ("OR is an operator ..."), or None."""
    if QUOTED.fullmatch(text):
        return STAR_NAME if STAR_INSIDE.search(text) else None
    for pattern, name in SEARCH_SYNTAX:
        if found := pattern.search(text):
            return name.format(found.group(1))
    return None


def parse_term(text: str, several: bool = True) -> Term:
    """A word, phrase or prefix* to count or show; a usage error for anything without letters or digits,
    for an unclosed double quote (as `search` gives), and for the search's operators (a term is one word or
    phrase: boolean queries are for `search`), naming the one found. `several`: the command takes several
    terms (trend), as the error then says; kwic and collocates take one."""
    shown = quoted(text.strip())  # in the errors
    if syntax := search_syntax(text.strip()):
        more = " (several terms as several arguments)" if several else ""
        raise UsageError(f"{shown} is a search query: {syntax}. Give one word, "
                         f"\"a phrase\" or a prefix*{more}.")
    if text.count('"') % 2:
        raise UsageError(f"{shown} has an unclosed double quote: add the closing \" (or leave the quotes out "
                         "for one word).")
    raw = narrow(text).strip().strip('"').strip()
    prefix = raw.endswith("*")
    if prefix and (raw == "*" or raw[-2:-1].isspace()):  # as search: "arms *" is no prefix of any word
        raise UsageError(f"'*' stands alone in {shown}: it ends a word, to match words that start so "
                         "(arms sal*).")
    raw = raw.rstrip("*").strip()
    tokens = TOKEN.findall(index_form(raw))
    fts = quote_phrase(raw, prefix) if tokens else None
    if not fts:
        raise UsageError(f"Give a word or a phrase to look for, not {shown}.")
    parts = []
    for index, token in enumerate(tokens):
        if index:
            parts.append(r"[\W_]*" if CJK_ONE.match(token) or CJK_ONE.match(tokens[index - 1]) else r"[\W_]+")
        parts.append(_letters(token))
    # A CJK character is found wherever it stands (a prefix* adds nothing to it); a word of another script is found
    # whole, CJK characters written against it included (G20 in G20峰会, 2019 in 2019年, as search finds them),
    # and its prefix takes the rest of its word, not the run of CJK characters after it.
    start = "" if CJK_ONE.match(tokens[0]) else rf"(?<!{WORD_CHAR})(?<![{MARKS}])"
    word_rest = rf"{WORD_CHAR}*" if prefix else rf"(?!{WORD_CHAR})"
    end = "" if CJK_ONE.match(tokens[-1]) else word_rest
    # Punctuation typed after the last word (the dot of `U.S.`) is part of the match where the text has it too,
    # so that kwic shows "U.S." and not "U.S" with the dot in the right-hand context.
    tail = raw[len(raw.rstrip(TAIL_PUNCTUATION)):]
    end += f"(?:{re.escape(tail)})?" if tail else ""
    if is_shouted_stopword(raw, tokens, prefix):  # its letters as typed, in no other case or form
        possessive = "['’]s" if len(tokens) == 2 else ""  # WHO's
        return Term(text.strip(), fts, re.compile(start + re.escape(tokens[0]) + possessive + end), exact_case=True,
                    word=tokens[0], possessive=bool(possessive))
    return Term(text.strip(), fts, re.compile(start + "".join(parts) + end, re.IGNORECASE))


def is_shouted_stopword(raw: str, tokens: list[str], prefix: bool) -> bool:
    """Whether a term is one word typed in capitals that is a stop word in lower case (WHO, US, IS, IT), or its
    possessive (WHO's): the World Health Organization, not the pronoun. Found without regard to case,
    `collocates WHO` gave the words near every "who" of the archive, and `kwic WHO` its relative clauses."""
    from briefarc.analysis.tokens import STOPWORDS

    word = raw.replace(".", "")
    if len(tokens) == 2 and word[-2:] in ("'s", "’s"):  # the acronym's possessive: WHO's
        word, tokens = word[:-2], tokens[:1]
    return (len(tokens) == 1 and not prefix and len(word) >= 2 and word.isalpha() and word.isupper()
            and word.lower() in STOPWORDS)


def index_form(text: str) -> str:
    """`text` as the index tokenizer (unicode61 remove_diacritics 2) reads its letters: a Latin letter without
    its diacritics, composed or not (`Márquez`, `Ma\u0301rquez` → `Marquez`); other scripts' letters as they
    are (`Китай`, `Αθήνα`: the index keeps their marks)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        out.append(parts[0] if len(parts) > 1 and parts[0] in _latin_variants() else char)
    return STRAY_MARKS.sub("", "".join(out))


def fold_accented(primary: Counter, *others: Counter) -> None:
    """Count as one the words that differ only in a Latin letter's diacritics ("iván", "ivan"), which search
    finds alike: under the form `primary` holds most often, in it and in the `others` alike; on a tie, or for
    a word `primary` lacks, the form the `others` hold most often, and then one with its diacritics (plain
    "ivan" is most often the accents dropped, not a word of its own)."""
    groups: dict[str, dict[str, None]] = {}
    for counter in (primary, *others):
        for word in counter:
            if not word.isascii() and not CJK_ONE.match(word) and (key := index_form(word)) != word:
                groups.setdefault(key, {key: None})[word] = None
    for plain, forms in groups.items():
        shown = max(forms, key=lambda form: (primary.get(form, 0), sum(other.get(form, 0) for other in others),
                                             form != plain))
        for counter in (primary, *others):
            total = sum(counter.pop(form, 0) for form in forms)
            if total:
                counter[shown] = total


@cache
def _latin_variants() -> dict[str, str]:
    """Each ASCII letter with the letters the index reads as it: itself and its forms with diacritics."""
    found = {char: char for char in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    for code in range(0xC0, 0x2200):  # Latin-1 to Latin Extended Additional, and the Ångström sign
        parts = unicodedata.normalize("NFD", chr(code))
        if len(parts) > 1 and parts[0] in found and all(unicodedata.combining(mark) for mark in parts[1:]):
            found[parts[0]] += chr(code)
    return found


def _letters(token: str) -> str:
    """A pattern for a token in index form that finds it as the index does: each Latin letter in any of its
    forms with diacritics, composed or followed by combining marks, and in its full-width form (Ｇ２０, as a
    Chinese page prints it, store/cjk.py), as each digit (the pattern is case-blind)."""
    variants = _latin_variants()
    return "".join(f"[{variants[char]}{variants[char.swapcase()]}{wide_forms(char)}][{MARKS}]*" if char in variants
                   else f"[{char}{wide_forms(char)}]" if char.isascii() and char.isdigit() else re.escape(char)
                   for char in token)


def filter_clauses(filters: Filters | None) -> tuple[list[str], list]:
    """The filters' SQL clauses and parameters; a usage error for a date range that nothing can match."""
    filters = filters or Filters()
    if filters.since and filters.until and filters.since > filters.until:
        raise UsageError(f"--since {filters.since} is after --until {filters.until}: give the earlier date first.")
    return filters.where()


def where_sql(filters: Filters | None) -> tuple[str, list]:
    """The filters as SQL over `documents d` (and `sources s` when joined), each clause after an AND."""
    clauses, params = filter_clauses(filters)
    return "".join(" AND " + clause for clause in clauses), params


def source_join(filters: Filters | None) -> str:
    """The join to `sources s`, only when a filter needs it: without it a date scan reads the date index alone."""
    return "LEFT JOIN sources s ON s.id = d.source_id" if filters and filters.source else ""


def matching_ids(db: sqlite_utils.Database, term: Term) -> set[int]:
    """Every document the index finds for `term` (the index alone: no document row is read). The index knows no
    case: for a term matched as written (Term.exact_case), those of its documents whose text holds it so."""
    from briefarc.store.fts import index_for

    table, query = index_for(db, term.fts)
    try:
        rows = db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [query]).fetchall()
    except sqlite3.OperationalError as exc:
        raise SearchSyntaxError(f"The search index could not read {term.text!r} ({exc}).") from exc
    found = {row[0] for row in rows}
    if not term.exact_case:
        return found
    return {doc_id for doc_id, title, subtitle, body in rows_of(db, "id, title, subtitle, body", sorted(found))
            if any(term.pattern.search(text or "") for text in (title, subtitle, body))}


def dated_documents(db: sqlite_utils.Database, filters: Filters | None, *, newest_first: bool = False):
    """(id, date) of the documents under the filters: a cursor, read as needed."""
    where, params = where_sql(filters)
    order = f"ORDER BY {NEWEST_FIRST}" if newest_first else ""
    return db.execute(f"SELECT d.id, d.published_date FROM documents d {source_join(filters)} WHERE 1 {where} "
                      f"{order}", params)


def matching_documents(db: sqlite_utils.Database, term: Term, filters: Filters | None) -> Iterator[tuple[int, str]]:
    """(id, date) of each document the index finds for `term` under the filters, newest first, read lazily:
    the date index is walked from the newest end and each document checked against the index's matches, so
    a page of results stops early instead of sorting every match."""
    found = matching_ids(db, term)
    if not found:
        return
    for doc_id, day in dated_documents(db, filters, newest_first=True):
        if doc_id in found:
            yield doc_id, day


def rows_of(db: sqlite_utils.Database, columns: str, ids: list[int], condition: str = "",
            size: int = 500) -> Iterator[tuple]:
    """`columns` of the documents `ids` (and `condition`, SQL starting with AND), read `size` ids a statement."""
    for start in range(0, len(ids), size):
        page = ids[start:start + size]
        yield from db.execute(
            f"SELECT {columns} FROM documents WHERE id IN ({', '.join('?' * len(page))}) {condition}", page)


def units(body: str | None, turns: list[dict]) -> Iterator[tuple[int | None, str]]:
    """The text to scan: each turn with its number, or the whole body for a document without turns."""
    if turns:
        for number, turn in enumerate(turns, start=1):
            yield number, turn.get("text") or ""
    else:
        yield None, body or ""
