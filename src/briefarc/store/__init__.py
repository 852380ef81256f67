"""The archive in SQLite: schema, migrations, saving, search. No Rich, no HTTP.

The names most callers need, imported from their modules (importing them all costs a few
milliseconds: they share sqlite3, which the search needs anyway).
"""

from __future__ import annotations

from briefarc.store.db import open_database, transaction, translate_errors
from briefarc.store.documents import get_document, get_raw, save_document

# Last: the function `search` must win over the submodule of the same name.
from briefarc.store.search import Filters, list_documents, search  # noqa: I001
from briefarc.store.sources import ensure_source
from briefarc.store.stats import archive_stats

__all__ = [
    "Filters", "archive_stats", "ensure_source", "get_document", "get_raw", "list_documents", "open_database",
    "save_document", "search", "transaction", "translate_errors",
]
