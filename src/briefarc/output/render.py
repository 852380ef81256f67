"""Documents and search hits as Rich renderables, JSON Lines and CSV.

Web text is untrusted: it goes into Rich only as `Text` objects (never parsed as markup) and
with control characters made visible, so a page cannot restyle the output or drive the terminal.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from briefarc.output.fitting import Fitted, fitted
from briefarc.output.textout import clean, clean_name, shorten, wide_colon, write_csv, write_jsonl  # noqa: F401  (here too for the commands)
from briefarc.output.wrap import Listed, Wrapped
from briefarc.store.search import SNIPPET_CLOSE, SNIPPET_OPEN
from briefarc.store.sitelabel import NONE_SHOWN

if TYPE_CHECKING:
    from collections.abc import Iterable

    from briefarc.models import ListingItem
    from briefarc.store.fetchlog import RequestRow
    from briefarc.store.sources import SourceStatus
    from briefarc.store.stats import ArchiveStats
    from briefarc.store.versions import VersionSummary


def text(value: object, style: str = "") -> Text:
    return Text(clean(value), style=style)


def prose(value: object, style: str = "") -> Wrapped:
    """Text for a table cell that wraps: no line of it begins with closing punctuation (，。、), as in `show`."""
    return Wrapped(clean(value), style=style)


TITLE_CHARS = 300  # of a title in a table or heading; `show` and --json give it whole


def cut_title(title: str) -> str:
    """A document's title for a table or a heading, cut to TITLE_CHARS: a page whose <title> held 10,000 words
    made its row of `list` 1,250 lines high, burying the rows around it."""
    return title if len(title) <= TITLE_CHARS else shorten(title, TITLE_CHARS)


URL_CHARS = 400  # of an address in a table (log); --json gives it whole


def cut_url(url: str) -> str:
    """An address for a table, its start and end kept around an ellipsis when longer than URL_CHARS: a listing's
    link of 100 KB (a hostile site's) folded into thousands of lines of `log --pending` at 80 columns, and into a
    pipe made every line of the table that wide."""
    return url if len(url) <= URL_CHARS else f"{url[:URL_CHARS - 100]}…{url[-99:]}"


def title_cell(title: str | None, style: str = "bold") -> Wrapped:
    return prose(cut_title(title or "(untitled)"), style)


# Characters of a snippet in a table: of the text before, between or after its matches, and in all. FTS5 gives
# 24 words, but a word of 10,000 letters, or a run of emoji (no word to it), is all kept: one hit's snippet drew
# 450 lines. Real snippets hold up to 300 characters, each stretch under 180.
SNIPPET_PART = 240
SNIPPET_CHARS = 480


def snippet_text(snippet: str | None) -> Text:
    """A snippet with the matched terms highlighted; the page's own text is never markup. A stretch of text that
    shows in more than SNIPPET_PART characters is cut with "…" (before the first match, its end is kept; after the
    last, its start; between two, both), and the snippet ends with "…" past SNIPPET_CHARS, once its first match is in.

    The search leaves only the markers it put in (store/search.py), so splitting on them is exact.
    """
    out = Wrapped()
    parts = re.split(f"[{SNIPPET_OPEN}{SNIPPET_CLOSE}]", snippet or "")
    for index, part in enumerate(parts):
        part, style = _stretch(" ".join(part.split("\n")), index, len(parts)), "bold yellow" if index % 2 else ""
        room = SNIPPET_CHARS - len(out.plain)
        if index > 1 and len(clean(part)) > room:
            out.append(clean(_head(part, room)) + "…", style=style)
            break
        out.append(clean(part), style=style)
    return out


def _stretch(part: str, index: int, count: int) -> str:
    """The `index`th of a snippet's `count` stretches (matches at odd places), cut to show in SNIPPET_PART
    characters, escapes included."""
    if len(clean(part)) <= SNIPPET_PART:
        return part
    if index == 0 and count > 1:  # what leads to the first match: its end
        return "…" + _head(part[::-1], SNIPPET_PART)[::-1]
    if index == count - 1:  # what follows the last match (or a snippet without one): its start
        return _head(part, SNIPPET_PART) + "…"
    half = SNIPPET_PART // 2
    return _head(part, half) + "…" + _head(part[::-1], half)[::-1]


def _head(text: str, size: int) -> str:
    """The start of `text` that shows in `size` characters at most once clean() has escaped it: an escape such as
    "\\u200d" is never cut."""
    shown = 0
    for end, char in enumerate(text):
        shown += len(clean(char))
        if shown > size:
            return text[:end]
    return text


def plain_snippet(snippet: str | None) -> str:
    """The snippet's exact text, markers taken out: what a hit's `highlights` offsets point into.

    Scripts get the matches from those offsets, never from brackets that the page could hold too.
    """
    return (snippet or "").replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


def hits_table(hits: list[dict], *, snippets: bool = True) -> HitsTable:
    """search's and list's table of documents (see HitsTable)."""
    return HitsTable(hits, snippets)


def longest_word(titles: Iterable[str | None], cap: int) -> int:
    """The cells of the titles' longest word, up to `cap`: a title column narrower folds it ("Spokesper" / "son").
    Chinese and Japanese, which break between any two characters, have no words to keep whole."""
    from rich.cells import cell_len

    from briefarc.store.text import has_cjk

    words = (word for title in titles for word in clean(title or "").split() if not has_cjk(word))
    return min(cap, max(map(cell_len, words), default=0))


def source_width(max_width: int, *, titles_only: bool = False) -> int:
    """The cells of a table's source column: at most two sevenths of what a hit's id and date leave (HitsTable.AROUND),
    SHORT_NAME from 80 columns on, never under 8. Beside `titles_only` (list: no snippet), three sevenths, up to
    LIST_NAME: "Ministry of Foreign Affairs of the People's Republic of China" whole in three lines, as its title."""
    if titles_only:
        return min(LIST_NAME, max(8, 3 * (max_width - HitsTable.AROUND) // 7))
    return min(SHORT_NAME, max(8, 2 * (max_width - HitsTable.AROUND) // 7))


LIST_NAME = 24  # cells of list's source column from 80 columns on


class HitsTable:
    """A table of documents made at the width it is drawn at: the source takes at most two sevenths of what the id
    and date leave (SHORT_NAME cells from 80 columns on, down to 8), the title and the snippet the rest. At 60
    columns its 16 cells left the title six, folded inside its words ("Foreig", "n Minist", "ry")."""

    AROUND = 24  # the id, the date, and the rules and padding of five columns
    LONG_WORD = 14  # cells: a title word longer may fold inside the table ("Internationalisation")
    MIN_TITLE = 10  # cells: below it each hit is stacked (stacked()); at 40 columns the title had 3, "Fo", "re", "ig"

    def __init__(self, hits: list[dict], snippets: bool) -> None:
        self.hits, self.snippets = hits, snippets

    def __rich_console__(self, console, options):
        source = source_width(options.max_width, titles_only=not self.snippets)
        room = options.max_width - self.AROUND - source
        longest = longest_word((hit.get("title") for hit in self.hits), self.LONG_WORD)
        if (room * 2 // 5 if self.snippets else room) <= max(self.MIN_TITLE, longest):
            yield self.stacked()
        else:
            yield self.table(source)

    def stacked(self) -> Table:
        """Each hit in one cell beside its id, for a terminal too narrow for the columns: the date and source on a
        line, the title under them, then the snippet."""
        table = Table(show_lines=True, expand=True, pad_edge=False)
        table.add_column("id", justify="right", style="cyan", no_wrap=True)
        table.add_column("document", overflow="fold")
        for hit in self.hits:
            where = text(hit.get("published_date") or "")
            where.append_text(Text(" " + site_shown(hit["site"])) if hit.get("site") else Text(" " + NONE_SHOWN, "dim"))
            parts: list[RenderableType] = [where, title_cell(hit.get("title"))]
            if self.snippets:
                parts.append(snippet_text(hit.get("snippet")))
            table.add_row(text(hit["id"]), Group(*parts))
        return table

    def table(self, source: int) -> Table:
        table = Table(show_lines=False, expand=True, pad_edge=False)
        table.add_column("id", justify="right", style="cyan", no_wrap=True)
        table.add_column("date", no_wrap=True)
        table.add_column("source", max_width=source, overflow="fold")
        # Folded, not cut: a title or snippet without spaces (Chinese) wraps as English does.
        table.add_column("title", ratio=2, overflow="fold")
        if self.snippets:
            table.add_column("snippet", ratio=3, overflow="fold")
        for hit in self.hits:
            row: list[RenderableType] = [
                text(hit["id"]), text(hit.get("published_date") or ""), site_cell(hit.get("site"), source),
                title_cell(hit.get("title")),
            ]
            if self.snippets:
                row.append(snippet_text(hit.get("snippet")))
            table.add_row(*row)
        return table


def site_cell(site: str | None, width: int) -> Text:
    """Where a document comes from, whole in a cell `width` cells wide: a name of several words wraps between them
    ("Ministry of Foreign Affairs of the People's Republic of China" in five lines at 16 cells: cut after three,
    China's ministry and Bangladesh's read the same), a host after its dots, a name without spaces folds; only a
    name longer than SITE_CHARS (a hostile page's) is cut, with "…". "—" when no site is known."""
    if not site:
        return Text(NONE_SHOWN, style="dim")
    value = site_shown(site)
    if " " not in value and "." in value and width < len(value):  # a host: wrapped after its dots
        return Text("\n".join(_host_lines(value, width)))
    return Text(value)


SITE_CHARS = 120  # of a site's name in a table: the longest ministries' names take under 100


def site_shown(site: str) -> str:
    """A site's name (or host) as tables show it: on one line, cleaned, cut with "…" past SITE_CHARS (a page's
    og:site_name of 5,000 letters drew its row of `list` 313 lines high)."""
    return shorten(clean(site), SITE_CHARS)


def _host_lines(host: str, width: int) -> list[str]:
    """A host name in lines of at most `width` characters, broken after a dot ("news.xinhua." / "example"),
    never inside a label unless the label alone is wider (the table then folds it)."""
    lines = [""]
    for label in re.split(r"(?<=\.)", host):
        if lines[-1] and len(lines[-1]) + len(label) > width:
            lines.append("")
        lines[-1] += label
    return lines


META_FIELDS = (
    ("title", "Title"), ("subtitle", "Subtitle"), ("published", "Published"), ("source", "Source"),
    ("kind", "Kind"), ("spokesperson", "Spokesperson"), ("author", "Author"), ("language", "Language"),
    ("canonical_url", "URL"), ("claimed_url", "Claims to be"), ("archived_at", "Archived"),
    ("updated_at", "Updated"), ("removed_at", "Removed"), ("versions", "Versions"), ("sha256", "SHA-256"),
    ("origin", "Origin"), ("feed_entry", "Feed entry"), ("feed_sha256", "Feed SHA-256"),
)
WHOLE_FIELDS = ("canonical_url", "claimed_url", "sha256", "origin", "feed_entry", "feed_sha256")
LABEL_WIDTH = 14  # a value wrapped on a terminal goes on under its start, not from the first column


def document_view(record: dict, heading: str | None = None) -> Group:
    """A document as plain lines: "Label  value" for the metadata, each value whole (never cut; the URLs,
    sha256 and origin never broken by us, so the terminal's own wrap copies as one line; a long title wrapped
    under its start), then the text as paragraphs, and speaker labels on the line of what they said. A
    wrapped line never begins with closing punctuation (output/wrap.py). No box around the text, so that it
    copies cleanly; print it with soft_wrap=True for a pipe, to keep each paragraph on one line."""
    lines: list[RenderableType] = [Text(heading or f"Document {record['id']}", style="bold cyan")]
    for key, label in META_FIELDS:
        value = record.get(key)
        if key == "canonical_url":
            value = value or record.get("url")
        if key == "source":
            value = value or record.get("site") or NONE_SHOWN
        if value not in (None, ""):
            lines.append(labelled(label, value, whole=key in WHOLE_FIELDS))
    lines.append(Text(""))
    if record.get("turns") or record.get("paragraphs") or record.get("body"):
        lines.append(body_renderable(record))  # a listing has none
    return Group(*lines)


def labelled(label: str, value: object, whole: bool = False, width: int = LABEL_WIDTH) -> Wrapped:
    """"Label  value" as the document view writes it, the label in `width` cells: the value wrapped under its
    start, or (`whole`: an address, a hash) never wrapped nor cut by us, for the terminal to wrap and a copy to
    keep on one line."""
    line = Wrapped(no_wrap=whole, overflow="ignore" if whole else None, hang=width)
    line.append(f"{label:<{width}}", style="bold")
    line.append(clean_name(value) if whole else clean(value))  # a file name's line break would forge a field
    return line


def body_renderable(record: dict) -> RenderableType:
    """The body as paragraphs, a blank line between them. In a transcript each label the page writes before a
    turn ("Question:", "答：", "MR PRICE:") stands out in its role's colour; the text is the page's, headings and
    all, and no label is added where the page has none (`show --turns` gives each turn with its speaker). Turns
    that do not follow the paragraphs (a feed entry's) are shown one by one, each under its speaker."""
    turns = record.get("turns") or []
    paragraphs = record.get("paragraphs") or [record.get("body") or ""]
    if not turns:
        return Group(*(Wrapped(clean(p) + "\n") for p in paragraphs))
    shown = _with_labels(paragraphs, turns)
    return Group(*shown) if shown is not None else Group(*(_turn_text(turn) for turn in turns))


LABEL_CHARS = 80  # a label before a turn's text: "Question raised after the press conference:" and shorter


def _with_labels(paragraphs: list[str], turns: list[dict]) -> list[Wrapped] | None:
    """The paragraphs, the label of each one that opens a turn in its role's style; None when fewer than half
    the turns open on a paragraph of the body."""
    out, index, opened = [], 0, 0
    for paragraph in paragraphs:
        text = clean(paragraph)
        line = Wrapped()
        start = (turns[index].get("text") or "").split("\n\n")[0] if index < len(turns) else ""
        label = text[:len(text) - len(clean(start))] if start and text.endswith(clean(start)) else None
        if label is not None and len(label) <= LABEL_CHARS and (not label or label.rstrip()[-1:] in (":", "：")):
            line.append(label, style=TURN_STYLES.get(turns[index].get("role") or "", "bold"))
            text, index, opened = text[len(label):], index + 1, opened + 1
        line.append(text + "\n")
        out.append(line)
    return out if 2 * opened >= len(turns) else None


TURN_STYLES = {"question": "bold magenta", "answer": "bold green", "statement": "bold blue"}


def _turn_text(turn: dict) -> Text:
    """A turn as one paragraph, its speaker's label at the start. A label in Chinese or Japanese (答, 华春莹),
    or one before text in those languages, ends in a full-width colon and no space, as those languages write
    it ("答：3月2日，…" as the page has it): a space there would let the terminal's wrap move the whole unspaced
    paragraph to the next line, leaving the label alone."""
    out = Wrapped()
    speaker, said = clean(turn.get("speaker")), clean(turn.get("text"))
    if speaker:
        out.append(speaker + ("：" if wide_colon(speaker, said) else ": "),
                   style=TURN_STYLES.get(turn.get("role") or "", "bold"))
    out.append(said + "\n")
    return out


def stats_renderable(stats: ArchiveStats) -> Group:
    rows = [(key.capitalize(), f"{stats[key]:,}") for key in ("documents", "versions", "snapshots", "removed")]
    rows += [("Raw bytes", _size(stats["raw_bytes"])), ("Database", _size(stats["database_bytes"]))]
    label_width, value_width = max(len(label) for label, _ in rows), max(len(value) for _, value in rows)
    summary = Text()  # the sizes right-aligned in one column, the database's path after its size
    for label, value in rows:
        summary.append(label.ljust(label_width + 2), style="bold")
        summary.append(value.rjust(value_width))
        summary.append(f"  {clean(stats['path'])}" if label == "Database" else "\n")
    parts: list[RenderableType] = [summary]
    for title, counts in (("Source", stats["by_source"]), ("Kind", stats["by_kind"]), ("Year", stats["by_year"]),
                          ("Language", stats["by_language"])):
        if not counts:  # an empty archive: four headings over nothing said less than "Documents 0"
            continue
        table = Table(title=None, expand=False)
        table.add_column(title)
        table.add_column("documents", justify="right")
        for item in counts:
            table.add_row(text(item["value"] or NONE_SHOWN), f"{item['count']:,}")
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
    """What `briefarc parse` shows for one page without --json; for a listing, its links to articles."""
    record = doc.to_record()
    record["id"], record["site"] = name, parsed_site(name, doc)
    view = document_view({**record, "turns": [vars(t) for t in doc.turns]}, heading=clean(name))
    return Group(view, listing_view(doc.items, doc.next_page)) if doc.kind == "listing" else view


def parsed_site(name: str, doc) -> str | None:
    """The site label `show` would give the page ingested without a source (store/sitelabel.py's UNFILED_SQL):
    the site's name it gives, else the host of its address as ingest would store it (store/identity.py: a
    canonical link to another site is only a claim), else of the address it claims. parse's record has only
    `site_name`, so parse showed "Source  —" for every page."""
    from briefarc.models import RawPage
    from briefarc.store.identity import identify
    from briefarc.store.sitelabel import url_host

    if (doc.site_name or "").strip(" "):  # SQLite's trim() takes spaces only
        return doc.site_name.strip(" ")
    found = identify(doc, RawPage(data=b"", origin=name, url=doc.url), digest="")
    return url_host(found.canonical_url or found.url or found.claimed_url)


def listing_view(items: list[ListingItem], next_page: str | None) -> Group:
    """A listing's links: how many, a note when some are relative to an address the page does not give (a
    saved page: --url gives it), then each as its date and title ("2020-04-30    Title") over its address,
    whole on a line of its own; and the next page's address."""
    from briefarc.urls import is_web_url

    lines: list[RenderableType] = [Text(f"{len(items):,} link{'s' * (len(items) != 1)} to articles", style="bold")]
    relative = sum(1 for item in items if not is_web_url(item.url))
    next_relative = bool(next_page) and not is_web_url(next_page)
    if relative or next_relative:
        which = "The next page" if not relative else f"{relative:,} of them" + " and the next page" * next_relative
        lines.append(Text(f"{which} relative: give the page's address with --url to resolve them.", style="yellow"))
    for item in items:
        line = Wrapped(hang=LABEL_WIDTH)
        line.append(f"{(item.published or '')[:10]:<{LABEL_WIDTH}}", style="bold")
        line.append(clean(item.title) or NONE_SHOWN)
        lines.append(line)
        address = Wrapped(no_wrap=True, overflow="ignore")
        address.append(" " * LABEL_WIDTH + clean(item.url), style="dim")
        lines.append(address)
    if next_page:
        lines.append(labelled("Next page", next_page, whole=True))
    return Group(*lines)


def sources_table(rows: list[SourceStatus]) -> Fitted:
    table = Table(expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
    results = [run_result(row) for row in rows]
    widest = max((Listed.widest_item(result.plain) for result in results), default=1)  # a ratio column's minimum
    for name in ("name", "kind", "on", "docs", "last run", "result"):
        table.add_column(name, style="cyan" if name == "name" else "", justify="right" if name == "docs" else "left",
                         no_wrap=name in ("name", "on", "last run"), ratio=2 if name == "result" else None,
                         min_width=widest if name == "result" else None)
    for row, result in zip(rows, results, strict=True):
        last_run = (row["last_run"] or "never").replace("T", "\n")[:16]  # its time under its date: 6 cells more
        table.add_row(text(row["name"]), text(row["kind"]), "yes" if row["enabled"] else "no",
                      f"{row['documents']:,}", text(last_run), result)
    return fitted(table)


def run_result(row: SourceStatus) -> Text:
    """What the last run did, or what went wrong in it (in red); `sources show` has the whole story."""
    result = Listed(clean(run_counts(row["last_counts"])))  # "2 unchanged" whole on a line
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


# the options `sources add` takes, stored under these keys: shown as the flags a user types
OPTION_FLAGS = {"item_selector": "--item-selector", "next_selector": "--next-selector",
                "link_pattern": "--link-pattern", "full_text": "--full-text"}


def _option_flag(key: str) -> str:
    return OPTION_FLAGS.get(key, key)


def source_view(row: SourceStatus) -> Group:
    """One source as `show` writes a document, with no box: its name, its URL on a line of its own, whole and
    never folded by us (inside a box a long one went on after a "│", which a copy picked up), then "Label  value"
    lines; an option that is an address is whole too."""
    from briefarc.urls import is_web_url

    fields = [("Title", row["title"]), ("Kind", row["kind"]),
              ("Built in", "yes" if row["builtin"] else "no"), ("Enabled", "yes" if row["enabled"] else "no"),
              ("Documents", f"{row['documents']:,}"), ("Last run", row["last_run"] or "never"),
              ("Last counts", ", ".join(f"{k} {v}" for k, v in (row["last_counts"] or {}).items())),
              ("Last error", row["last_error"]), ("Pending", pending_line(row))]
    fields += [(f"  {_option_flag(key)}", value) for key, value in (row.get("options") or {}).items()]
    width = max(len(label) for label, value in fields if value not in (None, "")) + 2
    address = Wrapped(no_wrap=True, overflow="ignore")
    address.append(clean_name(row["url"] or ""))
    lines: list[RenderableType] = [Text(f"Source {clean(row['name'])}", style="bold cyan"), address]
    for label, value in fields:
        if value not in (None, ""):
            lines.append(labelled(label, value, whole=is_web_url(str(value)), width=width))
    return Group(*lines)


def pending_line(row: SourceStatus) -> str:
    """Items not fetched yet: "3 pages, next try due 2025-09-12 14:00; 1 given up"."""
    parts = []
    if row.get("pending"):
        parts.append(f"{row['pending']} page{'s' * (row['pending'] > 1)}, next try due "
                     f"{(row['next_try'] or '').replace('T', ' ')[:16]}")
    if row.get("given_up"):
        parts.append(f"{row['given_up']} given up")
    return "; ".join(parts)


def pending_table(rows: list[dict], *, whole: bool = False) -> RenderableType:
    """Pages announced but not fetched yet, with their retry state (`briefarc log`). The source and error
    columns only when some row has one, so that the URLs get the room at 80 columns; with `whole` (a pipe)
    no cell is folded: console.print_table gives the table the width its URLs need."""
    table = Table(expand=not whole, title="Pages not fetched yet", title_justify="left")
    shown = ["next try"] + ["source"] * any(row["source"] for row in rows) + ["tries", "url"] + \
        ["last error"] * any(row["last_error"] for row in rows)
    for name in shown:
        wide = name in ("url", "last error") and not whole
        table.add_column(name, no_wrap=not wide, ratio=(2 if name == "url" else 1) if wide else None,
                         overflow="fold" if wide else "ellipsis", justify="right" if name == "tries" else "left")
    for row in rows:
        when = "given up" if row["given_up_at"] else row["next_try"].replace("T", " ")[:16]
        cells = {"next try": text(when), "source": text(row["source"] or ""), "tries": text(row["attempts"]),
                 "url": text(cut_url(row["url"])), "last error": text(row["last_error"] or "", "red")}
        table.add_row(*(cells[name] for name in shown))
    return table if whole else fitted(table)


def requests_table(rows: list[RequestRow], *, whole: bool = False) -> RenderableType:
    """Each request: when (UTC), source, status, attempt, time taken, then its URL and error, folded whole at
    the terminal's width; with `whole` (a pipe) never folded: console.print_table makes the room."""
    table = Table(expand=not whole, box=box.SIMPLE_HEAD, pad_edge=False)
    for name in ("at", "source", "status", "try", "ms", "url / error"):
        last = name == "url / error"
        table.add_column(name, no_wrap=whole or not last, overflow="fold", ratio=1 if last and not whole else None,
                         justify="right" if name in ("try", "ms") else "left")
    for row in rows:
        where = text(cut_url(row["url"] or ""))
        if row["error"]:
            where.append("\n")
            where.append_text(text(row["error"], "red"))
        table.add_row(text((row["at"] or "")[5:19].replace("T", " ")), text(row["source"] or ""),
                      text(row["status"] or "-"), text(row["attempt"]), text(row["duration_ms"]), where)
    return table if whole else fitted(table)


FETCH_COLUMNS = ("discovered", "fetched", "added", "updated", "unchanged", "skipped", "failed", "removed",
                 "deferred")


def fetch_table(reports: list, width: int) -> RenderableType:
    """Each source's counts: discovered and fetched, and the others that are not zero everywhere. A table
    whose headers are whole in `width` cells (a long source name wraps); when the counts alone need more,
    a line per source instead ("12 discovered, 10 fetched, ..."). Errors go on lines of their own below it."""
    shown = [name for name in FETCH_COLUMNS
             if name in FETCH_COLUMNS[:2] or any(getattr(report, name) for report in reports)]

    def counts_table(names: list[str]) -> Table:
        table = Table(expand=False)
        table.add_column("source", style="cyan", overflow="fold")
        for name in shown:
            table.add_column(name, justify="right", no_wrap=True)
        for name, report in zip(names, reports, strict=True):
            table.add_row(text(name), *(str(getattr(report, count)) for count in shown))
        return table

    if fits(counts_table([report.name[:SHORT_NAME] for report in reports]), width):
        return counts_table([report.name for report in reports])
    lines = Table.grid(padding=(0, 2))
    lines.add_column(style="cyan", overflow="fold", max_width=SHORT_NAME)
    lines.add_column(overflow="fold", ratio=1)
    for report in reports:
        lines.add_row(text(report.name), ", ".join(f"{getattr(report, name)} {name}" for name in shown
                                                   if getattr(report, name) or name in FETCH_COLUMNS[:2]))
    return lines


SHORT_NAME = 16  # cells a source name may take in a narrow table before it wraps


def fits(renderable: RenderableType, width: int) -> bool:
    """Whether `renderable` is drawn whole (nothing wrapped or cut) in `width` terminal cells."""
    from rich.console import Console
    from rich.measure import Measurement

    measuring = Console(width=10_000, emoji=False)
    return Measurement.get(measuring, measuring.options, renderable).maximum <= width


def history_table(doc_id: int, versions: list[VersionSummary]) -> Group:
    """One row per version; the short sha256 as git shows a commit (`--json` has it whole). A title or a
    publication date that no version changes is said once above the table, so that at 80 columns the
    table is not squeezed by a column repeating it; when they change, a column shows each new value."""
    titles = [v["title"] or "" for v in versions]
    dates = [(v["published"] or "")[:10] for v in versions]
    heading = Text(f"Document {doc_id}: {len(versions)} version{'s' * (len(versions) != 1)}", style="bold")
    if len(set(dates)) == 1 and dates[0]:
        heading.append(f", published {dates[0]}")
    if len(set(titles)) == 1 and titles[0]:
        heading.append("\n" + clean(cut_title(titles[0])), style="bold cyan")
    heading.append("\n")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    columns = ["v", "archived"] + ["published"] * (len(set(dates)) > 1) + ["words", "sha256"] + \
        ["title"] * (len(set(titles)) > 1)
    for name in columns:
        table.add_column(name, justify="right" if name == "v" else "left", no_wrap=name != "title",
                         overflow="fold" if name == "title" else "ellipsis", ratio=1 if name == "title" else None)
    for index, v in enumerate(versions):
        words = text(f"+{v['words_added']}", "green")
        words.append(f" -{v['words_removed']}", style="red")
        cells: dict[str, RenderableType] = {
            "v": str(v["number"]), "archived": text((v["archived_at"] or "")[:16].replace("T", " ")),
            "published": text(dates[index]), "words": words, "sha256": text((v["sha256"] or "")[:12]),
            "title": text(cut_title(titles[index])) if not index or titles[index] != titles[index - 1]
            else Text("(same)", style="dim")}
        table.add_row(*(cells[name] for name in columns))
    return Group(heading, fitted(table))
