"""English beside Chinese: pair the two language versions of one press conference and align their turns.

Two documents are versions of one another when both are transcripts (they have turns), were published
the same day, are in different languages and have about as many turns. How sure the pairing is
combines three signals: the date (required), whether the two spokespersons' names go together in the
archive (the names each name most often shares a day with, learned from every such pair, so no list
of names is needed) and how close the numbers of turns are. The turns are aligned in order (a dynamic programme, as for
aligning sentences of translations) with the role, the numbers, Latin words (names, acronyms) and the
relative length of each turn as anchors; what one version has and the other lacks is left unpaired.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from briefarc.analysis.turns import get_turns
from briefarc.errors import NotFound
from briefarc.store.db import translated
from briefarc.store.search import PRIMARY_SUBTAG_SQL

if TYPE_CHECKING:
    import sqlite_utils

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-]{1,}")
MIN_TURN_RATIO = 0.5  # versions of one press conference have about as many turns; a short item of the day is not one
GAP = -0.4  # the score of leaving a turn unpaired: a pair must score better than two gaps to be made
MERGE = -0.6  # the cost of reading two turns as one: only a much better match than a pair and a gap
CANDIDATES_SQL = f"""
    SELECT d.id, d.published_date, {PRIMARY_SUBTAG_SQL}, d.spokesperson, json_array_length(d.turns)
    FROM documents d WHERE json_array_length(d.turns) > 0 AND d.published_date IS NOT NULL
      AND d.language IS NOT NULL {{where}}"""


def _transcripts(db, where: str = "", params: tuple = ()) -> list[tuple]:
    return db.execute(CANDIDATES_SQL.format(where=where), params).fetchall()


def name_partners(db) -> dict[str, Counter]:
    """For each spokesperson's name, the names of the other-language transcripts of the same days, counted."""
    by_day: dict[str, list[tuple]] = {}
    for row in _transcripts(db):
        by_day.setdefault(row[1], []).append(row)
    partners: dict[str, Counter] = {}
    for rows in by_day.values():
        for one in rows:
            for other in rows:
                if one[2] != other[2] and one[3] and other[3]:
                    partners.setdefault(one[3], Counter())[other[3]] += 1
    return partners


def confidence(one: tuple, other: tuple, partners: dict[str, Counter]) -> float:
    """0.5 for the same day, up to 0.3 for names that go together, up to 0.2 for as many turns."""
    score = 0.5
    counted = partners.get(one[3] or "", Counter())
    if one[3] and other[3] and counted:
        score += 0.3 * counted[other[3]] / max(counted.values())
    score += 0.2 * min(one[4], other[4]) / max(one[4], other[4])
    return round(score, 2)


@translated
def find_pair(db: sqlite_utils.Database, doc_id: int, partners: dict | None = None) -> dict | None:
    """The other-language version of transcript `doc_id`: {id, confidence}, or None when there is none."""
    rows = _transcripts(db, "AND d.id = ?", (doc_id,))
    if not rows:
        if db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            raise NotFound(f"No document with id {doc_id}: `briefarc list` or `briefarc search` show the ids.")
        raise NotFound(f"Document {doc_id} is not a dated transcript with turns and a language: nothing to pair.")
    one = rows[0]
    others = [row for row in _transcripts(db, "AND d.published_date = ? AND d.id != ?", (one[1], doc_id))
              if row[2] != one[2] and min(row[4], one[4]) >= MIN_TURN_RATIO * max(row[4], one[4])]
    if not others:
        return None
    partners = name_partners(db) if partners is None else partners
    scored = sorted(((confidence(one, other, partners), other[0]) for other in others), reverse=True)
    return {"id": scored[0][1], "confidence": scored[0][0]}


@lru_cache(maxsize=4096)  # align() compares each turn with every turn of the other version
def _anchors(text: str) -> tuple[frozenset[str], frozenset[str]]:
    numbers = frozenset(n.replace(",", "") for n in NUMBER.findall(text))
    return numbers, frozenset(word.lower() for word in LATIN_WORD.findall(text))


def turn_similarity(left: dict, right: dict, ratio: float) -> float:
    """How well two turns correspond: role, shared numbers and Latin words, and relative length."""
    if left["role"] != right["role"]:
        return -1.0
    score = 0.2
    (left_numbers, left_words), (right_numbers, right_words) = _anchors(left["text"]), _anchors(right["text"])
    if left_numbers or right_numbers:
        score += 0.4 * len(left_numbers & right_numbers) / len(left_numbers | right_numbers)
    shared = left_words & right_words
    if shared:
        score += 0.2 * min(1.0, len(shared) / 3)
    expected = max(1.0, len(left["text"]) * ratio)
    score += 0.4 * max(0.0, 1 - abs(math.log(max(1, len(right["text"])) / expected)))
    return score


def joined(first: dict, second: dict) -> dict:
    """A question and its answer read as one turn, to face a version that gives both under the question's label
    (the page lost the answer's "A:"). Only a question followed by an answer joins: a turn of another role
    cannot match it."""
    role = first["role"] if (first["role"], second["role"]) == ("question", "answer") else "joined"
    return {"role": role, "text": first["text"] + "\n\n" + second["text"]}


LOST = float("-inf")


class _Band:
    """The cells of align()'s table within its band: a row's values from its first column on."""

    def __init__(self) -> None:
        self.firsts: list[int] = []
        self.rows: list[list] = []

    def row(self, first: int) -> None:
        self.firsts.append(first)
        self.rows.append([])

    def put(self, value) -> None:
        self.rows[-1].append(value)

    def get(self, i: int, j: int):
        """The cell's value; LOST outside the band."""
        if i < 0 or i >= len(self.rows):
            return LOST
        at = j - self.firsts[i]
        return self.rows[i][at] if 0 <= at < len(self.rows[i]) else LOST


BAND = 120  # turns either side of the diagonal that align() weighs: real versions hold under 100 turns


def align(left: list[dict], right: list[dict]) -> list[tuple[int | None, int | None, float]]:
    """Pairs of turn numbers (None where one side has nothing) in order, with each pair's score. A turn of one
    version may face two turns of the other (a merge): it is then paired with each of them, in order.

    Only the cells within BAND turns of the diagonal (turn i of the left facing turn i * cols / rows of the right)
    are weighed, every cell for versions of up to BAND turns: two pages of 1,600 turns took 12 s and 150 MB, and
    twice as many four times that; a pairing that strays further from the diagonal leaves turns unpaired."""
    ratio = sum(len(t["text"]) for t in right) / max(1, sum(len(t["text"]) for t in left))
    rows, cols = len(left), len(right)
    best, step = _Band(), _Band()
    reach = 0
    for i in range(rows + 1):
        centre = i * cols // rows if rows else cols
        # from no further right than the last row reached (each cell is reached), to the end on the last row
        first, reach = max(0, min(centre - BAND, reach)), cols if i == rows else min(cols, centre + BAND)
        best.row(first)
        step.row(first)
        for j in range(first, reach + 1):
            if not i and not j:
                best.put(0.0)
                step.put("")
                continue
            choices = [(best.get(i - 1, j) + GAP, "up"), (best.get(i, j - 1) + GAP, "left")]
            if i and j:
                choices.append((best.get(i - 1, j - 1) + turn_similarity(left[i - 1], right[j - 1], ratio), "pair"))
                if j > 1 and best.get(i - 1, j - 2) > LOST:
                    merged = turn_similarity(left[i - 1], joined(right[j - 2], right[j - 1]), ratio)
                    choices.append((best.get(i - 1, j - 2) + merged + MERGE, "one-two"))
                if i > 1 and best.get(i - 2, j - 1) > LOST:
                    merged = turn_similarity(joined(left[i - 2], left[i - 1]), right[j - 1], ratio)
                    choices.append((best.get(i - 2, j - 1) + merged + MERGE, "two-one"))
            score, move = max(choices)
            best.put(score)
            step.put(move)
    return _trace(left, right, step, ratio)


def _trace(left, right, step, ratio) -> list[tuple[int | None, int | None, float]]:
    pairs: list[tuple[int | None, int | None, float]] = []
    i, j = len(left), len(right)
    while i or j:
        move = step.get(i, j)
        if move == "pair":
            pairs.append((i, j, round(turn_similarity(left[i - 1], right[j - 1], ratio), 2)))
            i, j = i - 1, j - 1
        elif move == "one-two":
            score = round(turn_similarity(left[i - 1], joined(right[j - 2], right[j - 1]), ratio), 2)
            pairs += [(i, j, score), (i, j - 1, score)]
            i, j = i - 1, j - 2
        elif move == "two-one":
            score = round(turn_similarity(joined(left[i - 2], left[i - 1]), right[j - 1], ratio), 2)
            pairs += [(i, j, score), (i - 1, j, score)]
            i, j = i - 2, j - 1
        elif move == "up":
            pairs.append((i, None, 0.0))
            i -= 1
        else:
            pairs.append((None, j, 0.0))
            j -= 1
    return pairs[::-1]


@translated
def parallel(db: sqlite_utils.Database, doc_id: int) -> dict:
    """Document `doc_id` beside its other-language version: both ids, the confidence and the aligned turns."""
    found = find_pair(db, doc_id)
    if found is None:
        raise NotFound(_no_pair(db, doc_id))
    left, right = get_turns(db, doc_id), get_turns(db, found["id"])
    rows = []
    for one, other, score in align(left, right):
        rows.append({"left": left[one - 1] if one else None, "right": right[other - 1] if other else None,
                     "score": score})
    return {"left": doc_id, "right": found["id"], "confidence": found["confidence"], "date": left[0]["date"],
            "turns": rows}


def _no_pair(db, doc_id: int) -> str:
    """Why transcript `doc_id` has no pair: no other-language transcript that day, or only ones whose number of
    turns is too far from its own to be the same press conference (which the message names, so that a user who
    sees one in `list` is not told there is none)."""
    one = _transcripts(db, "AND d.id = ?", (doc_id,))[0]
    near = [row for row in _transcripts(db, "AND d.published_date = ? AND d.id != ?", (one[1], doc_id))
            if row[2] != one[2]]
    if not near:
        return f"Document {doc_id} has no version in another language on the same day in this archive."
    others = ", ".join(f"{row[0]} ({row[2]}, {row[4]} turns)" for row in near)
    return (f"Document {doc_id} ({one[2]}, {one[4]} turns) has no version in another language with about as many "
            f"turns: on {one[1]} the archive holds {others}, too far from {one[4]} to be the same press conference.")


@translated
def gaps(db: sqlite_utils.Database, language: str | None = None) -> tuple[list[dict], int]:
    """Across the archive, the turns one version of a press conference has and the other lacks; and how many
    transcripts (of `language`) have a version in the other language, so that no gaps among no pairs is told
    from no gaps among many."""
    partners = name_partners(db)
    found: list[dict] = []
    paired = 0
    for row in _transcripts(db):
        if language and row[2] != language:
            continue
        pair = find_pair(db, row[0], partners)
        if pair is None:
            continue
        paired += 1
        left, right = get_turns(db, row[0]), get_turns(db, pair["id"])
        for one, other, _ in align(left, right):
            if other is None and one is not None:
                turn = left[one - 1]
                found.append({**turn, "missing_from": pair["id"], "confidence": pair["confidence"]})
    return found, paired
