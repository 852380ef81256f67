"""The search filters as one decorator: a command that takes `filters` gets the six filter options."""

import functools
import inspect
from collections.abc import Callable

from briefarc.cli.app import (
    KindFilter,
    LangFilter,
    SinceFilter,
    SourceFilter,
    SpokespersonFilter,
    UntilFilter,
    make_filters,
)

FILTER_OPTIONS = (("source", SourceFilter), ("since", SinceFilter), ("until", UntilFilter),
                  ("spokesperson", SpokespersonFilter), ("kind", KindFilter), ("lang", LangFilter))


def with_filters(function: Callable) -> Callable:
    """Give a command --source --since --until --spokesperson --kind --lang; it receives them checked,
    as one `filters` argument (briefarc.store.search.Filters)."""
    signature = inspect.signature(function, eval_str=True)
    options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)
               for name, annotation in FILTER_OPTIONS]
    kept = [parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY) if parameter.kind is
            inspect.Parameter.POSITIONAL_OR_KEYWORD and parameter.default is not inspect.Parameter.empty
            else parameter for parameter in signature.parameters.values() if parameter.name != "filters"]
    positional = [parameter for parameter in kept if parameter.kind is not inspect.Parameter.KEYWORD_ONLY]
    keyword = [parameter for parameter in kept if parameter.kind is inspect.Parameter.KEYWORD_ONLY]

    @functools.wraps(function)
    def command(*args, **kwargs):
        values = [kwargs.pop(name) for name, _ in FILTER_OPTIONS]
        return function(*args, filters=make_filters(*values), **kwargs)

    command.__signature__ = signature.replace(parameters=[*positional, *options, *keyword])  # type: ignore[attr-defined]
    return command
