"""Keyness: the words over-represented in one part of the archive (a period, source or spokesperson)
against another, by log-likelihood, with their counts and frequencies per million words."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from briefarc.analysis.association import keyness
from briefarc.analysis.matching import fold_accented, rows_of, units, where_sql
from briefarc.analysis.tokens import Sample, TokenCounts, as_words, is_cjk_token, script_totals
from briefarc.errors import UsageError
from briefarc.store.db import translated
from briefarc.store.search import Filters

if TYPE_CHECKING:
    import sqlite_utils


def reference_filters(target: Filters, since: str | None, until: str | None, source: str | None,
                      spokesperson: str | None, site: str | None = None, host: str | None = None) -> Filters | None:
    """The part to compare with: the target's filters with the --vs-* values in their place (--vs-source
    gives a source, a site label or a host); None for "everything else"."""
    if not any((since, until, source, site, host, spokesperson)):
        return None
    dates = (since, until) if since or until else (target.since, target.until)
    where = (source, site, host) if source or site or host else (target.source, target.site, target.host)
    return replace(target, since=dates[0], until=dates[1], source=where[0], site=where[1], host=where[2],
                   spokesperson=spokesperson or target.spokesperson)


@translated
def keywords(
    db: sqlite_utils.Database, target: Filters, reference: Filters | None = None, *, limit: int = 30,
    min_count: int = 3,
) -> list[dict]:
    """Words of `target` most over-represented against `reference` (the rest of the archive when None)."""
    target_ids = _ids(db, target)
    if not target_ids:
        return []
    if reference is None:
        base = Filters(kind=target.kind, language=target.language)
        reference_ids = _ids(db, base) - target_ids
    else:
        reference_ids = _ids(db, reference) - target_ids
    if not reference_ids and reference is None:
        raise UsageError("Nothing to compare with: the filters choose every document (of their --kind and --lang), "
                         "and keywords compares them with the rest. Choose a part with --since, --until, --source or "
                         "--spokesperson, or the part to compare with by --vs-since, --vs-until, --vs-source or "
                         "--vs-spokesperson.")
    if not reference_ids:
        raise UsageError("Nothing to compare with: the --vs- options choose no document besides those compared.")
    sample = Sample()
    here, there = _frequencies(db, target_ids, sample), _frequencies(db, reference_ids)
    fold_accented(here, there)
    # A word against the words of its own script in each part (CJK words apart from other words): against all,
    # English briefings weighed against a part of mostly Chinese ones had every English word over-represented
    # ('china' first for Zhao Lijian's English briefings).
    here_totals, there_totals = script_totals(here), script_totals(there)
    rows = []
    for word, count in here.items():
        here_total, there_total = here_totals[is_cjk_token(word)], there_totals[is_cjk_token(word)]
        other = there.get(word, 0)
        if count < min_count or count * there_total <= other * here_total:
            continue
        rows.append({
            "word": word, "count": count, "reference_count": other,
            "per_million": round(1e6 * count / here_total, 1),
            "reference_per_million": round(1e6 * other / there_total, 1) if there_total else 0.0,
            "score": round(keyness(count, here_total, other, there_total), 2),
        })
    rows.sort(key=lambda row: (-row["score"], row["word"]))
    return as_words(rows, limit, sample)


@translated
def selects_any(db: sqlite_utils.Database, filters: Filters) -> bool:
    """Whether the filters select any document (an empty result says which of the two parts is empty)."""
    where, params = where_sql(filters)
    sql = f"SELECT 1 FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE 1 {where} LIMIT 1"
    return db.execute(sql, params).fetchone() is not None


def _ids(db, filters: Filters) -> set[int]:
    where, params = where_sql(filters)
    sql = f"SELECT d.id FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE 1 {where}"
    return {row[0] for row in db.execute(sql, params)}


def _frequencies(db, ids: set[int], sample: Sample | None = None) -> Counter:
    """Word counts of the documents' texts, as kwic, trend and collocates read them: a transcript's text is its
    turns, without the speaker labels ("MR PRICE:", "林剑："), and no title is counted ("Spokesperson Hua Chunying's
    Regular Press Conference" made hua and chunying the first keywords of her briefings against Geng Shuang's)."""
    counts = TokenCounts()
    for body, turns in rows_of(db, "body, turns", sorted(ids)):
        for _, text in units(body, json.loads(turns) if turns else []):
            counts.add(text)
            if sample is not None:
                sample.keep(text)
    return counts.counts()
