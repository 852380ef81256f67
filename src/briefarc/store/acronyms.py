"""Which acronyms that are stop words in lower case (WHO, US, IS, IT) each document holds as written, by column.

The index knows no case: `search IT` matches "it" in nearly every document, and the acronym itself was told by
reading the text of each match (`IT OR Blinken` in 100,000 documents: 540 ms for a page and its total; 35 ms
asking the table). The table `acronyms` (word, column, document_id) says it instead, filled as search's exact-case
pattern reads the text (analysis/matching.py parse_term: the word whole, in capitals, not after a letter, a digit or
a combining mark), so a search asks it (`id IN (SELECT document_id FROM acronyms ...)`) and reads no text. A
possessive (WHO's) is read in the text of the documents the table says hold WHO; the text of turns (`search --in
turns`) is read as before.

Plain SQL keeps it in step with any program that writes the archive (sqlite-utils, Datasette): a document
inserted, or whose title, subtitle or body is updated, loses its rows and goes into `acronyms_unread`; a deleted
or replaced one loses both. briefarc's writer reads the unread documents before it commits (`record`), and search
reads the text of any still unread (another program's) as before. WORDS is the list the table covers: a change to
analysis/tokens.py's STOPWORDS that changes it needs a migration that reads every document again
(tests/test_acronyms6_table.py says so).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING

from briefarc.store.text import CJK_CHARS

if TYPE_CHECKING:
    import sqlite_utils

# The shouted stop words: every stop word of two letters or more, in capitals (tokens.STOPWORDS; pinned, see above).
WORDS = frozenset("""
    ABOUT ABOVE AFTER AGAIN AGAINST ALL ALSO AM AN AND ANY ARE AS AT BE BECAUSE BEEN BEFORE BEING BELOW BETWEEN
    BOTH BUT BY CAN COULD DID DO DOES DOING DON DOWN DURING EACH FEW FOR FROM FURTHER HAD HAS HAVE HAVING HE HER
    HERE HERS HERSELF HIM HIMSELF HIS HOW IF IN INTO IS IT ITS ITSELF JUST LET MAY ME MIGHT MORE MOST MR MS MUST
    MY MYSELF NO NOR NOT NOW OF OFF ON ONCE ONE ONLY OR OTHER OUR OURS OURSELVES OUT OVER OWN SAID SAME SAY SAYS
    SHALL SHE SHOULD SO SOME SUCH THAN THAT THE THEIR THEIRS THEM THEMSELVES THEN THERE THESE THEY THIS THOSE
    THROUGH TO TOO TWO UNDER UNTIL UP US VERY WAS WE WERE WHAT WHEN WHERE WHICH WHILE WHO WHOM WHY WILL WITH
    WOULD YOU YOUR YOURS YOURSELF YOURSELVES
""".split())
COLUMNS = ("title", "subtitle", "body")
# A letter or digit of a word: not a CJK character, which stands on its own (G20峰会 holds the word G20).
WORD_CHAR = rf"[^\W_{CJK_CHARS}]"
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining diacritical marks

TABLES_SQL = """
CREATE TABLE IF NOT EXISTS acronyms (
    word TEXT NOT NULL,
    [column] TEXT NOT NULL,
    document_id INTEGER NOT NULL,
    PRIMARY KEY (word, [column], document_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS acronyms_document ON acronyms(document_id);
CREATE TABLE IF NOT EXISTS acronyms_unread (document_id INTEGER PRIMARY KEY);
"""
# Newer than documents_turns_insert (m021), this trigger fires before it (SQLite fires the newest first), while
# replaced_documents still holds the rows an INSERT OR REPLACE took away without their delete triggers. A migration
# that makes documents_turns_insert again must run TRIGGERS_SQL after it: tests/test_acronyms7_order.py fails if not.
TRIGGERS_SQL = """
DROP TRIGGER IF EXISTS documents_acronyms_insert;
CREATE TRIGGER documents_acronyms_insert AFTER INSERT ON documents BEGIN
    DELETE FROM acronyms WHERE document_id = new.id OR document_id IN (
        SELECT id FROM replaced_documents r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.id));
    DELETE FROM acronyms_unread WHERE document_id IN (
        SELECT id FROM replaced_documents r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.id));
    INSERT OR IGNORE INTO acronyms_unread (document_id) VALUES (new.id);
END;
DROP TRIGGER IF EXISTS documents_acronyms_update;
CREATE TRIGGER documents_acronyms_update AFTER UPDATE OF id, title, subtitle, body ON documents BEGIN
    DELETE FROM acronyms WHERE document_id IN (old.id, new.id);
    DELETE FROM acronyms_unread WHERE document_id = old.id;
    INSERT OR IGNORE INTO acronyms_unread (document_id) VALUES (new.id);
END;
DROP TRIGGER IF EXISTS documents_acronyms_delete;
CREATE TRIGGER documents_acronyms_delete AFTER DELETE ON documents BEGIN
    DELETE FROM acronyms WHERE document_id = old.id;
    DELETE FROM acronyms_unread WHERE document_id = old.id;
END;
"""


TRIGGERS = ("documents_acronyms_insert", "documents_acronyms_update", "documents_acronyms_delete")


@cache
def _pattern(word: str) -> re.Pattern:
    """Search's pattern of `word` typed alone (analysis/matching.py parse_term, which builds it of the same parts:
    tests/test_acronyms6_table.py checks they are the same pattern): the one whose matches the table records."""
    return re.compile(rf"(?<!{WORD_CHAR})(?<![{MARKS}]){re.escape(word)}(?!{WORD_CHAR})")


# Where a word of WORDS may stand: a whole run of capitals.
CAPITALS = re.compile("[A-Z]{2,}")


@cache
def _edge() -> re.Pattern:
    """A character against which search's pattern of a word typed alone (`_pattern`) does not match it: a letter or
    a digit (group 1) before or after it, or a combining mark before it. One pattern for every word: each word's
    own holds the class of CJK characters twice, whose compiling takes about 2 ms (a bit set over the Basic
    Multilingual Plane), and a writer compiled one for every word it found (ingesting 100 pages of fmprc-bulk,
    144,000 Python steps of re.compile in the writer process)."""
    return re.compile(f"({WORD_CHAR})|[{MARKS}]")


def held(text: str | None) -> set[str]:
    """The words of WORDS that `text` holds as search's exact-case pattern finds them: a whole run of capitals
    (CAPITALS) that is one of them, with neither a letter, a digit nor a mark before it nor a letter or a digit
    after it (`_pattern`'s lookarounds, each of one character)."""
    if not text:
        return set()
    edge = _edge().match
    found = set()
    for run in CAPITALS.finditer(text):
        word = run[0]
        if word in WORDS and not (run.start() and edge(text, run.start() - 1)):
            after = edge(text, run.end())
            if after is None or after[1] is None:
                found.add(word)
    return found


Texts = Mapping[int, tuple[str | None, str | None, str | None]]


def record(conn: sqlite3.Connection, size: int = 500, texts: Texts | None = None) -> int:
    """Read the unread documents (inserted or changed since) into the table, `size` at a time; how many were read.
    Inside the caller's transaction.

    `texts`: the title, subtitle and body the caller has just written, by document id, as the rows now hold them
    (its last write of each): read from them, not from the table again, as they are in hand. The others unread are
    read from the table."""
    read = 0
    if texts:
        ids = list(texts)
        for start in range(0, len(ids), size):
            _store(conn, [(document_id, *texts[document_id]) for document_id in ids[start:start + size]])
            conn.executemany("DELETE FROM acronyms_unread WHERE document_id = ?",
                             [(document_id,) for document_id in ids[start:start + size]])
        read += len(ids)
    while rows := conn.execute(f"SELECT u.document_id, {', '.join('d.' + column for column in COLUMNS)} "
                               "FROM acronyms_unread u LEFT JOIN documents d ON d.id = u.document_id "
                               "ORDER BY u.document_id LIMIT ?", [size]).fetchall():
        _store(conn, rows)
        conn.execute("DELETE FROM acronyms_unread WHERE document_id <= ?", [rows[-1][0]])
        read += len(rows)
    return read


def _store(conn: sqlite3.Connection, rows: list) -> None:
    """The table's rows of these documents, (id, title, subtitle, body) each, made again from their text."""
    found = [(word, column, row[0]) for row in rows
             for column, text in zip(COLUMNS, row[1:], strict=True) for word in held(text)]
    conn.executemany("DELETE FROM acronyms WHERE document_id = ?", [(row[0],) for row in rows])
    conn.executemany("INSERT OR IGNORE INTO acronyms (word, [column], document_id) VALUES (?, ?, ?)", found)


def differing(conn: sqlite3.Connection, size: int = 500) -> Iterator[int]:
    """The documents the table has read whose rows are not those of their text (`held`): rows deleted by hand, or
    writes made while its triggers were gone (`sqlite-utils transform` drops them), by which search misses them
    (verify)."""
    last = 0
    while rows := conn.execute(f"SELECT id, {', '.join(COLUMNS)} FROM documents WHERE id > ? "
                               "AND id NOT IN (SELECT document_id FROM acronyms_unread) ORDER BY id LIMIT ?",
                               [last, size]).fetchall():
        have: dict[int, set[tuple[str, str]]] = {}
        for word, column, document_id in conn.execute(
                f"SELECT word, [column], document_id FROM acronyms "
                f"WHERE document_id IN ({', '.join('?' for _ in rows)})", [row[0] for row in rows]):
            have.setdefault(document_id, set()).add((word, column))
        for row in rows:
            found = {(word, column) for column, text in zip(COLUMNS, row[1:], strict=True) for word in held(text)}
            if found != have.get(row[0], set()):
                yield row[0]
        last = rows[-1][0]


def orphans(conn: sqlite3.Connection) -> list[int]:
    """The documents that do not exist whose rows the table holds (one replaced by another program's UPDATE OR
    REPLACE with recursive triggers off, whose delete trigger did not fire): harmless to search, but counted."""
    return [row[0] for row in conn.execute(
        "SELECT DISTINCT document_id FROM acronyms WHERE document_id NOT IN (SELECT id FROM documents) ORDER BY 1")]


def missing_triggers(conn: sqlite3.Connection) -> list[str]:
    """The triggers keeping the table in step that the archive lacks."""
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return [name for name in TRIGGERS if name not in present]


def rebuild(conn: sqlite3.Connection) -> None:
    """The table read again from every document's text, its triggers made again (verify --repair). Inside the
    caller's transaction."""
    from briefarc.store.migrations import run_script

    run_script(conn, TRIGGERS_SQL)
    conn.execute("DELETE FROM acronyms")
    conn.execute("INSERT OR IGNORE INTO acronyms_unread (document_id) SELECT id FROM documents")
    record(conn)


def covers(word: str | None, columns: tuple[str, ...]) -> bool:
    """Whether the table answers for `word` (an exact-case term's letters) in these columns (not a turn's text)."""
    return word is not None and word in WORDS and bool(columns) and set(columns) <= set(COLUMNS)


def holding_sql(word: str, columns: tuple[str, ...], row: str = "", *, unread: bool = False,
                each: bool = False) -> tuple[str, list]:
    """SQL: whether the row (`row`: its table's alias and a dot) holds `word` as written in one of the columns, as
    the table knows it; with `unread`, or is one the table has not read yet. `each`: asked for each row (a seek in
    the table's key), for a statement of few rows, rather than of the set of all the documents holding the word,
    which SQLite builds for each statement (US in 25,000 documents: 5 ms, for `title:Kashmir US`'s no match)."""
    marks = ", ".join("?" for _ in columns)
    if each:
        sql = f"(EXISTS (SELECT 1 FROM acronyms WHERE word = ? AND [column] IN ({marks}) AND document_id = {row}id)"
        sql += f" OR EXISTS (SELECT 1 FROM acronyms_unread WHERE document_id = {row}id))" if unread else ")"
        return sql, [word, *columns]
    sql = f"{row}id IN (SELECT document_id FROM acronyms WHERE word = ? AND [column] IN ({marks})"
    sql += " UNION ALL SELECT document_id FROM acronyms_unread)" if unread else ")"
    return sql, [word, *columns]


def candidates_sql(words: list[tuple[str, tuple[str, ...]]]) -> tuple[str, list]:
    """SQL: the documents the table says hold any of `words` (each with its columns) as written, and those it has
    not read yet."""
    parts, values = [], []
    for word, columns in words:
        marks = ", ".join("?" for _ in columns)
        parts.append(f"SELECT document_id FROM acronyms WHERE word = ? AND [column] IN ({marks})")
        values += [word, *columns]
    return " UNION ".join([*parts, "SELECT document_id FROM acronyms_unread"]), values


def held_among(db: sqlite3.Connection | sqlite_utils.Database, word: str, columns: tuple[str, ...],
               ids: list[int]) -> set[int]:
    """Those of `ids` the table says hold `word` as written in one of the columns: a seek in its key for each id and
    column, not the set of every document holding the word (`id IN (SELECT ...)` builds it for each statement)."""
    marks = ", ".join("?" for _ in columns)
    return {row[0] for row in db.execute(
        f"SELECT document_id FROM acronyms WHERE word = ? AND [column] IN ({marks}) "
        f"AND document_id IN ({', '.join('?' for _ in ids)})", [word, *columns, *ids])}


def unread_among(db: sqlite3.Connection | sqlite_utils.Database, ids: list[int]) -> set[int]:
    """Those of `ids` the table has not read yet."""
    return {row[0] for row in db.execute(
        f"SELECT document_id FROM acronyms_unread WHERE document_id IN ({', '.join('?' for _ in ids)})", ids)}


def rows_sql(word: str, columns: tuple[str, ...]) -> tuple[str, list]:
    """SQL: the documents the table says hold `word` as written in one of the columns."""
    return f"SELECT document_id FROM acronyms WHERE word = ? AND [column] IN ({', '.join('?' for _ in columns)})", \
        [word, *columns]


def any_unread(db: sqlite3.Connection | sqlite_utils.Database) -> bool:
    """Whether any document is yet to be read into the table (another program wrote it)."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM acronyms_unread)").fetchone()[0] == 1


def unread_sql(row: str = "") -> str:
    """SQL: whether the row is one the table has not read yet."""
    return f"{row}id IN (SELECT document_id FROM acronyms_unread)"
