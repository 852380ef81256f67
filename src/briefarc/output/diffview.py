"""A diff as text: in colour on a terminal; without colour (a pipe, NO_COLOR) marked as `git diff --word-diff`
does, [-removed-]{+added+}. Unchanged runs of words are cut to a few words of context around each change."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from briefarc.diff import WORD
from briefarc.output.render import clean
from briefarc.output.summaries import count
from briefarc.output.wrap import Wrapped

STYLES = {"insert": "bold green", "delete": "bold red strike", "equal": ""}
MARKS = {"insert": ("{+", "+}"), "delete": ("[-", "-]"), "equal": ("", "")}
PART_MARKS = {"insert": "+ ", "delete": "- ", "replace": "~ ", "equal": "  "}
CONTEXT = 6  # words of unchanged text kept on each side of a change


def diff_renderable(doc_id: int, diff, *, plain: bool = False) -> Group:
    """The changes of `diff`; `plain` marks them with brackets instead of colour."""
    added, removed = diff.words()
    head = Text()
    head.append(f"Document {doc_id}: version {diff.old} → {diff.new}  ", style="" if plain else "bold")
    head.append(f"+{count(added, 'word')}", style="" if plain else "green")
    head.append("  ")
    head.append(f"-{count(removed, 'word')}", style="" if plain else "red")
    lines: list[RenderableType] = [head]
    if any(c.op != "equal" for c in diff.title):
        lines.append(changes_text("Title: ", diff.title, plain))
    lines += _field_lines(diff, plain)
    for part in diff.parts:
        if part.op == "equal":
            continue
        label = f"{PART_MARKS[part.op]}{clean(part.speaker) + ': ' if part.speaker else ''}"
        lines.append(changes_text(label, part.changes, plain))
    if len(lines) == 1:
        lines.append(Text("No differences in the text."))
    return Group(*lines)


def _field_lines(diff, plain: bool) -> list[Text]:
    """Changed metadata other than the title (shown word by word above): the subtitle word by word, the rest whole."""
    from briefarc.diff import Change

    lines = []
    for changed in diff.fields:
        if changed.name == "subtitle":
            lines.append(changes_text("Subtitle: ", diff.subtitle, plain))
        elif changed.name != "title":
            pair = [Change("delete", changed.old or "(none)"), Change("insert", changed.new or "(none)")]
            lines.append(changes_text(f"{changed.name.capitalize()}: ", pair, plain, joiner="" if plain else " → "))
    return lines


def changes_text(label: str, changes, plain: bool, *, joiner: str | None = None) -> Text:
    """One line: the label, then each run of words, unchanged runs shortened to their context. Wrapped as
    `show` wraps: no line of it begins with closing punctuation ("…", "，", "。")."""
    out = Wrapped()
    out.append(label, style="" if plain else "bold")
    joiner = joiner if joiner is not None else "" if plain else " "  # git's [-old-]{+new+} touch
    shown = [c for c in changes if c.text]
    for index, change in enumerate(shown):
        words = clean(change.text)
        if change.op == "equal":
            words = _context(words, first=index == 0, last=index == len(shown) - 1)
        start, end = MARKS[change.op] if plain else ("", "")
        out.append(f"{start}{words}{end}", style="" if plain else STYLES[change.op])
        if index < len(shown) - 1:
            following = shown[index + 1]
            spaced = following.spaced_new if change.op == "insert" and following.spaced_new is not None \
                else following.spaced  # after an added run, as the new text writes it
            apart = " " if spaced else ""  # as the text writes it: 我注意 → 到了, 超过 → 120万
            out.append(joiner if change.op != "equal" and following.op != "equal" else apart)
    return out


def _context(words: str, *, first: bool, last: bool) -> str:
    """A run of unchanged words cut to CONTEXT words beside each change (a Chinese character is a word), '…'
    where words are left out."""
    found = list(WORD.finditer(words))
    total = len(found)
    if first and last:
        return words
    if first and total > CONTEXT:
        return "… " + words[found[-CONTEXT].start():]
    if last and total > CONTEXT:
        return words[:found[CONTEXT - 1].end()] + " …"
    if not first and not last and total > 2 * CONTEXT + 1:
        return words[:found[CONTEXT - 1].end()] + " … " + words[found[-CONTEXT].start():]
    return words
