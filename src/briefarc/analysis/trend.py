"""Terms over time: per period, how many documents mention each term and how often, raw and per 100 documents.

Document counts come from the full-text index, and so do mentions: an fts5vocab table lists each
token's positions, so a phrase is its tokens at consecutive positions (a CJK word, its character pairs
in cjk_body: store/cjk.py). A phrase mixing CJK and other words, or a table that cannot be made: the
matching documents' text is scanned with kwic's pattern; so is text holding CJK characters for a word of
another script (the index reads "G20峰会" as one word, where the word G20 stands). A document whose turns
have a speaker whose name holds the term is counted in its turns' text, as kwic reads it: a label the body
writes ("耿爽：") is no mention, the name said in an answer ("耿爽表示") is one.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from briefarc.analysis.matching import (
    TOKEN,
    Term,
    index_form,
    matching_ids,
    parse_term,
    rows_of,
    source_join,
    where_sql,
)
from briefarc.analysis.periods import check_period, period_of, periods_between
from briefarc.store import cjk
from briefarc.store.db import translated
from briefarc.store.query import narrow
from briefarc.store.search import PRIMARY_SUBTAG_SQL, Filters
from briefarc.store.text import has_cjk

if TYPE_CHECKING:
    import sqlite_utils

VOCAB = "temp.briefarc_instances"
DAY_GLOB = "[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]"


@translated
def trend(
    db: sqlite_utils.Database, terms: list[str], filters: Filters | None = None, *, by: str = "month",
) -> list[dict]:
    """One row per period and term: period, documents (all, under the filters), term, its documents and mentions,
    and both per 100 documents of the period."""
    by = check_period(by)
    parsed = [parse_term(term) for term in terms]
    day_of = _dated(db, filters)
    if not day_of:
        return []
    per_day = Counter(day_of.values())
    period = {day: period_of(day, by) for day in per_day}
    totals: Counter = Counter()
    for day, count in per_day.items():
        totals[period[day]] += count
    labels = periods_between(*_span(min(period), max(period), filters), by)
    counts = [_term_counts(db, term, day_of, period) for term in parsed]
    rows = []
    for label in labels:
        total = totals.get(label, 0)
        for term, (documents, mentions) in zip(parsed, counts, strict=True):
            rows.append({
                "period": label, "documents": total, "term": term.text, "term_documents": documents[label],
                "mentions": mentions[label],
                # a period without documents has no rate (None), not a rate of zero
                "per_100": round(100 * documents[label] / total, 2) if total else None,
                "mentions_per_100": round(100 * mentions[label] / total, 2) if total else None,
            })
    return rows


def _span(first: str, last: str, filters: Filters | None) -> tuple[str, str]:
    """The days whose periods the rows run between: --since and --until where given, so that series asked for the
    same dates line up (`--since 2014` started at the first period with a document, 2016), an --until after today
    stopping at today's period (later ones cannot hold a document yet), or at a document dated later; the
    documents' first and last days else."""
    since, until = (filters.since, filters.until) if filters else (None, None)
    if until:
        last = max(min(until, date.today().isoformat()), last)
    return since or first, last


def notes(db: sqlite_utils.Database, terms: list[str], filters: Filters | None, *, counted: bool) -> list[str]:
    """What a reader of the counts must know: that the rates mix languages (for terms of one script, without
    --lang), and how many documents holding the terms no period counts for want of a date."""
    found: list[str] = []
    scripts = {has_cjk(term) for term in terms}  # Taiwan beside 台湾 compares languages: every document counts
    spoken = languages(db, filters) if counted and not (filters and filters.language) and len(scripts) == 1 else []
    if len(spoken) > 1:  # an English word's rate among Chinese pages too reads as a fall that is not there
        cjk = scripts.pop()
        lang = next((lang for lang, _ in spoken if (lang in ("zh", "ja", "ko")) == cjk), spoken[0][0])
        counts = ", ".join(f"{count:,} {name}" for name, count in spoken)
        found.append(f"Rates are per 100 documents of every language ({counts}): --lang {lang} gives them per 100 "
                     f"documents in {lang}.")
    if left_out := undated(db, terms, filters):  # kwic and search show them: say why trend does not
        several = left_out != 1
        found.append(f"Not counted: {left_out:,} document{'s' * several} with the term{'s' * (len(terms) > 1)} but "
                     f"no date of publication (no period holds {'them' if several else 'it'}).")
    return found


@translated
def undated(db: sqlite_utils.Database, terms: list[str], filters: Filters | None = None) -> int:
    """How many documents under the filters hold a term but have no full date: no period can count them."""
    where, params = where_sql(filters)
    ids = {row[0] for row in db.execute(
        f"""SELECT d.id FROM documents d {source_join(filters)}
            WHERE NOT coalesce(d.published_date GLOB '{DAY_GLOB}', 0) {where}""", params)}
    found: set[int] = set()
    for term in terms if ids else []:
        found |= matching_ids(db, parse_term(term)) & ids
    return len(found)


@translated
def languages(db: sqlite_utils.Database, filters: Filters | None = None) -> list[tuple[str, int]]:
    """The languages of the dated documents under the filters, the most frequent first, with their counts."""
    where, params = where_sql(filters)
    return db.execute(
        f"""SELECT {PRIMARY_SUBTAG_SQL} AS lang, count(*) FROM documents d {source_join(filters)}
            WHERE d.published_date GLOB '{DAY_GLOB}' AND d.language IS NOT NULL {where}
            GROUP BY lang ORDER BY count(*) DESC, lang""", params).fetchall()


def _dated(db, filters: Filters | None) -> dict[int, str]:
    """The date of every document under the filters that has a full date: one scan of the date index."""
    where, params = where_sql(filters)
    return dict(db.execute(
        f"""SELECT d.id, d.published_date FROM documents d {source_join(filters)}
            WHERE d.published_date GLOB '{DAY_GLOB}' {where}""", params
    ).fetchall())


def _term_counts(db, term: Term, day_of: dict[int, str], period: dict[str, str]) -> tuple[Counter, Counter]:
    """(documents, mentions) per period for one term."""
    found = [doc_id for doc_id in matching_ids(db, term) if doc_id in day_of]
    documents = Counter(period[day_of[doc_id]] for doc_id in found)
    per_document = _indexed_mentions(db, term, found)
    if per_document is None:
        per_document = _scanned_mentions(db, term, found)
    elif not has_cjk(term.text):  # the index holds "G20峰会" as one word: text with CJK is read for the word G20
        per_document.update(_scanned_mentions(db, term, found, "AND cjk_body IS NOT NULL"))
    in_labels = _label_mentions(db, term, found)
    if in_labels:  # what was said, not who said it: "MR PRICE:" before an answer is not a mention of Price
        per_document.update(_turn_mentions(db, term, list(in_labels)))
        titled = _title_matches(db, term, [doc_id for doc_id in in_labels if not per_document[doc_id]])
        unsaid = {doc_id for doc_id in in_labels if not per_document[doc_id]} - titled
        documents = Counter(period[day_of[doc_id]] for doc_id in found if doc_id not in unsaid)
    mentions: Counter = Counter()
    for doc_id, count in per_document.items():
        if doc_id in day_of:
            mentions[period[day_of[doc_id]]] += count
    return documents, mentions


def _indexed_mentions(db, term: Term, found: list[int]) -> dict[int, int] | None:
    """Mentions per document from the index's own list of token positions (an fts5vocab instance table): a
    phrase is its tokens at consecutive positions, a prefix* any token that starts so. None if unavailable."""
    tokens, prefix, column = _indexed_tokens(term)
    if term.exact_case:  # the index knows no case: WHO's mentions are read in the text, apart from who's
        return None
    if not tokens or not found:
        return None if not tokens else {}
    try:
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB} USING fts5vocab('main', 'documents_fts', 'instance')")
    except sqlite3.OperationalError:
        return None
    parts, params = [], []
    for index, token in enumerate(tokens):
        if prefix and index == len(tokens) - 1:
            parts.append(f"t{index} AS MATERIALIZED (SELECT doc, offset FROM {VOCAB} WHERE term >= ? AND term < ? "
                         "AND col = ?)")
            params += [token, token + "\U0010ffff", column]
        else:
            parts.append(f"t{index} AS MATERIALIZED (SELECT doc, offset FROM {VOCAB} WHERE term = ? AND col = ?)")
            params += [token, column]
    joins = "".join(f" JOIN t{i} ON t{i}.doc = t0.doc AND t{i}.offset = t0.offset + {i}" for i in range(1, len(tokens)))
    rows = db.execute(f"WITH {', '.join(parts)} SELECT t0.doc, count(*) FROM t0{joins} GROUP BY t0.doc", params)
    return dict(rows.fetchall())


def _turn_mentions(db, term: Term, ids: list[int]) -> dict[int, int]:
    """Per document, the term's occurrences in the text of its turns, as kwic finds them: not in the speaker
    labels the body writes ("耿爽：", "MR PRICE:"), and in a name said in an answer ("耿爽表示，") all the same."""
    counts: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for doc_id, turns in db.execute(f"SELECT id, turns FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
                                        chunk):
            texts = [turn.get("text") or "" for turn in json.loads(turns)] if turns else []
            counts[doc_id] = sum(len(term.pattern.findall(" ".join(text.split()))) for text in texts)
    return counts


def _label_mentions(db, term: Term, found: list[int]) -> dict[int, int]:
    """Per document, the term's occurrences in the speaker labels of its turns (which the body holds too)."""
    labels = {label: len(term.pattern.findall(label)) for (label,) in
              db.execute("SELECT DISTINCT speaker FROM turns WHERE speaker IS NOT NULL") if term.pattern.search(label)}
    if not labels or not found:
        return {}
    wanted = set(found)
    counts: Counter = Counter()
    rows = db.execute(f"SELECT document_id, speaker, count(*) FROM turns WHERE speaker IN "
                      f"({', '.join('?' * len(labels))}) GROUP BY document_id, speaker", list(labels))
    for doc_id, label, turns in rows:
        if doc_id in wanted:
            counts[doc_id] += turns * labels[label]
    return counts


def _title_matches(db, term: Term, ids: list[int]) -> set[int]:
    """Those of `ids` whose title or subtitle holds the term."""
    rows = db.execute(f"SELECT id, coalesce(title, '') || ' ' || coalesce(subtitle, '') FROM documents "
                      f"WHERE id IN ({', '.join('?' * len(ids))})", ids) if ids else []
    return {doc_id for doc_id, heading in rows if term.pattern.search(" ".join(heading.split()))}


def _indexed_tokens(term: Term) -> tuple[list[str], bool, str]:
    """The index tokens of a term's mentions in the body, whether the last is a prefix, and their column:
    no tokens for a phrase mixing CJK and other words (its words are in two columns)."""
    text = term.text.strip().strip('"')
    star = text.endswith("*")
    text = text.rstrip("*")
    if not has_cjk(text):
        return [token.lower() for token in TOKEN.findall(index_form(narrow(text)))], star, "body"
    if cjk.other_words(text):
        return [], False, "cjk_body"
    tokens, prefix = cjk.phrase_tokens(text, star)
    return [index_form(token).lower() for token in tokens], prefix, "cjk_body"


def _scanned_mentions(db, term: Term, ids: list[int], condition: str = "") -> dict[int, int]:
    """Mentions per document counted in the body text, a page of documents at a time (`condition`: which)."""
    return {doc_id: sum(1 for _ in term.pattern.finditer(" ".join((body or "").split())))
            for doc_id, body in rows_of(db, "id, body", ids, condition)}
