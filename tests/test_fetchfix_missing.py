"""A listing's item that answered 404 once is asked again while its tries last, as `log --pending` says.

Before: it was counted as known (missing) while it stayed on the listing, and the due items skip what discovery
listed, so runs 2 and 3 never asked for it though its next try was due."""

from __future__ import annotations

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def test_an_item_missing_once_is_asked_again_on_the_next_run_while_listed(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    items = "".join(f'<li class="item"><a href="/a/{i}.html">Press briefing number {i}</a></li>' for i in (1, 2))
    site.route("/list", ss.Reply(f"<html><head><title>Briefings</title></head><body><ul>{items}</ul></body></html>"
                                 .encode()))
    site.route("/a/1.html", ss.Reply(ss.article("Press briefing number 1 on the talks")))
    site.route("/a/2.html", ss.Reply(ss.not_found_page("Not found", "Not found"), 404),
               ss.Reply(ss.article("Press briefing number 2 on the talks")))
    assert cli("sources", "add", "l", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0

    first = cli("fetch", "l", *FAST, "--db", db_file, "--json")
    assert first.code == 3 and first.jsonl()[0]["failed"] == 1
    pending = cli("log", "--pending", "--db", db_file, "--json").jsonl()
    assert [row["url"] for row in pending] == [site.url("/a/2.html")]

    second = cli("fetch", "l", *FAST, "--db", db_file, "--json")
    assert second.code == 0 and second.jsonl()[0]["added"] == 1, second.stdout
    assert site.hits("/a/2.html") == 2
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []

    third = cli("fetch", "l", *FAST, "--db", db_file, "--json")  # archived now: not asked again
    assert third.code == 0 and third.jsonl()[0]["fetched"] == 0 and site.hits("/a/2.html") == 2
    assert len(cli("list", "--db", db_file, "--json").jsonl()) == 2


def test_an_item_missing_until_given_up_is_no_longer_asked(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/list", ss.Reply(b'<html><head><title>Briefings</title></head><body><ul><li class="item">'
                                 b'<a href="/a/1.html">Press briefing number 1</a></li></ul></body></html>'))
    site.route("/a/1.html", ss.Reply(ss.not_found_page("Not found", "Not found"), 404))
    assert cli("sources", "add", "l", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0
    for _ in range(3):
        cli("fetch", "l", *FAST, "--give-up-after", "2", "--db", db_file, "--json")
    assert site.hits("/a/1.html") == 2  # two tries, then given up
