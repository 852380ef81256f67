"""Schema changes, in order. Each is a small named function; the count applied is PRAGMA user_version.

Never edit a migration that has shipped: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

Migration = Callable[[sqlite3.Connection], None]


def m001_initial(conn: sqlite3.Connection) -> None:
    run_script(
        conn,
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            url TEXT,
            title TEXT,
            options TEXT,
            created_at TEXT NOT NULL
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            source_id INTEGER REFERENCES sources(id),
            url TEXT,
            canonical_url TEXT,
            native_id TEXT,
            title TEXT,
            subtitle TEXT,
            author TEXT,
            published TEXT,
            published_date TEXT,
            language TEXT,
            site_name TEXT,
            kind TEXT,
            spokesperson TEXT,
            body TEXT,
            paragraphs TEXT,
            turns TEXT,
            tags TEXT,
            fts_title TEXT,
            fts_subtitle TEXT,
            fts_body TEXT,
            content_hash TEXT,
            snapshot_id INTEGER,
            archived_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            checked_at TEXT,
            removed_at TEXT
        );
        CREATE INDEX documents_published_date ON documents(published_date);
        CREATE INDEX documents_source ON documents(source_id);
        CREATE INDEX documents_native_id ON documents(native_id);
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            compression TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE TABLE snapshots (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            sha256 TEXT NOT NULL REFERENCES blobs(sha256),
            content_type TEXT,
            encoding TEXT,
            origin TEXT,
            item TEXT,
            headers TEXT,
            archived_at TEXT NOT NULL
        );
        CREATE INDEX snapshots_document ON snapshots(document_id);
        CREATE INDEX snapshots_sha256 ON snapshots(sha256);
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            number INTEGER NOT NULL,
            snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
            content_hash TEXT NOT NULL,
            title TEXT,
            subtitle TEXT,
            published TEXT,
            spokesperson TEXT,
            body TEXT,
            turns TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (document_id, number)
        );
        """
    )
    _create_fts(conn)


def _create_fts(conn: sqlite3.Connection) -> None:
    """Full-text index over title, subtitle and body, kept in step by triggers.

    The index reads a view that gives the CJK-segmented copies where a document has them
    (see store/text.py), so Chinese is searchable word by word with the plain unicode61 tokenizer.
    """
    run_script(
        conn,
        """
        CREATE VIEW documents_search AS
            SELECT id,
                   coalesce(fts_title, title) AS title,
                   coalesce(fts_subtitle, subtitle) AS subtitle,
                   coalesce(fts_body, body) AS body
            FROM documents;
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, subtitle, body,
            content='documents_search', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, subtitle, body) VALUES (
                new.id, coalesce(new.fts_title, new.title),
                coalesce(new.fts_subtitle, new.subtitle), coalesce(new.fts_body, new.body));
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, subtitle, body) VALUES (
                'delete', old.id, coalesce(old.fts_title, old.title),
                coalesce(old.fts_subtitle, old.subtitle), coalesce(old.fts_body, old.body));
        END;
        CREATE TRIGGER documents_fts_update AFTER UPDATE OF
            title, subtitle, body, fts_title, fts_subtitle, fts_body ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, subtitle, body) VALUES (
                'delete', old.id, coalesce(old.fts_title, old.title),
                coalesce(old.fts_subtitle, old.subtitle), coalesce(old.fts_body, old.body));
            INSERT INTO documents_fts(rowid, title, subtitle, body) VALUES (
                new.id, coalesce(new.fts_title, new.title),
                coalesce(new.fts_subtitle, new.subtitle), coalesce(new.fts_body, new.body));
        END;
        """
    )


def m002_fetching(conn: sqlite3.Connection) -> None:
    """What fetching needs: the URLs already seen, each run's counts and every request made."""
    db = _tables(conn)
    db.table("sources").add_column("enabled", int, not_null_default=1)
    db.table("seen_urls").create(
        {"key": str, "url": str, "source_id": int, "document_id": int, "status": str, "reason": str, "etag": str,
         "last_modified": str, "first_seen": str, "last_fetched": str},
        pk="key", not_null={"url", "status", "first_seen"},
        foreign_keys=[("source_id", "sources", "id"), ("document_id", "documents", "id")],
    )
    db.table("seen_urls").create_index(["document_id"], index_name="seen_urls_document")
    counts = ("discovered", "fetched", "added", "updated", "unchanged", "skipped", "failed")
    db.table("runs").create(
        {"id": int, "source_id": int, "started_at": str, "finished_at": str, **dict.fromkeys(counts, int),
         "error": str},
        pk="id", not_null={"started_at", *counts}, defaults=dict.fromkeys(counts, 0),
        foreign_keys=[("source_id", "sources", "id")],
    )
    db.table("runs").create_index(["source_id", "started_at"], index_name="runs_source")
    db.table("requests").create(
        {"id": int, "run_id": int, "url": str, "status": int, "bytes": int, "duration_ms": int, "attempt": int,
         "error": str, "at": str},
        pk="id", not_null={"url", "bytes", "duration_ms", "attempt", "at"},
        defaults={"bytes": 0, "duration_ms": 0, "attempt": 1}, foreign_keys=[("run_id", "runs", "id")],
    )
    db.table("requests").create_index(["at"], index_name="requests_at")


def m003_document_url_index(conn: sqlite3.Connection) -> None:
    """Find documents by the address they were archived from, not only by their canonical identity."""
    _tables(conn).table("documents").create_index(["url"], index_name="documents_url")


def m004_runs_removed(conn: sqlite3.Connection) -> None:
    """Count, for each run, the documents it found gone from their source."""
    _tables(conn).table("runs").add_column("removed", int, not_null_default=0)


def m005_claimed_url(conn: sqlite3.Connection) -> None:
    """Keep the address a page names on another site than its own: a claim, shown, never its identity."""
    _tables(conn).table("documents").add_column("claimed_url", str)


def m008_turns(conn: sqlite3.Connection) -> None:
    """Turns as records of their own, with full-text indexes (analysis: `search --in`, kwic, parallel).

    `turns` is derived from `documents.turns` by triggers, so every write path keeps it in step.
    `turns_fts` is configured as sqlite-utils' enable_fts does it (content table, `_ai/_ad/_au`
    triggers); `turns_cjk` indexes the turns with CJK text by trigrams, as documents_cjk does.
    """
    from briefarc.store.text import CJK_GLOB

    fill = """INSERT INTO turns (document_id, number, role, speaker, text)
            SELECT new.id, t.key + 1, json_extract(t.value, '$.role'), json_extract(t.value, '$.speaker'),
                   json_extract(t.value, '$.text')
            FROM json_each(coalesce(new.turns, '[]')) t;"""
    run_script(
        conn,
        f"""
        CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            number INTEGER NOT NULL,
            role TEXT,
            speaker TEXT,
            text TEXT,
            UNIQUE (document_id, number)
        );
        CREATE VIRTUAL TABLE [turns_fts] USING FTS5 (
            [text], content=[turns], tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER [turns_ai] AFTER INSERT ON [turns] BEGIN
            INSERT INTO [turns_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
        END;
        CREATE TRIGGER [turns_ad] AFTER DELETE ON [turns] BEGIN
            INSERT INTO [turns_fts] ([turns_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
        END;
        CREATE TRIGGER [turns_au] AFTER UPDATE ON [turns] BEGIN
            INSERT INTO [turns_fts] ([turns_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
            INSERT INTO [turns_fts] (rowid, [text]) VALUES (new.rowid, new.[text]);
        END;
        CREATE VIRTUAL TABLE [turns_cjk] USING FTS5 ([text], tokenize='trigram', content=[turns]);
        CREATE VIRTUAL TABLE [turns_cjk_vocab] USING fts5vocab([turns_cjk], 'row');
        CREATE TRIGGER [turns_cjk_ai] AFTER INSERT ON [turns] WHEN new.[text] GLOB '{CJK_GLOB}' BEGIN
            INSERT INTO [turns_cjk] (rowid, [text]) VALUES (new.rowid, new.[text]);
        END;
        CREATE TRIGGER [turns_cjk_ad] AFTER DELETE ON [turns] WHEN old.[text] GLOB '{CJK_GLOB}' BEGIN
            INSERT INTO [turns_cjk] ([turns_cjk], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
        END;
        CREATE TRIGGER documents_turns_insert AFTER INSERT ON documents BEGIN
            {fill}
        END;
        CREATE TRIGGER documents_turns_update AFTER UPDATE OF turns ON documents BEGIN
            DELETE FROM turns WHERE document_id = old.id;
            {fill}
        END;
        CREATE TRIGGER documents_turns_delete AFTER DELETE ON documents BEGIN
            DELETE FROM turns WHERE document_id = old.id;
        END;
        """
    )
    conn.execute(fill.replace("new.", "d.").replace(
        "FROM json_each(coalesce(d.turns, '[]')) t;", "FROM documents d, json_each(coalesce(d.turns, '[]')) t"))


def m009_watches(conn: sqlite3.Connection) -> None:
    """Saved searches (`briefarc watch`): each with the documents it had seen when last checked."""
    _tables(conn).table("watches").create(
        {"id": int, "name": str, "query": str, "filters": str, "created_at": str, "checked_at": str,
         "seen_until": int},
        pk="id", not_null={"name", "query", "created_at", "seen_until"}, defaults={"seen_until": 0},
    )
    conn.execute("CREATE UNIQUE INDEX watches_name ON watches(name)")


def _tables(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils over the migration's connection, inside its transaction, changing no setting of it.

    Imported here: opening an archive that needs no migration (every search) does not pay for it.
    """
    return import_sqlite_utils().Database(conn, recursive_triggers=False, execute_plugins=False)


def import_sqlite_utils():
    """The sqlite_utils module, imported without numpy and pandas: it loads them when they are installed
    (0.1 s and more of every ingest's start) only to map their types, which briefarc never stores."""
    import sys

    hidden = [name for name in ("numpy", "pandas") if name not in sys.modules and "sqlite_utils" not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))  # None: `import numpy` raises ImportError, as if missing
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
    return sqlite_utils


def m010_turn_speakers(conn: sqlite3.Connection) -> None:
    """An index of the turns' speaker labels: `trend` finds the labels that contain a term ("MR PRICE" for
    Price) without reading every turn, to count what was said and not who said it."""
    conn.execute("CREATE INDEX IF NOT EXISTS turns_speaker ON turns(speaker)")


def m006_pending_pages(conn: sqlite3.Connection) -> None:
    """Items seen but not yet fetched, with their retry state; where each document's text came from."""
    db = _tables(conn)
    db.table("pending").create(
        {"key": str, "url": str, "source_id": int, "document_id": int, "found_on": str, "discovered_at": str,
         "title": str, "published": str, "attempts": int, "last_error": str, "last_try": str, "next_try": str,
         "given_up_at": str},
        pk="key", not_null={"url", "discovered_at", "attempts", "next_try"}, defaults={"attempts": 0},
        foreign_keys=[("source_id", "sources", "id"), ("document_id", "documents", "id")],
    )
    db.table("pending").create_index(["source_id", "next_try"], index_name="pending_source")
    documents = db.table("documents")
    documents.add_column("text_source", str)  # page, feed, feed-summary or feed-title (models.TEXT_SOURCES)
    documents.add_column("feed_hash", str)  # the text hash of the feed entry seen last
    db.table("runs").add_column("deferred", int, not_null_default=0)


def m007_sqlite_utils_fts(conn: sqlite3.Connection) -> None:
    """The full-text index as sqlite-utils and Datasette know it, plus a trigram index for CJK text.

    The CJK-segmented copies of title, subtitle and body (zero-width spaces between characters, in
    columns any tool showed) and the view the old index read them through are dropped; the new
    indexes read the documents' own text (see store/fts.py) and are filled from it here.
    """
    from briefarc.store import fts_v7

    run_script(
        conn,
        """
        DROP TRIGGER IF EXISTS documents_fts_insert;
        DROP TRIGGER IF EXISTS documents_fts_delete;
        DROP TRIGGER IF EXISTS documents_fts_update;
        DROP TABLE IF EXISTS documents_fts;
        DROP VIEW IF EXISTS documents_search;
        """,
    )
    columns = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    for column in ("fts_title", "fts_subtitle", "fts_body"):
        if column in columns:
            conn.execute(f"ALTER TABLE documents DROP COLUMN {column}")
    fts_v7.create_indexes(conn)


def m011_cjk_terms(conn: sqlite3.Connection) -> None:
    """CJK words findable by any SQLite tool: each text column's CJK search terms (character pairs,
    store/cjk.py) in a column of its own, indexed with the text by documents_fts and turns_fts.

    The trigram indexes (documents_cjk, turns_cjk) and their vocabularies go; the terms are filled for
    the rows with CJK text, and both indexes are made again over the text and its terms.
    """
    from briefarc.store import fts

    drops = [f"DROP TRIGGER IF EXISTS [{table}_{name}];" for table in ("documents", "turns", "documents_cjk",
             "turns_cjk") for name in ("ai", "ad", "au")]
    drops += [f"DROP TABLE IF EXISTS [{name}];" for name in ("documents_cjk_vocab", "turns_cjk_vocab",
              "documents_cjk", "turns_cjk", "documents_fts", "turns_fts")]
    run_script(conn, "\n".join(drops))
    db = _tables(conn)
    for table, columns in fts.CJK_COLUMNS.items():
        for column in columns.values():
            db.table(table).add_column(column, str)
    fts.refresh_terms(conn)
    fts.create_indexes(conn)


def m012_prefix_index(conn: sqlite3.Connection) -> None:
    """A prefix index of one character in documents_fts: `s*` and a single CJK character answered from the index."""
    from briefarc.store.prefix_index import m012_prefix_index as remake

    remake(conn)


def m013_turns_ascii_check(conn: sqlite3.Connection) -> None:
    """The turns' full-text triggers tell a turn of ASCII text from one with CJK text without a GLOB: the same
    turns are indexed, at a sixth less of the CPU a save takes (store/fts.py, INDEXED_WHEN)."""
    from briefarc.store.fts import remake_triggers

    remake_triggers(conn, "turns")


def m014_fts_hash_size(conn: sqlite3.Connection) -> None:
    """Each full-text index writes a batch of pages as one segment: 8 MiB of terms held before writing one,
    not 1 MiB (store/fts.py, HASH_BYTES); fewer segments, less merging, the same index."""
    from briefarc.store.fts import set_hash_size

    set_hash_size(conn)


def m015_unchanged_copies(conn: sqlite3.Connection) -> None:
    """The bytes of saved copies found to hold the text a document had (no snapshot keeps them): read again
    once the document has changed, such a copy is known, not a new version (store/documents.py)."""
    conn.execute(
        """CREATE TABLE unchanged_copies (
            document_id INTEGER NOT NULL REFERENCES documents(id),
            sha256 TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            UNIQUE (document_id, sha256, content_hash)
        )""")


def m016_published_utc(conn: sqlite3.Connection) -> None:
    """Newest first within a day too: each document's time of publication in UTC (store/published.py), filled
    for those whose `published` holds a time of day, and the date index made again over the day and that time
    (a day's documents were in id order: one published at 14:08 above one at 16:32)."""
    from briefarc.store.published import published_utc

    conn.execute("ALTER TABLE documents ADD COLUMN published_utc TEXT")
    timed = conn.execute("SELECT id, published FROM documents WHERE length(published) > 10").fetchall()
    conn.executemany("UPDATE documents SET published_utc = ? WHERE id = ?",
                     [(published_utc(published), doc_id) for doc_id, published in timed])
    conn.execute("DROP INDEX IF EXISTS documents_published_date")
    conn.execute("CREATE INDEX documents_published ON documents(published_date, published_utc)")


def m017_feed_entry_keys(conn: sqlite3.Connection) -> None:
    """Feed entries without a link keyed by their feed and id, not by the feed file's bytes (store/feedkeys.py)."""
    from briefarc.store.feedkeys import rekey_feed_entries

    rekey_feed_entries(conn)


def m018_letters_in_cjk_text(conn: sqlite3.Connection) -> None:
    """Letters and digits in CJK text as store/cjk.py now gives their search terms: full-width ones (Ｇ２０峰会,
    （ＷＴＯ）) as the ASCII ones a query is narrowed to, every word of a chain that CJK characters touch (地名South
    China Sea作为). The terms of the rows whose text holds either are made again."""
    from briefarc.store.cjk import changed_since_m017
    from briefarc.store.fts import refresh_terms

    refresh_terms(conn, only=changed_since_m017)


def m019_turns_written_with_their_terms(conn: sqlite3.Connection) -> None:
    """documents_turns_insert fills the turns of a document inserted without any: the writer inserts a new
    document's turns itself, with their CJK terms, before the document (store/documents.py, NewDocuments). Any
    other program's INSERT of a document still gets its turns from its `turns` JSON."""
    run_script(conn, """
        DROP TRIGGER documents_turns_insert;
        CREATE TRIGGER documents_turns_insert AFTER INSERT ON documents
        WHEN NOT EXISTS (SELECT 1 FROM turns WHERE document_id = new.id) BEGIN
            INSERT INTO turns (document_id, number, role, speaker, text)
            SELECT new.id, t.key + 1, json_extract(t.value, '$.role'), json_extract(t.value, '$.speaker'),
                   json_extract(t.value, '$.text')
            FROM json_each(coalesce(new.turns, '[]')) t;
        END;
    """)


def m020_turns_replaced_with_their_document(conn: sqlite3.Connection) -> None:
    """documents_turns_insert fires for every document again, and leaves the turns a document already has: the
    writer's (inserted before their document, with their CJK terms: m019) are kept as they are. m019's trigger
    fired only for a document without turns, but another program's INSERT OR REPLACE of a document deletes the old
    row without its delete triggers (recursive_triggers off, as in the sqlite3 shell): the old turns were still
    there, and the document kept them instead of its own. The trigger's INSERT OR IGNORE takes the outer
    statement's REPLACE, so the turns follow their document, and those past its last turn are deleted."""
    run_script(conn, """
        DROP TRIGGER documents_turns_insert;
        CREATE TRIGGER documents_turns_insert AFTER INSERT ON documents BEGIN
            DELETE FROM turns WHERE document_id = new.id AND number > json_array_length(coalesce(new.turns, '[]'));
            INSERT OR IGNORE INTO turns (document_id, number, role, speaker, text)
            SELECT new.id, t.key + 1, json_extract(t.value, '$.role'), json_extract(t.value, '$.speaker'),
                   json_extract(t.value, '$.text')
            FROM json_each(coalesce(new.turns, '[]')) t;
        END;
    """)


def m021_replaced_documents_leave_the_indexes(conn: sqlite3.Connection) -> None:
    """Another program's REPLACE of a document takes the old row out of both full-text indexes. The REPLACE deletes
    the old row without its delete triggers (recursive_triggers off, as in the sqlite3 shell or Python's sqlite3), so
    documents_fts kept the old text's terms (search found it) and, once documents_turns_insert's INSERT took the outer
    REPLACE (m020), turns_fts the old turns' terms; both indexes failed their integrity-check. An external-content
    index forgets a row only when given the very values it indexed, gone once the row is: documents_replaced (BEFORE
    INSERT) copies the rows the new one may replace (its id, its key) into replaced_documents, and
    documents_turns_insert (AFTER INSERT: it fires before documents_ai, the older trigger) takes those rows out of
    documents_fts, deletes their turns through their triggers, and empties the table. An insert that replaced nothing
    (OR IGNORE, an upsert's DO UPDATE) leaves a copy that the next insert drops unread; a row deleted by its triggers
    (recursive_triggers on, as sqlite-utils sets it) takes its copy with it.

    The trigger fills a document's turns from its JSON only when it has none: the writer inserts them, with their CJK
    terms, before the document (m019), and reading the JSON again for each of its documents (m020) cost more than
    a tenth of saving fmprc-bulk."""
    run_script(conn, """
        CREATE TABLE IF NOT EXISTS replaced_documents (
            id INTEGER NOT NULL,
            title TEXT,
            subtitle TEXT,
            body TEXT,
            cjk_title TEXT,
            cjk_subtitle TEXT,
            cjk_body TEXT
        );
        DROP TRIGGER IF EXISTS documents_replaced;
        CREATE TRIGGER documents_replaced BEFORE INSERT ON documents BEGIN
            DELETE FROM replaced_documents;
            INSERT INTO replaced_documents (id, title, subtitle, body, cjk_title, cjk_subtitle, cjk_body)
            SELECT id, title, subtitle, body, cjk_title, cjk_subtitle, cjk_body FROM documents
            WHERE id = new.id OR key = new.key;
        END;
        DROP TRIGGER IF EXISTS documents_turns_insert;
        CREATE TRIGGER documents_turns_insert AFTER INSERT ON documents
        WHEN EXISTS (SELECT 1 FROM replaced_documents) OR NOT EXISTS (SELECT 1 FROM turns WHERE document_id = new.id)
        BEGIN
            INSERT INTO documents_fts (documents_fts, rowid, title, subtitle, body, cjk_title, cjk_subtitle, cjk_body)
            SELECT 'delete', id, title, subtitle, body, cjk_title, cjk_subtitle, cjk_body FROM replaced_documents r
            WHERE id = new.id OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.id);
            DELETE FROM turns WHERE document_id IN (SELECT id FROM replaced_documents r
                                                    WHERE id = new.id OR NOT EXISTS (SELECT 1 FROM documents d
                                                                                     WHERE d.id = r.id));
            DELETE FROM replaced_documents;
            INSERT INTO turns (document_id, number, role, speaker, text)
            SELECT new.id, t.key + 1, json_extract(t.value, '$.role'), json_extract(t.value, '$.speaker'),
                   json_extract(t.value, '$.text')
            FROM json_each(coalesce(new.turns, '[]')) t
            WHERE NOT EXISTS (SELECT 1 FROM turns WHERE document_id = new.id);
        END;
        DROP TRIGGER IF EXISTS documents_turns_delete;
        CREATE TRIGGER documents_turns_delete AFTER DELETE ON documents BEGIN
            DELETE FROM turns WHERE document_id = old.id;
            DELETE FROM replaced_documents WHERE id = old.id;
        END;
    """)


def m022_acronyms(conn: sqlite3.Connection) -> None:
    """The acronyms that are stop words in lower case (WHO, US, IS, IT) each document holds as written, by column
    (store/acronyms.py): search asks the table instead of reading the text of every match of "it". Its triggers
    keep it in step with any program's writes; every document is read once here."""
    from briefarc.store import acronyms

    run_script(conn, acronyms.TABLES_SQL + acronyms.TRIGGERS_SQL)
    conn.execute("INSERT OR IGNORE INTO acronyms_unread (document_id) SELECT id FROM documents")
    acronyms.record(conn)


def m023_watched_edits(conn: sqlite3.Connection) -> None:
    """Each watch's mark in the versions table too: `watch check` reports the documents it finds that were edited
    since it was last checked, from the edits made after this upgrade on."""
    if "edits_seen" in {row[1] for row in conn.execute("PRAGMA table_info(watches)")}:
        return  # an archive set back to an older version by hand keeps its marks
    conn.execute("ALTER TABLE watches ADD COLUMN edits_seen INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE watches SET edits_seen = (SELECT coalesce(max(id), 0) FROM versions)")


def m024_version_text_sources(conn: sqlite3.Connection) -> None:
    """Where each version's text came from, as documents.text_source says it of the current one (page, feed,
    feed-summary or feed-title): a feed entry's text followed by its page's is the archive getting the whole text,
    not an edit (`watch check`). A document's current version takes the document's; an older one whose snapshot
    holds a feed is 'feed' (which of a feed's texts it was is not told apart); any other is 'page', the column's
    default, which no row is rewritten for (setting it in every row rewrote the whole table: 12 s on 100,000)."""
    if "text_source" in {row[1] for row in conn.execute("PRAGMA table_info(versions)")}:
        return  # an archive set back to an older version by hand: its versions say it already
    conn.execute("ALTER TABLE versions ADD COLUMN text_source TEXT NOT NULL DEFAULT 'page'")
    current = conn.execute("SELECT text_source, id, snapshot_id FROM documents WHERE text_source LIKE 'feed%'")
    conn.executemany("UPDATE versions SET text_source = ? WHERE document_id = ? AND snapshot_id = ?",
                     current.fetchall())
    feeds: dict[str, bool] = {}
    rows = conn.execute("""SELECT v.id, s.sha256 FROM versions v JOIN snapshots s ON s.id = v.snapshot_id
                           JOIN documents d ON d.id = v.document_id
                           WHERE s.item IS NOT NULL AND d.snapshot_id IS NOT v.snapshot_id""").fetchall()
    for version_id, digest in rows:
        if digest not in feeds:
            feeds[digest] = _holds_a_feed(conn, digest)
        if feeds[digest]:
            conn.execute("UPDATE versions SET text_source = 'feed' WHERE id = ?", (version_id,))


def _holds_a_feed(conn: sqlite3.Connection, digest: str) -> bool:
    from briefarc.errors import BriefarcError
    from briefarc.extract.feed import is_feed
    from briefarc.store.blobs import get_blob

    try:
        data = get_blob(conn, digest)
    except BriefarcError:  # a damaged blob: `verify` reports it
        return False
    return data is not None and is_feed(data)


# A document's removal at its source, logged as it is marked (by any program's write): `watch check` reports the
# documents it finds that were taken down since it was last checked, by this log's id, as it does edits by the
# versions'. A document found again is cleared in documents.removed_at; its row here stays, the record of when.
REMOVALS_SQL = """
CREATE TABLE removals (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL,
    removed_at TEXT NOT NULL
);
CREATE INDEX removals_document ON removals(document_id);
CREATE TRIGGER documents_removed AFTER UPDATE OF removed_at ON documents
WHEN new.removed_at IS NOT NULL AND old.removed_at IS NULL BEGIN
    INSERT INTO removals (document_id, removed_at) VALUES (new.id, new.removed_at);
END;
"""


def m025_watched_removals(conn: sqlite3.Connection) -> None:
    """The log of removals (REMOVALS_SQL), with the documents marked removed now in it, and each watch's mark in
    it: `watch check` reports the removals made after this upgrade."""
    if "removals_seen" in {row[1] for row in conn.execute("PRAGMA table_info(watches)")}:
        return  # an archive set back to an older version by hand keeps its log and marks
    run_script(conn, REMOVALS_SQL)
    conn.execute("INSERT INTO removals (document_id, removed_at) SELECT id, removed_at FROM documents "
                 "WHERE removed_at IS NOT NULL ORDER BY removed_at, id")
    conn.execute("ALTER TABLE watches ADD COLUMN removals_seen INTEGER NOT NULL DEFAULT 0")
    conn.execute("UPDATE watches SET removals_seen = (SELECT coalesce(max(id), 0) FROM removals)")


def m026_spokesperson_index(conn: sqlite3.Connection) -> None:
    """The documents by spokesperson: --spokesperson reads the names an archive holds from it, one step each, to
    compare them as a user types a name (sources/names.py), then finds their documents by it."""
    conn.execute("CREATE INDEX IF NOT EXISTS documents_spokesperson ON documents(spokesperson)")


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run several statements inside the caller's transaction (executescript would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")


MIGRATIONS: list[Migration] = [
    m001_initial,
    m002_fetching,
    m003_document_url_index,
    m004_runs_removed,
    m005_claimed_url,
    m006_pending_pages,
    m007_sqlite_utils_fts,
    m008_turns,
    m009_watches,
    m010_turn_speakers,
    m011_cjk_terms,
    m012_prefix_index,
    m013_turns_ascii_check,
    m014_fts_hash_size,
    m015_unchanged_copies,
    m016_published_utc,
    m017_feed_entry_keys,
    m018_letters_in_cjk_text,
    m019_turns_written_with_their_terms,
    m020_turns_replaced_with_their_document,
    m021_replaced_documents_leave_the_indexes,
    m022_acronyms,
    m023_watched_edits,
    m024_version_text_sources,
    m025_watched_removals,
    m026_spokesperson_index,
]


def migrate(conn: sqlite3.Connection, *, step_by_step: bool = False, version: int | None = None) -> int:
    """Apply the migrations the database lacks, all in one transaction. Returns the version.

    The write lock is held for the SQL alone: what the migrations import is imported before it is taken,
    and one transaction takes it once. Processes opening a new archive together then each wait for
    tens of milliseconds of work, even on a loaded machine (importing sqlite-utils under the lock, and
    taking it again for each of eleven migrations, made them wait for seconds, and once past the busy
    timeout). A process that waited finds the work done and changes nothing.

    A new, empty archive gets the schema the migrations leave in one go (store/schema.py), unless
    `step_by_step`: sqlite-utils is then not imported at all. `version`: the schema version as the caller
    read it on opening (read here when not given); the one under the write lock is read again.
    """
    version = _version(conn, version)
    if version == len(MIGRATIONS):
        return len(MIGRATIONS)
    script = None
    if step_by_step or not (version == 0 and _empty(conn)):
        _import_what_migrations_use()
    else:
        from briefarc.store import schema

        script = schema.script()
    conn.execute("BEGIN IMMEDIATE")
    try:
        _bring_up_to_date(conn, script)
        conn.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite has rolled back already on a full disk: ROLLBACK hid why it failed
            conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)


def _bring_up_to_date(conn: sqlite3.Connection, script: str | None) -> None:
    """Under the write lock: another process may have migrated the database while this one waited for it.
    `script`: the whole schema, for a database still empty."""
    version = _version(conn)
    if script is not None and version == 0 and _empty(conn):
        run_script(conn, script)
        return
    _import_what_migrations_use()  # done already, but for a new archive that another process began meanwhile
    for migration in MIGRATIONS[version:]:
        migration(conn)


def _empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def schema_version() -> int:
    """The schema version this briefarc makes and reads."""
    return len(MIGRATIONS)


def _version(conn: sqlite3.Connection, known: int | None = None) -> int:
    """The database's schema version (`known`, else read); an error when a newer briefarc made it."""
    version = conn.execute("PRAGMA user_version").fetchone()[0] if known is None else known
    if version > len(MIGRATIONS):
        from briefarc.errors import DatabaseError

        raise DatabaseError(
            f"This database has schema version {version}, newer than this briefarc knows "
            f"({len(MIGRATIONS)}): upgrade briefarc."
        )
    return version


def _import_what_migrations_use() -> None:
    """The modules the migrations import lazily (tests/test_store.py checks none is left to import under the lock)."""
    import_sqlite_utils()
    from briefarc.extract import feed  # noqa: F401  # m017 reads stored feeds again
    from briefarc.store import acronyms, feedkeys, fts, fts_v7, prefix_index, published  # noqa: F401
