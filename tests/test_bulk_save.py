"""Saving many pages together (store/documents.py `save_documents`, the writers' batches): the same rows, the
same index and the same search results as saving them one by one, in far fewer statements."""

from __future__ import annotations

import functools
import sqlite3
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import briefarc.files.ingest as ingesting
from briefarc.models import Document, RawPage
from briefarc.pipeline import documents_of
from briefarc.store import cjk
from briefarc.store.db import Batch, open_database
from briefarc.store.documents import save_document, save_documents
from briefarc.store.writer import SerialWriter
from tests.conftest import ROOT, SAMPLES
from tests.test_fetch_batches import statements

STAMPS = {"archived_at", "updated_at", "checked_at", "created_at"}
QUERIES = ("briefing", "cooperation OR taliban", '"foreign ministry"', "外交", '"发言 言人"', '"人"*', "spokes*")


def sample_pages() -> list[tuple[Document, RawPage]]:
    """The sample pages, one of them twice (unchanged the second time) and one edited (a new version)."""
    pairs = []
    for path in sorted(SAMPLES.glob("*.html")):
        pairs += [pair for pair in documents_of(RawPage(data=path.read_bytes(), origin=str(path),
                                                        url=f"https://example.org/{path.stem}"))
                  if pair[0].kind != "listing"]
    zh = (SAMPLES / "china-mfa-zh.html").read_bytes()
    edited = zh.replace("中方".encode(), "中国方面".encode(), 1)
    assert edited != zh
    for data in (zh, edited):
        pairs += documents_of(RawPage(data=data, origin="copy", url="https://example.org/china-mfa-zh"))
    return pairs


def content(db_file: Path) -> dict:
    """Every stored row but its timestamps, the index's checks and the results of some searches."""
    conn = sqlite3.connect(db_file)
    found = {}
    for table in ("documents", "turns", "snapshots", "versions", "blobs"):
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
        names = [column[0] for column in cursor.description]
        found[table] = [[value for name, value in zip(names, row, strict=True) if name not in STAMPS]
                        for row in cursor]
    for index in ("documents_fts", "turns_fts"):
        conn.execute(f"INSERT INTO {index}({index}) VALUES('integrity-check')")
        for query in QUERIES:
            found[f"{index} {query}"] = conn.execute(
                f"SELECT rowid, round(bm25({index}), 6) FROM {index} WHERE {index} MATCH ? ORDER BY rank",
                (query,)).fetchall()
    conn.close()
    return found


def test_pages_saved_together_are_stored_as_one_by_one(tmp_path):
    pairs = sample_pages()
    one_by_one, together = open_database(tmp_path / "one.db"), open_database(tmp_path / "together.db")
    singly = [save_document(one_by_one, doc, page) for doc, page in pairs]
    assert [result.status for result in singly[-2:]] == ["unchanged", "updated"]
    assert save_documents(together, pairs) == singly
    stored = content(tmp_path / "one.db")
    assert stored["turns"] and any(row[-1] for row in stored["turns"])  # turns with their CJK terms
    assert all(stored[f"documents_fts {query}"] for query in QUERIES)
    assert content(tmp_path / "together.db") == stored


def test_a_batch_of_new_pages_is_one_insert_of_documents_and_one_of_turns(db_file):
    db = open_database(db_file)
    pairs = [pair for pair in sample_pages()[:-2]]  # new pages only
    seen = statements(db)
    with SerialWriter(db) as writer:
        for number, pair in enumerate(pairs):
            writer.put(str(number), [pair])
        assert not any(sql.startswith("INSERT INTO documents") for sql in seen)  # held until the batch is due
    assert sum(sql.startswith("INSERT INTO documents") for sql in seen) == 1
    assert sum(sql.startswith("INSERT INTO turns") for sql in seen) == 1  # with their CJK terms (m019)
    assert not any("UPDATE turns" in sql for sql in seen)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == len(pairs)


def test_in_a_batch_a_page_the_store_cannot_take_fails_alone(db_file):
    db = open_database(db_file)
    pairs = sample_pages()[:3]
    bad = Document(title="Bad", paragraphs=["Its tags cannot be written."], tags=[object()])  # type: ignore[list-item]
    saved, failed = [], []
    with SerialWriter(db, on_saved=lambda name, results: saved.append(name),
                      on_failed=lambda name, reason: failed.append((name, reason))) as writer:
        writer.put("first", [pairs[0]])
        writer.put("bad", [(bad, RawPage(data=b"<p>bad</p>", origin="bad", url="https://example.org/bad"))])
        writer.put("others", pairs[1:])
    assert saved == ["first", "others"]
    assert [name for name, _ in failed] == ["bad"] and "while saving" in failed[0][1]
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


@pytest.mark.parametrize("writer_process", [False, True])
def test_the_writer_process_stores_what_this_process_stores(tmp_path, monkeypatch, writer_process):
    monkeypatch.setattr(ingesting, "PARALLEL_FROM", 1 if writer_process else 10**9)
    report = ingesting.ingest(open_database(tmp_path / "a.db"), [str(SAMPLES)])
    assert report.added == 14 and not report.failed  # the sample pages but the listing
    reference = tmp_path / "reference.db"
    db = open_database(reference)
    for path in sorted(SAMPLES.glob("*.html")):
        for doc, page in documents_of(RawPage(data=path.read_bytes(), origin=str(path.resolve()))):
            if doc.kind != "listing":
                save_document(db, doc, page)
    assert content(tmp_path / "a.db") == content(reference)


def test_a_gzipped_page_crosses_to_the_writer_process_without_its_bytes(tmp_path, monkeypatch):
    """A gzipped file's page goes to the writer process with its sha256 and size, not its bytes, which are stored
    as the file's own deflate stream (blobs.travelling): the same rows as saving the pages in this process."""
    import gzip

    from briefarc.store import blobs

    folder = tmp_path / "pages"
    folder.mkdir()
    for path in sorted(SAMPLES.glob("*.html")):
        (folder / f"{path.name}.gz").write_bytes(gzip.compress(path.read_bytes(), mtime=0))
    sent: list[RawPage] = []
    travelling = blobs.travelling
    monkeypatch.setattr(blobs, "travelling", lambda page: sent.append(travelling(page)) or sent[-1])
    for name, parallel_from in (("process.db", 1), ("serial.db", 10**9)):
        monkeypatch.setattr(ingesting, "PARALLEL_FROM", parallel_from)
        report = ingesting.ingest(open_database(tmp_path / name), [str(folder)])
        assert report.added == 14 and not report.failed
    assert len(sent) == 14 and all(page.data == b"" and page.size and page.sha256 for page in sent)
    assert content(tmp_path / "process.db") == content(tmp_path / "serial.db")


def test_a_writer_process_saves_what_arrives_within_a_second_together(tmp_path, monkeypatch):
    """FTS5 writes a segment per statement and merges them as they pile up: the writer process saves up to
    PROCESS_BATCH inputs that arrive within a second in one batch, not 50 at a time."""
    from briefarc.store import writer

    sizes = tmp_path / "batches"
    save_held = writer.save_held

    def noted(db, batch, source_id, work):  # runs in the writer process, which fork gives this patch
        with sizes.open("a") as out:
            out.write(f"{len(work)}\n")
        return save_held(db, batch, source_id, work)

    monkeypatch.setattr(writer, "save_held", noted)
    monkeypatch.setattr(writer, "Batch", functools.partial(Batch, seconds=60))  # a loaded machine is no slower
    pages = 120
    saved: list[str] = []
    with writer.ProcessWriter(tmp_path / "a.db", None, lambda name, results: saved.append(name),
                              lambda name, reason: None) as writing:
        for number in range(pages):
            doc = Document(title=f"Page {number}", paragraphs=[f"Text of page {number}."])
            writing.put(str(number), [(doc, RawPage(data=f"<p>{number}</p>".encode(), origin=str(number),
                                                    url=f"https://example.org/{number}"))])
    assert len(saved) == pages
    batches = [int(line) for line in sizes.read_text().split() if int(line)]
    assert sum(batches) == pages and max(batches) > 50  # handed over within a second: one batch


def test_the_writer_process_reads_on_while_it_saves(tmp_path, monkeypatch):
    """The writer read its pipe only between saves: the pipe filled within a page or two and the extracting
    process waited for every save (an ingest took as long in wall time as in CPU time on two cores). Now the
    pages handed over while a save goes on are read ahead, up to READ_AHEAD of them."""
    import threading
    import time

    from briefarc.store import writer

    release = tmp_path / "release"
    save_held = writer.save_held

    def slow(db, batch, source_id, work):  # runs in the writer process: the first save lasts until released
        while not release.exists():
            time.sleep(0.01)
        return save_held(db, batch, source_id, work)

    monkeypatch.setattr(writer, "save_held", slow)
    monkeypatch.setattr(writer, "Batch", functools.partial(Batch, seconds=0))  # each input is due at once
    pages = 40  # of 256 KiB each: 10 MiB, a hundred times what a pipe holds
    assert pages < writer.READ_AHEAD
    saved: list[str] = []
    with writer.ProcessWriter(tmp_path / "a.db", None, lambda name, results: saved.append(name),
                              lambda name, reason: None) as writing:
        def hand_over() -> None:
            for number in range(pages):
                doc = Document(title=f"Page {number}", paragraphs=[f"Text of page {number}."])
                data = f"<p>{number}</p>".encode().ljust(256 * 1024)
                writing.put(str(number), [(doc, RawPage(data=data, origin=str(number),
                                                        url=f"https://example.org/{number}"))])

        producer = threading.Thread(target=hand_over, daemon=True)
        producer.start()
        producer.join(timeout=60)
        handed_over = not producer.is_alive()
        release.touch()
        producer.join()
    assert handed_over, "the producer waited for the writer's save"
    assert sorted(saved, key=int) == [str(number) for number in range(pages)]


def _unreadable() -> None:
    raise ValueError("a message that cannot be read")


class Unreadable:
    """Pickled whole; unpickling it in the writer process fails."""

    def __reduce__(self):
        return _unreadable, ()


def test_a_message_the_writer_cannot_read_ends_the_ingest_with_an_error(tmp_path):
    """Read by the writer's reading thread, a message that fails to unpickle must reach the writer (which reports
    it), not end that thread and leave the writer, and the ingest waiting for it, waiting for ever."""
    import threading

    from briefarc.errors import DatabaseError
    from briefarc.store import writer

    outcome: list[BaseException | None] = []

    def ingest() -> None:
        try:
            with writer.ProcessWriter(tmp_path / "a.db", None, lambda name, results: None,
                                      lambda name, reason: None) as writing:
                writing.put("bad", [(Unreadable(), RawPage(data=b"<p>x</p>", origin="bad"))])  # type: ignore[list-item]
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - looked at below
            outcome.append(exc)

    running = threading.Thread(target=ingest, daemon=True)
    running.start()
    running.join(timeout=60)
    assert outcome, "the ingest waited for the writer for ever"
    assert isinstance(outcome[0], DatabaseError) and "cannot be read" in str(outcome[0])


def test_an_ingest_in_place_saves_up_to_its_batch_together(tmp_path, monkeypatch):
    """The ingest's own writer (few inputs, or one WARC file) holds INGEST_BATCH inputs, not 50, per statement."""
    from briefarc.store import writer

    sys.path.insert(0, str(ROOT / "bench"))
    from pages import page

    folder = tmp_path / "pages"
    folder.mkdir()
    for index in range(80):
        name, data = page(index, seed=3)
        (folder / name).write_bytes(data)
    monkeypatch.setattr(ingesting, "PARALLEL_FROM", 10**9)
    monkeypatch.setattr(writer, "Batch", functools.partial(Batch, seconds=60))  # a loaded machine is no slower
    db = open_database(tmp_path / "a.db")
    seen = statements(db)
    report = ingesting.ingest(db, [str(folder)])
    assert report.added == 80
    assert sum(sql.startswith("INSERT INTO documents") for sql in seen) == 1


@pytest.mark.parametrize("text", ["外交部发言人\n\n2025年G20峰会\n\nplain words", "问：台湾\n\n\n\n答：台湾问题",
                                  "G20\n\n峰会", "no CJK\n\nat all", "台\n\n", "\n\n湾", "",
                                  "地名South China Sea作为\n\nSouth China Sea作为"])
def test_the_terms_of_a_text_are_those_of_its_paragraphs(text):
    known = cjk.Known()
    assert cjk.terms_of(text, known) == cjk.terms(text)
    assert cjk.terms_of(text, known) == cjk.terms(text)  # from what `known` kept
    if cjk.terms(text):
        assert set(known.paragraphs) == set(text.split("\n\n"))


def test_a_turn_takes_the_terms_of_the_body_paragraph_it_ends(monkeypatch):
    """A turn's first paragraph is the body's without the speaker's name: its terms are not worked out again."""
    said = "中方对所罗门群岛政府作出承认一个中国原则的决定表示高度赞赏。我们支持G20峰会2025年的决定"
    known = cjk.Known()
    assert cjk.terms_of(f"毛宁：{said}\n\n记者：问题", known) == cjk.terms(f"毛宁：{said}\n\n记者：问题")
    worked_out: list[str] = []
    terms = cjk.terms
    monkeypatch.setattr(cjk, "terms", lambda text: worked_out.append(text) or terms(text))
    assert cjk.terms_of(said, known) == terms(said)
    assert said not in worked_out


words = st.text(alphabet="台湾外交部2025G20ab _・ー：:，。\u3099", max_size=12)


@example("台a", " ", "b c。台")  # a space cut inside a chain of words that a CJK character touches at one end
@given(words, st.sampled_from("：: ，。_"), words)
def test_the_terms_of_a_paragraph_that_ends_another_are_its_own(head, cut, paragraph):
    known = cjk.Known()
    known.TAIL = 1
    assert cjk.terms_of(head + cut + paragraph, known) == cjk.terms(head + cut + paragraph)
    assert cjk.terms_of(paragraph, known) == cjk.terms(paragraph)
