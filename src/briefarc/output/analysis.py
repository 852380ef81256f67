"""Rendering for the corpus commands: turns, outlets, speakers, concordance lines, trends, parallel texts.

As in render.py, web text reaches Rich only as Text objects made safe by clean().
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from briefarc.output.render import SHORT_NAME, TURN_STYLES, site_cell, text
from briefarc.output.textout import clean


def turn_label(turn: dict) -> Text:
    """"12#3" and the speaker, styled by role."""
    out = Text(f"{turn['id']}#{turn['turn']}", style="cyan")
    if turn.get("speaker"):
        out.append(" " + clean(turn["speaker"]), style=TURN_STYLES.get(turn.get("role") or "", "bold"))
    return out


def turns_table(turns: list[dict]) -> Table:
    table = Table(expand=True, pad_edge=False)
    for name, options in (("turn", {"no_wrap": True}), ("date", {"no_wrap": True}), ("source", {"max_width": 14}),
                          ("role", {"no_wrap": True}), ("speaker", {"max_width": 24}), ("text", {"ratio": 3})):
        table.add_column(name, **options)
    for turn in turns:
        table.add_row(Text(f"{turn['id']}#{turn['turn']}", style="cyan"), text(turn.get("date")),
                      site_cell(turn.get("site") or turn.get("source"), 14), text(turn.get("role")),
                      text(turn.get("outlet") or turn.get("speaker")),
                      text(shorten(turn.get("text") or "")))
    return table


def shorten(value: str, size: int = 240) -> str:
    """The text on one line, cut to `size` characters with an ellipsis."""
    flat = " ".join(value.split())
    return flat if len(flat) <= size else flat[:size - 1].rstrip() + "…"


def turn_panel(turn: dict) -> Group:
    """One turn under its document's title, after the question it answers when it is an answer."""
    head = Text(f"Document {turn['id']}, turn {turn['turn']}", style="bold cyan")
    head.append("  " + clean(" · ".join(str(v) for v in (turn.get("date"), turn.get("title")) if v)))
    parts: list = [head, Text("")]
    if turn.get("question"):
        parts += [turn_label(turn["question"]), Text(clean(turn["question"]["text"]) + "\n")]
    parts += [turn_label(turn), Text(clean(turn["text"]))]
    return Group(*parts)


def numbered_turns(turns: list[dict]) -> Group:
    """Every turn of a document with the number that cites it (ID#N)."""
    parts = []
    for turn in turns:
        parts += [turn_label(turn), Text(clean(turn["text"]) + "\n")]
    return Group(*parts)


def simple_table(rows: list[dict], columns: list[str], *, right: tuple[str, ...] = ()) -> Table:
    """A plain table of records: one column per key, lists joined with commas."""
    table = Table(pad_edge=False)
    for column in columns:
        table.add_column(column, justify="right" if column in right else "left",
                         max_width=SHORT_NAME if column == "source" else None)
    for row in rows:
        cells = []
        for column in columns:
            value = row.get(column)
            if column == "source":  # a site name in three lines at most, "—" when not known (store/sitelabel.py)
                cells.append(site_cell(value, SHORT_NAME))
                continue
            cells.append(text(", ".join(map(str, value)) if isinstance(value, list) else value))
        table.add_row(*cells)
    return table


def _fit_left(value: str, cells: int) -> str:
    """The end of `value` that fits `cells` terminal cells, padded on the left (CJK characters take two)."""
    from rich.cells import cell_len

    kept = ""
    for char in reversed(clean(value)):
        if cell_len(char + kept) > cells:
            break
        kept = char + kept
    return " " * (cells - cell_len(kept)) + kept


def kwic_lines(lines: list[dict], width: int) -> Table:
    """Concordance lines with the term aligned in a centre column."""
    from rich.cells import set_cell_size

    table = Table.grid(padding=(0, 1))
    for _ in range(3):
        table.add_column(no_wrap=True)
    table.add_column(no_wrap=True, justify="right")
    table.add_column(no_wrap=True, style="bold yellow")
    table.add_column(no_wrap=True)
    for line in lines:
        ref = f"{line['id']}#{line['turn']}" if line.get("turn") else str(line["id"])
        table.add_row(Text(ref, style="cyan"), text(line.get("date")), text(line.get("source") or ""),
                      Text(_fit_left(line["left"], width)), text(line["match"]),
                      Text(set_cell_size(clean(line["right"]), width).rstrip()))
    return table


TERM_COLOURS = ("green", "magenta", "cyan", "yellow", "blue", "red")
BLOCKS = " ▏▎▍▌▋▊▉█"


def bar(value: float, top: float, cells: int) -> str:
    """A horizontal bar of `value` out of `top` in at most `cells` cells, in eighths of a cell."""
    eighths = round(8 * cells * value / top) if top else 0
    return "█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")


def trend_chart(rows: list[dict], *, cells: int = 40) -> Table:
    """Per period, one bar per term side by side: documents mentioning it per 100 documents, with the counts."""
    terms = list(dict.fromkeys(row["term"] for row in rows))
    top = max((row["per_100"] for row in rows), default=0.0)
    table = Table.grid(padding=(0, 1))
    for options in ({"no_wrap": True}, {"no_wrap": True}, {"no_wrap": True}, {"justify": "right"}, {}):
        table.add_column(**options)
    previous = None
    for row in rows:
        colour = TERM_COLOURS[terms.index(row["term"]) % len(TERM_COLOURS)]
        period = row["period"] if row["period"] != previous else ""
        previous = row["period"]
        drawn = bar(row["per_100"], top, cells) or "·"
        table.add_row(Text(period, style="bold"), text(row["term"], colour), Text(drawn, style=colour),
                      Text(f"{row['per_100']:.1f}"),
                      Text(f"{row['term_documents']}/{row['documents']} docs, {row['mentions']} mentions", style="dim"))
    return table


def parallel_table(result: dict) -> Table:
    """Two versions side by side, turn beside turn; a turn one version lacks faces an empty cell."""
    table = Table(expand=True, show_lines=True, pad_edge=False,
                  title=Text(f"{result['left']} ⇄ {result['right']}  {result['date']}  "
                             f"(confidence {result['confidence']:.2f})"))
    table.add_column(f"document {result['left']}", ratio=1, overflow="fold")
    table.add_column(f"document {result['right']}", ratio=1, overflow="fold")
    for row in result["turns"]:
        cells = []
        for side in (row["left"], row["right"]):
            if side is None:
                cells.append(Text("—", style="dim"))
            else:
                cell = turn_label(side)
                cell.append("\n" + clean(side["text"]))
                cells.append(cell)
        table.add_row(*cells)
    return table


def watch_report(results: list[dict]) -> Group:
    """Each watch with the number of its new documents and a line for each."""
    parts = []
    for result in results:
        head = Text(f"{clean(result['watch'])}", style="bold")
        head.append(f"  {clean(result['query'])}: {result['new']} new", style="dim" if not result["new"] else "")
        parts.append(head)
        for hit in result["hits"]:
            line = Text(f"  {hit['id']:>6} ", style="cyan")
            line.append(f"{clean(hit.get('date') or '')}  {clean(hit.get('source') or '')}  ")
            line.append(clean(hit.get("title") or hit.get("url") or ""))
            parts.append(line)
    return Group(*parts)


def grouped_hits(groups: list[dict]) -> Table:
    """Hits under their week and source, a rule between weeks: two ministries' words of one week side by side."""
    from briefarc.output.render import snippet_text

    table = Table(expand=True, pad_edge=False)
    for name, options in (("week", {"no_wrap": True}), ("source", {"max_width": 16}), ("id", {"justify": "right"}),
                          ("date", {"no_wrap": True}), ("title", {"ratio": 2}), ("snippet", {"ratio": 3})):
        table.add_column(name, **options)
    previous_week = None
    for group in groups:
        if previous_week is not None and group["week"] != previous_week:
            table.add_section()
        for index, hit in enumerate(group["hits"]):
            week = group["week"] if index == 0 and group["week"] != previous_week else ""
            source = f"{group['source'] or '(none)'} ({group['count']})" if index == 0 else ""
            table.add_row(Text(week, style="bold"), text(source), Text(str(hit["id"]), style="cyan"),
                          text(hit.get("published_date")), text(hit.get("title")),
                          snippet_text(hit.get("snippet")))
        previous_week = group["week"]
    return table
