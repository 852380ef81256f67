"""Announced items are never lost: feed entries stored at once, pages pending until fetched, edits as versions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefarc.store import pending
from briefarc.store.db import open_database
from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
PAGE = fx.sample("un-noon-briefing.html")


def rss(items: list[str]) -> ss.Reply:
    feed = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>News</title>'
            f"{''.join(items)}</channel></rss>")
    return ss.Reply(feed.encode(), content_type="application/rss+xml")


def entry(site, path: str, title: str, summary: str | None = None, content: str | None = None) -> str:
    parts = [f"<item><title>{title}</title><link>{site.url(path)}</link>",
             "<pubDate>Fri, 12 Sep 2025 16:00:00 +0000</pubDate>"]
    if summary is not None:
        parts.append(f"<description><![CDATA[{summary}]]></description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    return "".join(parts) + "</item>"


def fetch(cli, db_file, url, *more):
    result = cli("fetch", url, *FAST, *more, "--db", db_file, "--json")
    return result.code, result.jsonl()[0]


def only_document(cli, db_file) -> dict:
    rows = cli("list", "--db", db_file, "--json").jsonl()
    assert len(rows) == 1, rows
    return cli("show", str(rows[0]["id"]), "--db", db_file, "--json").jsonl()[0]


def test_a_summary_is_stored_at_once_and_the_page_supersedes_it_for_good(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", rss([entry(site, "/en/2025/db250912.doc.htm", "Noon briefing",
                                       summary="<p>The Spokesperson spoke about the Sudan talks today.</p>")]))
    site.route("/en/2025/db250912.doc.htm", ss.Reply(b"busy", 503, "text/plain"), ss.Reply(PAGE.encode()))
    code, first = fetch(cli, db_file, site.url("/feed.xml"), "--retry-wait", "0")
    assert code == 0 and first["added"] == 1 and first["deferred"] == 1 and first["failed"] == 0
    record = only_document(cli, db_file)
    assert record["text_source"] == "feed-summary" and "Sudan talks" in record["body"]

    code, second = fetch(cli, db_file, site.url("/feed.xml"))  # the page's next try is due at once here
    assert code == 0 and second["updated"] == 1
    record = only_document(cli, db_file)
    assert record["text_source"] == "page" and "Dujarric" in record["body"] and record["versions"] == 2
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []

    hits = site.hits("/en/2025/db250912.doc.htm")
    code, third = fetch(cli, db_file, site.url("/feed.xml"))  # the same entry again: the page's text stays
    assert code == 0 and third["updated"] == 0 and third["unchanged"] == 1
    assert only_document(cli, db_file)["versions"] == 2 and site.hits("/en/2025/db250912.doc.htm") == hits


def test_an_edited_entry_is_a_version_and_spelling_alone_is_not(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    path = "/briefings/statement/"
    site.route(path, ss.Reply(b"Forbidden", 403, "text/plain"))
    text = "<p>The Secretary welcomed the agreement &amp; its terms.</p><p>Both sides will meet again soon.</p>"
    spelled = text.replace("&amp;", "&#38;").replace("<p>Both", "<p>\n  Both")
    edited = text.replace("welcomed", "strongly welcomed")
    for body, versions in ((text, 1), (spelled, 1), (edited, 2), (edited, 2)):
        site.route("/feed.xml", rss([entry(site, path, "A statement", content=body)]))
        code, report = fetch(cli, db_file, site.url("/feed.xml"))
        assert code == 0 and report["failed"] == 0
        record = only_document(cli, db_file)
        assert record["versions"] == versions and record["text_source"] == "feed", (body, record["versions"])
    assert "strongly welcomed" in record["body"]


def test_a_page_is_tried_again_later_and_given_up_after_the_limit(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/briefings/a/", ss.Reply(b"Forbidden", 403, "text/plain"))
    site.route("/feed.xml", rss([entry(site, "/briefings/a/", "A", content="<p>The whole text of A.</p>")]))
    for _ in range(3):
        code, report = fetch(cli, db_file, site.url("/feed.xml"), "--retry-wait", "0", "--give-up-after", "2")
        assert code == 0
    assert site.hits("/briefings/a/") == 2  # the third run: given up, not asked for
    row = cli("log", "--pending", "--db", db_file, "--json").jsonl()[0]
    assert row["attempts"] == 2 and row["given_up_at"] and "403" in row["last_error"]
    assert "given up" in cli("log", "--pending", "--db", db_file).stdout


def test_the_wait_between_tries_grows_and_has_a_limit(db_file):
    db = open_database(db_file)
    policy = pending.RetryPolicy(max_attempts=4, first_wait=3600)
    url = "https://example.org/briefings/a/"
    pending.note(db, url, source_id=None, document_id=None)
    start = datetime(2025, 9, 12, 12, tzinfo=UTC)
    waits = []
    for attempt in range(4):
        row = pending.failed(db, url, "403", policy, wait=True, now=start)
        waits.append(datetime.fromisoformat(row.next_try) - start)
        assert (row.given_up_at is not None) == (attempt == 3)
    assert waits[:3] == [timedelta(hours=1), timedelta(hours=2), timedelta(hours=4)]
    assert pending.due(db, source_id=None, found_on=[], now="9999") == []


def test_an_item_that_left_the_listing_is_not_forgotten(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    article = "/en/2025/db250912.doc.htm"
    site.route(article, ss.Reply(b"busy", 503, "text/plain"), ss.Reply(PAGE.encode()))
    site.route("/list.html", ss.Reply(f'<ul><li><a href="{article}">Noon</a></li></ul>'.encode()),
               ss.Reply(b"<ul></ul>"))
    cli("sources", "add", "noon", site.url("/list.html"), "--kind", "listing", "--item-selector", "li a",
        "--db", db_file)
    first = cli("fetch", "noon", *FAST, "--db", db_file, "--json")
    assert first.code == 1 and first.jsonl()[0]["failed"] == 1  # nothing of it is archived: a failure
    shown = cli("sources", "show", "noon", "--db", db_file, "--json").jsonl()[0]
    assert shown["pending"] == 1 and shown["next_try"]
    second = cli("fetch", "noon", *FAST, "--db", db_file, "--json")  # the listing no longer shows it
    assert second.code == 0 and second.jsonl()[0]["added"] == 1
    assert cli("sources", "show", "noon", "--db", db_file, "--json").jsonl()[0]["pending"] == 0


def test_a_page_whose_entry_left_the_feed_is_still_tried_when_due(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/briefings/a/", ss.Reply(b"Forbidden", 403, "text/plain"), ss.Reply(PAGE.encode()))
    site.route("/feed.xml", rss([entry(site, "/briefings/a/", "A", summary="<p>A short summary of A.</p>")]),
               rss([]))
    cli("sources", "add", "news", site.url("/feed.xml"), "--db", db_file)
    first = cli("fetch", "news", *FAST, "--retry-wait", "0", "--db", db_file, "--json").jsonl()[0]
    assert first["added"] == 1 and first["deferred"] == 1
    second = cli("fetch", "news", *FAST, "--db", db_file, "--json").jsonl()[0]  # the feed is empty now
    assert second["updated"] == 1 and site.hits("/briefings/a/") == 2
    assert "Dujarric" in only_document(cli, db_file)["body"]
    assert cli("sources", "show", "news", "--db", db_file, "--json").jsonl()[0]["pending"] == 0


def test_a_new_source_takes_a_feed_that_was_fetched_before_as_a_loose_url(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/briefings/a/", ss.Reply(PAGE.encode()))
    feed = rss([entry(site, "/briefings/a/", "A", content="<p>" + "The whole text of A. " * 20 + "</p>")])
    feed.etag = '"v1"'
    site.route("/feed.xml", feed)
    assert fetch(cli, db_file, site.url("/feed.xml"))[0] == 0
    cli("sources", "add", "news", site.url("/feed.xml"), "--db", db_file)
    result = cli("fetch", "news", *FAST, "--db", db_file, "--json")
    report = result.jsonl()[0]
    assert not any("unchanged since the last run" in note for note in report["notes"]), report
    assert site.hits("/feed.xml") == 2 and report["discovered"] == 1


def test_a_page_given_up_is_tried_again_when_named_on_the_command_line(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/briefings/a/", ss.Reply(b"Forbidden", 403, "text/plain"), ss.Reply(b"Forbidden", 403, "text/plain"),
               ss.Reply(PAGE.encode()))
    site.route("/feed.xml", rss([entry(site, "/briefings/a/", "A", content="<p>The whole text of A.</p>")]))
    for _ in range(3):
        fetch(cli, db_file, site.url("/feed.xml"), "--retry-wait", "0", "--give-up-after", "2")
    assert site.hits("/briefings/a/") == 2  # given up: the third run did not ask for it
    code, report = fetch(cli, db_file, site.url("/briefings/a/"), "--give-up-after", "2")
    assert code == 0 and report["updated"] == 1, report  # named by the user: tried, and its page supersedes the feed's
    assert only_document(cli, db_file)["text_source"] == "page" and site.hits("/briefings/a/") == 3
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []


def test_a_listed_page_given_up_is_tried_again_when_named(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/b/a/", ss.Reply(b"Forbidden", 403, "text/plain"), ss.Reply(PAGE.encode()))
    site.route("/list.html", ss.Reply(b'<ul><li><a href="/b/a/">A</a></li></ul>'))
    cli("sources", "add", "noon", site.url("/list.html"), "--kind", "listing", "--item-selector", "li a",
        "--db", db_file)
    for _ in range(2):
        cli("fetch", "noon", *FAST, "--give-up-after", "1", "--db", db_file)
    assert site.hits("/b/a/") == 1 and cli("log", "--pending", "--db", db_file, "--json").jsonl()[0]["given_up_at"]
    code, report = fetch(cli, db_file, site.url("/b/a/"), "--give-up-after", "1")
    assert code == 0 and report["added"] == 1, report
