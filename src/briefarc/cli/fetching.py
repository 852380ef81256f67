"""Commands that reach the web: fetch, sources, log."""

import re
import sys
from contextlib import contextmanager
from typing import Annotated

import typer

from briefarc.cli.app import (
    DbOption,
    app,
    archive_to_fill,
    check_source_name,
    exit_for_failures,
    json_flag,
    open_db,
    parse_date,
)
from briefarc.errors import UsageError

DAY = 86_400.0  # seconds: --delay and --timeout at most (inf waited for ever; a day is far beyond any use)
YEAR_HOURS = 8_760.0  # --retry-wait at most (1e308 hours overflowed when the time of the next try was worked out)

SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")  # an address's, as in mailto: or ftp://
PORT_AFTER = re.compile(r"\d+(?:[/?#]|$)")  # the port of a host typed without a scheme: localhost:8080/x

sources_app = typer.Typer(help="List, add, remove and inspect the sources `briefarc fetch` reads.",
                          epilog="\b\nExample: briefarc sources list",
                          no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sources_app, name="sources")


@app.command(epilog="\b\nExample: briefarc fetch mofa-pk --since 2025-01 --contact you@example.org")
def fetch(
    targets: Annotated[list[str] | None, typer.Argument(
        metavar="[SOURCE|URL]...",
        help="Source names (default: every enabled source), or URLs of articles, feeds or sitemaps.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only items published on or after this date.")] = None,
    max_items: Annotated[int | None, typer.Option("--max", min=1, help="At most this many new items per source.")]
    = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Discover and list new items; fetch and store nothing.")]
    = False,
    refresh: Annotated[bool, typer.Option(
        "--refresh", help="Check known items again (conditional requests); mark vanished ones removed.")] = False,
    contact: Annotated[str | None, typer.Option(
        "--contact", envvar="BRIEFARC_CONTACT", help="E-mail or URL sent in the User-Agent so sites can reach you.")]
    = None,
    per_host: Annotated[int, typer.Option("--per-host", min=1, help="Concurrent requests per host.")] = 2,
    delay: Annotated[float, typer.Option("--delay", min=0.0, max=DAY, help="Seconds between requests to one host.")]
    = 1.0,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=0.1, max=DAY, help="Seconds a response may take in all: connecting, headers and body.")]
    = 30.0,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Extra attempts after a timeout, reset, 429 or 5xx.")]
    = 3,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=0, help="Processes that extract pages (0: none, all in this one). Default: one per spare "
        "core, started once a run has more than a few pages.")] = None,
    give_up_after: Annotated[int, typer.Option(
        "--give-up-after", min=1, envvar="BRIEFARC_GIVE_UP_AFTER",
        help="Failed tries after which a page announced by a source is given up.")] = 8,
    retry_wait: Annotated[float, typer.Option(
        "--retry-wait", min=0.0, max=YEAR_HOURS, envvar="BRIEFARC_RETRY_WAIT",
        help="Hours before a page whose feed text is archived is tried again; doubled after each failed try.")]
    = 1.0,
    db: DbOption = None,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="Let pages lead from public addresses to private ones (archiving an intranet).")]
    = False,
    json_: Annotated[bool, json_flag("one line per source: its counts, its error and each failed item.")] = False,
) -> None:
    """Fetch new briefings from the sources you follow, or from given URLs."""
    from briefarc.collect import FetchInterrupted, FetchOptions
    from briefarc.net.fetch import FetchConfig
    from briefarc.output import console
    from briefarc.output.progress import print_fetch_summary
    from briefarc.store.pending import RetryPolicy

    since = parse_date(since, "--since")
    for name, value in (("--delay", delay), ("--timeout", timeout), ("--retry-wait", retry_wait)):
        if value != value:  # NaN: every comparison of a range is false, so Typer let it through
            raise UsageError(f"{name} takes a number, not {value}.")
    with _fetch_database(db, dry_run) as database:
        options = FetchOptions(
            since=since, max_items=max_items, dry_run=dry_run, refresh=refresh, workers=workers,
            retry=RetryPolicy(give_up_after, retry_wait * 3600),
            config=FetchConfig(contact=contact, per_host=per_host, delay=delay, connect_timeout=min(10.0, timeout),
                               read_timeout=timeout, total_timeout=timeout, retries=retries,
                               allow_private=allow_private))
        from briefarc.output.streams import reader_may_go

        try:
            reports = _run_fetch(database, targets or [], options)
        except FetchInterrupted as exc:  # what each source did before Ctrl-C, each line saying it was cut short
            if json_:
                with reader_may_go():
                    _write_reports(exc.reports)
            raise
        with reader_may_go():
            if json_:
                _write_reports(reports)
            else:
                print_fetch_summary(console.err(), reports, dry_run=dry_run)
            if not dry_run:
                from briefarc.cli.watching import report_after_fetch

                report_after_fetch(database, json_)
    whole = [r for r in reports if r.error or (r.failed and not (r.added + r.updated + r.unchanged + r.removed))]
    exit_for_failures(sum(not report.ok for report in reports), len(reports) - len(whole))


def _write_reports(reports) -> None:
    """fetch --json: one line per source, whole run or cut short."""
    from briefarc.output import render

    render.write_jsonl([report.as_dict() for report in reports], sys.stdout)


@contextmanager
def _fetch_database(db, dry_run: bool):
    """The archive; for a dry run with no archive yet, a throwaway one (a dry run creates no file)."""
    import tempfile
    from pathlib import Path

    from briefarc.paths import db_path

    if not dry_run:
        from briefarc.cli.watching import archive_held

        with archive_to_fill(db) as database, archive_held(database):  # a new one left unfilled is removed again
            yield database
        return
    if db_path(db).exists():
        yield open_db(db)[0]
        return
    with tempfile.TemporaryDirectory(prefix="briefarc-dry-run-") as folder:
        database = open_db(Path(folder) / "dry-run.db")[0]
        try:
            yield database
        finally:
            database.close()


def _run_fetch(database, targets: list[str], options):
    from briefarc.collect import fetch_all
    from briefarc.output.progress import fetch_progress

    sources, urls = _targets(database, targets)
    with fetch_progress([s.name for s in sources] + (["(urls)"] if urls else [])) as on_update:
        return fetch_all(database, sources, urls, options, on_update)


def _targets(database, targets: list[str]):
    from briefarc.store.sources import FILES, all_sources
    from briefarc.urls import is_web_url

    urls = [t for t in targets if is_web_url(t)]
    names = [t for t in targets if not is_web_url(t)]
    for name in names:
        _check_not_address(name)
    for url in urls:
        check_fetchable(url)
    if not targets:
        sources = [s for s in all_sources(database) if s.enabled and s.kind != FILES]
        if not sources:
            raise UsageError("No sources are enabled: `briefarc sources list` shows them; `sources add` adds one.")
        return sources, []
    known = {source.name: source for source in all_sources(database)}
    chosen = [known[_source_name(name, list(known))] for name in names]
    for source in chosen:
        if source.kind == FILES:
            raise UsageError(f"Source {source.name!r} labels pages you ingested: it has nothing to fetch.")
    return chosen, urls


def _check_not_address(name: str) -> None:
    """A usage error for a target that is an address no fetch can take, not a source's name (no name holds a
    colon): an http(s) one says what is wrong with it (its port 99999 was 'not an http(s) address'), another
    scheme's says it is not the web's (mailto:a@b.c was told to be given whole, as https://mailto:a@b.c). A host
    and port typed without a scheme (localhost:8080) is left to the name's check, which says to give it whole."""
    from briefarc.urls import masked

    found = SCHEME.match(name)
    if found is None or (PORT_AFTER.match(name, found.end()) and "://" not in name):
        return
    scheme = found[1].lower()
    if scheme in ("http", "https"):
        check_fetchable(name)
        raise UsageError(f"{masked(name)!r} is not an http(s) address briefarc can read: give it whole, as in "
                         "https://example.org/briefing.")
    raise UsageError(f"{masked(name)!r} cannot be fetched: {scheme}: addresses are not web pages; give an http(s) "
                     "address.")


def check_fetchable(url: str) -> None:
    """A usage error for a typed address no request can be made to (its password shown as ***)."""
    from briefarc.urls import address_problem, masked

    if problem := address_problem(url):
        raise UsageError(f"{masked(url)!r} cannot be fetched: {problem}.")


def _source_name(name: str, names: list[str], *, address_hint: bool = True) -> str:
    """The known source `name` means (in any case), or a usage error: the known names, or for an address typed
    without its scheme (as a browser's address bar shows it), the address whole."""
    from briefarc.cli.app import same_source, unknown_source

    found = same_source(name, names)
    if found is not None:
        return found
    if address_hint and "." in name and not any(char.isspace() for char in name):
        raise UsageError(f"{name!r} is no source's name: to fetch a web address, give it whole, as in "
                         f"https://{name.lstrip('/')}")
    raise UsageError(unknown_source(name, names))


def _existing_db(db):
    """The archive when there is one; None before the first ingest or fetch (nothing is created)."""
    from briefarc.paths import db_path

    return open_db(db, create=False)[0] if db_path(db).exists() else None


@sources_app.command("list", epilog="\b\nExample: briefarc sources list --json")
def sources_list(
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per source, with its last run.")] = False,
) -> None:
    """Every source with its state: enabled, documents, last run, last error."""
    from briefarc.output import console, render
    from briefarc.store.sources import all_sources, source_status

    database = _existing_db(db)
    rows = [source_status(database, s) for s in all_sources(database)]
    if json_:
        render.write_jsonl(rows, sys.stdout)
    else:
        console.print_trimmed(render.sources_table(rows))


@sources_app.command("show", epilog="\b\nExample: briefarc sources show mofa-pk")
def sources_show(name: Annotated[str, typer.Argument(help="The source's name.")], db: DbOption = None,
                 json_: Annotated[bool, json_flag("one line with the source, its options and its last run.")]
                 = False) -> None:
    """One source in full: URL, options, counts of its last run, its last error, and the pages still to fetch."""
    from briefarc.output import console, render
    from briefarc.store.sources import find_source, source_status

    database = _existing_db(db)
    row = source_status(database, find_source(database, name))
    if json_:
        render.write_jsonl([row], sys.stdout)
    else:
        console.out().print(render.source_view(row), soft_wrap=not console.out().is_terminal, crop=False)


@sources_app.command("add", epilog="\b\nExample: briefarc sources add dawn https://www.dawn.com/feeds/home --kind feed")
def sources_add(
    name: Annotated[str, typer.Argument(help="A short name, such as dawn or mofa-pk.")],
    url: Annotated[str | None, typer.Argument(help="Feed, sitemap, site or listing URL (not for built-ins).")]
    = None,
    kind: Annotated[str, typer.Option("--kind", help="feed, sitemap, wordpress, listing, mea or govuk.")] = "feed",
    title: Annotated[str | None, typer.Option("--title", help="A longer name to show.")] = None,
    item_selector: Annotated[str | None, typer.Option("--item-selector", help="listing: CSS for article links.")]
    = None,
    next_selector: Annotated[str | None, typer.Option("--next-selector", help="listing: CSS for the next page.")]
    = None,
    link_pattern: Annotated[str | None, typer.Option(
        "--link-pattern", help="Only URLs matching this regex (not for mea, govuk).")] = None,
    full_text: Annotated[bool, typer.Option("--full-text", help="feed: store entries from the feed itself.")]
    = False,
    db: DbOption = None,
) -> None:
    """Follow a new source, or switch a built-in or removed one back on."""
    from briefarc.models import Source
    from briefarc.output import console, render
    from briefarc.store.sources import add_source
    from briefarc.urls import is_web_url, masked

    if url and not is_web_url(url):
        _check_not_address(url)
        raise UsageError(f"{masked(url)!r} is not an http(s) URL.")
    if url:
        check_fetchable(url)
    check_source_name(name)
    _check_options_fit(kind.strip().lower(), full_text, item_selector, next_selector, link_pattern)
    options = {key: value for key, value in (("item_selector", item_selector), ("next_selector", next_selector),
               ("link_pattern", link_pattern), ("full_text", "always" if full_text else None)) if value}
    _check_pattern(link_pattern)
    _check_selectors(("--item-selector", item_selector), ("--next-selector", next_selector))
    database, _ = open_db(db)
    source = add_source(database, Source(name=name, kind=kind.strip().lower(), url=url, title=title, options=options))
    line = f"Source {source.name} ({source.kind}) is enabled: {masked(source.url)}"
    console.err().print(render.clean(line), markup=False, highlight=False)


def _check_options_fit(kind: str, full_text: bool, item_selector: str | None, next_selector: str | None,
                       link_pattern: str | None = None) -> None:
    """An option that means nothing for the kind is refused: it was stored and never read. --full-text is read by
    a feed (and by a WordPress source, which reads the site's feed when its API is closed); the selectors by a
    listing; --link-pattern by all but the MEA and gov.uk APIs, whose items are the APIs' own addresses (MEA's
    FetchPublicationDetailData?pkid=N), not the pages a pattern would be written for. An unknown kind is left
    for add_source to name."""
    from briefarc.sources import KINDS

    if kind not in KINDS:
        return
    if full_text and kind not in ("feed", "wordpress"):
        raise UsageError(f"--full-text is for feeds whose entries hold the whole text (--kind feed, or wordpress, "
                         f"which reads the site's feed when its API is closed): a {kind} source's pages are always "
                         "fetched. Leave it out.")
    for option, value in (("--item-selector", item_selector), ("--next-selector", next_selector)):
        if value is not None and kind != "listing":
            raise UsageError(f"{option} is for listing pages (--kind listing): a {kind} source has no use for it. "
                             "Leave it out, or give --kind listing.")
    if link_pattern is not None and kind in ("mea", "govuk"):
        raise UsageError(f"--link-pattern is for feeds, sitemaps, listings and WordPress sources: a {kind} source "
                         "reads every item its API lists, at the API's own addresses. Leave it out.")


def _check_pattern(pattern: str | None) -> None:
    import re

    if pattern:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise UsageError(f"--link-pattern is not a valid regular expression: {exc}.") from exc


def _check_selectors(*options: tuple[str, str | None]) -> None:
    """A selector lexbor cannot read is refused now: the source's every fetch failed with an internal error."""
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError

    tree = LexborHTMLParser("<p></p>")
    for option, selector in options:
        if selector is None:
            continue
        try:
            tree.css(selector)
        except SelectolaxError:
            raise UsageError(f"{option} {selector!r} is not a CSS selector briefarc can read, such as "
                             "'h3 a[href]' or 'a.next'.") from None


@sources_app.command("remove", epilog="\b\nExample: briefarc sources remove dawn")
def sources_remove(name: Annotated[str, typer.Argument(help="The source's name.")], db: DbOption = None) -> None:
    """Stop following a source. Documents already archived stay."""
    from briefarc.output import console, render
    from briefarc.store.sources import remove_source

    database, _ = open_db(db)
    outcome = remove_source(database, name)
    line = f"Source {name} {outcome}; its documents stay in the archive."
    console.err().print(render.clean(line), markup=False, highlight=False)


@app.command(epilog="\b\nExample: briefarc log --source mofa-pk --all --limit 50")
def log(
    limit: Annotated[int, typer.Option(
        "--limit", min=1, help="How many requests (with --pending: pending pages) at most.")] = 30,
    source: Annotated[str | None, typer.Option("--source", help="Only this source's requests.")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every request, not only failures.")] = False,
    pending: Annotated[bool, typer.Option(
        "--pending", help="Pages announced but not fetched yet: tries, last error, next try due.")] = False,
    db: DbOption = None,
    json_: Annotated[bool, json_flag("one line per request (time, source, URL, status, attempt, ms, error).")] = False,
) -> None:
    """Recent failed requests (or all requests) with status, size, time and error; or the pages still to fetch."""
    from briefarc.output import console, render
    from briefarc.output.textout import count_line
    from briefarc.store.fetchlog import count_requests, recent_requests
    from briefarc.store.pending import count_listed, listed

    database, _ = open_db(db, create=False)
    if source is not None:  # a mistyped name is said so, not answered with "No failed requests."
        from briefarc.store.sources import all_sources

        source = _source_name(source, [known.name for known in all_sources(database)], address_hint=False)
    rows: list = (listed(database, source=source, limit=limit) if pending
                  else recent_requests(database, failures_only=not all_, limit=limit, source=source))
    more = None
    if len(rows) == limit:  # perhaps more than shown: "30 of 80 — `--limit 80` for more" on stderr, as print_limited
        total = (count_listed(database, source=source) if pending
                 else count_requests(database, failures_only=not all_, source=source))
        more = count_line(len(rows), total, 0, more_hint=f"`--limit {total}`")
    if json_:
        render.write_jsonl(rows, sys.stdout)  # rows only: the note goes to stderr
        if more:
            console.say(console.err(), more)
        return
    if rows:
        whole = not console.out().is_terminal  # into a pipe every URL stays whole, on one line
        console.print_table(render.pending_table(rows, whole=whole) if pending
                            else render.requests_table(rows, whole=whole))
        if more:
            console.say(console.err(), more)
    else:
        empty = "No failed requests." if not all_ else "No requests yet."
        console.err().print("No pages wait for a later try." if pending else empty, markup=False)
    waiting = listed(database, source=source, limit=1) if not pending else []
    if waiting and not waiting[0]["given_up_at"]:
        console.err().print(f"Pages wait for a later try, the next {_due(waiting[0])}: "
                            "`briefarc log --pending` lists them.", markup=False,
                            soft_wrap=not console.err().is_terminal)  # into a pipe, the command whole


def _due(row: dict) -> str:
    """"due 2026-12-02T21:41:50Z", or "due now" once that time has passed, with the fetch that takes it: the
    next one for a source's page; for a page listed where no source was named, a fetch of the listing's address
    (of the page's own, when the listing was a saved file without one)."""
    from datetime import UTC, datetime

    from briefarc.output import render

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if row["next_try"] > now:
        return f"due {row['next_try']}"
    if row["source"] or not row["found_on"]:
        return "due now (on the next fetch)"
    from briefarc.urls import is_web_url

    if not is_web_url(row["found_on"]):  # a listing ingested from a file: no address to fetch it from
        return f"due now (listed by the saved file {render.clean(row['found_on'])}: `briefarc fetch URL` takes a page)"
    if row["found_on"] == row["url"]:  # a page given to fetch itself: no page lists it
        return f"due now (on `briefarc fetch {render.clean(row['url'])}`)"
    return f"due now (on `briefarc fetch {render.clean(row['found_on'])}`, the page that lists it)"
