"""The search filters as one decorator: a command that takes `filters` gets the filter options."""

import functools
import inspect
import re
from collections.abc import Callable

from briefarc.cli.app import (
    ChangedFilter,
    KindFilter,
    LangFilter,
    RemovedFilter,
    SinceFilter,
    SourceFilter,
    SpokespersonFilter,
    UntilFilter,
    make_filters,
    open_db,
    same_source,
)

FILTER_OPTIONS = (("source", SourceFilter, None), ("since", SinceFilter, None), ("until", UntilFilter, None),
                  ("spokesperson", SpokespersonFilter, None), ("kind", KindFilter, None), ("lang", LangFilter, None))
SHOWN_SITES = 12  # site labels named in the error for an unknown --source
VERSION_OPTIONS = (("changed", ChangedFilter, False), ("removed", RemovedFilter, False))


def with_filters(function: Callable) -> Callable:
    """Give a command --source --since --until --spokesperson --kind --lang; it receives them checked,
    as one `filters` argument (briefarc.store.search.Filters)."""
    return _with_options(function, FILTER_OPTIONS)


def with_document_filters(function: Callable) -> Callable:
    """`with_filters` and --changed --removed: for the commands that list documents (search, list, export)."""
    return _with_options(function, FILTER_OPTIONS + VERSION_OPTIONS)


def _with_options(function: Callable, filter_options: tuple) -> Callable:
    signature = inspect.signature(function, eval_str=True)
    options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
               for name, annotation, default in filter_options]
    kept = [parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY) if parameter.kind is
            inspect.Parameter.POSITIONAL_OR_KEYWORD and parameter.default is not inspect.Parameter.empty
            else parameter for parameter in signature.parameters.values() if parameter.name != "filters"]
    positional = [parameter for parameter in kept if parameter.kind is not inspect.Parameter.KEYWORD_ONLY]
    keyword = [parameter for parameter in kept if parameter.kind is inspect.Parameter.KEYWORD_ONLY]

    @functools.wraps(function)
    def command(*args, **kwargs):
        values = [kwargs.pop(name, default) for name, _, default in filter_options]
        filters = make_filters(*values)
        if filters.source:
            import dataclasses

            source, site, host = check_source_filter(kwargs.get("db"), filters.source)
            filters = dataclasses.replace(filters, source=source, site=site, host=host)
        return function(*args, filters=filters, **kwargs)

    command.__signature__ = signature.replace(parameters=[*positional, *options, *keyword])  # type: ignore[attr-defined]
    return command


def check_source_filter(db, name: str) -> tuple[str | None, str | None, str | None]:
    """--source of a command that reads the archive: (a source it knows, None, None); (None, None, a host) for a
    host or bare domain the documents' addresses are on or under (state.gov: www.state.gov too, whatever their
    label); (None, a site label that tables show for pages filed under no source, "—" for no site known, typed
    "-" as well, None); else a usage error listing them, its suggestion one that holds documents (a typo must not
    read as "no documents")."""
    from briefarc.errors import UsageError
    from briefarc.store.hosts import held_hosts, holds_host, typed_host
    from briefarc.store.sitelabel import NONE_SHOWN, NONE_TYPED, unfiled_labels
    from briefarc.store.sources import all_sources

    database, _ = open_db(db, create=False)
    names = [source.name for source in all_sources(database)]
    if (found := same_source(name, names)) is not None:
        _note_if_empty(database, found)
        return found, None, None
    host = typed_host(name)
    hosts = held_hosts(database) if host else []
    if host and holds_host(database, hosts, host):
        return None, None, host
    labels = unfiled_labels(database)
    if (label := same_source(name, labels)) is not None:
        return None, label, None
    if name.strip() in NONE_TYPED:
        return None, NONE_SHOWN, None
    holding = _holding(database) + labels + [held.removeprefix("www.") for held in hosts or held_hosts(database)]
    raise UsageError(unknown_site(name, names, labels, holding))


def _holding(database) -> list[str]:
    """The sources that hold documents."""
    return [row[0] for row in database.execute(
        "SELECT s.name FROM sources s WHERE EXISTS (SELECT 1 FROM documents d WHERE d.source_id = s.id)")]


def _note_if_empty(database, source: str) -> None:
    """A note on stderr when the source holds no document while pages filed under no source do: pages ingested
    without --source are under their site's name, which --source takes too (a silent "No documents match"
    read as if the ministry had said nothing)."""
    from briefarc.output import console
    from briefarc.store.sitelabel import UNFILED_SQL

    if database.execute("SELECT 1 FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.name = ? LIMIT 1",
                        (source,)).fetchone():
        return
    rows = database.execute(f"""SELECT {UNFILED_SQL} AS label, count(*) FROM documents d WHERE d.source_id IS NULL
                                GROUP BY label HAVING label IS NOT NULL ORDER BY count(*) DESC""").fetchall()
    own = _site_name_of(database, source)
    rows = [row for row in rows if row[0] == own] or rows[:3]  # its own site's pages, when some are there
    if rows:
        sites = ", ".join(f'"{label}" ({count:,})' for label, count in rows)
        console.say(console.err(), f"Note: source {source} holds no documents yet. Pages ingested without --source "
                                   f"are under their site's name, which --source takes too: {sites}.")


def _site_name_of(database, source: str) -> str | None:
    """The name of the site a source's address is on, as its pages give it (a known ministry's), or None."""
    from briefarc.extract.sites import site_by_host
    from briefarc.store.sources import find_source

    site = site_by_host(find_source(database, source).url)
    return site.site_name if site else None


def unknown_site(name: str, names: list[str], labels: list[str], holding: list[str]) -> str:
    """"No source or site named 'x'. Did you mean y? Known sources: a, b. Sites: c, d." on one line,
    the sites cut at SHOWN_SITES. The suggestion is one of `holding` (sources, labels and hosts that hold
    documents); else a source that holds none, said so (fmprc.gov.cn was sent to an empty fmprc-en)."""
    import difflib

    close = difflib.get_close_matches(name, list(dict.fromkeys(holding)), n=1)
    empty = [] if close else difflib.get_close_matches(name, names, n=1)
    hint = f"Did you mean {close[0]}? " if close else f"Did you mean {empty[0]} (no documents yet)? " if empty else ""
    known = f"Known sources: {', '.join(sorted(names))}. " if names else ""
    if not labels:
        return f"No source named {name!r}. {hint}{known}".rstrip()
    sites = ", ".join(f'"{label}"' if re.search(r"[\s,]", label) else label for label in labels[:SHOWN_SITES])
    more = f" and {len(labels) - SHOWN_SITES} more (briefarc stats lists them)" if len(labels) > SHOWN_SITES else ""
    return f"No source or site named {name!r}. {hint}{known}Sites of pages filed under no source: {sites}{more}."
