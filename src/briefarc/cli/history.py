"""Commands over time: history, diff, reparse."""

import sys
from typing import Annotated

import typer

from briefarc.cli.app import DbOption, app, document_id, exit_for_failures, json_flag, open_db
from briefarc.errors import NotFound, UsageError


@app.command(epilog="\b\nExample: briefarc history 12")
def history(
    doc_id: Annotated[int, typer.Argument(metavar="ID", help="The document's id.", parser=document_id)],
    db: DbOption = None,
    json_: Annotated[bool, json_flag(
        "one line per version (number, dates, words added and removed, sha256, title).")] = False,
) -> None:
    """The versions of a document: when each was archived and how much it changed."""
    from briefarc.output import console, render
    from briefarc.store.entries import with_own_hashes
    from briefarc.store.versions import version_history

    database, _ = open_db(db, create=False)
    versions = with_own_hashes(database, doc_id, version_history(database, doc_id))  # an entry's, as show's
    if json_:
        render.write_jsonl(versions, sys.stdout)
    else:
        console.print_trimmed(render.history_table(doc_id, versions))


@app.command(epilog="\b\nExample: briefarc diff 12   (or: briefarc diff 12 1 3 | less)")
def diff(
    doc_id: Annotated[int, typer.Argument(metavar="ID", help="The document's id.", parser=document_id)],
    versions: Annotated[list[int] | None, typer.Argument(
        metavar="[V1 V2]", help="Two version numbers (default: the last two).")] = None,
    db: DbOption = None,
    json_: Annotated[bool, json_flag(
        "one line with the changes: title, fields, and parts of word runs, with word counts.")] = False,
) -> None:
    """Word-level differences between two versions, turn by turn for transcripts."""
    from briefarc.diff import diff_versions
    from briefarc.output import console, render
    from briefarc.store.versions import get_version, list_versions

    database, _ = open_db(db, create=False)
    numbers = [v["number"] for v in list_versions(database, doc_id)]
    old_number, new_number = _pick(versions or [], numbers, doc_id)
    result = diff_versions(get_version(database, doc_id, old_number), get_version(database, doc_id, new_number))
    if json_:
        render.write_jsonl([result.as_dict()], sys.stdout)
    else:
        from briefarc.output.diffview import diff_renderable

        out = console.out()
        plain = out.no_color or out.color_system is None
        out.print(diff_renderable(doc_id, result, plain=plain), soft_wrap=not out.is_terminal)


def _pick(given: list[int], numbers: list[int], doc_id: int) -> tuple[int, int]:
    if len(given) == 2:
        return given[0], given[1]
    if given:
        raise UsageError("Give two version numbers (as in `briefarc diff 12 1 3`), or none for the last two.")
    if len(numbers) < 2:
        raise NotFound(f"Document {doc_id} has one version only: nothing to compare yet.")  # no mistake of the user
    return numbers[-2], numbers[-1]


@app.command(epilog="\b\nExample: briefarc reparse --all")
def reparse(
    ids: Annotated[list[int] | None, typer.Argument(metavar="[ID]...", help="Documents to re-extract.",
                                                    parser=document_id)] = None,
    all_: Annotated[bool, typer.Option("--all", help="Re-extract every document.")] = False,
    db: DbOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as one line of JSON.")] = False,
) -> None:
    """Extract archived documents again from their stored raw bytes, with no network."""
    from briefarc.output import console, render
    from briefarc.reparse import reparse as run_reparse
    from briefarc.store.documents import all_document_ids

    if bool(ids) == all_:
        raise UsageError("Give document ids, or --all (not both).")
    database, _ = open_db(db, create=False)
    report = run_reparse(database, all_document_ids(database) if all_ else ids or [])
    from briefarc.output.streams import reader_may_go

    with reader_may_go():
        if json_:
            render.write_jsonl([report.as_dict()], sys.stdout)
        else:
            from briefarc.output.summaries import count

            console.err().print(f"Re-extracted {count(report.checked, 'document')}: {report.changed} changed, "
                                f"{len(report.failed)} failed.", markup=False)
            for doc_id, reason in report.failed:
                console.err().print(f"  failed: {doc_id}: {render.clean(reason)}", markup=False)
    exit_for_failures(len(report.failed), report.checked)
