"""Documents and search hits as Rich renderables, JSON Lines and CSV.

Web text is untrusted: it goes into Rich only as `Text` objects (never parsed as markup) and
with control characters made visible, so a page cannot restyle the output or drive the terminal.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import IO

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefarc.store.search import SNIPPET_CLOSE, SNIPPET_OPEN

# C0 and C1 controls but tab and newline, DEL, and bidirectional overrides.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(value: object) -> str:
    """Text safe for a terminal: control characters shown as visible escapes such as ␛ or \\x07."""
    if value is None:
        return ""
    return CONTROL.sub(_visible, str(value))


def _visible(match: re.Match) -> str:
    char = match.group(0)
    return "␛" if char == "\x1b" else f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def text(value: object, style: str = "") -> Text:
    return Text(clean(value), style=style)


def snippet_text(snippet: str | None) -> Text:
    """A snippet with the matched terms highlighted; the page's own text is never markup."""
    out = Text()
    for index, part in enumerate(re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", clean(snippet or ""))):
        out.append(" ".join(part.split("\n")), style="bold yellow" if index % 2 else "")
    return out


def plain_snippet(snippet: str | None) -> str:
    return clean((snippet or "").replace(SNIPPET_OPEN, "[").replace(SNIPPET_CLOSE, "]"))


def hits_table(hits: list[dict], *, snippets: bool = True) -> Table:
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("id", justify="right", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", no_wrap=True, max_width=14)
    table.add_column("title", ratio=2)
    if snippets:
        table.add_column("snippet", ratio=3)
    for hit in hits:
        row: list[RenderableType] = [
            text(hit["id"]), text(hit.get("published_date") or ""), text(hit.get("source") or ""),
            text(hit.get("title") or "(untitled)", "bold"),
        ]
        if snippets:
            row.append(snippet_text(hit.get("snippet")))
        table.add_row(*row)
    return table


META_FIELDS = (
    ("title", "Title"), ("subtitle", "Subtitle"), ("published", "Published"), ("source", "Source"),
    ("kind", "Kind"), ("spokesperson", "Spokesperson"), ("author", "Author"), ("language", "Language"),
    ("canonical_url", "URL"), ("archived_at", "Archived"), ("updated_at", "Updated"),
    ("removed_at", "Removed"), ("versions", "Versions"), ("sha256", "SHA-256"), ("origin", "Origin"),
)


def document_panel(record: dict) -> Panel:
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold", no_wrap=True)
    meta.add_column()
    for key, label in META_FIELDS:
        value = record.get(key)
        if key == "canonical_url":
            value = value or record.get("url")
        if value not in (None, ""):
            meta.add_row(label, text(value))
    title = Text(f"Document {record['id']}", style="bold cyan")
    return Panel(Group(meta, Text(""), body_renderable(record)), title=title, title_align="left")


def body_renderable(record: dict) -> RenderableType:
    """The body as paragraphs, or as labelled turns for a transcript."""
    turns = record.get("turns") or []
    if turns:
        return Group(*(_turn_text(turn) for turn in turns))
    paragraphs = record.get("paragraphs") or [record.get("body") or ""]
    return Group(*(Text(clean(p) + "\n") for p in paragraphs))


TURN_STYLES = {"question": "bold magenta", "answer": "bold green", "statement": "bold blue"}


def _turn_text(turn: dict) -> Text:
    out = Text()
    speaker = turn.get("speaker")
    if speaker:
        out.append(clean(speaker) + ": ", style=TURN_STYLES.get(turn.get("role"), "bold"))
    out.append(clean(turn.get("text")) + "\n")
    return out


def write_jsonl(rows: Iterable[dict], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def write_csv(rows: list[dict], columns: list[str], out: IO[str]) -> None:
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([clean(row.get(column)) if row.get(column) is not None else "" for column in columns])


def stats_renderable(stats: dict) -> Group:
    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column(justify="right")
    for key in ("documents", "versions", "snapshots", "removed"):
        summary.add_row(key.capitalize(), f"{stats[key]:,}")
    summary.add_row("Raw bytes", _size(stats["raw_bytes"]))
    summary.add_row("Database", f"{_size(stats['database_bytes'])}  {clean(stats['path'])}")
    parts: list[RenderableType] = [summary]
    for key, title in (("by_source", "Source"), ("by_kind", "Kind"), ("by_year", "Year"),
                       ("by_language", "Language")):
        table = Table(title=None, expand=False)
        table.add_column(title)
        table.add_column("documents", justify="right")
        for item in stats[key]:
            table.add_row(text(item["value"]), f"{item['count']:,}")
        parts.append(table)
    return Group(*parts)


def _size(count: int) -> str:
    size = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "B" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{count} B"


def parsed_panel(name: str, doc) -> Panel:
    """What `briefarc parse` shows for one page without --json."""
    record = doc.to_record()
    record["id"] = name
    record["versions"] = None
    panel = document_panel({**record, "turns": [vars(t) for t in doc.turns]})
    panel.title = text(name, "bold cyan")
    return panel
