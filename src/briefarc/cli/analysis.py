"""Corpus commands: outlets, speakers, kwic, trend, collocates, keywords, parallel, watch; and the turn
variants of search, show and cite. Thin: options in, one library call in briefarc.analysis, render out."""

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from briefarc.cli.app import (
    CsvOption,
    CsvSafeOption,
    DbOption,
    LangFilter,
    LimitOption,
    OffsetOption,
    app,
    check_output_flags,
    check_typed,
    document_id,
    json_flag,
    make_filters,
    open_db,
    spokesperson_name,
)
from briefarc.cli.filters import check_source_filter, with_filters

TURN_CSV_COLUMNS = ["id", "turn", "date", "source", "site", "role", "speaker", "outlet", "asked_by", "language",
                    "title", "text"]


def print_rows(rows: list[dict], columns: list[str], json_: bool, csv_: bool, table, empty: str, *,
               csv_safe: bool | None = None) -> None:
    """Records as JSON Lines, CSV (`csv_safe` as --csv-safe gives it), or the table `table(rows)` made; `empty` on
    stderr when there are none."""
    from briefarc.output import console, render

    if json_:
        render.write_jsonl(rows, sys.stdout)
    elif csv_:
        render.write_csv(rows, columns, sys.stdout, safe=csv_safe)
    elif rows:  # into a pipe with no COLUMNS, as wide as its rows need (kwic's --width whole), as search's table
        console.print_table(table(rows), fit=console.out().is_terminal or console.columns_given())
    elif empty:
        console.err().print(empty, markup=False)


def note(line: str) -> None:
    """A line on stderr, as console.say writes it: on a terminal wrapped between words (written raw, kwic's
    "`--offset 50` for more" was cut inside its option by the terminal), one line into a pipe."""
    from briefarc.output import console

    console.say(console.err(), line)


def table_command(db, json_: bool, csv_: bool, columns: list[str], right: tuple[str, ...], empty,
                  compute, limit: int | None = None, csv_safe: bool | None = None, filters=None) -> None:
    """A command whose result is a plain table of records: `compute(database)` gives them (the first `limit`,
    with "20 of 79" on stderr when there are more). With none, the message says why when the `filters` do
    (`empty_message`), else `empty`: a line, or `empty(database)` that gives it."""
    from briefarc.output.analysis import simple_table

    check_output_flags(json_, csv_)
    database, _ = open_db(db, create=False)
    rows = compute(database)
    shown = ""
    if not rows:
        shown = empty_message(database, filters, empty(database) if callable(empty) else empty)
    print_limited(rows, limit, columns, json_, csv_, lambda r: simple_table(r, columns, right=right), shown, csv_safe)


def empty_message(database, filters, empty: str, none_match: str = "No documents match the filters.") -> str:
    """Why a command that takes the filters found nothing: a --spokesperson no document names, as search says
    (kwic and trend said "No occurrences.": a typo read as a silence); filters that select no document
    (`speakers --since 2030` said "No spokesperson named in any document"), or an archive with none (with no
    filters, "No documents match the filters." blamed filters no one gave); else `empty`. `none_match`: what filters
    that select no document of a filled archive are told (keywords adds that there is nothing to compare)."""
    from briefarc.analysis.keywords import selects_any
    from briefarc.cli.archive import no_such_spokesperson
    from briefarc.store.search import Filters

    if unknown := no_such_spokesperson(database, filters):
        return unknown
    if filters is None or selects_any(database, filters):
        return empty
    held = selects_any(database, Filters())
    return none_match if held else "The archive has no documents yet."


def print_limited(rows: list[dict], limit: int | None, columns: list[str], json_: bool, csv_: bool, table,
                  empty: str, csv_safe: bool | None = None) -> None:
    """`print_rows` of the first `limit` rows, with "20 of 79 — `--limit 79` for more" on stderr when there are more."""
    from briefarc.output.textout import count_line

    shown = rows[:limit] if limit else rows
    print_rows(shown, columns, json_, csv_, table, empty, csv_safe=csv_safe)
    line = count_line(len(shown), len(rows), 0, more_hint=f"`--limit {len(rows)}`")
    if line:
        note(line)


def turn_search(db, query, filters, in_: str | None, outlet: str | None, *, limit: int, offset: int, literal: bool,
                json_: bool, csv_: bool, csv_safe: bool | None = None, sort: str = "rank") -> None:
    """`search --in questions|answers|statements` and `search --outlet NAME`: turns, not documents."""
    from briefarc.analysis.turns import count_turns, outlet_labels, role_of, search_turns
    from briefarc.cli.archive import no_such_spokesperson
    from briefarc.output import console
    from briefarc.output.analysis import turns_table
    from briefarc.output.textout import count_line
    from briefarc.store.totals import total

    role = role_of(in_) if in_ else None
    database, _ = open_db(db, create=False)
    turns = search_turns(database, query, filters, role=role, outlet=outlet, limit=limit, offset=offset,
                         literal=literal, sort=sort)
    found = total(len(turns), limit, offset, lambda: count_turns(database, query, filters, role=role,
                                                                 outlet=outlet, literal=literal))
    rows = [{**turn, "total": found} for turn in turns] if json_ else turns
    empty = "No turns match." if not offset else ""
    if not turns and not offset:
        empty = no_such_spokesperson(database, filters) or empty
    if not turns and outlet and not offset and not outlet_labels(database, outlet):  # a typo reads as a silence
        empty = f"No outlet named {outlet!r} asked a question in this archive: `briefarc outlets` lists them."
    print_rows(rows, TURN_CSV_COLUMNS, json_, csv_, turns_table, empty, csv_safe=csv_safe)
    line = count_line(len(turns), found, offset)
    if line:
        console.say(console.err(), line)


def show_turns(database, doc_id: int, number: int | None, json_: bool, page: bool = True) -> None:
    """`show ID#N` (one turn and the question it answers) or `show ID --turns` (every turn, numbered, through the
    pager on a terminal as `show` is, unless `page` is false: --no-pager)."""
    from briefarc.analysis.turns import get_turn, get_turns
    from briefarc.output import console, render
    from briefarc.output.analysis import numbered_turns, turn_panel
    from briefarc.output.pager import print_paged

    if number is not None:
        turn = get_turn(database, doc_id, number)
        if json_:
            render.write_jsonl([turn], sys.stdout)
        else:  # as show: wrapped at words on a terminal, a line per paragraph into a pipe
            print_paged(console.out(), turn_panel(turn), page=False)
        return
    turns = get_turns(database, doc_id)
    if not turns:
        get_turn(database, doc_id, 1)  # the error that says why: no such document, or no turns
    if json_:
        render.write_jsonl(turns, sys.stdout)
    else:
        print_paged(console.out(), numbered_turns(turns), page=page)


@app.command(epilog="\b\nExample: briefarc outlets --since 2020 --top 3")
@with_filters
def outlets(
    top: Annotated[int, typer.Option("--top", min=0, help="How many top terms per outlet (0: none, and no column "
                                     "for them).")] = 5,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many outlets, those that "
                                              "asked most first (default: all).")] = None,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per outlet (outlet, questions, first, last, top_terms).")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """Who asks questions: each outlet, how many questions, first and last date, its top terms."""
    from briefarc.analysis.turns import outlets as list_outlets

    columns = ["outlet", "questions", "first", "last"] + ["top_terms"] * (top > 0)  # --top 0: no empty column
    table_command(db, json_, csv_, columns, ("questions",),
                  "No outlet named in any question.", lambda database: list_outlets(database, filters, top=top),
                  limit, csv_safe, filters)


@app.command(epilog="\b\nExample: briefarc speakers --source fmprc-en")
@with_filters
def speakers(
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many rows, in the table's "
                                              "order (default: all).")] = None,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per spokesperson and source (source, spokesperson, "
                                     "documents, first, last).")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """Spokespersons per source, with the number of documents and the first and last date."""
    from briefarc.analysis.turns import speakers as list_speakers

    table_command(db, json_, csv_, ["source", "spokesperson", "documents", "first", "last"], ("documents",),
                  "No spokesperson named in any document.", lambda database: list_speakers(database, filters),
                  limit, csv_safe, filters)


KWIC_COLUMNS = ["id", "turn", "date", "source", "left", "match", "right"]


@app.command(epilog="\b\nExample: briefarc kwic Taiwan --width 30 --since 2020")
@with_filters
def kwic(
    term: Annotated[str, typer.Argument(help='A word, "a phrase" or a prefix* (any script; Chinese works).')],
    width: Annotated[int, typer.Option("--width", min=1, max=500, help="Characters of context on each side.")] = 40,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per occurrence (id, turn, date, source, left, match, right).")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """Keyword in context: each occurrence of a term, aligned in a centre column, newest first."""
    from briefarc.analysis.kwic import kwic as run_kwic
    from briefarc.output.analysis import kwic_lines

    check_output_flags(json_, csv_)
    check_typed(term, "The term")
    database, _ = open_db(db, create=False)
    lines = run_kwic(database, term, filters, width=width, limit=limit + 1, offset=offset)  # one more: are there?
    shown = lines[:limit]
    empty = f"No occurrences from {offset + 1:,} on (try a smaller --offset)." if offset else "No occurrences."
    if not lines and not offset:
        empty = empty_message(database, filters, empty)
    print_rows(shown, KWIC_COLUMNS, json_, csv_, lambda rows: kwic_lines(rows, width), empty, csv_safe=csv_safe)
    if len(lines) > limit:
        first, last = offset + 1, offset + limit
        note(f"Occurrences {first:,}–{last:,}, and more after them — `--offset {last}` for more.")


TREND_COLUMNS = ["period", "documents", "term", "term_documents", "mentions", "per_100", "mentions_per_100"]


@app.command(epilog="\b\nExample: briefarc trend Taiwan \"South China Sea\" --by year --plot trend.png")
@with_filters
def trend(
    terms: Annotated[list[str], typer.Argument(help='Words, "phrases" or prefixes*; several are shown side by side.')],
    by: Annotated[str, typer.Option("--by", help="week, month, quarter or year.")] = "month",
    plot: Annotated[Path | None, typer.Option("--plot", help="Also draw the chart to FILE.png or FILE.svg "
                                             "(needs the plot extra: pip install 'briefarc[plot]').")] = None,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per period and term (period, documents, term, "
                                     "term_documents, mentions, per_100, mentions_per_100).")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """Terms over time: per period, documents and mentions of each term, raw and per 100 documents."""
    from briefarc.analysis.trend import notes as trend_notes
    from briefarc.analysis.trend import trend as run_trend
    from briefarc.output.analysis import trend_chart

    check_output_flags(json_, csv_)
    for term in terms:
        check_typed(term, "The term")
    terms = once_each(terms)
    if plot is not None:
        from briefarc.output.plot import check_plot_path

        check_plot_path(plot)
    database, _ = open_db(db, create=False)
    rows = run_trend(database, terms, filters, by=by)
    from briefarc.cli.archive import no_such_spokesperson

    empty = "" if rows else no_such_spokesperson(database, filters) or "No dated documents match the filters."
    print_rows(rows, TREND_COLUMNS, json_, csv_, trend_chart, empty, csv_safe=csv_safe)
    for line in trend_notes(database, terms, filters, counted=bool(rows)):
        note(line)
    if plot is not None and rows:
        from briefarc.output.plot import plot_trend

        plot_trend(rows, plot)


def once_each(terms: list[str]) -> list[str]:
    """The terms without repeats, the first of each kept as typed: terms match whatever their case and spacing, so
    'trend Taiwan taiwan' asked for one term, and printed its rows twice. An acronym that is a stop word in lower
    case (WHO, US) matches as written: 'trend WHO who' asks for two."""
    from briefarc.analysis.matching import parse_term

    first: dict[tuple[str, bool], str] = {}
    for term in terms:
        first.setdefault((" ".join(term.casefold().split()), parse_term(term).exact_case), term)
    return list(first.values())


@app.command(epilog="\b\nExample: briefarc collocates sanctions --window 5 --measure pmi")
@with_filters
def collocates(
    term: Annotated[str, typer.Argument(help='A word, "a phrase" or a prefix* (any script).')],
    window: Annotated[int, typer.Option("--window", min=1, max=50, help="Words on each side that count as near.")]
    = 5,
    measure: Annotated[str, typer.Option("--measure", help="ll (log-likelihood) or pmi.")] = "ll",
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Leave out words near it fewer times.")] = 2,
    limit: LimitOption = 20,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per word (word, near, total, score).")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """The words found near a term more often than chance, with their counts."""
    from briefarc.analysis.collocates import collocates as run_collocates

    check_typed(term, "The term")
    table_command(db, json_, csv_, ["word", "near", "total", "score"], ("near", "total", "score"),
                  lambda database: no_collocates(database, term, filters),
                  lambda database: run_collocates(database, term, filters, window=window, measure=measure,
                                                  limit=limit, min_count=min_count), csv_safe=csv_safe,
                  filters=filters)


def no_collocates(database, term: str, filters) -> str:
    """Why collocates found none: the term in no document (`collocates zzzqqq` was said to be rare), or too few."""
    from briefarc.analysis.collocates import occurs
    from briefarc.store.query import quoted
    from briefarc.store.search import Filters

    if occurs(database, term, filters):
        return "No collocates (the term is rare, or --min-count is too high)."
    given = " the filters select" if filters != Filters() else ""  # none given: blame none
    return f"No collocates: {quoted(term.strip())} occurs in no document{given}."


@app.command(epilog="\b\nExample: briefarc keywords --since 2020 --vs-until 2019 --lang en")
@with_filters
def keywords(
    vs_since: Annotated[str | None, typer.Option("--vs-since", help="Compare with documents from this date on "
                                                 "(YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    vs_until: Annotated[str | None, typer.Option("--vs-until", help="... up to this date (to the end of a month or "
                                                 "year given as YYYY-MM or YYYY).")] = None,
    vs_source: Annotated[str | None, typer.Option(
        "--vs-source", help="Compare with this source or site, as --source takes it.")] = None,
    vs_spokesperson: Annotated[str | None, typer.Option(
        "--vs-spokesperson", parser=spokesperson_name, metavar="<str>",
        help="Compare with this spokesperson, as --spokesperson takes the name.")] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Leave out words rarer than this.")] = 3,
    limit: LimitOption = 30,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per word (word, count, reference_count, per_million, "
                                     "reference_per_million, score).")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """Words over-represented in one part of the archive against another (or the rest), by log-likelihood."""
    from briefarc.analysis.keywords import keywords as run_keywords
    from briefarc.analysis.keywords import reference_filters
    from briefarc.output.analysis import simple_table

    check_output_flags(json_, csv_)
    compared = make_filters(None, vs_since, vs_until, None, None, None, names=("--vs-since", "--vs-until"))
    vs_source, vs_site, vs_host = check_source_filter(db, vs_source) if vs_source else (None, None, None)
    reference = reference_filters(filters, compared.since, compared.until, vs_source, vs_spokesperson, vs_site,
                                  vs_host)
    columns = ["word", "count", "reference_count", "per_million", "reference_per_million", "score"]
    database, _ = open_db(db, create=False)
    rows = run_keywords(database, filters, reference, limit=limit, min_count=min_count)
    empty = "" if rows else empty_message(
        database, filters, "No keywords: the selected documents have no word over-represented often enough.",
        "No documents match the filters: nothing to compare.")
    print_rows(rows, columns, json_, csv_, lambda r: simple_table(r, columns, right=tuple(columns[1:])), empty,
               csv_safe=csv_safe)


GAP_COLUMNS = ["id", "turn", "date", "language", "role", "speaker", "missing_from", "confidence", "text"]


@app.command(epilog="\b\nExample: briefarc parallel 12   (or: briefarc parallel --gaps --lang zh)")
def parallel(
    doc_id: Annotated[int | None, typer.Argument(metavar="[ID]", help="A transcript's id: show it beside its "
                                                 "version in the other language.", parser=document_id)] = None,
    gaps: Annotated[bool, typer.Option("--gaps", help="Across the archive: the turns one language version has and "
                                       "the other lacks.")] = False,
    lang: LangFilter = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="With --gaps: at most this many turns, in the "
                                              "table's order (default: all).")] = None,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line: both ids, the confidence and the aligned turns; with --gaps "
                                     "one line per missing turn.")] = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
) -> None:
    """English beside Chinese: one press conference in two languages, turn by turn, or what either lacks."""
    from briefarc.analysis import parallel as pairing
    from briefarc.errors import UsageError
    from briefarc.output import console, render
    from briefarc.output.analysis import gaps_table, parallel_table

    check_output_flags(json_, csv_)
    if (doc_id is None) == (not gaps):
        raise UsageError("Give a document id, or --gaps for the whole archive (not both).")
    database, _ = open_db(db, create=False)
    if gaps:
        from briefarc.store.search import primary_subtag

        rows, paired = pairing.gaps(database, primary_subtag(lang))
        empty = (f"No gaps: {paired:,} transcript{'s' * (paired != 1)} paired with a version in the other language, "
                 "and no turn missing from either." if paired else
                 "No gaps to find: no transcript in the archive has a version in another language of the same day "
                 "(China MFA's pages, English and Chinese, pair up).")
        print_limited(rows, limit, GAP_COLUMNS, json_, csv_, gaps_table, empty, csv_safe)
        return
    if csv_ or limit or doc_id is None:
        raise UsageError(f"parallel ID prints a table or --json; {'--limit' if limit else '--csv'} is for --gaps.")
    result = pairing.parallel(database, doc_id)
    if json_:
        render.write_jsonl([result], sys.stdout)
    else:
        console.print_trimmed(parallel_table(result))  # into a pipe, no line ends in the title's padding


def print_grouped(hits: list[dict], by: str, json_: bool, csv_: bool, csv_safe: bool | None = None,
                  offset: int = 0) -> None:
    """`search --by source`: the hits grouped by week and source (JSON: one line per group; CSV: a week column).
    Past the last hit (`offset`), the count line says so: "No documents match." beside "No results from 1,001 on:
    there are 30 in all" said two things."""
    from briefarc.analysis.grouping import by_source_and_week, check_grouping
    from briefarc.cli.archive import HIT_CSV_COLUMNS, public_hit
    from briefarc.output import console, render
    from briefarc.output.analysis import grouped_hits

    check_grouping(by)
    groups = by_source_and_week(hits)
    if json_:
        render.write_jsonl([{**group, "hits": [public_hit(hit) for hit in group["hits"]]} for group in groups],
                           sys.stdout)
    elif csv_:
        rows = [public_hit(hit) for group in groups for hit in group["hits"]]
        render.write_csv(rows, ["week", *HIT_CSV_COLUMNS], sys.stdout, safe=csv_safe)
    elif groups:
        console.out().print(grouped_hits(groups))
    elif not offset:
        console.err().print("No documents match.", markup=False)
