"""Commands that take things out of the archive or check it: export, cite, verify."""

import sys
from typing import Annotated, Any

import typer

from briefarc.cli.app import (
    CsvSafeOption,
    DbOption,
    app,
    choice,
    exit_for_failures,
    open_db,
    parse_turn_ref,
)
from briefarc.cli.filters import with_document_filters
from briefarc.errors import ExitStatus


@app.command(epilog="\b\nExample: briefarc export -o briefings.csv --source mofa-pk --since 2025")
@with_document_filters
def export(
    format_: Annotated[str | None, typer.Option(
        "--format", "-f", help="jsonl, csv, markdown or warc. Default: told by the -o file's ending (.csv, .jsonl, "
        ".warc.gz, ...), else jsonl.", show_default=False)] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File to write (a folder for markdown); '-' or none: stdout for "
                                            "jsonl and csv. WARC records are gzipped unless the name ends in .warc."),
    ] = None,
    all_versions: Annotated[
        bool, typer.Option("--all-versions", help="WARC: every archived snapshot, not only the current one.")
    ] = False,
    db: DbOption = None,
    csv_safe: CsvSafeOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as one line of JSON on stderr "
                                        "(the export itself goes to -o or stdout).")] = False,
    *,
    filters: Any,
) -> None:
    """Export documents as JSON Lines, CSV, Markdown files or a WARC file of the raw pages."""
    from briefarc.export import check_options, format_for
    from briefarc.export import export as run_export

    format_ = format_for(format_, output)
    check_options(format_, output, all_versions)
    database, _ = open_db(db, create=False)
    report = run_export(database, format_, filters, output, all_versions=all_versions, csv_safe=csv_safe)
    from briefarc.output.streams import reader_may_go

    with reader_may_go():
        _print_export_summary(report, json_)
    exit_for_failures(len(report.failed), report.documents)


def _print_export_summary(report, json_: bool) -> None:
    from briefarc.output import console, render, summaries

    if json_:
        render.write_jsonl([report.as_dict()], sys.stderr)
        return
    stderr = console.err()
    written = f" ({summaries.count(report.written, 'record')})" if report.format == "warc" else ""
    line = f"Exported {summaries.count(report.documents, 'document')}{written} to {render.clean(report.destination)}."
    if report.failed:
        line += f" Left out {len(report.failed)}:"
    console.say(stderr, line)
    for item, reason in report.failed:
        console.say(stderr, f"  failed: {render.clean(item)}: {render.clean(reason)}")


@app.command(epilog="\b\nExample: briefarc cite 12 14 --format bibtex")
def cite(
    refs: Annotated[list[str], typer.Argument(metavar="ID...", help="Document ids (from search or list), or ID#N "
                                              "for turn N of a document.")],
    format_: Annotated[str, typer.Option("--format", "-f", help="text, bibtex or csl-json.")] = "text",
    db: DbOption = None,
) -> None:
    """Cite documents: source URL, publication date, archive date and the sha256 of the archived bytes."""
    from briefarc.cite import FORMATS, citations
    from briefarc.store.entries import with_own_hash  # a feed entry is cited by its own sha256, not the feed's

    format_ = choice(format_, FORMATS, "--format")
    database, _ = open_db(db, create=False)
    records = [with_own_hash(database, cited_record(database, ref)) for ref in refs]
    sys.stdout.write(citations(records, format_))
    sys.stdout.flush()


def cited_record(database, ref: str) -> dict:
    """The record `cite` cites: a document, or with ID#N a document and its turn N."""
    from briefarc.analysis.turns import get_turn, speaker_named
    from briefarc.store.documents import get_document

    doc_id, number = parse_turn_ref(ref)
    record = get_document(database, doc_id)
    if number is not None:
        turn = get_turn(database, doc_id, number)
        record["turn"] = {"number": number, "role": turn["role"], "speaker": speaker_named(turn)}
    return record


@app.command(epilog="\b\nExample: briefarc verify --repair")
def verify(
    repair: Annotated[bool, typer.Option("--repair", help="Rebuild the full-text index and the acronyms table "
                                         "if they are wrong.")] = False,
    quick: Annotated[bool, typer.Option("--quick", help="SQLite's quick_check instead of integrity_check.")] = False,
    db: DbOption = None,
    json_: Annotated[bool, typer.Option("--json", help="The report as one line of JSON on stdout: "
                                        "counts and each problem found.")] = False,
) -> None:
    """Check every raw page against its sha256, the database file, the full-text index and the acronyms table."""
    from briefarc.output import console, render, summaries
    from briefarc.store.verify import verify as run_verify

    database, path = open_db(db, create=False)
    report = run_verify(database, quick=quick, repair=repair)
    if json_:
        render.write_jsonl([report.as_dict()], sys.stdout)
    else:
        for problem in report.problems:
            console.say(console.out(), render.clean(problem.line()))
    for line in summaries.verify_summary(report, path):
        console.say(console.err(), line)
    if not report.ok:
        console.error(summaries.verify_advice(report))
        raise typer.Exit(ExitStatus.ERROR)
