"""India MEA's and gov.uk's walks: a page after the first answering 200 with a JSON error object breaks the walk
off there, as a 503 does, and the next run reads on from it.

Before: MEA's page 2 answering {"Message": "An error has occurred."} (ASP.NET's error object), or gov.uk's
{"error": "Too many requests"}, was taken as the end of the listing: exit 0, and every later run stopped at page 1,
so 50 of 110 (100 of 230) documents were ever archived. gov.uk's search API answers `results: []` past the last
page, so an answer without `results` is an error on any page. Found by helper-117's review of 30aca2e.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path, JSON shaped as the APIs answer."""

from __future__ import annotations

import json

from tests import siteserver as ss
from tests.test_sources115_walk import (
    BUSY,
    JSON,
    body,
    documents,
    fetch,
    govuk_search,
    govuk_site,
    mea_detail,
    mea_listing,
    mea_rows,
    mea_site,
    pending_urls,
)


def answer(payload) -> ss.Reply:
    return ss.Reply(json.dumps(payload).encode(), content_type=JSON)


def test_an_mea_page_2_answering_an_error_object_breaks_the_walk_off_and_the_next_run_reads_on(cli, db_file, site):
    mea_site(site, [answer({"Message": "An error has occurred."})])
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0

    code, first = fetch(cli, db_file, "mea")
    assert code == 1 and first["added"] == 50, first
    assert 'not answer with a list of publications but with an error, "An error has occurred."' in first["error"]
    assert any("broke off at " + site.url(mea_listing(2)) in note for note in first["notes"]), first
    assert pending_urls(cli, db_file) == [site.url(mea_listing(2))]

    code, second = fetch(cli, db_file, "mea")
    assert code == 0 and second["added"] == 60, second
    assert pending_urls(cli, db_file) == [] and len(documents(cli, db_file)) == 110
    assert all(site.hits(mea_detail(pkid)) == 1 for pkid in range(191, 301))


def test_an_mea_page_past_the_last_that_lists_nothing_still_ends_the_walk(cli, db_file, site):
    """Two full pages, and page 3 answers an object holding no list and no error: the end, as before."""
    mea_site(site, [])
    site.route(mea_listing(3), answer({"tags": None, "total": 100}))
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0
    code, run = fetch(cli, db_file, "mea")
    assert code == 0 and run["added"] == 100, run
    assert any("taken as the end of the listing" in note for note in run["notes"]), run
    assert pending_urls(cli, db_file) == []


def test_a_govuk_page_2_answering_an_error_object_breaks_the_walk_off_and_the_next_run_reads_on(cli, db_file, site):
    govuk_site(site, [answer({"error": "Too many\x1b[2J requests"})])
    assert cli("sources", "add", "uk", site.url("/"), "--kind", "govuk", "--db", db_file).code == 0

    code, first = fetch(cli, db_file, "uk")
    assert code == 1 and first["added"] == 100, first
    assert 'not answer with a list of results but with an error, "Too many [2J requests"' in first["error"], first
    assert pending_urls(cli, db_file) == [site.url(govuk_search(100))]

    code, second = fetch(cli, db_file, "uk")
    assert code == 0 and second["added"] == 130, second
    assert pending_urls(cli, db_file) == [] and len(documents(cli, db_file)) == 230


def test_a_govuk_page_2_answering_no_results_at_all_is_no_end_either(cli, db_file, site):
    govuk_site(site, [answer({"total": 230})])
    assert cli("sources", "add", "uk", site.url("/"), "--kind", "govuk", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "uk")
    assert code == 1 and "did not answer with a list of results" in first["error"], first
    assert pending_urls(cli, db_file) == [site.url(govuk_search(100))]
    code, second = fetch(cli, db_file, "uk")
    assert code == 0 and len(documents(cli, db_file)) == 230, second


# -- a resume point whose page is gone -------------------------------------------------------------------------
# Before: the run that met it failed with '...page=2... answered 404: check the source's URL.', which sends the user
# to a source that is right, and the run after forgot the point without a word.

GONE = ss.Reply(b"<html><body>Not Found</body></html>", 404)


def test_a_resume_point_whose_page_answers_404_now_is_said_gone_once_and_the_walk_ends_there(cli, db_file, site):
    mea_site(site, [BUSY])
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "mea")
    assert code == 1 and pending_urls(cli, db_file) == [site.url(mea_listing(2))], first

    site.route(mea_listing(2), GONE)
    code, second = fetch(cli, db_file, "mea")
    assert code == 0 and second["added"] == 0 and not second.get("error"), second
    gone = [note for note in second["notes"] if "is gone now" in note]
    assert gone == [f"{site.url(mea_listing(2))}, where an earlier run's walk broke off, is gone now: the walk "
                    "ends there"], second["notes"]
    assert pending_urls(cli, db_file) == []

    code, third = fetch(cli, db_file, "mea")  # said once: the walk is back to stopping at page 1
    assert code == 0 and third["fetched"] == 0 and not any("gone" in note for note in third["notes"]), third
    assert site.hits(mea_listing(2)) == 2  # the first run's 503 and the second's 404


def test_the_pages_before_a_gone_resume_point_are_read_again_and_their_new_items_archived(cli, db_file, site):
    mea_site(site, [])
    site.route(mea_listing(3), BUSY)
    assert cli("sources", "add", "mea", site.url("/"), "--kind", "mea", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "mea")
    assert code == 1 and first["added"] == 100 and pending_urls(cli, db_file) == [site.url(mea_listing(3))], first

    # page 1 as it was; page 2 now holds 5 publications no run has seen (the listing was rearranged), page 3 is gone
    site.route(mea_listing(2), mea_rows([*range(405, 400, -1), *range(250, 205, -1)]))
    for pkid in range(401, 406):
        detail = {"PKID": pkid, "Title": f"Briefing {pkid}", "PublishDate": "01/08/2025",
                  "Description": body(f"Briefing {pkid}")}
        site.route(mea_detail(pkid), answer(detail))
    site.route(mea_listing(3), GONE)
    code, second = fetch(cli, db_file, "mea")
    assert code == 0 and second["added"] == 5, second
    assert any(note.endswith("is gone now: the walk reads page 2 again, to its end there")
               for note in second["notes"]), second["notes"]
    assert pending_urls(cli, db_file) == [] and site.hits(mea_listing(3)) == 2  # each run asked for it once
