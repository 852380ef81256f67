"""Progress bars and end-of-run summaries on stderr."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from briefarc.output import console
from briefarc.output.summaries import count
from briefarc.output.textout import clean, clean_name

MANY_FILES = 20


@contextmanager
def ingest_progress(paths: list[str]) -> Iterator:
    """A callback that advances a progress bar, when stderr is a terminal and the files are many."""
    if not console.err().is_terminal:
        yield None
        return
    from briefarc.files.inputs import count_inputs

    total = count_inputs(paths)
    if total < MANY_FILES:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with no_control_echo(), Progress(*columns, console=console.err(), transient=True) as bar:
        task = bar.add_task("ingest", total=total)
        yield lambda name, results, error: bar.advance(task)


def print_ingest_summary(stderr: Console, report) -> None:
    """The counts, then a note a line: into a pipe or a file whole (a command a note names is never cut over
    two lines of a log); on a terminal wrapped at its width, a note's lines under its first word."""
    line = (f"Added {report.added}, updated {report.updated}, unchanged {report.unchanged}{_taken(report)}, "
            f"failed {len(report.failed)}.")
    if report.skipped:
        line += f" Skipped {count(report.skipped, 'record')} with no HTML page."
    if report.no_text:
        line += f" Skipped {count(len(report.no_text), 'page')} with no text."
    if report.resources:
        line += f" Skipped {count(len(report.resources), 'file')} of saved pages' resources (a folder such as " \
                f"Page_files beside Page.html)."
    console.say(stderr, line)
    for name in report.no_text:
        console.say(stderr, f"  skipped: {clean_name(name)}: no text (a title and no body): not archived", hang=4)
    if report.listings:
        console.say(stderr, f"  {count(report.listings, 'listing page')}, not stored as documents: "
                    + _pending_note(report.pending_items)
                    + (f"; {count(report.archived, 'link')} to pages archived already" if report.archived else "")
                    + (f"; {count(report.unplaced, 'relative link')} left out: give the page's address with --url"
                       if report.unplaced else "")
                    + (f"; {count(report.private, 'link')} to a private network address "
                       f"({_some(list(report.private_hosts))}) left out: fetch refuses them from a public page"
                       if report.private else ""), hang=4)
    for site, pages in report.assumed.items():
        console.say(stderr, f"  site assumed for {count(pages, 'page')} without a URL: {clean(site)}", hang=4)
    for name, text in report.warnings:
        console.say(stderr, f"  warning: {clean_name(name)}: {clean(text)}", hang=4)
    for name, reason in report.failed:
        console.say(stderr, f"  failed: {clean_name(name)}: {clean(reason)}", hang=4)


def _taken(report) -> str:
    """What pages archived already took from this ingest: the --source given, the --url given."""
    taken = [f"{report.refiled} now filed under the source given"] if report.refiled else []
    if report.addressed:
        taken.append(f"{report.addressed} now at the address given")
    return f" ({'; '.join(taken)})" if taken else ""


def _pending_note(links: int) -> str:
    """How many article links wait to be fetched; `log --pending` named only when it has them to list."""
    if not links:
        return "no article links noted as pending"
    return f"{count(links, 'article link')} noted as pending (`briefarc log --pending`)"


def _some(hosts: list[str], shown: int = 3) -> str:
    """The first few hosts, as plain text, and how many more."""
    more = f" and {len(hosts) - shown} more" if len(hosts) > shown else ""
    return ", ".join(clean(host) for host in hosts[:shown]) + more


@contextmanager
def fetch_progress(names: list[str]) -> Iterator:
    """A live table of each source's counts on stderr (a terminal only); yields the update callback."""
    if not console.err().is_terminal:
        yield None
        return
    from rich.live import Live

    from briefarc.collect import SourceReport
    from briefarc.output.render import fetch_table

    reports = {name: SourceReport(name) for name in names}
    stderr = console.err()

    def draw():  # at each refresh (4 a second), not at each page: the counts cost nothing to keep
        return fetch_table(list(reports.values()), stderr.width)

    with no_control_echo(), Live(console=stderr, refresh_per_second=4, transient=True, get_renderable=draw):
        def update(report) -> None:
            reports[report.name] = report

        yield update


@contextmanager
def no_control_echo() -> Iterator[None]:
    """While a live display redraws itself on the terminal, Ctrl-C is not echoed as "^C". Those two
    characters land after the display's last line, and when that line fills the width they wrap it one
    line down: the display then erases from the wrong place and leaves its top line behind."""
    before = _terminal_modes()
    if before is None:
        yield
        return
    import termios

    quiet = list(before)
    quiet[3] &= ~termios.ECHOCTL
    _set_terminal_modes(quiet)
    try:
        yield
    finally:
        _set_terminal_modes(before)


def _terminal_modes() -> list | None:
    """The modes of the terminal on stderr, when it is ours to change (not from a background job, which
    the change would stop); None otherwise, or without termios (Windows) or a descriptor (a test's stream)."""
    import sys

    try:
        import termios
    except ImportError:
        return None
    try:
        fd = sys.stderr.fileno()
        if not os.isatty(fd) or os.tcgetpgrp(fd) != os.getpgrp():
            return None
        return termios.tcgetattr(fd)
    except (termios.error, OSError, ValueError):
        return None


def _set_terminal_modes(modes: list) -> None:
    import sys
    import termios
    from contextlib import suppress

    with suppress(termios.error, OSError, ValueError):  # the terminal went away (hung up): nothing to restore
        termios.tcsetattr(sys.stderr.fileno(), termios.TCSANOW, modes)


OFFLINE_HINT = "No host could be resolved: check your network connection (or DNS), then run the fetch again."
ONE_HOST_HINT = ("The host name {} could not be resolved: check the address (or your network connection), "
                 "then run the fetch again.")
UNRESOLVED = re.compile(r"cannot resolve the host name (.*?) \(")


def _unresolved(report) -> set[str] | None:
    """The host names whose failure to resolve is all that a source, or the addresses given to fetch, met;
    None when something else happened."""
    reasons = [report.error] if report.error else [reason for _, reason in report.failures]
    matches = [UNRESOLVED.search(reason) for reason in reasons]
    if report.fetched or not matches or not all(matches):
        return None
    return {match.group(1) for match in matches if match}


def _unresolved_hint(reports: list) -> str | None:
    """Offline when several host names failed to resolve and nothing else happened; one name: maybe a typo."""
    found = [_unresolved(report) for report in reports]
    if not reports or any(hosts is None for hosts in found):
        return None
    hosts = {host for names in found if names for host in names}
    return ONE_HOST_HINT.format(clean(next(iter(hosts)))) if len(hosts) == 1 else OFFLINE_HINT


WARNINGS_SHOWN = 20  # a fetch's pages named with a warning, at most, per source: a site that declares the wrong
# encoding on every page would fill the screen (--json lists them all)


def print_fetch_summary(stderr: Console, reports: list, *, dry_run: bool = False) -> None:
    """The counts (unless every source failed before fetching anything), then one line per problem."""
    from briefarc.output.render import fetch_table

    if not all(report.error and not report.fetched for report in reports):
        stderr.print(fetch_table(reports, stderr.width))
    for report in reports:
        for note in report.notes:
            console.say(stderr, f"  {clean(report.name)}: {clean(note)}", hang=4)
        if report.error:
            console.say(stderr, f"  {clean(report.name)} failed: {clean(report.error)}", hang=4)
        for url, text in report.warnings[:WARNINGS_SHOWN]:
            console.say(stderr, f"  warning: {clean_name(url)}: {clean(text)}", hang=4)
        if len(report.warnings) > WARNINGS_SHOWN:
            console.say(stderr, f"  {count(len(report.warnings) - WARNINGS_SHOWN, 'more warning')} of "
                        f"{clean(report.name)}: --json lists them all", hang=4)
        for url, reason in report.failures:
            console.say(stderr, f"  failed: {clean_name(url)}: {clean(reason)}", hang=4)
        if dry_run:
            for item in report.planned:
                published = f"{clean(item['published'])} " if item["published"] else ""
                console.say(stderr, f"  would fetch: {published}{clean(item['url'])}", hang=4)
    hint = _unresolved_hint(reports)
    if hint:
        console.say(stderr, hint)
