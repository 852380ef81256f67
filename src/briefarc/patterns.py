"""Regular expressions compiled on first use, so that a one-page run pays only for those it needs.

The extractor holds about 130 module-level patterns; compiling them all took half of the extractor's
import, and one page uses fewer than half of them. `lazy(source, flags)` stands in for
`re.compile(source, flags)` at a module's top level. The first call of any of the pattern's methods
compiles it and puts the compiled pattern in its place in the module that made it, so that module's later
calls cost what a compiled pattern's cost; a reference kept elsewhere (a tuple, another module's import)
goes on working through the methods copied onto the object. `pattern` and `flags` are plain attributes,
so building one pattern from another's source compiles nothing.
"""

from __future__ import annotations

import re
import sys
from typing import Any, AnyStr, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class _Compiled:
    """What a lazy pattern becomes once compiled: the compiled pattern's methods as plain attributes."""

    pattern: Any
    flags: int


class _Lazy(_Compiled):
    def __init__(self, pattern: str | bytes, flags: int, home: dict[str, Any]) -> None:
        self.pattern = pattern
        self.flags = flags
        self._home = home

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        self.flags = compiled.flags
        home = self.__dict__.pop("_home", {})  # empty when another thread compiled it at the same time
        for key, value in list(home.items()):
            if value is self:
                home[key] = compiled
        self.__class__ = _Compiled  # type: ignore[assignment]  # no __getattr__ hook left to slow each attribute lookup
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"


def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """A pattern that compiles when it is first used. It has the methods of re.Pattern but is not one:
    give `re` functions its `.pattern`, or use its own methods."""
    home = sys._getframe(1).f_globals
    return cast("re.Pattern[AnyStr]", _Lazy(pattern, flags, home))
