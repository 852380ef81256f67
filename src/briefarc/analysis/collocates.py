"""Collocates: the words found near a term more often than chance, by log-likelihood or PMI.

The counts are made in the documents that contain the term (newest first, up to `max_documents`):
for each word, how often it falls within `window` tokens of the term, against how often it occurs
in those documents at all. Chinese is counted in words (analysis/segment.py); the rest of a Chinese word
that holds the term (当局 of 台湾当局) counts as near it.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import islice
from typing import TYPE_CHECKING

from briefarc.analysis.association import MEASURES, log_likelihood, pmi
from briefarc.analysis.matching import fold_accented, matching_documents, parse_term, rows_of, units
from briefarc.analysis.segment import words
from briefarc.analysis.tokens import Sample, as_words, is_cjk_token, script_totals, spans, worth_counting
from briefarc.errors import UsageError
from briefarc.store.db import translated
from briefarc.store.search import Filters

if TYPE_CHECKING:
    import sqlite_utils


@translated
def collocates(
    db: sqlite_utils.Database, term: str, filters: Filters | None = None, *, window: int = 5, measure: str = "ll",
    limit: int = 20, min_count: int = 2, max_documents: int = 2000,
) -> list[dict]:
    """The words most associated with `term`: word, near (count within the window), total, score."""
    measure = measure.strip().lower()
    if measure not in MEASURES:
        raise UsageError(f"--measure takes {' or '.join(MEASURES)}, not {measure!r}.")
    parsed = parse_term(term, several=False)
    ids = [doc_id for doc_id, _ in islice(matching_documents(db, parsed, filters), max_documents)]
    near: Counter = Counter()
    overall: Counter = Counter()
    rest: Counter = Counter()
    sample = Sample()
    for body, turns in rows_of(db, "body, turns", ids, size=200):
        for _, text in units(body, json.loads(turns) if turns else []):
            flat = " ".join(text.split())
            _count_text(flat, parsed.pattern, window, near, overall, rest)
            sample.keep(flat)
    for word, count in rest.items():  # a word of its own elsewhere: 务院 of 美国务院 (美 国务院) is none
        if overall[word]:
            near[word] += count
            overall[word] += count
    fold_accented(overall, near)
    rows = _scored(near, overall, measure, min_count)
    rows.sort(key=lambda row: (-row["score"], -row["near"], row["word"]))
    return as_words(rows, limit, sample)


@translated
def occurs(db: sqlite_utils.Database, term: str, filters: Filters | None = None) -> bool:
    """Whether any document under the filters holds `term`: with none, no collocates is no rarity of the term."""
    return next(matching_documents(db, parse_term(term, several=False), filters), None) is not None


def _scored(near: Counter, overall: Counter, measure: str, min_count: int) -> list[dict]:
    """The words near the term more often than chance, scored against the words of their own script (Chinese
    words apart from others, as keywords weighs them): how Chinese is cut leaves English scores as they are."""
    totals, windows = script_totals(overall), script_totals(near)
    rows = []
    for word, count in near.items():
        total, in_windows = totals[is_cjk_token(word)], windows[is_cjk_token(word)]
        if count < min_count or count * total <= overall[word] * in_windows:  # no more often than chance
            continue
        score = (pmi(count, in_windows, overall[word], total) if measure == "pmi" else
                 log_likelihood(count, in_windows - count, overall[word] - count,
                                total - in_windows - overall[word] + count))
        rows.append({"word": word, "near": count, "total": overall[word], "score": round(score, 2)})
    return rows


def _count_text(text: str, pattern, window: int, near: Counter, overall: Counter, rest: Counter) -> None:
    """Add the text's words to `overall`, those within `window` tokens of a match to `near`, and the words of
    a Chinese word beside the term inside it (_rest) to `rest`."""
    units = list(spans(text))
    overall.update(token for token, _, _ in units if worth_counting(token))
    starts, ends = [start for _, start, _ in units], [end for _, _, end in units]  # both in order
    nearby: set[int] = set()  # each token once, however many matches it is near
    covered: set[int] = set()
    rests: dict[int, list[str]] = {}
    for match in pattern.finditer(text):  # the tokens a match overlaps: bisected, not a scan of every token
        first, last = bisect_right(ends, match.start()), bisect_left(starts, match.end())
        if first < last:
            covered.update(range(first, last))
            nearby.update(range(max(0, first - window), min(len(units), last + window)))
            for index in {first, last - 1}:
                rests[index] = _rest(units[index], match.start(), match.end())
    near.update(units[i][0] for i in nearby - covered if worth_counting(units[i][0]))
    for found in rests.values():  # 台湾当局 is one word: near 台湾, 当局 is
        rest.update(found)


def _rest(unit: tuple[str, int, int], start: int, end: int) -> list[str]:
    """The words of a Chinese word that begins or ends with the term, after or before it: 当局 of 台湾当局 for
    台湾, 政府 of 中国政府 for 中国. None for a word the term covers whole, one it covers less than two
    characters of (美国务卿 is 美 国务卿: 美国 ends inside 国务卿), one it stands inside (发展中国家) and
    another script's."""
    token, token_start, token_end = unit
    head, tail = max(start, token_start) - token_start, min(end, token_end) - token_start
    if not is_cjk_token(token) or tail - head < 2 or (head and tail < len(token)) or (not head and tail == len(token)):
        return []
    return [word for word in words(token[:head] or token[tail:]) if worth_counting(word)]
