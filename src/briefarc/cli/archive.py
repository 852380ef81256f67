"""Commands over the archive: parse, ingest, search, list, show, stats."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from briefarc.cli.app import (
    ChangedFilter,
    CsvOption,
    DbOption,
    JsonOption,
    KindFilter,
    LangFilter,
    LimitOption,
    OffsetOption,
    RemovedFilter,
    SinceFilter,
    SortOption,
    SourceFilter,
    SpokespersonFilter,
    UntilFilter,
    app,
    check_output_flags,
    check_url,
    make_filters,
    open_db,
)
from briefarc.errors import ExitStatus, UsageError

HIT_CSV_COLUMNS = ["id", "published", "source", "kind", "spokesperson", "language", "title", "url", "snippet",
                   "highlights"]


def print_hits(hits: list[dict], json_: bool, csv_: bool, *, snippets: bool, empty: str) -> None:
    from briefarc.output import console, render

    if json_:
        render.write_jsonl([public_hit(hit) for hit in hits], sys.stdout)
    elif csv_:
        columns = HIT_CSV_COLUMNS if snippets else HIT_CSV_COLUMNS[:-1]
        render.write_csv([public_hit(hit) for hit in hits], columns, sys.stdout)
    elif hits:
        console.out().print(render.hits_table(hits, snippets=snippets))
    else:
        console.err().print(empty, markup=False)


def public_hit(hit: dict) -> dict:
    """A hit as scripts see it: one url, the snippet as plain text, `highlights` as [start, end] offsets into it."""
    from briefarc.output import render

    row = {key: value for key, value in hit.items() if key not in ("published_date", "canonical_url")}
    row["url"] = hit.get("canonical_url") or hit.get("url")
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
    from briefarc.files.parse import parse_files
    from briefarc.output import console, render

    if url and len(files) != 1:
        raise UsageError("--url names the address of a single page: give exactly one file with it.")
    failed = 0
    for parsed in parse_files(files, check_url(url)):
        if parsed.error:
            failed += 1
            console.error(f"{parsed.name}: {parsed.error}")
        for doc in parsed.documents:
            for warning in doc.warnings:
                console.warn(f"{parsed.name}: {warning}")
            if json_:
                render.write_jsonl([doc.to_record()], sys.stdout)
            else:
                console.out().print(render.parsed_panel(parsed.name, doc))
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
    from briefarc.files.ingest import ingest as run_ingest
    from briefarc.output import console, progress

    url = check_url(url)
    database, _ = open_db(db)
    with progress.ingest_progress(paths) as on_input:
        report = run_ingest(database, paths, url=url, source=source, on_input=on_input)
    if json_:
        from briefarc.output import render

        render.write_jsonl([report.as_dict()], sys.stdout)
    else:
        progress.print_ingest_summary(console.err(), report)
    if report.failed:
        raise typer.Exit(ExitStatus.PARTIAL)


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(
        help='Words, "phrases", AND/OR/NOT, prefix*, NEAR(a b, 10). May be left out with --changed or --removed.')]
    = None,
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    spokesperson: SpokespersonFilter = None,
    kind: KindFilter = None,
    lang: LangFilter = None,
    changed: ChangedFilter = False,
    removed: RemovedFilter = False,
    sort: SortOption = "rank",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    literal: Annotated[bool, typer.Option("--literal", help="Search the words as typed, no operators.")] = False,
    db: DbOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """Full-text search, best matches first, with the matched words highlighted."""
    from briefarc.store.search import search as run_search

    check_output_flags(json_, csv_)
    filters = make_filters(source, since, until, spokesperson, kind, lang, changed, removed)
    if query is None or not query.strip():
        if not (changed or removed):
            raise UsageError("Give words to search for, or --changed / --removed to find such documents.")
        from briefarc.store.search import list_documents

        database, _ = open_db(db, create=False)  # every changed or removed document, newest first
        hits = list_documents(database, filters, sort="date", limit=limit, offset=offset)
        print_hits(hits, json_, csv_, snippets=False, empty="No documents match.")
        return
    database, _ = open_db(db, create=False)
    hits = run_search(database, query, filters, sort=sort, limit=limit, offset=offset, literal=literal)
    print_hits(hits, json_, csv_, snippets=True, empty="No documents match.")


@app.command("list")
def list_(
    source: SourceFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    spokesperson: SpokespersonFilter = None,
    kind: KindFilter = None,
    lang: LangFilter = None,
    changed: ChangedFilter = False,
    removed: RemovedFilter = False,
    sort: Annotated[str, typer.Option("--sort", help="date (newest published first) or archived (newest archived "
                                      "first).")] = "date",
    limit: LimitOption = 20,
    offset: OffsetOption = 0,
    db: DbOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
) -> None:
    """List archived documents, newest first."""
    from briefarc.store.search import list_documents

    check_output_flags(json_, csv_)
    filters = make_filters(source, since, until, spokesperson, kind, lang, changed, removed)
    database, _ = open_db(db, create=False)
    hits = list_documents(database, filters, sort=sort, limit=limit, offset=offset)
    print_hits(hits, json_, csv_, snippets=False, empty="No documents.")


@app.command()
def show(
    doc_id: Annotated[int, typer.Argument(metavar="ID", help="The document's id (from search or list).")],
    db: DbOption = None,
    json_: JsonOption = False,
    raw: Annotated[bool, typer.Option("--raw", help="Write the original bytes to stdout.")] = False,
) -> None:
    """Show one document: its metadata and its text, turn by turn for transcripts."""
    from briefarc.output import console, render
    from briefarc.store.documents import get_document, get_raw

    if raw and json_:
        raise UsageError("--raw writes the original bytes and --json the record: choose one.")
    database, _ = open_db(db, create=False)
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
    from briefarc.output import console, render
    from briefarc.store.stats import archive_stats

    database, path = open_db(db, create=False)
    figures = archive_stats(database, path)
    if json_:
        render.write_jsonl([figures], sys.stdout)
    else:
        console.out().print(render.stats_renderable(figures))
