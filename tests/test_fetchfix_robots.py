"""A robots.txt that redirects to a host that does not answer names robots.txt in the page's failure.

Before: the page failed with "cannot connect to 127.0.0.1:<port>" alone, a host the user never named."""

from __future__ import annotations

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0", "--timeout", "5")


def test_a_robots_txt_redirected_to_an_unreachable_host_is_named_in_the_failure(cli, db_file, site):
    port = ss.closed_port()
    site.route("/robots.txt", ss.redirect(f"http://127.0.0.1:{port}/robots.txt"))
    site.route("/a", ss.Reply(ss.article("Press briefing on the talks")))
    result = cli("fetch", site.url("/a"), *FAST, "--db", db_file, "--json")
    assert result.code == 1
    [failure] = result.jsonl()[0]["failures"]
    assert failure["url"] == site.url("/a")
    assert failure["error"].startswith(f"robots.txt of 127.0.0.1:{site.port} redirects to "
                                       f"http://127.0.0.1:{port}/robots.txt, which could not be reached (cannot "
                                       f"connect to 127.0.0.1:{port}"), failure
    assert "\n" not in failure["error"] and site.hits("/a") == 0


def test_a_site_that_does_not_answer_at_all_is_still_said_so_plainly(cli, db_file):
    port = ss.closed_port()
    result = cli("fetch", f"http://127.0.0.1:{port}/a", *FAST, "--db", db_file, "--json")
    assert result.code == 1
    [failure] = result.jsonl()[0]["failures"]
    assert failure["error"].startswith(f"cannot connect to 127.0.0.1:{port}"), failure
