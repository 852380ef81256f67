"""The polite client against real local servers: each behaviour and each fault, what comes back and what is logged."""

from __future__ import annotations

import asyncio
import gzip
import time
import tracemalloc
import zlib
from dataclasses import dataclass, field

import pytest

from briefarc.errors import BriefarcError, FetchError
from briefarc.net.failures import retry_after
from briefarc.net.fetch import (
    FEED_TYPES,
    FetchConfig,
    Fetcher,
    FetchFailure,
    RequestRecord,
    Response,
    looks_missing,
    run,
)
from briefarc.net.robots import parse
from tests.siteserver import (
    Blackhole,
    Reply,
    SiteServer,
    article,
    closed_port,
    fail_then,
    gzip_bomb,
    http_date,
    huge,
    not_found_page,
    pdf,
    peak_overlap,
    redirect,
    reset,
    robots,
    self_signed,
    slow,
    too_many_requests,
    truncated,
)

FAST = {
    "delay": 0.0, "backoff": 0.01, "max_backoff": 0.05, "connect_timeout": 2.0, "read_timeout": 2.0,
    "total_timeout": 10.0, "retries": 2,
}


def config(**changes) -> FetchConfig:
    return FetchConfig(**{**FAST, **changes})


@dataclass
class Outcome:
    response: Response | None
    failure: FetchFailure | None
    records: list[RequestRecord] = field(default_factory=list)

    def page_records(self) -> list[RequestRecord]:
        return [record for record in self.records if not record.url.endswith("/robots.txt")]

    def statuses(self) -> list[int | None]:
        return [record.status for record in self.page_records()]


def fetch(url: str, cfg: FetchConfig | None = None, **options) -> Outcome:
    """One get() in a fresh Fetcher; the answer or the failure, and every attempt logged."""
    records: list[RequestRecord] = []

    async def go() -> tuple[Response | None, FetchFailure | None]:
        async with Fetcher(cfg or config(), on_request=records.append) as fetcher:
            try:
                return await fetcher.get(url, **options), None
            except FetchFailure as failure:
                return None, failure

    response, failure = asyncio.run(go())
    return Outcome(response, failure, records)


def fetch_all(urls: list[str], cfg: FetchConfig) -> tuple[list[Response | FetchFailure], list[RequestRecord]]:
    """Concurrent get()s through one Fetcher."""
    records: list[RequestRecord] = []

    async def go() -> list[Response | FetchFailure]:
        async with Fetcher(cfg, on_request=records.append) as fetcher:
            return await asyncio.gather(*(fetcher.get(url) for url in urls), return_exceptions=True)

    return asyncio.run(go()), records


def assert_spaced(times: list[float], delay: float, since: float) -> None:
    """The k-th request reached the server no sooner than k delays after `since` (taken before the first
    could start): each one arrives after it started, and the fetcher starts them `delay` apart at least.
    A busy machine only makes requests later, so no tolerance is needed (beyond float rounding)."""
    early = [(k, round(at - since, 3)) for k, at in enumerate(sorted(times)) if at - since < k * delay - 1e-6]
    assert not early, f"requests that came sooner than {delay} s after the one before: {early}"


# -- plain fetching ----------------------------------------------------------------------------------------


def test_page_is_fetched_as_briefarc_with_the_users_contact(site):
    site.route("/briefings/1", article("Briefing one"))
    outcome = fetch(site.url("/briefings/1"), config(contact="archivist@example.org"))

    response = outcome.response
    assert response.status == 200 and b"Briefing one" in response.data
    assert response.final_url == response.url == site.url("/briefings/1")
    assert response.content_type == "text/html; charset=utf-8"
    assert response.headers["content-type"] == response.content_type  # lower-case names
    assert response.attempts == 1 and not response.not_modified and response.elapsed > 0
    agent = site.requests[-1].headers["user-agent"]
    assert agent.startswith("briefarc/") and "+https://github.com/briefarc/briefarc" in agent
    assert "contact: archivist@example.org" in agent
    assert site.requests[-1].headers["accept-encoding"] == "gzip, deflate"
    assert site.paths() == ["/robots.txt", "/briefings/1"]
    robots_record, page_record = outcome.records
    assert (robots_record.status, page_record.status) == (404, 200)
    assert page_record.bytes == len(response.data) and page_record.error is None and page_record.attempt == 1
    assert page_record.at.endswith("Z") and page_record.duration >= 0


def test_a_sites_cookie_goes_back_to_it_and_keep_alive_is_asked_for(site):
    site.route("/robots.txt", Reply(b"", status=404, headers={"Set-Cookie": "visit=abc123; Path=/"}))
    site.route("/briefings/1", article("Briefing one"))
    site.route("/briefings/2", article("Briefing two"))

    async def both() -> None:
        async with Fetcher(config()) as fetcher:
            await fetcher.get(site.url("/briefings/1"))
            await fetcher.get(site.url("/briefings/2"))

    asyncio.run(both())
    pages = [seen.headers for seen in site.requests if seen.path.startswith("/briefings/")]
    assert [headers.get("cookie") for headers in pages[-2:]] == ["visit=abc123"] * 2
    assert all(headers.get("connection") == "keep-alive" for headers in pages)


def test_a_large_body_arrives_whole_through_the_connections_buffer(site):
    size = 3 * 2**20 + 12345  # many times what a connection keeps before it stops reading the socket
    site.route("/big", huge(size, announce=False))
    outcome = fetch(site.url("/big"))
    assert outcome.failure is None and len(outcome.response.data) == size


def test_a_user_agent_given_in_full_is_used_as_it_is(site):
    site.route("/a", article("A"))
    fetch(site.url("/a"), config(user_agent="briefarc-test/1 (ops@example.org)"))
    assert {seen.headers["user-agent"] for seen in site.requests} == {"briefarc-test/1 (ops@example.org)"}


@pytest.mark.parametrize("encoding, encode", [
    ("gzip", gzip.compress),
    ("deflate", zlib.compress),
    ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send it
])
def test_compressed_pages_are_decoded(site, encoding, encode):
    page = article("Compressed")
    site.route("/a", Reply(encode(page), headers={"Content-Encoding": encoding}))
    outcome = fetch(site.url("/a"))
    assert outcome.response.data == page
    assert outcome.page_records()[0].bytes < len(page)  # the log counts bytes on the wire


def test_etag_makes_a_conditional_request_and_304_comes_back_empty(site):
    site.route("/a", Reply(article("A"), etag='"v1"'))
    first = fetch(site.url("/a")).response
    assert first.headers["etag"] == '"v1"'

    again = fetch(site.url("/a"), etag='"v1"')
    assert again.response.status == 304 and again.response.not_modified and again.response.data == b""
    assert site.requests[-1].headers["if-none-match"] == '"v1"'
    assert again.statuses() == [304]


def test_last_modified_makes_a_conditional_request(site):
    stamp = http_date(1_750_000_000)
    site.route("/a", Reply(article("A"), last_modified=stamp))
    outcome = fetch(site.url("/a"), last_modified=stamp)
    assert outcome.response.not_modified
    assert site.requests[-1].headers["if-modified-since"] == stamp


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_answers_for_the_caller_to_mark_removed(site, status):
    site.route("/gone", Reply(b"<title>gone</title>", status))
    outcome = fetch(site.url("/gone"))
    assert outcome.failure is None and outcome.response.status == status
    assert looks_missing(outcome.response, site.url("/gone"))
    assert outcome.statuses() == [status]  # not retried


def test_redirects_are_followed_and_counted(site):
    site.route("/old", redirect("/middle", 301))
    site.route("/middle", redirect("/new"))
    site.route("/new", article("New home"))
    outcome = fetch(site.url("/old"))
    assert outcome.response.final_url == site.url("/new") and outcome.response.url == site.url("/old")
    assert outcome.response.attempts == 3
    assert outcome.statuses() == [301, 302, 200]
    assert site.hits("/robots.txt") == 1


def test_accept_none_takes_any_content_type(site):
    site.route("/report.pdf", pdf())
    outcome = fetch(site.url("/report.pdf"), accept=None)
    assert outcome.response.data.startswith(b"%PDF")


def test_feeds_are_accepted_when_asked_for(site):
    site.route("/feed/", Reply(b"<rss><channel></channel></rss>", content_type="application/rss+xml"))
    assert fetch(site.url("/feed/"), accept=FEED_TYPES).response.status == 200
    assert fetch(site.url("/feed/")).failure.reason == "content_type"


# -- faults: retries -------------------------------------------------------------------------------------


def test_500_then_success_is_retried(site):
    site.route("/a", fail_then(article("A"), failures=1, status=500))
    outcome = fetch(site.url("/a"))
    assert outcome.response.status == 200 and outcome.response.attempts == 2
    assert outcome.statuses() == [500, 200]
    assert [record.attempt for record in outcome.page_records()] == [1, 2]


def test_5xx_for_ever_fails_after_the_retries(site):
    site.route("/a", Reply(b"down", 503))
    outcome = fetch(site.url("/a"), config(retries=2))
    failure = outcome.failure
    assert failure.reason == "http" and failure.status == 503 and failure.attempts == 3
    assert not failure.skipped
    assert str(failure) == f"{site.host} answered 503 Service Unavailable: the site is in trouble; try again later, " \
                           "after 3 attempts"
    assert outcome.statuses() == [503, 503, 503]


@pytest.mark.timing
def test_429_waits_for_retry_after_then_succeeds(site):
    site.route("/a", too_many_requests(retry_after="0.3", then=article("A")))
    outcome = fetch(site.url("/a"), config(backoff=0.001))
    assert outcome.response.status == 200
    assert outcome.statuses() == [429, 200]
    first, second = (seen.at for seen in site.requests if seen.path == "/a")
    assert second - first >= 0.3 - 1e-6  # the retry started after the 429 arrived, which was after `first`


def test_429_for_ever_fails_with_advice(site):
    site.route("/a", too_many_requests(retry_after="0"))
    outcome = fetch(site.url("/a"), config(retries=1))
    assert outcome.failure.reason == "http" and outcome.failure.status == 429
    assert "kept answering 429 Too Many Requests: wait a while and run again, after 2 attempts" in str(outcome.failure)


def test_a_retry_after_beyond_the_limit_fails_without_waiting(site, monkeypatch):
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float, *args):  # every wait of the fetcher and its throttle, recorded
        waits.append(seconds)
        return await real_sleep(seconds, *args)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    site.route("/a", too_many_requests(retry_after="3600"))
    outcome = fetch(site.url("/a"), config(max_retry_after=60))
    assert not [seconds for seconds in waits if seconds >= 1], waits
    assert outcome.failure.reason == "http" and "asked to wait 3600 s" in str(outcome.failure)
    assert outcome.statuses() == [429]


def test_retry_after_reads_seconds_and_http_dates():
    assert retry_after("120") == 120
    assert retry_after(" 0 ") == 0
    before = time.time()
    wait = retry_after(http_date(before + 60))  # an HTTP date has whole seconds
    assert 60 - (time.time() - before) - 1 <= wait <= 60
    assert retry_after(http_date(time.time() - 60)) == 0
    assert retry_after("soon") is None and retry_after(None) is None


def test_a_slow_response_times_out_naming_the_read_timeout(site):
    site.route("/slow", slow(1.0, article("late")))
    outcome = fetch(site.url("/slow"), config(read_timeout=0.2, retries=1))
    failure = outcome.failure
    assert failure.reason == "timeout" and failure.attempts == 2
    assert str(failure) == f"{site.host} did not answer in time: read timeout (0.2 s), after 2 attempts"
    assert [record.error for record in outcome.page_records()] == [f"{site.host} did not answer in time: read "
                                                                  "timeout (0.2 s)"] * 2
    assert outcome.statuses() == [None, None]


def test_a_body_that_drips_in_hits_the_total_timeout(site):
    def drip():
        for _ in range(80):
            time.sleep(0.05)
            yield b"<p>drip</p>"

    site.route("/drip", Reply(stream=drip))
    # robots.txt is not what is tested: under a loaded machine it alone could use up a short total limit
    outcome = fetch(site.url("/drip"), config(read_timeout=2.0, total_timeout=0.8, retries=0, respect_robots=False))
    assert outcome.failure.reason == "too_slow"  # the server's pace: not retried
    assert "whole response within 0.8 s" in str(outcome.failure)
    assert outcome.statuses() == [200]  # the headers came, the body did not finish


def test_a_connect_timeout_is_named():
    with Blackhole() as hole:
        outcome = fetch(hole.url("/a"), config(connect_timeout=0.2, retries=1, respect_robots=False))
    assert outcome.failure.reason == "timeout"
    assert f"127.0.0.1:{hole.port} did not answer in time: connect timeout (0.2 s), after 2 attempts" == str(
        outcome.failure)


def test_a_refused_connection_is_one_line_naming_host_and_cause():
    port = closed_port()
    outcome = fetch(f"http://127.0.0.1:{port}/a", config(retries=1))
    failure = outcome.failure
    assert failure.reason == "connect" and failure.host == f"127.0.0.1:{port}"
    assert str(failure) == f"cannot connect to 127.0.0.1:{port}: Connection refused, after 2 attempts"
    assert "\n" not in str(failure)
    # robots.txt was tried with the page's retry and could not be read: the page itself is not asked for
    assert [record.url.rsplit("/", 1)[1] for record in outcome.records] == ["robots.txt", "robots.txt"]


def test_a_reset_connection_is_retried(site):
    site.route("/a", reset(), Reply(article("A")))
    outcome = fetch(site.url("/a"))
    assert outcome.response.status == 200 and outcome.response.attempts == 2
    assert outcome.statuses() == [None, 200]
    assert "Connection reset by peer" in outcome.page_records()[0].error


def test_a_connection_reset_every_time_fails_as_connect(site):
    site.route("/a", reset())
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "connect" and outcome.failure.attempts == 3
    assert str(outcome.failure) == f"the connection to {site.host} broke: Connection reset by peer, after 3 attempts"


def test_a_truncated_body_is_retried(site):
    page = article("Cut")
    site.route("/a", truncated(page), Reply(page))
    outcome = fetch(site.url("/a"))
    assert outcome.response.data == page and outcome.response.attempts == 2
    first = outcome.page_records()[0]
    assert first.status == 200 and first.bytes == len(page) // 2
    assert first.error == f"the response from {site.host} was cut short ({len(page) // 2} of {len(page)} bytes)"


def test_a_body_truncated_every_time_fails_as_truncated(site):
    site.route("/a", truncated(article("Cut"), sent=100))
    outcome = fetch(site.url("/a"), config(retries=1))
    assert outcome.failure.reason == "truncated" and outcome.failure.attempts == 2
    assert outcome.statuses() == [200, 200]


# -- faults: not retried -----------------------------------------------------------------------------------


def test_a_redirect_loop_fails(site):
    site.route("/a", redirect("/b"))
    site.route("/b", redirect("/a"))
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "redirects"
    assert str(outcome.failure) == f"redirect loop at {site.host}: {site.url('/b')} leads back to {site.url('/a')}"
    assert outcome.statuses() == [302, 302]


def test_a_redirect_to_an_unreadable_address_fails_as_that_page_alone(site):
    """`Location: http://[bold]x/` (no IP address in the brackets) raised ValueError out of urljoin: the whole
    source failed with 'internal error while reading the source'."""
    site.route("/a", redirect("http://[bold]x[/bold]/"))
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "redirects" and outcome.failure.url == site.url("/a")
    assert str(outcome.failure) == (f"{site.url('/a')} redirects to an address that cannot be read: "
                                    "'http://[bold]x[/bold]/'")
    assert outcome.statuses() == [302]


def test_an_address_with_a_control_character_fails_as_that_page_alone(site):
    """httpx.InvalidURL is no httpx.HTTPError: a feed's link with an ESC in it failed as an 'internal error'."""
    outcome = fetch(site.url("/page\x1b[31m"))
    assert outcome.failure.reason == "http" and "non-printable" in str(outcome.failure)
    assert str(outcome.failure).startswith(f"cannot fetch {site.url('/page')}")


def test_too_many_redirects_fail(site):
    for number in range(10):
        site.route(f"/r{number}", redirect(f"/r{number + 1}"))
    outcome = fetch(site.url("/r0"), config(max_redirects=3))
    assert outcome.failure.reason == "redirects" and "more than 3 redirects" in str(outcome.failure)
    assert len(outcome.page_records()) == 4


def test_a_50_mb_body_with_its_length_is_refused_before_reading(site):
    site.route("/big", huge(50 * 2**20))
    outcome = fetch(site.url("/big"))  # the default cap: 20 MB
    failure = outcome.failure
    assert failure.reason == "too_large" and not failure.skipped
    assert str(failure) == (
        f"the response from {site.host} is larger than the 20 MB limit (it announces 50 MB): not a page")
    assert outcome.page_records()[0].bytes == 0
    assert outcome.statuses() == [200]  # not retried


def test_a_50_mb_body_without_a_length_stops_at_the_cap(site):
    site.route("/big", huge(50 * 2**20, announce=False))
    outcome = fetch(site.url("/big"), config(max_bytes=2**20))
    assert outcome.failure.reason == "too_large"
    assert 2**20 < outcome.page_records()[0].bytes < 2**20 + 256 * 1024


def test_a_gzip_bomb_stops_at_the_decompressed_cap_without_filling_memory(site):
    site.route("/bomb", gzip_bomb(4 * 2**30))  # 4 MB on the wire, 4 GB of zeros once decoded
    tracemalloc.start()
    try:
        outcome = fetch(site.url("/bomb"), config(max_decompressed=50 * 2**20))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    failure = outcome.failure
    assert failure.reason == "decompression"  # a page is held to the page limit once decoded too
    assert str(failure) == f"the body from {site.host} decodes to more than 20 MB: not a page"
    assert peak < 120 * 2**20  # the cap plus change, never the 4 GB
    assert outcome.page_records()[0].bytes < 2**20  # about 50 KB of the 4 MB were read
    assert outcome.statuses() == [200]


@pytest.mark.parametrize("headers, body, message", [
    ({"Content-Encoding": "br"}, b"\x1b\x00", "comes in an encoding briefarc cannot decode ('br')"),
    ({"Content-Encoding": "gzip"}, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 20,
     "is not valid gzip data (Error -3 while decompressing data: invalid block type)"),
    ({"Content-Encoding": "gzip"}, gzip.compress(b"<html>" * 1000)[:-30], "ends before the end of its gzip data"),
])
def test_bodies_that_cannot_be_decoded_fail_as_decompression(site, headers, body, message):
    site.route("/a", Reply(body, headers=headers))
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "decompression" and message in str(outcome.failure)


def test_a_pdf_is_skipped_not_parsed(site):
    site.route("/statement.pdf", pdf())
    outcome = fetch(site.url("/statement.pdf"))
    failure = outcome.failure
    assert failure.reason == "content_type" and failure.skipped
    assert str(failure) == f"{site.url('/statement.pdf')} is application/pdf, not a web page: skipped"
    record = outcome.page_records()[0]
    assert record.status == 200 and record.bytes == 0 and record.error == str(failure)


@pytest.mark.parametrize("content_type", [None, "application/octet-stream"])
def test_a_binary_body_without_a_real_type_is_sniffed_and_skipped(site, content_type):
    site.route("/photo", Reply(b"\x89PNG\r\n\x1a\n" + bytes(200), content_type=content_type))
    outcome = fetch(site.url("/photo"))
    assert outcome.failure.reason == "content_type" and outcome.failure.skipped


def test_403_is_reported_plainly_and_the_client_is_not_disguised(site):
    site.route("/briefings/1", Reply(b"Access Denied", 403))
    outcome = fetch(site.url("/briefings/1"))
    failure = outcome.failure
    assert failure.reason == "refused" and failure.status == 403 and failure.attempts == 1
    assert str(failure) == (
        f"{site.host} refused the request (403 Forbidden): the site turns away automated clients; briefarc does "
        "not disguise itself — save the pages from a browser and `briefarc ingest` them"
    )
    assert outcome.statuses() == [403]
    assert site.requests[-1].headers["user-agent"].startswith("briefarc/")


def test_other_client_errors_fail_without_retry(site):
    site.route("/a", Reply(b"bad", 400))
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "http" and outcome.failure.status == 400
    assert outcome.statuses() == [400]


def test_only_web_addresses_are_fetched(site):
    site.route("/a", redirect("ftp://example.org/file"))
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "http" and "not an http or https address" in str(outcome.failure)


# -- TLS ---------------------------------------------------------------------------------------------------


def test_a_tls_failure_names_the_host_and_the_reason(site):
    site.route("/a", article("A"))
    outcome = fetch(site.url("/a").replace("http://", "https://"))
    failure = outcome.failure
    assert failure.reason == "tls" and not failure.skipped
    assert str(failure) == f"TLS failure with {site.host}: wrong version number"
    assert failure.url == site.url("/a").replace("http://", "https://")
    assert [record.url for record in outcome.records] == [site.url("/robots.txt").replace("http://", "https://")]


@pytest.fixture(scope="module")
def tls_context(tmp_path_factory):
    context = self_signed(tmp_path_factory.mktemp("tls"))
    if context is None:
        pytest.skip("openssl is needed to make a certificate")
    return context


def test_an_untrusted_certificate_is_named(tls_context):
    with SiteServer(tls=tls_context) as secure:
        secure.route("/a", article("A"))
        outcome = fetch(secure.url("/a"))
        assert outcome.failure.reason == "tls"
        assert str(outcome.failure).startswith(
            f"TLS failure with {secure.host}: certificate verify failed: self-signed certificate (")
        assert "SSL_CERT_FILE" in str(outcome.failure)
        assert fetch(secure.url("/a"), config(verify_tls=False)).response.status == 200


# -- robots.txt --------------------------------------------------------------------------------------------


def test_robots_disallow_skips_the_page_without_requesting_it(site):
    site.route("/robots.txt", robots(disallow=["/private/"]))
    site.route("/private/1", article("secret"))
    outcome = fetch(site.url("/private/1"))
    failure = outcome.failure
    assert failure.reason == "robots" and failure.skipped and failure.status is None
    assert str(failure) == f"robots.txt of {site.host} does not let briefarc fetch /private/1: skipped"
    assert site.paths() == ["/robots.txt"]
    # the page is logged with its reason, never asked for (attempt 0), so that `briefarc log` names it
    assert [(record.url, record.status, record.attempt, record.error) for record in outcome.records] == [
        (site.url("/robots.txt"), 200, 1, None), (site.url("/private/1"), None, 0, str(failure))]


def test_a_redirect_into_a_disallowed_path_is_skipped(site):
    site.route("/robots.txt", robots(disallow=["/private/"]))
    site.route("/a", redirect("/private/a"))
    outcome = fetch(site.url("/a"))
    assert outcome.failure.reason == "robots"
    assert site.paths() == ["/robots.txt", "/a"]


def test_a_redirect_to_another_host_reads_that_hosts_robots():
    with SiteServer() as first, SiteServer() as second:
        first.route("/a", redirect(second.url("/private/a")))
        second.route("/robots.txt", robots(disallow=["/private/"]))
        outcome = fetch(first.url("/a"))
        assert outcome.failure.reason == "robots"
        assert second.paths() == ["/robots.txt"]


def test_robots_for_briefarc_overrides_the_star_group(site):
    site.route("/robots.txt", Reply(b"User-agent: *\nDisallow: /\n\nUser-agent: briefarc\nDisallow: /drafts/\n",
                                    content_type="text/plain"))
    site.route("/a", article("A"))

    async def go() -> tuple[bool, bool]:
        async with Fetcher(config()) as fetcher:
            return await fetcher.allowed(site.url("/a")), await fetcher.allowed(site.url("/drafts/a"))

    assert asyncio.run(go()) == (True, False)


def test_robots_is_fetched_once_per_host_even_under_concurrency(site):
    for number in range(8):
        site.route(f"/p{number}", article(f"P{number}"))
    answers, records = fetch_all([site.url(f"/p{number}") for number in range(8)], config(per_host=4))
    assert all(isinstance(answer, Response) for answer in answers)
    assert site.hits("/robots.txt") == 1
    assert sum(record.url.endswith("/robots.txt") for record in records) == 1


@pytest.mark.parametrize("status, phrase", [(503, "503 Service Unavailable"), (500, "500 Internal Server Error"),
                                            (429, "429 Too Many Requests")])
def test_robots_answering_5xx_or_429_fails_every_page_and_is_remembered(site, status, phrase):
    site.route("/robots.txt", Reply(b"oops", status, "text/plain", {"Retry-After": "0"}))
    site.route("/a", article("A"))
    site.route("/b", article("B"))
    answers, records = fetch_all([site.url("/a"), site.url("/b")], config(retries=2))
    assert [item.url for item in answers] == [site.url("/a"), site.url("/b")]
    for item in answers:
        assert isinstance(item, FetchFailure) and not item.skipped and item.status == status
        assert str(item) == (f"robots.txt of {site.host} answered {phrase}: briefarc does not fetch a site whose "
                             "rules it cannot read; try again later")
    assert site.paths() == ["/robots.txt"]  # one answer, remembered: no page asked for, robots.txt not again
    assert [record.status for record in records] == [status]


def test_a_robots_failure_is_remembered_for_the_fetchers_life(site):
    site.route("/robots.txt", Reply(b"oops", 503), robots())
    site.route("/a", article("A"))

    async def go() -> list[bool]:
        async with Fetcher(config()) as fetcher:
            first = await fetcher.allowed(site.url("/a"))
        async with fetcher:
            return [first, await fetcher.allowed(site.url("/a")), await fetcher.allowed(site.url("/robots.txt"))]

    assert asyncio.run(go()) == [False, False, True]
    assert site.hits("/robots.txt") == 1


def test_a_robots_connection_failure_is_retried_then_fails_the_page(site):
    site.route("/robots.txt", reset())
    site.route("/a", article("A"))
    site.route("/b", article("B"))
    answers, records = fetch_all([site.url("/a"), site.url("/b")], config(retries=2))
    for item in answers:
        assert isinstance(item, FetchFailure) and item.reason == "connect" and not item.skipped
        assert str(item) == f"the connection to {site.host} broke: Connection reset by peer, after 3 attempts"
    assert site.paths() == ["/robots.txt"] * 3  # retried as a page is, then remembered
    assert [record.attempt for record in records] == [1, 2, 3]


def test_a_robots_connection_failure_that_recovers_lets_the_page_through(site):
    site.route("/robots.txt", reset(), robots(disallow=["/private/"]))
    site.route("/a", article("A"))
    outcome = fetch(site.url("/a"), config(retries=1))
    assert outcome.response.status == 200
    assert site.paths() == ["/robots.txt", "/robots.txt", "/a"]


def test_a_refused_robots_connection_fails_the_page_with_the_connection_failure():
    port = closed_port()
    outcome = fetch(f"http://127.0.0.1:{port}/briefings/1", config(retries=0))
    failure = outcome.failure
    assert str(failure) == f"cannot connect to 127.0.0.1:{port}: Connection refused"
    assert failure.reason == "connect" and failure.url == f"http://127.0.0.1:{port}/briefings/1"
    assert [record.url for record in outcome.records] == [f"http://127.0.0.1:{port}/robots.txt"]


@pytest.mark.parametrize("answer", [Reply(b"no", 404), Reply(b"no", 403), Reply(b"no", 401),
                                    redirect("/robots.txt")])
def test_a_robots_txt_that_is_missing_allows_everything(site, answer):
    site.route("/robots.txt", answer)
    site.route("/a", article("A"))
    assert fetch(site.url("/a"), config(retries=2)).response.status == 200
    assert site.hits("/robots.txt") == 1


def test_robots_can_be_switched_off(site):
    site.route("/robots.txt", robots(disallow=["/"]))
    site.route("/a", article("A"))
    assert fetch(site.url("/a"), config(respect_robots=False)).response.status == 200
    assert site.paths() == ["/a"]


@pytest.mark.timing
def test_crawl_delay_spaces_the_requests_to_a_host(site):
    site.route("/robots.txt", robots(crawl_delay=0.2))
    for number in range(3):
        site.route(f"/p{number}", article(f"P{number}"))
    since = time.monotonic()
    fetch_all([site.url(f"/p{number}") for number in range(3)], config(per_host=2))
    assert len(site.requests) == 4
    assert_spaced([seen.at for seen in site.requests], 0.2, since)


def test_robots_parsing_follows_the_longest_match_and_wildcards():
    rules = parse(b"""# comment
User-agent: other
Disallow: /

User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*?PAGEN_
Disallow: /*.pdf$
Crawl-delay: 2.5
""", "briefarc")
    assert rules.crawl_delay == 2.5
    assert rules.allows("https://x.org/briefings/1")
    assert not rules.allows("https://x.org/private/1")
    assert rules.allows("https://x.org/private/open/1")
    assert not rules.allows("https://x.org/en/briefings/?PAGEN_1=2")
    assert not rules.allows("https://x.org/a/report.pdf") and rules.allows("https://x.org/a/report.pdf.html")
    assert rules.allows("https://x.org/robots.txt")
    assert parse(b"User-agent: *\nDisallow:\n", "briefarc").allows("https://x.org/anything")


def test_robots_of_many_rules_tries_only_those_whose_start_the_path_has(monkeypatch):
    """Every rule was tried against every URL: a robots.txt of 20,000 rules cost about 11 ms of CPU a URL (it was
    20,000 tests; it is now a dict lookup per character of the path).
    Only rules whose text before the first `*` begins the path can match; the answers stay the same."""
    from briefarc.net import robots

    lines = "".join(f"Disallow: /dir{number}/page*.html\n" for number in range(15_000))
    rules = parse(f"User-agent: *\n{lines}Allow: /dir7/page1.html$\nDisallow: /*.pdf$\nDisallow: *secret\n".encode(),
                  "briefarc")
    tried: list[str] = []
    real = robots._matches
    monkeypatch.setattr(robots, "_matches", lambda pattern, path: tried.append(pattern) or real(pattern, path))
    assert not rules.allows("https://x.org/dir7/page2.html")
    assert rules.allows("https://x.org/dir7/page1.html")  # the longer Allow wins
    assert not rules.allows("https://x.org/other/a.pdf") and rules.allows("https://x.org/other/a.pdf.html")
    assert not rules.allows("https://x.org/a/secret/b") and rules.allows("https://x.org/dir99999/page1.html")
    assert len(tried) <= 6 * 3
    rules.rules.append(robots.Rule(False, "/late"))  # rules added after a lookup are seen too
    assert not rules.allows("https://x.org/late/1")


def test_robots_long_rule_and_long_path_take_a_lookup_per_rule_length_not_per_character():
    """The lookup sliced the path at every length up to the longest rule's start: one rule of 500,000
    characters and a path of 50,000 made 50,000 slices of up to 50,000 characters, half a second of CPU
    a URL. Only the lengths some rule's start has are looked up."""
    rules = parse(b"User-agent: *\nDisallow: /" + b"a" * 500_000 + b"\nDisallow: /private\n", "briefarc")
    assert rules.allows("https://x.org/" + "a" * 50_000)  # builds the index
    looked_up: list[int] = []

    class Counting(dict):
        def get(self, key, default=None):
            looked_up.append(len(key))
            return super().get(key, default)

    rules._by_start = Counting(rules._by_start or {})
    assert rules.allows("https://x.org/" + "a" * 50_000)
    assert not rules.allows("https://x.org/private/" + "b" * 50_000)
    assert len(looked_up) <= 2 * 2 and sum(looked_up) < 100

@pytest.mark.parametrize(("value", "delay"), [("inf", None), ("nan", None), ("86400", 60.0), ("-3", None)])
def test_crawl_delay_is_capped(value, delay):
    assert parse(f"User-agent: *\nCrawl-delay: {value}\n".encode(), "briefarc").crawl_delay == delay


# -- limits ------------------------------------------------------------------------------------------------


@pytest.mark.timing
def test_delay_spaces_request_starts_on_a_host(site):
    for number in range(4):
        site.route(f"/p{number}", article(f"P{number}"))
    since = time.monotonic()
    fetch_all([site.url(f"/p{number}") for number in range(4)], config(per_host=4, delay=0.15))
    assert len(site.requests) == 5  # robots.txt and four pages
    assert_spaced([seen.at for seen in site.requests], 0.15, since)


def test_per_host_concurrency_is_limited():
    with SiteServer(latency=0.15) as slow_site:
        for number in range(6):
            slow_site.route(f"/p{number}", article(f"P{number}"))
        answers, _ = fetch_all([slow_site.url(f"/p{number}") for number in range(6)], config(per_host=2, total=8))
        assert all(isinstance(answer, Response) for answer in answers)
        assert slow_site.max_in_flight == 2


def test_the_global_limit_holds_across_hosts(sites):
    servers = sites(3, latency=0.15)
    urls = []
    for server in servers:
        server.route("/robots.txt", robots())
        for number in range(4):
            server.route(f"/p{number}", article(f"P{number}"))
            urls.append(server.url(f"/p{number}"))
    answers, _ = fetch_all(urls, config(per_host=2, total=3))
    assert all(isinstance(answer, Response) for answer in answers)
    assert peak_overlap([seen for server in servers for seen in server.requests]) == 3
    assert all(server.max_in_flight <= 2 for server in servers)


@pytest.mark.timing
def test_retry_after_holds_back_the_whole_host(site):
    """One request at a time on the host: whatever comes after the 429 (the retry, and /b unless it came
    first) started after the answer was read, and waited out the Retry-After."""
    site.route("/a", too_many_requests(retry_after="0.3", then=article("A")))
    site.route("/b", Reply(article("B")))
    answers, _ = fetch_all([site.url("/a"), site.url("/b")], config(per_host=1))
    assert all(isinstance(answer, Response) for answer in answers)
    first = next(index for index, seen in enumerate(site.requests) if seen.path == "/a")
    later = site.requests[first + 1:]
    assert "/a" in [seen.path for seen in later]
    assert all(seen.at - site.requests[first].at >= 0.3 - 1e-6 for seen in later), [seen.path for seen in later]


# -- pages that mean "not found" ---------------------------------------------------------------------------


def test_a_200_not_found_page_looks_missing(site):
    site.route("/eng/xw/t2024.html", not_found_page())
    site.route("/eng/xw/t2025.html", article("Foreign Ministry Spokesperson's Regular Press Conference"))
    gone = fetch(site.url("/eng/xw/t2024.html")).response
    kept = fetch(site.url("/eng/xw/t2025.html")).response
    assert gone.status == 200 and looks_missing(gone, gone.url)
    assert not looks_missing(kept, kept.url)


def test_a_redirect_to_a_web_system_page_looks_missing(site):
    site.route("/web/fyrbt/t1.shtml", redirect("/web/system/index_404.shtml"))
    site.route("/web/system/index_404.shtml", "<html><title>外交部</title></html>".encode())
    response = fetch(site.url("/web/fyrbt/t1.shtml")).response
    assert response.status == 200 and response.final_url.endswith("/web/system/index_404.shtml")
    assert looks_missing(response, site.url("/web/fyrbt/t1.shtml"))


def test_a_script_or_meta_redirect_to_an_error_page_looks_missing(site):
    site.route("/a", b'<html><head><meta http-equiv="refresh" content="0;url=/error.htm"></head></html>')
    site.route("/b", b"<html><script>window.location.href='/web/system/404.shtml';</script></html>")
    for path in ("/a", "/b"):
        assert looks_missing(fetch(site.url(path)).response, site.url(path))


def make_response(data: bytes, url: str = "https://x.org/a", final_url: str | None = None) -> Response:
    return Response(url, final_url or url, 200, {}, data, "text/html", 0.0, 1)


@pytest.mark.parametrize("data", [
    b"<title>404 Not Found</title>",
    b"<title>Ministry</title><h1>Page not found</h1>",
    b"<h1>The page does not exist</h1>",
    "<title>页面不存在</title>".encode("gbk"),
    "<title>Ошибка</title><h1>Страница не найдена</h1>".encode("windows-1251"),
])
def test_small_pages_saying_not_found_look_missing(data):
    assert looks_missing(make_response(data), "https://x.org/a")


@pytest.mark.parametrize("data, final_url", [
    (b"<title>Security Council adopts resolution 2404</title>", None),
    (b"<title>Page not found</title>" + b"<p>briefing text</p>" * 5000, None),  # large: content, not an error page
    (b"<title>Briefing</title>", "https://x.org/briefings/trial-and-error"),
    (b"<title>Briefing</title>", "https://x.org/a/"),
])
def test_ordinary_pages_do_not_look_missing(data, final_url):
    assert not looks_missing(make_response(data, final_url=final_url), "https://x.org/a")


# -- the interface -----------------------------------------------------------------------------------------


def test_fetch_failure_belongs_to_the_briefarc_family():
    failure = FetchFailure("x", reason="content_type", url="http://a.org:8080/x")
    assert isinstance(failure, FetchError) and isinstance(failure, BriefarcError)
    assert failure.skipped and failure.host == "a.org:8080" and failure.status is None
    assert not FetchFailure("x", reason="timeout", url="https://a.org/").skipped


def test_the_fetcher_must_be_entered():
    with pytest.raises(RuntimeError, match="async with"):
        run(Fetcher(config()).get("http://127.0.0.1:9/"))


def test_run_returns_the_coroutines_result():
    async def answer() -> int:
        await asyncio.sleep(0)
        return 42

    assert run(answer()) == 42


def test_the_default_agent_names_briefarc_and_the_contact():
    assert FetchConfig().agent.startswith("briefarc/") and "contact" not in FetchConfig().agent
    assert FetchConfig(contact="me@example.org\n").agent.endswith("; contact: me@example.org)")


def test_a_contact_outside_ascii_is_sent_percent_encoded(site):
    """`--contact "Zoë Smith <zoe@example.org>"` made every request fail as an internal error (UnicodeEncodeError):
    a header carries ASCII only. Letters outside it are sent percent-encoded, control characters as spaces."""
    site.route("/briefings/1", article("Briefing one"))
    outcome = fetch(site.url("/briefings/1"), config(contact="Zoë Smith <zoe@example.org>\x1b[2J"))
    assert outcome.response.status == 200
    agent = site.requests[-1].headers["user-agent"]
    assert agent.endswith("; contact: Zo%C3%AB Smith <zoe@example.org> [2J)")
