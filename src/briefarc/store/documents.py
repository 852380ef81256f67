"""Saving extracted documents with their raw snapshots and versions, and reading them back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefarc.errors import NotFound
from briefarc.models import Document, RawPage, SaveResult
from briefarc.store import acronyms, cjk
from briefarc.store.blobs import BlobError, get_blob, mend_blob, put_blob, sha256
from briefarc.store.db import transaction, translated, translated_rows
from briefarc.store.identity import Identity, identify, same_site
from briefarc.store.published import published_date, published_utc
from briefarc.store.sitelabel import SITE_SQL
from briefarc.store.text import content_hash
from briefarc.urls import is_web_url

if TYPE_CHECKING:
    import sqlite_utils

JSON_COLUMNS = ("paragraphs", "turns", "tags", "headers")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@translated
def save_document(
    db: sqlite_utils.Database, doc: Document, page: RawPage, *, source_id: int | None = None,
    into: int | None = None,
) -> SaveResult:
    """Store one extracted page in one transaction.

    A new identity adds a document; different text under a known identity adds a snapshot and a
    version and updates the document; the same text again changes nothing but `checked_at`.
    A feed entry is compared with the entry seen last (`feed_hash`): an edited entry is a version while the
    document holds the feed's text; once the page's own text has superseded it, an entry (the same or edited)
    never replaces the page's text: an edited one is noted and asks for the page again (`entry_edited`).
    `into` names the document the page is a version of (a feed entry's page, whatever its canonical URL).
    """
    return save_documents(db, [(doc, page)], source_id=source_id, into=into)[0]


@translated
def save_documents(
    db: sqlite_utils.Database, pairs: list[tuple[Document, RawPage]], *,
    source_id: int | None | list[int | None] = None, into: int | None = None,
) -> list[SaveResult]:
    """Store extracted pages in one transaction, each as `save_document` does: all of them or none.
    `source_id`: the source of all of them, or a list of each one's.

    The new documents are written together, one statement per table (`NewDocuments`): FTS5 writes the
    terms it holds at the end of every statement that changes its index, so a statement per page made a
    segment of the index per page, and merging them cost as much as the indexing.
    """
    with transaction(db) as conn:
        new = NewDocuments(conn)
        sources = source_id if isinstance(source_id, list) else [source_id] * len(pairs)
        results = [_save(conn, new, doc, page, source, into)
                   for (doc, page), source in zip(pairs, sources, strict=True)]
        new.write()
        acronyms.record(conn, texts=new.written)  # the acronyms of the documents written or changed
    return results


def _save(conn: sqlite3.Connection, new: NewDocuments, doc: Document, page: RawPage, source_id: int | None,
          into: int | None) -> SaveResult:
    digest = page.sha256 or sha256(page.data)
    identity = identify(doc, page, digest)
    key = identity.key
    body = doc.body
    text_hash = content_hash(doc.title, doc.subtitle, doc.published, body)
    stamp = page.fetched_at or now_iso()
    if into is not None or new.holds(key, doc.native_id):
        new.write()  # the document it may be a version of is stored first
    row = _find(conn, key, doc.native_id, into) or _find_former(conn, identity)
    addressed = False
    if row is None and into is None:
        row, identity = _find_same_bytes(conn, new, identity, page, digest)
        addressed = row is not None and key != f"sha256:{digest}"  # the bytes' document takes the address typed
    known = cjk.Known()  # the CJK terms of the paragraphs: a body and its turns share them
    if row is None:
        values = _stored_values(doc, text_hash, body, identity, known)
        return new.add(key, values, _turn_rows(doc, known), source_id, stamp, (doc, page, digest))
    new.write()  # its snapshot takes the next id
    refiled = source_id is not None and conn.execute(  # `ingest --source` again: the page joins that source
        "UPDATE documents SET source_id = ? WHERE id = ? AND source_id IS NOT ?", (source_id, row[0], source_id)
    ).rowcount > 0
    place = _place_of_older_capture(conn, row[0], page, stamp, text_hash)
    if place == SEEN:  # an older capture of a version's text, within that version's time
        _note_copy(conn, row[0], digest, text_hash)
        new.mend(page, digest)
        return SaveResult("unchanged", row[0], row[2], refiled, addressed)
    # an older capture of the current text, between versions of another, is a version of its own (history)
    kept = None if place is not None and row[1] == text_hash else _kept_text(
        conn, row, doc, text_hash, live=page.live, whole=page.whole_text)
    if kept:
        conn.execute(  # a page fetched live is back at its source; a saved copy proves nothing of the kind
            "UPDATE documents SET checked_at = max(coalesce(checked_at, ?), ?),"
            " removed_at = CASE WHEN ? THEN NULL ELSE removed_at END WHERE id = ?",
            (stamp, stamp, page.live, row[0]))
        if not page.live:
            _note_copy(conn, row[0], digest, text_hash)
        new.mend(page, digest)
        return SaveResult("unchanged", row[0], row[2], refiled, addressed, entry_edited=kept == EDITED_ENTRY)
    if not page.live and _stored_before(conn, row[0], digest, text_hash):  # an older saved copy again
        new.mend(page, digest)
        return SaveResult("unchanged", row[0], row[2], refiled, addressed)
    values = _stored_values(doc, text_hash, body, identity, known)
    if place is not None:  # history, not the document's current text
        if place > row[2]:  # after the latest version, before the current text was seen again
            _seen_again(conn, row[0], row[2])
        _add_version(conn, row[0], place, doc, page, digest, values, stamp, latest=False)
        return SaveResult("updated", row[0], place, refiled, addressed)
    doc_id, number = row[0], row[2] + 1
    _update_document(conn, doc_id, values, stamp, live=page.live)
    new.written[doc_id] = (values["title"], values["subtitle"], values["body"])
    _add_turn_terms(conn, [(doc_id, *terms) for terms in _turn_terms(doc, known)])
    _add_version(conn, doc_id, number, doc, page, digest, values, stamp)
    return SaveResult("updated", doc_id, number, refiled, addressed)


SEEN = -1  # _place_of_older_capture: the capture holds the text of the version of its time


def _place_of_older_capture(conn: sqlite3.Connection, doc_id: int, page: RawPage, stamp: str,
                            text_hash: str) -> int | None:
    """The number a saved capture takes among the document's versions when it is dated (a WARC record's WARC-Date,
    a feed's lastBuildDate) before the latest one; None when it is the newest. A WARC file holding a page's August
    capture before its June one (crawls are not written in order), or an older crawl ingested after a newer one,
    made the June text the document's current text, its newest version, and `history` show the August sentence as
    removed.

    SEEN when the version before that place holds its text: one more capture of it, no version. When the version
    after it holds its text, that version was first seen at `stamp` and is dated so (as an ingest in date order
    dates it), and the capture is SEEN too: two snapshots of a feed ingested newest first made the text one
    version, the older snapshot a second one with the same text."""
    if page.live or not page.fetched_at:  # a live fetch is now; an undated saved file is told apart by nothing
        return None
    later = conn.execute(
        "SELECT v.number, v.content_hash, p.content_hash FROM versions v LEFT JOIN versions p"
        " ON p.document_id = v.document_id AND p.number = v.number - 1"
        " WHERE v.document_id = ? AND v.created_at > ? ORDER BY v.number LIMIT 1", (doc_id, stamp)).fetchone()
    if later is None:
        return _before_last_check(conn, doc_id, stamp, text_hash)
    number, after, before = later
    if before == text_hash:
        return SEEN
    if after == text_hash:
        conn.execute("UPDATE versions SET created_at = ? WHERE document_id = ? AND number = ?", (stamp, doc_id, number))
        conn.execute("UPDATE documents SET archived_at = min(archived_at, ?), updated_at = CASE WHEN"
                     " (SELECT max(number) FROM versions WHERE document_id = ?) = ? THEN ? ELSE updated_at END"
                     " WHERE id = ?", (stamp, doc_id, number, stamp, doc_id))
        return SEEN
    return number


def _before_last_check(conn: sqlite3.Connection, doc_id: int, stamp: str, text_hash: str) -> int | None:
    """The place after the latest version for a capture of another text dated before the current text was last
    seen (`checked_at`): that text came back after it (a June capture ingested after May's and July's of one text
    made the June text current). None when the capture is the newest."""
    latest, checked, current = conn.execute(
        "SELECT (SELECT max(number) FROM versions WHERE document_id = d.id), checked_at, content_hash"
        " FROM documents d WHERE id = ?", (doc_id,)).fetchone()
    return latest + 1 if checked and checked > stamp and current != text_hash else None


def _seen_again(conn: sqlite3.Connection, doc_id: int, latest: int) -> None:
    """The latest version once more, dated when its text was last seen (`checked_at`): an older capture of another
    text goes before it."""
    conn.execute(
        "INSERT INTO versions (document_id, number, snapshot_id, content_hash, title, subtitle, published,"
        " spokesperson, body, turns, created_at, text_source)"
        " SELECT document_id, number + 1, snapshot_id, content_hash, title, subtitle, published, spokesperson, body,"
        " turns, (SELECT checked_at FROM documents WHERE id = ?), text_source FROM versions"
        " WHERE document_id = ? AND number = ?", (doc_id, doc_id, latest))
    conn.execute("UPDATE documents SET updated_at = checked_at WHERE id = ?", (doc_id,))


def _note_copy(conn: sqlite3.Connection, doc_id: int, digest: str, text_hash: str) -> None:
    """A saved copy with the document's text in bytes no snapshot keeps: read again once the text has changed,
    it is known (a copy with a snapshot's bytes, the usual case, needs no note). The document's few snapshots
    are looked through (`+sha256`: not the index of the bytes, which a feed's entries all share: it made a
    re-read feed quadratic)."""
    conn.execute(
        "INSERT OR IGNORE INTO unchanged_copies (document_id, sha256, content_hash) SELECT ?, ?, ?"
        " WHERE NOT EXISTS (SELECT 1 FROM snapshots WHERE document_id = ? AND +sha256 = ?)",
        (doc_id, digest, text_hash, doc_id, digest))


def _stored_before(conn: sqlite3.Connection, doc_id: int, digest: str, text_hash: str) -> bool:
    """Whether these very bytes already gave this document a version with this text, or were found to hold
    the text it had then (a saved copy older than the document's latest, ingested again: replaying it must
    not make it the latest once more; a live fetch that finds the older text again is a change at the
    source, and is kept)."""
    return conn.execute(
        "SELECT 1 FROM versions JOIN snapshots ON snapshots.id = versions.snapshot_id"
        " WHERE versions.document_id = ? AND snapshots.sha256 = ? AND versions.content_hash = ?"
        " UNION ALL SELECT 1 FROM unchanged_copies WHERE document_id = ? AND sha256 = ? AND content_hash = ?"
        " LIMIT 1", (doc_id, digest, text_hash) * 2).fetchone() is not None


def _stored_values(doc: Document, text_hash: str, body: str, identity: Identity, known: cjk.Known) -> dict:
    return {**_document_values(doc, text_hash, body, known), "url": identity.url,
            "canonical_url": identity.canonical_url, "claimed_url": identity.claimed_url}


class NewDocuments:
    """New documents held back within a transaction, then written together: one INSERT of their turns with their
    CJK terms, one of the documents (whose triggers fill documents_fts, and the turns of a document that has none
    yet: not these, m019), then their raw bytes, snapshots and versions. Their ids are the next ones, as SQLite
    would give them.

    The turns go first, with their terms: filled by the documents' trigger, the turns with CJK text were indexed by
    an UPDATE of their terms after it, a second statement (so a second segment of turns_fts per batch) and the
    turns' JSON read again by SQLite (saving fmprc-bulk's 270 documents: 9% of the instructions)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.rows: list[dict] = []
        self.snapshots: list[tuple[int, int, RawPage, str, str | None, str]] = []
        self.versions: list[tuple] = []
        self.turns: list[tuple] = []  # (document id, number, role, speaker, text, CJK terms)
        self.first = (0, 0)  # the first new document's id and the first new snapshot's
        self.keys: set[str] = set()  # the keys and native ids held back (a scan of the rows per page was quadratic)
        self.native_ids: set[str] = set()
        self.digests: set[str] = set()  # the bytes of the documents held back
        self.mended: set[str] = set()  # the bytes checked (and mended) already: a feed's, once for all its entries
        # the title, subtitle and body of each document written in the transaction (inserted here, or updated), as
        # its row now holds them: what its acronyms are read from (acronyms.record)
        self.written: dict[int, tuple[str | None, str | None, str | None]] = {}

    def mend(self, page: RawPage, digest: str) -> None:
        """Check (and mend) the stored bytes of an unchanged page once per transaction: each entry of a feed
        checked the whole feed again, and re-reading a feed of 10,000 entries took 29 s."""
        if digest not in self.mended:
            mend_blob(self.conn, page, digest)
            if page.packed is not None or page.data:  # a page without its bytes leaves them to one that has them
                self.mended.add(digest)

    def holds(self, key: str, native_id: str | None) -> bool:
        """Whether a document held back has this key or native id (a page may be a version of it)."""
        return key in self.keys or bool(native_id and native_id in self.native_ids)

    def add(self, key: str, values: dict, turns: list[tuple], source_id: int | None, stamp: str,
            stored: tuple[Document, RawPage, str]) -> SaveResult:
        doc, page, digest = stored
        if not self.rows:
            self.first = self.conn.execute("SELECT (SELECT coalesce(max(id), 0) + 1 FROM documents),"
                                           " (SELECT coalesce(max(id), 0) + 1 FROM snapshots)").fetchone()
        doc_id, snapshot_id = self.first[0] + len(self.rows), self.first[1] + len(self.rows)
        self.rows.append({**values, "key": key, "source_id": source_id, "archived_at": stamp, "updated_at": stamp,
                          "checked_at": stamp, "id": doc_id, "snapshot_id": snapshot_id})
        self.keys.add(key)
        self.digests.add(digest)
        if values.get("native_id"):
            self.native_ids.add(values["native_id"])
        self.snapshots.append((snapshot_id, doc_id, page, digest, doc.encoding, stamp))
        self.turns.extend((doc_id, *turn) for turn in turns)
        self.versions.append((doc_id, 1, snapshot_id, values["content_hash"], doc.title, doc.subtitle,
                              doc.published, doc.spokesperson, values["body"], values["turns"], stamp,
                              values["text_source"]))
        return SaveResult("added", doc_id, 1)

    def write(self) -> None:
        if not self.rows:
            return
        rows, snapshots, versions, turns = self.rows, self.snapshots, self.versions, self.turns
        self.rows, self.snapshots, self.versions, self.turns = [], [], [], []
        self.keys, self.native_ids, self.digests = set(), set(), set()
        columns = tuple(dict.fromkeys(column for row in rows for column in row))
        self.written.update((row["id"], (row["title"], row["subtitle"], row["body"])) for row in rows)
        self.conn.execute("PRAGMA defer_foreign_keys = ON")  # the turns are checked once their documents are in
        try:
            insert_rows(self.conn, "turns", TURN_COLUMNS, turns)
            insert_rows(self.conn, "documents", columns, [[row.get(column) for column in columns] for row in rows])
        finally:
            self.conn.execute("PRAGMA defer_foreign_keys = OFF")
        for _, _, page, digest, _, _ in snapshots:
            put_blob(self.conn, page.data, digest, page.packed, page.size)
        self.conn.executemany(
            """INSERT INTO snapshots (id, document_id, sha256, content_type, encoding, origin, item, headers,
                                      archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(snapshot_id, doc_id, digest, page.content_type, encoding, page.origin, page.item,
              json.dumps(page.headers) if page.headers else None, stamp)
             for snapshot_id, doc_id, page, digest, encoding, stamp in snapshots])
        self.conn.executemany(
            """INSERT INTO versions (document_id, number, snapshot_id, content_hash, title, subtitle,
                                     published, spokesperson, body, turns, created_at, text_source)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", versions)


SAME = "same"
EDITED_ENTRY = "edited entry"


def _kept_text(conn: sqlite3.Connection, row: tuple, doc: Document, text_hash: str, *, live: bool,
               whole: bool = False) -> str | None:
    """Whether the stored document `row` keeps its text: SAME when `doc` brings nothing new (noting a feed entry's
    hash if new), EDITED_ENTRY when `doc` is an edited feed entry of a document that holds its page's text (the
    page's text stands: an entry's summary of the page replaced it, and the page is wanted again), None when `doc`'s
    text is a new version. A saved feed's edited entry (not `live`: ingest, which fetches no page) is not noted, so
    that the next fetch of the feed still sees the edit and asks for the page. An entry of a feed marked --full-text
    (`whole`: no page of it is ever fetched) is the text itself: its edit is a version whatever the document held."""
    doc_id, stored_hash, _, _, text_source, feed_hash = row
    if not is_feed_text(doc.text_source):
        if stored_hash == text_hash and text_source != "page":
            conn.execute("UPDATE documents SET text_source = 'page' WHERE id = ?", (doc_id,))  # the page confirms it
            conn.execute("UPDATE versions SET text_source = 'page' WHERE document_id = ? AND snapshot_id = "
                         "(SELECT snapshot_id FROM documents WHERE id = ?)", (doc_id, doc_id))  # for watch's edits
        return SAME if stored_hash == text_hash else None
    if feed_hash == text_hash:
        return SAME
    if stored_hash == text_hash or (text_source == "page" and not (whole and feed_hash is not None)):  # it stands
        edited = stored_hash != text_hash and feed_hash is not None
        if live or not edited:
            conn.execute("UPDATE documents SET feed_hash = ? WHERE id = ?", (text_hash, doc_id))
        return EDITED_ENTRY if edited else SAME
    return None


def _find_former(conn: sqlite3.Connection, identity: Identity) -> tuple | None:
    """The document an older briefarc stored under the key it gave (`Identity.former`), given its key of today."""
    row = _find(conn, identity.former, None) if identity.former else None
    if row is not None:
        conn.execute("UPDATE documents SET key = ? WHERE id = ?", (identity.key, row[0]))
    return row


def _find_same_bytes(conn: sqlite3.Connection, new: NewDocuments, identity: Identity, page: RawPage,
                     digest: str) -> tuple[tuple | None, Identity]:
    """The document stored from these very bytes under the other kind of key, and the identity to store: a page
    saved without its address (keyed by its bytes) and given it now by the user (`ingest --url`) is that document,
    which takes the address; the same bytes saved again without one are the first document that holds them, which
    keeps its address. A page fetched, or a WARC record's address, never takes over a saved file's document: an
    address the user did not give proves nothing of the bytes' origin (another site may serve them)."""
    unaddressed = f"sha256:{digest}"
    if identity.key == unaddressed:
        if digest in new.digests:
            new.write()  # the bytes' document may be held back, in this very batch
        owner = conn.execute("SELECT min(document_id) FROM snapshots WHERE sha256 = ?", (digest,)).fetchone()[0]
        stored = conn.execute("SELECT key, url, canonical_url, claimed_url FROM documents WHERE id = ?",
                              (owner,)).fetchone() if owner is not None else None
        if stored is None:
            return None, identity
        return _find(conn, stored[0], None, owner), Identity(*stored)
    typed = page.url is not None and not page.live and not page.url_claimed and page.item is None
    if not typed or identity.url is None or identity.key.startswith("feed:") or "#" in identity.key:
        return None, identity
    if new.holds(unaddressed, None):
        new.write()
    row = _find(conn, unaddressed, None)
    if row is not None:
        conn.execute("UPDATE documents SET key = ?, url = ?, canonical_url = ?, claimed_url = ? WHERE id = ?",
                     (identity.key, identity.url, identity.canonical_url, identity.claimed_url, row[0]))
    return row, identity


def is_feed_text(text_source: str | None) -> bool:
    return bool(text_source and text_source.startswith("feed"))


def _find(conn: sqlite3.Connection, key: str, native_id: str | None, into: int | None = None) -> tuple | None:
    sql = """SELECT d.id, d.content_hash,
                    (SELECT coalesce(max(number), 0) FROM versions v WHERE v.document_id = d.id), d.key,
                    d.text_source, d.feed_hash
             FROM documents d WHERE {} LIMIT 1"""
    row = conn.execute(sql.format("d.id = ?"), (into,)).fetchone() if into is not None else None
    row = row or conn.execute(sql.format("d.key = ?"), (key,)).fetchone()
    if row is None and native_id:
        row = conn.execute(sql.format("d.native_id = ?"), (native_id,)).fetchone()
        if row is not None and is_web_url(row[3]) and is_web_url(key) and not same_site(row[3], key):
            # a source's own id, claimed by a page of another site
            row = None
    return row


def _paragraphs_json(doc: Document) -> str | None:
    """The paragraphs as JSON only when the body cannot give them back (a paragraph holding a blank line)."""
    if any("\n\n" in paragraph for paragraph in doc.paragraphs):
        return json.dumps(doc.paragraphs, ensure_ascii=False)
    return None


def turns_json(doc: Document) -> str:
    return json.dumps([{"speaker": t.speaker, "role": t.role, "text": t.text} for t in doc.turns],
                      ensure_ascii=False)


def _document_values(doc: Document, text_hash: str, body: str | None = None,
                     known: cjk.Known | None = None) -> dict:
    """The documents row of `doc`; `known`: the CJK terms of paragraphs, kept for its turns (cjk.terms_of)."""
    published = doc.published
    body = doc.body if body is None else body
    return {
        "url": doc.url,
        "canonical_url": doc.canonical_url,
        "native_id": doc.native_id,
        "title": doc.title,
        "subtitle": doc.subtitle,
        "author": doc.author,
        "published": published,
        "published_date": published_date(published),
        "published_utc": published_utc(published),
        "language": doc.language,
        "site_name": doc.site_name,
        "kind": doc.kind,
        "spokesperson": doc.spokesperson,
        "body": body,
        "cjk_title": cjk.terms(doc.title),  # the CJK search terms (store/cjk.py), None for text without CJK
        "cjk_subtitle": cjk.terms(doc.subtitle),
        "cjk_body": cjk.terms_of(body, cjk.Known() if known is None else known),
        "paragraphs": _paragraphs_json(doc),
        "turns": turns_json(doc),
        "tags": json.dumps(doc.tags, ensure_ascii=False),
        "content_hash": text_hash,
        "text_source": doc.text_source or "page",
        **({"feed_hash": text_hash} if is_feed_text(doc.text_source) else {}),  # a page keeps the entry's
    }


TURN_COLUMNS = ("document_id", "number", "role", "speaker", "text", "cjk_text")


def _turn_rows(doc: Document, known: cjk.Known) -> list[tuple]:
    """(number, role, speaker, text, CJK search terms) of each turn of `doc`: the row documents_turns_insert would
    make of the document's turns JSON, with its terms."""
    return [(number, turn.role, turn.speaker, turn.text, cjk.terms_of(turn.text, known))
            for number, turn in enumerate(doc.turns, start=1)]


def insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list) -> None:
    """`rows` inserted into `table` in as few statements as SQLite's limit of parameters allows: each statement that
    changes a full-text index writes a segment of it."""
    per_statement = max(1, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns))
    marks = f"({', '.join('?' * len(columns))})"
    for start in range(0, len(rows), per_statement):
        chunk = rows[start:start + per_statement]
        conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([marks] * len(chunk))}",
                     [value for row in chunk for value in row])


def _turn_terms(doc: Document, known: cjk.Known) -> list[tuple[int, str]]:
    """(number, CJK search terms) of each turn of `doc` that has some."""
    return [(number, terms) for number, turn in enumerate(doc.turns, start=1)
            if (terms := cjk.terms_of(turn.text, known))]


def _add_turn_terms(conn: sqlite3.Connection, updates: list[tuple[int, int, str]]) -> None:
    """Store the CJK search terms (document id, turn number, terms) of turns their triggers have just written,
    in one statement: each statement that changes turns_fts writes a segment of it."""
    if not updates:
        return
    if sqlite3.sqlite_version_info < (3, 33):  # no UPDATE ... FROM
        conn.executemany("UPDATE turns SET cjk_text = ? WHERE document_id = ? AND number = ?",
                         [(terms, doc_id, number) for doc_id, number, terms in updates])
        return
    per_statement = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // 3
    for start in range(0, len(updates), per_statement):
        chunk = updates[start:start + per_statement]
        conn.execute(f"""WITH terms (document_id, number, terms) AS (VALUES {', '.join(['(?, ?, ?)'] * len(chunk))})
                         UPDATE turns SET cjk_text = terms.terms FROM terms
                         WHERE turns.document_id = terms.document_id AND turns.number = terms.number""",
                     [value for update in chunk for value in update])


def _update_document(conn: sqlite3.Connection, doc_id: int, values: dict, stamp: str, *, live: bool) -> None:
    values = {**values, "updated_at": stamp, "checked_at": stamp}
    if live:  # found at its source again: no longer removed
        values["removed_at"] = None
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", [*values.values(), doc_id])


def _add_version(
    conn: sqlite3.Connection, doc_id: int, number: int, doc: Document, page: RawPage, digest: str, values: dict,
    stamp: str, *, latest: bool = True,
) -> None:
    """Version `number` of the document; not `latest` (an older capture), the versions from `number` on move up one
    and the document keeps its current text."""
    if not latest:  # in two steps: UNIQUE (document_id, number) is checked row by row
        conn.execute("UPDATE versions SET number = -number - 1 WHERE document_id = ? AND number >= ?", (doc_id, number))
        conn.execute("UPDATE versions SET number = -number WHERE document_id = ? AND number < 0", (doc_id,))
        conn.execute("UPDATE documents SET archived_at = min(archived_at, ?) WHERE id = ?", (stamp, doc_id))
    put_blob(conn, page.data, digest, page.packed, page.size)
    cursor = conn.execute(
        """INSERT INTO snapshots (document_id, sha256, content_type, encoding, origin, item, headers,
                                  archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (doc_id, digest, page.content_type, doc.encoding, page.origin, page.item,
         json.dumps(page.headers) if page.headers else None, stamp),
    )
    snapshot_id = cursor.lastrowid
    conn.execute(
        """INSERT INTO versions (document_id, number, snapshot_id, content_hash, title, subtitle,
                                 published, spokesperson, body, turns, created_at, text_source)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (doc_id, number, snapshot_id, values["content_hash"], doc.title, doc.subtitle, doc.published,
         doc.spokesperson, values["body"], values["turns"], stamp, values["text_source"]),
    )
    if latest:
        conn.execute("UPDATE documents SET snapshot_id = ? WHERE id = ?", (snapshot_id, doc_id))


# The full stored record of documents: `briefarc show --json`, and every row of a JSON Lines export.
RECORD_SQL = f"""
    SELECT d.*, s.name AS source, {SITE_SQL} AS site, sn.sha256, sn.content_type, sn.origin,
           sn.encoding AS raw_encoding, sn.archived_at AS snapshot_archived_at, b.size AS raw_size,
           (SELECT count(*) FROM versions v WHERE v.document_id = d.id) AS versions
    FROM documents d
    LEFT JOIN sources s ON s.id = d.source_id
    LEFT JOIN snapshots sn ON sn.id = d.snapshot_id
    LEFT JOIN blobs b ON b.sha256 = sn.sha256
    {{where}}
    ORDER BY d.id"""


@translated
def get_document(db: sqlite_utils.Database, doc_id: int) -> dict:
    """The stored record of document `doc_id` with its source and current snapshot."""
    cursor = db.execute(RECORD_SQL.format(where="WHERE d.id = ?"), (doc_id,))
    row = cursor.fetchone()
    if row is None:
        raise NotFound(f"No document with id {doc_id}: `briefarc list` or `briefarc search` show the ids.")
    return decode_row(dict(zip([column[0] for column in cursor.description], row, strict=True)))


# The search terms of CJK text (store/cjk.py): the full-text index's, not part of a record (a fourth of the JSON of
# a Chinese document), and found again from its text whenever wanted.
INDEX_ONLY = ("cjk_title", "cjk_subtitle", "cjk_body")


def decode_row(row: dict) -> dict:
    """A stored record as show --json and the exports give it: its JSON columns read, its index terms left out."""
    for column in INDEX_ONLY:
        row.pop(column, None)
    for column in JSON_COLUMNS:
        if isinstance(row.get(column), str):
            row[column] = json.loads(row[column])
    if "paragraphs" in row and row["paragraphs"] is None:
        row["paragraphs"] = row["body"].split("\n\n") if row.get("body") else []
    return row


@translated
def get_raw(db: sqlite_utils.Database, doc_id: int) -> bytes:
    """The original bytes of the document's current snapshot."""
    record = get_document(db, doc_id)
    try:
        data = get_blob(db.conn, record["sha256"]) if record.get("sha256") else None
    except BlobError as exc:
        raise BlobError(f"Document {doc_id}: {exc}. Run `briefarc verify`.") from None
    if data is None:
        raise NotFound(f"Document {doc_id} has no raw snapshot stored.")
    return data


@translated
def version_pages(db: sqlite_utils.Database, doc_id: int) -> list[tuple[int, RawPage]]:
    """(snapshot id, stored raw page) for each version of a document, oldest first. A version is named by its
    snapshot, not its number: an ingest of an older capture meanwhile moves the later versions up one (6edd690)."""
    url = db.execute("SELECT url FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if url is None:
        raise NotFound(f"No document with id {doc_id}: `briefarc list` or `briefarc search` show the ids.")
    rows = db.execute(
        """SELECT v.number, v.snapshot_id, s.sha256, s.origin, s.content_type, s.headers, s.item, s.archived_at
           FROM versions v JOIN snapshots s ON s.id = v.snapshot_id WHERE v.document_id = ? ORDER BY v.number""",
        (doc_id,),
    ).fetchall()
    pages = []
    for number, snapshot_id, digest, origin, content_type, headers, item, archived_at in rows:
        data = get_blob(db.conn, digest)
        if data is None:
            raise NotFound(f"Document {doc_id} version {number}: its raw snapshot {digest[:12]}… is missing.")
        pages.append((snapshot_id, RawPage(data=data, origin=origin, url=url[0], content_type=content_type,
                                      headers=json.loads(headers) if headers else None, item=item,
                                      fetched_at=archived_at)))
    return pages


@translated
def replace_extraction(db: sqlite_utils.Database, doc_id: int, snapshot_id: int, doc: Document, latest: bool) -> bool:
    """Store a new extraction of the archived version of `snapshot_id`; returns whether anything changed. Named by its
    snapshot: its number may have moved since its bytes were read (an older capture ingested). `latest`: it was
    the document's latest when its bytes were read; the document's row takes its extraction only if it still is
    (an ingest may have added a newer one meanwhile: its row was put back to the older text, helper-94)."""
    text_hash = content_hash(doc.title, doc.subtitle, doc.published, doc.body)
    turns = turns_json(doc)
    with transaction(db) as conn:
        before = conn.execute(
            "SELECT title, subtitle, published, spokesperson, body, turns FROM versions "
            "WHERE document_id = ? AND snapshot_id = ?", (doc_id, snapshot_id)).fetchone()
        if before is None:
            return False  # the version is gone (its document removed meanwhile)
        after = (doc.title, doc.subtitle, doc.published, doc.spokesperson, doc.body, turns)
        changed = tuple(before) != after
        if changed:
            conn.execute(
                """UPDATE versions SET title = ?, subtitle = ?, published = ?, spokesperson = ?, body = ?,
                   turns = ?, content_hash = ? WHERE document_id = ? AND snapshot_id = ?""",
                (*after, text_hash, doc_id, snapshot_id))
        if latest and _is_latest(conn, doc_id, snapshot_id):  # read in the write transaction
            changed |= _refresh_document(conn, doc_id, doc, text_hash)
        acronyms.record(conn)
    return changed


def _is_latest(conn: sqlite3.Connection, doc_id: int, snapshot_id: int) -> bool:
    return conn.execute("SELECT snapshot_id FROM versions WHERE document_id = ? ORDER BY number DESC LIMIT 1",
                        (doc_id,)).fetchone()[0] == snapshot_id


def _refresh_document(conn: sqlite3.Connection, doc_id: int, doc: Document, text_hash: str) -> bool:
    known = cjk.Known()
    values = _document_values(doc, text_hash, known=known)
    for key in ("url", "canonical_url", "text_source", "feed_hash"):
        values.pop(key, None)  # the identity and the text's origin stay as archived
    columns = list(values)
    current = conn.execute(f"SELECT {', '.join(columns)} FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if tuple(current) == tuple(values.values()):
        return False
    assignments = ", ".join(f"{column} = ?" for column in columns)
    conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", [*values.values(), doc_id])
    _add_turn_terms(conn, [(doc_id, *terms) for terms in _turn_terms(doc, known)])
    return True


@translated_rows
def all_document_ids(db: sqlite_utils.Database) -> Iterator[int]:
    """Every document id, read in pages so that memory stays flat on a large archive."""
    last = 0
    while True:
        rows = db.execute("SELECT id FROM documents WHERE id > ? ORDER BY id LIMIT 500", (last,)).fetchall()
        if not rows:
            return
        for (doc_id,) in rows:
            yield doc_id
        last = rows[-1][0]
