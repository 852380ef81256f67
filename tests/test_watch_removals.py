"""`watch check` reports the documents it finds that were taken down at their source since it was last checked.

Before: a page a watch had found that then answered 404 on a `fetch --refresh` was marked removed, and no watch
said so: the journalist watching "ceasefire" learnt it only from `list --removed`. Now each removal is logged (the
`removals` table, by a trigger on documents.removed_at) and a check reports those after its mark, once.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from tests import siteserver as ss
from tests.test_fetchfix_walk import FAST, listing

CEASEFIRE = ss.article("Press briefing number 1 on the ceasefire")
TRADE = ss.article("Press briefing number 2 on trade", ["The Spokesperson spoke of tariffs and exports."])


def served(cli, db_file, site, first: list, second: list) -> int:
    """A listing source of two briefings whose pages answer `first`'s and `second`'s replies in turn, fetched; the
    id of the first one's document (the two are fetched together: either may be saved first)."""
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2], None))
    site.route("/a/1.html", *first)
    site.route("/a/2.html", *second)
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0
    assert cli("fetch", "w", *FAST, "--db", db_file).code == 0
    with closing(sqlite3.connect(db_file)) as conn:
        return conn.execute("SELECT id FROM documents WHERE url LIKE '%/a/1.html'").fetchone()[0]


def check(cli, db_file) -> dict:
    result = cli("watch", "check", "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    return {row["watch"]: row for row in result.jsonl()}


def refresh(cli, db_file):
    result = cli("fetch", "w", "--refresh", *FAST, "--db", db_file)
    assert result.code in (0, 3), result.stderr
    return result


def test_a_watched_page_taken_down_is_reported_once(cli, db_file, site):
    gone = ss.Reply(ss.not_found_page(), 404)
    doc = served(cli, db_file, site, [ss.Reply(CEASEFIRE, etag='"v1"'), gone], [ss.Reply(TRADE, etag='"t1"')])
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    cli("watch", "add", "tariffs", "tariffs", "--db", db_file)

    report = refresh(cli, db_file).stderr  # every fetch checks the watches after it
    assert "ceasefire  ceasefire: 0 new, 1 removed at the source" in report, report
    assert f"briefarc show {doc}" in report and "tariffs  tariffs: 0 new\n" in report, report

    removed = cli("watch", "check", "--db", db_file, "--json").jsonl()
    assert [(row["watch"], row["removed"], row["removals"]) for row in removed] == [
        ("ceasefire", 0, []), ("tariffs", 0, [])], "the fetch's check saw it: the next reports nothing again"


def test_the_json_names_the_document_and_when_it_was_missed(cli, db_file, site):
    doc = served(cli, db_file, site, [ss.Reply(CEASEFIRE), ss.Reply(b"", 410)], [ss.Reply(TRADE)])
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    cli("fetch", "w", "--refresh", *FAST, "--db", db_file, "--json")  # its watch line goes to stdout: not read
    cli("watch", "add", "late", "ceasefire", "--db", db_file)
    assert check(cli, db_file)["late"]["removed"] == 0, "a removal before the watch was added does not count"

    listed = cli("search", "--removed", "--db", db_file, "--json").jsonl()
    assert [row["id"] for row in listed] == [doc]
    conn = sqlite3.connect(db_file)
    when = conn.execute("SELECT removed_at FROM documents WHERE id = ?", (doc,)).fetchone()[0]
    assert conn.execute("SELECT document_id, removed_at FROM removals").fetchall() == [(doc, when)]


def test_a_page_back_and_gone_again_is_reported_again_and_one_back_is_not(cli, db_file, site):
    article, gone = ss.Reply(CEASEFIRE, etag='"v1"'), ss.Reply(ss.not_found_page(), 404)
    doc = served(cli, db_file, site, [article, gone, article, gone], [ss.Reply(TRADE)])
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    refresh(cli, db_file)  # gone: the fetch's own check reports it
    refresh(cli, db_file)  # back (304 to its ETag): no longer removed
    assert check(cli, db_file)["ceasefire"]["removed"] == 0
    assert "ceasefire  ceasefire: 0 new, 1 removed at the source" in refresh(cli, db_file).stderr  # gone again
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT count(*) FROM removals WHERE document_id = ?", (doc,)).fetchone()[0] == 2


def test_a_removal_between_checks_of_a_page_back_since_is_not_reported(cli, db_file, site):
    article, gone = ss.Reply(CEASEFIRE, etag='"v1"'), ss.Reply(ss.not_found_page(), 404)
    doc = served(cli, db_file, site, [article, gone, article], [ss.Reply(TRADE)])
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    conn = sqlite3.connect(db_file, isolation_level=None)
    conn.execute("UPDATE documents SET removed_at = '2026-01-02T03:04:05Z' WHERE id = ?", (doc,))  # another program
    conn.execute("UPDATE documents SET removed_at = NULL WHERE id = ?", (doc,))  # and found again
    assert check(cli, db_file)["ceasefire"]["removed"] == 0
    conn.execute("UPDATE documents SET removed_at = '2026-01-03T03:04:05Z' WHERE id = ?", (doc,))
    result = check(cli, db_file)["ceasefire"]
    assert result["removed"] == 1 and result["removals"][0]["removed_at"] == "2026-01-03T03:04:05Z", result
    assert result["removals"][0]["title"] == "Press briefing number 1 on the ceasefire"


def test_hostile_text_in_a_removed_page_is_shown_literally(cli, db_file, site, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    hostile = ss.article("[bold red]ceasefire[/] \x1b]8;;http://evil\x07link\x1b]8;;\x07")
    doc = served(cli, db_file, site, [ss.Reply(hostile), ss.Reply(b"", 404)], [ss.Reply(TRADE)])
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    refresh(cli, db_file)
    cli("watch", "add", "again", "ceasefire", "--db", db_file)
    conn = sqlite3.connect(db_file, isolation_level=None)
    conn.execute("UPDATE documents SET removed_at = NULL WHERE id = ?", (doc,))
    conn.execute("UPDATE documents SET removed_at = '2026-02-03T00:00:00Z' WHERE id = ?", (doc,))
    text = cli("watch", "check", "again", "--db", db_file)
    assert text.code == 0 and "[bold red]ceasefire[/]" in text.stdout, text.stdout
    assert "\x1b" not in text.stdout and "\x07" not in text.stdout
    assert f"removed at the source 2026-02-03: briefarc show {doc}" in text.stdout


def test_an_archive_before_the_log_keeps_its_old_removals_out_of_its_watches(cli, db_file, site):
    from briefarc.store.migrations import MIGRATIONS

    doc = served(cli, db_file, site, [ss.Reply(CEASEFIRE), ss.Reply(b"", 404)], [ss.Reply(TRADE)])
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    refresh(cli, db_file)
    conn = sqlite3.connect(db_file, isolation_level=None)  # as the release before the log left it
    conn.execute("DROP TRIGGER documents_removed")
    conn.execute("DROP TABLE removals")
    conn.execute("ALTER TABLE watches DROP COLUMN removals_seen")
    before = [migration.__name__ for migration in MIGRATIONS].index("m025_watched_removals")
    conn.execute(f"PRAGMA user_version = {before}")
    conn.close()

    assert check(cli, db_file)["ceasefire"]["removed"] == 0, "removed before the upgrade: not news"
    conn = sqlite3.connect(db_file, isolation_level=None)
    assert conn.execute("SELECT document_id FROM removals").fetchall() == [(doc,)], "the log holds the old removal"
    conn.execute("UPDATE documents SET removed_at = NULL WHERE id = ?", (doc,))
    conn.execute("UPDATE documents SET removed_at = '2026-03-01T00:00:00Z' WHERE id = ?", (doc,))
    assert check(cli, db_file)["ceasefire"]["removed"] == 1


def test_a_page_that_arrived_and_was_taken_down_between_two_checks_is_reported_removed(cli, db_file, site, tmp_path):
    """Saved by an ingest (no watch checked after it), then gone at the next fetch --refresh: the fetch's own check
    gave it as new only, with nothing to say it was gone, and the next check had its removal behind its mark."""
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2], None))
    site.route("/a/1.html", ss.Reply(ss.not_found_page(), 404))
    site.route("/a/2.html", ss.Reply(TRADE))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0
    cli("watch", "add", "ceasefire", "ceasefire", "--db", db_file)
    saved = tmp_path / "1.html"
    saved.write_bytes(CEASEFIRE)
    assert cli("ingest", str(saved), "--url", site.url("/a/1.html"), "--source", "w", "--db", db_file).code == 0

    result = cli("fetch", "w", "--refresh", *FAST, "--db", db_file, "--json")
    assert result.code in (0, 3), result.stderr
    watched = [row for row in result.jsonl() if row.get("watch") == "ceasefire"][0]
    assert watched["new"] == 1 and watched["removed"] == 1, watched
    assert watched["removals"][0]["id"] == watched["hits"][0]["id"]
    assert check(cli, db_file)["ceasefire"]["removed"] == 0, "reported once"
