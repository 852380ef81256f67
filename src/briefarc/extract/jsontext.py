"""JSON as pages send it: `json.loads`, with the lone surrogates an escape such as \\ud800 makes (no valid
text holds one, and SQLite cannot store one: the page failed to save) replaced by U+FFFD."""

from __future__ import annotations

import json

from briefarc.patterns import lazy

SURROGATE_ESCAPE = lazy(r"\\u[dD][89a-fA-F]")
LONE_SURROGATE = lazy("[\ud800-\udfff]")  # json.loads joins a valid pair into one character


def loads(text: str | bytes):
    """json.loads(text); raises what it raises (ValueError, RecursionError)."""
    value = json.loads(text)
    if isinstance(text, str) and not SURROGATE_ESCAPE.search(text):
        return value
    return _mended(value)


def _mended(value):
    if isinstance(value, str):
        return _mend(value)
    stack = [value]
    while stack:  # not recursive: nesting as deep as json.loads reads would overflow the stack here
        node = stack.pop()
        if isinstance(node, list):
            for index, item in enumerate(node):
                if isinstance(item, str):
                    node[index] = _mend(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
        elif isinstance(node, dict):
            for key, item in list(node.items()):
                if isinstance(item, str):
                    node[key] = item = _mend(item)
                elif isinstance(item, list | dict):
                    stack.append(item)
                if LONE_SURROGATE.search(key):
                    del node[key]
                    node[_mend(key)] = item
    return value


def _mend(text: str) -> str:
    return LONE_SURROGATE.sub("\ufffd", text) if LONE_SURROGATE.search(text) else text
