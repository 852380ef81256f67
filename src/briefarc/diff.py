"""Word-level differences between two versions of a document, turn by turn for transcripts. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

WORD = re.compile(r"\S+")


@dataclass
class Change:
    """One run of words: kept ('equal'), removed ('delete'), added ('insert')."""

    op: str
    text: str


@dataclass
class Part:
    """A paragraph or turn as it changed: 'equal', 'insert', 'delete' or 'replace' (reworded)."""

    op: str
    speaker: str | None = None
    role: str | None = None
    changes: list[Change] = field(default_factory=list)


@dataclass
class Diff:
    old: int
    new: int
    title: list[Change]
    parts: list[Part]
    added_words: int = 0
    removed_words: int = 0

    def as_dict(self) -> dict:
        return {
            "old": self.old, "new": self.new, "added_words": self.added_words, "removed_words": self.removed_words,
            "title": [vars(c) for c in self.title],
            "parts": [{"op": p.op, "speaker": p.speaker, "role": p.role, "changes": [vars(c) for c in p.changes]}
                      for p in self.parts],
        }


def word_diff(old: str, new: str) -> list[Change]:
    """The words of `old` and `new` as runs of kept, removed and added words."""
    a, b = WORD.findall(old or ""), WORD.findall(new or "")
    changes: list[Change] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            changes.append(Change("delete", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            changes.append(Change("insert", " ".join(b[j1:j2])))
        if op == "equal":
            changes.append(Change("equal", " ".join(a[i1:i2])))
    return changes


def units(version: dict) -> list[dict]:
    """What to align: the turns of a transcript, else the body's paragraphs."""
    turns = version.get("turns") or []
    if turns:
        return [{"speaker": t.get("speaker"), "role": t.get("role"), "text": t.get("text") or ""} for t in turns]
    paragraphs = [p for p in (version.get("body") or "").split("\n\n") if p.strip()]
    return [{"speaker": None, "role": None, "text": p} for p in paragraphs]


def diff_versions(old: dict, new: dict) -> Diff:
    """Align paragraphs (or turns), then compare the words of each pair that was reworded."""
    a, b = units(old), units(new)
    keys_a = [_key(u) for u in a]
    keys_b = [_key(u) for u in b]
    parts: list[Part] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            parts += [Part("equal", u["speaker"], u["role"], [Change("equal", u["text"])]) for u in a[i1:i2]]
        elif op == "delete":
            parts += [Part("delete", u["speaker"], u["role"], [Change("delete", u["text"])]) for u in a[i1:i2]]
        elif op == "insert":
            parts += [Part("insert", u["speaker"], u["role"], [Change("insert", u["text"])]) for u in b[j1:j2]]
        else:
            parts += _pair_up(a[i1:i2], b[j1:j2])
    result = Diff(old["number"], new["number"], word_diff(old.get("title") or "", new.get("title") or ""), parts)
    for part in parts:
        for change in part.changes:
            count = len(WORD.findall(change.text))
            if change.op == "insert":
                result.added_words += count
            elif change.op == "delete":
                result.removed_words += count
    return result


def _key(unit: dict) -> str:
    return f"{unit['speaker'] or ''}\x00{' '.join(WORD.findall(unit['text']))}"


def _pair_up(old: list[dict], new: list[dict]) -> list[Part]:
    """Replaced blocks: reworded pairs side by side, the surplus as removed or added."""
    parts = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        if a and b and _similar(a["text"], b["text"]):
            parts.append(Part("replace", b["speaker"], b["role"], word_diff(a["text"], b["text"])))
            continue
        if a:
            parts.append(Part("delete", a["speaker"], a["role"], [Change("delete", a["text"])]))
        if b:
            parts.append(Part("insert", b["speaker"], b["role"], [Change("insert", b["text"])]))
    return parts


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, WORD.findall(a), WORD.findall(b), autojunk=False).ratio() >= 0.4


def change_size(old: dict | None, new: dict) -> tuple[int, int]:
    """(words added, words removed) from `old` to `new`; a first version adds all its words."""
    if old is None:
        return len(WORD.findall(new.get("body") or "")), 0
    diff = diff_versions(old, new)
    return diff.added_words, diff.removed_words
