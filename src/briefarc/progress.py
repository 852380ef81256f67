"""Progress bars and end-of-run summaries on stderr."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from briefarc import console
from briefarc.render import clean

MANY_FILES = 20


@contextmanager
def ingest_progress(paths: list[str]) -> Iterator:
    """A callback that advances a progress bar, when stderr is a terminal and the files are many."""
    if not console.err().is_terminal:
        yield None
        return
    from briefarc.ingest import count_inputs

    total = count_inputs(paths)
    if total < MANY_FILES:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console.err(), transient=True) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda name, results, error: bar.advance(task)


def print_ingest_summary(stderr: Console, report) -> None:
    line = (f"Added {report.added}, updated {report.updated}, unchanged {report.unchanged}, "
            f"failed {len(report.failed)}.")
    stderr.print(line, markup=False, highlight=False)
    for name, reason in report.failed:
        stderr.print(f"  failed: {clean(name)}: {clean(reason)}", markup=False, highlight=False, soft_wrap=True)
