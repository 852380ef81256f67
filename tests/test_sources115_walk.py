"""India MEA's and gov.uk's API walks, broken off on a page after the first, read on from there next run.

Before: the MEA and gov.uk adapters kept no resume point. A walk cut short on page 2 (a 503, a timeout) stored
page 1's items and failed; every later run stopped at page 1 (all archived by then) with exit 0 and 'fetched 0',
and the items on page 2 and after were never read. The listing and WordPress walks have done so since b872437.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path, JSON shaped as the APIs answer."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
BUSY = ss.Reply(b"<html><body>Service unavailable</body></html>", 503)
JSON = "application/json; charset=utf-8"
PARAGRAPHS = ("The Official Spokesperson opened the weekly briefing with an update on the visit to Colombo.",
              "Question: Could you tell us more about the talks on trade and the border?",
              "Official Spokesperson: The talks covered trade, connectivity and the situation along the border.")


def body(title: str) -> str:
    return "".join(f"<p>{text} ({title})</p>" for text in PARAGRAPHS)


def fetch(cli, db_file, name: str, *more: str) -> tuple[int, dict]:
    result = cli("fetch", name, *FAST, *more, "--db", db_file, "--json")
    assert "Traceback" not in result.stderr, result.stderr
    return result.code, result.jsonl()[0]


def pending_urls(cli, db_file) -> list[str]:
    return [row["url"] for row in cli("log", "--pending", "--db", db_file, "--json").jsonl()]


def documents(cli, db_file) -> list[dict]:
    return cli("list", "--db", db_file, "--json", "--limit", "500").jsonl()


# -- India MEA -------------------------------------------------------------------------------------------------


def mea_listing(number: int) -> str:
    query = urlencode({"publicationId": 49, "page": number, "PageSize": 50, "PLngId": 1})
    return f"/FrontEnd/FetchPublicationListingData?{query}"


def mea_detail(pkid: int) -> str:
    return f"/FrontEnd/FetchPublicationDetailData?pkid={pkid}&languageId=1"


def mea_rows(pkids: range) -> ss.Reply:
    rows = [{"PKID": pkid, "Title": f"Transcript of Weekly Media Briefing number {pkid}",
             "PublishDate": f"{1 + pkid % 28:02d}/07/2025"} for pkid in pkids]
    return ss.Reply(json.dumps({"tags": [], "data": rows}).encode(), content_type=JSON)


def mea_site(site: ss.SiteServer, second: list[ss.Reply]) -> None:
    """Three pages of the listing (50, 50 and 10 publications, newest first); page 2 answers `second` first."""
    site.route("/robots.txt", ss.robots())
    site.route(mea_listing(1), mea_rows(range(300, 250, -1)))
    site.route(mea_listing(2), *second, mea_rows(range(250, 200, -1)))
    site.route(mea_listing(3), mea_rows(range(200, 190, -1)))
    for pkid in range(191, 301):
        title = f"Transcript of Weekly Media Briefing number {pkid}"
        detail = {"PKID": pkid, "Title": title, "PublishDate": f"{1 + pkid % 28:02d}/07/2025",
                  "Description": body(title)}
        site.route(mea_detail(pkid), ss.Reply(json.dumps(detail).encode(), content_type=JSON))


def test_an_mea_walk_that_broke_off_on_page_2_reads_on_from_there_next_run(cli, db_file, site):
    mea_site(site, [BUSY, BUSY])
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0

    code, first = fetch(cli, db_file, "mea")
    assert code == 1 and first["added"] == 50 and "503" in first["error"], first
    assert any("broke off at " + site.url(mea_listing(2)) in note for note in first["notes"]), first
    assert pending_urls(cli, db_file) == [site.url(mea_listing(2))]  # log --pending says where it goes on

    code, second = fetch(cli, db_file, "mea")  # page 2 still busy: the point is kept
    assert code == 1 and second["added"] == 0 and second["fetched"] == 0, second
    assert pending_urls(cli, db_file) == [site.url(mea_listing(2))]

    code, third = fetch(cli, db_file, "mea")
    assert code == 0 and third["added"] == 60, third
    assert any("read on from " + site.url(mea_listing(2)) in note for note in third["notes"]), third
    assert pending_urls(cli, db_file) == []
    assert all(site.hits(mea_detail(pkid)) == 1 for pkid in range(191, 301))  # none asked twice
    assert len(documents(cli, db_file)) == 110

    code, fourth = fetch(cli, db_file, "mea")  # the walk is whole: back to stopping at page 1
    assert code == 0 and fourth["fetched"] == 0 and site.hits(mea_listing(2)) == 3, fourth
    assert site.hits(mea_listing(3)) == 1


@pytest.mark.parametrize("content_type,said", [(ss.HTML, "is text/html, not JSON"), (JSON, "did not answer with JSON")])
def test_an_mea_walk_broken_off_by_an_error_page_on_page_2_reads_on_too(cli, db_file, site, content_type, said):
    """A page that answers 200 with an HTML error page instead of JSON breaks the walk off as a 503 does."""
    mea_site(site, [ss.Reply(b"<html><body>Please try again later</body></html>", content_type=content_type)])
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "mea")
    assert code == 1 and first["added"] == 50 and said in first["error"], first
    code, second = fetch(cli, db_file, "mea")
    assert code == 0 and second["added"] == 60, second
    assert pending_urls(cli, db_file) == [] and len(documents(cli, db_file)) == 110


# -- gov.uk ----------------------------------------------------------------------------------------------------


def govuk_search(start: int) -> str:
    query = urlencode({"filter_organisations": "foreign-commonwealth-development-office",
                       "filter_content_store_document_type": "press_release", "order": "-public_timestamp",
                       "count": 100, "start": start, "fields": "link,title,public_timestamp"})
    return f"/api/search.json?{query}"


def govuk_results(numbers: range) -> ss.Reply:
    results = [{"link": f"/government/news/release-{n}", "title": f"UK statement on the talks, release {n}",
                "public_timestamp": f"2025-06-{1 + n % 28:02d}T10:30:00+01:00"} for n in numbers]
    return ss.Reply(json.dumps({"results": results, "total": 230}).encode(), content_type=JSON)


def govuk_site(site: ss.SiteServer, second: list[ss.Reply]) -> None:
    site.route("/robots.txt", ss.robots())
    site.route(govuk_search(0), govuk_results(range(230, 130, -1)))
    site.route(govuk_search(100), *second, govuk_results(range(130, 30, -1)))
    site.route(govuk_search(200), govuk_results(range(30, 0, -1)))
    for n in range(1, 231):
        govuk_content(site, n)


def govuk_content(site, n: int) -> None:
    """gov.uk's content API answer for release n, a press release with a body of its own."""
    title = f"UK statement on the talks, release {n}"
    content = {"base_path": f"/government/news/release-{n}", "title": title, "locale": "en",
               "document_type": "press_release", "first_published_at": f"2025-06-{1 + n % 28:02d}T10:30:00+01:00",
               "details": {"body": body(title)}}
    site.route(f"/api/content/government/news/release-{n}", ss.Reply(json.dumps(content).encode(),
                                                                     content_type=JSON))


def test_a_govuk_walk_that_broke_off_on_page_2_reads_on_from_there_next_run(cli, db_file, site):
    govuk_site(site, [BUSY])
    assert cli("sources", "add", "uk", site.url("/"), "--kind", "govuk", "--db", db_file).code == 0

    code, first = fetch(cli, db_file, "uk")
    assert code == 1 and first["added"] == 100 and "503" in first["error"], first
    assert pending_urls(cli, db_file) == [site.url(govuk_search(100))]

    code, second = fetch(cli, db_file, "uk")
    assert code == 0 and second["added"] == 130, second
    assert pending_urls(cli, db_file) == []
    assert all(site.hits(f"/api/content/government/news/release-{n}") == 1 for n in range(1, 231))
    assert len(documents(cli, db_file)) == 230

    code, third = fetch(cli, db_file, "uk")
    assert code == 0 and third["fetched"] == 0 and site.hits(govuk_search(100)) == 2, third
