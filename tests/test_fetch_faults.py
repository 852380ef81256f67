"""Faults at the source, end to end: what `briefarc fetch` stores, reports and logs for each."""

from __future__ import annotations

import pytest

from briefarc.collect import FetchOptions, collect
from briefarc.models import Source
from briefarc.net.fetch import FetchConfig, run
from briefarc.store.db import open_database
from tests import fixture_sites as fx
from tests import siteserver as ss

PAGE = fx.sample("un-noon-briefing.html").encode()


def article(day: int) -> bytes:
    """A distinct noon briefing per path, so every stored page is its own document."""
    return PAGE.replace(b"2025-09-12", f"2025-09-{day:02d}".encode()).replace(b"250912", f"2509{day:02d}".encode())


FAULTS = {
    # path: (replies, expected outcome, words the report must use)
    "/a/server-error-then-ok": (lambda: ss.fail_then(article(1)), "added", None),
    "/a/too-many-requests": (lambda: ss.too_many_requests("0", then=article(2)), "added", None),
    "/a/slow": (lambda: ss.slow(3.0), "failed", "read timeout"),
    "/a/reset": (lambda: ss.reset(), "failed", "127.0.0.1"),
    "/a/truncated": (lambda: ss.truncated(article(3)), "failed", "cut"),
    "/a/loop": (lambda: ss.redirect("/a/loop"), "failed", "redirect"),
    "/a/huge": (lambda: ss.huge(), "failed", "MB"),
    "/a/bomb": (lambda: ss.gzip_bomb(), "failed", "MB"),
    "/a/report.pdf": (lambda: ss.pdf(), "skipped", None),
    "/private/secret": (lambda: ss.Reply(article(4)), "skipped", None),
    "/a/gone-soft": (lambda: ss.Reply(ss.not_found_page()), "failed", "missing at the source"),
    "/a/gone-system": (lambda: ss.redirect("/web/system/404.html"), "failed", "missing at the source"),
}


@pytest.fixture
def faulty_site(site):
    site.route("/robots.txt", ss.robots(disallow=["/private/"]))
    site.page("/web/system/404.html", ss.not_found_page())
    for path, (replies, _, _) in FAULTS.items():
        made = replies()
        site.route(path, *(made if isinstance(made, list) else [made]))
    links = "".join(f'<li><a href="{path}">{path}</a></li>' for path in FAULTS)
    site.page("/list.html", f"<html><body><ul>{links}</ul></body></html>")
    return site


def fetch_all(db_file, site):
    db = open_database(db_file)
    source = Source(name="faulty", kind="listing", url=site.url("/list.html"), options={"item_selector": "li a"})
    config = FetchConfig(delay=0, backoff=0.01, max_backoff=0.05, retries=2, read_timeout=0.5, total_timeout=2,
                         connect_timeout=1)
    return run(collect(db, [source], [], FetchOptions(config=config)))[0]


def test_each_fault_is_stored_reported_and_logged(cli, db_file, faulty_site):
    report = fetch_all(db_file, faulty_site)
    failures = dict(report.failures)
    assert report.added == 2 and report.skipped == 2
    assert report.failed == len([f for f in FAULTS.values() if f[1] == "failed"])
    for path, (_, outcome, words) in FAULTS.items():
        url = faulty_site.url(path)
        if outcome == "failed":
            assert url in failures, path
            assert "\n" not in failures[url]
            assert words.lower() in failures[url].lower(), (path, failures[url])
        else:
            assert url not in failures, path
    assert faulty_site.hits("/private/secret") == 0  # robots.txt said no: never asked for
    assert faulty_site.hits("/a/server-error-then-ok") == 2
    titles = cli("list", "--db", db_file, "--json").jsonl()
    assert sorted(row["published"] for row in titles) == ["2025-09-01", "2025-09-02"]

    log = cli("log", "--db", db_file, "--json", "--limit", "200").jsonl()
    logged = {row["url"] for row in log}
    assert faulty_site.url("/a/slow") in logged and faulty_site.url("/a/bomb") in logged
    assert any(row["status"] == 500 for row in log)
    assert all(row["source"] == "faulty" for row in log)
    table = cli("log", "--db", db_file)
    assert table.code == 0 and "slow" in table.stdout
    everything = cli("log", "--all", "--db", db_file, "--json", "--limit", "500").jsonl()
    assert len(everything) > len(log)


def test_failed_items_are_tried_again_next_run_and_skipped_ones_are_not(db_file, faulty_site):
    fetch_all(db_file, faulty_site)
    hits = {path: faulty_site.hits(path) for path in FAULTS}
    second = fetch_all(db_file, faulty_site)
    assert second.added == 0
    assert faulty_site.hits("/a/report.pdf") == hits["/a/report.pdf"]  # skipped: remembered
    assert faulty_site.hits("/a/reset") > hits["/a/reset"]  # failed: tried again


def test_fault_exit_code_and_summary_from_the_cli(cli, db_file, faulty_site):
    open_database(db_file)
    cli("sources", "add", "faulty", faulty_site.url("/list.html"), "--kind", "listing", "--item-selector", "li a",
        "--db", db_file)
    result = cli("fetch", "faulty", "--delay", "0", "--timeout", "0.5", "--retries", "0", "--db", db_file)
    assert result.code == 1
    assert "faulty" in result.stderr and "failed:" in result.stderr
    assert "Traceback" not in result.stderr
    status = cli("sources", "show", "faulty", "--db", db_file, "--json").jsonl()[0]
    assert status["last_run"] and status["last_counts"]["failed"] >= 8


def test_no_network_reports_each_source_in_one_line(cli, db_file):
    closed = ss.SiteServer().start()
    port = closed.port
    closed.stop()  # nothing listens there any more: every connection is refused
    for name in ("one", "two"):
        cli("sources", "add", name, f"http://127.0.0.1:{port}/{name}/feed/", "--db", db_file)
    result = cli("fetch", "one", "two", "--delay", "0", "--retries", "0", "--db", db_file, "--json")
    assert result.code == 1
    reports = result.jsonl()
    assert [r["source"] for r in reports] == ["one", "two"]
    for report in reports:
        assert report["added"] == 0 and "127.0.0.1" in report["error"] and "\n" not in report["error"]
    assert cli("list", "--db", db_file, "--json").jsonl() == []
    human = cli("fetch", "one", "--delay", "0", "--retries", "0", "--db", db_file)
    assert [line for line in human.stderr.splitlines() if "one failed:" in line]


@pytest.mark.parametrize("gone", [ss.Reply(b"gone", 404, "text/plain"), ss.Reply(b"gone", 410, "text/plain"),
                                  ss.Reply(ss.not_found_page())], ids=["404", "410", "soft-404"])
def test_a_vanished_page_is_marked_removed_never_deleted(cli, db_file, site, gone):
    site.route("/robots.txt", ss.robots())
    site.route("/en/2025/db250901.doc.htm", ss.Reply(article(1), etag='"v1"'), gone)
    url = site.url("/en/2025/db250901.doc.htm")
    assert cli("fetch", url, "--delay", "0", "--db", db_file, "--json").jsonl()[0]["added"] == 1
    again = cli("fetch", url, "--refresh", "--delay", "0", "--db", db_file, "--json").jsonl()[0]
    assert again["removed"] == 1 and again["failed"] == 0
    removed = cli("search", "Dujarric", "--removed", "--db", db_file, "--json").jsonl()
    assert len(removed) == 1 and removed[0]["removed_at"]
    first_missed = removed[0]["removed_at"]
    cli("fetch", url, "--refresh", "--delay", "0", "--db", db_file)
    record = cli("show", str(removed[0]["id"]), "--db", db_file, "--json").jsonl()[0]
    assert record["removed_at"] == first_missed  # the date it was first missed stays
    assert record["body"]  # the text is kept
    assert cli("list", "--removed", "--db", db_file, "--json").jsonl()[0]["id"] == removed[0]["id"]


def test_loose_urls_that_cannot_be_read_add_up_in_the_counts(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/loop", ss.redirect("/loop"))
    site.route("/huge", ss.huge())
    site.route("/ok.htm", ss.Reply(article(5)))
    urls = [site.url(path) for path in ("/loop", "/huge", "/ok.htm")]
    result = cli("fetch", *urls, "--delay", "0", "--retries", "0", "--db", db_file, "--json")
    assert result.code == 3  # partial failure
    report = result.jsonl()[0]
    assert report["discovered"] == 3 and report["added"] == 1 and report["failed"] == 2
    assert report["added"] + report["failed"] == report["discovered"]
