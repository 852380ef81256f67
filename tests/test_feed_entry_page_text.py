"""Once a document holds its page's text, its feed entry never replaces it: an edited entry asks for the page again.

A user trial: a feed's entry edited (its one-line summary), its page 404 for the run, and the document's current text
became the summary (`search` no longer found the page's words, `show` printed one line); with the page unchanged, each
edited entry made two versions (the summary, then the page again, the same bytes as two versions before)."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetch_pending import FAST, entry, fetch, only_document, rss

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



def test_a_page_that_confirms_its_entry_marks_the_version_the_page_s_so_watch_sees_its_edit(cli, db_file, site):
    """An entry carrying the page's whole text, then the page with the same text: the version is the page's (as the
    document is), so the page's later edit is an edit to the watches, not the archive getting the whole text (the
    version said 'feed' and the edit went unreported)."""
    body = PAGE.split("<p>Published 12 September 2025</p>")[1].split("{extra}")[0]
    title = "Press briefing, 12 September 2025"
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", rss([entry(site, PATH, title, content=body)]))
    site.route(PATH, ss.Reply(page()))
    fetch(cli, db_file, site.url("/feed.xml"))
    assert only_document(cli, db_file)["versions"] == 1  # the page confirmed the entry's text
    assert cli("watch", "add", "strait", "strait", "--db", db_file).code == 0
    edit = "<p>She added a word on the fisheries agreement signed that morning.</p>"
    site.route("/feed.xml", rss([entry(site, PATH, title, content=body + edit)]))
    site.route(PATH, ss.Reply(page(edit)))
    report, watched = cli("fetch", site.url("/feed.xml"), *FAST, "--db", db_file, "--json").jsonl()
    assert report["updated"] == 1, report
    assert watched["edited"] == 1 and watched["edits"][0]["seen_version"] == 1, watched


def test_an_edited_entry_ingested_from_a_saved_feed_asks_the_next_fetch_for_its_page(cli, db_file, site, tmp_path):
    """Ingest fetches no page: a saved feed's edited entry noted as seen left the next fetch of the feed, with the
    same entry, nothing to act on, and the page's edit was never fetched."""
    serve(site, "The spokesperson took questions on trade.", ss.Reply(page()))
    fetch(cli, db_file, site.url("/feed.xml"))
    summary = "<p>The spokesperson took questions on trade and on fisheries.</p>"
    saved = tmp_path / "feed.xml"
    saved.write_bytes(rss([entry(site, PATH, "Press briefing", summary=summary)]).body)
    assert cli("ingest", saved, "--db", db_file).code == 0
    assert only_document(cli, db_file)["versions"] == 2 and site.hits(PATH) == 1  # the page's text stands
    serve(site, "The spokesperson took questions on trade and on fisheries.",
          ss.Reply(page("<p>She added a word on the fisheries agreement signed that morning.</p>")))
    code, report = fetch(cli, db_file, site.url("/feed.xml"))
    assert code == 0 and report["updated"] == 1 and site.hits(PATH) == 2, report
    assert "fisheries agreement" in only_document(cli, db_file)["body"]


def test_an_edited_entry_of_a_full_text_feed_is_a_version_though_the_page_was_archived(cli, db_file, site):
    """A feed marked --full-text never has its pages fetched: its entry is the text. h148's review: once the document
    held its page's text (fetched before by its address), each edit of the entry was noted and lost, no version."""
    site.route("/robots.txt", ss.robots())
    site.route(PATH, ss.Reply(page()))
    assert cli("fetch", site.url(PATH), *FAST, "--db", db_file).code == 0
    assert only_document(cli, db_file)["text_source"] == "page"
    added = cli("sources", "add", "ft", site.url("/feed.xml"), "--kind", "feed", "--full-text", "--db", db_file)
    assert added.code == 0, added.stderr
    whole = "<p>The spokesperson spoke at length about maritime security and the talks on the strait.</p>"
    for content, versions in ((whole, 1), (whole.replace("the strait", "the strait and fisheries"), 2)):
        site.route("/feed.xml", rss([entry(site, PATH, "Press briefing", content=content)]))
        assert cli("fetch", "ft", *FAST, "--db", db_file).code == 0
        record = only_document(cli, db_file)
        assert record["versions"] == versions, (content, record["versions"])
    assert record["text_source"] == "feed" and "fisheries" in record["body"] and site.hits(PATH) == 1
