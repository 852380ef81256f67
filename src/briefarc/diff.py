"""Word-level differences between two versions of a document, turn by turn for transcripts. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise

from briefarc.store.text import CJK_CHARS

# A word: a run of other characters than spaces, or one Chinese or Japanese character (which write no spaces: a
# sentence of them was one "word", and an edit of two characters replaced all of it), or one of their full-width
# punctuation marks (。2018 is two words, not one).
CJK_MARKS = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
WORD = re.compile(f"[{CJK_CHARS}{CJK_MARKS}]|[^\\s{CJK_CHARS}{CJK_MARKS}]+")
SIMILAR = 0.5  # word-level ratio above which two turns (or paragraphs) count as one reworded
REACH = 25  # in a long run of changes, how far apart (in units) a reworded pair may lie
FIELDS = ("title", "subtitle", "published", "spokesperson")
# The most words SequenceMatcher is given to compare at once, as the product of the two lengths: its time grows
# with that product (a paragraph of 20,000 Chinese characters edited here and there took 30 s). Longer texts are
# compared piece by piece first (`opcodes`).
LIMIT = 1_000_000
# The same for the units (turns, paragraphs) of two versions: many alike ("Next question, please.") made
# SequenceMatcher's search for the longest match go through all of them for each (1,000 turns a side: 4.4 s;
# 3,000 with a third of the answers edited: 91 s). Real versions hold under a hundred.
UNITS_LIMIT = 40_000
SENTENCE_END = re.compile(r"[.!?;。！？；][\"'”’」』)）]*$")
CUT_EVERY = 16  # a piece of a long text ends, besides with a sentence, at about one word in this many
PIECE_MOST = 100  # words, when no word of a text ends a piece (one word repeated)


@dataclass
class Change:
    """One run of words: kept ('equal'), removed ('delete'), added ('insert'); `spaced`: its text writes a space
    before it (Chinese writes none between characters, nor before a number or a Latin word: 超过120万)."""

    op: str
    text: str
    spaced: bool = True
    spaced_new: bool | None = None  # of a kept run: whether the new text writes a space before it (None: the same)

    def as_dict(self) -> dict:
        return {"op": self.op, "text": self.text}


@dataclass
class Part:
    """A paragraph or turn as it changed: 'equal', 'insert', 'delete' or 'replace' (reworded)."""

    op: str
    speaker: str | None = None
    role: str | None = None
    changes: list[Change] = field(default_factory=list)


@dataclass
class FieldChange:
    """A metadata field (title, subtitle, published, spokesperson) with its old and new value."""

    name: str
    old: str | None
    new: str | None


@dataclass
class Diff:
    """`added_words` and `removed_words` count the body (or turns) only; `title` and `fields` show the rest.
    `words()` counts title, subtitle and body together, as `history` does."""

    old: int
    new: int
    title: list[Change]
    parts: list[Part]
    added_words: int = 0
    removed_words: int = 0
    fields: list[FieldChange] = field(default_factory=list)
    subtitle: list[Change] = field(default_factory=list)

    def words(self) -> tuple[int, int]:
        """(words added, words removed) in title, subtitle and body: the figures `history` shows."""
        added, removed = count(self.title + self.subtitle)
        return self.added_words + added, self.removed_words + removed

    def as_dict(self) -> dict:
        added, removed = self.words()
        return {
            "old": self.old, "new": self.new, "added_words": self.added_words, "removed_words": self.removed_words,
            "words_added": added, "words_removed": removed,
            "title": [c.as_dict() for c in self.title],
            "fields": [vars(f) for f in self.fields],
            "parts": [{"op": p.op, "speaker": p.speaker, "role": p.role, "changes": [c.as_dict() for c in p.changes]}
                      for p in self.parts],
        }


def word_diff(old: str, new: str) -> list[Change]:
    """The words of `old` and `new` as runs of kept, removed and added words, each run as its text writes it
    (its spaces folded): Chinese characters together, other words apart."""
    a, b = list(WORD.finditer(old or "")), list(WORD.finditer(new or ""))
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in opcodes([m[0] for m in a], [m[0] for m in b]):
        if op in ("delete", "replace"):
            changes.append(_run("delete", old, a, i1, i2))
        if op in ("insert", "replace"):
            changes.append(_run("insert", new, b, j1, j2))
        if op == "equal":
            changes.append(_run("equal", old, a, i1, i2))
            changes[-1].spaced_new = _spaced(new, b, j1)
    return changes


def _run(op: str, text: str, words: list[re.Match], start: int, end: int) -> Change:
    return Change(op, " ".join(text[words[start].start():words[end - 1].end()].split()), _spaced(text, words, start))


def _spaced(text: str, words: list[re.Match], start: int) -> bool:
    return start > 0 and text[words[start - 1].end():words[start].start()] != ""


def opcodes(a: list[str], b: list[str], limit: int = LIMIT) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher's opcodes for two lists of words, in time that grows with their length, not with its
    square. Texts too long to compare at once (`limit`, as the product of their lengths) keep the words they
    begin and end with alike, and the rest is matched piece by piece (`_pieces`), then word by word within the
    pieces that differ."""
    if len(a) * len(b) <= limit:
        return list(SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    found = [("equal", 0, head, 0, head)] if head else []
    found += _middle(a, b, head, len(a) - tail, head, len(b) - tail, limit)
    found += [("equal", len(a) - tail, len(a), len(b) - tail, len(b))] if tail else []
    return _merged(found)


def _middle(a: list[str], b: list[str], a1: int, a2: int, b1: int, b2: int, limit: int) -> list[tuple]:
    if (a2 - a1) * (b2 - b1) <= limit:
        return _bounded("replace", a, b, a1, a2, b1, b2, limit)
    ends_a, ends_b = _pieces(a, a1, a2), _pieces(b, b1, b2)
    pieces_a = [tuple(a[x:y]) for x, y in pairwise(ends_a)]
    pieces_b = [tuple(b[x:y]) for x, y in pairwise(ends_b)]
    coarse: list[tuple[str, int, int, int, int]]
    if len(pieces_a) * len(pieces_b) > limit:  # even the pieces are too many to compare all
        coarse = _anchored(pieces_a, pieces_b)
    else:
        coarse = list(SequenceMatcher(None, pieces_a, pieces_b, autojunk=False).get_opcodes())
    found: list[tuple] = []
    for op, i1, i2, j1, j2 in coarse:
        if op == "equal" or i2 - i1 != j2 - j1:
            found += _bounded(op, a, b, ends_a[i1], ends_a[i2], ends_b[j1], ends_b[j2], limit)
            continue
        for k in range(i2 - i1):  # as many pieces on each side: each compared with its counterpart
            found += _bounded(op, a, b, ends_a[i1 + k], ends_a[i1 + k + 1], ends_b[j1 + k], ends_b[j1 + k + 1],
                              limit)
    return found


def _anchored(a: list, b: list) -> list[tuple[str, int, int, int, int]]:
    """Opcodes of two long lists from the items each holds once (as patience diff does): the longest chain of
    them in the same order on both sides is kept equal, and what lies between two links is one change, compared
    in detail by the caller. SequenceMatcher's search for the longest match, run again for each match, grew
    with the square of the length where equal and changed items alternate (every other turn edited)."""
    from bisect import bisect_left
    from collections import Counter

    once_a, once_b = Counter(a), Counter(b)
    where_b = {item: j for j, item in enumerate(b) if once_b[item] == 1}
    pairs = [(i, where_b[item]) for i, item in enumerate(a) if once_a[item] == 1 and item in where_b]
    ends: list[int] = []  # the smallest last j of a chain of each length, and that chain's last pair
    lasts: list[int] = []
    before: list[int] = []  # for each pair, the pair before it in its chain (-1: none)
    for index, (_, j) in enumerate(pairs):
        at = bisect_left(ends, j)
        before.append(lasts[at - 1] if at else -1)
        if at == len(ends):
            ends.append(j)
            lasts.append(index)
        else:
            ends[at], lasts[at] = j, index
    chain: list[tuple[int, int]] = []
    link = lasts[-1] if lasts else -1
    while link >= 0:
        chain.append(pairs[link])
        link = before[link]
    found: list[tuple[str, int, int, int, int]] = []
    i0 = j0 = 0
    for i, j in [*reversed(chain), (len(a), len(b))]:
        if i > i0 or j > j0:
            found.append((_change(i0, i, j0, j), i0, i, j0, j))
        if i < len(a):
            found.append(("equal", i, i + 1, j, j + 1))
        i0, j0 = i + 1, j + 1
    return _merged(found)


def _pieces(words: list[str], start: int, end: int) -> list[int]:
    """Where the pieces of words[start:end] begin, and its end. A piece ends with a sentence, or with a word
    that the checksum of its letters picks (one in CUT_EVERY): cuts made by the words themselves, so that an
    edit moves none of the cuts after it, as cuts every N words would."""
    from zlib import crc32

    ends = [start]
    for index in range(start, end):
        word = words[index]
        if SENTENCE_END.search(word) or crc32(word.encode("utf-8", "surrogatepass")) % CUT_EVERY == 0 \
                or index + 1 - ends[-1] >= PIECE_MOST:
            ends.append(index + 1)
    if ends[-1] != end:
        ends.append(end)
    return ends


def _bounded(op: str, a: list[str], b: list[str], a1: int, a2: int, b1: int, b2: int, limit: int) -> list[tuple]:
    """The opcodes of a[a1:a2] against b[b1:b2] (as found in the whole lists); compared word by word within
    `limit`, else the one opcode `op` for all of them."""
    if op == "equal" or (a2 - a1) * (b2 - b1) > limit or a1 == a2 or b1 == b2:
        kind = op if op == "equal" else _change(a1, a2, b1, b2)
        return [(kind, a1, a2, b1, b2)] if a1 < a2 or b1 < b2 else []
    matcher = SequenceMatcher(None, a[a1:a2], b[b1:b2], autojunk=False)
    return [(kind, a1 + i1, a1 + i2, b1 + j1, b1 + j2) for kind, i1, i2, j1, j2 in matcher.get_opcodes()]


def _change(a1: int, a2: int, b1: int, b2: int) -> str:
    """The opcode of a change from a[a1:a2] to b[b1:b2]: words on both sides, or on one."""
    return "replace" if a1 < a2 and b1 < b2 else "delete" if a1 < a2 else "insert"


def _merged(found: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Adjacent opcodes joined as SequenceMatcher gives them: runs kept, and runs of changes as one."""
    merged: list[tuple[str, int, int, int, int]] = []
    for op, a1, a2, b1, b2 in found:
        if merged and (merged[-1][0] == "equal") == (op == "equal"):
            _, first_a, _, first_b, _ = merged.pop()
            merged.append(("equal" if op == "equal" else _change(first_a, a2, first_b, b2), first_a, a2, first_b, b2))
        else:
            merged.append((op, a1, a2, b1, b2))
    return merged


def units(version: dict) -> list[dict]:
    """What to align: the turns of a transcript, else the body's paragraphs, each with its words."""
    turns = version.get("turns") or []
    if turns:
        found = [(t.get("speaker"), t.get("role"), t.get("text") or "") for t in turns]
    else:
        found = [(None, None, p) for p in (version.get("body") or "").split("\n\n") if p.strip()]
    return [{"speaker": s, "role": r, "text": t, "words": WORD.findall(t)} for s, r, t in found]


def diff_versions(old: dict, new: dict) -> Diff:
    """Align paragraphs (or turns), then compare the words of each pair that was reworded."""
    parts = align(units(old), units(new))
    title = word_diff(old.get("title") or "", new.get("title") or "")
    result = Diff(old["number"], new["number"], title, parts, fields=changed_fields(old, new),
                  subtitle=word_diff(old.get("subtitle") or "", new.get("subtitle") or ""))
    result.added_words, result.removed_words = count([c for part in parts for c in part.changes])
    return result


def align(old: list[dict], new: list[dict]) -> list[Part]:
    """Identical units kept in order; each run that differs is paired up by similarity."""
    keys_old, keys_new = [_key(u) for u in old], [_key(u) for u in new]
    parts: list[Part] = []
    for op, i1, i2, j1, j2 in opcodes(keys_old, keys_new, UNITS_LIMIT):
        if op == "equal":
            parts += [_whole("equal", u) for u in old[i1:i2]]
        else:
            parts += _pair_up(old[i1:i2], new[j1:j2])
    return parts


def count(changes: list[Change]) -> tuple[int, int]:
    """(words added, words removed) in a list of changes."""
    added = sum(len(WORD.findall(c.text)) for c in changes if c.op == "insert")
    removed = sum(len(WORD.findall(c.text)) for c in changes if c.op == "delete")
    return added, removed


def changed_fields(old: dict, new: dict) -> list[FieldChange]:
    """The metadata fields both versions have whose (whitespace-folded) values differ."""
    return [FieldChange(name, old[name], new[name]) for name in FIELDS
            if name in old and name in new and _fold(old[name]) != _fold(new[name])]


def _fold(value: object) -> str:
    return " ".join(str(value or "").split())


def _key(unit: dict) -> str:
    return f"{unit['speaker'] or ''}\x00{' '.join(unit['words'])}"


def _whole(op: str, unit: dict) -> Part:
    return Part(op, unit["speaker"], unit["role"], [Change(op, unit["text"])])


def _pair_up(old: list[dict], new: list[dict]) -> list[Part]:
    """A run that differs: reworded pairs as word changes, the others as removed or added, in order."""
    parts: list[Part] = []
    i = j = 0
    for pair_i, pair_j in _matches(old, new) + [(len(old), len(new))]:
        parts += [_whole("delete", u) for u in old[i:pair_i]]
        parts += [_whole("insert", u) for u in new[j:pair_j]]
        if pair_i < len(old):
            a, b = old[pair_i], new[pair_j]
            parts.append(Part("replace", b["speaker"], b["role"], word_diff(a["text"], b["text"])))
        i, j = pair_i + 1, pair_j + 1
    return parts


def _matches(old: list[dict], new: list[dict]) -> list[tuple[int, int]]:
    """The pairs (old index, new index), in order, that are most similar in total (a weighted LCS): over every
    cell for a run of up to DENSE_MOST cells, else over the pairs within REACH of the diagonal alone."""
    if len(old) * len(new) > DENSE_MOST:
        return _sparse_matches(_pair_scores(old, new), len(new))
    scores = _scores(old, new)
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in reversed(range(len(old))):
        for j in reversed(range(len(new))):
            paired = scores[i][j] + best[i + 1][j + 1] if scores[i][j] else 0.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    return _walk(scores, best)


# Cells of a run of changes (old units x new units) weighed all together; a longer run (thousands of turns reworded,
# a hostile page) is paired from its similar pairs alone, which lie near the diagonal: 4,000 turns a side took
# 38 s and 1 GB over every cell.
DENSE_MOST = 250_000


def _walk(scores: list[list[float]], best: list[list[float]]) -> list[tuple[int, int]]:
    """Follow the best totals from the start, taking each pair that is part of them."""
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < len(scores) and j < len(scores[i]):
        if scores[i][j] and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _near(i_count: int, j_count: int, j: int) -> range:
    """The old indexes within REACH of the diagonal for new index j (|i * j_count - j * i_count| <= REACH * most)."""
    reach = REACH * max(i_count, j_count)
    return range(max(0, -((reach - j * i_count) // j_count)), min(i_count, (j * i_count + reach) // j_count + 1))


def _scores(old: list[dict], new: list[dict]) -> list[list[float]]:
    """Similarity of every old unit to every new one within REACH of the diagonal (0.0 elsewhere)."""
    scores = [[0.0] * len(new) for _ in old]
    for (i, j), score in _pair_scores(old, new).items():
        scores[i][j] = score
    return scores


def _pair_scores(old: list[dict], new: list[dict]) -> dict[tuple[int, int], float]:
    """The similar pairs (old index, new index) within REACH of the diagonal, with their similarity."""
    found: dict[tuple[int, int], float] = {}
    for j, b in enumerate(new):
        matcher = SequenceMatcher(None, b=b["words"], autojunk=False)  # reused: it indexes `b` once
        for i in _near(len(old), len(new), j):
            if old[i]["role"] == b["role"] and (score := _similarity(matcher, old[i]["words"], b["words"])):
                found[i, j] = score
    return found


def _sparse_matches(scores: dict[tuple[int, int], float], j_count: int) -> list[tuple[int, int]]:
    """The weighted LCS of the similar pairs alone: row by row from the last, each pair's best total from the
    best of the pairs below and right of it (a Fenwick tree of maxima over new indexes), then the chain from
    the best first pair; on equal totals the pair nearer the start."""
    tree: list[tuple[float, int, int]] = [(0.0, 1, 1)] * (j_count + 1)  # (total, -i, -j) maxima; (0, 1, 1): none

    def best_after(j: int) -> tuple[float, int, int]:  # the best pair with a new index above j
        found, k = (0.0, 1, 1), j_count - 1 - j
        while k > 0:
            found, k = max(found, tree[k]), k - (k & -k)
        return found

    def put(j: int, value: tuple[float, int, int]) -> None:
        k = j_count - j
        while k <= j_count:
            tree[k], k = max(tree[k], value), k + (k & -k)

    following: dict[tuple[int, int], tuple[int, int] | None] = {}
    rows: dict[int, list[int]] = {}
    for i, j in scores:
        rows.setdefault(i, []).append(j)
    for i in sorted(rows, reverse=True):
        row = []
        for j in rows[i]:
            total, after_i, after_j = best_after(j)
            following[i, j] = (-after_i, -after_j) if after_i <= 0 else None
            row.append((j, (scores[i, j] + total, -i, -j)))
        for j, value in row:  # after the whole row: a pair follows only pairs of earlier rows
            put(j, value)
    _, first_i, first_j = best_after(-1)
    pairs, pair = [], (-first_i, -first_j) if first_i <= 0 else None
    while pair is not None:
        pairs.append(pair)
        pair = following[pair]
    return pairs


def _similarity(matcher: SequenceMatcher, words: list[str], other: list[str]) -> float:
    """The word-level ratio of `words` to the matcher's text, or 0.0 when below SIMILAR; for texts too long to
    compare word by word (LIMIT), the same ratio of the matches `opcodes` finds. `other`: the matcher's
    words."""
    matcher.set_seq1(words)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    ratio = _ratio(words, other) if len(words) * len(other) > LIMIT else matcher.ratio()
    return ratio if ratio >= SIMILAR else 0.0


def _ratio(a: list[str], b: list[str]) -> float:
    """SequenceMatcher.ratio() of long texts, from the matches of `opcodes`."""
    same = sum(i2 - i1 for op, i1, i2, _, _ in opcodes(a, b) if op == "equal")
    return 2 * same / (len(a) + len(b)) if a or b else 1.0


def change_size(old: dict | None, new: dict) -> tuple[int, int]:
    """(words added, words removed) from `old` to `new` in title, subtitle and body; a first version adds all."""
    if old is None:
        return len(WORD.findall(" ".join(new.get(name) or "" for name in ("title", "subtitle", "body")))), 0
    return diff_versions(old, new).words()
