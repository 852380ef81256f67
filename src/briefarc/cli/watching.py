"""briefarc watch: saved searches and their new hits, also reported after each fetch."""

import re
import sys
from contextlib import contextmanager
from typing import Annotated, Any

import typer

from briefarc.cli.app import DbOption, app, check_typed, json_flag, open_db
from briefarc.cli.filters import with_filters

WATCH_NAME = re.compile(r"[^\W_][\w.-]{0,63}")
OPTION_NAMES = {"language": "lang"}  # a Filters field and the option that sets it, where they differ
watch_app = typer.Typer(help="Saved searches: add, list and remove them; check them for new, edited and removed "
                        "documents.",
                        epilog="\b\nExample: briefarc watch add taiwan Taiwan --lang en", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(watch_app, name="watch")


@watch_app.command("add", epilog="\b\nExample: briefarc watch add taiwan 'Taiwan OR 台湾' --source fmprc-en")
@with_filters
def watch_add(
    name: Annotated[str, typer.Argument(help="A name for the watch.")],
    query: Annotated[str, typer.Argument(help="The search, in the query language of `briefarc search`.")],
    db: DbOption = None,
    *,
    filters: Any,  # filled in by @with_filters
) -> None:
    """Save a search; `watch check` and every `fetch` then report the documents it finds that are new or edited."""
    from briefarc.analysis.watch import add_watch
    from briefarc.cli.archive import no_such_spokesperson, print_notes
    from briefarc.output import console
    from briefarc.store.query import read_query
    from briefarc.urls import UNDECODED

    # typed again to remove the watch, and shown in every fetch's report; bytes that are not UTF-8 are said so
    # where any argument's are (cli.run)
    if not WATCH_NAME.fullmatch(name) and not UNDECODED.search(name):
        from briefarc.errors import UsageError

        raise UsageError(f"{name!r} cannot name a watch: use letters, digits, '-', '_' and '.' (up to 64, starting "
                         "with a letter or digit), as in taiwan or us-china.")
    check_typed(query)
    database, _ = open_db(db)
    add_watch(database, name, query, filters)
    print_notes(read_query(query).notes)  # as search says: 'or' in lower case is a word, not an operator
    if no_such_spokesperson(database, filters):  # a typo, or a spokesperson yet to come: kept, and said
        print_notes([f"No document names a spokesperson {filters.spokesperson!r} yet (`briefarc speakers` lists those "
                     f"named): the watch finds the documents that do once they arrive; `briefarc watch remove {name}` "
                     "forgets it if the name is a typo."])
    console.err().print(f"Watching {query!r} as {name!r}.", markup=False, highlight=False)


@watch_app.command("list", epilog="\b\nExample: briefarc watch list --json")
def watch_list(
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per watch (name, query, filters, created_at, checked_at).")] = False,
) -> None:
    """The saved searches, with their filters and when they were last checked."""
    from briefarc.analysis.watch import list_watches
    from briefarc.cli.analysis import print_rows
    from briefarc.output.analysis import simple_table

    database, _ = open_db(db, create=False)  # a missing archive is not made for nothing; a read-only one is read
    columns = ["name", "query", "filters", "created_at", "checked_at"]
    rows = list_watches(database)
    # The table leaves the query and filters room: the check to the minute (UTC), the creation in --json. With both
    # times to the second (42 cells), at 60 columns the query had one cell, and a Chinese one showed nothing.
    shown = [{"name": row["name"], "query": row["query"],
              "filters": " ".join(f"--{OPTION_NAMES.get(k, k)} {v}" for k, v in row["filters"].items()),
              "last_checked": (row["checked_at"] or "never")[:16].replace("T", " ")} for row in rows]
    if json_:
        print_rows(rows, columns, True, False, None, "")
    else:
        table = ["name", "query", "filters", "last_checked"]
        print_rows(shown, table, False, False, lambda r: simple_table(r, table),
                   "No watches: `briefarc watch add NAME QUERY` adds one.")


@watch_app.command("remove", epilog="\b\nExample: briefarc watch remove taiwan")
def watch_remove(name: Annotated[str, typer.Argument(help="The watch's name.")], db: DbOption = None) -> None:
    """Forget a saved search."""
    from briefarc.analysis.watch import remove_watch

    database, _ = open_db(db, create=False)
    remove_watch(database, name)


@watch_app.command("check", epilog="\b\nExample: briefarc watch check --json")
def watch_check(
    names: Annotated[list[str] | None, typer.Argument(metavar="[NAME]...", help="Only these watches.")] = None,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per watch (watch, query, new, hits, edited, edits, unmatched, "
                                     "unmatched_edits, removed, removals).")] = False,
) -> None:
    """The documents each watch finds that arrived, were edited or were taken down at their source since it was
    last checked (exit 0 with or without)."""
    from briefarc.analysis.watch import check_watches

    database, _ = open_db(db, create=False)
    with archive_held(database):  # what is new is what arrived since the last check: no fetch may save meanwhile
        results = check_watches(database, names or None)
    report_watches(results, json_)


def report_after_fetch(database, json_: bool) -> None:
    """After a fetch: the new hits of every watch (JSON Lines on stdout beside the fetch's, or text on stderr)."""
    from briefarc.analysis.watch import check_watches

    results = check_watches(database)
    if results:
        report_watches(results, json_, out=None if json_ else sys.stderr)


def report_watches(results: list[dict], json_: bool, *, out=None) -> None:
    """One JSON line per watch, or a heading per watch with its new documents."""
    from briefarc.output import console, render
    from briefarc.output.analysis import watch_report

    if json_:
        render.write_jsonl(results, out or sys.stdout)
    elif not results:
        console.err().print("No watches: `briefarc watch add NAME QUERY` adds one.", markup=False)
    else:
        stream = console.out() if out is None else console.err()
        stream.print(watch_report(results), soft_wrap=not stream.is_terminal)  # into a log: a hit per line


@contextmanager
def archive_held(database):
    """The archive for this run alone, held as ingest holds it (store.db.run_of_its_own): a fetch or a watch check
    wrote beside an ingest or another fetch, their pages and checks interleaved. One that finds it held stops at
    once, having asked for and written nothing (an ingest waits its turn instead: it has no sites waiting on it)."""
    from briefarc.errors import DatabaseError
    from briefarc.store.db import database_file, run_of_its_own

    def busy() -> None:
        raise DatabaseError(f"The archive {database_file(database)} is in use by another briefarc run (an ingest, a "
                            "fetch or a watch check): try again when it has ended.")

    with run_of_its_own(database, busy):
        yield
