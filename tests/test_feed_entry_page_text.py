"""Once a document holds its page's text, its feed entry never replaces it: an edited entry asks for the page again.

A user trial: a feed's entry edited (its one-line summary), its page 404 for the run, and the document's current text
became the summary (`search` no longer found the page's words, `show` printed one line); with the page unchanged, each
edited entry made two versions (the summary, then the page again, the same bytes as two versions before)."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetch_pending import entry, fetch, only_document, rss

PATH = "/briefings/2025/0912/"
PAGE = ("<!DOCTYPE html><html lang='en'><head><title>Press briefing, 12 September 2025</title></head><body><main>"
        "<h1>Press briefing, 12 September 2025</h1><p>Published 12 September 2025</p>"
        "<p>The spokesperson spoke at length about maritime security in the region and the talks on the strait.</p>"
        "<p>She said the ministry would publish the full statement on the talks later in the week.</p>"
        "{extra}</main></body></html>")


def page(extra: str = "") -> bytes:
    return PAGE.format(extra=extra).encode()


def serve(site, summary: str, *replies) -> None:
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", rss([entry(site, PATH, "Press briefing", summary=f"<p>{summary}</p>")]))
    site.route(PATH, *replies)


def test_an_edited_entry_leaves_the_page_text_when_the_page_cannot_be_had(cli, db_file, site):
    serve(site, "The spokesperson took questions on trade.", ss.Reply(page()))
    code, first = fetch(cli, db_file, site.url("/feed.xml"))
    assert code == 0 and only_document(cli, db_file)["text_source"] == "page"

    serve(site, "The spokesperson took questions on trade, again.", ss.Reply(b"gone", 404, "text/plain"))
    code, second = fetch(cli, db_file, site.url("/feed.xml"))
    record = only_document(cli, db_file)
    assert record["text_source"] == "page" and "maritime security" in record["body"], record["body"]
    assert record["versions"] == 2  # the entry's summary, then the page: the edited entry made none
    assert site.hits(PATH) == 2  # the edited entry asked for the page again
    assert second["deferred"] == 1 and "the page's text archived before stands" in second["notes"][0], second
    hits = cli("search", "maritime", "--db", db_file, "--json").jsonl()
    assert [hit["id"] for hit in hits] == [record["id"]]


def test_an_edited_entry_with_its_page_unchanged_makes_no_version(cli, db_file, site):
    serve(site, "The spokesperson took questions on trade.", ss.Reply(page()))
    fetch(cli, db_file, site.url("/feed.xml"))
    serve(site, "The spokesperson took questions on trade and the strait.", ss.Reply(page()))
    code, report = fetch(cli, db_file, site.url("/feed.xml"))
    assert code == 0 and report["updated"] == 0, report
    assert only_document(cli, db_file)["versions"] == 2 and site.hits(PATH) == 2


def test_an_edited_entry_brings_the_edited_page_as_one_version(cli, db_file, site):
    serve(site, "The spokesperson took questions on trade.", ss.Reply(page()))
    fetch(cli, db_file, site.url("/feed.xml"))
    serve(site, "The spokesperson took questions on trade and on fisheries.",
          ss.Reply(page("<p>She added a word on the fisheries agreement signed that morning.</p>")))
    code, report = fetch(cli, db_file, site.url("/feed.xml"))
    record = only_document(cli, db_file)
    assert code == 0 and report["updated"] == 1, report
    assert record["versions"] == 3 and record["text_source"] == "page" and "fisheries agreement" in record["body"]
