"""`briefarc export` in every format, on real SQLite files: contents, filters, streaming, hostile text, errors."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tracemalloc
from contextlib import closing

import pytest
from markdown_it import MarkdownIt
from warcio.archiveiterator import ArchiveIterator

from briefarc.export import export
from briefarc.export.files import output_file
from briefarc.models import Document, RawPage, Turn
from briefarc.store.db import open_database
from briefarc.store.documents import get_document, save_document
from briefarc.store.sources import ensure_source
from briefarc.store.stream import iter_records

HOSTILE_TITLE = "../../etc/passwd [red]x[/red] <script>alert(1)</script> \x1b[31m\u2028CON"
STATE_URL = "https://www.state.gov/briefings/department-press-briefing-july-29-2025/"


def html(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>".encode()


@pytest.fixture
def archive(db_file):
    """Four documents: a fetched State briefing (two versions), a transcript from a file, a hostile page,
    a Chinese statement. A Document's url is what the extractor would set from the page's address."""
    db = open_database(db_file)
    state = ensure_source(db, "state")
    headers = {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"'}
    fetched = dict(url=STATE_URL, origin=STATE_URL, content_type="text/html; charset=utf-8", headers=headers)
    save_document(db, Document(title="Department Press Briefing", published="2025-07-29", kind="briefing",
                               spokesperson="Tammy Bruce", language="en", site_name="U.S. Department of State",
                               url=STATE_URL, paragraphs=["Good afternoon.", "We have no further announcements."]),
                  RawPage(data=html("Briefing", "Good afternoon."), fetched_at="2025-07-29T20:00:00Z", **fetched),
                  source_id=state)
    save_document(db, Document(title="Department Press Briefing", published="2025-07-29", kind="briefing",
                               spokesperson="Tammy Bruce", language="en", site_name="U.S. Department of State",
                               url=STATE_URL, paragraphs=["Good afternoon.", "One correction to the transcript."]),
                  RawPage(data=html("Briefing", "Correction."), fetched_at="2025-07-30T09:00:00Z", **fetched),
                  source_id=state)
    save_document(db, Document(
        title="Transcript of the Press Briefing", published="2025-01-16", kind="briefing", language="en",
        spokesperson="Shafqat Ali Khan", turns=[Turn("Spokesperson", "statement", "Assalam o Alaikum."),
                                                Turn("Question", "question", "What about *Torkham*?"),
                                                Turn("Shafqat Ali Khan", "answer", "# It remains closed.")],
        paragraphs=["Assalam o Alaikum.", "What about *Torkham*?", "# It remains closed."]),
        RawPage(data=html("Transcript", "Assalam o Alaikum."), origin="/saved/transcript.html"))
    save_document(db, Document(title=HOSTILE_TITLE, published="2025-03-01", kind="statement", language="en",
                               url="https://evil.example/a b\r\nWARC-Type: x",
                               paragraphs=["1. <img src=x onerror=alert(1)> [link](javascript:alert(1))",
                                           "Line with \x07bell and \u2029 separator", "- not a list\n===="]),
                  RawPage(data=html("evil", "x"), origin="/saved/evil.html", url=None))
    with db.conn:  # stored as an older briefarc kept it (it now stores the address normalised, without CR LF)
        db.execute("UPDATE documents SET url = ? WHERE url LIKE 'https://evil.example/%'",
                   ["https://evil.example/a b\r\nWARC-Type: x"])
    save_document(db, Document(title="外交部发言人就有关问题答记者问", published="2025-03-12", kind="statement",
                               language="zh", url="https://www.fmprc.gov.cn/x",
                               paragraphs=["中方欢迎更多外国朋友来华。"]),
                  RawPage(data=html("外交部", "中方"), origin="https://www.fmprc.gov.cn/x",
                          url="https://www.fmprc.gov.cn/x"))
    return db_file


def run(cli, archive, *args):
    return cli("export", *args, "--db", archive)


# JSON Lines -------------------------------------------------------------------------------------------

def test_jsonl_holds_the_full_record_of_every_document(cli, archive):
    result = run(cli, archive)
    assert result.code == 0, result.stderr
    records = result.jsonl()
    db = open_database(archive)
    assert records == [json.loads(json.dumps(get_document(db, r["id"]), default=str)) for r in records]
    assert [r["id"] for r in records] == [1, 2, 3, 4]
    first = records[0]
    assert first["source"] == "state" and first["versions"] == 2 and len(first["sha256"]) == 64
    assert first["archived_at"] == "2025-07-29T20:00:00Z"
    assert records[1]["turns"][2] == {"speaker": "Shafqat Ali Khan", "role": "answer", "text": "# It remains closed."}
    assert "Exported 4 documents to <stdout>." in result.stderr


def test_records_leave_out_the_search_terms_of_chinese_text(cli, archive):
    """cjk_title and cjk_body (the character pairs the full-text index searches) were a fourth of a Chinese
    document's JSON in every export and in show --json (helper-75); the database keeps them."""
    chinese = [record for record in run(cli, archive).jsonl() if record["language"] == "zh"]
    shown = json.loads(cli("show", str(chinese[0]["id"]), "--json", "--db", archive).stdout)
    for record in (chinese[0], shown):
        assert not [name for name in record if name.startswith("cjk_")] and "来华" in record["body"]
    header = run(cli, archive, "-f", "csv").stdout.splitlines()[0]
    assert "cjk_" not in header and "body" in header
    with closing(sqlite3.connect(archive)) as conn:
        assert "来华" in conn.execute("SELECT cjk_body FROM documents WHERE language = 'zh'").fetchone()[0]


def test_jsonl_lines_cannot_be_split_by_hostile_text(cli, archive):
    result = run(cli, archive, "-o", "-")
    assert len(result.stdout.splitlines()) == 4  # str.splitlines breaks on \u2028 and \u2029 too
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    hostile = result.jsonl()[2]
    assert hostile["title"] == HOSTILE_TITLE


def test_filters_are_those_of_list(cli, archive):
    assert [r["id"] for r in run(cli, archive, "--source", "state").jsonl()] == [1]
    assert [r["id"] for r in run(cli, archive, "--lang", "zh").jsonl()] == [4]
    assert [r["id"] for r in run(cli, archive, "--since", "2025-03", "--kind", "statement").jsonl()] == [3, 4]
    assert [r["id"] for r in run(cli, archive, "--spokesperson", "shafqat").jsonl()] == [2]
    assert [r["id"] for r in run(cli, archive, "--changed").jsonl()] == [1]
    empty = run(cli, archive, "--until", "2020")
    assert (empty.code, empty.stdout) == (0, "")
    assert "Exported 0 documents" in empty.stderr


def test_jsonl_to_a_file_replaces_it_whole(cli, archive, tmp_path):
    out = tmp_path / "all.jsonl"
    out.write_text("old contents\n")
    result = run(cli, archive, "-o", out, "--json")
    assert result.code == 0 and result.stdout == ""
    assert json.loads(result.stderr)["documents"] == 4
    assert [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()] == [1, 2, 3, 4]
    assert not list(tmp_path.glob("*.part"))


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "keep.jsonl"
    out.write_text("precious\n")
    with pytest.raises(RuntimeError), output_file(out, binary=False) as handle:
        handle.write("half of it")
        raise RuntimeError("disk trouble")
    assert out.read_text() == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.jsonl"]


# CSV --------------------------------------------------------------------------------------------------

def test_csv_is_a_flat_subset_with_the_body(cli, archive, tmp_path):
    out = tmp_path / "all.csv"
    assert run(cli, archive, "-f", "csv", "-o", out).code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [row["id"] for row in rows] == ["1", "2", "3", "4"]
    assert rows[0]["body"] == "Good afternoon.\n\nOne correction to the transcript."
    assert rows[0]["source"] == "state" and rows[0]["url"] == STATE_URL and len(rows[0]["sha256"]) == 64
    assert "\x1b[31m" in rows[2]["title"]  # a file gets the exact text; only a terminal gets it made visible
    assert rows[3]["title"] == "外交部发言人就有关问题答记者问"


def test_every_format_tells_removed_documents_and_versions(cli, archive, tmp_path):
    with closing(sqlite3.connect(archive)) as conn, conn:
        conn.execute("UPDATE documents SET removed_at = '2025-08-01T00:00:00Z' WHERE id = 1")
    assert run(cli, archive, "-f", "csv", "-o", tmp_path / "all.csv").code == 0
    assert run(cli, archive, "-f", "markdown", "-o", tmp_path / "md").code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text("utf-8"), newline="")))
    meta = front_matter(next((tmp_path / "md").glob("*-1.md")).read_text("utf-8"))
    record = run(cli, archive).jsonl()[0]
    assert (rows[0]["removed_at"], rows[0]["versions"]) == ("2025-08-01T00:00:00Z", "2")
    assert (meta["removed_at"], meta["versions"]) == ("2025-08-01T00:00:00Z", 2)
    assert (record["removed_at"], record["versions"]) == ("2025-08-01T00:00:00Z", 2)
    assert (rows[1]["removed_at"], rows[1]["versions"]) == ("", "1")


# Markdown ---------------------------------------------------------------------------------------------

def front_matter(text: str) -> dict:
    """Every value is written as JSON, a subset of YAML: read each one back with json."""
    lines = text.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    return {key: json.loads(value) for key, _, value in (line.partition(": ") for line in lines[1:end])}


def test_markdown_is_one_safely_named_file_per_document(cli, archive, tmp_path):
    folder = tmp_path / "notes" / "briefings"
    folder.parent.mkdir()  # the folder named with -o is made, not the ones above it
    result = run(cli, archive, "-f", "markdown", "-o", folder)
    assert result.code == 0, result.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "2025-01-16-transcript-of-the-press-briefing-2.md",
        "2025-03-01-etc-passwd-red-x-red-script-alert-1-script-31m-con-3.md",
        "2025-03-12-外交部发言人就有关问题答记者问-4.md",
        "2025-07-29-department-press-briefing-1.md",
    ]
    assert all(p.parent == folder for p in folder.iterdir())
    meta = front_matter((folder / names[3]).read_text("utf-8"))
    assert meta["title"] == "Department Press Briefing" and meta["source"] == "state"
    assert meta["spokesperson"] == "Tammy Bruce" and meta["url"] == STATE_URL and meta["id"] == 1
    assert front_matter((folder / names[1]).read_text("utf-8"))["title"] == HOSTILE_TITLE
    assert front_matter((folder / names[2]).read_text("utf-8"))["title"] == "外交部发言人就有关问题答记者问"


def test_markdown_body_shows_web_text_as_text(cli, archive, tmp_path):
    assert run(cli, archive, "-f", "markdown", "-o", tmp_path / "md").code == 0
    text = next((tmp_path / "md").glob("*-3.md")).read_text("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\u2028" not in text.split("---")[1]
    rendered = MarkdownIt("commonmark").render(text.split("---\n", 2)[2])
    assert "<script" not in rendered and "<img" not in rendered and "<a " not in rendered
    assert "<ol" not in rendered and "<ul" not in rendered and rendered.count("<h1>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_markdown_transcript_is_labelled_turn_by_turn(cli, archive, tmp_path):
    assert run(cli, archive, "-f", "markdown", "-o", tmp_path / "md").code == 0
    text = next((tmp_path / "md").glob("*-2.md")).read_text("utf-8")
    rendered = MarkdownIt("commonmark").render(text.split("---\n", 2)[2])
    assert "<strong>Question:</strong> What about *Torkham*?" in rendered
    assert "<strong>Shafqat Ali Khan:</strong> # It remains closed." in rendered
    assert rendered.count("<h1>") == 1 and "<em>" not in rendered


def test_a_markdown_file_name_says_to_give_a_folder(cli, archive, tmp_path):
    """`-o notes.md` wrote JSON Lines into notes.md ("any other name"): Markdown is a folder of files."""
    result = cli("export", "-o", tmp_path / "notes.md", "--db", archive)
    assert result.code == 2 and "give -o a folder" in result.stderr
    assert not (tmp_path / "notes.md").exists()
    assert cli("export", "-f", "jsonl", "-o", tmp_path / "notes.md", "--db", archive).code == 0  # as asked


def test_markdown_export_again_replaces_a_renamed_documents_file(cli, archive, tmp_path):
    folder = tmp_path / "md"
    assert run(cli, archive, "-f", "markdown", "-o", folder).code == 0
    (folder / "2025-01-01-my-own-notes-1.txt").write_text("mine")
    (folder / "notes-about-1.md").write_text("mine too")
    with closing(sqlite3.connect(archive)) as conn, conn:
        conn.execute("UPDATE documents SET title = 'Department Press Briefing (corrected)' WHERE id = 1")
    assert run(cli, archive, "-f", "markdown", "-o", folder).code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert "2025-07-29-department-press-briefing-corrected-1.md" in names
    assert "2025-07-29-department-press-briefing-1.md" not in names
    assert {"2025-01-01-my-own-notes-1.txt", "notes-about-1.md"} <= set(names) and len(names) == 6


# WARC -------------------------------------------------------------------------------------------------

def read_records(path):
    with open(path, "rb") as handle:
        return [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read())
                for r in ArchiveIterator(handle, check_digests="raise")]


def test_warc_has_warcinfo_then_a_record_per_current_snapshot(cli, archive, tmp_path):
    out = tmp_path / "archive.warc.gz"
    result = run(cli, archive, "-f", "warc", "-o", out)
    assert result.code == 0, result.stderr
    assert "Exported 4 documents (4 records)" in result.stderr
    assert out.read_bytes()[:2] == b"\x1f\x8b"
    records = read_records(out)
    assert [r[0] for r in records] == ["warcinfo", "response", "request", "resource", "response", "response"]
    _, state, http, body = records[1]
    assert state.get_header("WARC-Target-URI") == STATE_URL
    assert state.get_header("WARC-Date") == "2025-07-30T09:00:00Z"
    assert state.get_header("WARC-Payload-Digest").startswith("sha1:")
    assert body == html("Briefing", "Correction.") and http.get_header("ETag") == '"v1"'
    assert records[2][1].get_header("WARC-Concurrent-To") == state.get_header("WARC-Record-ID")
    transcript = records[3]
    db = open_database(archive)
    assert transcript[1].get_header("WARC-Target-URI") == f"urn:sha256:{get_document(db, 2)['sha256']}"
    assert transcript[1].get_header("Content-Type") == "text/html"
    assert records[5][1].get_header("WARC-Target-URI") == "https://www.fmprc.gov.cn/x"
    assert records[5][2].get_statuscode() == "200" and records[5][2].get_header("Content-Type") == "text/html"


def test_warc_all_versions_and_plain_warc(cli, archive, tmp_path):
    out = tmp_path / "state.warc"
    assert run(cli, archive, "-f", "warc", "--all-versions", "--source", "state", "-o", out).code == 0
    assert out.read_bytes().startswith(b"WARC/1.0\r\n")
    responses = [r for r in read_records(out) if r[0] == "response"]
    assert [r[1].get_header("WARC-Date") for r in responses] == ["2025-07-29T20:00:00Z", "2025-07-30T09:00:00Z"]
    assert [r[3] for r in responses] == [html("Briefing", "Good afternoon."), html("Briefing", "Correction.")]


def test_warc_leaves_out_damaged_snapshots_and_says_so(cli, archive, tmp_path):
    with closing(sqlite3.connect(archive)) as conn, conn:
        digest = conn.execute("SELECT sha256 FROM snapshots WHERE document_id = 4").fetchone()[0]
        conn.execute("UPDATE blobs SET data = ? WHERE sha256 = ?", (b"not zlib at all", digest))
    out = tmp_path / "partial.warc.gz"
    result = run(cli, archive, "-f", "warc", "-o", out)
    assert result.code == 3
    assert "Exported 3 documents (3 records)" in result.stderr
    assert "failed: document 4, snapshot 5: its raw bytes cannot be decompressed" in result.stderr
    assert len([r for r in read_records(out) if r[0] in ("response", "resource")]) == 3


def test_warc_target_uri_cannot_be_broken_by_a_stored_url(tmp_path, archive):
    db = open_database(archive)
    out = tmp_path / "x.warc.gz"
    export(db, "warc", output=str(out))
    uris = [r[1].get_header("WARC-Target-URI") for r in read_records(out) if r[0] != "warcinfo"]
    assert "https://evil.example/a%20b%0D%0AWARC-Type:%20x" in uris


# Streaming --------------------------------------------------------------------------------------------

def test_export_streams_rows_instead_of_loading_the_archive(db_file, tmp_path):
    db = open_database(db_file)
    paragraph = "The spokesperson answered questions on trade, visas and the border. " * 300  # ~20 KB
    for number in range(150):
        save_document(db, Document(title=f"Briefing {number}", paragraphs=[paragraph, str(number)]),
                      RawPage(data=(paragraph + str(number)).encode(), origin="x", url=f"https://x.example/{number}"))
    for fmt, name in (("jsonl", "a.jsonl"), ("warc", "a.warc.gz")):
        tracemalloc.start()
        report = export(db, fmt, output=str(tmp_path / name))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert report.documents == 150
        assert peak < 1_500_000, f"{fmt}: peak {peak} bytes for a {150 * len(paragraph):,}-byte archive"


def test_iter_records_is_lazy(archive):
    rows = iter_records(open_database(archive))
    assert next(rows)["id"] == 1  # a generator: nothing read past the first row yet


# Errors -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("args", "code", "message"), [
    (("-f", "pdf"), 2, "Unknown export format 'pdf': use one of jsonl, csv, markdown, warc."),
    (("-f", "markdown"), 2, "--format markdown writes one file per document: give a folder with -o"),
    (("-f", "warc", "-o", "-"), 2, "--format warc writes a file: give its name with -o"),
    (("--all-versions",), 2, "--all-versions applies to --format warc only"),
    (("--since", "last week"), 2, "--since takes a date as YYYY-MM-DD"),
    (("--kind", "memo"), 2, "Unknown kind 'memo'"),
])
def test_usage_errors(cli, archive, args, code, message):
    result = run(cli, archive, *args)
    assert result.code == code
    assert message in result.stderr and result.stderr.startswith("Error: ")
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_output_in_a_missing_folder(cli, archive, tmp_path):
    result = run(cli, archive, "-f", "csv", "-o", tmp_path / "nowhere" / "out.csv")
    assert result.code == 1
    assert f"Cannot write {tmp_path / 'nowhere' / 'out.csv'}: the folder" in result.stderr
    assert "does not exist" in result.stderr


def test_output_that_is_the_wrong_kind_of_path(cli, archive, tmp_path):
    a_file = tmp_path / "taken.txt"
    a_file.write_text("x")
    result = run(cli, archive, "-f", "markdown", "-o", a_file)
    assert (result.code, "is a file: --format markdown needs a folder" in result.stderr) == (2, True)
    result = run(cli, archive, "-f", "jsonl", "-o", tmp_path)
    assert (result.code, "is a folder: give -o the name of a file" in result.stderr) == (2, True)


def test_export_without_an_archive(cli, tmp_path):
    result = cli("export", "--db", tmp_path / "none.db")
    assert result.code == 1
    assert "No archive at" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_warc_holds_a_feed_read_from_a_file_once_as_what_it_is(cli, db_file, tmp_path, site):
    """Not a text/html capture at each entry's address: the feed, once, as a resource with its own type."""
    from tests import fixture_sites as fx

    fx.state(site)
    feed = tmp_path / "feed.xml"
    feed.write_bytes(site.routes["/rss-feed/department-press-briefings/feed/"][0].body)
    assert cli("ingest", feed, "--url", "https://www.state.gov/feed/", "--db", db_file).code == 0
    out = tmp_path / "feed.warc.gz"
    result = cli("export", "-f", "warc", "-o", out, "--db", db_file)
    assert "Exported 4 documents (1 record)" in result.stderr
    records = [r for r in read_records(out) if r[0] != "warcinfo"]
    assert [(r[0], r[1].get_header("Content-Type"), r[3]) for r in records] == [
        ("resource", "application/rss+xml", feed.read_bytes())]


def test_a_markdown_file_name_cuts_a_long_title_between_words():
    from briefarc.export.markdown import SLUG_LENGTH, slug

    title = "Transcript of the Press Briefing by the Spokesperson on Thursday, 16th January 2025"
    assert slug(title) == "transcript-of-the-press-briefing-by-the-spokesperson-on"  # not "...-on-thur"
    assert slug("外交部" * 30) == ("外交部" * 30)[:SLUG_LENGTH]  # a run with no break is cut where it must
    assert slug("a-" + "外" * 100) == ("a-" + "外" * 100)[:SLUG_LENGTH]
