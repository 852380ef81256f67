"""The archive in SQLite: schema, migrations, saving, search. No Rich, no HTTP."""

from briefarc.store.db import open_database, transaction, translate_errors
from briefarc.store.documents import ensure_source, get_document, get_raw, save_document
from briefarc.store.search import Filters, list_documents, search
from briefarc.store.stats import archive_stats

__all__ = [
    "Filters", "archive_stats", "ensure_source", "get_document", "get_raw", "list_documents",
    "open_database", "save_document", "search", "transaction", "translate_errors",
]
