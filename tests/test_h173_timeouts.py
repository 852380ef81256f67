"""A server that sends no answer within --timeout is tried again, as `--retries` ("Extra attempts after a timeout")
and the README say; one that drips its answer is not. Before, with --timeout the whole response's limit and the
read timeout were the same, and the whole response's, started first, always ended first: `fetch URL --timeout 3
--retries 3` against a server that never answered gave up after one request, "did not send the whole response".
"""

from __future__ import annotations

import time

from tests import siteserver as ss

QUICK = ("--delay", "0", "--workers", "0", "--timeout", "1")


def test_no_answer_within_the_timeout_is_tried_again_after_a_wait(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/slow", ss.Reply(ss.article("Late briefing"), latency=30))
    result = cli("fetch", site.url("/slow"), *QUICK, "--retries", "2", "--db", db_file, "--json")
    assert result.code == 1
    assert site.hits("/slow") == 3  # the first try and two more
    [failure] = result.jsonl()[0]["failures"]
    assert failure["error"] == (f"{site.host} did not answer in time: no response within 1 s (--timeout), "
                                "after 3 attempts")
    logged = cli("log", "--db", db_file, "--json").jsonl()
    assert [row["attempt"] for row in logged if row["url"] == site.url("/slow")] == [3, 2, 1]
    # the backoff the README gives: a wait that grows before each new try (half of it fixed: 0.5 s, then 1 s)
    arrivals = [seen.at for seen in site.requests if seen.path == "/slow"]
    gaps = [later - earlier for earlier, later in zip(arrivals, arrivals[1:], strict=False)]
    assert gaps[0] >= 1 + 0.5 and gaps[1] >= 1 + 1.0, gaps


def test_a_server_that_drips_its_answer_is_not_tried_again(cli, db_file, site):
    def drip():
        for _ in range(20):
            time.sleep(0.1)
            yield b"<p>drip</p>"

    site.route("/robots.txt", ss.robots())
    site.route("/drip", ss.Reply(stream=drip))
    result = cli("fetch", site.url("/drip"), *QUICK, "--retries", "2", "--db", db_file, "--json")
    assert result.code == 1
    assert site.hits("/drip") == 1
    [failure] = result.jsonl()[0]["failures"]
    assert failure["error"] == f"{site.host} did not send the whole response within 1 s (--timeout): gave up"
