"""The archive in SQLite: schema, migrations, saving, search. No Rich, no HTTP.

Names are imported from their modules on first use, so that a command pays only for what it uses.
"""

from __future__ import annotations

import importlib

# Imported now: the function `search` must win over the submodule of the same name.
from briefarc.store.search import Filters, list_documents, search  # noqa: F401

_HOMES = {
    "open_database": "db", "transaction": "db", "translate_errors": "db",
    "ensure_source": "sources", "get_document": "documents", "get_raw": "documents", "save_document": "documents",
    "archive_stats": "stats",
}

__all__ = sorted([*_HOMES, "Filters", "list_documents", "search"])


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module 'briefarc.store' has no attribute {name!r}")
    return getattr(importlib.import_module(f"briefarc.store.{_HOMES[name]}"), name)
