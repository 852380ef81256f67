"""The full-text indexes as migration m007 made them (never edited: m007 must make what it shipped).

`documents_fts` over title, subtitle and body in sqlite-utils' form, and `documents_cjk`, a trigram
index of the documents holding CJK text. m011 replaces both (see store/fts.py).
"""

from __future__ import annotations

import sqlite3

from briefarc.store.text import CJK_GLOB

COLUMNS = ("title", "subtitle", "body")
TOKENIZER = "unicode61 remove_diacritics 2"
_NEW = ", ".join(f"new.[{c}]" for c in COLUMNS)
_OLD = ", ".join(f"old.[{c}]" for c in COLUMNS)
_NAMES = ", ".join(f"[{c}]" for c in COLUMNS)
_HAS_CJK = " OR ".join(f"{{row}}.[{c}] GLOB '{CJK_GLOB}'" for c in COLUMNS)

TRIGGERS = f"""
CREATE TRIGGER [documents_ai] AFTER INSERT ON [documents] BEGIN
  INSERT INTO [documents_fts] (rowid, {_NAMES}) VALUES (new.rowid, {_NEW});
END;
CREATE TRIGGER [documents_ad] AFTER DELETE ON [documents] BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, {_NAMES}) VALUES('delete', old.rowid, {_OLD});
END;
CREATE TRIGGER [documents_au] AFTER UPDATE OF {_NAMES} ON [documents] BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, {_NAMES}) VALUES('delete', old.rowid, {_OLD});
  INSERT INTO [documents_fts] (rowid, {_NAMES}) VALUES (new.rowid, {_NEW});
END;
"""

CJK_INDEX = f"""
CREATE VIRTUAL TABLE [documents_cjk] USING FTS5 ({_NAMES}, tokenize='trigram', content=[documents]);
CREATE VIRTUAL TABLE [documents_cjk_vocab] USING fts5vocab([documents_cjk], 'row');
CREATE TRIGGER [documents_cjk_ai] AFTER INSERT ON [documents] WHEN {_HAS_CJK.format(row="new")} BEGIN
  INSERT INTO [documents_cjk] (rowid, {_NAMES}) VALUES (new.rowid, {_NEW});
END;
CREATE TRIGGER [documents_cjk_ad] AFTER DELETE ON [documents] WHEN {_HAS_CJK.format(row="old")} BEGIN
  INSERT INTO [documents_cjk] ([documents_cjk], rowid, {_NAMES}) VALUES('delete', old.rowid, {_OLD});
END;
CREATE TRIGGER [documents_cjk_au] AFTER UPDATE OF {_NAMES} ON [documents] BEGIN
  INSERT INTO [documents_cjk] ([documents_cjk], rowid, {_NAMES})
    SELECT 'delete', old.rowid, {_OLD} WHERE {_HAS_CJK.format(row="old")};
  INSERT INTO [documents_cjk] (rowid, {_NAMES}) SELECT new.rowid, {_NEW} WHERE {_HAS_CJK.format(row="new")};
END;
"""


def create_indexes(conn: sqlite3.Connection) -> None:
    """Both indexes, filled from the documents, inside the caller's transaction."""
    from briefarc.store.fts import in_transaction
    from briefarc.store.migrations import run_script

    in_transaction(conn)["documents"].enable_fts(list(COLUMNS), tokenize=TOKENIZER)
    run_script(conn, TRIGGERS)
    run_script(conn, CJK_INDEX)
    conn.execute(f"""INSERT INTO documents_cjk (rowid, {_NAMES})
                     SELECT id, {_NAMES} FROM documents WHERE {_HAS_CJK.format(row="documents")}""")
