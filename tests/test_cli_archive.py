"""The archive commands end to end: real files, a real SQLite database, the CLI as a user runs it."""

from __future__ import annotations

import gzip
import json
import os
import shutil

import pytest

from briefarc.models import ROLES
from briefarc.store.db import open_database
from tests.conftest import SAMPLES

SAMPLE_COUNT = len(list(SAMPLES.glob("*.html"))) - 1  # the listing page is no document: its links are pending
RECORD_KEYS = ["title", "subtitle", "author", "published", "language", "site_name", "url", "canonical_url", "kind",
               "spokesperson", "body", "paragraphs", "turns", "tags"]


@pytest.fixture
def archive(cli, db_file):
    result = cli("ingest", SAMPLES, "--db", db_file)
    assert result.code == 0, result.stderr
    return db_file


def test_every_command_has_help(cli):
    from briefarc.cli import app

    result = cli("--help")
    assert result.code == 0
    commands = [[c.name or c.callback.__name__] for c in app.registered_commands]
    for group in app.registered_groups:
        commands.append([group.name])
        commands += [[group.name, c.name] for c in group.typer_instance.registered_commands]
    assert ["sources", "add"] in commands and ["export"] in commands
    for command in commands:
        shown = cli(*command, "--help")
        assert shown.code == 0, command
        assert "Usage:" in shown.stdout and len(shown.stdout.splitlines()) > 3, command
        assert command[0] in result.stdout


def test_bare_commands_show_their_help(cli):
    for command in ([], ["sources"]):
        result = cli(*command)
        assert result.code == 0 and result.stdout.startswith("Usage:") and result.stderr == ""


def test_a_reader_that_stops_early_is_not_an_error(archive):
    import os
    import subprocess
    import sys

    env = {**os.environ, "BRIEFARC_DB": str(archive)}
    process = subprocess.Popen([sys.executable, "-m", "briefarc", "export", "--format", "jsonl"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(100)
    process.stdout.close()  # as `| head -c 100` does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert b"Traceback" not in err


FMPRC = "Ministry of Foreign Affairs of the People's Republic of China"


def test_ingest_samples_then_again(cli, db_file):
    first = cli("ingest", SAMPLES, "--db", db_file)
    assert first.code == 0
    assert f"Added {SAMPLE_COUNT}, updated 0, unchanged 0, failed 0." in first.stderr
    assert f"site assumed for 4 pages without a URL: {FMPRC} (from the host its links point to)" in first.stderr
    site = cli("list", "--source", FMPRC, "--db", db_file, "--json")  # named as --source takes it
    assert site.code == 0 and len(site.jsonl()) == 4, site.stderr
    again = cli("ingest", SAMPLES, "--db", db_file, "--json")
    assert again.code == 0
    summary = again.jsonl()[0]
    assumed = summary.pop("assumed_sites")
    assert summary.pop("listings") == {"pages": 1, "pending_items": 10, "links_without_address": 0,
                                       "links_to_private_addresses": 0}
    assert summary == {"added": 0, "updated": 0, "unchanged": SAMPLE_COUNT, "skipped": 0, "failed": [], "warnings": []}
    assert {"site": "United States Department of State", "reason": "from its canonical link", "pages": 1} in assumed
    assert {"site": FMPRC, "reason": "from the host its links point to", "pages": 4} in assumed  # fields


def test_ingest_goes_past_bad_files_and_keeps_the_good(cli, db_file, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SAMPLES / "state-briefing.html", folder / "a-good.html")
    (folder / "b-empty.html").write_bytes(b"")
    (folder / "c-image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "d-notes.htm").write_bytes(b"just a shopping list\nmilk\neggs\n" * 5)
    (folder / "e-broken.html.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    gzipped = folder / "f-good.html.gz"
    gzipped.write_bytes(gzip.compress((SAMPLES / "un-noon-briefing.html").read_bytes()))
    result = cli("ingest", folder, tmp_path / "missing.html", "--db", db_file)
    assert result.code == 3
    assert "Added 2, updated 0, unchanged 0, failed 5." in result.stderr
    for name in ("b-empty.html", "c-image.html", "d-notes.htm", "e-broken.html.gz", "missing.html"):
        assert name in result.stderr
    assert "Traceback" not in result.stderr
    listed = cli("list", "--db", db_file, "--json").jsonl()
    assert sorted(row["title"][:10] for row in listed) == ["Daily Pres", "Department"]


def test_a_cut_short_gzip_page_never_replaces_the_good_copy(cli, db_file, tmp_path):
    page = SAMPLES / "state-briefing.html"
    url = "https://www.state.example/briefings/department-press-briefing/"
    assert cli("ingest", page, "--url", url, "--db", db_file).code == 0
    packed = gzip.compress(page.read_bytes())
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(packed[: len(packed) * 6 // 10])
    result = cli("ingest", cut, "--url", url, "--db", db_file)
    assert result.code == 1 and "cut short" in result.stderr
    record = cli("show", "1", "--db", db_file, "--json").jsonl()[0]
    assert record["versions"] == 1 and len(record["paragraphs"]) > 20  # the good copy stands
    assert cli("parse", cut).code == 1  # its only input failed


@pytest.mark.parametrize("make", ["plain", "named", "two-members", "trailing-bytes"])
def test_a_gzipped_page_is_stored_with_its_own_deflate_stream_and_comes_back_whole(cli, db_file, tmp_path, make):
    import io
    import sqlite3
    import zlib

    page = (SAMPLES / "un-noon-briefing.html").read_bytes()
    if make == "named":  # a header with a file name and a time, as gzip(1) writes it
        buffer = io.BytesIO()
        with gzip.GzipFile("noon.html", "wb", fileobj=buffer, mtime=1700000000) as out:
            out.write(page)
        packed = buffer.getvalue()
    elif make == "two-members":
        packed = gzip.compress(page[:5000]) + gzip.compress(page[5000:])
    else:
        packed = gzip.compress(page, compresslevel=9) + (b"\0" * 8 if make == "trailing-bytes" else b"")
    (tmp_path / "noon.html.gz").write_bytes(packed)
    assert cli("ingest", tmp_path / "noon.html.gz", "--db", db_file).code == 0
    assert cli("show", "1", "--raw", "--db", db_file).stdout_bytes == page
    assert cli("verify", "--db", db_file).code == 0
    with sqlite3.connect(db_file) as conn:
        blob, size = conn.execute("SELECT data, size FROM blobs").fetchone()
    assert zlib.decompress(blob) == page and size == len(page)
    reused = blob[2:-4] in packed  # the file's deflate stream, not compressed again
    assert reused == (make in ("plain", "named"))


def test_ingest_stdin_with_url(cli, db_file):
    data = (SAMPLES / "news-dawn-style.html").read_bytes()
    result = cli("ingest", "-", "--url", "https://www.dawn.example/news/1/x?utm_source=feed", "--db", db_file,
                 stdin=data)
    assert result.code == 0, result.stderr
    row = cli("list", "--db", db_file, "--json").jsonl()[0]
    assert row["url"].startswith("https://www.dawn.example/")


def test_ingest_url_needs_one_file(cli, db_file):
    result = cli("ingest", SAMPLES, "--url", "https://example.org/x", "--db", db_file)
    assert result.code == 2
    assert "single page" in result.stderr


def test_ingest_source_name_is_recorded(cli, db_file):
    cli("ingest", SAMPLES / "mea-briefing.html", "--source", "saved-mea", "--new-source", "--db", db_file)
    assert cli("list", "--source", "saved-mea", "--db", db_file, "--json").jsonl()[0]["source"] == "saved-mea"


def test_search_table_json_and_csv(cli, archive):
    table = cli("search", "Taliban", "--db", archive)
    assert table.code == 0
    assert "Taliban" in table.stdout and "id" in table.stdout
    rows = cli("search", "Taliban", "--db", archive, "--json").jsonl()
    assert rows and all(row["highlights"] for row in rows)
    assert all(row["snippet"][start:end].lower() == "taliban"
               for row in rows for start, end in row["highlights"])
    assert {"id", "published", "source", "kind", "title", "url", "snippet", "highlights"} <= set(rows[0])
    csv_out = cli("search", "Taliban", "--db", archive, "--csv")
    header = ("id,published,published_date,published_utc,source,site,kind,language,spokesperson,title,url,snippet,"
              "highlights")
    assert csv_out.stdout.splitlines()[0] == header
    # published mixes days and instants with offsets; the two columns beside it are each of one form, as pandas'
    # to_datetime and R's lubridate read a column whole
    import csv
    import datetime
    import io

    read = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert all(datetime.date.fromisoformat(row["published_date"]) for row in read)
    assert all(row["published_utc"].endswith("Z") for row in read if row["published_utc"])
    assert any(row["published_utc"] for row in read)
    assert len(csv_out.stdout.strip().splitlines()) == len(rows) + 1


def test_search_punctuation_and_chinese(cli, archive):
    for query in ("U.S.-Pakistan", "Taliban's", "Asim Iftikhar: ", "台湾", "外交部"):
        result = cli("search", query, "--db", archive, "--json")
        assert result.code == 0, (query, result.stderr)
        assert result.jsonl(), query


def test_search_filters_and_sort(cli, archive):
    briefings = cli("search", "spokesperson", "--kind", "briefing", "--db", archive, "--json").jsonl()
    assert briefings and all(row["kind"] == "briefing" for row in briefings)
    chinese = cli("list", "--lang", "zh", "--db", archive, "--json").jsonl()
    assert chinese and all(row["language"] == "zh" for row in chinese)
    recent = cli("search", "spokesperson", "--since", "2025-07", "--sort", "date", "--db", archive, "--json").jsonl()
    dates = [row["published"][:10] for row in recent]
    assert dates == sorted(dates, reverse=True) and min(dates) >= "2025-07-01"
    one = cli("search", "spokesperson", "--limit", "1", "--offset", "1", "--db", archive, "--json").jsonl()
    assert len(one) == 1


def test_search_no_results_is_not_an_error(cli, archive):
    result = cli("search", "zzyzxnotaword", "--db", archive)
    assert result.code == 0
    assert result.stdout == ""
    assert "No documents match." in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["search", "Taliban AND"], 2, "ends with an operator"),
        (["search", '"open quote'], 2, "unclosed double quote"),
        (["search", "x", "--since", "last week"], 2, "--since takes a date"),
        (["search", "x", "--since", "2025-02-30"], 2, "not a date in the calendar"),
        (["list", "--until", "2025-13"], 2, "not a date in the calendar"),
        (["search", "x", "--kind", "memo"], 2, "Unknown kind"),
        (["search", "x", "--sort", "random"], 2, "Unknown sort"),
        (["search", "x", "--json", "--csv"], 2, "Choose one of --json and --csv"),
        (["show", "9999"], 1, "No document with id 9999"),
        (["show", "abc"], 2, "Give a document id"),
        (["list", "--limit", "0"], 2, "Invalid value"),
        (["search"], 2, "Give words to search for"),
        (["show", "1", "--raw", "--json"], 2, "choose one"),
        (["ingest", str(SAMPLES / "state-briefing.html"), "--url", "not a url"], 2, "--url takes a web address"),
    ],
)
def test_errors_are_one_line_with_exit_codes(cli, archive, args, code, message):
    result = cli(*args, "--db", archive)
    assert result.code == code
    assert message in result.stderr
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr


def test_search_changed_or_removed_needs_no_words(cli, db_file, tmp_path):
    page = (SAMPLES / "un-noon-briefing.html").read_text("utf-8")
    url = "https://press.un.example/en/2025/db250912.doc.htm"
    edited = tmp_path / "edited.html"
    edited.write_text(page.replace("</p>", " A sentence added later.</p>", 1), "utf-8")
    for path in (SAMPLES / "un-noon-briefing.html", edited):
        assert cli("ingest", path, "--url", url, "--db", db_file).code == 0
    assert cli("ingest", SAMPLES / "state-briefing.html", "--db", db_file).code == 0
    changed = cli("search", "--changed", "--db", db_file, "--json").jsonl()
    assert len(changed) == 1 and changed[0]["url"].endswith("/db250912.doc.htm")  # its canonical address
    assert cli("search", "--removed", "--db", db_file, "--json").jsonl() == []


def test_parse_url_must_be_a_web_address(cli):
    result = cli("parse", SAMPLES / "state-briefing.html", "--url", "ftp://x.example/a")
    assert result.code == 2 and "--url takes a web address" in result.stderr


def test_a_url_with_a_control_character_is_a_usage_error_and_a_password_is_not_kept(cli, db_file):
    """An escape or a tab in --url was stored in the document's address, a password with it."""
    page = SAMPLES / "state-briefing.html"
    for address in ("https://www.state.gov/x\x1b[31mred", "https://www.state.gov/a\tb", "https://a..b/x"):
        result = cli("ingest", page, "--url", address, "--db", db_file)
        assert result.code == 2 and result.stderr.startswith("Error: --url ") and "\n" not in result.stderr[:-1]
        assert "\x1b" not in result.stderr
    assert not db_file.exists()
    assert cli("ingest", page, "--url", "https://qz-user:qz-pass@www.state.gov/x", "--db", db_file).code == 0
    import sqlite3

    with sqlite3.connect(db_file) as connection:
        dump = "\n".join(connection.iterdump())
    assert "https://www.state.gov/x" in dump and "qz-" not in dump


def test_an_empty_folder_is_reported(cli, db_file, tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli("ingest", tmp_path / "empty", "--db", db_file)
    assert result.code == 1 and "no pages in it" in result.stderr


def test_an_empty_path_is_a_usage_error_not_the_current_folder(cli, db_file, tmp_path, monkeypatch):
    """`briefarc ingest "$DIR"` with DIR unset read the whole current folder (Path("") is "."): exit 0."""
    shutil.copy(SAMPLES / "state-briefing.html", tmp_path / "stray.html")
    monkeypatch.chdir(tmp_path)
    for command in (["ingest", "", "--db", db_file], ["parse", ""], ["parse", "stray.html", ""]):
        result = cli(*command)
        assert result.code == 2 and "empty path" in result.stderr, (command, result.stderr)
        assert result.stdout == ""
    assert not db_file.exists()


def test_an_empty_db_path_is_a_usage_error_not_the_current_folder(cli, tmp_path, monkeypatch):
    """`--db "$DB"` with DB unset named the current folder (Path("") is "."): "Error: . is a folder", exit 1."""
    monkeypatch.chdir(tmp_path)
    for command in (["ingest", str(SAMPLES), "--db", ""], ["search", "Taliban", "--db", ""], ["list", "--db", ""]):
        result = cli(*command)
        assert result.code == 2 and "empty path" in result.stderr and "--db" in result.stderr, (command, result.stderr)
        assert "env var" not in result.stderr  # it came from the flag
        assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []
    assert "--db <path>" in cli("list", "--help").stdout  # not the name of the function that reads it


def test_standard_input_named_twice_is_a_usage_error(cli, db_file):
    """`ingest - -` read standard input, then failed on the second, empty read and exited 3."""
    for command in (["ingest", "-", "-", "--db", db_file], ["parse", "-", "-"]):
        result = cli(*command, stdin=(SAMPLES / "state-briefing.html").read_bytes())
        assert result.code == 2 and "(-) can be read once" in result.stderr, (command, result.stderr)
    assert not db_file.exists()


def test_commands_on_a_missing_archive(cli, tmp_path):
    for command in (["search", "x"], ["list"], ["show", "1"], ["stats"]):
        result = cli(*command, "--db", tmp_path / "none.db")
        assert result.code == 1
        assert "No archive at" in result.stderr


def test_database_from_environment(cli, archive, monkeypatch):
    monkeypatch.setenv("BRIEFARC_DB", str(archive))
    assert cli("search", "Taliban", "--json").jsonl()
    assert cli("search", "Taliban", "--json").jsonl()  # the second run still sees the variable


def test_the_private_environment_outlives_cli_runs(cli, private_home, tmp_path):
    """Each test runs with its own data folder, no BRIEFARC_DB or BRIEFARC_TRACEBACK and wide output,
    before and after the CLI runs, whatever the user's shell holds (as with BRIEFARC_TRACEBACK=1 COLUMNS=60)."""
    from tests.conftest import environment_of

    for _ in range(2):
        assert cli("stats", "--db", tmp_path / "none.db").code == 1  # an error: re-raised if BRIEFARC_TRACEBACK
        assert {name: os.environ.get(name) for name in environment_of(private_home)} == environment_of(private_home)


def test_show_panel_json_and_raw(cli, archive):
    hit = cli("search", "noon briefing Dujarric", "--db", archive, "--json").jsonl()[0]
    panel = cli("show", str(hit["id"]), "--db", archive)
    assert panel.code == 0
    assert "Daily Press Briefing" in panel.stdout and "SHA-256" in panel.stdout
    assert "Spokesperson" in panel.stdout
    record = cli("show", str(hit["id"]), "--db", archive, "--json").jsonl()[0]
    assert record["turns"] and record["sha256"] and record["archived_at"]
    raw = cli("show", str(hit["id"]), "--db", archive, "--raw")
    assert raw.stdout_bytes == (SAMPLES / "un-noon-briefing.html").read_bytes()


def test_list_is_newest_first(cli, archive):
    rows = cli("list", "--db", archive, "--json", "--limit", "100").jsonl()
    assert len(rows) == SAMPLE_COUNT
    dated = [row["published"][:10] for row in rows if row["published"]]
    assert dated == sorted(dated, reverse=True)
    table = cli("list", "--db", archive)
    assert table.code == 0 and "title" in table.stdout


def test_stats(cli, archive):
    figures = cli("stats", "--db", archive, "--json").jsonl()[0]
    assert figures["documents"] == SAMPLE_COUNT
    assert sum(row["count"] for row in figures["by_kind"]) == SAMPLE_COUNT
    assert {row["value"] for row in figures["by_language"]} >= {"en", "zh"}
    assert figures["database_bytes"] > 0
    assert "Documents" in cli("stats", "--db", archive).stdout


def test_parse_json_lines_in_input_order(cli, tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"")
    files = [SAMPLES / "state-briefing.html", bad, SAMPLES / "china-mfa-zh.html"]
    result = cli("parse", *files, "--json")
    assert result.code == 3
    assert "bad.html" in result.stderr
    rows = result.jsonl()
    assert [row["language"] for row in rows] == ["en", "zh"]
    assert [row["file"] for row in rows] == [str(files[0]), str(files[2])]  # the bad file leaves a gap: say which
    assert list(rows[0])[: len(RECORD_KEYS)] == RECORD_KEYS
    assert rows[0]["body"] == "\n\n".join(rows[0]["paragraphs"])
    assert {turn["role"] for turn in rows[0]["turns"]} <= set(ROLES)


def test_parse_without_json_shows_a_panel(cli):
    result = cli("parse", SAMPLES / "mea-briefing.html", "--url", "https://www.mea.gov.in/media-briefings.htm?dtl/1/x")
    assert result.code == 0
    assert "Randhir Jaiswal" in result.stdout


def test_parse_shows_a_listings_links_and_its_next_page(cli, tmp_path):
    """A listing is no document: parse shows the links to articles it found, each under its date and title
    with its address whole, and the next page; relative links on a page that gives no address are counted,
    with the way to resolve them."""
    result = cli("parse", SAMPLES / "listing-china-mfa.html")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert "10 links to articles" in lines
    at = lines.index("2025-03-14    Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 14, "
                     "2025")
    assert lines[at + 1].strip() == "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202503/t20250314_11576102.html"
    assert lines[-1] == "Next page     https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index_1.html"
    assert "relative" not in result.stdout
    saved = tmp_path / "saved.html"  # the same page saved without its address, its links made relative
    page = (SAMPLES / "listing-china-mfa.html").read_text(encoding="utf-8")
    saved.write_text(page.replace("https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/", "./"), encoding="utf-8")
    relative = cli("parse", saved)
    assert relative.code == 0
    assert "10 of them and the next page relative: give the page's address with --url" in relative.stdout


def test_parse_shows_a_feed_of_links_as_a_listing(cli, tmp_path):
    """A feed whose entries carry no text of their own holds no document to show: parse shows its entries as a
    listing (title, date, link), where it reported an error; --json gives the listing's record."""
    feed = tmp_path / "releases.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Press releases</title>'
        "<link>https://www.state.gov/</link>"
        "<item><title>Secretary meets counterpart</title><link>https://www.state.gov/a/</link>"
        "<pubDate>Thu, 12 Aug 2021 10:00:00 -0400</pubDate></item>"
        "<item><title>On the national day</title><link>https://www.state.gov/b/</link></item></channel></rss>")
    shown = cli("parse", feed)
    assert shown.code == 0
    lines = shown.stdout.splitlines()
    assert "Kind          listing" in lines and "2 links to articles" in lines
    assert lines[lines.index("2021-08-12    Secretary meets counterpart") + 1].strip() == "https://www.state.gov/a/"
    [record] = cli("parse", feed, "--json").jsonl()
    assert record["kind"] == "listing" and [item["url"] for item in record["items"]] == [
        "https://www.state.gov/a/", "https://www.state.gov/b/"]


def test_page_text_is_never_markup_or_terminal_control(cli, archive):
    trap = SAMPLES / "statement-markup-trap.html"
    outputs = [cli("parse", trap).stdout, cli("parse", trap, "--json").stdout]
    hits = cli("search", "forged", "--db", archive, "--json").jsonl()
    assert hits
    doc_id = str(hits[0]["id"])
    outputs += [cli("search", "forged", "--db", archive).stdout, cli("show", doc_id, "--db", archive).stdout,
                cli("list", "--db", archive, "--limit", "100").stdout,
                cli("search", "forged", "--db", archive, "--csv").stdout]
    for output in outputs:
        assert "\x1b" not in output
        assert "\x07" not in output
    shown = cli("show", doc_id, "--db", archive).stdout
    assert "[bold]" in shown and "[link=file:///etc/passwd]" in shown
    assert "␛" in shown
    record = json.loads(cli("show", doc_id, "--db", archive, "--json").stdout)
    assert "\x1b" in record["body"]  # stored faithfully; JSON escapes it


def test_history_diff_and_sources_print_page_text_harmlessly(cli, db_file):
    url = "https://mofa.gov.pk/press-releases/trap"
    trap = (SAMPLES / "statement-markup-trap.html").read_bytes()
    cli("ingest", "-", "--url", url, "--db", db_file, stdin=trap)
    edited = trap.replace(b"press release pages.</p>",
                          b"pages. [red]More[/red] &#27;]8;;http://evil.example&#27;\\x&#27;]8;;&#27;\\</p>", 1)
    assert cli("ingest", "-", "--url", url, "--db", db_file, "--json", stdin=edited).jsonl()[0]["updated"] == 1
    doc_id = cli("list", "--db", db_file, "--json").jsonl()[0]["id"]
    # Source names are checked ([a-z0-9._-]); a title is free text.
    assert cli("sources", "add", "[bold]evil[/bold]", "https://e.org/feed", "--db", db_file).code == 2
    cli("sources", "add", "evil", "https://e.org/feed", "--title", "[bold]evil[/bold] \x1b[2Jwiped", "--db", db_file)
    outputs = [cli("history", str(doc_id), "--db", db_file).stdout, cli("diff", str(doc_id), "--db", db_file).stdout,
               cli("sources", "show", "evil", "--db", db_file).stdout,
               cli("sources", "list", "--db", db_file).stdout]
    for output in outputs:
        assert "\x1b" not in output and "\x07" not in output
    assert "[red]More[/red]" in outputs[1] and "[bold]evil[/bold]" in outputs[2] and "␛[2Jwiped" in outputs[2]


def test_list_by_archive_order(cli, archive, tmp_path):
    late = tmp_path / "late.html"
    late.write_text("<html><head><title>Statement on fisheries</title></head><body><h1>Statement on fisheries"
                    "</h1><p>The ministry welcomed the fisheries agreement signed today in the capital.</p>"
                    "<p>It will enter into force next month.</p></body></html>")
    cli("ingest", late, "--db", archive)
    rows = cli("list", "--sort", "archived", "--db", archive, "--json", "--limit", "3").jsonl()
    ids = [row["id"] for row in rows]
    assert ids == sorted(ids, reverse=True) and ids[0] == SAMPLE_COUNT + 1
    wrong = cli("list", "--sort", "rank", "--db", archive)
    assert wrong.code == 2 and "use date or archived" in wrong.stderr


def test_an_ingest_or_fetch_that_reads_nothing_leaves_no_archive_behind(cli, db_file, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    page = SAMPLES / "mea-briefing.html"
    attempts = [
        (1, ["ingest", tmp_path / "nonexistent"]),  # every input failed
        (1, ["ingest", empty]),  # a folder with no pages in it
        (2, ["ingest", page, "--source", "no-such-source"]),  # usage errors, after the archive was opened
        (2, ["ingest", page, page, "--url", "https://example.org/a"]),
        (2, ["fetch", "no-such-source"]),  # a usage error since cade3ce
    ]
    for code, args in attempts:
        result = cli(*args, "--db", db_file)
        assert result.code == code, (args, result.stderr)
        assert list(tmp_path.glob(db_file.name + "*")) == [], args  # neither the file nor its -wal and -shm
    open_database(db_file).conn.close()  # an archive that exists, empty, is kept as it is
    assert cli("ingest", tmp_path / "nonexistent", "--db", db_file).code == 1 and db_file.is_file()
    db_file.unlink()
    assert cli("ingest", page, tmp_path / "nonexistent", "--db", db_file).code == 3 and db_file.is_file()


def test_missing_folders_are_never_created_except_the_data_folder(cli, archive, tmp_path, monkeypatch):
    """One rule for every path briefarc writes: the folder it goes in must exist (it is named in the
    error); only the default data folder ($BRIEFARC_HOME, or the platform's) is made when missing."""
    missing = tmp_path / "a" / "b"
    attempts = {
        "x.db": ["ingest", SAMPLES / "mea-briefing.html", "--db", missing / "x.db"],
        "out.jsonl": ["export", "-o", missing / "out.jsonl", "--db", archive],
        "md": ["export", "-f", "markdown", "-o", missing / "md", "--db", archive],
    }
    for name, args in attempts.items():
        result = cli(*args)
        assert result.code == 1 and result.stdout == ""
        assert result.stderr == f"Error: Cannot write {missing / name}: the folder {missing} does not exist. " \
                                "Create it first.\n"
    assert not (tmp_path / "a").exists()
    home = tmp_path / "new" / "home"
    monkeypatch.setenv("BRIEFARC_HOME", str(home))
    assert cli("ingest", SAMPLES / "mea-briefing.html").code == 0
    assert (home / "briefarc.db").is_file()
