"""Versions, history, diff, reparse and the --changed/--removed filters, on real pages and databases."""

from __future__ import annotations

import pytest

from briefarc.diff import diff_versions, word_diff
from tests.conftest import SAMPLES

URL = "https://mofa.gov.pk/press-releases/transcript-16-january-2025"


def ingest_text(cli, db, html: str, url: str = URL):
    return cli("ingest", "-", "--url", url, "--db", db, "--json", stdin=html.encode("utf-8"))


@pytest.fixture
def transcript() -> str:
    return (SAMPLES / "mofa-briefing-transcript.html").read_text("utf-8")


def first_answer(html: str) -> tuple[int, int]:
    start = html.index("Answer:")
    return start, html.index("</p>", start)


def test_edited_transcript_makes_a_version_and_a_turn_by_turn_diff(cli, db_file, transcript):
    assert ingest_text(cli, db_file, transcript).jsonl()[0]["added"] == 1
    start, end = first_answer(transcript)
    edited = transcript[:start] + "Answer: We have nothing further to add on this matter today." + transcript[end:]
    assert ingest_text(cli, db_file, edited).jsonl()[0]["updated"] == 1
    doc_id = cli("list", "--db", db_file, "--json").jsonl()[0]["id"]

    versions = cli("history", str(doc_id), "--db", db_file, "--json").jsonl()
    assert [v["number"] for v in versions] == [1, 2]
    assert versions[1]["words_added"] > 0 and versions[1]["words_removed"] > 0
    assert versions[0]["sha256"] != versions[1]["sha256"]

    result = cli("diff", str(doc_id), "--db", db_file, "--json").jsonl()[0]
    assert (result["old"], result["new"]) == (1, 2)
    changed = [part for part in result["parts"] if part["op"] != "equal"]
    assert changed and all(part["role"] == "answer" for part in changed)
    inserted = " ".join(c["text"] for part in changed for c in part["changes"] if c["op"] == "insert")
    assert "nothing further to add" in inserted
    shown = cli("diff", str(doc_id), "1", "2", "--db", db_file)
    assert shown.code == 0 and "version 1 → 2" in shown.stdout and "nothing further" in shown.stdout

    assert [r["id"] for r in cli("search", "nothing further", "--changed", "--db", db_file, "--json").jsonl()] == [
        doc_id]
    assert cli("list", "--changed", "--db", db_file, "--json").jsonl()[0]["id"] == doc_id


def test_ingesting_older_copies_again_adds_no_version(cli, db_file, transcript):
    """Saved copies of one page, older and newer, ingested again (a folder or WARC read twice): the
    archive keeps the versions it has and the newest text stays the document's."""
    start, end = first_answer(transcript)
    edited = transcript[:start] + "Answer: We have nothing further to add on this matter today." + transcript[end:]
    ingest_text(cli, db_file, transcript)
    ingest_text(cli, db_file, edited)
    for html in (transcript, edited, transcript):
        assert ingest_text(cli, db_file, html).jsonl()[0]["updated"] == 0
    doc_id = cli("list", "--db", db_file, "--json").jsonl()[0]["id"]
    assert [v["number"] for v in cli("history", str(doc_id), "--db", db_file, "--json").jsonl()] == [1, 2]
    assert cli("search", "nothing further", "--db", db_file, "--json").jsonl()[0]["id"] == doc_id


def test_a_folder_of_copies_read_twice_adds_no_version(cli, db_file, tmp_path, transcript):
    """Three saved copies of one page: the second has the first's text in other bytes (a copy saved later
    that day), the third is edited. Read once, they make two versions; read again, the second copy (found
    unchanged the first time, so none of its bytes were stored) must not become a third."""
    transcript = transcript.replace("<head>", f'<head><link rel="canonical" href="{URL}">', 1)
    start, end = first_answer(transcript)
    edited = transcript[:start] + "Answer: We have nothing further to add on this matter today." + transcript[end:]
    folder = tmp_path / "copies"
    folder.mkdir()
    for name, html in (("1.html", transcript), ("2.html", transcript + "<!-- saved again -->"), ("3.html", edited)):
        (folder / name).write_text(html, "utf-8")
    ingest = ("ingest", str(folder), "--db", db_file, "--json")
    assert cli(*ingest).jsonl()[0]["updated"] == 1
    again = cli(*ingest).jsonl()[0]
    assert (again["updated"], again["unchanged"]) == (0, 3)
    doc_id = cli("list", "--db", db_file, "--json").jsonl()[0]["id"]
    assert [v["number"] for v in cli("history", str(doc_id), "--db", db_file, "--json").jsonl()] == [1, 2]
    assert cli("search", "nothing further", "--db", db_file, "--json").jsonl()[0]["id"] == doc_id


def test_removed_question_shows_as_a_deleted_turn(cli, db_file, transcript):
    ingest_text(cli, db_file, transcript)
    start = transcript.index("Question:")
    question_start = transcript.rindex("<p", 0, start)
    answer_end = transcript.index("</p>", transcript.index("Answer:", start)) + 4
    shorter = transcript[:question_start] + transcript[answer_end:]
    ingest_text(cli, db_file, shorter)
    doc_id = cli("list", "--db", db_file, "--json").jsonl()[0]["id"]
    parts = cli("diff", str(doc_id), "--db", db_file, "--json").jsonl()[0]["parts"]
    deleted = [p for p in parts if p["op"] == "delete"]
    assert {p["role"] for p in deleted} == {"question", "answer"}
    assert not [p for p in parts if p["op"] == "insert"]


def test_markup_and_whitespace_changes_are_not_versions(cli, db_file, transcript):
    ingest_text(cli, db_file, transcript)
    restyled = transcript.replace("<p>", '<p class="lead"  >').replace(". ", ".  \n ")
    assert ingest_text(cli, db_file, restyled).jsonl()[0]["unchanged"] == 1
    doc_id = cli("list", "--db", db_file, "--json").jsonl()[0]["id"]
    assert len(cli("history", str(doc_id), "--db", db_file, "--json").jsonl()) == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["history", "999"], 1, "No document with id 999"),
        (["diff", "999"], 1, "No document with id 999"),
        (["diff", "{id}"], 1, "has one version only"),  # the archive's state, not a usage error
        (["diff", "{id}", "1"], 2, "Give two version numbers"),
        (["diff", "{id}", "1", "7"], 1, "has no version 7"),
        (["reparse"], 2, "Give document ids, or --all"),
        (["reparse", "{id}", "--all"], 2, "Give document ids, or --all"),
        # a turn where a document is wanted was "Invalid value for 'ID': '5#3' is not a valid int."
        (["history", "{id}#3"], 2, "{id}#3 is turn 3 of document {id}: give the document's id, {id} (`briefarc show "
                                   "{id}#3` shows the turn)."),
        (["diff", "{id}#3"], 2, "{id}#3 is turn 3 of document {id}"),
        (["reparse", "{id}#3"], 2, "{id}#3 is turn 3 of document {id}"),
        (["parallel", "{id}#3"], 2, "{id}#3 is turn 3 of document {id}"),
        (["history", "abc"], 2, "Give a document id such as 12, not 'abc'."),
    ],
)
def test_history_errors(cli, db_file, transcript, args, code, message):
    ingest_text(cli, db_file, transcript)
    doc_id = str(cli("list", "--db", db_file, "--json").jsonl()[0]["id"])
    result = cli(*[a.replace("{id}", doc_id) for a in args], "--db", db_file)
    assert result.code == code
    assert message.replace("{id}", doc_id) in result.stderr and result.stderr.startswith("Error: ")


def test_reparse_upgrades_records_from_raw_bytes(cli, db_file):
    from briefarc.extract.core import extract
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import get_document, save_document

    data = (SAMPLES / "un-noon-briefing.html").read_bytes()
    db = open_database(db_file)
    stale = Document(title="Daily Press Briefing", paragraphs=["An older extractor kept only this."], kind="other")
    saved = save_document(db, stale, RawPage(data=data, origin="old", url="https://press.un.org/en/2025/db250912.doc.htm"))
    other = save_document(db, Document(title="Unrelated", paragraphs=["Text"]),
                          RawPage(data=b"<html><body><p>Text</p></body></html>", origin="x"))
    result = cli("reparse", str(saved.document_id), "--db", db_file, "--json")
    assert result.code == 0
    assert result.jsonl()[0]["changed"] == 1
    record = get_document(db, saved.document_id)
    fresh = extract(data, url="https://press.un.org/en/2025/db250912.doc.htm")
    assert record["body"] == fresh.body and record["kind"] == fresh.kind == "briefing"
    assert record["spokesperson"] == fresh.spokesperson
    assert cli("search", "Dujarric", "--db", db_file, "--json").jsonl()[0]["id"] == saved.document_id
    again = cli("reparse", "--all", "--db", db_file, "--json").jsonl()[0]
    assert again["checked"] == 2 and again["changed"] == 1  # the hand-made one changes, the fresh one not
    assert get_document(db, other.document_id)["versions"] == 1


def test_word_diff_marks_inserted_and_deleted_words():
    changes = word_diff("Pakistan welcomes the talks", "Pakistan cautiously welcomes talks")
    assert [(c.op, c.text) for c in changes] == [
        ("equal", "Pakistan"), ("insert", "cautiously"), ("equal", "welcomes"), ("delete", "the"),
        ("equal", "talks")]


def test_diff_of_paragraph_documents_pairs_reworded_paragraphs():
    old = {"number": 1, "title": "Statement", "body": "First paragraph stays.\n\nSecond one says yes.", "turns": []}
    new = {"number": 2, "title": "Statement (updated)", "body": "First paragraph stays.\n\nSecond one says no.",
           "turns": []}
    result = diff_versions(old, new)
    assert [p.op for p in result.parts] == ["equal", "replace"]
    assert result.added_words == 1 and result.removed_words == 1
    assert any(c.op == "insert" and c.text == "(updated)" for c in result.title)
