"""`fetch --dry-run` says what a real run would do, the resume of a broken-off walk and the pages due again included.

Before: a dry run looked up neither the source's resume points nor its pending pages (it never learnt the source's
row), so after a walk broke off on page 2 it walked page 1, found it archived and planned nothing, where the real
run that followed fetched the five items of pages 2 and 3.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetchfix_walk import BUSY, FAST, listing, pending_urls


def add_walk(cli, db_file, site) -> None:
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2, 3], "/list?page=2"))
    site.route("/list?page=2", BUSY, listing([4, 5, 6], "/list?page=3"))
    site.route("/list?page=3", listing([7, 8], None))
    for i in range(1, 9):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0


def test_a_dry_run_reads_on_from_where_the_last_walk_broke_off(cli, db_file, site):
    add_walk(cli, db_file, site)
    assert cli("fetch", "w", *FAST, "--db", db_file).code == 1  # page 2 answers 503: the walk breaks off
    assert pending_urls(cli, db_file) == [site.url("/list?page=2")]

    dry = cli("fetch", "w", "--dry-run", *FAST, "--db", db_file, "--json")
    assert dry.code == 0, dry.stderr
    report = dry.jsonl()[0]
    planned = [item["url"] for item in report["planned"]]
    assert planned == [site.url(f"/a/{i}.html") for i in range(4, 9)], report
    assert any("read on from " + site.url("/list?page=2") in note for note in report["notes"]), report
    assert all(site.hits(f"/a/{i}.html") == 0 for i in range(4, 9))  # nothing fetched
    assert pending_urls(cli, db_file) == [site.url("/list?page=2")]  # and the resume point is still there

    real = cli("fetch", "w", *FAST, "--db", db_file, "--json").jsonl()[0]  # the real run does what it said
    assert real["added"] == 5 and pending_urls(cli, db_file) == []


def test_a_dry_run_lists_the_pages_due_for_another_try(cli, db_file, site):
    """A listing's item that failed is tried again by the next real run (even once off the listing): the dry
    run says so."""
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2], None))
    site.route("/a/1.html", ss.Reply(ss.article("Press briefing number 1 on the talks")))
    site.route("/a/2.html", BUSY, ss.Reply(ss.article("Press briefing number 2 on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0
    assert cli("fetch", "w", *FAST, "--db", db_file).code == 3  # /a/2.html failed
    site.route("/list", listing([1], None))  # and has left the listing since

    report = cli("fetch", "w", "--dry-run", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert [item["url"] for item in report["planned"]] == [site.url("/a/2.html")], report
    assert site.hits("/a/2.html") == 1
    real = cli("fetch", "w", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert real["added"] == 1, real
