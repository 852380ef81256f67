"""The archive in SQLite: schema, migrations, saving, search. No Rich, no HTTP.

Import from the modules (briefarc.store.db, .documents, .search...): this package imports nothing,
so that a command pays only for the modules it uses.
"""
