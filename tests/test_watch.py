"""briefarc watch: saved searches, their new hits after ingest and after fetch, and bad arguments."""

from __future__ import annotations

import shutil

from tests import fixture_sites as fx
from tests.conftest import SAMPLES

FAST = ("--delay", "0", "--timeout", "5")


def copy_of(sample_db, tmp_path):
    path = tmp_path / "watched.db"
    shutil.copy(sample_db, path)
    return path


def new_copy(tmp_path, sample: str):
    """A sample's page in other bytes (an edited copy): the same bytes would be the document already archived."""
    path = tmp_path / f"copy-of-{sample}"
    path.write_bytes((SAMPLES / sample).read_bytes() + b"\n<!-- another copy -->\n")
    return path


def test_watch_add_list_check_remove(cli, sample_db, tmp_path):
    db = copy_of(sample_db, tmp_path)
    assert cli("watch", "add", "taiwan", "Taiwan", "--source", "fmprc", "--db", db).code == 0
    assert cli("watch", "add", "tariffs", "tariff*", "--db", db).code == 0
    listed = cli("watch", "list", "--db", db, "--json").jsonl()
    assert [(w["name"], w["query"], w["filters"]) for w in listed] == [
        ("taiwan", "Taiwan", {"source": "fmprc"}), ("tariffs", "tariff*", {})]
    first = cli("watch", "check", "--db", db, "--json")
    assert first.code == 0 and [r["new"] for r in first.jsonl()] == [0, 0]  # what was there before does not count
    cli("ingest", new_copy(tmp_path, "china-mfa-en-new.html"), "--url", "https://example.org/new-copy",
        "--source", "fmprc", "--db", db)
    cli("ingest", new_copy(tmp_path, "mofa-briefing-transcript.html"), "--url", "https://example.org/mofa-copy",
        "--source", "others", "--db", db)
    second = {r["watch"]: r for r in cli("watch", "check", "--db", db, "--json").jsonl()}
    assert second["taiwan"]["new"] == 1 and second["taiwan"]["hits"][0]["source"] == "fmprc"
    assert second["tariffs"]["new"] == 1
    assert [r["new"] for r in cli("watch", "check", "--db", db, "--json").jsonl()] == [0, 0]  # seen now
    assert cli("watch", "remove", "tariffs", "--db", db).code == 0
    assert [w["name"] for w in cli("watch", "list", "--db", db, "--json").jsonl()] == ["taiwan"]


def test_watch_check_text_and_one_watch(cli, sample_db, tmp_path):
    db = copy_of(sample_db, tmp_path)
    cli("watch", "add", "fiji", "Fiji", "--db", db)
    cli("watch", "add", "kabul", "Kabul", "--db", db)
    cli("ingest", new_copy(tmp_path, "china-mfa-en-new.html"), "--url", "https://example.org/another", "--db", db)
    text = cli("watch", "check", "fiji", "--db", db)
    assert text.code == 0 and "fiji  Fiji: 1 new" in text.stdout and "Lin Jian" in text.stdout
    assert "kabul" not in text.stdout
    assert cli("watch", "check", "kabul", "--db", db, "--json").jsonl()[0]["new"] == 0


def test_a_watch_report_into_a_pipe_keeps_each_hit_on_one_line(cli, sample_db, tmp_path, monkeypatch):
    """Into a pipe or a cron job's log, a hit's line was folded at 80 columns, the first part ending in a space."""
    monkeypatch.setenv("COLUMNS", "80")
    db = copy_of(sample_db, tmp_path)
    cli("watch", "add", "fiji", "Fiji", "--db", db)
    cli("ingest", new_copy(tmp_path, "china-mfa-en-new.html"), "--url", "https://example.org/another", "--db", db)
    lines = cli("watch", "check", "--db", db).stdout.splitlines()
    assert len(lines) == 2 and len(lines[1]) > 80 and "Lin Jian" in lines[1], lines
    assert all(line == line.rstrip() for line in lines)


def test_watch_errors(cli, sample_db, tmp_path):
    db = copy_of(sample_db, tmp_path)
    assert "No watches" in cli("watch", "check", "--db", db).stderr
    assert "No watches" in cli("watch", "list", "--db", db).stderr
    cli("watch", "add", "one", "Taiwan", "--db", db)
    cases = [(["add", "one", "China"], 2, "exists already"), (["add", "two", '"unclosed'], 2, "quote"),
             (["add", "two", "x", "--since", "soon"], 2, "--since"), (["remove", "nope"], 1, "No watch named"),
             (["check", "nope"], 1, "No watch named"), (["add", " ", "x"], 2, "name")]
    for args, code, message in cases:
        result = cli("watch", *args, "--db", db)
        assert result.code == code and message in result.stderr and "Traceback" not in result.stderr


def test_fetch_reports_new_hits_of_watches(cli, db_file, site):
    site.page("/briefing.html", fx.sample("china-mfa-en-new.html"))
    cli("watch", "add", "fiji", "Fiji", "--db", db_file)
    result = cli("fetch", site.url("/briefing.html"), *FAST, "--db", db_file)
    assert result.code == 0, result.stderr
    assert "fiji  Fiji: 1 new" in result.stderr
    site.page("/other.html", fx.sample("china-mfa-zh.html"))
    as_json = cli("fetch", site.url("/other.html"), *FAST, "--db", db_file, "--json").jsonl()
    assert {"watch": "fiji", "query": "Fiji", "new": 0, "hits": [], "edited": 0, "edits": [], "unmatched": 0,
            "unmatched_edits": [], "removed": 0, "removals": []} in as_json


def test_watch_on_the_real_archive(cli, real_db, tmp_path):
    from tests.analysis_archives import BULK

    db = copy_of(real_db, tmp_path)
    cli("watch", "add", "taiwan", "Taiwan", "--lang", "en", "--db", db)
    cli("ingest", BULK / "10ea8ad7de7c9ac9436aff8f771dfc7169f06a70.html.gz", "--db", db)  # 20 May 2020
    result = cli("watch", "check", "--db", db, "--json").jsonl()[0]
    assert result["new"] == 1 and result["hits"][0]["date"] == "2020-05-20"


def test_a_watch_name_is_one_word(cli, db_file):
    """`watch add 'bad name!' Taiwan` was taken, where `sources add Dawn!` is refused."""
    for name in ("bad name!", "", ".x", "a" * 65, "x\x1b[2J"):
        result = cli("watch", "add", name, "Taiwan", "--db", db_file)
        assert result.code == 2 and "cannot name a watch" in result.stderr and "\x1b" not in result.stderr
    assert not db_file.exists()
    for name in ("taiwan", "us-china", "台湾", "Week.1"):
        assert cli("watch", "add", name, "Taiwan", "--db", db_file).code == 0
