"""The search filters as one decorator: a command that takes `filters` gets the filter options."""

import dataclasses
import functools
import inspect
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
    unknown_source,
)

FILTER_OPTIONS = (("source", SourceFilter, None), ("since", SinceFilter, None), ("until", UntilFilter, None),
                  ("spokesperson", SpokespersonFilter, None), ("kind", KindFilter, None), ("lang", LangFilter, None))
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
            filters = dataclasses.replace(filters, source=check_source_filter(kwargs.get("db"), filters.source))
        return function(*args, filters=filters, **kwargs)

    command.__signature__ = signature.replace(parameters=[*positional, *options, *keyword])  # type: ignore[attr-defined]
    return command


def check_source_filter(db, name: str) -> str:
    """--source of a command that reads the archive: a source it knows, else a usage error listing them
    (a typo must not read as "no documents")."""
    from briefarc.errors import UsageError
    from briefarc.store.sources import all_sources

    database, _ = open_db(db, create=False)
    names = [source.name for source in all_sources(database)]
    if (found := same_source(name, names)) is None:
        raise UsageError(unknown_source(name, names))
    return found
