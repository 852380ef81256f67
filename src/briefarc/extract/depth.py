"""The guards before parsing: markup nested deeper than any real page is flattened, and an element with more
attributes than any real one keeps its first MAX_ATTRIBUTES (`guarded` applies both).

An HTML parser looks through its stack of open elements at nearly every tag, so a page nested
40,000 deep costs time in the square of its size in the parser itself (lexbor included), and the
walks of the extractor after it. Real pages stay far below MAX_DEPTH. Start tags beyond that depth
are dropped with their end tags; their text is kept, in order, at the deepest level allowed.

The exact scan runs in Python, so it is asked for only when a cheap bound (counts of `<` and `</`,
in C, chunk by chunk) says the page could be that deep; a page with under SAFE_TAGS tags (most pages)
is not even bounded, as the parser's square of so few tags costs a few milliseconds at worst.
"""

from __future__ import annotations

from briefarc.patterns import lazy

MAX_DEPTH = 1000
SAFE_TAGS = 4000  # a page with fewer tags parses in a few milliseconds however deep it nests
CHUNK = 32_768
TAG = lazy(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>")
# Elements that never hold others, or that the parser closes by itself when the next one opens:
# they do not deepen the tree, whatever the markup says.
FLAT = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen "
    "p li dt dd tr td th option optgroup tbody thead tfoot colgroup rt rp".split()
)


def depth_bound(text: str, tags: int | None = None) -> int:
    """An upper bound on how deep the page's elements nest (every `<` that is not `</` may open one); `tags`:
    the count of "<" in the text, when the caller has it."""
    tags = text.count("<") if tags is None else tags
    if tags <= SAFE_TAGS:
        return min(tags, MAX_DEPTH)  # too few tags for the parser's square to cost anything
    depth = bound = 0
    for start in range(0, len(text), CHUNK):
        closes = text.count("</", start, start + CHUNK)
        opens = text.count("<", start, start + CHUNK) - closes
        bound = max(bound, depth + opens)
        depth = max(0, depth + opens - closes)
    return bound


def flatten_deep(text: str, limit: int = MAX_DEPTH, tags: int | None = None) -> str:
    """The page with start tags nested beyond `limit` (and their end tags) removed."""
    if depth_bound(text, tags) <= limit:
        return text
    parts: list[str] = []
    kept_until = 0
    depth = 0
    dropped: dict[str, int] = {}
    for match in TAG.finditer(text):
        name = match[2].lower()
        if name in FLAT or match[0].endswith("/>"):
            continue
        if match[1]:  # an end tag
            if dropped.get(name):
                dropped[name] -= 1
            else:
                depth = max(0, depth - 1)
                continue
        elif depth < limit:
            depth += 1
            continue
        else:
            dropped[name] = dropped.get(name, 0) + 1
        parts.append(text[kept_until:match.start()])
        parts.append(" ")
        kept_until = match.end()
    if not parts:
        return text
    parts.append(text[kept_until:])
    return "".join(parts)


# Tags a page is read up to. The 1,415 real pages of ../shared hold 10,000 at most; a page of 2,000,000 "word<br>"
# (16 MB, under the 20 MB limit) took 21 s and 1.2 GB, lexbor's tree 656 MB of it.
MAX_TAGS = 200_000


def cap_tags(text: str, limit: int = MAX_TAGS, tags: int | None = None) -> tuple[str, str | None]:
    """The page up to its `limit`-th "<" (every tag opens with one; a count in C, or `tags`, says whether there
    are more), and a warning when it was cut there."""
    if len(text) <= limit or (text.count("<") if tags is None else tags) <= limit:  # a short page cannot hold more
        return text, None
    at = -1 if limit > 0 else 0  # a limit of none keeps nothing
    for _ in range(limit):
        at = text.find("<", at + 1)
    return text[:at], (f"the page holds more than {limit:,} tags, far more than any real page: only its text "
                       f"before the {limit:,}th was read")


# Attributes an element keeps at most. lexbor checks each new attribute against the element's others (and a
# second <html> or <body> tag adds its attributes to the first's): one element of 40,000 attributes (a page of
# 400 kB) took 4.6 s to parse, of 1,000,000 (10 MB) most of an hour. Real elements hold a few dozen.
MAX_ATTRIBUTES = 1000
# Pages up to this size are not searched. Searching every page cost 6% of extraction CPU on ../shared's pages,
# searching those over it 2.6%. The worst a smaller page can do: 65,000 attributes of three ASCII characters in one
# element take lexbor 4.3 s, 131,000 of one non-ASCII character 61 s (lexbor also slows with the distinct names
# of a whole page, which no guard of one tag bounds).
LARGE_PAGE = 262_144
# The whitespace of HTML: tab, line feed, form feed, carriage return and space; no other (Python's \s takes the
# no-break space and a dozen more, which the tokenizer reads as part of a name or a value).
WS = "\t\n\f\r "
# One attribute as the HTML tokenizer reads it: a name (any characters but whitespace, "/" and ">"; "=" only as
# the first), then maybe "=" and a value; a quote opens a value only after "=", so a ">" inside one ends no tag.
_ATTRIBUTE = rf"""[{WS}/]*+[^{WS}/>][^{WS}/>=]*+(?:[{WS}]*+=[{WS}]*+(?:"[^"]*+"|'[^']*+'|[^{WS}>]*+))?+"""
ATTRIBUTE = lazy(_ATTRIBUTE)
ATTRIBUTES = lazy(f"(?:{_ATTRIBUTE})*+")
# Attributes a tag must hold to be read attribute by attribute: far more than real tags hold, and few enough that
# a search started again at each "<" inside a tag's names (a name may hold one) reads a bounded stretch.
SEVERAL = 64
# A start or end tag with SEVERAL attributes at least, or an <html> or <body> tag (their attributes add up).
CROWDED = lazy(rf"<(?:(?i:html|body)(?=[{WS}/])|/?[a-zA-Z][^{WS}/>]*+(?:{_ATTRIBUTE}){{{SEVERAL}}})")


def cap_attributes(text: str, limit: int = MAX_ATTRIBUTES) -> str:
    """The page with the attributes of each tag beyond its first `limit` left out, those of repeated <html> and
    <body> tags counted together. Only a large page is searched (in C, for the tags that hold SEVERAL or more);
    most pages have none of them, and their text is returned as it is. The search goes on after each tag found,
    never inside it."""
    if len(text) <= LARGE_PAGE:
        return text
    parts: list[str] = []
    kept_until = at = 0
    merged = limit  # attributes the <html> and <body> tags may still add
    while (found := CROWDED.search(text, at)) is not None:
        if found.end() - found.start() == 5:  # <html or <body: what it may add to those before
            cut, merged = _after(text, found.end(), merged)
        else:  # the SEVERAL found, then up to `limit` (a tag with fewer is read to its end)
            cut, _ = _after(text, found.end(), max(0, limit - SEVERAL))
        rest = ATTRIBUTES.match(text, cut)  # always a match, maybe empty
        end = rest.end() if rest else cut
        if end > cut:
            parts.append(text[kept_until:cut])
            kept_until = end
        at = max(end, found.start() + 1)
    if not parts:
        return text
    parts.append(text[kept_until:])
    return "".join(parts)


def _after(text: str, at: int, budget: int) -> tuple[int, int]:
    """Where the attributes kept of a tag end (its first `budget` from `at`), and the budget left."""
    while budget > 0 and (attribute := ATTRIBUTE.match(text, at)) is not None:
        at, budget = attribute.end(), budget - 1
    return at, budget


def guarded(text: str, tags: int | None = None) -> str:
    """The page as it is parsed: attributes beyond what any real element holds cut, nesting beyond what any real
    page reaches flattened; `tags`: the count of "<" in the text, when the caller has it."""
    capped = cap_attributes(text)
    return flatten_deep(capped, tags=tags if capped is text else None)
