"""A listing source whose first page yields no article link fails its run saying what the page reads as, as a feed
or sitemap source at the wrong address does. Before: "discovered 0", exit 0, no note.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetchfix_walk import FAST, listing

# a few short links, no dates: the extractor reads it as a briefing, not a listing
SHORT_LINKS = "".join(f'<li><a href="/b/{i}.html">Briefing {i}</a></li>' for i in range(6))
NOT_A_LISTING = f"<html><head><title>Press briefings</title></head><body><ul>{SHORT_LINKS}</ul></body></html>"


def fetch(cli, db_file, *add: str) -> tuple[int, dict]:
    assert cli("sources", "add", "w", *add, "--kind", "listing", "--db", db_file).code == 0
    result = cli("fetch", "w", *FAST, "--db", db_file, "--json")
    assert "Traceback" not in result.stderr, result.stderr
    return result.code, result.jsonl()[0]


def test_a_first_page_that_reads_as_a_briefing_fails_the_source(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.page("/news/", NOT_A_LISTING)
    code, report = fetch(cli, db_file, site.url("/news/"))
    assert code == 1 and report["discovered"] == 0, report
    assert report["error"] == (f"{site.url('/news/')} reads as a briefing, not a listing of articles: check the "
                               "address or give --item-selector."), report


def test_an_item_selector_that_finds_nothing_is_named(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.page("/news/", NOT_A_LISTING)
    code, report = fetch(cli, db_file, site.url("/news/"), "--item-selector", "li.item")
    assert code == 1 and "--item-selector 'li.item' finds no article link" in report["error"], report
    assert "reads as a briefing" in report["error"], report


def test_a_link_pattern_that_leaves_every_link_out_is_a_note(cli, db_file, site):
    """Links there, none of those sought: a listing whose first page holds none today, no error."""
    site.route("/robots.txt", ss.robots())
    site.page("/news/", NOT_A_LISTING)
    code, report = fetch(cli, db_file, site.url("/news/"), "--link-pattern", "/transcripts/")
    assert code == 0 and report["error"] is None and report["discovered"] == 0, report
    assert report["notes"] == [f"no link on {site.url('/news/')} matches --link-pattern '/transcripts/': nothing "
                               "discovered"], report


def test_a_listing_up_to_date_is_no_error(cli, db_file, site):
    """A guard (it passes before too): links found, all archived, is a quiet run."""
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1, 2], None))
    for i in (1, 2):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    code, first = fetch(cli, db_file, site.url("/list"), "--item-selector", "li.item")
    assert code == 0 and first["added"] == 2, first
    again = cli("fetch", "w", *FAST, "--db", db_file, "--json")
    report = again.jsonl()[0]
    assert again.code == 0 and report["error"] is None and report["added"] == 0 and not report["notes"], report


def test_a_first_page_without_any_link_is_a_note(cli, db_file, site):
    """An empty listing is no wrong address: the run goes on (to the items pending from earlier runs), with a note."""
    site.route("/robots.txt", ss.robots())
    site.page("/news/", "<html><head><title>Briefings</title></head><body><ul></ul></body></html>")
    code, report = fetch(cli, db_file, site.url("/news/"))
    assert code == 0 and report["error"] is None, report
    assert report["notes"] == [f"{site.url('/news/')} holds no link: nothing discovered"], report
