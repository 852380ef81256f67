"""The command line: options in, one library call, output out. No SQL, HTML or HTTP here."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import typer

from briefarc.errors import BriefarcError, ExitStatus, UsageError

app = typer.Typer(
    name="briefarc",
    help="Archive diplomatic press briefings: fetch, parse, store and search them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options shared by several commands, defined once.
DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="BRIEFARC_DB", help="Database file (default: briefarc.db in the data folder).",
                 show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON Lines on stdout instead of a table.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="CSV on stdout instead of a table.")]
SourceFilter = Annotated[str | None, typer.Option("--source", help="Only documents from this source.")]
SinceFilter = Annotated[str | None, typer.Option("--since", help="Published on or after this date (YYYY-MM-DD).")]
UntilFilter = Annotated[str | None, typer.Option("--until", help="Published on or before this date (YYYY-MM-DD).")]
SpokespersonFilter = Annotated[
    str | None, typer.Option("--spokesperson", help="Spokesperson's name, or part of it.")
]
KindFilter = Annotated[
    str | None,
    typer.Option("--kind", help="briefing, statement, press_release, news, listing or other."),
]
LangFilter = Annotated[str | None, typer.Option("--lang", help="Language code, such as en or zh.")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="How many results at most.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many results first.")]
SortOption = Annotated[str, typer.Option("--sort", help="rank (best match first) or date (newest first).")]

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
HIT_CSV_COLUMNS = ["id", "published", "source", "kind", "spokesperson", "language", "title", "url", "snippet"]


def _open(db: Path | None, *, create: bool = True):
    from briefarc.paths import db_path
    from briefarc.store import open_database

    return open_database(db_path(db), create=create), db_path(db)


def _date(value: str | None, option: str, *, end: bool = False) -> str | None:
    if value is None:
        return None
    if not DATE.match(value):
        raise UsageError(f"{option} takes a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not {value!r}.")
    if len(value) == 10:
        return value
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    return value + ("-31" if end else "-01")


def _filters(source, since, until, spokesperson, kind, lang, changed=False, removed=False):
    from briefarc.models import KINDS
    from briefarc.store import Filters

    if kind and kind not in KINDS:
        raise UsageError(f"Unknown kind {kind!r}: use one of {', '.join(KINDS)}.")
    return Filters(
        source=source, since=_date(since, "--since"), until=_date(until, "--until", end=True),
        spokesperson=spokesperson, kind=kind, language=lang, changed=changed, removed=removed,
    )


def _output_flags(json_: bool, csv_: bool) -> None:
    if json_ and csv_:
        raise UsageError("Choose one of --json and --csv.")


def _print_hits(hits: list[dict], json_: bool, csv_: bool, *, snippets: bool, empty: str) -> None:
    from briefarc import console, render

    if json_:
        rows = [_public_hit(hit) for hit in hits]
        render.write_jsonl(rows, sys.stdout)
    elif csv_:
        columns = HIT_CSV_COLUMNS if snippets else HIT_CSV_COLUMNS[:-1]
        render.write_csv([_public_hit(hit, plain=True) for hit in hits], columns, sys.stdout)
    elif hits:
        console.out().print(render.hits_table(hits, snippets=snippets))
    else:
        console.err().print(empty, markup=False)


def _public_hit(hit: dict, plain: bool = False) -> dict:
    from briefarc import render

    row = {key: value for key, value in hit.items() if key not in ("published_date",)}
    row["url"] = hit.get("canonical_url") or hit.get("url")
    row.pop("canonical_url", None)
    if "snippet" in hit:
        row["snippet"] = render.plain_snippet(hit["snippet"])
    return row


@app.command()
def parse(
    files: Annotated[list[str], typer.Argument(help="HTML files to parse ('-' reads standard input).")],
    url: Annotated[str | None, typer.Option("--url", help="The page's address, for a single file.")] = None,
    json_: JsonOption = False,
) -> None:
    """Show what the extractor makes of pages, without storing them."""
    from briefarc import console, render
    from briefarc.errors import InputError
    from briefarc.ingest import iter_inputs, read_input
    from briefarc.models import RawPage
    from briefarc.pipeline import documents_of

    if url and len(files) != 1:
        raise UsageError("--url names the address of a single page: give exactly one file with it.")
    failed = 0
    for name in iter_inputs(files):
        try:
            page = RawPage(data=read_input(name), origin=name, url=url)
            docs = [doc for doc, _ in documents_of(page)]
        except InputError as exc:
            failed += 1
            console.error(f"{name}: {exc}")
            continue
        for doc in docs:
            if json_:
                render.write_jsonl([doc.to_record()], sys.stdout)
            else:
                console.out().print(render.parsed_panel(name, doc))
    if failed:
        raise typer.Exit(ExitStatus.PARTIAL)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of saved pages ('-' reads standard input).")],
    url: Annotated[str | None, typer.Option("--url", help="The page's address, for a single file.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="File the pages under this source name.")] = None,
    db: DbOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Archive pages you already saved: HTML files (also gzipped), folders of them, feeds."""
    from briefarc import console, progress
    from briefarc.ingest import ingest as run_ingest

    database, _ = _open(db)
    with progress.ingest_progress(paths) as on_input:
        report = run_ingest(database, paths, url=url, source=source, on_input=on_input)
    if json_:
        from briefarc import render

        render.write_jsonl([report.as_dict()], sys.stdout)
    else:
        progress.print_ingest_summary(console.err(), report)
    if report.failed:
        raise typer.Exit(ExitStatus.PARTIAL)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases", AND/OR/NOT, prefix*, NEAR(a b, 10).')],
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    spokesperson: SpokespersonFilter = None,
    kind: KindFilter = None,
    lang: LangFilter = None,
    sort: SortOption = "rank",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    literal: Annotated[bool, typer.Option("--literal", help="Search the words as typed, no operators.")] = False,
    db: DbOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """Full-text search, best matches first, with the matched words highlighted."""
    from briefarc.store import search as run_search

    _output_flags(json_, csv_)
    filters = _filters(source, since, until, spokesperson, kind, lang)
    database, _ = _open(db, create=False)
    hits = run_search(database, query, filters, sort=sort, limit=limit, offset=offset, literal=literal)
    _print_hits(hits, json_, csv_, snippets=True, empty="No documents match.")


@app.command("list")
def list_(
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    spokesperson: SpokespersonFilter = None,
    kind: KindFilter = None,
    lang: LangFilter = None,
    sort: Annotated[str, typer.Option("--sort", help="date (newest first) or rank (as stored).")] = "date",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    db: DbOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """List archived documents, newest first."""
    from briefarc.store import list_documents

    _output_flags(json_, csv_)
    filters = _filters(source, since, until, spokesperson, kind, lang)
    database, _ = _open(db, create=False)
    hits = list_documents(database, filters, sort=sort, limit=limit, offset=offset)
    _print_hits(hits, json_, csv_, snippets=False, empty="No documents.")


@app.command()
def show(
    doc_id: Annotated[int, typer.Argument(metavar="ID", help="The document's id (from search or list).")],
    db: DbOption = None,
    json_: JsonOption = False,
    raw: Annotated[bool, typer.Option("--raw", help="Write the original bytes to stdout.")] = False,
) -> None:
    """Show one document: its metadata and its text, turn by turn for transcripts."""
    from briefarc import console, render
    from briefarc.store import get_document, get_raw

    database, _ = _open(db, create=False)
    if raw:
        data = get_raw(database, doc_id)
        if sys.stdout.isatty():
            raise UsageError("--raw writes the page's original bytes: redirect it to a file, as in `> page.html`.")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    record = get_document(database, doc_id)
    if json_:
        render.write_jsonl([record], sys.stdout)
    else:
        console.out().print(render.document_panel(record))


@app.command()
def stats(db: DbOption = None, json_: JsonOption = False) -> None:
    """Counts by source, kind, year and language, and the size of the database."""
    from briefarc import console, render
    from briefarc.store import archive_stats

    database, path = _open(db, create=False)
    figures = archive_stats(database, path)
    if json_:
        render.write_jsonl([figures], sys.stdout)
    else:
        console.out().print(render.stats_renderable(figures))


def main(argv: list[str] | None = None) -> None:
    """Run the app, mapping every failure to one line on stderr and an exit code."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    import click

    from briefarc import console

    try:
        result = app(args=argv, prog_name="briefarc", standalone_mode=False)
        return result if isinstance(result, int) else ExitStatus.OK
    except click.exceptions.UsageError as exc:
        console.error(exc.format_message())
        hint = f"Try '{exc.ctx.command_path} --help' for help." if exc.ctx else "Try 'briefarc --help'."
        console.err().print(hint, markup=False)
        return ExitStatus.USAGE
    except click.exceptions.ClickException as exc:
        console.error(exc.format_message())
        return ExitStatus.USAGE
    except (click.exceptions.Abort, KeyboardInterrupt):
        console.err().print("Interrupted.", markup=False)
        return ExitStatus.INTERRUPTED
    except BriefarcError as exc:
        if os.environ.get("BRIEFARC_TRACEBACK"):
            raise
        console.error(str(exc))
        return exc.exit_status
    except sqlite3.Error as exc:
        if os.environ.get("BRIEFARC_TRACEBACK"):
            raise
        from briefarc.store.db import describe

        console.error(describe(exc))
        return ExitStatus.ERROR
    except BrokenPipeError:
        _silence_stdout()
        return ExitStatus.OK


def _silence_stdout() -> None:
    """After the reader of our output went away (`| head`), do not fail while exiting."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
