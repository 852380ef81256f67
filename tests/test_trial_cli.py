"""Commands as the `trial` session used them on real pages: what they say on stderr."""

from __future__ import annotations

from tests.conftest import SAMPLES


def test_log_says_pages_are_due_now_when_their_time_has_passed(cli, db_file):
    """After ingesting a listing page its article links wait with a next try of the moment they were noted;
    `log` said "the next due 2026-12-02T20:10:29Z", a time already gone, as if one had to wait for it."""
    assert cli("ingest", SAMPLES / "listing-china-mfa.html", "--db", db_file).code == 0
    shown = cli("log", "--db", db_file)
    assert shown.code == 0
    assert ("Pages wait for a later try, the next due now (on `briefarc fetch "
            "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/index.html`, the page that lists it): `briefarc log --pending`"
            in shown.stderr)  # no source was named: a plain fetch would not take them


def test_log_does_not_call_a_page_given_to_fetch_the_page_that_lists_it(cli, db_file, site):
    """A URL given to `fetch` that failed waits for a later try, and `log` said to fetch it again as "the page
    that lists it": no page lists it, it is the page."""
    url = site.url("/missing")
    result = cli("fetch", url, "--delay", "0", "--retries", "0", "--db", db_file)
    assert result.code == 1, result.stderr
    shown = cli("log", "--db", db_file)
    assert f"the next due now (on `briefarc fetch {url}`): `briefarc log --pending`" in shown.stderr
    assert "the page that lists it" not in shown.stderr
