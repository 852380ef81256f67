"""The full-text indexes: one as sqlite-utils makes it, one for CJK text.

`documents_fts` is what `sqlite-utils enable-fts` would make for the documents table: an FTS5 table of
the same name, `content=[documents]`, over title, subtitle and body, with triggers named like
sqlite-utils' own. `sqlite-utils search archive.db documents Taliban` and Datasette's `?_search=` find
it by itself. Its tokenizer (unicode61) splits words at spaces and punctuation, which Chinese and
Japanese do not write between words: a run of Han characters is one token there.

`documents_cjk` indexes the same columns of the rows that hold CJK text, with FTS5's trigram
tokenizer: any run of three or more characters is found wherever it stands, and a raw
`documents_cjk MATCH '台湾问题'` works from any SQLite tool. briefarc looks up shorter words through
its vocabulary (see store/search.py). Neither index stores any text: both read it from documents.
"""

from __future__ import annotations

import re
import sqlite3

from briefarc.store.text import CJK_GLOB, has_cjk

COLUMNS = ("title", "subtitle", "body")
TOKENIZER = "unicode61 remove_diacritics 2"
_NEW = ", ".join(f"new.[{c}]" for c in COLUMNS)
_OLD = ", ".join(f"old.[{c}]" for c in COLUMNS)
_NAMES = ", ".join(f"[{c}]" for c in COLUMNS)
_HAS_CJK = " OR ".join(f"{{row}}.[{c}] GLOB '{CJK_GLOB}'" for c in COLUMNS)

# sqlite-utils' trigger names and statements, the update one limited to the indexed columns: a
# document checked again (checked_at) is not tokenized again.
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
    from briefarc.store.migrations import run_script

    _in_transaction(conn)["documents"].enable_fts(list(COLUMNS), tokenize=TOKENIZER)
    run_script(conn, TRIGGERS)
    run_script(conn, CJK_INDEX)
    fill_cjk_index(conn)


def fill_cjk_index(conn: sqlite3.Connection) -> None:
    conn.execute(f"""INSERT INTO documents_cjk (rowid, {_NAMES})
                     SELECT id, {_NAMES} FROM documents WHERE {_HAS_CJK.format(row="documents")}""")


def rebuild(conn: sqlite3.Connection) -> None:
    """Both indexes made again from the documents' text (verify --repair)."""
    conn.execute("INSERT INTO documents_fts(documents_fts) VALUES('rebuild')")
    conn.execute("INSERT INTO documents_cjk(documents_cjk) VALUES('delete-all')")
    fill_cjk_index(conn)


def _in_transaction(conn: sqlite3.Connection):
    """sqlite-utils over `conn`, its scripts run inside the open transaction (executescript would commit)."""
    import sqlite_utils

    from briefarc.store.migrations import run_script

    class Database(sqlite_utils.Database):
        def executescript(self, sql: str) -> sqlite3.Cursor:
            sql = sql.rstrip()
            run_script(conn, sql if sql.endswith(";") else sql + ";")
            return conn.cursor()

    return Database(conn, recursive_triggers=False, execute_plugins=False)  # no setting of conn changed


# A quoted phrase of a translated query, with its prefix star if any.
PHRASE = re.compile(r'"((?:[^"]|"")*)"(\*?)')
SHORTEST = 3  # the trigram tokenizer finds no run shorter than this by itself
LAST_CHAR = "\U0010ffff"


def index_for(db, fts: str, table: str = "documents") -> tuple[str, str]:
    """The index that answers `fts`, and the query to give it.

    A query with CJK text goes to the trigram index: each phrase is matched as a run of characters
    (a prefix star means nothing there), and a shorter run than three characters becomes the OR of
    the indexed three-character runs that begin with it, looked up in the index's vocabulary.
    `table` names the indexed table: documents, or turns (turns_fts and turns_cjk).
    """
    if not has_cjk(fts):
        return f"{table}_fts", fts

    def phrase(match: re.Match) -> str:
        text = match.group(1).replace('""', '"')
        if len(text) >= SHORTEST or "NEAR(" in fts:
            return f'"{match.group(1)}"'
        runs = [row[0] for row in db.execute(
            f"SELECT term FROM {table}_cjk_vocab WHERE term > ? AND term < ?", [text, text + LAST_CHAR])]
        if not runs:
            return f'"{match.group(1)}"'
        return "( " + " OR ".join('"' + run.replace('"', '""') + '"' for run in runs) + " )"

    return f"{table}_cjk", PHRASE.sub(phrase, fts)
