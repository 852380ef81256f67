"""An archive of one page written in a test, and the documents a search of it finds (tests of CJK search)."""

from __future__ import annotations

from pathlib import Path


def archive_of(cli, tmp_path: Path, page: str) -> Path:
    """A new archive holding `page` (HTML), ingested as a saved file."""
    path, db = tmp_path / "page.html", tmp_path / "archive.db"
    path.write_text(page, encoding="utf-8")
    assert cli("ingest", path, "--db", db).code == 0
    return db


def hits(cli, db: Path, *query: str) -> list[dict]:
    """The JSON lines of `briefarc search QUERY` (which must exit 0)."""
    result = cli("search", *query, "--db", db, "--json")
    assert result.code == 0, result.stderr
    return result.jsonl()


def terms_before_m018(db: Path, *replaced: tuple[str, str]) -> int:
    """Make `db` look as an older release left it: each (old, new) replaced in the stored CJK terms of documents and
    turns, the schema version the one before m018; returns the current version."""
    import sqlite3

    from briefarc.store.migrations import MIGRATIONS, m018_letters_in_cjk_text

    with sqlite3.connect(db) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for table, column in (("documents", "cjk_body"), ("turns", "cjk_text")):
            for old, new in replaced:
                conn.execute(f"UPDATE {table} SET {column} = replace({column}, ?, ?)", (old, new))
        conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(m018_letters_in_cjk_text)}")
    return version


def check_upgraded(db: Path, version: int) -> None:
    """`db` is at `version` again, and both full-text indexes pass their integrity check."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')")
        conn.execute("INSERT INTO turns_fts(turns_fts) VALUES('integrity-check')")
