-- The schema briefarc's migrations make (store/schema.py): written by
-- `python -m briefarc.store.schema`, never by hand.
CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            url TEXT,
            title TEXT,
            options TEXT,
            created_at TEXT NOT NULL
        , "enabled" INTEGER NOT NULL DEFAULT 1);
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
            content_hash TEXT,
            snapshot_id INTEGER,
            archived_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            checked_at TEXT,
            removed_at TEXT
        , "claimed_url" TEXT, "text_source" TEXT, "feed_hash" TEXT, "cjk_title" TEXT, "cjk_subtitle" TEXT, "cjk_body" TEXT, published_utc TEXT);
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
            created_at TEXT NOT NULL, text_source TEXT NOT NULL DEFAULT 'page',
            UNIQUE (document_id, number)
        );
CREATE TABLE "seen_urls" (
   "key" TEXT PRIMARY KEY,
   "url" TEXT NOT NULL,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "document_id" INTEGER REFERENCES "documents"("id"),
   "status" TEXT NOT NULL,
   "reason" TEXT,
   "etag" TEXT,
   "last_modified" TEXT,
   "first_seen" TEXT NOT NULL,
   "last_fetched" TEXT
);
CREATE INDEX "seen_urls_document"
    ON "seen_urls" ("document_id");
CREATE TABLE "runs" (
   "id" INTEGER PRIMARY KEY,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "started_at" TEXT NOT NULL,
   "finished_at" TEXT,
   "discovered" INTEGER NOT NULL DEFAULT 0,
   "fetched" INTEGER NOT NULL DEFAULT 0,
   "added" INTEGER NOT NULL DEFAULT 0,
   "updated" INTEGER NOT NULL DEFAULT 0,
   "unchanged" INTEGER NOT NULL DEFAULT 0,
   "skipped" INTEGER NOT NULL DEFAULT 0,
   "failed" INTEGER NOT NULL DEFAULT 0,
   "error" TEXT
, "removed" INTEGER NOT NULL DEFAULT 0, "deferred" INTEGER NOT NULL DEFAULT 0);
CREATE INDEX "runs_source"
    ON "runs" ("source_id", "started_at");
CREATE TABLE "requests" (
   "id" INTEGER PRIMARY KEY,
   "run_id" INTEGER REFERENCES "runs"("id"),
   "url" TEXT NOT NULL,
   "status" INTEGER,
   "bytes" INTEGER NOT NULL DEFAULT 0,
   "duration_ms" INTEGER NOT NULL DEFAULT 0,
   "attempt" INTEGER NOT NULL DEFAULT 1,
   "error" TEXT,
   "at" TEXT NOT NULL
);
CREATE INDEX "requests_at"
    ON "requests" ("at");
CREATE INDEX "documents_url"
    ON "documents" ("url");
CREATE TABLE "pending" (
   "key" TEXT PRIMARY KEY,
   "url" TEXT NOT NULL,
   "source_id" INTEGER REFERENCES "sources"("id"),
   "document_id" INTEGER REFERENCES "documents"("id"),
   "found_on" TEXT,
   "discovered_at" TEXT NOT NULL,
   "title" TEXT,
   "published" TEXT,
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "last_error" TEXT,
   "last_try" TEXT,
   "next_try" TEXT NOT NULL,
   "given_up_at" TEXT
);
CREATE INDEX "pending_source"
    ON "pending" ("source_id", "next_try");
CREATE TABLE turns (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            number INTEGER NOT NULL,
            role TEXT,
            speaker TEXT,
            text TEXT, "cjk_text" TEXT,
            UNIQUE (document_id, number)
        );
CREATE TRIGGER documents_turns_update AFTER UPDATE OF turns ON documents BEGIN
            DELETE FROM turns WHERE document_id = old.id;
            INSERT INTO turns (document_id, number, role, speaker, text)
            SELECT new.id, t.key + 1, json_extract(t.value, '$.role'), json_extract(t.value, '$.speaker'),
                   json_extract(t.value, '$.text')
            FROM json_each(coalesce(new.turns, '[]')) t;
        END;
CREATE TABLE "watches" (
   "id" INTEGER PRIMARY KEY,
   "name" TEXT NOT NULL,
   "query" TEXT NOT NULL,
   "filters" TEXT,
   "created_at" TEXT NOT NULL,
   "checked_at" TEXT,
   "seen_until" INTEGER NOT NULL DEFAULT 0
, edits_seen INTEGER NOT NULL DEFAULT 0, removals_seen INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX watches_name ON watches(name);
CREATE INDEX turns_speaker ON turns(speaker);
CREATE TRIGGER [documents_ai] AFTER INSERT ON [documents] WHEN 1 BEGIN
  INSERT INTO [documents_fts] (rowid, [title], [subtitle], [body], [cjk_title], [cjk_subtitle], [cjk_body]) VALUES (new.rowid, new.[title], new.[subtitle], new.[body], new.[cjk_title], new.[cjk_subtitle], new.[cjk_body]);
END;
CREATE TRIGGER [documents_ad] AFTER DELETE ON [documents] WHEN 1 BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, [title], [subtitle], [body], [cjk_title], [cjk_subtitle], [cjk_body]) VALUES('delete', old.rowid, old.[title], old.[subtitle], old.[body], old.[cjk_title], old.[cjk_subtitle], old.[cjk_body]);
END;
CREATE TRIGGER [documents_au] AFTER UPDATE OF [title], [subtitle], [body], [cjk_title], [cjk_subtitle], [cjk_body] ON [documents] BEGIN
  INSERT INTO [documents_fts] ([documents_fts], rowid, [title], [subtitle], [body], [cjk_title], [cjk_subtitle], [cjk_body]) SELECT 'delete', old.rowid, old.[title], old.[subtitle], old.[body], old.[cjk_title], old.[cjk_subtitle], old.[cjk_body] WHERE 1;
  INSERT INTO [documents_fts] (rowid, [title], [subtitle], [body], [cjk_title], [cjk_subtitle], [cjk_body]) SELECT new.rowid, new.[title], new.[subtitle], new.[body], new.[cjk_title], new.[cjk_subtitle], new.[cjk_body] WHERE 1;
END;
CREATE VIRTUAL TABLE "turns_fts" USING FTS5 (
    "text", "cjk_text",
    tokenize='unicode61 remove_diacritics 2',
    content="turns"
);
CREATE VIRTUAL TABLE "documents_fts" USING FTS5 (
    "title", "subtitle", "body", "cjk_title", "cjk_subtitle", "cjk_body",
    tokenize='unicode61 remove_diacritics 2',
    prefix='1',
    content="documents"
);
CREATE TRIGGER [turns_ai] AFTER INSERT ON [turns] WHEN new.[cjk_text] IS NOT NULL OR length(CAST(new.[text] AS BLOB)) = length(new.[text]) OR coalesce(new.[text], '') NOT GLOB '*[぀-ヿ㐀-䶿一-鿿豈-﫿ｦ-ﾟ𠀀-𱍏]*' BEGIN
  INSERT INTO [turns_fts] (rowid, [text], [cjk_text]) VALUES (new.rowid, new.[text], new.[cjk_text]);
END;
CREATE TRIGGER [turns_ad] AFTER DELETE ON [turns] WHEN old.[cjk_text] IS NOT NULL OR length(CAST(old.[text] AS BLOB)) = length(old.[text]) OR coalesce(old.[text], '') NOT GLOB '*[぀-ヿ㐀-䶿一-鿿豈-﫿ｦ-ﾟ𠀀-𱍏]*' BEGIN
  INSERT INTO [turns_fts] ([turns_fts], rowid, [text], [cjk_text]) VALUES('delete', old.rowid, old.[text], old.[cjk_text]);
END;
CREATE TRIGGER [turns_au] AFTER UPDATE OF [text], [cjk_text] ON [turns] BEGIN
  INSERT INTO [turns_fts] ([turns_fts], rowid, [text], [cjk_text]) SELECT 'delete', old.rowid, old.[text], old.[cjk_text] WHERE old.[cjk_text] IS NOT NULL OR length(CAST(old.[text] AS BLOB)) = length(old.[text]) OR coalesce(old.[text], '') NOT GLOB '*[぀-ヿ㐀-䶿一-鿿豈-﫿ｦ-ﾟ𠀀-𱍏]*';
  INSERT INTO [turns_fts] (rowid, [text], [cjk_text]) SELECT new.rowid, new.[text], new.[cjk_text] WHERE new.[cjk_text] IS NOT NULL OR length(CAST(new.[text] AS BLOB)) = length(new.[text]) OR coalesce(new.[text], '') NOT GLOB '*[぀-ヿ㐀-䶿一-鿿豈-﫿ｦ-ﾟ𠀀-𱍏]*';
END;
CREATE TABLE unchanged_copies (
            document_id INTEGER NOT NULL REFERENCES documents(id),
            sha256 TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            UNIQUE (document_id, sha256, content_hash)
        );
CREATE INDEX documents_published ON documents(published_date, published_utc);
CREATE TABLE replaced_documents (
            id INTEGER NOT NULL,
            title TEXT,
            subtitle TEXT,
            body TEXT,
            cjk_title TEXT,
            cjk_subtitle TEXT,
            cjk_body TEXT
        );
CREATE TRIGGER documents_replaced BEFORE INSERT ON documents BEGIN
            DELETE FROM replaced_documents;
            INSERT INTO replaced_documents (id, title, subtitle, body, cjk_title, cjk_subtitle, cjk_body)
            SELECT id, title, subtitle, body, cjk_title, cjk_subtitle, cjk_body FROM documents
            WHERE id = new.id OR key = new.key;
        END;
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
CREATE TRIGGER documents_turns_delete AFTER DELETE ON documents BEGIN
            DELETE FROM turns WHERE document_id = old.id;
            DELETE FROM replaced_documents WHERE id = old.id;
        END;
CREATE TABLE acronyms (
    word TEXT NOT NULL,
    [column] TEXT NOT NULL,
    document_id INTEGER NOT NULL,
    PRIMARY KEY (word, [column], document_id)
) WITHOUT ROWID;
CREATE INDEX acronyms_document ON acronyms(document_id);
CREATE TABLE acronyms_unread (document_id INTEGER PRIMARY KEY);
CREATE TRIGGER documents_acronyms_insert AFTER INSERT ON documents BEGIN
    DELETE FROM acronyms WHERE document_id = new.id OR document_id IN (
        SELECT id FROM replaced_documents r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.id));
    DELETE FROM acronyms_unread WHERE document_id IN (
        SELECT id FROM replaced_documents r WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = r.id));
    INSERT OR IGNORE INTO acronyms_unread (document_id) VALUES (new.id);
END;
CREATE TRIGGER documents_acronyms_update AFTER UPDATE OF id, title, subtitle, body ON documents BEGIN
    DELETE FROM acronyms WHERE document_id IN (old.id, new.id);
    DELETE FROM acronyms_unread WHERE document_id = old.id;
    INSERT OR IGNORE INTO acronyms_unread (document_id) VALUES (new.id);
END;
CREATE TRIGGER documents_acronyms_delete AFTER DELETE ON documents BEGIN
    DELETE FROM acronyms WHERE document_id = old.id;
    DELETE FROM acronyms_unread WHERE document_id = old.id;
END;
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
CREATE INDEX documents_spokesperson ON documents(spokesperson);
INSERT INTO [turns_fts]([turns_fts], rank) VALUES('hashsize', 8388608);
INSERT INTO [documents_fts]([documents_fts], rank) VALUES('hashsize', 8388608);
INSERT INTO [documents_fts]([documents_fts]) VALUES('rebuild');
