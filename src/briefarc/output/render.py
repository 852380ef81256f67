"""Documents and search hits as Rich renderables, JSON Lines and CSV.

Web text is untrusted: it goes into Rich only as `Text` objects (never parsed as markup) and
with control characters made visible, so a page cannot restyle the output or drive the terminal.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from briefarc.output.textout import clean, write_csv, write_jsonl  # noqa: F401  (here too for the commands)
from briefarc.store.search import SNIPPET_CLOSE, SNIPPET_OPEN

if TYPE_CHECKING:
    from briefarc.store.fetchlog import RequestRow
    from briefarc.store.sources import SourceStatus
    from briefarc.store.stats import ArchiveStats
    from briefarc.store.versions import VersionSummary


def text(value: object, style: str = "") -> Text:
    return Text(clean(value), style=style)


def snippet_text(snippet: str | None) -> Text:
    """A snippet with the matched terms highlighted; the page's own text is never markup.

    The search leaves only the markers it put in (store/search.py), so splitting on them is exact.
    """
    out = Text()
    for index, part in enumerate(re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", clean(snippet or ""))):
        out.append(" ".join(part.split("\n")), style="bold yellow" if index % 2 else "")
    return out


def plain_snippet(snippet: str | None) -> str:
    """The snippet's exact text, markers taken out: what a hit's `highlights` offsets point into.

    Scripts get the matches from those offsets, never from brackets that the page could hold too.
    """
    return (snippet or "").replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


def hits_table(hits: list[dict], *, snippets: bool = True) -> Table:
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("id", justify="right", style="cyan", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("source", max_width=16, overflow="fold")
    # Folded, not cut: a title or snippet without spaces (Chinese) wraps as English does.
    table.add_column("title", ratio=2, overflow="fold")
    if snippets:
        table.add_column("snippet", ratio=3, overflow="fold")
    for hit in hits:
        row: list[RenderableType] = [
            text(hit["id"]), text(hit.get("published_date") or ""),
            text(hit.get("source") or hit.get("site") or ""),
            text(hit.get("title") or "(untitled)", "bold"),
        ]
        if snippets:
            row.append(snippet_text(hit.get("snippet")))
        table.add_row(*row)
    return table


META_FIELDS = (
    ("title", "Title"), ("subtitle", "Subtitle"), ("published", "Published"), ("source", "Source"),
    ("kind", "Kind"), ("spokesperson", "Spokesperson"), ("author", "Author"), ("language", "Language"),
    ("canonical_url", "URL"), ("claimed_url", "Claims to be"), ("archived_at", "Archived"),
    ("updated_at", "Updated"), ("removed_at", "Removed"), ("versions", "Versions"), ("sha256", "SHA-256"),
    ("origin", "Origin"), ("feed_entry", "Feed entry"), ("feed_sha256", "Feed SHA-256"),
)
WHOLE_FIELDS = ("canonical_url", "claimed_url", "sha256", "origin", "feed_entry", "feed_sha256")


def document_view(record: dict, heading: str | None = None) -> Group:
    """A document as plain lines: "Label  value" for the metadata, each value whole (never cut; the URLs,
    sha256 and origin never broken by us, so the terminal's own wrap copies as one line), then the text as
    paragraphs, and speaker labels on the line of what they said. No box around the text, so that it
    copies cleanly; print it with soft_wrap=True for a pipe, to keep each paragraph on one line."""
    lines: list[RenderableType] = [Text(heading or f"Document {record['id']}", style="bold cyan")]
    for key, label in META_FIELDS:
        value = record.get(key)
        if key == "canonical_url":
            value = value or record.get("url")
        if key == "source":
            value = value or record.get("site_name")
        if value not in (None, ""):
            whole = key in WHOLE_FIELDS
            line = Text(no_wrap=whole, overflow="ignore" if whole else None)
            line.append(f"{label:<14}", style="bold")
            line.append(clean(value))
            lines.append(line)
    lines.append(Text(""))
    lines.append(body_renderable(record))
    return Group(*lines)


def body_renderable(record: dict) -> RenderableType:
    """The body as paragraphs, or as labelled turns for a transcript, a blank line between them."""
    turns = record.get("turns") or []
    if turns:
        return Group(*(_turn_text(turn) for turn in turns))
    paragraphs = record.get("paragraphs") or [record.get("body") or ""]
    return Group(*(Text(clean(p) + "\n") for p in paragraphs))


TURN_STYLES = {"question": "bold magenta", "answer": "bold green", "statement": "bold blue"}


def _turn_text(turn: dict) -> Text:
    """A turn as one paragraph, its speaker's label at the start. Before Chinese or Japanese text the label
    ends in a full-width colon and no space, as those languages write it: a space there would let the
    terminal's wrap move the whole unspaced paragraph to the next line, leaving the label alone."""
    out = Text()
    speaker, said = turn.get("speaker"), clean(turn.get("text"))
    if speaker:
        wide = bool(said) and unicodedata.east_asian_width(said[0]) in ("W", "F")
        out.append(clean(speaker) + ("：" if wide else ": "), style=TURN_STYLES.get(turn.get("role") or "", "bold"))
    out.append(said + "\n")
    return out


def stats_renderable(stats: ArchiveStats) -> Group:
    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column(justify="right")
    for key in ("documents", "versions", "snapshots", "removed"):
        summary.add_row(key.capitalize(), f"{stats[key]:,}")
    summary.add_row("Raw bytes", _size(stats["raw_bytes"]))
    summary.add_row("Database", f"{_size(stats['database_bytes'])}  {clean(stats['path'])}")
    parts: list[RenderableType] = [summary]
    for title, counts in (("Source", stats["by_source"]), ("Kind", stats["by_kind"]), ("Year", stats["by_year"]),
                          ("Language", stats["by_language"])):
        table = Table(title=None, expand=False)
        table.add_column(title)
        table.add_column("documents", justify="right")
        for item in counts:
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


def parsed_view(name: str, doc) -> Group:
    """What `briefarc parse` shows for one page without --json."""
    record = doc.to_record()
    record["id"] = name
    return document_view({**record, "turns": [vars(t) for t in doc.turns]}, heading=clean(name))


def sources_table(rows: list[SourceStatus]) -> Table:
    table = Table(expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("name", "kind", "on", "docs", "last run", "result"):
        table.add_column(name, style="cyan" if name == "name" else "", justify="right" if name == "docs" else "left",
                         no_wrap=name in ("name", "on", "last run"), ratio=2 if name == "result" else None)
    for row in rows:
        last_run = (row["last_run"] or "never").replace("T", " ")[:16]
        table.add_row(text(row["name"]), text(row["kind"]), "yes" if row["enabled"] else "no",
                      f"{row['documents']:,}", text(last_run), run_result(row))
    return table


def run_result(row: SourceStatus) -> Text:
    """What the last run did, or what went wrong in it (in red); `sources show` has the whole story."""
    result = text(run_counts(row["last_counts"]))
    error = row["last_error"] or ""
    if row["last_run"] and error.startswith(row["last_run"]):
        result.append("\n")
        result.append_text(text(error.split(": ", 1)[-1], style="red"))
    return result


def run_counts(counts: dict | None) -> str:
    """A run's counts in short: "12 fetched, 3 added, 1 failed" (the ones that are not zero)."""
    shown = ("fetched", "added", "updated", "unchanged", "skipped", "failed", "removed", "deferred")
    return ", ".join(f"{counts[name]} {name}" for name in shown if counts and counts.get(name)) or (
        "0 fetched" if counts else "")


def source_panel(row: SourceStatus) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")  # a long URL or pattern whole, over two lines, never cut with "…"
    fields = (("Title", row["title"]), ("Kind", row["kind"]), ("URL", row["url"]),
              ("Built in", "yes" if row["builtin"] else "no"), ("Enabled", "yes" if row["enabled"] else "no"),
              ("Documents", f"{row['documents']:,}"), ("Last run", row["last_run"] or "never"),
              ("Last counts", ", ".join(f"{k} {v}" for k, v in (row["last_counts"] or {}).items())),
              ("Last error", row["last_error"]), ("Pending", pending_line(row)))
    for label, value in fields:
        if value:
            grid.add_row(label, text(value))
    for key, value in (row.get("options") or {}).items():
        grid.add_row(f"  {key}", text(value))
    return Panel(grid, title=text(row["name"], "bold cyan"), title_align="left")


def pending_line(row: SourceStatus) -> str:
    """Items not fetched yet: "3 pages, next try due 2025-09-12 14:00; 1 given up"."""
    parts = []
    if row.get("pending"):
        parts.append(f"{row['pending']} page{'s' * (row['pending'] > 1)}, next try due "
                     f"{(row['next_try'] or '').replace('T', ' ')[:16]}")
    if row.get("given_up"):
        parts.append(f"{row['given_up']} given up")
    return "; ".join(parts)


def pending_table(rows: list[dict]) -> Table:
    """Pages announced but not fetched yet, with their retry state (`briefarc log`)."""
    table = Table(expand=True, title="Pages not fetched yet", title_justify="left")
    for name in ("next try", "source", "tries", "url", "last error"):
        wide = name in ("url", "last error")
        table.add_column(name, no_wrap=not wide, ratio=2 if wide else None, overflow="fold" if wide else "ellipsis")
    for row in rows:
        when = "given up" if row["given_up_at"] else row["next_try"].replace("T", " ")[:16]
        table.add_row(text(when), text(row["source"] or ""), text(row["attempts"]), text(row["url"]),
                      text(row["last_error"] or "", "red"))
    return table


def requests_table(rows: list[RequestRow]) -> Table:
    """Each request: when (UTC), source, status, attempt, time taken, then its URL and error, folded whole."""
    table = Table(expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("at", "source", "status", "try", "ms", "url / error"):
        last = name == "url / error"
        table.add_column(name, no_wrap=not last, overflow="fold", ratio=1 if last else None,
                         justify="right" if name in ("try", "ms") else "left")
    for row in rows:
        where = text(row["url"])
        if row["error"]:
            where.append("\n")
            where.append_text(text(row["error"], "red"))
        table.add_row(text((row["at"] or "")[5:19].replace("T", " ")), text(row["source"] or ""),
                      text(row["status"] or "-"), text(row["attempt"]), text(row["duration_ms"]), where)
    return table


FETCH_COLUMNS = ("discovered", "fetched", "added", "updated", "unchanged", "skipped", "failed", "removed",
                 "deferred")


def fetch_table(reports: list, *, live: bool = False) -> Table:
    """Each source's counts. The summary leaves out counts that are zero everywhere; errors go on lines
    of their own below it (a column would be too narrow to read at 80 columns)."""
    shown = [name for name in FETCH_COLUMNS if live or any(getattr(report, name) for report in reports)]
    table = Table(expand=False)
    table.add_column("source", style="cyan", no_wrap=True)
    for name in shown or FETCH_COLUMNS[:2]:
        table.add_column(name, justify="right")
    for report in reports:
        table.add_row(text(report.name), *(str(getattr(report, name)) for name in shown or FETCH_COLUMNS[:2]))
    return table


def history_table(doc_id: int, versions: list[VersionSummary]) -> Table:
    """One row per version; the short sha256 as git shows a commit (`--json` has it whole)."""
    table = Table(title=f"Document {doc_id}: {len(versions)} version(s)", title_justify="left", box=box.SIMPLE_HEAD,
                  pad_edge=False)
    for name in ("v", "archived", "published", "words", "sha256", "title"):
        table.add_column(name, justify="right" if name == "v" else "left", no_wrap=name != "title",
                         overflow="fold" if name == "title" else "ellipsis", ratio=1 if name == "title" else None)
    for v in versions:
        words = text(f"+{v['words_added']}", "green")
        words.append(f" -{v['words_removed']}", style="red")
        table.add_row(str(v["number"]), text((v["archived_at"] or "")[:16].replace("T", " ")),
                      text((v["published"] or "")[:10]), words, text((v["sha256"] or "")[:12]), text(v["title"] or ""))
    return table
