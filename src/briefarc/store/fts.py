"""The full-text indexes, as sqlite-utils makes them, with CJK words findable as character pairs.

`documents_fts` is what `sqlite-utils enable-fts` makes for the documents table: an FTS5 table of the
same name, `content=[documents]`, with triggers named like sqlite-utils' own. It indexes title,
subtitle and body, and the CJK search terms the writer stores beside them (`cjk_title`, `cjk_subtitle`,
`cjk_body`: see store/cjk.py), so `sqlite-utils search archive.db documents 台湾`, Datasette's
`?_search=` and a raw `documents_fts MATCH '台湾'` find Chinese words as they find English ones.
`turns_fts` does the same for turns (text and `cjk_text`). Neither index stores text of its own.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import suppress

from briefarc.store import cjk
from briefarc.store.text import CJK_GLOB, has_cjk

TOKENIZER = "unicode61 remove_diacritics 2"
# Each indexed table's text columns and the column holding their CJK search terms.
CJK_COLUMNS = {
    "documents": {"title": "cjk_title", "subtitle": "cjk_subtitle", "body": "cjk_body"},
    "turns": {"text": "cjk_text"},
}
# A query's part for the title (bm25 ranking reads title matches first): the title and its CJK terms.
TITLE_FILTER = "{title cjk_title}"


def indexed(table: str) -> list[str]:
    """The columns of `table`'s index: the text columns, then their CJK terms."""
    return [*CJK_COLUMNS[table], *CJK_COLUMNS[table].values()]


# Which rows the index holds. A document's terms are written with its text. A turn is written by a
# trigger of documents, and its terms just after by the writer: a turn with CJK text is indexed once it
# has them, not twice. Text of ASCII alone (as many bytes as characters) is told without the GLOB, which
# reads its character class again at every character: for English turns, a sixth of a save's CPU (m013).
INDEXED_WHEN = {
    "documents": "1",
    "turns": f"{{row}}.[cjk_text] IS NOT NULL OR length(CAST({{row}}.[text] AS BLOB)) = length({{row}}.[text])"
             f" OR coalesce({{row}}.[text], '') NOT GLOB '{CJK_GLOB}'",
}
# The same rows, as m011 told them (it must make what it shipped).
INDEXED_WHEN_M011 = {
    **INDEXED_WHEN, "turns": f"{{row}}.[cjk_text] IS NOT NULL OR coalesce({{row}}.[text], '') NOT GLOB '{CJK_GLOB}'",
}


def _triggers(table: str, when: dict[str, str]) -> str:
    """sqlite-utils' trigger names and statements, the update one limited to the indexed columns: a
    document checked again (checked_at) is not tokenized again."""
    columns = indexed(table)
    names = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    fts = f"[{table}_fts]"
    was, is_ = when[table].format(row="old"), when[table].format(row="new")
    return f"""
CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] WHEN {is_} BEGIN
  INSERT INTO {fts} (rowid, {names}) VALUES (new.rowid, {new});
END;
CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] WHEN {was} BEGIN
  INSERT INTO {fts} ({fts}, rowid, {names}) VALUES('delete', old.rowid, {old});
END;
CREATE TRIGGER [{table}_au] AFTER UPDATE OF {names} ON [{table}] BEGIN
  INSERT INTO {fts} ({fts}, rowid, {names}) SELECT 'delete', old.rowid, {old} WHERE {was};
  INSERT INTO {fts} (rowid, {names}) SELECT new.rowid, {new} WHERE {is_};
END;
"""


def create_indexes(conn: sqlite3.Connection) -> None:
    """Both indexes with their triggers as m011 made them, filled from the tables, inside the caller's transaction."""
    from briefarc.store.migrations import run_script

    db = in_transaction(conn)
    for table in CJK_COLUMNS:
        db[table].enable_fts(indexed(table), tokenize=TOKENIZER)
        run_script(conn, _triggers(table, INDEXED_WHEN_M011))


def remake_triggers(conn: sqlite3.Connection, table: str) -> None:
    """`table`'s full-text triggers made again with the rows they index told as INDEXED_WHEN tells them now,
    inside the caller's transaction."""
    from briefarc.store.migrations import run_script

    run_script(conn, "\n".join(f"DROP TRIGGER IF EXISTS [{table}_{name}];" for name in ("ai", "ad", "au")))
    run_script(conn, _triggers(table, INDEXED_WHEN))


# What each index holds in memory before it writes a segment (SQLite's default is 1 MiB): a batch of
# pages (fmprc-bulk: 50 pages, 2-3 MiB of terms) is then one segment, not several to merge (m014).
HASH_BYTES = 8 * 2**20


def set_hash_size(conn: sqlite3.Connection) -> None:
    """Both indexes' `hashsize` (kept in their config tables), left as it is by an SQLite without the option."""
    for table in CJK_COLUMNS:
        with suppress(sqlite3.OperationalError):
            conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts], rank) VALUES('hashsize', ?)", (HASH_BYTES,))


def stale_terms(conn: sqlite3.Connection, table: str,
                only: Callable[[str], bool] | None = None) -> Iterator[list[list]]:
    """Pages of [terms..., id] for the rows of `table` whose stored CJK terms are not those of their text (with
    `only`, of the rows that have terms and a text that `only` picks: the others' terms are not worked out again,
    and the rows without CJK text are not read: GLOB over every text of 100,000 documents took 25 s of CPU)."""
    texts, terms = list(CJK_COLUMNS[table]), list(CJK_COLUMNS[table].values())
    wanted = " OR ".join(([] if only else [f"[{c}] GLOB '{CJK_GLOB}'" for c in texts])
                         + [f"[{c}] IS NOT NULL" for c in terms])
    last = 0
    while rows := conn.execute(f"SELECT id, {', '.join(texts + terms)} FROM {table} WHERE id > ? AND ({wanted}) "
                               "ORDER BY id LIMIT 500", (last,)).fetchall():
        last = rows[-1][0]
        page = []
        for row in rows:
            if only is not None and not any(text and only(text) for text in row[1:1 + len(texts)]):
                continue
            fresh = [cjk.terms(text) for text in row[1:1 + len(texts)]]
            if fresh != list(row[1 + len(texts):]):
                page.append([*fresh, row[0]])
        yield page


def refresh_terms(conn: sqlite3.Connection, only: Callable[[str], bool] | None = None) -> int:
    """Store the CJK terms of every row whose stored terms are not those of its text (with `only`, of the rows
    with a text that `only` picks); returns how many. The triggers keep the indexes in step with each change."""
    changed = 0
    for table, columns in CJK_COLUMNS.items():
        assignments = ", ".join(f"[{c}] = ?" for c in columns.values())
        for page in stale_terms(conn, table, only):
            conn.executemany(f"UPDATE {table} SET {assignments} WHERE id = ?", page)
            changed += len(page)
    return changed


def rebuild(conn: sqlite3.Connection) -> None:
    """The CJK terms and both indexes made again from the text (verify --repair)."""
    refresh_terms(conn)
    for table in CJK_COLUMNS:
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES('rebuild')")


def in_transaction(conn: sqlite3.Connection):
    """sqlite-utils over `conn`, its scripts run inside the open transaction (executescript would commit)."""
    import sqlite_utils

    from briefarc.store.migrations import run_script

    class Database(sqlite_utils.Database):
        def executescript(self, sql: str) -> sqlite3.Cursor:
            sql = sql.rstrip()
            run_script(conn, sql if sql.endswith(";") else sql + ";")
            return conn.cursor()

    return Database(conn, recursive_triggers=False, execute_plugins=False)  # no setting of conn changed


# The parts of a translated query that CJK text changes: a column filter written by store/query.py with
# what it filters when that is a phrase or a NEAR group, a NEAR group, a quoted phrase (with its star).
_NEAR = r'NEAR\((?:"(?:[^"]|"")*"\*?|[^")])*\)'
_PHRASE = r'"(?:[^"]|"")*"\*?'
PARTS = re.compile(rf"""(?<![\w{{])(?P<column>title|subtitle|body)\ :(?:\ (?P<target>{_NEAR}|{_PHRASE}))?
                       | (?P<near>{_NEAR})
                       | "(?P<text>(?:[^"]|"")*)"(?P<star>\*?)""", re.VERBOSE)
PHRASE = re.compile(r'"(?P<text>(?:[^"]|"")*)"(?P<star>\*?)')
FILTERED = re.compile(r"(?<![\w{])(?:title|subtitle|body) :")  # a column filter that store/query.py wrote


def index_for(db, fts: str, table: str = "documents") -> tuple[str, str]:
    """The index that answers `fts` (table: documents or turns), and the query to give it.

    Each quoted phrase holding CJK text becomes the phrase of its CJK terms on the terms columns, AND its
    other words on the text columns; under a column filter, on that column's terms. A NEAR group with
    CJK text looks in the terms columns; a filter of a group covers the column's terms too.
    `db` is not read: every query goes to `{table}_fts`. The filters written here have no space before
    their colon: search ranks a query whose user wrote column filters (" : ") as it is.
    """
    if not has_cjk(fts) and not FILTERED.search(fts):
        return f"{table}_fts", fts
    columns = CJK_COLUMNS[table]
    every = "{" + " ".join(columns.values()) + "}"

    def translate(match: re.Match) -> str:
        name = match["column"]
        if name and name not in columns:
            return match[0]
        if name and not (match["target"] and has_cjk(match["target"])):  # a group, or words without CJK:
            # those written against CJK text (G20峰会, 2020年) are terms of the column's CJK terms only
            return f"{{{name} {columns[name]}}} :" + (f" {match['target']}" if match["target"] else "")
        target = match["target"] or match[0]
        negated = match.string[:match.start()].rstrip().endswith("NOT")
        return _on_terms(target, columns[name] if name else every, negated)

    return f"{table}_fts", PARTS.sub(translate, fts)


def _on_terms(part: str, where: str, negated: bool) -> str:
    """A phrase or NEAR group holding CJK text as a query on the terms columns `where`."""
    if part.startswith("NEAR("):
        return f"{where}: " + PHRASE.sub(lambda inner: _terms_phrase(inner) or inner[0], part)
    match = PHRASE.fullmatch(part)
    if match is None or not has_cjk(match["text"]):
        return part
    text = match["text"].replace('""', '"')
    phrases = [f'"{" ".join(tokens)}"' + ("*" if prefix else "") for tokens, prefix in
               cjk.phrase_forms(text, bool(match["star"]))]  # the ways a page may hold it, any of them
    if not phrases:
        return part
    others = [f'"{word}"' for word in cjk.other_words(text)]
    query = " AND ".join([f"{where}: " + (phrases[0] if len(phrases) == 1 else f"( {' OR '.join(phrases)} )"),
                          *others])
    return f"( {query} )" if negated and others else query  # NOT binds closer than AND


def _terms_phrase(match: re.Match) -> str | None:
    """The FTS5 phrase of a quoted phrase's CJK terms, or None when it holds no CJK word."""
    if not has_cjk(match["text"]):
        return None
    tokens, prefix = cjk.phrase_tokens(match["text"].replace('""', '"'), bool(match["star"]))
    return f'"{" ".join(tokens)}"' + ("*" if prefix else "") if tokens else None
