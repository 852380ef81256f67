"""Commands over the archive: parse, ingest, search, list, show, stats."""

import sys
from typing import Annotated, Any

import typer

from briefarc.cli.app import (
    CsvOption,
    CsvSafeOption,
    DbOption,
    HitsJsonOption,
    LimitOption,
    MaxSizeOption,
    OffsetOption,
    SortOption,
    app,
    archive_to_fill,
    check_output_flags,
    check_paths,
    check_typed,
    check_url,
    choice,
    exit_for_failures,
    json_flag,
    known_source,
    open_db,
    parse_turn_ref,
    write_json_lines,
)
from briefarc.cli.filters import with_document_filters
from briefarc.errors import UsageError
from briefarc.limits import MAX_PAGE_BYTES

# The columns `export --format csv` has too come in the same order. published is as the page gives it (a day, or an
# instant with its offset); published_date (the day) and published_utc (the instant in UTC) are what pandas'
# to_datetime and R's lubridate read whole (a column of days and instants mixed they refused).
HIT_CSV_COLUMNS = ["id", "published", "published_date", "published_utc", "source", "site", "kind", "language",
                   "spokesperson", "title", "url", "snippet", "highlights"]


def no_such_spokesperson(database, filters) -> str | None:
    """Why nothing matched when --spokesperson names no one in the archive: a typo read as a silence."""
    name = getattr(filters, "spokesperson", None)
    if not name:
        return None
    from briefarc.analysis.keywords import selects_any
    from briefarc.store.search import Filters

    if selects_any(database, Filters(spokesperson=name)):
        return None
    return f"No document names a spokesperson {name!r}: `briefarc speakers` lists them."


def print_hits(hits: list[dict], json_: bool, csv_: bool, *, snippets: bool, total: int, offset: int,
               query: str = "", csv_safe: bool | None = None, empty: str | None = None) -> None:
    for hit in hits:
        if "snippet" in hit:
            join_adjacent_marks(hit, query)
    from briefarc.output.textout import count_line

    if json_ or csv_:  # for scripts: no Rich
        from briefarc.output.textout import write_csv

        rows = [public_hit(hit) for hit in hits]
        if json_:
            write_json_lines({**row, "total": total} for row in rows)
        else:
            write_csv(rows, HIT_CSV_COLUMNS if snippets else HIT_CSV_COLUMNS[:-2], sys.stdout, safe=csv_safe)
        line = count_line(len(hits), total, offset)
        if line:
            sys.stderr.write(line + "\n")
        return
    from briefarc.output import console, render

    if hits:
        console.out().print(render.hits_table(hits, snippets=snippets))
    elif not offset:
        console.err().print(empty or ("No documents match." if snippets else "No documents."), markup=False)
    line = count_line(len(hits), total, offset)
    if line:
        console.say(console.err(), line)


def join_adjacent_marks(hit: dict, query: str) -> None:
    """Whole words marked, not lone characters: one highlight for a run of matched terms with nothing
    between them (a Chinese word is a run of one-character terms), and none for the part of a Chinese
    word that the snippet's edge cut (外 of 外交部)."""
    import re

    from briefarc.store.search import SNIPPET_CLOSE, SNIPPET_OPEN, highlights
    from briefarc.store.text import CJK_CHARS

    words = re.findall(f"[{CJK_CHARS}]+", query)
    only_cjk = re.compile(f"[{CJK_CHARS}]+")

    def keep_whole(match: re.Match) -> str:
        inner = match.group(1)
        if only_cjk.fullmatch(inner) and not any(word in inner for word in words):
            return inner
        return match.group(0)

    snippet = hit["snippet"].replace(SNIPPET_CLOSE + SNIPPET_OPEN, "")
    hit["snippet"] = re.sub(f"{SNIPPET_OPEN}([^{SNIPPET_CLOSE}]*){SNIPPET_CLOSE}", keep_whole, snippet)
    hit["highlights"] = highlights(hit["snippet"])


def public_hit(hit: dict) -> dict:
    """A hit as scripts see it: one url, the snippet as plain text, `highlights` as [start, end] offsets into it."""
    from briefarc.store.search import plain_snippet

    row = {key: value for key, value in hit.items() if key != "canonical_url"}
    row["url"] = hit.get("canonical_url") or hit.get("url")
    if "snippet" in hit:
        row["snippet"] = plain_snippet(hit["snippet"])
    return row


def _console():
    """The consoles, loaded (with Rich) only when something is printed for a person."""
    from briefarc.output import console

    return console


@app.command(epilog="\b\nExample: briefarc parse page.html --url https://mofa.gov.pk/briefing --json")
def parse(
    files: Annotated[list[str], typer.Argument(help="Pages, feeds or WARC files to parse ('-' reads standard "
                                               "input).")],
    url: Annotated[str | None, typer.Option("--url", help="The page's address, for a single file.")] = None,
    json_: Annotated[bool, json_flag("one line per page (or feed entry) with its extracted record.")] = False,
    max_size: MaxSizeOption = MAX_PAGE_BYTES // 2**20,
) -> None:
    """Show what the extractor makes of pages, without storing them."""
    from briefarc.files.parse import parse_files

    if url and len(files) != 1:
        raise UsageError("--url names the address of a single page: give exactly one file with it.")
    failed = succeeded = 0
    for parsed in parse_files(check_paths(files), check_url(url), max_size * 2**20):
        if parsed.error:
            failed += 1
            _console().error(f"{parsed.name}: {parsed.error}")
        else:
            succeeded += 1
        for doc in parsed.documents:
            for warning in doc.warnings:
                _console().warn(f"{parsed.name}: {warning}")
            if json_:  # which file (or WARC record, or feed) each record came from: errors leave gaps in the order
                write_json_lines([{**doc.to_record(), "file": parsed.name}])
            else:
                from briefarc.output import render

                out = _console().out()  # as show: wrapped at words on a terminal, addresses whole; a line in a pipe
                out.print(render.parsed_view(parsed.name, doc), soft_wrap=not out.is_terminal, crop=False)
    exit_for_failures(failed, succeeded)


@app.command(epilog="\b\nExample: briefarc ingest ~/saved-pages briefings.warc.gz --source mofa-pk")
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of saved pages ('-' reads standard input).")],
    url: Annotated[str | None, typer.Option("--url", help="The page's address, for a single file.")] = None,
    source: Annotated[str | None, typer.Option(
        "--source", help="File the pages under this source (a known one; pages ingested again join it).")] = None,
    new_source: Annotated[bool, typer.Option(
        "--new-source", help="--source names a new label for saved pages (nothing to fetch).")] = False,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line with the summary (counts, failures with their reasons).")] = False,
    max_size: MaxSizeOption = MAX_PAGE_BYTES // 2**20,
) -> None:
    """Archive pages you already saved: HTML files (also gzipped), folders of them, feeds."""
    from briefarc.files.ingest import ingest as run_ingest
    from briefarc.output import console, progress

    url, paths = check_url(url), check_paths(paths)
    if new_source and source is None:
        raise UsageError("--new-source goes with --source NAME, the name to create.")
    with archive_to_fill(db) as database:  # a new one that nothing was read into is removed again
        source = known_source(database, source, new=new_source)
        with progress.ingest_progress(paths) as on_input:
            report = run_ingest(database, paths, url=url, source=source, on_input=on_input,
                                max_size=max_size * 2**20, on_wait=lambda: console.say(console.err(), WAITING))
    from briefarc.output.streams import reader_may_go

    with reader_may_go():
        if json_:
            from briefarc.output import render

            render.write_jsonl([report.as_dict()], sys.stdout)
        else:
            progress.print_ingest_summary(console.err(), report)
    exit_for_failures(len(report.failed) + len(report.no_text), report.added + report.updated + report.unchanged)


# fetch and watch check hold the archive as ingest does (cli.watching.archive_held): "another ingest" was said of them
WAITING = ("Waiting for another briefarc run on this archive (an ingest, a fetch or a watch check) to end "
           "(Ctrl-C to stop)…")

SEARCH_HELP = """Full-text search, best matches first, with the matched words highlighted.

Every word must occur; "a phrase" in double quotes; OR, AND, NOT and NEAR(a b, 10) in capitals (in lower
case they are searched as words); -word leaves out documents with that word; prefix* matches word starts;
title:, subtitle: and body: search one field. `briefarc search -- ...` ends the options.
"""


@app.command(help=SEARCH_HELP, epilog="\b\nExample: briefarc search Taliban Kabul -Doha --since 2025 --limit 50",
             context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
@with_document_filters
def search(
    ctx: typer.Context,
    query: Annotated[list[str] | None, typer.Argument(
        metavar="QUERY", help='Words, "phrases", -word, AND/OR/NOT, prefix*, NEAR(a b, 10). May be left out '
        "with --changed or --removed.", show_default=False)] = None,
    sort: SortOption = "rank",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    literal: Annotated[bool, typer.Option("--literal", help="Search the words as typed, no operators.")] = False,
    exhaustive: Annotated[bool, typer.Option(
        "--exhaustive", help="Rank every match (slower on common words; by default, past 15,000 matches, "
        "the title matches and the newest 1,000 are ranked).")] = False,
    in_: Annotated[str | None, typer.Option("--in", help="Search turns: questions, answers or statements.")] = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only questions asked by this outlet (turns); with "
                                               "--in answers, the answers to them.")]
    = None,
    by: Annotated[str | None, typer.Option("--by", help="source: group the hits by week and source.")] = None,
    db: DbOption = None,
    json_: HitsJsonOption = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,
) -> None:
    from briefarc.store.query import read_query
    from briefarc.store.search import search as run_search
    from briefarc.store.totals import add_sites, count_matches, total

    check_output_flags(json_, csv_)
    _check_no_options(ctx, query or [])
    text = check_typed(" ".join(query or []))
    if text == "-h":  # -word leaves a word out, so -h is not an option here; alone, it can only mean help
        typer.echo(ctx.get_help())
        return
    sort = choice(sort, ("rank", "date"), "--sort")
    if in_ or outlet is not None:  # --outlet '' is turn_search's usage error, not a search of documents
        from briefarc.cli.analysis import turn_search

        if by:
            raise UsageError("--by source groups documents: it does not go with --in or --outlet, which find turns.")
        turn_search(db, text, filters, in_, outlet, limit=limit, offset=offset, literal=literal, json_=json_,
                    csv_=csv_, csv_safe=csv_safe, sort=sort)
        return
    if not text.strip():
        if not (filters.changed or filters.removed):
            raise UsageError("Give words to search for, or --changed / --removed to find such documents.")
        if by:
            raise UsageError("--by source groups the hits of a search: give words to search for with it.")
        _list_hits(db, filters, "date", limit, offset, json_, csv_, csv_safe)  # every changed or removed document
        return
    notes = [] if literal else read_query(text).notes
    database, _ = open_db(db, create=False)
    hits = run_search(database, text, filters, sort=sort, limit=limit,
                      offset=offset, literal=literal, exhaustive=exhaustive)
    add_sites(database, hits)
    print_notes(notes)
    found = total(len(hits), limit, offset, lambda: count_matches(database, text, filters, literal=literal))
    if by:
        from briefarc.cli.analysis import note, print_grouped
        from briefarc.output.textout import count_line

        print_grouped(hits, by, json_, csv_, csv_safe, offset)
        line = count_line(len(hits), found, offset)
        if line:
            note(line)
        return
    empty = None if hits or offset else no_such_spokesperson(database, filters)
    print_hits(hits, json_, csv_, snippets=True, total=found, offset=offset, query=text, csv_safe=csv_safe,
               empty=empty)


def _check_no_options(ctx: typer.Context, words: list[str]) -> None:
    """`-word` leaves a word out, but `--word` is a mistyped option, not something to search for."""
    import difflib

    for word in words:
        if word.startswith("--") and len(word) > 2:
            name = word.split("=", 1)[0]
            known = [option for param in ctx.command.params for option in param.opts if option.startswith("--")]
            if name in known:  # a real option, after `--`: Click left it to the query
                raise UsageError(f"{name} comes after `--`, where every word is the query: put options before "
                                 f"`--` (or, to search for {word!r}, put it in double quotes).")
            close = difflib.get_close_matches(name, known, n=1)
            raise UsageError(f"No such option: {name}" + (f" (did you mean {close[0]}?)" if close else "") +
                             f". To search for {word!r}, put it in double quotes.")


def print_notes(notes: list[str]) -> None:
    if not notes:  # Rich only for a note to show
        return
    from briefarc.output import console

    for note in notes:
        console.say(console.err(), "Note: " + note)


def _list_hits(db, filters, sort: str, limit: int, offset: int, json_: bool, csv_: bool,
               csv_safe: bool | None) -> None:
    from briefarc.store.search import list_documents
    from briefarc.store.totals import add_sites, count_documents, total

    database, _ = open_db(db, create=False)
    hits = list_documents(database, filters, sort=sort, limit=limit, offset=offset)
    add_sites(database, hits)
    found = total(len(hits), limit, offset, lambda: count_documents(database, filters))
    empty = None if hits or offset else no_such_spokesperson(database, filters)
    print_hits(hits, json_, csv_, snippets=False, total=found, offset=offset, csv_safe=csv_safe, empty=empty)


@app.command("list", help="List archived documents, newest first.",
             epilog="\b\nExample: briefarc list --kind briefing --since 2025-01 --limit 50")
@with_document_filters
def list_(
    sort: Annotated[str, typer.Option("--sort", help="date (newest published first) or archived (newest archived "
                                      "first).")] = "date",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    db: DbOption = None,
    json_: HitsJsonOption = False,
    csv_: CsvOption = False,
    csv_safe: CsvSafeOption = None,
    *,
    filters: Any,
) -> None:
    check_output_flags(json_, csv_)
    _list_hits(db, filters, choice(sort, ("date", "archived"), "--sort"), limit, offset, json_, csv_, csv_safe)


@app.command(epilog="\b\nExample: briefarc show 12   (or: briefarc show 12 --raw > page.html)")
def show(
    ref: Annotated[str, typer.Argument(metavar="ID", help="The document's id (from search or list), or ID#N for "
                                       "its turn N.")],
    db: DbOption = None,
    json_: Annotated[bool, json_flag(
        "one line with the whole record (metadata, body, paragraphs, turns, sha256, origin).")] = False,
    raw: Annotated[bool, typer.Option("--raw", help="Write the original bytes to stdout.")] = False,
    no_pager: Annotated[bool, typer.Option("--no-pager", help="Print straight to the terminal, not through "
                                           "$PAGER or less.")] = False,
    turns: Annotated[bool, typer.Option("--turns", help="Only the turns, numbered as ID#N for citing.")] = False,
) -> None:
    """Show one document: its metadata and its text, turn by turn for transcripts."""
    from briefarc.store.documents import get_document

    doc_id, number = parse_turn_ref(ref)
    if raw and json_:
        raise UsageError("--raw writes the original bytes and --json the record: choose one.")
    if raw and (turns or number is not None):
        raise UsageError(f"--raw writes the whole page's original bytes: give the document's id alone "
                         f"(`briefarc show {doc_id} --raw`), without {'--turns' if turns else f'#{number}'}.")
    database, _ = open_db(db, create=False)
    if turns or number is not None:
        from briefarc.cli.analysis import show_turns

        show_turns(database, doc_id, number, json_, page=not no_pager)
        return
    if raw:
        from briefarc.store.entries import document_raw

        data = document_raw(database, doc_id).data  # a feed entry's own element, not the whole feed
        if sys.stdout.isatty():
            raise UsageError("--raw writes the page's original bytes: redirect it to a file, as in `> page.html`.")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from briefarc.store.entries import with_own_hash

    record = with_own_hash(database, get_document(database, doc_id))  # a feed entry's own sha256, as --raw
    if json_:
        write_json_lines([record])
        return
    from briefarc.output import console, render
    from briefarc.output.pager import print_paged

    print_paged(console.out(), render.document_view(record), page=not no_pager)


@app.command(epilog="\b\nExample: briefarc stats --json")
def stats(
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line with every count and the database size.")] = False,
) -> None:
    """Counts by source, kind, year and language, and the size of the database."""
    from briefarc.output import console, render
    from briefarc.store.stats import archive_stats

    database, path = open_db(db, create=False)
    figures = archive_stats(database, path)
    if json_:
        render.write_jsonl([figures], sys.stdout)
    else:
        console.out().print(render.stats_renderable(figures))
