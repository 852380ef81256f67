"""A source moved for good, after 1206bbb: a WordPress source is told too, the command said keeps the source's
options, and a move within the host is followed unsaid.

Found by helper-125's review. Before: (a) a WordPress walk never asks for the source's own address, only its API's
pages, so a site moved whole to another host was followed on every run without a word; (b) the command said,
`briefarc sources add NAME NEW --kind KIND`, gave the source again without its options (a listing's
--item-selector, --next-selector), so following it broke the source; (c) a 301 within the host (/feed to /feed/)
was said on every run as a move, though that host answers it as long as it is there: it is now followed unsaid, as
the note is for a source that lives only as long as another host keeps redirecting.
"""

from __future__ import annotations

import shlex

from tests import siteserver as ss
from tests.test_fetch6_resume import POSTS, wordpress_site
from tests.test_fetchfix_walk import fetch, listing

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def moved_notes(report: dict) -> list[str]:
    return [note for note in report["notes"] if "moved" in note]


def test_a_wordpress_site_moved_for_good_to_another_host_is_said_with_the_command_that_follows_it(cli, db_file,
                                                                                                  sites):
    old, new = sites(2)
    wordpress_site(new, 10)
    old.route("/robots.txt", ss.robots())
    old.route(POSTS.format(size=50, n=1), ss.redirect(new.url(POSTS.format(size=50, n=1)), 301))
    assert cli("sources", "add", "wp", old.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    code, report = fetch(cli, db_file, "wp")
    assert code == 0 and report["added"] == 10, report
    assert moved_notes(report) == [
        f"{old.url(POSTS.format(size=50, n=1))} has moved for good (301) to {new.url(POSTS.format(size=50, n=1))}: "
        f"`briefarc sources add wp {new.url('/')} --kind wordpress` reads it there"], report["notes"]
    assert cli("sources", "add", "wp", new.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    code, report = fetch(cli, db_file, "wp")
    assert code == 0 and moved_notes(report) == [], report
    assert old.hits(POSTS.format(size=50, n=1)) == 1


def test_the_command_said_for_a_moved_listing_keeps_its_options_and_follows_it(cli, db_file, sites):
    old, new = sites(2)
    for site in (old, new):
        site.route("/robots.txt", ss.robots())
    old.route("/list", ss.redirect(new.url("/list"), 308))
    new.route("/list", listing([1, 2], "/list?page=2"))
    new.route("/list?page=2", listing([3], None))
    for i in (1, 2, 3):
        new.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", old.url("/list"), "--kind", "listing", "--title", "Min's briefings",
               "--item-selector", "li.item", "--next-selector", "a.next", "--link-pattern", "/a/[0-9]+",
               "--db", db_file).code == 0
    code, report = fetch(cli, db_file, "w")
    assert code == 0 and report["added"] == 3, report
    [note] = moved_notes(report)
    command = note.split("`")[1]
    assert command == (f"briefarc sources add w {new.url('/list')} --kind listing --title 'Min'\"'\"'s briefings' "
                       "--item-selector li.item --next-selector a.next --link-pattern '/a/[0-9]+'")
    words = shlex.split(command)
    assert cli(*words[1:], "--db", db_file).code == 0  # as the user would run it
    new.route("/list", listing([4, 1], None))
    new.route("/a/4.html", ss.Reply(ss.article("Press briefing number 4 on the talks")))
    code, report = fetch(cli, db_file, "w")
    assert code == 0 and report["added"] == 1 and moved_notes(report) == [], report
    shown = cli("sources", "show", "w", "--db", db_file, "--json").jsonl()[0]
    assert shown["title"] == "Min's briefings" and shown["options"]["link_pattern"] == "/a/[0-9]+", shown


def test_a_move_within_the_host_is_followed_unsaid(cli, db_file, site):
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Briefing one</title>'
            b'<link>' + site.url("/b/1").encode() + b'</link></item></channel></rss>')
    site.route("/robots.txt", ss.robots())
    site.route("/feed", ss.redirect(site.url("/feed/"), 301))
    site.route("/feed/", ss.Reply(feed, content_type="application/rss+xml"))
    site.route("/b/1", ss.Reply(ss.article("Press briefing number 1 on the talks")))
    assert cli("sources", "add", "f", site.url("/feed"), "--kind", "feed", "--db", db_file).code == 0
    for _ in range(2):
        code, report = fetch(cli, db_file, "f")
        assert code == 0 and moved_notes(report) == [], report
    assert site.hits("/feed/") == 2
