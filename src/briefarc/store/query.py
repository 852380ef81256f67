"""Turning what a user types into an FTS5 query.

Users type words (all must occur), "phrases", AND/OR/NOT, -word (leave out), prefix*, NEAR(a b, 5),
parentheses and column filters (title:Kabul, title:"press briefing", title:(Kabul OR Torkham);
columns title, subtitle, body). Operators are written in capitals, as FTS5 has them: a lower-case
and, or, not or near( is searched as a word, and `read_query` says so in a note. Anything else is
plain text: a word with punctuation (U.S.-Pakistan, Taliban's) is quoted so FTS5 reads it as a
phrase of its tokens; a colon that names no column separates words (Kabul:Torkham is Kabul and
Torkham). Chinese or Japanese words are matched through their character pairs (store/fts.py,
store/cjk.py): a run of characters is found wherever it stands, a single character as a prefix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from briefarc.errors import SearchSyntaxError
from briefarc.store.text import narrow

TOKEN = re.compile(
    r'''\s*(?:
        (?P<phrase>"(?:[^"]|"")*"\*?)
      | (?P<open_quote>")
      | (?P<near>NEAR\()
      | (?P<column>(?i:title|subtitle|body):)(?=["(]|NEAR\()
      | (?P<lparen>\()
      | (?P<rparen>\))
      | (?P<comma>,)
      | (?P<minus>-)(?=[^\s),-])
      | (?P<word>[^\s()",](?:[^\s(),"]|"(?=[^\s(),"]))*)  # a quote inside a word is text (a"b); at its end, lone
    )''',
    re.VERBOSE,
)
OPERATORS = {"AND", "OR", "NOT"}
COLUMNS = {"title", "subtitle", "body"}
HAS_TOKEN_CHAR = re.compile(r"\w", re.UNICODE)
HINT = 'Put words with punctuation in double quotes, or use --literal to search the text exactly as typed.'
NOTHING = "Nothing to search for: the query has no letters or digits."


@dataclass
class Query:
    """A query as FTS5 reads it, with notes for the user on how it was read."""

    fts: str
    notes: list[str] = field(default_factory=list)
    spared: list[str] = field(default_factory=list)  # words left out with '-' that the caller leaves out (as typed)


def quote_phrase(text: str, prefix: bool = False) -> str | None:
    """An FTS5 string for `text`, or None when it holds nothing the index could match."""
    if not HAS_TOKEN_CHAR.search(text):
        return None
    inner = " ".join(text.split()).replace('"', '""')
    return f'"{inner}"' + ("*" if prefix else "")


def literal_query(text: str) -> str:
    """The whole input as plain words, all of which must occur."""
    parts = [quote_phrase(word) for word in narrow(text).split()]
    query = " ".join(p for p in parts if p)
    if not query:
        raise SearchSyntaxError(NOTHING)
    return query


def to_fts(text: str) -> str:
    """Translate a user query; raise SearchSyntaxError with advice when it cannot be read."""
    return read_query(text).fts


def read_query(text: str, spare=None) -> Query:
    """The FTS5 query for `text` and notes on words that look like operators but are searched as words.
    `spare`: tells the words left out with '-' from the whole query (a quoted phrase, as FTS5 has it) that the
    caller leaves out itself, by their text (store/search.py: -WHO, not every "who"); in `spared`, as typed."""
    text = narrow(text)
    tokens = list(_tokens(text))
    _check_depth(tokens)
    notes = _notes(tokens)
    parts, excluded = _excluded_by_level(_not_as_minus(_without_repeats(_translate(tokens)), spare))
    if not any(kind in ("term", "near") for kind, _ in parts):
        if excluded:
            raise SearchSyntaxError(_only_excluded(text))
        operators = [value for kind, value in parts if kind == "op"]
        if operators:  # AND, OR, NOT alone: words in capitals that are operators
            raise SearchSyntaxError(f"Nothing to search for: {operators[0]} is an operator and needs words "
                                    f"around it; to search for the word, write it in lower case "
                                    f"({operators[0].lower()}).")
        if any(kind in ("lparen", "rparen") for kind, _ in parts):
            _check_structure(parts, text)  # 'body:(' is a '(' not closed, more than a query without words
        raise SearchSyntaxError(NOTHING)
    _check_structure(parts, text)
    spared = [term for term in excluded
              if spare is not None and QUOTED_PHRASE.fullmatch(term) and not term.endswith("*") and spare(term)]
    excluded = [term for term in excluded if term not in spared]
    fts = " ".join(value for _, value in _explicit_and(parts))
    if excluded:
        fts = f"( {fts} )" + "".join(f" NOT {term}" for term in excluded)
    return Query(fts, notes, [term[1:-1].replace('""', '"') for term in spared])


MAX_DEPTH = 50  # levels of parentheses: FTS5's parser overflows its stack at about 100


def _check_depth(tokens: list[tuple[str, str, int]]) -> None:
    """Refuse groups nested deeper than MAX_DEPTH, with advice that fits (FTS5 said "parser stack overflow")."""
    depth = deepest = 0
    for kind, _, _ in tokens:
        if kind == "lparen":
            depth += 1
            deepest = max(deepest, depth)
        elif kind == "rparen":
            depth = max(depth - 1, 0)
    if deepest > MAX_DEPTH:
        raise SearchSyntaxError(f"The query nests parentheses {deepest} deep; {MAX_DEPTH} levels are read at most: "
                                "leave out the parentheses that group nothing.")


def _without_repeats(parts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A list of words (each must occur) asks nothing more of a word typed again: FTS5 would match, score
    and quote it once per repeat (a pasted `China China ...` of 300 words took seconds). A query with
    operators or groups is left as written."""
    if any(kind in ("op", "lparen", "rparen") for kind, _ in parts):
        return parts
    seen: set[tuple[str, str, str]] = set()
    kept: list[tuple[str, str]] = []
    for index, (kind, value) in enumerate(parts):
        column = parts[index - 1][1] if index and parts[index - 1][0] == "column" else ""
        key = (column, kind, value.casefold())  # the index reads words in any case
        if kind != "column" and key in seen:
            if column:
                kept.pop()  # the repeat's column filter goes with it
            continue
        seen.add(key)
        kept.append((kind, value))
    return kept


def _not_as_minus(parts: list[tuple[str, str]], spare) -> list[tuple[str, str]]:
    """`Taiwan NOT WHO` as `Taiwan -WHO` for a word `spare` picks, where the two are the same: NOT after a word of
    the query's own level, or after a word so read (`Taiwan NOT WHO NOT US`: FTS5 reads NOTs left to right), with
    no OR at that level (NOT binds closer than AND, which joins the rest)."""
    depths = list(accumulate({"lparen": 1, "rparen": -1}.get(kind, 0) for kind, _ in parts))
    if spare is None or any(part == ("op", "OR") and depth == 0 for part, depth in zip(parts, depths, strict=True)):
        return parts
    out: list[tuple[str, str]] = []
    for index, (kind, value) in enumerate(parts):
        if kind == "term" and out and out[-1] == ("op", "NOT") and depths[index] == 0 and len(out) > 1 \
                and out[-2][0] in ("term", "near", "rparen", "exclude") and QUOTED_PHRASE.fullmatch(value) \
                and not value.endswith("*") and spare(value):
            out[-1] = ("exclude", value)
            continue
        out.append((kind, value))
    return out


def _excluded_by_level(parts: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[str]]:
    """The parts with each group's -words applied inside that group, `( ( a b ) NOT x )`, and the -words of the
    query's own level apart, for read_query to apply to the whole. `(Taiwan -WHO) OR Geneva` leaves WHO out of
    the Taiwan documents only: all -words were taken to the top, leaving it out of Geneva's as well."""
    levels: list[tuple[list[tuple[str, str]], list[str]]] = [([], [])]
    for kind, value in parts:
        if kind == "lparen":
            levels.append(([], []))
        elif kind == "rparen" and len(levels) > 1:
            inner, excluded = levels.pop()
            levels[-1][0].extend(_group(inner, excluded))
        elif kind == "exclude":
            levels[-1][1].append(value)
        else:
            levels[-1][0].append((kind, value))
    while len(levels) > 1:  # a '(' not closed: kept as typed, for _check_structure to report
        inner, excluded = levels.pop()
        levels[-1][0].extend([("lparen", "("), *inner])
        levels[-1][1].extend(excluded)
    return levels[0]


def _group(inner: list[tuple[str, str]], excluded: list[str]) -> list[tuple[str, str]]:
    """A group in parentheses, its -words left out of what the rest of it finds."""
    if not excluded:
        return [("lparen", "("), *inner, ("rparen", ")")]
    if not any(kind in ("term", "near") for kind, _ in inner):
        word = "-" + excluded[0].strip('"')
        raise SearchSyntaxError(f"{word} is alone in its group: '-' leaves documents out and finds none, so the group "
                                f"has nothing to search for; put a word beside it, as in (Kabul {word}).")
    nots = [part for term in excluded for part in (("op", "NOT"), ("term", term))]
    return [("lparen", "("), ("lparen", "("), *inner, ("rparen", ")"), *nots, ("rparen", ")")]


def _only_excluded(text: str) -> str:
    """The error for a query that only leaves words out; the word as typed, a column's filter too ("title:-Kabul")."""
    first = next((word for word in text.split() if word.startswith("-")), None)
    if first is None:
        found = re.search(r"-[^\s()]+", text)
        first = found.group(0) if found else "-word"
    return (f"{first} leaves out documents with {first[1:]!r}, but the query has nothing else to search for: "
            f"add a word, as in `briefarc search Kabul {first}`, or drop the '-' to search for {first[1:]!r}. "
            "(Options go before `--`; after it everything is the query.)")


def _notes(tokens: list[tuple[str, str, int]]) -> list[str]:
    notes = []
    for index, (kind, value, _) in enumerate(tokens):
        following = tokens[index + 1][0] if index + 1 < len(tokens) else None
        if kind != "word" or value == value.upper():
            continue
        if value.upper() in OPERATORS:
            notes.append(f"{value!r} is searched as a word; write {value.upper()} to use it as an operator.")
        elif value.upper() == "NEAR" and following == "lparen":
            notes.append(f"{value!r} is searched as a word; write NEAR(a b, 10) in capitals for words near "
                         "each other.")
    return notes


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
        kind = match.lastgroup or "word"
        if kind == "open_quote":  # a lone quote, wherever it stands: shown with the word it is written against
            before = text[:match.start(kind)]  # the word the quote is written against, found without a search
            words = before.split() if before[-1:] and not before[-1:].isspace() else []
            word_start = len(before) - len(words[-1]) if words else len(before)
            raise SearchSyntaxError(
                f"The query has an unclosed double quote, at {_fragment(text, word_start)}: add the closing \". "
                f"{HINT}")
        yield kind, match.group(kind), match.start(kind)


def _fragment(text: str, start: int) -> str:
    """A short quote of the query from `start`, to say where a problem is."""
    piece = text[start:].strip()
    return repr(piece if len(piece) <= 24 else piece[:23] + "…")


def _translate(tokens: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    parts: list[tuple[str, str]] = []
    index = 0
    exclude = False
    while index < len(tokens):
        kind, value, start = tokens[index]
        if kind == "near":
            index, near = _near(tokens, index + 1, start)
            parts.append(("near", near))
            continue
        index += 1
        term = None
        if kind == "minus":
            exclude = True
            continue
        if kind == "phrase":
            prefix = value.endswith("*")
            inner = value[1:-2] if prefix else value[1:-1]
            if inner.rstrip().endswith("*"):  # "arms sal*": the phrase's last word is a prefix, as "arms sal"*
                if not inner.rstrip().rstrip("*") or inner.rstrip()[-2:-1].isspace():
                    raise SearchSyntaxError(f"'*' stands alone in the phrase {value}: it ends a word, to match words "
                                            "that start so, as in \"arms sal*\".")
                inner, prefix = inner.rstrip().rstrip("*"), True
            words = inner.split()
            for word in words:
                _check_star(word)
                if word.endswith("*") and word is not words[-1]:
                    raise SearchSyntaxError(f"'*' in {word!r} comes inside the phrase {value}: only a phrase's "
                                            "last word may end in '*' (\"arms sal*\" finds arms sales); for a word "
                                            f"that starts so elsewhere, use NEAR({' '.join(words)}, 1).")
            term = quote_phrase(inner.replace('""', '"'), prefix)
            if not term and parts and parts[-1][0] == "column":
                parts.pop()  # title:"..." with nothing to match: drop the filter with its phrase
        elif kind == "column":
            parts.append(("column", f"{value[:-1].lower()} :"))
        elif kind in ("lparen", "rparen"):
            if exclude:
                raise SearchSyntaxError("'-' leaves out one word or \"phrase\"; to leave out a group, write "
                                        "NOT (a OR b) after the words you search for.")
            parts.append((kind, value))
        elif kind == "word" and value in OPERATORS:
            parts.append(("op", value))
        elif kind == "word" and value[:-1].lower() in COLUMNS and value.endswith(":"):  # title: Kabul
            if index >= len(tokens) or tokens[index][0] not in ("word", "phrase", "lparen", "near"):
                raise SearchSyntaxError(f"{value!r} needs the word it filters right after it, as in "
                                        f"{value.lower()}Kabul or {value.lower()}\"press briefing\".")
            parts.append(("column", f"{value[:-1].lower()} :"))
        elif kind == "word":
            _check_star(value)
            column, colon, rest = value.partition(":")
            if colon and column.lower() in COLUMNS and rest.startswith("-") and rest.strip("-"):
                exclude, value = True, f"{column}:{rest.lstrip('-')}"  # title:-Kabul leaves Kabul out, as -title:Kabul
            term = _word(value)
        if term and exclude and parts and parts[-1][0] == "op":
            raise SearchSyntaxError(f"-{value} cannot follow {parts[-1][1]}: '-' leaves documents out and finds none. "
                                    f"Write the words with -{value} beside them, as in Kabul -{value}.")
        if term:
            parts.append(("exclude" if exclude else "term", term))
        exclude = False
    return parts


def _word(value: str) -> str | None:
    """A word as typed: column:word filters a column; any other colon separates words."""
    column, _, rest = value.partition(":")
    if rest and column.lower() in COLUMNS:
        inner, colon, after = rest.partition(":")
        if colon and inner.lower() in COLUMNS:
            raise SearchSyntaxError(f"{value!r} names a column twice: give one, as in {column.lower()}:{after}.")
        term = _word(rest)
        return f"{column.lower()} : {term}" if term else None
    if ":" in value.strip(":"):
        words = [_word(piece) for piece in value.split(":")]
        return " ".join(word for word in words if word) or None
    prefix = value.endswith("*")
    return quote_phrase(value.rstrip("*"), prefix=prefix)


def _check_star(value: str) -> None:
    """'*' matches the start of a word, so it can only end one: inside a word it would silently match nothing."""
    if "*" in value.rstrip("*"):
        stem = value.split("*")[0]
        if not stem:  # '*china': there is no start to match
            raise SearchSyntaxError(f"'*' in {value!r} comes before the word: it only ends one, to match words "
                                    f"that start so ({value.strip('*')}*). {HINT}")
        raise SearchSyntaxError(f"'*' in {value!r} is inside the word: it only ends one, to match words that "
                                f"start so ({stem}*). {HINT}")


# Words or phrases in one NEAR group at most: FTS5's NEAR matching grows with the square of their number
# (NEAR(China China ... x200, 5) took 12 s; 16 take 0.15 s on the corpus of ../shared).
NEAR_TERMS = 16


def _near(tokens: list[tuple[str, str, int]], index: int, start: int) -> tuple[int, str]:
    terms: list[str] = []
    distance = None
    while index < len(tokens):
        kind, value, _ = tokens[index]
        index += 1
        if kind == "rparen":
            if len(terms) < 2:
                raise SearchSyntaxError(f"NEAR needs at least two words, as in NEAR(Taliban Kabul, 10); it has "
                                        f"{len(terms)} in NEAR({' '.join(terms)}).")
            return index, f"NEAR({' '.join(terms)}" + (f", {distance})" if distance else ")")
        if kind == "comma":
            index, distance = _distance(tokens, index)
            continue
        if kind == "minus":
            word = tokens[index][1] if index < len(tokens) else ""
            raise SearchSyntaxError(f"NEAR finds words near each other and cannot leave one out (-{word}): put "
                                    f"-{word} after the NEAR group's ')'.")
        inner = value[1:-1].replace('""', '"') if kind == "phrase" else value
        phrase = quote_phrase(inner.rstrip("*"), inner.endswith("*"))
        if phrase:
            terms.append(phrase)
        if len(terms) > NEAR_TERMS:
            raise SearchSyntaxError(f"NEAR takes at most {NEAR_TERMS} words or phrases, as in NEAR(Taliban Kabul, "
                                    f"10): for more, join NEAR groups with AND.")
    raise SearchSyntaxError("NEAR( is not closed: write NEAR(word word, 10) with its ')'.")


def _distance(tokens: list[tuple[str, str, int]], index: int) -> tuple[int, str]:
    """NEAR's distance after its comma: a whole number of words; a usage error for anything else (FTS5 would
    take `x` or `-1` as one more word, and find nothing)."""
    shown = ""
    while index < len(tokens) and tokens[index][0] == "minus":
        shown += "-"
        index += 1
    kind, value = tokens[index][:2] if index < len(tokens) else ("rparen", "")
    if shown or kind != "word" or not value.isdigit():
        given = repr(shown + value) if kind == "word" or shown else "nothing"
        raise SearchSyntaxError(f"NEAR's distance is a whole number of words, as in NEAR(Taliban Kabul, 10), "
                                f"not {given}.")
    return index + 1, value


def _check_structure(parts: list[tuple[str, str]], text: str) -> None:
    depth = 0
    previous = last = None
    for kind, value in parts:
        if kind == "lparen":
            depth += 1
        elif kind == "rparen":
            if previous == "op":
                raise SearchSyntaxError(f"{last} needs a word after it, but here a ')' follows it: add the word, or "
                                        f"write {(last or '').lower()!r} to search for the word.")
            if previous == "lparen":
                raise SearchSyntaxError(f"The query {quoted(text)} has a group with nothing to search for, '()': put "
                                        "words in it, or take it out.")
            depth -= 1
            if depth < 0:
                raise SearchSyntaxError(f"The query {quoted(text)} has a ')' without a matching '(': remove it or add "
                                        "the '(' where the group starts.")
        if kind == "op" and previous in (None, "op", "lparen"):
            where = {None: "starts the query", "lparen": "follows '('"}.get(previous, "follows another operator")
            raise SearchSyntaxError(f"{value} needs a word on each side, as in 'Taliban {value} Kabul', but here "
                                    f"it {where}. To search for the word, write {value.lower()!r}.")
        previous, last = kind, value
    if depth > 0:
        raise SearchSyntaxError(f"The query {quoted(text)} has {_count(depth, 'that is', 'that are')} not closed: "
                                "add ')' where the group ends.")
    if previous == "op":
        raise SearchSyntaxError(f"The query ends with an operator ({last}): add a word after it, or write "
                                f"{(last or '').lower()!r} to search for the word.")


def quoted(text: str, most: int = 40) -> str:
    """A query or a term quoted in a message, cut to `most` characters: the error about a pasted page is one line."""
    return repr(text if len(text) <= most else text[:most - 1] + "…")


def _count(depth: int, one: str, many: str) -> str:
    return f"a '(' {one}" if depth == 1 else f"{depth} '(' {many}"


TERM_PARTS = re.compile(r'^(?:(?P<column>title|subtitle|body) : )?(?P<phrases>(?:"(?:[^"]|"")*"\*?\s*)+)$')
QUOTED_PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')


def required_phrases(text: str, literal: bool = False) -> list[tuple[str | None, str]]:
    """The phrases every match of the query holds, each with the column it is in (None: any), as typed: the words
    and "phrases" of the query's own level, not those of a group, a NEAR, after NOT or beside an OR; no prefix.
    Search checks some of them in the text (store/search.py: what the caseless index of terms cannot tell)."""
    if literal:
        return [(None, word) for word in narrow(text).split()]
    parts = _translate(list(_tokens(narrow(text))))
    depth, found, column = 0, [], None
    for index, (kind, value) in enumerate(parts):
        depth += {"lparen": 1, "rparen": -1}.get(kind, 0)
        if kind == "op" and value == "OR" and depth == 0:
            return []
        after_not = index and parts[index - 1] == ("op", "NOT")
        if kind == "term" and depth == 0 and not after_not and (match := TERM_PARTS.match(value)):
            found += [(match["column"] or column, inner.replace('""', '"'))
                      for inner, star in QUOTED_PHRASE.findall(match["phrases"]) if not star]
        column = value.split(" ")[0] if kind == "column" else None
    return found
