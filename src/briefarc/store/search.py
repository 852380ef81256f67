"""Full-text search and listing with filters."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefarc.errors import SearchSyntaxError, UsageError
from briefarc.store.db import translated
from briefarc.store.fts import index_for
from briefarc.store.hosts import HOST_FILTER_SQL, host_pattern
from briefarc.store.published import NEWEST_FIRST
from briefarc.store.query import HINT, literal_query, read_query, required_phrases
from briefarc.store.querytree import TreeCheck
from briefarc.store.ranking import best_first, newest_first, scored
from briefarc.store.sitelabel import SITE_FILTER_SQL
from briefarc.store.text import has_cjk

if TYPE_CHECKING:
    import sqlite_utils

    from briefarc.analysis.matching import Term
    from briefarc.store.newest_passing import Passing

# A snippet marks each match with these private-use characters. A page whose own text holds one of
# them gets its snippet twice, with a second pair as well: the places where the two differ are the
# markers FTS5 put in, so the page's own copies are told apart and dropped (see marked_snippet).
SNIPPET_OPEN = "\ue000"
SNIPPET_CLOSE = "\ue001"
PROBE_OPEN = "\ue002"
PROBE_CLOSE = "\ue003"
SNIPPET_TOKENS = 24
# The snippet of each of the page's rows and the probe of those that need one (the CASEs), whatever
# else the statement reads.
SNIPPETS_SQL = ", ".join(
    f"CASE WHEN rowid IN ({{{rows}}}) THEN snippet({{table}}, -1, ?, ?, '…', {SNIPPET_TOKENS}) END"
    for rows in ("marks", "probed")
)
PREFIX = re.compile(r'"\*')  # a quoted phrase with its prefix star
# The page's rows whose own text holds a snippet marker.
MARKED_TEXT_SQL = """SELECT id FROM documents WHERE id IN ({marks}) AND (
    instr(coalesce(title, '') || coalesce(subtitle, '') || coalesce(body, ''), ?)
    OR instr(coalesce(title, '') || coalesce(subtitle, '') || coalesce(body, ''), ?))"""
DROPPED = {SNIPPET_OPEN, SNIPPET_CLOSE}
MARKERS = re.compile(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]")
# FTS5's snippet() weighs every match of a row to place its window: a second for a common word in a
# megabyte of text, minutes in tens. Past this many characters the snippet is cut from the text (store/snippets.py).
HUGE_TEXT = 200_000
# When a page's first and last rowid are this close, one pass over the matches between them costs less
# than a lookup for each of its rows (a seek in each segment of the index for each word: 0.1-0.3 ms a row).
WALK_SPAN = 2_000
# The hits whose snippets are cut from their text: a page of more than HUGE_TEXT characters, and one with CJK
# text, whose words an English one matches in its columns of CJK terms (G20 in "G20峰会", store/cjk.py): FTS5
# quoted that column ("在 G20 峰会 会期 期间").
CUT_FROM_TEXT_SQL = """SELECT id FROM documents WHERE id IN ({marks})
    AND (length(coalesce(title, '')) + length(coalesce(subtitle, '')) + length(coalesce(body, '')) > ?
         OR cjk_title IS NOT NULL OR cjk_subtitle IS NOT NULL OR cjk_body IS NOT NULL)"""
HIT_COLUMNS = (
    "d.id, d.published, d.published_date, s.name, d.kind, d.title, d.spokesperson, d.language, "
    "d.url, d.canonical_url, d.archived_at, d.updated_at, d.removed_at, d.published_utc"
)
HIT_KEYS = (
    "id", "published", "published_date", "source", "kind", "title", "spokesperson", "language",
    "url", "canonical_url", "archived_at", "updated_at", "removed_at", "published_utc",
)


# The stored language's primary subtag: "zh-CN", "ZH_cn" and "zh" all give "zh".
PRIMARY_SUBTAG_SQL = "lower(substr(d.language, 1, instr(replace(d.language, '_', '-') || '-', '-') - 1))"


def primary_subtag(language: str | None) -> str | None:
    """"zh-CN", "ZH" -> "zh": --lang matches a document whose language has the same first part."""
    if not language or not language.strip():
        return None
    return language.strip().replace("_", "-").split("-")[0].lower()


# --spokesperson: the documents of each name the archive holds that is the one typed (sources/names.py: in any order,
# case, spacing or script of names.json). The names are read from the index by spokesperson, one step from each to
# the next, and each is compared once, not each document's; the documents are then looked up by name.
SPOKESPERSON_SQL = """d.spokesperson IN (WITH RECURSIVE held(name) AS (
    SELECT min(spokesperson) FROM documents
    UNION ALL SELECT (SELECT min(spokesperson) FROM documents WHERE spokesperson > held.name) FROM held
    WHERE held.name IS NOT NULL) SELECT name FROM held WHERE name IS NOT NULL AND spokesperson_named(name, ?))"""


@dataclass
class Filters:
    source: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    spokesperson: str | None = None
    kind: str | None = None
    language: str | None = None
    changed: bool = False
    removed: bool = False
    site: str | None = None  # the label of pages filed under no source (--source given such a label)
    host: str | None = None  # the pages on this host or under it (--source given a host: state.gov)

    def where(self) -> tuple[list[str], list]:
        clauses: list[str] = []
        params: list = []
        simple = (("s.name = ?", self.source), ("d.published_date >= ?", self.since),
                  ("d.published_date <= ?", self.until), ("d.kind = ?", self.kind),
                  (f"{PRIMARY_SUBTAG_SQL} = ?", primary_subtag(self.language)), (SITE_FILTER_SQL, self.site))
        for clause, value in simple:
            if value:
                clauses.append(clause)
                params.append(value)
        if self.host:
            clauses.append(HOST_FILTER_SQL)
            params += [host_pattern(self.host), self.host]
        if self.spokesperson:
            clauses.append(SPOKESPERSON_SQL)
            params.append(self.spokesperson)
        if self.changed:
            clauses.append("(SELECT count(*) FROM versions v WHERE v.document_id = d.id) > 1")
        if self.removed:
            clauses.append("d.removed_at IS NOT NULL")
        return clauses, params


@dataclass(frozen=True)
class TextCheck:
    """A phrase every hit must hold that the index cannot tell: its pattern, the columns it may be in and a string
    of the text each match holds (for SQLite to pass over most rows without it), if any."""

    pattern: re.Pattern
    columns: tuple[str, ...]
    needle: str | None = None
    present: bool = True  # False: a word left out (-WHO), which no hit holds
    acronym: str | None = None  # the word the acronyms table knows documents hold as written (store/acronyms.py)
    settled: bool = False  # the table tells the check (WHO; not WHO's, whose "'s" is read in the text)


def _text_check(term: Term, columns: tuple[str, ...], needle: str | None = None, present: bool = True) -> TextCheck:
    """The check of an exact-case or CJK term in these columns, told by the acronyms table where it knows the word."""
    from briefarc.store.acronyms import covers

    known = term.exact_case and covers(term.word, columns)
    return TextCheck(term.pattern, columns, needle, present, term.word if known else None,
                     known and not term.possessive)


Check = TextCheck | TreeCheck


def search_query(query: str, literal: bool = False, columns: tuple[str, ...] = ("title", "subtitle", "body")) \
        -> tuple[str, list[Check]]:
    """The FTS5 query for what the user typed and what its hits are checked for in their text (text_checks); an
    acronym left out of the whole query (Taiwan -WHO) is left out by its text, not as every "who" the index has."""
    if literal:
        return literal_query(query), list(text_checks(query, True, columns))
    read = read_query(query, spare=lambda term: _acronym(term[1:-1].replace('""', '"')) is not None)
    _check_columns(read.fts, columns)
    left_out: list[Check] = [_text_check(term, columns, present=False) for word in read.spared
                              if (term := _acronym(word)) is not None]
    required = required_phrases(query)
    tree = _tree_check(read.fts, {(column if column in columns else None, phrase) for column, phrase in required},
                       columns)
    return read.fts, [*text_checks(query, False, columns), *left_out, *([tree] if tree else [])]


def _check_columns(fts: str, columns: tuple[str, ...]) -> None:
    """A filter of a column the searched rows do not have (title: in a search of turns, which hold only their text)
    is a usage error that says so: SQLite said "no such column: title", and the advice was about punctuation."""
    from briefarc.store.querytree import columns_named

    if columns == ("title", "subtitle", "body"):
        return
    unknown = sorted(columns_named(fts) - set(columns))
    if unknown:
        name = unknown[0]
        raise SearchSyntaxError(f"{name}: filters a document's {name}, and search --in searches the text of turns, "
                                f"which have none: leave out {name}: (or --in, to search the documents).")


def _tree_check(fts: str, required: set[tuple[str | None, str]], columns: tuple[str, ...]) -> TreeCheck | None:
    """The check of the phrases of `fts` that text_checks would check were each alone, but that stand in a group
    or beside an OR; None when there are none (a word under NOT, or in a NEAR group, is left to the index)."""
    from briefarc.store.acronyms import covers
    from briefarc.store.querytree import leaves, parse

    if "(" not in fts and " OR " not in fts:
        return None
    tree = parse(fts)
    if tree is None:
        return None
    checked, exact, words = [], [], []
    for number, leaf in enumerate(leaves(tree)):
        if not leaf.positive or not leaf.text.endswith('"') or leaf.text.startswith("NEAR("):
            continue  # left out (NOT), a prefix*, a NEAR group
        phrase = leaf.text[1:-1].replace('""', '"')
        column = leaf.column if leaf.column in columns else None
        term = _as_read(phrase)
        if term is None or not (term.exact_case or has_cjk(phrase)) or (column, phrase) in required:
            continue
        where = (column,) if column else columns
        checked.append((number, term.pattern, where, term.word if term.exact_case else None))
        if term.exact_case:
            exact.append(term.pattern)
            if covers(term.word, where):
                words.append((number, term.word or "", not term.possessive))
    table = "turns" if columns == ("text",) else "documents"
    return TreeCheck(tree, tuple(checked), tuple(exact), table, tuple(words)) if checked else None


def _acronym(word: str) -> Term | None:
    """The term of a word typed in capitals that is a stop word in lower case (WHO, WHO's), else None."""
    term = None if has_cjk(word) else _as_read(word)
    return term if term is not None and term.exact_case else None


def _as_read(phrase: str) -> Term | None:
    """How kwic reads a phrase the index may misread: one in capitals or with an apostrophe (WHO, WHO's), or one of
    CJK characters and other words; None for any other (parse_term costs a regex) and for one it cannot read."""
    from briefarc.analysis.matching import parse_term
    from briefarc.store.cjk import other_words

    if not (phrase.isupper() or "'" in phrase or "’" in phrase) and not (has_cjk(phrase) and other_words(phrase)):
        return None
    try:
        return parse_term(f'"{phrase}"')
    except UsageError:
        return None


def text_checks(query: str, literal: bool = False, columns: tuple[str, ...] = ("title", "subtitle", "body")) \
        -> list[TextCheck]:
    """What the hits of `query` are checked for in their text, which the index of caseless words and character
    pairs cannot tell: a word typed in capitals that is a stop word in lower case is the acronym (WHO, US, IS, as
    kwic counts it, not every relative "who"), and a phrase of CJK characters and other words has those words
    where the phrase puts them ("美国 and": the index found "and" anywhere in a page with 美国). Only the phrases
    each match must hold (store/query.py required_phrases): those in a group or beside an OR are checked with the
    rest of the query (_tree_check); after NOT, as the index has them. `columns`: the text columns (turns have
    "text")."""
    checks = []
    for column, phrase in required_phrases(query, literal):
        term = _as_read(phrase)
        if term is not None and (term.exact_case or has_cjk(phrase)):
            where = (column,) if column in columns else columns
            checks.append(_text_check(term, where, term.word if term.exact_case else None))
    return checks


def passing(db: sqlite_utils.Database | sqlite3.Connection, table: str, ids: list[int],
            checks: list[Check]) -> set[int]:
    """The rows of `table` among `ids` (matches of the query the checks are of) whose text holds every check's
    phrase, and that match the query with its phrases read as written (TreeCheck)."""
    plain = [check for check in checks if isinstance(check, TextCheck)]
    found = _holding(db, table, ids, plain) if plain else set(ids)
    for tree in (check for check in checks if isinstance(check, TreeCheck)):
        found -= tree.refused(db, table, sorted(found))
    return found


def _holding(db: sqlite_utils.Database | sqlite3.Connection, table: str, ids: list[int],
             plain: list[TextCheck]) -> set[int]:
    """The rows among `ids` whose text holds every phrase of `plain` (none of one left out), told by SQLite from the
    needles first, and by the acronyms table for a check it settles (WHO): only the other checks read text, and
    every check a row the table has not read yet (store/acronyms.py). The table is asked of each page of ids by its
    key (a seek a row and column): `id IN (SELECT document_id FROM acronyms ...)` built the set of every document
    holding the word again for each statement (`search US`, US in 25,000 of 100,000 documents: 50 statements, 1 s).
    A TreeCheck tells its own (TreeCheck.refused): its clause may ask the index of the whole query's matches, again
    for each statement."""
    from briefarc.store.acronyms import held_among, unread_among

    settled = [check for check in plain if check.settled and check.acronym]
    read = [check for check in plain if check not in settled]
    columns = sorted({column for check in read for column in check.columns})
    clauses, values = needles_sql([*read]), needles([*read])
    found: set[int] = set()
    unread: list[int] = []
    for start in range(0, len(ids), 500):
        page = ids[start:start + 500]
        if settled:
            fresh = unread_among(db, page)
            unread += [rowid for rowid in page if rowid in fresh]
            holding = [held_among(db, check.acronym or "", check.columns, page) for check in settled]
            page = [rowid for rowid in page if rowid not in fresh
                    and all((rowid in rows) == check.present for rows, check in zip(holding, settled, strict=True))]
            if not read:
                found.update(page)
                continue
            if not page:
                continue
        rows = db.execute(f"SELECT {', '.join(['id', *columns])} FROM {table} "
                          f"WHERE id IN ({', '.join('?' * len(page))}){clauses}", [*page, *values])
        for row in rows:
            text = dict(zip(columns, row[1:], strict=True))
            if all(any(check.pattern.search(text[column] or "") for column in check.columns) == check.present
                   for check in read):
                found.add(row[0])
    return found | _read_holding(db, table, unread, plain) if unread else found


def _read_holding(db: sqlite_utils.Database | sqlite3.Connection, table: str, ids: list[int],
                  plain: list[TextCheck]) -> set[int]:
    """The rows among `ids` whose text holds every phrase of `plain` (none of one left out), read."""
    columns = sorted({column for check in plain for column in check.columns})
    found: set[int] = set()
    for row in rows_in(db, table, columns, ids):
        text = dict(zip(columns, row[1:], strict=True))
        if all(any(check.pattern.search(text[column] or "") for column in check.columns) == check.present
               for check in plain):
            found.add(row[0])
    return found


def rows_in(db: sqlite_utils.Database | sqlite3.Connection, table: str, columns: list[str], ids: list[int]):
    """id and `columns` of the rows `ids` of `table`, 500 ids a statement."""
    for start in range(0, len(ids), 500):
        page = ids[start:start + 500]
        yield from db.execute(f"SELECT {', '.join(['id', *columns])} FROM {table} "
                              f"WHERE id IN ({', '.join('?' * len(page))})", page)


def exact_patterns(checks: list) -> list[re.Pattern]:
    """The patterns of the words the checks find as written (WHO), for the snippets to mark them so."""
    return [pattern for check in checks
            for pattern in (check.exact if isinstance(check, TreeCheck) else [check.pattern] if check.needle else [])]


def needle_clauses(checks: list[Check], row: str = "", each: bool = False) -> list[str]:
    """SQL clauses that pass over the rows without the checks' needles, case and all (instr): SQLite reads the
    text, not Python (`search IT`, "it" in every document and "IT" in none: 3.2 s for 100,000 documents, 0.6 s).
    `each`: the acronyms table is asked for each row (few rows: see acronyms.holding_sql)."""
    return [sql for sql, _ in _needle_parts(checks, row, each)]


def _needle_parts(checks: list[Check], row: str = "", each: bool = False) -> list[tuple[str, list[str]]]:
    """Each check's needle clause and its parameters, in the order of the checks."""
    parts = []
    for check in checks:
        if isinstance(check, TreeCheck):
            if (found := check.needle_clause(row, each)) is not None:
                parts.append(found)
        elif check.acronym and (check.present or check.settled):  # -WHO's: the rows holding WHO may lack it
            from briefarc.store.acronyms import holding_sql

            sql, values = holding_sql(check.acronym, check.columns, row, unread=check.present, each=each)
            parts.append((sql if check.present else f"NOT {sql}", values))
        elif check.needle and check.present:
            parts.append(("(" + " OR ".join(f"instr({row}{column}, ?)" for column in check.columns) + ")",
                          [check.needle] * len(check.columns)))
    return parts


def needles_sql(checks: list[Check], row: str = "", each: bool = False) -> str:
    """needle_clauses, each after an AND."""
    return "".join(" AND " + clause for clause in needle_clauses(checks, row, each))


def needles(checks: list[Check]) -> list[str]:
    """The parameters of needle_clauses, in order."""
    return [value for _, values in _needle_parts(checks) for value in values]


def checked(fetch, wanted: int, keep) -> list:
    """The first `wanted` of the ranked candidates `fetch(n)` gives (the first n) that `keep` (a list of them ->
    those kept) keeps, asking for four times as many each time the page is not full. A candidate is judged once:
    the next round's first ones are those of the last (`US OR Zanzibar`, "US" in none of 100,000 documents: each
    round read the text of every candidate again)."""
    size = max(wanted, 20)
    judged: dict = {}  # candidate -> kept
    while True:
        candidates = fetch(size)
        fresh = [candidate for candidate in candidates if candidate not in judged]
        passed = set(keep(fresh)) if fresh else set()
        judged.update((candidate, candidate in passed) for candidate in fresh)
        kept = [candidate for candidate in candidates if judged[candidate]]
        if len(kept) >= wanted or len(candidates) < size:
            return kept[:wanted]
        size *= 4


@translated
def search(
    db: sqlite_utils.Database, query: str, filters: Filters | None = None, *, sort: str = "rank",
    limit: int = 20, offset: int = 0, literal: bool = False, exhaustive: bool = False,
) -> list[dict]:
    """Documents matching `query`, best first (or newest first), each with a highlighted snippet.

    Best first scores (bm25) every match when there are few enough, else the title matches and the
    newest matches (store/ranking.py): a word found in most documents costs no more than a rarer
    one. With `exhaustive`, every match is scored. Newest first walks the date index and scores
    nothing.
    `snippet` holds each match between SNIPPET_OPEN and SNIPPET_CLOSE (the page's own copies of those
    characters are dropped); `highlights` gives [start, end] of each match in the snippet once the
    markers are taken out, as character offsets.
    """
    _check_sort(sort)
    fts, checks = search_query(query, literal)
    clauses, params = (filters or Filters()).where()
    typed = fts
    each = False
    try:
        table, fts = index_for(db, fts)
        few = None
        rows = _passing(db, table, fts, checks, clauses, params) if not exhaustive else None
        matches = _rare(db, table, fts, LOOKED_UP) if sort == "rank" and checks else None
        if sort == "rank" and checks and not (each := matches is not None):
            few = _candidates(db, checks, False, table)
            if few is not None and (each := _fewer_matches(db, table, fts, few[2], LOOKED_UP_AND_SCORED)):
                few = None
        rest = _needing(checks, few)
        clauses, params = clauses + needle_clauses(rest, "d.", each), params + needles(rest)
        if few is not None:
            # the rows the needle clauses pass, told on the index's rowid before a document's row is read
            clauses, params = [*clauses, _rows_clause("f.rowid", few, LOOKED_UP_AND_SCORED)], [*params, *few[1]]
        if matches == []:  # the query matches nothing (`title:(IT OR Blinken)`): the index is not read twice more
            ranked = []
        elif not checks:
            ranked = _ranked(db, table, fts, clauses, params, sort, limit, offset, exhaustive, rows)
        else:
            ranked = checked(lambda size: _ranked(db, table, fts, clauses, params, sort, size, 0, exhaustive, rows),
                             limit + offset, lambda found: _kept(db, found, checks))[offset:]
        hits = _with_documents(db, ranked)
        _add_snippets(db, table, fts, hits, typed, exact_patterns(checks))
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc):
            raise SearchSyntaxError(f"The search index could not read that query ({exc}). {HINT}") from exc
        raise
    for hit in hits:
        hit["highlights"] = highlights(hit["snippet"])
    return hits


def _ranked(db: sqlite_utils.Database, table: str, fts: str, clauses: list[str], params: list, sort: str, limit: int,
            offset: int, exhaustive: bool, rows: Passing | None = None) -> list[tuple[int, float | None]]:
    """The page of matches, newest first, best first of all (`exhaustive`) or of the candidates (store/ranking.py;
    `rows`: the rows that pass, walked apart, store/newest_passing.py)."""
    if sort == "date":
        return rows.by_date(limit, offset) if rows else newest_first(db, table, fts, clauses, params, limit, offset)
    if exhaustive:
        return list(scored(db, table, fts, clauses, params, order="score", limit=limit, offset=offset))
    return list(best_first(db, table, fts, clauses, params, limit + offset, rows.newest if rows else None)[offset:])


def _passing(db: sqlite_utils.Database, table: str, fts: str, checks: list[Check], clauses: list[str],
             params: list) -> Passing | None:
    """For a query whose one check passes a match of its `sure` query or a row holding an acronym (`US OR
    minister`), the rows that pass, walked without the set of every match of `sure` (store/newest_passing.py); else
    None. `clauses`: the filters'."""
    if len(checks) != 1 or not isinstance(checks[0], TreeCheck) or (split := checks[0].sure_or_held()) is None:
        return None
    from briefarc.store.newest_passing import Passing

    sure, held = split
    return Passing(db, table, fts, index_for(db, sure)[1], held,
                   lambda: _rows_clause("f.rowid", (*held, _count(db, held, FEW_CANDIDATES), None), LOOKED_UP),
                   clauses, params)


def _kept(db: sqlite_utils.Database, ranked: list[tuple[int, float | None]], checks: list[Check]) -> list:
    kept = passing(db, "documents", [rowid for rowid, _ in ranked], checks)
    return [hit for hit in ranked if hit[0] in kept]


def count_checked(db: sqlite_utils.Database, table: str, fts: str, clauses: list[str], params: list,
                  checks: list[Check]) -> int:
    """How many matches of `fts` under the filters hold the checks' phrases (the needles told by SQLite first). The
    matches of a TreeCheck's `sure` query, when it is the only check, are counted by the index alone: they pass
    (`US OR minister`: 94,000 ids handed to Python and asked of the index again, 190 ms; 20 ms)."""
    sources = "LEFT JOIN sources s ON s.id = d.source_id" if clauses else ""
    joins = f"JOIN documents d ON d.id = {table}.rowid {sources}"
    where = "".join(" AND " + clause for clause in clauses)
    sure = checks[0].sure if len(checks) == 1 and isinstance(checks[0], TreeCheck) else None
    if checks and sure is None and (matches := _rare(db, table, fts, LOOKED_UP)) is not None:
        # few matches (`title:Kashmir US`, none): the rows are those, each told from the acronyms table by its key
        if not matches:
            return 0
        ids = [row[0] for row in db.execute(
            f"SELECT d.id FROM documents d {sources} WHERE d.id IN ({', '.join('?' for _ in matches)}){where}"
            f"{needles_sql(checks, 'd.', True)}", [*matches, *params, *needles(checks)])]
        return len(passing(db, "documents", ids, checks))
    counted, rest, values = 0, "", []
    if sure is not None:
        sure = index_for(db, sure)[1]
        counted = db.execute(f"SELECT count(*) FROM {table} {joins if clauses else ''} WHERE {table} MATCH ?{where}",
                             [sure, *params]).fetchone()[0]
        # on the index's rowid: told before the document's row is read
        rest, values = f" AND {table}.rowid NOT IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", [sure]
    each = False
    if (few := _candidates(db, checks, outside_sure=bool(rest))) is not None \
            and (each := not rest and _fewer_matches(db, table, fts, few[2], LOOKED_UP)):
        few = None
    if few is not None:
        rest, values = f"{rest} AND {_rows_clause(f'{table}.rowid', few, LOOKED_UP)}", [*values, *few[1]]
    needed = _needing(checks, few)
    statement = f"FROM {table} {joins} WHERE {table} MATCH ?{rest}{where}{needles_sql(needed, 'd.', each)}"
    values = [fts, *values, *params, *needles(needed)]
    if _settled(checks, db):  # the clauses tell every row: counted by SQLite (`US` in 25,000 documents: 1.0 s, 10 ms)
        return counted + db.execute(f"SELECT count(*) {statement}", values).fetchone()[0]
    ids = [row[0] for row in db.execute(f"SELECT d.id {statement}", values)]
    return counted + len(passing(db, "documents", ids, checks))


def _settled(checks: list[Check], db: sqlite_utils.Database) -> bool:
    """Whether the needle clauses and candidates of the checks pass exactly the rows that pass the checks: each is
    told by the acronyms table (WHO, -WHO; not WHO's), and the table has read every document."""
    from briefarc.store.acronyms import any_unread

    return bool(checks) and all(isinstance(check, TextCheck) and check.settled and check.acronym for check in checks) \
        and not any_unread(db)


def _rare(db: sqlite_utils.Database, table: str, fts: str, most: int) -> list[int] | None:
    """The matches of `fts` in the index `table` when it has `most` or fewer, else None (walked no further)."""
    rows = [row[0] for row in db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT ?", [fts, most + 1])]
    return rows if len(rows) <= most else None


def _fewer_matches(db: sqlite_utils.Database, table: str, fts: str, candidates: int, looked_up: int) -> bool:
    """Whether the index `table` has fewer matches of `fts` than there are `candidates` (past `looked_up`, which
    are looked up in the index): then its matches are the rarer side, each told from the acronyms table by its key
    (`title:Kashmir US`: no match, and a set of the 25,000 documents holding US built for each statement). Walked as
    far as `candidates`: a match walked and asked of the table by key costs less than a candidate put in the set
    (`US OR Blinken`, 36,000 matches and 39,000 candidates: a page in 32 ms, 47 ms walking an eighth as far)."""
    return candidates > looked_up and _count(db, (f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [fts]),
                                             candidates) < candidates


def _needing(checks: list[Check], few: tuple[str, list, int, Check | None] | None) -> list[Check]:
    """The checks whose needle clauses tell more than the candidates `few`: not the acronym whose rows (and the
    unread ones) they are, whose clause asks for the same rows (another set of 25,000 built for each statement)."""
    return [check for check in checks if few is None or check is not few[3]]


# The candidates of _candidates: past LOOKED_UP of them, the index's matches are walked and each is told from the set
# (a lookup in a set: cheap), else each candidate is looked up in the index (a seek in each word's doclist, 50-70 µs
# on 100,000 documents); LOOKED_UP_AND_SCORED when bm25 is computed for each (about 1 ms a row looked up: FTS5 works
# out its IDFs again for each). Past FEW_CANDIDATES, the set is not made (most documents hold US).
LOOKED_UP = 300
LOOKED_UP_AND_SCORED = 10
FEW_CANDIDATES = 50_000


def _candidates(db: sqlite_utils.Database, checks: list[Check], outside_sure: bool,
                table: str | None = None) -> tuple[str, list, int, Check | None] | None:
    """SQL of the rows that alone may pass the checks, from the acronyms table, and how many (FEW_CANDIDATES at
    most), so that the index's matches are told from them before their documents' rows are read (`IT OR Blinken`:
    100,000 matches of "it" joined to their rows and passed over with the needles, 75 ms). `outside_sure`: the rows
    asked for are not matches of the TreeCheck's `sure` query; else, given the index `table`, those matches are among
    the rows (`IT OR Zanzibarxq`). Every row the checks' needle clauses pass is among them."""
    from briefarc.store.acronyms import candidates_sql

    for check in checks:
        found = None
        if isinstance(check, TextCheck) and check.acronym and check.present:
            found = candidates_sql([(check.acronym, check.columns)])
        elif isinstance(check, TreeCheck) and (outside_sure or check.sure is None):
            found = check.candidates()
        elif isinstance(check, TreeCheck) and table is not None and (held := check.candidates()) is not None:
            sure = f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [index_for(db, check.sure or "")[1]]
            if _count(db, sure, FEW_CANDIDATES) <= FEW_CANDIDATES:  # apart: a union of 94,000 ministers cost 7 ms
                found = f"{held[0]} UNION {sure[0]}", [*held[1], *sure[1]]
        if found is not None and (size := _count(db, found, FEW_CANDIDATES)) <= FEW_CANDIDATES:
            alone = isinstance(check, TextCheck) and check.settled  # its needle clause asks for the same rows
            return found[0], found[1], size, check if alone else None
    return None


def _count(db: sqlite_utils.Database, rows: tuple[str, list], most: int) -> int:
    """How many rows the statement gives, read no further than `most` + 1, counted twice where its parts (a UNION)
    give both: a bound, with no set built to drop the second (5 ms of 25,000 rows)."""
    return db.execute(f"SELECT count(*) FROM ({rows[0].replace(' UNION ', ' UNION ALL ')} LIMIT ?)",
                      [*rows[1], most + 1]).fetchone()[0]


def _rows_clause(rowid: str, few: tuple[str, list, int, Check | None], looked_up: int) -> str:
    """SQL: the index's `rowid` is among the candidates `few`, looked up in the index when they are `looked_up` or
    fewer, else each match walked told from their set (`+`: SQLite leaves the constraint out of FTS5's plan)."""
    return f"{'' if few[2] <= looked_up else '+'}{rowid} IN ({few[0]})"


def _with_documents(db: sqlite_utils.Database, ranked: list[tuple[int, float | None]]) -> list[dict]:
    """The hits' rows, in the order given."""
    if not ranked:
        return []
    marks = ", ".join("?" for _ in ranked)
    rows = db.execute(
        f"""SELECT {HIT_COLUMNS} FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.id IN ({marks})""",
        [rowid for rowid, _ in ranked],
    ).fetchall()
    by_id = {row[0]: dict(zip(HIT_KEYS, row, strict=True)) for row in rows}
    return [{**by_id[rowid], "rank": score} for rowid, score in ranked if rowid in by_id]


def _add_snippets(db: sqlite_utils.Database, table: str, fts: str, hits: list[dict],
                  typed: str = "", exact: list[re.Pattern] | None = None) -> None:
    """Snippets for the page of hits: FTS5's, in one statement, except for a query with CJK words or words found as
    written (`exact`: WHO, whose window FTS5 would place at a "who"), a page with CJK text or one of more than
    HUGE_TEXT characters, whose snippets are cut from the text (store/snippets.py)."""
    if not hits:
        return
    cut = hits if has_cjk(typed) or exact else _cut_from_text(db, hits)
    if cut:
        from briefarc.store.snippets import text_snippets

        text_snippets(db, typed, cut, exact)
    done = {hit["id"] for hit in cut}
    _fts_snippets(db, table, fts, [hit for hit in hits if hit["id"] not in done])


def _cut_from_text(db: sqlite_utils.Database, hits: list[dict]) -> list[dict]:
    """The hits whose text is longer than HUGE_TEXT characters or holds CJK text (CUT_FROM_TEXT_SQL)."""
    ids = [hit["id"] for hit in hits]
    marks = ", ".join("?" for _ in ids)
    cut = {row[0] for row in db.execute(CUT_FROM_TEXT_SQL.format(marks=marks), [*ids, HUGE_TEXT])}
    return [hit for hit in hits if hit["id"] in cut]


def _fts_snippets(db: sqlite_utils.Database, table: str, fts: str, hits: list[dict]) -> None:
    """FTS5's snippets for the hits, in one statement.

    FTS5 answers `rowid IN (...)` with one lookup per id: a seek in each word's doclist, but for a
    prefix a merge of the doclists of every word it covers, each time. With a prefix, or when the
    page's rowids are close together (the newest matches of a common word), one pass over their range
    reads them once (`+rowid` keeps the list from FTS5); else the lookups cost less than a walk past
    thousands of matches. snippet() runs only for the page's own rows, twice only for a row whose
    text holds a marker character.
    """
    if not hits:
        return
    ids = [hit["id"] for hit in hits]
    marks = ", ".join("?" for _ in ids)
    probed = [row[0] for row in db.execute(MARKED_TEXT_SQL.format(marks=marks), [*ids, *sorted(DROPPED)])]
    columns = SNIPPETS_SQL.format(table=table, marks=marks, probed=", ".join("?" for _ in probed))
    if PREFIX.search(fts) or max(ids) - min(ids) < WALK_SPAN:  # one pass over the range
        where, found = f"rowid BETWEEN ? AND ? AND +rowid IN ({marks})", [min(ids), max(ids), *ids]
    else:  # one lookup per id: a seek in each word's doclist
        where, found = f"rowid IN ({marks})", ids
    rows = db.execute(
        f"SELECT rowid, {columns} FROM {table} WHERE {table} MATCH ? AND {where}",
        [*ids, SNIPPET_OPEN, SNIPPET_CLOSE, *probed, PROBE_OPEN, PROBE_CLOSE, fts, *found],
    ).fetchall()
    snippets = {rowid: first or "" if second is None else marked_snippet(first, second)
                for rowid, first, second in rows}
    for hit in hits:
        hit["snippet"] = snippets.get(hit["id"], "")


def marked_snippet(first: str | None, second: str | None) -> str:
    """One snippet from the two FTS5 made with different markers: where they differ is a marker it
    put in; the same character in both is the page's text, kept unless it could pass for a marker."""
    first, second = first or "", second or ""
    if len(first) != len(second):  # not expected; without highlights rather than with doubtful ones
        return "".join(char for char in first if char not in DROPPED)
    return "".join(a for a, b in zip(first, second, strict=True) if a != b or a not in DROPPED)


def plain_snippet(snippet: str | None) -> str:
    """The snippet's exact text, markers taken out: what a hit's `highlights` offsets point into."""
    return (snippet or "").replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


def highlights(snippet: str) -> list[list[int]]:
    """[start, end] of each marked match, as offsets into the snippet with its markers taken out."""
    spans: list[list[int]] = []
    start = None
    for markers, marker in enumerate(MARKERS.finditer(snippet)):  # the markers before this one: `markers`
        if marker[0] == SNIPPET_OPEN:
            start = marker.start() - markers
        else:
            if start is not None:
                spans.append([start, marker.start() - markers])
            start = None
    return spans


@translated
def list_documents(
    db: sqlite_utils.Database, filters: Filters | None = None, *, sort: str = "date",
    limit: int = 20, offset: int = 0,
) -> list[dict]:
    """Documents newest first (by publication date, then time: store/published.py), with the same filters as
    search."""
    _check_sort(sort, ("date", "archived"))
    clauses, params = (filters or Filters()).where()
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    order = "d.id DESC" if sort == "archived" else NEWEST_FIRST
    rows = db.execute(
        f"""SELECT {HIT_COLUMNS} FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            {where} ORDER BY {order} LIMIT ? OFFSET ?""",
        [*params, limit, offset],
    ).fetchall()
    return [dict(zip(HIT_KEYS, row, strict=True)) for row in rows]


def _check_sort(sort: str, allowed: tuple[str, ...] = ("rank", "date")) -> None:
    if sort not in allowed:
        raise UsageError(f"Unknown sort {sort!r}: use {' or '.join(allowed)}.")
