"""India MEA's and gov.uk's walks move a resume point made with another page size to the page that holds its first
items today, end to end (a real site on 127.0.0.1, a real archive).

test_fetch6_resume tested the WordPress walk end to end and MEA's and gov.uk's only through _resized: with the
paging= argument of either adapter removed, every test still passed. Found by helper-125's review of ab112b6."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from tests import siteserver as ss
from tests.test_fetch6_resume import set_options
from tests.test_sources115_walk import BUSY, JSON, body, documents, fetch, govuk_content, pending_urls


def mea_listing(number: int, size: int) -> str:
    query = urlencode({"publicationId": 49, "page": number, "PageSize": size, "PLngId": 1})
    return f"/FrontEnd/FetchPublicationListingData?{query}"


def mea_site(site: ss.SiteServer, newest: int, oldest: int, busy: tuple[int, int]) -> None:
    """Publications newest..oldest, newest first, at 20 or 50 a page; the page `busy` (size, number) answers 503
    once first."""
    site.route("/robots.txt", ss.robots())
    pkids = list(range(newest, oldest - 1, -1))
    for size in (20, 50):
        for number in range(1, len(pkids) // size + 2):
            rows = [{"PKID": pkid, "Title": f"Transcript of Weekly Media Briefing number {pkid}",
                     "PublishDate": f"{1 + pkid % 28:02d}/07/2025"} for pkid in pkids[(number - 1) * size:][:size]]
            reply = ss.Reply(json.dumps({"tags": [], "data": rows}).encode(), content_type=JSON)
            site.route(mea_listing(number, size), *([BUSY] if busy == (size, number) else []), reply)
    for pkid in pkids:
        title = f"Transcript of Weekly Media Briefing number {pkid}"
        detail = {"PKID": pkid, "Title": title, "PublishDate": f"{1 + pkid % 28:02d}/07/2025",
                  "Description": body(title)}
        site.route(f"/FrontEnd/FetchPublicationDetailData?pkid={pkid}&languageId=1",
                   ss.Reply(json.dumps(detail).encode(), content_type=JSON))


def test_an_mea_resume_point_made_with_another_page_size_is_read_where_it_broke_off(cli, db_file, site):
    mea_site(site, 300, 191, busy=(50, 2))
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "mea")
    assert code == 1 and first["added"] == 50, first  # 300..251; the walk broke off at page 2 of 50
    set_options(db_file, "mea", {"page_size": 20})
    code, second = fetch(cli, db_file, "mea")
    assert code == 0 and second["added"] == 60, second  # 250..191: page 3 at 20 a page holds 260..241
    assert site.hits(mea_listing(3, 20)) == 1 and site.hits(mea_listing(2, 20)) == 0
    assert any(f"read on from {site.url(mea_listing(3, 20))}, which holds its first items" in note
               for note in second["notes"]), second["notes"]
    assert pending_urls(cli, db_file) == [] and len(documents(cli, db_file)) == 110


def govuk_search(start: int, count: int) -> str:
    query = urlencode({"filter_organisations": "foreign-commonwealth-development-office",
                       "filter_content_store_document_type": "press_release", "order": "-public_timestamp",
                       "count": count, "start": start, "fields": "link,title,public_timestamp"})
    return f"/api/search.json?{query}"


def govuk_site(site: ss.SiteServer, newest: int, busy: tuple[int, int]) -> None:
    """Releases newest..1, newest first, at 30 or 100 a page; the page `busy` (count, start) answers 503 once."""
    site.route("/robots.txt", ss.robots())
    numbers = list(range(newest, 0, -1))
    for count in (30, 100):
        for start in range(0, newest + count, count):
            results = [{"link": f"/government/news/release-{n}", "title": f"UK statement on the talks, release {n}",
                        "public_timestamp": f"2025-06-{1 + n % 28:02d}T10:30:00+01:00"}
                       for n in numbers[start:start + count]]
            reply = ss.Reply(json.dumps({"results": results, "total": newest}).encode(), content_type=JSON)
            site.route(govuk_search(start, count), *([BUSY] if busy == (count, start) else []), reply)
    for n in numbers:
        govuk_content(site, n)


def test_a_govuk_resume_point_made_with_another_page_size_is_read_where_it_broke_off(cli, db_file, site):
    govuk_site(site, 230, busy=(100, 100))
    assert cli("sources", "add", "uk", site.url("/"), "--kind", "govuk", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "uk")
    assert code == 1 and first["added"] == 100, first  # 230..131; the walk broke off at start 100
    set_options(db_file, "uk", {"page_size": 30})
    code, second = fetch(cli, db_file, "uk")
    assert code == 0 and second["added"] == 130, second  # 130..1: start 90 at 30 a page holds 140..111
    assert site.hits(govuk_search(90, 30)) == 1 and site.hits(govuk_search(30, 30)) == 0
    assert pending_urls(cli, db_file) == [] and len(documents(cli, db_file)) == 230
