"""Rendering for the corpus commands: turns, outlets, speakers, concordance lines, trends, parallel texts.

As in render.py, web text reaches Rich only as Text objects made safe by clean().
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size, set_cell_size
from rich.console import Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from briefarc.output.fitting import WIDE, fitted, records
from briefarc.output.render import (
    SHORT_NAME,
    TURN_STYLES,
    cut_title,
    longest_word,
    prose,
    shorten,
    site_cell,
    site_shown,
    source_width,
    text,
    title_cell,
)
from briefarc.output.summaries import count
from briefarc.output.textout import clean
from briefarc.output.wrap import Host, Wrapped
from briefarc.store.sitelabel import NONE_SHOWN


def turn_label(turn: dict) -> Text:
    """"12#3" and the speaker, styled by role."""
    out = Text(f"{turn['id']}#{turn['turn']}", style="cyan")
    if turn.get("speaker"):
        out.append(" " + clean(turn["speaker"]), style=TURN_STYLES.get(turn.get("role") or "", "bold"))
    return out


def turns_table(turns: list[dict]) -> TurnsTable:
    """Turns as rows: each under its reference (ID#N), with its date, source, role and who spoke (the outlet of a
    question; the spokesperson for an answer under a generic label such as A: or 答：). See TurnsTable."""
    return TurnsTable(turns)


def gaps_table(turns: list[dict]) -> TurnsTable:
    """`parallel --gaps`: turns_table with the id of the version in the other language that lacks each turn."""
    return TurnsTable(turns, missing=True)


class TurnsTable:
    """turns_table's table, made at the width it is drawn at: of what the reference, date and role leave, the
    source takes at most two fifths (14 cells) and the speaker a third of the rest (24 cells), so that the text
    keeps the most. At 24 cells always, one label such as SENIOR ADMINISTRATION OFFICIAL NUMBER ONE left the
    text two cells at 80 columns, on every row."""

    SOURCE = 14
    SPEAKER = 24
    LONG_WORD = 16  # a speaker's word longer than this may fold
    TEXT_LEAST = 16  # cells the text keeps at 80 columns beside a speaker's long word
    RULES = 17  # six columns' borders and padding (no padding at the edges)
    LINE_MOST = 80

    def __init__(self, turns: list[dict], *, missing: bool = False) -> None:
        from briefarc.analysis.turns import speaker_named

        self.turns = turns
        self.fixed = ("turn", "date", "role", *(("not in",) if missing else ()))  # never cut
        self.whole = [(text(f"{turn['id']}#{turn['turn']}", "cyan"), text(turn.get("date")), text(turn.get("role")),
                       *((text(str(turn["missing_from"]), "cyan"),) if missing else ())) for turn in turns]
        self.speakers = [text(turn.get("outlet") or speaker_named(turn) or turn.get("speaker")) for turn in turns]
        # with room for every row on a line (a wide terminal, a pipe): sources and speakers on one line too, up to
        # LINE_MOST cells (a hostile page's name of thousands of letters is still cut)
        sources = [cell_len(clean(turn.get("site") or turn.get("source") or "")) for turn in turns]
        self.wide_source = max(self.SOURCE, min(self.LINE_MOST, max(sources, default=0)))
        self.wide_speaker = max(self.SPEAKER, min(self.LINE_MOST, max((said.cell_len for said in self.speakers),
                                                                       default=0)))

    def __rich_measure__(self, console, options):
        """As wide as its rows need (a row a line), not the whole width it is offered: into a pipe, print_table
        draws it at the width measured here, and the table, which expands, was 100,000 cells wide."""
        return Measurement.get(console, options, self.natural())

    def natural(self) -> Table:
        table = self.table(self.wide_source, self.wide_speaker)
        table.expand = False
        return table

    def __rich_console__(self, console, options):
        if Measurement.get(console, options.update_width(WIDE), self.natural()).maximum <= options.max_width:
            yield self.table(self.wide_source, self.wide_speaker)  # room for every row on a line
            return
        fixed = sum(max([cell_len(name)] + [row[index].cell_len for row in self.whole])
                    for index, name in enumerate(self.fixed))
        left = options.max_width - self.RULES - 3 * (len(self.fixed) - 3) - fixed
        # the speaker's longest word whole (up to LONG_WORD cells: "ADMINISTRATION" folded after nine at 80
        # columns), its heading unfolded; the source has two fifths of what is left
        longest = min(self.LONG_WORD, max((cell_len(word) for said in self.speakers for word in said.plain.split()),
                                          default=0))
        source = min(self.SOURCE, max(6, 2 * left // 5))
        speaker = max(len("speaker"), longest, min(self.SPEAKER, (left - source) // 3))
        source = min(source, max(6, left - speaker - self.TEXT_LEAST))  # the site's name wraps on more lines
        yield fitted(self.table(source, speaker), loose=self.table(SHORT_NAME, self.SPEAKER))

    def table(self, source: int, speaker: int) -> Table:
        table = Table(expand=True, pad_edge=False)
        columns: list[tuple[str, dict]] = [
            ("turn", {"no_wrap": True}), ("date", {"no_wrap": True}),
            ("source", {"max_width": source, "overflow": "fold"}), ("role", {"no_wrap": True}),
            ("speaker", {"max_width": speaker, "overflow": "fold"}),
            *((name, {"no_wrap": True}) for name in self.fixed[3:]), ("text", {"ratio": 3, "overflow": "fold"})]
        for name, column in columns:
            table.add_column(name, **column)
        for turn, (ref, date, role, *more), said in zip(self.turns, self.whole, self.speakers, strict=True):
            table.add_row(ref, date, site_cell(turn.get("site") or turn.get("source"), source), role,
                          said, *more,
                          prose(shorten(turn.get("text") or "")))
        return table


def turn_heading(turn: dict, label: str) -> Text:
    """"Document 12, turn 3  2025-03-12 · its title" above one turn or the numbered turns."""
    head = Wrapped(label, style="bold cyan")
    title = cut_title(turn.get("title") or "")
    head.append("  " + clean(" · ".join(str(v) for v in (turn.get("date"), title) if v)))
    return head


def turn_panel(turn: dict) -> Group:
    """One turn under its document's title, after the question it answers when it is an answer. The texts wrap
    as in `show`: no line begins with closing punctuation (，。)."""
    parts: list = [turn_heading(turn, f"Document {turn['id']}, turn {turn['turn']}"), Text("")]
    if turn.get("question"):
        parts += [turn_label(turn["question"]), Wrapped(clean(turn["question"]["text"]) + "\n")]
    parts += [turn_label(turn), Wrapped(clean(turn["text"]))]
    return Group(*parts)


def numbered_turns(turns: list[dict]) -> Group:
    """Every turn of a document with the number that cites it (ID#N), under the document's date and title."""
    parts: list = [turn_heading(turns[0], f"Document {turns[0]['id']}, {count(len(turns), 'turn')}"), Text("")]
    for turn in turns:
        parts += [turn_label(turn), Wrapped(clean(turn["text"]) + "\n")]
    return Group(*parts)


def simple_table(rows: list[dict], columns: list[str], *, right: tuple[str, ...] = ()) -> SimpleTable:
    """A plain table of records: one column per key, lists joined with commas. Names, numbers and dates are
    never cut; lists and long text wrap (folding CJK text, which has no spaces) to make room. The headings
    wrap at their underscores when the table needs the room."""
    return SimpleTable(rows, columns, right)


class SimpleTable:
    """simple_table's table, made at the width it is drawn at. A column that is never cut has its width set:
    the widest of its values and its heading, or, when the table would not fit so, of its values and its
    heading's longest word (the heading wraps). With only a min_width, Rich narrowed such a column together
    with the wrapping ones, widened it back and cropped the table's right edge (an outlet of ten Chinese
    characters did, in `briefarc outlets` at 80 columns)."""

    def __init__(self, rows: list[dict], columns: list[str], right: tuple[str, ...]) -> None:
        places = {column: _decimals(row.get(column) for row in rows) for column in columns}
        self.cells = [[_cell(column, row.get(column), places[column]) for column in columns] for row in rows]
        self.columns, self.right = columns, right
        self.whole = [column != "source" and not any(isinstance(row.get(column), list) or
                                                     len(str(row.get(column) or "")) > LONG_CELL for row in rows)
                      for column in columns]

    def table(self, *, wrap_headings: bool) -> Table:
        table = Table(pad_edge=False)
        # The source gives way to a column that wraps (a query, a list); beside columns all set, it takes the room
        # they leave (`speakers` at 80 columns wrapped the China MFA's name into five lines with 9 cells unused).
        source_width = SHORT_NAME if not all(whole for column, whole in zip(self.columns, self.whole, strict=True)
                                             if column != "source") else None
        for index, column in enumerate(self.columns):
            heading = column.replace("_", " ")
            words = heading.split() if wrap_headings else [heading]
            width = max([cell_len(line[index].plain) for line in self.cells] + list(map(cell_len, words))) \
                if self.whole[index] else None
            table.add_column(heading, justify="right" if column in self.right else "left", width=width,
                             max_width=source_width if column == "source" else None, overflow="fold")
        for line in self.cells:
            table.add_row(*line)
        return table

    def __rich_console__(self, console, options):
        from rich.measure import Measurement

        wide = options.update_width(10_000)
        for wrap_headings in (False, True):
            table = self.table(wrap_headings=wrap_headings)
            if Measurement.get(console, wide, table).minimum <= options.max_width:
                yield table
                return
        yield records(self.table(wrap_headings=False))  # too narrow even so: each row as lines


def _decimals(values) -> int | None:
    """How many decimals a column of numbers shows: as many as its most precise value (None: not floats)."""
    found = [len(repr(value).partition(".")[2]) for value in values if isinstance(value, float)]
    return min(2, max(found)) if found else None


def _cell(column: str, value, decimals: int | None) -> Text:
    if column == "source":  # a site name whole (cut past SITE_CHARS), "—" when not known (store/sitelabel.py)
        shown = site_shown(value) if value else ""
        # a host wraps after its dots at the width the table gives it, not at SHORT_NAME cells whatever the room
        return Host(shown) if " " not in shown and "." in shown else site_cell(value, SHORT_NAME)
    if isinstance(value, list):
        return text(", ".join(map(str, value)))
    if isinstance(value, float) and decimals is not None:
        return Text(f"{value:.{decimals}f}")
    return text(value)


LONG_CELL = 24  # characters: a longer value (a query, a site's full name) may wrap


def _fit_left(value: str, cells: int) -> str:
    """The end of `value` that fits `cells` terminal cells, padded on the left (CJK characters take two)."""
    kept = _fit(clean(value), cells, end=True)
    return " " * (cells - cell_len(kept)) + kept


def _fit_right(value: str, cells: int) -> str:
    """The start of `value` that fits `cells` terminal cells (never half a CJK character)."""
    return _fit(clean(value), cells, end=False)


def _fit(value: str, cells: int, *, end: bool) -> str:
    """The longest start of `value`, or its end, that fits `cells` cells. Joined sequences (JOINED) are measured
    whole, the part kept growing a character at a time; other text by its characters' widths added up."""
    if not JOINED.search(value):
        return _fitting(value[::-1], cells)[::-1] if end else _fitting(value, cells)
    kept = 0
    while kept < len(value) and cell_len(value[-kept - 1:] if end else value[:kept + 1]) <= cells:
        kept += 1
    return value[len(value) - kept:] if end else value[:kept]


# A joiner or a variation selector: a sequence's width is then not its characters' added up, and is measured whole.
JOINED = re.compile("[\u200d\ufe0f]")


def _fitting(chars: str, cells: int) -> str:
    """The longest start of `chars` that fits `cells` cells, the characters' widths added up as they come: measuring
    the string kept again at each character made `kwic 的 --limit 5000` take 2.1 s into a pipe (0.3 s as JSON)."""
    used = 0
    for index, char in enumerate(chars):
        used += get_character_cell_size(char)
        if used > cells:
            return chars[:index]
    return chars


MIN_CONTEXT = 20  # cells of context on each side before a long source name is shortened to make room
NARROW_CONTEXT = 8  # cells of context on each side under which the source is left out (at 40 columns: 2 cells)
MIN_MATCH = 20  # cells a match too wide for its line keeps beside a shortened source; else the source goes
LEAST_MATCH = 8  # cells a match too wide for its line keeps however narrow the terminal


class KwicLines:
    """Concordance lines with the term aligned in a centre column. The reference (id#turn) and the date are never
    cut; the context on either side shrinks to the terminal's width (at most `width` cells), a long source name
    is shortened only when the context would drop below MIN_CONTEXT, and left out when even so the context would
    have less than NARROW_CONTEXT cells (a terminal of 40 columns). A match too wide for the line (a long phrase)
    is cut in its middle with "…" (see _match_width): uncut, `kwic '"the greatest threat to peace and stability
    across the Taiwan Strait"'` at 80 columns ran past the edge, silently cropped, with no context and no source."""

    def __init__(self, lines: list[dict], width: int) -> None:
        self.lines, self.width = lines, width
        self.refs = [f"{line['id']}#{line['turn']}" if line.get("turn") else str(line["id"]) for line in lines]

    def _widths(self, max_width: int) -> tuple[int, int, int, int, int]:
        """(ref, date, source, match, context) cell widths for a console `max_width` cells wide."""
        ref = max(map(cell_len, self.refs))
        date = max(cell_len(clean(line.get("date") or "")) for line in self.lines)
        source = max(cell_len(clean(line.get("source") or NONE_SHOWN)) for line in self.lines)
        match = self._match_width(max_width, ref + date, source)
        fixed = ref + date + match + 5  # five single spaces between the six columns
        room = max_width - fixed - source
        wanted = min(self.width, MIN_CONTEXT)  # a --width under MIN_CONTEXT asks no more room of the source
        if room < 2 * wanted and source > 8:
            source = max(8, source - (2 * wanted - room))
            room = max_width - fixed - source
        if room // 2 < min(self.width, NARROW_CONTEXT):  # the source goes, and its space: context, not 2 cells of it
            source, room = 0, max_width - fixed + 1
        return ref, date, source, match, max(1, min(self.width, room // 2))

    def _match_width(self, max_width: int, around: int, source: int) -> int:
        """The match column's cells: the widest match, or, when it leaves the line no NARROW_CONTEXT cells each
        side beside a source shortened to 8 cells, what it leaves; the source goes first when that is under
        MIN_MATCH, and the match keeps LEAST_MATCH cells at least (a terminal of 40 columns)."""
        widest = max(cell_len(clean(line["match"])) for line in self.lines)
        spare = max_width - around - 5 - 2 * min(self.width, NARROW_CONTEXT)  # for the source and the match
        beside_source = spare - min(source, 8)
        if widest <= beside_source:
            return widest
        room = beside_source if beside_source >= MIN_MATCH else spare + 1  # the source's space and its blank
        return min(widest, max(LEAST_MATCH, room))

    def __rich_measure__(self, console, options):
        """As wide as the lines with their whole context (`width` cells each side): a pipe gets that."""
        ref, date, source, match, _ = self._widths(10**9)
        widest = ref + date + source + match + 5 + 2 * self.width
        return Measurement(min(widest, options.max_width), min(widest, options.max_width))

    def __rich_console__(self, console, options):
        ref_w, date_w, source_w, match_w, context = self._widths(options.max_width)
        for ref, line in zip(self.refs, self.lines, strict=True):
            row = Text(no_wrap=True, overflow="crop")
            row.append(ref.ljust(ref_w), style="cyan")
            source = clean(line.get("source") or NONE_SHOWN)  # "—" as every table shows an unknown site
            if cell_len(source) > source_w:
                source = _fit_right(source, source_w - 1) + "…"
            source = set_cell_size(source, source_w) + " " if source_w else ""
            row.append(" " + clean(line.get("date") or "").ljust(date_w) + " " + source)
            row.append(_fit_left(line["left"], context) + " ")
            row.append(set_cell_size(_cut_middle(clean(line["match"]), match_w), match_w), style="bold yellow")
            row.append(" " + _fit_right(line["right"], context))
            row.rstrip()
            yield row


def _cut_middle(value: str, cells: int) -> str:
    """`value` in `cells` cells: whole, or its start and its end around "…", so that each side of the match still
    reads on into its context."""
    if cell_len(value) <= cells:
        return value
    head = _fit(value, cells // 2, end=False)
    return head + "…" + _fit(value, cells - 1 - cell_len(head), end=True)


def kwic_lines(lines: list[dict], width: int) -> KwicLines:
    """Concordance lines with the term aligned in a centre column (see KwicLines)."""
    return KwicLines(lines, width)


TERM_COLOURS = ("green", "magenta", "cyan", "yellow", "blue", "red")
BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(value: float, top: float, cells: int) -> str:
    """A horizontal bar of `value` out of `top` in at most `cells` cells, in eighths of a cell."""
    eighths = round(8 * cells * value / top) if top else 0
    return "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")


class TrendChart:
    """Per period, one bar per term side by side: documents mentioning it per 100 documents, with the counts.
    The period, term, value and counts are never cut: the bars get what the terminal's width leaves (at most
    `cells`; under MIN_BAR only when the counts would not fit beside them, and none under three cells)."""

    def __init__(self, rows: list[dict], cells: int) -> None:
        self.rows, self.cells = rows, cells
        self.counts = [f"{row['term_documents']}/{row['documents']} docs, {count(row['mentions'], 'mention')}"
                       for row in rows]

    def __rich_console__(self, console, options):
        terms = list(dict.fromkeys(row["term"] for row in self.rows))
        top = max((row["per_100"] or 0.0 for row in self.rows), default=0.0)
        period_w = max(cell_len(row["period"]) for row in self.rows)
        term_w = max(cell_len(clean(term)) for term in terms)
        values = [NO_RATE if row["per_100"] is None else f"{row['per_100']:.1f}" for row in self.rows]
        value_w = max(map(len, values))
        fixed = period_w + term_w + value_w + max(map(len, self.counts)) + 4
        cells = min(self.cells, options.max_width - fixed)  # the counts stay whole: the bars give way, then go
        cells = cells if cells >= MIN_BAR or options.max_width >= fixed + MIN_BAR else max(0, cells)
        cells = 0 if cells < 3 else cells
        previous = None
        for row, counts, value in zip(self.rows, self.counts, values, strict=True):
            colour = TERM_COLOURS[terms.index(row["term"]) % len(TERM_COLOURS)]
            period = row["period"] if row["period"] != previous else ""
            previous = row["period"]
            line = Text(no_wrap=True, overflow="crop")
            line.append(period.ljust(period_w), style="bold")
            line.append(" " + set_cell_size(clean(row["term"]), term_w) + " ", style=colour)
            empty = "" if row["per_100"] is None else "·"  # no documents in the period: nothing to show
            if cells:
                line.append((bar(row["per_100"] or 0.0, top, cells) or empty).ljust(cells) + " ", style=colour)
            line.append(f"{value:>{value_w}} ")
            line.append(counts, style="dim")
            yield line


MIN_BAR = 10
NO_RATE = "–"  # a period without documents: no rate


def trend_chart(rows: list[dict], *, cells: int = 40) -> TrendChart:
    """Per period, one bar per term side by side (see TrendChart)."""
    return TrendChart(rows, cells)


def parallel_table(result: dict) -> Table:
    """Two versions side by side, turn beside turn; a turn one version lacks faces an empty cell."""
    table = Table(expand=True, show_lines=True, pad_edge=False,
                  title=Text(f"{result['left']} ⇄ {result['right']}  {result['date']}  "
                             f"(confidence {result['confidence']:.2f})"))
    table.add_column(f"document {result['left']}", ratio=1, overflow="fold")
    table.add_column(f"document {result['right']}", ratio=1, overflow="fold")
    previous: list = [None, None]
    for row in result["turns"]:
        cells = []
        for index, side in enumerate((row["left"], row["right"])):
            if side is None:
                cells.append(Text("—", style="dim"))
            elif previous[index] is not None and side["turn"] == previous[index]["turn"]:
                cells.append(Text(f"↑ {side['id']}#{side['turn']} (one turn in this version)", style="dim"))
            else:
                cell = Wrapped()  # a Chinese turn wraps as in `show`: no line begins with "，" or "。"
                cell.append_text(turn_label(side))
                cell.append("\n" + clean(side["text"]))
                cells.append(cell)
        previous = [row["left"], row["right"]]
        table.add_row(*cells)
    return table


def watch_report(results: list[dict]) -> Group:
    """Each watch with the number of its new, edited, no longer matching and removed documents and a line for each;
    on a terminal, a title too long for its line goes on under its own start (it went on at the left edge, under
    the ids)."""
    parts = []
    for result in results:
        head = Text(f"{clean(result['watch'])}", style="bold")
        quiet = not any(result.get(key) for key in ("new", "edited", "unmatched", "removed"))
        head.append(f"  {clean(result['query'])}: {result['new']} new", style="dim" if quiet else "")
        if result.get("edited"):
            head.append(f", {result['edited']} edited")
        if result.get("unmatched"):  # an edit took the watched words out
            head.append(f", {result['unmatched']} no longer matching")
        if result.get("removed"):  # taken down at the source; the archive keeps them
            head.append(f", {result['removed']} removed at the source")
        parts.append(head)
        parts.extend(_watch_hit(hit) for hit in [*result["hits"], *result.get("edits", [])])
        parts.extend(_watch_hit(hit, "no longer matches") for hit in result.get("unmatched_edits", []))
        parts.extend(_watch_hit(hit) for hit in result.get("removals", []))
    return Group(*parts)


def _watch_hit(hit: dict, edit: str = "edited") -> Wrapped:
    date = f"{clean(hit.get('date') or '')}  "
    line = Wrapped(f"  {hit['id']:>6} ", style="cyan", hang=9 + cell_len(date))
    line.append(date)
    line.append(clean(cut_title(hit.get("title") or "") or hit.get("url") or ""))  # cut as list cuts it
    if hit.get("source"):
        line.append(f" · {clean(hit['source'])}", style="dim")
    if hit.get("version"):  # every edit since the watch's last check: the diff of those two versions shows them
        line.append(f" · {edit}: briefarc diff {hit['id']} {hit.get('seen_version') or 1} {hit['version']}",
                    style="yellow")
    if hit.get("removed_at"):  # the day it was first missed, as `show` gives it (UTC)
        line.append(f" · removed at the source {clean(hit['removed_at'][:10])}: briefarc show {hit['id']}",
                    style="red")
    return line


def grouped_hits(groups: list[dict]) -> GroupedHits:
    """Hits under their week and source, a rule between weeks: two ministries' words of one week side by side."""
    return GroupedHits(groups)


class GroupedHits:
    """grouped_hits' table, made at the width it is drawn at: under 80 columns the source gives way (down to 8
    cells). The snippet stands beside the title when the two have TEXT cells between them and the title's share
    holds its longest word; else under the title, when that has UNDER cells (at 80 columns "Spokesperson's" left
    the grouped hits of China MFA's briefings without a word of where the term was said); else each hit is drawn
    as lines with a snippet line, as on a terminal too narrow for the table (at 60 columns a snippet beside the
    title had five cells, a word folded on every line; the table without it showed no matched text at all)."""

    AROUND = 36  # the week, the id, the date, and the rules and padding of six columns
    TEXT = 26  # cells for the title and the snippet, as at 80 columns
    UNDER = 16  # cells for a title with its snippet under it
    LONG_WORD = 16  # a title's word longer than this may fold in any table

    def __init__(self, groups: list[dict]) -> None:
        self.groups = groups

    def __rich_console__(self, console, options):
        source = source_width(options.max_width)  # as search's own table
        text = options.max_width - self.AROUND - source
        # the title's two fifths of the text must hold its longest word: at 76-87 columns "Spokesperson's" folded
        titles = (hit.get("title") for group in self.groups for hit in group["hits"])
        beside = text >= self.TEXT and (text - 2) * 2 // 5 >= longest_word(titles, self.LONG_WORD)
        loose = self.table(SHORT_NAME, beside=True)  # as lines: a snippet line each
        if not beside and text < self.UNDER:  # no room for the snippet in the table (55-61 columns): lines
            yield records(loose)
        else:
            yield fitted(self.table(source, beside=beside), loose=loose)

    def table(self, source_width: int, *, beside: bool) -> Table:
        """The table, with each hit's snippet in a column `beside` its title, or else under it."""
        from rich.console import Group

        from briefarc.output.render import snippet_text

        table = Table(expand=True, pad_edge=False)
        for name, options in (("week", {"no_wrap": True}), ("source", {"max_width": source_width, "overflow": "fold"}),
                              ("id", {"justify": "right", "no_wrap": True}),
                              ("date", {"no_wrap": True}), ("title", {"ratio": 2, "overflow": "fold"}),
                              ("snippet", {"ratio": 3, "overflow": "fold"}))[:6 if beside else 5]:
            table.add_column(name, **options)
        previous_week = None
        for group in self.groups:
            if previous_week is not None and group["week"] != previous_week:
                table.add_section()
            for index, hit in enumerate(group["hits"]):
                week = group["week"] if index == 0 and group["week"] != previous_week else ""
                source = Text()
                if index == 0:  # a long site name whole, as in search's own table
                    source = site_cell(group["source"], source_width)
                    source.append(f" ({group['count']})", style="")
                snippet = snippet_text(hit.get("snippet"))
                title = title_cell(hit.get("title"), "")
                heading = Group(title, snippet) if not beside and snippet.plain else title
                cells = [Text(week, style="bold"), source, Text(str(hit["id"]), style="cyan"),
                         text(hit.get("published_date")), heading]
                table.add_row(*cells, *([snippet] if beside else []))
            previous_week = group["week"]
        return table
