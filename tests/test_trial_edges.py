"""Edges found by the second user test: odd inputs, option combinations, archives that are missing or read-only."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES
from tests.processes import briefarc
from tests.test_crash import immutable


def test_a_named_pipe_in_a_folder_is_left_out(cli, db_file, tmp_path):
    """A FIFO named like a page in a folder: opening it waits for a writer, and the ingest hung for ever."""
    from briefarc.files.inputs import iter_inputs

    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(SAMPLES / "state-briefing.html", folder / "page.html")
    os.mkfifo(folder / "pipe.html")
    (folder / "gone.html").symlink_to(tmp_path / "nowhere.html")
    assert list(iter_inputs([str(folder)])) == [str(folder / "gone.html"), str(folder / "page.html")]
    result = cli("ingest", folder, "--db", db_file)
    assert result.code == 3  # the broken link is still reported, the page archived
    assert "Added 1," in result.stderr and "gone.html: no such file" in result.stderr


def test_watch_commands_make_no_archive_where_there_is_none(cli, tmp_path):
    """`watch list` at a mistyped --db made an empty archive there and said "No watches", as if it were the one."""
    missing = tmp_path / "archve.db"
    for args in (["list"], ["check"], ["remove", "taiwan"]):
        result = cli("watch", *args, "--db", missing)
        assert result.code == 1, args
        assert result.stderr.startswith(f"Error: No archive at {missing} yet: add pages with `briefarc ingest`")
    assert not missing.exists()


def test_watch_list_reads_an_archive_in_a_read_only_folder(tmp_path):
    """It opened the archive to write, and failed with "check that the folder exists and is writable"."""
    folder = tmp_path / "mounted"
    folder.mkdir()
    db_file = folder / "archive.db"
    adding = briefarc("watch", "add", "taiwan", "Taiwan", "--lang", "en", db=db_file)
    assert adding.wait(timeout=60) == 0
    assert sorted(path.name for path in folder.iterdir()) == ["archive.db"]  # no -wal or -shm file to write in
    if not immutable(folder):
        pytest.skip("cannot make a folder read-only for this user here (chattr unavailable)")
    try:
        process = briefarc("watch", "list", "--json", db=db_file)
        out, err = process.communicate(timeout=60)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)
    assert (process.returncode, err) == (0, "")
    assert '"name": "taiwan"' in out


FORMULA_BRIEFING = """<!doctype html><html><head><meta charset="utf-8">
<title>=Department Press Briefing – March 3, 2025</title>
<link rel="canonical" href="https://www.state.gov/briefings/department-press-briefing-march-3-2025/"></head>
<body><article>
<p>MR PRICE: Good afternoon, everyone. I have nothing at the top, so let us go straight to your questions today.</p>
<p>QUESTION: -2 percent growth is forecast for the region. Will the sanctions be lifted?</p>
<p>MR PRICE: The sanctions remain in place until the conditions we set out are met by the government in question.</p>
</article></body></html>"""


def test_turn_and_grouped_csv_take_csv_safe(cli, db_file, tmp_path):
    """`search --in questions --csv --csv-safe` wrote '-2 percent...' as it was, into a pipe as into a file: the
    option was dropped on the way to the turns (and to `--by source`)."""
    page = tmp_path / "briefing.html"
    page.write_text(FORMULA_BRIEFING, encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    turns = cli("search", "sanctions", "--in", "questions", "--csv", "--csv-safe", "--db", db_file)
    assert turns.code == 0
    assert ",'-2 percent growth" in turns.stdout
    grouped = cli("search", "sanctions", "--by", "source", "--csv", "--csv-safe", "--db", db_file)
    assert ",'=Department Press Briefing" in grouped.stdout
    exact = tmp_path / "turns.csv"  # a file named *.csv is made safe unless --no-csv-safe says not to
    with exact.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "briefarc", "search", "sanctions", "--in", "questions", "--csv",
                        "--no-csv-safe", "--db", str(db_file)], stdout=out, check=True, timeout=60)
    assert ",-2 percent growth" in exact.read_text(encoding="utf-8")


def test_turn_csv_names_the_site_as_the_table_does(cli, db_file):
    """Pages ingested without --source have no source: the table shows their site, the JSON has `site`, but the
    CSV had no such column and its `source` was empty on every line."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    result = cli("search", "tariffs", "--in", "questions", "--csv", "--db", db_file)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["site"] for row in rows)
    assert {row["site"] for row in rows} >= {"Ministry of Foreign Affairs of the People's Republic of China"}
    assert list(rows[0])[:5] == ["id", "turn", "date", "source", "site"]


def test_turn_search_sorts_by_date_and_refuses_by_source(cli, db_file):
    """--sort date and --by source were dropped without a word once --in or --outlet was given: the turns came
    best first, in a turn table."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    ranked = cli("search", "China", "--in", "questions", "--json", "--limit", "50", "--db", db_file).jsonl()
    newest = cli("search", "China", "--in", "questions", "--sort", "date", "--json", "--limit", "50", "--db",
                 db_file).jsonl()
    dates = [row["date"] for row in newest]
    assert len(set(dates)) > 1 and dates == sorted(dates, reverse=True)
    assert [row["date"] for row in ranked] != dates
    assert sorted((row["id"], row["turn"]) for row in ranked) == sorted((row["id"], row["turn"]) for row in newest)
    for args in (["China", "--in", "questions"], ["--outlet", "AFP"], ["--changed"]):
        refused = cli("search", *args, "--by", "source", "--db", db_file)
        assert refused.code == 2 and refused.stderr.startswith("Error: --by source groups"), args


def test_a_long_speaker_label_leaves_the_turn_text_room():
    """At 80 columns the speaker column took its 24 cells for one SENIOR ADMINISTRATION OFFICIAL NUMBER ONE among
    the hits, and the text of every turn was folded into a column two cells wide."""
    from rich.console import Console

    from briefarc.output.analysis import turns_table

    turns = [{"id": 292, "turn": 2, "date": "2022-03-16", "site": "U.S. Department of State", "role": "question",
              "speaker": "SENIOR ADMINISTRATION OFFICIAL NUMBER ONE", "text": "Thank you and good afternoon. " * 8},
             {"id": 293, "turn": 1, "date": "2022-03-16", "site": "U.S. Department of State", "role": "question",
              "speaker": "QUESTION", "text": "Let us discuss what is going on with the Secretary of State. " * 4}]
    for width, text_cells in ((80, 16), (100, 24), (120, 40)):
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(turns_table(turns))
        top = out.getvalue().splitlines()[0]
        assert len(top) == width and len(top.split("┳")[-1]) - 1 >= text_cells, (width, top)
    assert "SENIOR ADMINISTRATION" in out.getvalue()  # at 120 columns the label keeps its words whole


def test_log_never_says_to_fetch_a_saved_file(cli, db_file, tmp_path):
    """A listing ingested from a file with no address of its own keeps its absolute links to fetch; `log` said
    they were due on `briefarc fetch /path/to/listing.html`, which fetch refuses (no source of that name). (The
    corpus's Belarus listing served here until h140: its links are to localhost, no longer noted.)"""
    items = "".join(f'<li><a href="https://mfa.example/en/press/statements/{n}.html">Statement {n} on the talks</a>'
                    f" <span>2025-03-{n:02d}</span></li>" for n in range(1, 6))
    listing = tmp_path / "statements.html"
    listing.write_text(f"<html><head><title>Statements</title></head><body><h1>Statements</h1><ul>{items}</ul>"
                       "</body></html>", encoding="utf-8")
    assert cli("ingest", listing, "--db", db_file).code == 0
    shown = cli("log", "--db", db_file)
    assert shown.code == 0
    assert f"briefarc fetch {listing}" not in shown.stderr
    assert (f"the next due now (listed by the saved file {listing}: `briefarc fetch URL` takes a page): "
            "`briefarc log --pending` lists them." in shown.stderr)


def test_show_raw_names_the_option_it_does_not_go_with(cli, db_file):
    """`show 2 --turns --raw` and `show 2#4 --raw` said "--raw writes the original bytes and --json the record",
    naming an option nobody gave."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    turns = cli("show", "2", "--turns", "--raw", "--db", db_file)
    assert turns.code == 2
    assert turns.stderr == ("Error: --raw writes the whole page's original bytes: give the document's id alone "
                            "(`briefarc show 2 --raw`), without --turns.\n")
    turn = cli("show", "2#4", "--raw", "--db", db_file)
    assert turn.code == 2 and turn.stderr.endswith("(`briefarc show 2 --raw`), without #4.\n")
    assert "--json" in cli("show", "2", "--raw", "--json", "--db", db_file).stderr


def test_keywords_of_no_documents_says_so(cli, db_file):
    """`keywords --since 2030` said the selected documents had no word over-represented: there were none."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    result = cli("keywords", "--since", "2030", "--db", db_file)
    assert (result.code, result.stdout) == (0, "")
    assert result.stderr == "No documents match the filters: nothing to compare.\n"
    few = cli("keywords", "--since", "2025", "--min-count", "1000", "--db", db_file)
    assert few.stderr == "No keywords: the selected documents have no word over-represented often enough.\n"


def test_readme_show_example_names_the_document_it_shows(cli, db_file):
    """The README's `briefarc show 13` showed the State Department briefing, which `ingest data/samples` files as
    document 12 (13 is the Pakistan statement)."""
    import re

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"^\$ briefarc show (\d+)\nDocument (\d+)\nTitle +(.+)$", readme, re.MULTILINE)
    assert examples
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    for number, heading, title in examples:
        assert number == heading
        assert cli("show", number, "--json", "--db", db_file).jsonl()[0]["title"] == title


def test_sources_add_refuses_a_selector_it_cannot_read(cli, db_file):
    """`--item-selector '[[['` was saved, and every fetch of the source then failed with 'internal error while
    reading the source: SelectolaxError: Can't parse CSS selector.'"""
    for option in ("--item-selector", "--next-selector"):
        result = cli("sources", "add", "mine", "https://example.org/news/", "--kind", "listing", option, "a,",
                     "--db", db_file)
        assert result.code == 2
        assert result.stderr == f"Error: {option} 'a,' is not a CSS selector briefarc can read, such as " \
                                "'h3 a[href]' or 'a.next'.\n"
    assert not db_file.exists()
    assert cli("sources", "add", "mine", "https://example.org/news/", "--kind", "listing", "--item-selector",
               "h3 a[href]", "--db", db_file).code == 0


def test_fetch_of_an_address_with_user_info(cli, db_file, site):
    """http://user:pw@127.0.0.1:PORT/page was read by the fast path as the host "user" with the path
    ":pw@127.0.0.1:PORT/page": 'cannot resolve the host name 127.0.0.1:PORT'. Then the password was stored in
    the document's address, and shown by every command. It goes as an Authorization header to that site alone."""
    import base64
    import sqlite3

    from briefarc.net.direct import _target

    site.page("/briefing.html", (SAMPLES / "state-briefing.html").read_bytes(), content_type="text/html")
    address = site.url("/briefing.html").replace("http://", "http://qz-user:qz-p%40ss@")
    result = cli("fetch", address, "--retries", "0", "--db", db_file)
    assert result.code == 0, result.stderr
    assert site.hits("/briefing.html") == 1
    token = "Basic " + base64.b64encode(b"qz-user:qz-p@ss").decode()
    assert [seen.headers.get("authorization") for seen in site.requests] == [token, token]  # robots.txt too
    assert [seen.path for seen in site.requests] == ["/robots.txt", "/briefing.html"]
    with sqlite3.connect(db_file) as connection:
        dump = "\n".join(connection.iterdump())
    assert "qz-" not in dump
    assert site.url("/briefing.html") in dump
    assert "qz-" not in result.stdout + result.stderr + cli("list", "--db", db_file).stdout
    assert _target("http://user:pw@example.org/x") is None and _target("http://example.org:x/") is None
    assert _target("http://example.org?q=1").target == b"/?q=1"


def test_the_password_of_a_typed_address_never_follows_a_redirect_to_another_site(cli, db_file, sites):
    from tests import siteserver as ss

    own, other = sites(2)
    other.page("/briefing.html", (SAMPLES / "state-briefing.html").read_bytes(), content_type="text/html")
    own.route("/moved", ss.redirect(other.url("/briefing.html")))
    own.route("/here", ss.redirect(own.url("/moved")))
    result = cli("fetch", own.url("/here").replace("http://", "http://qz-user:qz-pass@"), "--retries", "0",
                 "--db", db_file)
    assert result.code == 0, result.stderr
    assert [bool(seen.headers.get("authorization")) for seen in own.requests if seen.path != "/robots.txt"] == [
        True, True]  # the site it was typed for, through its own redirect
    assert other.hits("/briefing.html") == 1
    assert not any(seen.headers.get("authorization") for seen in other.requests)


def test_an_address_that_cannot_be_fetched_is_named_without_its_password(cli, db_file):
    for address in ("http://qz-u:qz-pass@a..b/x", "http://qz-u:qz-pass@example.org:99999/x",
                    "http://qz-u:qz-pass@example.org/\tx", "http://qz-token@example.org/\u202ex"):
        for args in (("fetch", address), ("ingest", str(SAMPLES / "state-briefing.html"), "--url", address)):
            result = cli(*args, "--db", db_file)
            assert result.code == 2 and "qz-pass" not in result.stderr and "qz-token" not in result.stderr
            assert "***@" in result.stderr
    assert not db_file.exists()


def test_a_user_name_and_password_in_a_location_are_neither_sent_nor_stored(cli, db_file, site):
    import sqlite3

    from tests import siteserver as ss

    site.page("/briefing.html", (SAMPLES / "state-briefing.html").read_bytes(), content_type="text/html")
    site.route("/go", ss.redirect(site.url("/briefing.html").replace("http://", "http://qz-evil:x@")))
    assert cli("fetch", site.url("/go"), "--retries", "0", "--db", db_file).code == 0
    assert not any(seen.headers.get("authorization") for seen in site.requests)
    with sqlite3.connect(db_file) as connection:
        assert "qz-evil" not in "\n".join(connection.iterdump())


def test_fetch_of_an_unknown_name_is_a_usage_error_that_helps(cli, db_file):
    """`fetch www.mofa.gov.pk/press` (an address copied without its scheme) and `fetch mofa-pak` said "No source
    named ...: `briefarc sources list` shows them" with exit 1; `fetch MOFA-PK` failed as well. README: an unknown
    source is a usage error."""
    address = cli("fetch", "www.mofa.gov.pk/press", "--db", db_file)
    assert address.code == 2
    assert address.stderr == ("Error: 'www.mofa.gov.pk/press' is no source's name: to fetch a web address, give "
                              "it whole, as in https://www.mofa.gov.pk/press\n")
    typo = cli("fetch", "mofa-pak", "--db", db_file)
    assert typo.code == 2 and typo.stderr.startswith("Error: No source named 'mofa-pak'. Did you mean mofa-pk? ")
    assert not db_file.exists()
    from briefarc.cli.fetching import _source_name

    assert _source_name("MOFA-PK", ["fmprc-en", "mofa-pk"]) == "mofa-pk"  # in any case, as --source takes it


def test_parse_reads_a_warc_file_record_by_record(cli, tmp_path):
    """`parse pages.warc.gz` read the whole WARC file as one HTML page: a document of WARC headers, with the
    warnings 'the page declares utf-8 but its bytes do not fit it'. ingest reads it record by record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "pages.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for name, address in (("state-briefing.html", "https://www.state.gov/briefings/b/"),
                              ("mea-briefing.html", "https://www.mea.gov.in/media-briefings.htm?dtl/1")):
            data = (SAMPLES / name).read_bytes()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(address, "response", payload=io.BytesIO(data),
                                                          length=len(data), http_headers=http))
    result = cli("parse", archive, "--json")
    assert (result.code, result.stderr) == (0, "")
    assert [row["url"] for row in result.jsonl()] == ["https://www.state.gov/briefings/b/",
                                                      "https://www.mea.gov.in/media-briefings.htm?dtl/1"]
    assert result.jsonl()[0]["title"] == "Department Press Briefing – July 29, 2025"
    shown = cli("parse", archive)
    assert shown.stdout.startswith(f"{archive}#<urn:uuid:")
    assert cli("parse", archive, "--url", "https://example.org/").code == 2


def test_corpus_commands_take_csv_safe_both_ways(cli, db_file, tmp_path):
    """`kwic China --csv > kwic.csv` put a ' before 307 right contexts of the real archive ('-EU cooperation',
    '-Canada Consular Agreement') and, unlike search, list and export, kwic had no --no-csv-safe to keep them."""
    page = tmp_path / "statement.html"
    page.write_text("<html><head><title>Statement on China-EU relations</title></head><body><article>"
                    "<p>The China-EU summit will be held next week, and China-EU trade will be discussed.</p>"
                    "<p>Both sides will also discuss the climate and the China-EU investment agreement.</p>"
                    "</article></body></html>", encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    guarded = cli("kwic", "China", "--csv", "--csv-safe", "--db", db_file)
    assert guarded.code == 0 and ",China,'-EU investment agreement." in guarded.stdout
    exact = tmp_path / "kwic.csv"
    with exact.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", "briefarc", "kwic", "China", "--csv", "--no-csv-safe", "--db",
                        str(db_file)], stdout=out, check=True, timeout=60)
    assert ",China,-EU investment agreement." in exact.read_text(encoding="utf-8")
    for command in (["outlets"], ["speakers"], ["trend", "China"], ["collocates", "China"],
                    ["keywords", "--since", "2030"], ["parallel", "--gaps"]):
        assert cli(*command, "--csv", "--no-csv-safe", "--db", db_file).code == 0, command


def test_log_of_a_mistyped_source_says_so(cli, db_file):
    """`log --source mofa-pak` answered "No failed requests." (exit 0): the typo read as a clean record."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    for args in ([], ["--pending"], ["--all"]):
        result = cli("log", "--source", "mofa-pak", *args, "--db", db_file)
        assert result.code == 2, args
        assert result.stderr.startswith("Error: No source named 'mofa-pak'. Did you mean mofa-pk? Known sources: ")
    assert cli("log", "--source", "MOFA-PK", "--db", db_file).code == 0


def test_watch_add_notes_a_lower_case_operator_as_search_does(cli, db_file):
    """`watch add tw 'taiwan or 台湾'` saved a search for both words without a word; search itself notes that
    'or' in lower case is searched as a word."""
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    result = cli("watch", "add", "tw", "taiwan or 台湾", "--db", db_file)
    assert result.code == 0
    assert result.stderr == ("Note: 'or' is searched as a word; write OR to use it as an operator.\n"
                             "Watching 'taiwan or 台湾' as 'tw'.\n")


def test_counts_of_one_are_singular(cli, db_file, tmp_path):
    """An archive of one page: 'Re-extracted 1 documents', 'Exported 1 document (1 records)', 'Checked 1 raw
    pages, 1 snapshots and 1 documents', 'Document 1: 1 version(s)'."""
    assert cli("ingest", SAMPLES / "state-briefing.html", "--db", db_file).code == 0
    assert cli("reparse", "1", "--db", db_file).stderr == "Re-extracted 1 document: 0 changed, 0 failed.\n"
    exported = cli("export", "-o", tmp_path / "one.warc.gz", "--db", db_file).stderr
    assert exported == f"Exported 1 document (1 record) to {tmp_path / 'one.warc.gz'}.\n"
    checked = cli("verify", "--db", db_file).stderr
    assert checked == f"Checked 1 raw page, 1 snapshot and 1 document in {db_file}: no problems.\n"
    assert cli("history", "1", "--db", db_file).stdout.startswith("Document 1: 1 version, published 2025-07-29")
