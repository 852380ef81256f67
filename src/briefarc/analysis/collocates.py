"""Collocates: the words found near a term more often than chance, by log-likelihood or PMI.

The counts are made in the documents that contain the term (newest first, up to `max_documents`):
for each word, how often it falls within `window` tokens of the term, against how often it occurs
in those documents at all. Chinese is counted in character bigrams (analysis/tokens.py).
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import islice
from typing import TYPE_CHECKING

from briefarc.analysis.association import MEASURES, log_likelihood, pmi
from briefarc.analysis.matching import fold_accented, matching_documents, parse_term, rows_of, units
from briefarc.analysis.tokens import Sample, as_words, spans, worth_counting
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
    parsed = parse_term(term)
    ids = [doc_id for doc_id, _ in islice(matching_documents(db, parsed, filters), max_documents)]
    near: Counter = Counter()
    overall: Counter = Counter()
    sample = Sample()
    for body, turns in rows_of(db, "body, turns", ids, size=200):
        for _, text in units(body, json.loads(turns) if turns else []):
            flat = " ".join(text.split())
            _count_text(flat, parsed.pattern, window, near, overall)
            sample.keep(flat)
    fold_accented(overall, near)
    total, in_windows = sum(overall.values()), sum(near.values())
    rows = []
    for word, count in near.items():
        if count < min_count or count * total <= overall[word] * in_windows:  # no more often than chance
            continue
        score = (pmi(count, in_windows, overall[word], total) if measure == "pmi" else
                 log_likelihood(count, in_windows - count, overall[word] - count,
                                total - in_windows - overall[word] + count))
        rows.append({"word": word, "near": count, "total": overall[word], "score": round(score, 2)})
    rows.sort(key=lambda row: (-row["score"], -row["near"], row["word"]))
    return as_words(rows, limit, sample)


def _count_text(text: str, pattern, window: int, near: Counter, overall: Counter) -> None:
    """Add the text's words to `overall`, and those within `window` tokens of a match to `near`."""
    units = list(spans(text))
    overall.update(token for token, _, _ in units if worth_counting(token))
    starts, ends = [start for _, start, _ in units], [end for _, _, end in units]  # both in order
    nearby: set[int] = set()  # each token once, however many matches it is near
    covered: set[int] = set()
    for match in pattern.finditer(text):  # the tokens a match overlaps: bisected, not a scan of every token
        first, last = bisect_right(ends, match.start()), bisect_left(starts, match.end())
        if first < last:
            covered.update(range(first, last))
            nearby.update(range(max(0, first - window), min(len(units), last + window)))
    near.update(units[i][0] for i in nearby - covered if worth_counting(units[i][0]))
