"""Best first without scoring every match: bm25 over a bounded set of candidates.

FTS5's bm25 costs 1-2 microseconds a match, more for a word that occurs often in each document: a
word found in most of 100,000 documents takes 150-300 ms to rank in full, and raw FTS5 is no faster
(`ORDER BY rank` runs the same bm25 over every match, then sorts: slower still). Counting matches
is cheap (FTS5 walks the rowids without positions), so a count decides:

- up to SCORE_ALL_UP_TO matches, every one is scored: the exact bm25 order;
- past that, the candidates are the query's title matches (a title match weighs ten times a body
  match, so they lead bm25's order) and, unless they fill the page, the newest CANDIDATES matches,
  each with its exact bm25, and the page is the best of them. The title matches are taken for the
  query's informative words only: a word found in more than half of the documents has an IDF FTS5
  clamps to 1e-6, so it moves no score (`the Pakistan` ranks as `Pakistan` does). For a word found
  in most documents bm25 barely separates the documents (the 20th best and the 1,000th differ by
  0.2%), so the newest of them are as good an answer as any: for a query of such words alone (`the`,
  `s*`: nearly every title holds a word starting with s) the newest COMMON_CANDIDATES title matches
  among the newest COMMON_REACH matches, and the newest matches, are ranked. `--exhaustive` gives
  the full ranking.

A query of either informative word (`a OR b`) past SCORE_ALL_UP_TO is ranked exactly when the
documents holding every word settle it: bm25 adds up a share for each word, each share below the
word's IDF times (k1 + 1), so a document lacking a word scores less than the other words' IDFs allow;
when the best documents holding all the words score more than that, they are the best of the query
(`Ukraine OR Russia`: 2,539 documents scored of 29,332). A phrase of several words or a NEAR is
counted by a word each match holds first (counting the phrase reads positions).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from briefarc.store.fts import TITLE_FILTER
from briefarc.store.published import NEWEST_FIRST

# bm25 weights for title, subtitle, body and their CJK terms (store/fts.py): a match in the title counts most.
WEIGHTS = (10.0, 4.0, 1.0, 10.0, 4.0, 1.0)
WEIGHT_ARGS = ", ".join(map(str, WEIGHTS))
SCORE_ALL_UP_TO = 15_000
CANDIDATES = 1000
# For a query of words all found in most documents (`the`, `s*`): the newest title matches scored, and the
# newest matches (bm25 barely tells them apart but by the title's weight).
COMMON_CANDIDATES = 250
TITLE_CANDIDATES = 10_000
# Their title matches are looked for among the newest COMMON_REACH matches only: telling a title match
# means reading a word's positions in each document, and a word in every document but few titles would
# have every document read (20-30 ms on 100,000 documents, 1-2 ms for 5,000).
COMMON_REACH = 5_000
# Whether a word is found in more than half of the documents is told from the newest SAMPLE documents:
# counting a word in 50,000 documents to be sure costs 5-8 ms, in 10,000 a fifth of that.
SAMPLE = 10_000
# "ab"*: a prefix of hundreds of words, not in the index (it holds those of one character, store/prefix_index.py)
SHORT_PREFIX = re.compile(r'(?<![^\s(])"[^"]{2}"\*')
PHRASE = r'"(?:[^"]|"")*"\*?'
PLAIN_AND = re.compile(rf'^\s*{PHRASE}(?:\s+(?:AND\s+)?{PHRASE})*\s*$')  # "a" "b" AND "c": no OR, NOT, NEAR, ()
# "tariff"*: a prefix of words whose lists FTS5 merges for each statement (one character: the prefix index)
ONE_PREFIX = re.compile(r'^\s*"(?:[^"]|""){2,}"\*\s*$')
PLAIN_OR = re.compile(rf'^\s*{PHRASE}(?:\s+OR\s+{PHRASE})*\s*$')  # "a" OR "b": any of them
# The first word of the query's first phrase (before any other character than a letter or digit ends it), the
# phrase itself not a lone prefix: what stands before it can only be a NEAR, a column filter or a parenthesis.
FIRST_WORD = re.compile(r'^[^"]*?"(\w+)(?:[\s"](?!\*))')
FILTER_JOIN = "JOIN documents d ON d.id = f.rowid LEFT JOIN sources s ON s.id = d.source_id"
# FTS5's bm25 (fts5_aux.c): a word's share of a score is below its IDF times (K1 + 1).
K1 = 1.2

Ranked = list[tuple[int, float]]


def best_first(db, table: str, fts: str, clauses: list[str], params: list, wanted: int,
               newest_passing: Callable[[int], Ranked] | None = None) -> Ranked:
    """The `wanted` best matches by bm25 (rowid, score), scoring a bounded set past SCORE_ALL_UP_TO.

    A prefix of two characters is never counted (not in the index's prefix index, store/prefix_index.py,
    FTS5 would merge the doclists of every word it covers first): its newest matches are ranked.
    `newest_passing`: gives the newest matches passing the clauses, as many as asked, scored as `scored`
    would (store/newest_passing.py), when the caller has a cheaper way to them.
    """
    short_prefix = SHORT_PREFIX.search(fts) is not None
    total, recent = (0, None) if short_prefix else counts(db, table, fts)
    if not short_prefix and total <= SCORE_ALL_UP_TO:
        return scored(db, table, fts, clauses, params, order="score", limit=wanted)
    pool: dict[int, float] = {}
    candidates = CANDIDATES
    if " : " not in fts and not short_prefix:  # a query with its own column filters is ranked as it is
        rare = informative(db, table, fts, recent)
        if (best := holding_all(db, table, fts, clauses, params, wanted, rare)) is not None:
            return best
        if rare:
            pool.update(title_matches(db, table, fts, clauses, params, wanted, rare))
        else:
            candidates = COMMON_CANDIDATES
            pool.update(common_title_matches(db, table, fts, clauses, params, wanted))
    if len(pool) < wanted:  # title matches that fill the page lead bm25's order (weight 10 for a title)
        limit = max(candidates, 2 * wanted)
        pool.update(newest_passing(limit) if newest_passing
                    else scored(db, table, fts, clauses, params, order="rowid", limit=limit))
    return sorted(pool.items(), key=by_score)[:wanted]


def newest_first(db, table: str, fts: str, clauses: list[str], params: list, limit: int,
                 offset: int) -> list[tuple[int, float | None]]:
    """Newest published first, scoring nothing: the date index (day, time, id) is walked against the matches.

    For a query matching more than a fifth of the documents each document on the walk is looked up
    in the index (a few microseconds; few are walked before the page is full); for a rarer one the
    matches are read once into a set the walk checks (looking up each of thousands of documents
    walked past would cost more).
    """
    fifth = size(db, table) // 5
    common = not SHORT_PREFIX.search(fts) and count(db, table, fts, fifth + 1) > fifth
    matched = (f"EXISTS (SELECT 1 FROM {table} WHERE {table} MATCH ? AND rowid = d.id)" if common
               else f"d.id IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)")
    rows = db.execute(
        f"""SELECT d.id FROM documents d INDEXED BY documents_published
            LEFT JOIN sources s ON s.id = d.source_id
            WHERE {''.join(c + ' AND ' for c in clauses)} {matched}
            ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?""",
        [*params, fts, limit, offset],
    ).fetchall()
    return [(rowid, None) for (rowid,) in rows]


def scored(db, table: str, fts: str, clauses: list[str], params: list, *, order: str, limit: int,
           offset: int = 0) -> Ranked:
    """(rowid, bm25) of matches passing the filters: the best (order="score") or the newest ("rowid").

    Ordered by rowid, FTS5 hands the matches over newest first and stops at the limit, so bm25 is
    computed for `limit` rows only; ordered by score, for every match.
    """
    join = FILTER_JOIN if clauses else ""
    sort = "score, f.rowid DESC" if order == "score" else "f.rowid DESC"  # ties: the newest first
    rows = db.execute(
        f"""SELECT f.rowid, bm25({table}, {WEIGHT_ARGS}) AS score FROM {table} f {join}
            WHERE {table} MATCH ? {''.join(' AND ' + c for c in clauses)}
            ORDER BY {sort} LIMIT ? OFFSET ?""",
        [fts, *params, limit, offset],
    ).fetchall()
    return [(rowid, score) for rowid, score in rows]


def holding_all(db, table: str, fts: str, clauses: list[str], params: list, wanted: int,
                rare: list[str]) -> Ranked | None:
    """For `a OR b` of informative words (`rare`): the `wanted` best, exactly, when the documents holding
    every word settle them; else None.

    `a AND b` scores a document as `a OR b` does (the same words, in the same order, the same IDFs), and
    a document lacking a word scores less than the IDFs of the others times (k1 + 1): when the
    `wanted`-th best holding all the words scores more than that, no other document can come in. A
    word in most documents, or one whose IDF is a small share of the others', could never be spared
    that way: those documents are not scored for nothing.
    """
    words = re.findall(PHRASE, fts)
    if not PLAIN_OR.match(fts) or len(set(words)) < 2 or set(words) != set(rare):
        return None
    rows = indexed_rows(db, table)  # a word in more than half of them has the least IDF: counted no further
    most = {word: idf(rows, count(db, table, word, rows // 2 + 1)) * (K1 + 1) for word in dict.fromkeys(words)}
    if min(most.values()) * 20 < sum(most.values()):
        return None
    best = scored(db, table, " AND ".join(words), clauses, params, order="score", limit=wanted)
    without_one = max(sum(most[word] for word in words if word != lacking) for lacking in most)
    return best if len(best) == wanted and -best[-1][1] > without_one * (1 + 1e-9) else None


def idf(rows: int, matches: int) -> float:
    """FTS5's IDF of a word found in `matches` of `rows` documents (clamped to 1e-6 past half of them)."""
    value = math.log((rows - matches + 0.5) / (matches + 0.5))
    return value if value > 0 else 1e-6


def indexed_rows(db, table: str) -> int:
    """How many rows the index holds, as FTS5 tells it to bm25: the first varint of its averages record."""
    row = db.execute(f"SELECT block FROM {table}_data WHERE id = 1").fetchone()
    value = 0
    for byte in (row[0] if row else b"")[:8]:
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            break
    return value


def title_query(fts: str) -> str:
    """The query's matches with one of its words in their title: for `a OR b` a title with either word
    (the words read once), else the query AND one of its words in the title."""
    phrases = re.findall(PHRASE, fts)
    return in_title(phrases) if PLAIN_OR.match(fts) else f"( {fts} ) AND ( {in_title(phrases)} )"


def in_title(words: list[str]) -> str:
    """Documents with any of `words` in their title."""
    return f"{TITLE_FILTER} : ( {' OR '.join(dict.fromkeys(words))} )"


def title_matches(db, table: str, fts: str, clauses: list[str], params: list, wanted: int,
                  rare: list[str]) -> Ranked:
    """The best matches with a word of `rare` (the query's informative words) in their title, by their
    exact bm25: the walk keeps the query's matches among the newest TITLE_CANDIDATES documents with
    such a title (it reads the query's words; the title filter reads the rare ones alone: `minister
    Pakistan` walks Pakistan-in-the-title, not minister a second time, a walk of 94% of the documents).

    A prefix is looked for in the titles by the walk alone: asking first whether any title holds it
    would merge the lists of every word it covers once more (2-3 ms for tariff* on 100,000 documents).
    """
    titled = in_title(rare)
    if "\"*" not in fts and db.execute(f"SELECT 0 FROM {table} WHERE {table} MATCH ? LIMIT 1",
                                      [titled]).fetchone() is None:
        return []  # no title holds the words (the walk would read every match for nothing)
    return walked_titles(db, table, fts, clauses, params, wanted, titled)


def walked_titles(db, table: str, fts: str, clauses: list[str], params: list, wanted: int, titled: str,
                  walked: int = TITLE_CANDIDATES, lowest: int = 0, since: int = 0) -> Ranked:
    """The best of the query's matches among the newest `walked` matches of `titled` (documents with a
    word of the query in their title) from rowid `since` on, by their exact bm25.

    One pass over the matches from `lowest` (the oldest of those title matches, or before) on: the
    rowids are walked (cheap), and bm25 is computed only for the title matches; `+rowid` keeps the
    list from FTS5, which would otherwise look each rowid up and score it apart.
    """
    join = FILTER_JOIN if clauses else ""
    return db.execute(
        f"""SELECT f.rowid, bm25({table}, {WEIGHT_ARGS}) AS score FROM {table} f {join}
            WHERE {table} MATCH ? AND f.rowid >= ? AND +f.rowid IN ({newest(table, since)})
            {''.join(' AND ' + c for c in clauses)}
            ORDER BY score, f.rowid DESC LIMIT ?""",
        [fts, lowest, titled, since, walked, *params, wanted],
    ).fetchall()


def common_title_matches(db, table: str, fts: str, clauses: list[str], params: list, wanted: int) -> Ranked:
    """For a query of words found in most documents: the best of the newest COMMON_CANDIDATES title
    matches among the newest COMMON_REACH matches."""
    titled, since = title_query(fts), reach(db, table, fts)
    lowest = db.execute(f"SELECT min(rowid) FROM ({newest(table, since)})",
                        [titled, since, COMMON_CANDIDATES]).fetchone()[0]
    if lowest is None:
        return []  # no title holds the words (the walk would read every match for nothing)
    return walked_titles(db, table, fts, clauses, params, wanted, titled, COMMON_CANDIDATES, lowest, since)


def newest(table: str, since: int) -> str:
    """The newest matches (as many as the second parameter says) from rowid `since` (the first) on.

    Past a bound, the walk runs up from it and the newest are sorted out: FTS5 would walk down from the
    newest, past the bound, to the oldest match."""
    return (f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid >= ? "
            f"ORDER BY {'+' if since else ''}rowid DESC LIMIT ?")


def counts(db, table: str, fts: str) -> tuple[int, int | None]:
    """How many documents match (counting no further than SCORE_ALL_UP_TO + 1, or the sample), or at most,
    and, for a query of one prefix, how many of the newest SAMPLE documents: FTS5 merges the lists of
    every word a prefix covers for each statement, so the sample is counted in the same walk, down
    from the newest.

    A query of several words is first bounded by the count of a word each match holds: a word is
    counted from its list of documents alone, while a phrase, NEAR or a second word has positions or
    another list read (`"humanitarian aid"` 4.4 ms, humanitarian 1.3 ms on 100,000 documents).
    """
    if not ONE_PREFIX.match(fts):
        word = required_word(fts)
        if word is not None and (at_most := count(db, table, word, SCORE_ALL_UP_TO + 1)) <= SCORE_ALL_UP_TO:
            return at_most, None
        return count(db, table, fts, SCORE_ALL_UP_TO + 1), None
    sampled, since = sample(db, table)
    return db.execute(f"""SELECT count(*), count(CASE WHEN rowid > ? THEN 1 END) FROM (
                          SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT ?)""",
                      [since, fts, max(SCORE_ALL_UP_TO, sampled) + 1]).fetchone()


def required_word(fts: str) -> str | None:
    """A word every match of `fts` holds, for a query with a phrase of several words or a NEAR (whose
    positions make its count dearer): the first word of its first phrase, unless the query has an OR
    (without one, the first phrase is never on the right of a NOT). Words alone are counted together:
    the list of a word in most documents would be walked for nothing (`foreign minister`)."""
    first = FIRST_WORD.match(fts)
    bare = re.sub(PHRASE, lambda phrase: " MANY " if " " in phrase[0] else " ONE ", fts)  # the operators left
    if first is None or re.search(r'\bOR\b', bare) or not re.search(r'\bMANY\b|NEAR\(', bare):
        return None
    return f'"{first[1]}"'


def informative(db, table: str, fts: str, recent: int | None = None) -> list[str]:
    """The query's words found in at most half of the documents; none when every one is found in more (their
    IDF is clamped to 1e-6: bm25 barely tells the documents apart but by the title's weight).

    Told from the newest SAMPLE documents (all of them in a smaller archive): a word near the half
    either way has an IDF near 0, and moves the scores little whichever way it is told. `recent`: the
    query's matches among them, when counted already.
    """
    sampled, since = sample(db, table)
    half = sampled // 2
    phrases = list(dict.fromkeys(re.findall(PHRASE, fts)))
    if recent is not None and phrases == [fts.strip()]:
        return phrases if recent <= half else []
    return [phrase for phrase in phrases if count(db, table, phrase, half + 1, since) <= half]


def sample(db, table: str) -> tuple[int, int]:
    """How many documents the sample holds, and the rowid it starts after (the newest SAMPLE rowids)."""
    top = size(db, table)
    since = max(0, top - SAMPLE)
    return top - since, since


def reach(db, table: str, fts: str) -> int:
    """The rowid of the COMMON_REACH-th newest match (0 when there are fewer)."""
    row = db.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                     [fts, COMMON_REACH - 1]).fetchone()
    return row[0] if row else 0


def size(db, table: str) -> int:
    """How many rows the index holds, about: the highest rowid it has a size for (rows are seldom deleted)."""
    return db.execute(f"SELECT max(id) FROM {table}_docsize").fetchone()[0] or 0


def count(db, table: str, fts: str, cap: int, since: int = 0) -> int:
    """How many documents after rowid `since` match, counting no further than `cap`."""
    after = " AND rowid > ?" if since else ""
    return db.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?{after} LIMIT ?)",
                      [fts, *([since] if since else []), cap]).fetchone()[0]


def by_score(hit: tuple[int, float]) -> tuple[float, int]:
    return hit[1], -hit[0]
