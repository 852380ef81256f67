"""Patterns compiled on first use (briefarc/patterns.py): the same answers as re.compile's, and the
extractor's import compiles none of its own (a rule checked in a fresh process, not a timer)."""

from __future__ import annotations

import re
import subprocess
import sys
import types

from briefarc.patterns import lazy

SOURCE = r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})"


def fresh_module() -> types.ModuleType:
    module = types.ModuleType("made_for_the_test")
    module.__dict__.update(SOURCE=SOURCE, re=re)
    exec("from briefarc.patterns import lazy\nDATE = lazy(SOURCE, re.I)\nKEPT = (DATE,)", module.__dict__)
    return module


def test_a_lazy_pattern_answers_as_the_compiled_one():
    pattern, compiled = lazy(SOURCE, re.I), re.compile(SOURCE, re.I)
    text = "Issued on 9 january 2025 and 10 February 2025."
    assert pattern.search(text).groupdict() == compiled.search(text).groupdict()
    assert pattern.findall(text) == compiled.findall(text)
    assert pattern.sub("<date>", text) == compiled.sub("<date>", text)
    assert pattern.groups == 3 and pattern.groupindex == compiled.groupindex
    assert pattern.flags == compiled.flags
    assert lazy(rb"<meta\b", re.I).search(b"<META charset=x>").group() == b"<META"


def test_its_source_is_read_without_compiling_it():
    pattern = lazy(SOURCE)
    combined = lazy(f"on (?:{pattern.pattern})")
    assert "search" not in vars(pattern)  # still not compiled
    assert combined.match("on 9 May 2025")["year"] == "2025"


def test_first_use_puts_the_compiled_pattern_in_the_module_that_made_it():
    module = fresh_module()
    kept = module.KEPT[0]
    assert not isinstance(module.DATE, re.Pattern)
    assert module.DATE.match("9 May 2025")
    assert isinstance(module.DATE, re.Pattern)  # its own calls now cost a compiled pattern's
    assert kept.match("9 May 2025")["month"] == "May"  # a reference kept elsewhere still works
    assert not hasattr(type(kept), "__getattr__") or type(kept).__name__ == "_Compiled"


PROBE = """
import re, sys
compiled = []
original = re._compile
def counting(pattern, flags):
    if sys._getframe(2).f_globals.get("__name__", "").startswith("briefarc.extract"):
        compiled.append(pattern)
    return original(pattern, flags)
re._compile = counting
import briefarc.extract.core
print(len(compiled))
"""


def test_importing_the_extractor_compiles_none_of_its_patterns():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
