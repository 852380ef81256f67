"""Review of 6edd690 (a WARC capture older than the latest version takes its place among the versions, the later
ones moving up one): version numbers are no longer fixed once written, and `reparse` named the version it
re-extracted by the number it read before extracting, outside any transaction and without the archive's lock: it
names it by its snapshot now."""

from __future__ import annotations

from tests.test_getting_warc import ADDED, ANCHOR, captures, warc

MAY = b"A SENTENCE OF MAY. "


def test_a_reparse_beside_an_ingest_of_an_older_capture_keeps_each_versions_text(cli, db_file, tmp_path,
                                                                                 monkeypatch):
    import briefarc.pipeline as pipeline
    from briefarc.reparse import reparse_document
    from briefarc.store.db import open_database

    url, june, august = captures()
    may = june.replace(ANCHOR, MAY + ANCHOR, 1)
    newer = warc(tmp_path / "crawl.warc.gz", url, [(june, "2020-06-01T09:00:00Z"), (august, "2020-08-01T09:00:00Z")])
    older = warc(tmp_path / "may.warc.gz", url, [(may, "2020-05-01T09:00:00Z")])
    assert cli("ingest", str(newer), "--db", db_file).code == 0

    real = pipeline.documents_of
    calls = []

    def documents_of(page, *args, **kwargs):  # an ingest of an older crawl lands while reparse extracts
        if not calls:
            calls.append(page)
            assert cli("ingest", str(older), "--db", db_file).code == 0
        return real(page, *args, **kwargs)

    monkeypatch.setattr(pipeline, "documents_of", documents_of)
    reparse_document(open_database(db_file), 1)

    history = cli("history", "1", "--db", db_file, "--json").jsonl()
    assert [row["archived_at"][:10] for row in history] == ["2020-05-01", "2020-06-01", "2020-08-01"]
    db = open_database(db_file)
    bodies = [body for (body,) in db.execute("SELECT body FROM versions WHERE document_id = 1 ORDER BY number")]
    assert "SENTENCE OF MAY" in bodies[0]  # before: June's extraction was written onto May's capture
    assert "SENTENCE OF MAY" not in bodies[1] and ADDED.decode().strip() not in bodies[1]
    assert ADDED.decode().strip() in bodies[2]
