"""Association measures over a 2x2 contingency table: log-likelihood (G2) and pointwise mutual information."""

from __future__ import annotations

import math

MEASURES = ("ll", "pmi")


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Dunning's G2 for the table [[a, b], [c, d]]: how unlikely the counts are if rows and columns were
    independent. Positive; larger is more surprising."""
    total = a + b + c + d
    if not total:
        return 0.0
    score = 0.0
    for observed, row, column in ((a, a + b, a + c), (b, a + b, b + d), (c, c + d, a + c), (d, c + d, b + d)):
        expected = row * column / total
        if observed and expected:
            score += observed * math.log(observed / expected)
    return 2 * score


def pmi(a: int, row: int, column: int, total: int) -> float:
    """log2 of how much more often the pair occurs than chance: a * total / (row * column)."""
    if not (a and row and column and total):
        return 0.0
    return math.log2(a * total / (row * column))


def keyness(target: int, target_total: int, reference: int, reference_total: int) -> float:
    """Log-likelihood of a word's frequency in a target corpus against a reference corpus."""
    return log_likelihood(target, reference, target_total - target, reference_total - reference)
