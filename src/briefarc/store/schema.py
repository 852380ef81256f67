"""A new archive made in one go: the schema the migrations leave, as SQL (schema.sql), without running them.

The migrations build a new archive step by step, several of them with sqlite-utils, whose import alone costs
about 0.1 s of CPU: as much as saving twenty pages. schema.sql is what they leave in an empty database, and
tests/test_migrations.py checks that an archive made from it is the one the migrations make. After adding a
migration, write it again:

    python -m briefarc.store.schema > src/briefarc/store/schema.sql
"""

from __future__ import annotations

import sqlite3
import sys

# The tables FTS5 makes for each of its indexes, with the index itself.
SHADOW_TABLES = ("_data", "_idx", "_docsize", "_config", "_content")


def script() -> str:
    """The statements that make the whole schema in an empty database (the version is the caller's)."""
    from importlib import resources

    return resources.files("briefarc.store").joinpath("schema.sql").read_text("utf-8")


def dump(conn: sqlite3.Connection) -> str:
    """The statements that make `conn`'s schema: its tables, indexes, views and triggers, in the order they were
    made, then the settings of its full-text indexes."""
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    indexes = [name for kind, name, sql in rows if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
    shadows = {index + suffix for index in indexes for suffix in SHADOW_TABLES}
    statements = [f"{sql};" for _, name, sql in rows if name not in shadows]
    for index in indexes:
        for key, value in conn.execute(f"SELECT k, v FROM [{index}_config] WHERE k != 'version' ORDER BY k"):
            statements.append(f"INSERT INTO [{index}]([{index}], rank) VALUES({key!r}, {value!r});")
        if conn.execute(f"SELECT length(block) FROM [{index}_data] WHERE id = 1").fetchone()[0]:
            statements.append(f"INSERT INTO [{index}]([{index}]) VALUES('rebuild');")  # as a migration left it
    return "\n".join(statements) + "\n"


def main() -> None:
    from briefarc.store.migrations import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, step_by_step=True)
    sys.stdout.write("-- The schema briefarc's migrations make (store/schema.py): written by\n"
                     "-- `python -m briefarc.store.schema`, never by hand.\n" + dump(conn))


if __name__ == "__main__":
    main()
