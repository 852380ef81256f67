"""`briefarc verify` on real database files damaged on purpose: blobs, references, the index, the file."""

from __future__ import annotations

import sqlite3
import zlib
from contextlib import closing

import pytest

from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import save_document, save_documents
from briefarc.store.search import search
from briefarc.store.verify import verify

TOPICS = ("Torkham border crossing", "visa-free entry", "tariff talks")


@pytest.fixture
def archive(db_file):
    db = open_database(db_file)
    for number, topic in enumerate(TOPICS, start=1):
        save_document(db, Document(title=f"Briefing {number}", paragraphs=[f"The spokesperson spoke on {topic}."]),
                      RawPage(data=f"<html><p>{topic}</p></html>".encode(), origin="x",
                              url=f"https://mofa.gov.pk/briefing-{number}"))
    db.conn.close()
    return db_file


def damage(db_file, *statements: tuple) -> None:
    """Change the file behind briefarc's back, as a bad disk or a careless tool would."""
    conn = sqlite3.connect(db_file)  # foreign keys off: nothing stops the damage
    for statement in statements:
        conn.execute(*statement)
    conn.commit()
    conn.close()


def digest_of(db_file, doc_id: int) -> str:
    with closing(sqlite3.connect(db_file)) as conn, conn:
        return conn.execute("SELECT sha256 FROM snapshots WHERE document_id = ?", (doc_id,)).fetchone()[0]


def unindex(doc_id: int) -> tuple:
    return ("""INSERT INTO documents_fts(documents_fts, rowid, title, subtitle, body)
               SELECT 'delete', id, title, subtitle, body FROM documents WHERE id = ?""", (doc_id,))


def test_a_sound_archive(cli, archive):
    result = cli("verify", "--db", archive)
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    assert "Checked 3 raw pages, 3 snapshots and 3 documents" in result.stderr and "no problems" in result.stderr


def test_bytes_that_no_longer_match_their_sha256(cli, archive):
    digest = digest_of(archive, 2)
    damage(archive, ("UPDATE blobs SET data = ? WHERE sha256 = ?", (zlib.compress(b"<html>forged</html>"), digest)))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.startswith(f"document 2, snapshot 2: the raw bytes do not match their sha256 {digest[:16]}")
    assert "cannot be repaired: ingest or fetch the page again" in result.stdout
    assert len(result.stdout.splitlines()) == 1
    assert "Error: verify found 1 problem: 1 cannot be repaired" in result.stderr
    repaired = cli("verify", "--repair", "--db", archive)
    assert repaired.code == 1 and "cannot be repaired" in repaired.stderr


def test_a_flipped_byte_in_compressed_bytes(cli, archive):
    digest = digest_of(archive, 1)
    with closing(sqlite3.connect(archive)) as conn, conn:
        data = bytearray(conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (digest,)).fetchone()[0])
    data[10] ^= 0x01
    damage(archive, ("UPDATE blobs SET data = ? WHERE sha256 = ?", (bytes(data), digest)))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.startswith("document 1, snapshot 1: the raw bytes cannot be decompressed")


def test_bytes_turned_into_text_by_a_careless_tool(cli, archive, tmp_path):
    """`||` on a BLOB gives TEXT, which Python cannot decode: verify and export must still cope."""
    damage(archive, ("UPDATE blobs SET data = substr(data, 1, 10) || x'ff' || substr(data, 12) WHERE sha256 = ?",
                     (digest_of(archive, 1),)))
    result = cli("verify", "--db", archive)
    assert result.code == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith("document 1, snapshot 1: the raw bytes cannot be decompressed")
    exported = cli("export", "-f", "warc", "-o", tmp_path / "a.warc.gz", "--db", archive)
    assert exported.code == 3
    assert "failed: document 1, snapshot 1: its raw bytes cannot be decompressed" in exported.stderr


def test_missing_bytes_and_a_dangling_snapshot(cli, archive):
    damage(archive, ("DELETE FROM blobs WHERE sha256 = ?", (digest_of(archive, 3),)),
           ("UPDATE documents SET snapshot_id = 99 WHERE id = 1",))
    lines = cli("verify", "--db", archive).stdout.splitlines()
    assert lines[0].startswith("document 3, snapshot 3: the raw bytes (sha256 ")
    assert "are missing" in lines[0]
    assert lines[1].startswith("document 1: its current snapshot (99) does not exist")


def test_a_document_missing_from_the_index_is_found_and_repaired(cli, archive):
    damage(archive, unindex(2))
    assert search(open_database(archive), "visa") == []
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.splitlines() == ["document 2: not in the full-text index",
                                          "index: the full-text index does not match the documents' text"]
    assert "`briefarc verify --repair` rebuilds the full-text index (2 of them)" in result.stderr
    repaired = cli("verify", "--repair", "--db", archive)
    assert repaired.code == 0, repaired.stderr
    assert "Rebuilt the full-text index: 2 problems fixed." in repaired.stderr and "all repaired" in repaired.stderr
    assert [hit["id"] for hit in search(open_database(archive), "visa")] == [2]
    assert cli("verify", "--db", archive).code == 0


def test_an_index_entry_for_no_document(cli, archive):
    damage(archive, ("INSERT INTO documents_fts(rowid, title, subtitle, body) VALUES (42, 'ghost', NULL, 'ghost')",))
    result = cli("verify", "--db", archive)
    assert "document 42: the full-text index holds this document, which does not exist" in result.stdout
    assert cli("verify", "--repair", "--db", archive).code == 0
    assert search(open_database(archive), "ghost") == []


def test_index_text_that_differs_from_the_document(cli, archive):
    """Same rowids, wrong words: only FTS5's integrity-check against the content table sees it."""
    damage(archive, unindex(3), ("INSERT INTO documents_fts(rowid, title, subtitle, body) "
                                 "VALUES (3, 'Briefing 3', NULL, 'something else entirely')",))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout == "index: the full-text index does not match the documents' text\n"
    assert cli("verify", "--repair", "--db", archive).code == 0
    assert [hit["id"] for hit in search(open_database(archive), "tariff")] == [3]


def test_chinese_text_written_by_another_tool_gets_its_search_terms_on_repair(cli, archive):
    """A tool that changes the text without the CJK terms: the index follows the text, the terms do not."""
    damage(archive, ("UPDATE documents SET body = '关于台湾问题。' WHERE id = 1",))
    assert search(open_database(archive), "台湾") == []
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert result.stdout.splitlines() == [
        "document 1: its CJK search terms (cjk_title, cjk_subtitle, cjk_body) are not those of its text"]
    assert cli("verify", "--repair", "--db", archive).code == 0
    assert [hit["id"] for hit in search(open_database(archive), "台湾")] == [1]
    assert [hit["id"] for hit in search(open_database(archive), "问")] == [1]
    assert cli("verify", "--db", archive).code == 0


def test_chinese_turns_written_by_another_tool_are_indexed_on_repair(cli, archive):
    """A turn with CJK text is indexed once it has its terms, which only briefarc writes."""
    turns = '[{"speaker": "问", "role": "question", "text": "关于台湾问题。"}]'
    damage(archive, ("UPDATE documents SET turns = ? WHERE id = 2", (turns,)))
    assert cli("search", "台湾", "--in", "questions", "--db", archive, "--json").jsonl() == []
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert "turns have CJK search terms (cjk_text) that are not those of their text" in result.stdout
    assert cli("verify", "--repair", "--db", archive).code == 0
    rows = cli("search", "台湾", "--in", "questions", "--db", archive, "--json").jsonl()
    assert [(row["id"], row["turn"]) for row in rows] == [(2, 1)]
    assert cli("verify", "--db", archive).code == 0


def test_repair_fixes_the_index_and_still_fails_on_bad_bytes(cli, archive):
    damage(archive, unindex(1), ("UPDATE blobs SET data = ? WHERE sha256 = ?", (b"junk", digest_of(archive, 3))))
    result = cli("verify", "--repair", "--db", archive, "--json")
    assert result.code == 1
    report = result.jsonl()[0]
    assert report["ok"] is False and report["repaired"] is True
    assert len(report["problems"]) == 3
    assert [(p["check"], p["document_id"], p["repairable"]) for p in report["remaining"]] == [("raw", 3, False)]
    assert "Rebuilt the full-text index: 2 problems fixed." in result.stderr


def overwrite_index_page(db_file, change) -> None:
    """Rewrite the page of an SQL index in the file itself, as a bad disk would."""
    conn = sqlite3.connect(db_file)
    conn.execute("PRAGMA journal_mode = DELETE")  # everything in the main file
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents_native_id'").fetchone()
    conn.close()
    with open(db_file, "r+b") as handle:
        handle.seek((root[0] - 1) * size)
        page = handle.read(size)
        handle.seek((root[0] - 1) * size)
        handle.write(change(page))


def test_an_index_entry_changed_in_the_file(cli, archive):
    damage(archive, ("UPDATE documents SET native_id = 'mofa-' || id",))
    overwrite_index_page(archive, lambda page: page.replace(b"mofa-2", b"mofa-9"))
    result = cli("verify", "--db", archive)
    assert result.code == 1, result.stderr
    assert "database: SQLite integrity_check: row 2 missing from index documents_native_id" in result.stdout
    quick = cli("verify", "--quick", "--db", archive)
    assert quick.code == 0, "quick_check does not compare indexes with their tables: that is what makes it quick"


def test_damaged_cells_in_the_file(cli, archive):
    damage(archive, ("UPDATE documents SET native_id = 'mofa-' || id",))
    overwrite_index_page(archive, lambda page: page[:-40] + bytes(b ^ 0x55 for b in page[-40:-20]) + page[-20:])
    for args in ((), ("--quick",)):
        result = cli("verify", *args, "--db", archive)
        assert result.code == 1, result.stderr
        pragma = "quick_check" if args else "integrity_check"
        assert f"database: SQLite {pragma}: *** in database main *** On tree page" in result.stdout
        assert all(line.count(":") >= 1 for line in result.stdout.splitlines())
        assert "Traceback" not in result.stderr


def test_a_wrecked_page_stops_a_check_and_verify_says_which(cli, archive):
    overwrite_index_page(archive, lambda page: b"\x0d" + b"\xff" * (len(page) - 1))
    result = cli("verify", "--db", archive)
    assert result.code == 1
    assert "database: SQLite integrity_check could not run: database disk image is malformed." in result.stdout
    assert "restore it from a backup" in result.stdout and "Traceback" not in result.stderr


def test_library_report_counts(archive):
    report = verify(open_database(archive))
    assert (report.blobs, report.snapshots, report.documents, report.ok) == (3, 3, 3, True)


def test_verify_without_an_archive(cli, tmp_path):
    result = cli("verify", "--db", tmp_path / "none.db")
    assert result.code == 1 and "No archive at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_verify_on_a_file_that_is_not_a_database(cli, tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"not a database at all" * 200)
    result = cli("verify", "--db", bogus)
    assert result.code == 1 and "is not a usable briefarc database" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_raw_of_damaged_bytes_is_a_clean_error(cli, archive):
    digest = digest_of(archive, 2)
    damage(archive, ("UPDATE blobs SET data = ? WHERE sha256 = ?", (zlib.compress(b"forged page"), digest)))
    result = cli("show", "2", "--raw", "--db", archive)
    assert result.code == 1
    assert result.stderr.startswith("Error: Document 2: the raw bytes do not match their sha256")
    assert "briefarc verify" in result.stderr and "Traceback" not in result.stderr
    reparsed = cli("reparse", "2", "--db", archive)
    assert reparsed.code == 1 and "do not match their sha256" in reparsed.stderr


@pytest.mark.parametrize("how", ["damaged", "missing", "turned into text"])
def test_ingesting_the_page_again_mends_bytes_verify_cannot_repair(cli, db_file, tmp_path, how):
    """What verify advises for bytes it cannot repair ("ingest or fetch the page again") did nothing: the page,
    unchanged, was not saved, and verify found the same problem."""
    page = tmp_path / "briefing.html"
    page.write_text("<html><head><title>Weekly briefing</title></head><body><h1>Weekly briefing</h1>"
                    + "<p>The spokesperson spoke on the Torkham border crossing and the visa regime.</p>" * 4
                    + "</body></html>")
    assert cli("ingest", page, "--db", db_file).code == 0
    digest = digest_of(db_file, 1)
    damage(db_file, {"damaged": ("UPDATE blobs SET data = zeroblob(10) WHERE sha256 = ?", (digest,)),
                     "missing": ("DELETE FROM blobs WHERE sha256 = ?", (digest,)),
                     "turned into text": ("UPDATE blobs SET data = substr(data, 1, 10) || x'ff' || substr(data, 12)"
                                          " WHERE sha256 = ?", (digest,))}[how])
    assert cli("verify", "--db", db_file).code == 1
    again = cli("ingest", page, "--db", db_file)
    assert again.code == 0 and "unchanged 1" in again.stderr, again.stderr
    checked = cli("verify", "--db", db_file)
    assert checked.code == 0 and "no problems" in checked.stderr, checked.stdout
    assert cli("show", "1", "--raw", "--db", db_file).stdout_bytes == page.read_bytes()


def test_a_feed_seen_again_checks_its_bytes_once_not_once_per_entry(db_file, monkeypatch):
    """Every unchanged entry of a feed checked the whole feed's stored bytes again (decompressed and hashed):
    a feed of 10,000 entries took 29 s to re-read, one of 50,000 690 s."""
    from briefarc.store import blobs

    feed = RawPage(data=b"<rss>" + b"<item>entry</item>" * 40 + b"</rss>", origin="x",
                   url="https://mofa.gov.pk/feed")
    entries = [(Document(title=f"Briefing {n}", paragraphs=[f"The spokesperson spoke on topic {n}."],
                         url=f"https://mofa.gov.pk/briefing-{n}"), feed) for n in range(40)]
    db = open_database(db_file)
    save_documents(db, entries)
    checks = []
    real = blobs.decode_blob
    monkeypatch.setattr(blobs, "decode_blob", lambda *args: checks.append(args[0]) or real(*args))
    results = save_documents(db, entries)
    assert [result.status for result in results] == ["unchanged"] * 40
    assert len(checks) == 1
    damage(db_file, ("UPDATE blobs SET data = zeroblob(10)",))
    save_documents(db, entries)  # damaged, it is still mended by the first entry that brings the bytes
    assert verify(db).problems == []


def steps_to_save_again(db_file, entries: int) -> int:
    """SQLite's virtual-machine steps (in thousands) to save again `entries` pages sharing their bytes, as a
    feed's entries do: a count, not a time."""
    data = b"<rss>" + b"<item>entry</item>" * entries + b"</rss>"
    pairs = [(Document(title=f"Briefing {n}", paragraphs=[f"The spokesperson spoke on topic {n}."]),
              RawPage(data=data, origin="x", url=f"https://mofa.gov.pk/briefing-{n}")) for n in range(entries)]
    db = open_database(db_file)
    save_documents(db, pairs)
    steps = []
    db.conn.set_progress_handler(lambda: steps.append(1) and 0, 1000)
    assert {result.status for result in save_documents(db, pairs)} == {"unchanged"}
    db.conn.set_progress_handler(None, 0)
    db.conn.close()
    return len(steps)


def test_pages_sharing_their_bytes_are_saved_again_in_linear_work(tmp_path):
    """Each unchanged page looked for a snapshot of its document among every snapshot of the shared bytes."""
    small, large = steps_to_save_again(tmp_path / "a.db", 100), steps_to_save_again(tmp_path / "b.db", 800)
    assert large < 8 * small * 1.5, (small, large)
