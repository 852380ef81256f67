"""Errors at one edge: the store speaks in the BriefarcError family, and the command line turns that
family (with OSError and interrupts) into one line; BRIEFARC_TRACEBACK shows each failed item's traceback."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

import briefarc.store.stats
from briefarc.cli import run
from briefarc.errors import DatabaseError
from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import save_document
from briefarc.store.stream import iter_records
from tests import siteserver as ss
from tests.conftest import SAMPLES


def page(text: str) -> tuple[Document, RawPage]:
    return Document(title=text, paragraphs=[text]), RawPage(data=f"<p>{text}</p>".encode(), origin=f"{text}.html")


def rename_documents_table(db_file) -> None:
    """Another program broke the archive: the documents table is gone under its name."""
    conn = sqlite3.connect(db_file, isolation_level=None)
    conn.execute("ALTER TABLE documents RENAME TO gone")
    conn.close()


def test_a_write_sqlite_refuses_leaves_the_store_as_a_database_error(db_file):
    save_document(open_database(db_file), *page("First"))
    read_only = sqlite_utils.Database(sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, isolation_level=None))
    with pytest.raises(DatabaseError, match="read-only") as raised:
        save_document(read_only, *page("Second"))
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)


def test_rows_streamed_from_a_broken_archive_fail_as_a_database_error(db_file):
    db = open_database(db_file)
    save_document(db, *page("First"))
    rename_documents_table(db_file)
    with pytest.raises(DatabaseError, match="no such table") as raised:
        list(iter_records(db))
    assert isinstance(raised.value.__cause__, sqlite3.OperationalError)


def test_the_cli_reports_a_broken_archive_in_one_line(cli, db_file):
    save_document(open_database(db_file), *page("First"))
    rename_documents_table(db_file)
    result = cli("list", "--db", db_file)
    assert result.code == 1
    assert result.stderr.startswith("Error: ") and "no such table: documents" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


HUGE = "99999999999999999999"


@pytest.mark.parametrize("args", [["list", "--limit", HUGE], ["search", "x", "--offset", HUGE], ["show", HUGE],
                                  ["history", HUGE], ["log", "--limit", HUGE]])
def test_a_number_too_large_for_sqlite_is_a_usage_error(cli, db_file, args):
    """Typer takes any int; SQLite's end at 2**63 - 1, and the OverflowError came out as a traceback."""
    save_document(open_database(db_file), *page("First"))
    result = cli(*args, "--db", db_file)
    assert result.code == 2 and result.stderr.startswith("Error: A number on the command line is too large")
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_offset_that_overflows_with_the_limit_is_told_so(cli, db_file):
    """`--offset 9223372036854775807` is the largest number itself: the message said numbers "go up to" it."""
    save_document(open_database(db_file), *page("First"))
    result = cli("search", "First", "--offset", str(2**63 - 1), "--db", db_file)
    assert result.code == 2 and "--offset plus --limit" in result.stderr


def test_an_error_outside_the_family_is_a_bug_and_keeps_its_traceback(db_file, monkeypatch):
    open_database(db_file)

    def broken(*args, **kwargs):
        raise RuntimeError("planted bug")

    monkeypatch.setattr(briefarc.store.stats, "archive_stats", broken)
    with pytest.raises(RuntimeError, match="planted bug"):
        run(["stats", "--db", str(db_file)])


def test_ingest_shows_the_traceback_of_a_failed_file_when_asked(cli, db_file, tmp_path, monkeypatch):
    (tmp_path / "empty.html").write_bytes(b"")
    good = SAMPLES / "state-briefing.html"
    quiet = cli("ingest", good, tmp_path / "empty.html", "--db", db_file)
    assert quiet.code == 3 and "empty.html" in quiet.stderr and "Traceback" not in quiet.stderr
    monkeypatch.setenv("BRIEFARC_TRACEBACK", "1")
    loud = cli("ingest", good, tmp_path / "empty.html", "--db", db_file)
    assert loud.code == 3  # the batch went on past the bad file
    assert "Traceback (most recent call last)" in loud.stderr and "InputError" in loud.stderr
    assert "Added 0, updated 0, unchanged 1, failed 1." in loud.stderr  # the good file was read again


def test_parse_shows_the_traceback_of_a_failed_file_when_asked(cli, tmp_path, monkeypatch):
    (tmp_path / "empty.html").write_bytes(b"")
    monkeypatch.setenv("BRIEFARC_TRACEBACK", "1")
    result = cli("parse", tmp_path / "empty.html", SAMPLES / "state-briefing.html", "--json")
    assert result.code == 3
    assert "Traceback (most recent call last)" in result.stderr and "InputError" in result.stderr
    assert len(result.jsonl()) == 1  # the good file still came out


def test_fetch_shows_the_traceback_of_a_failed_item_when_asked(cli, db_file, site, monkeypatch):
    site.route("/a/reset", ss.reset())
    site.page("/a/ok", (SAMPLES / "un-noon-briefing.html").read_bytes())
    site.page("/list.html", '<html><body><ul><li><a href="/a/reset">x</a></li>'
                            '<li><a href="/a/ok">y</a></li></ul></body></html>')
    cli("sources", "add", "faulty", site.url("/list.html"), "--kind", "listing", "--item-selector", "li a",
        "--db", db_file)
    monkeypatch.setenv("BRIEFARC_TRACEBACK", "1")
    result = cli("fetch", "faulty", "--delay", "0", "--retries", "0", "--db", db_file, "--json")
    assert result.code == 3
    assert "Traceback (most recent call last)" in result.stderr and "FetchFailure" in result.stderr
    assert result.jsonl()[0]["added"] == 1


def test_an_unknown_short_option_is_named_as_typed(cli, db_file):
    """`kwic -china` is read as the short options -c -h -i...: the error named "-c", which no one typed."""
    for command, word in ((["kwic", "-china"], "-china"), (["trend", "-taiwan", "--by", "year"], "-taiwan")):
        result = cli(*command, "--db", db_file)
        assert result.code == 2 and f"No such option: {word}." in result.stderr, result.stderr
    result = cli("list", "-x", "--db", db_file)
    assert result.code == 2 and "No such option: -x" in result.stderr


@pytest.mark.parametrize("command", [("search", "China"), ("ingest", SAMPLES), ("list",)])
def test_a_device_given_as_the_archive_is_named_so(cli, command):
    """--db /dev/null said 'cannot rollback - no transaction is active'."""
    result = cli(*command, "--db", "/dev/null")
    assert result.code == 1 and result.stderr.strip().splitlines() == [
        "Error: /dev/null is not a file (a device or a pipe): give --db the path of a database file."]
