"""A source whose address has moved for good (301, 308) to another host says so, with the command that follows it.

Before: the fetch followed the redirect on every run and said nothing, so the source stayed at an address that only
lives as long as the old host keeps redirecting; a temporary redirect (302, 307) is followed as before, unsaid."""

from __future__ import annotations

import pytest

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def feed(site: ss.SiteServer) -> bytes:
    items = "".join(f"<item><title>Briefing {n}</title><link>{site.url(f'/b/{n}')}</link>"
                    f"<pubDate>0{n} Jun 2025 10:00:00 GMT</pubDate></item>" for n in (1, 2))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def moved_feed(cli, db_file, sites, status):
    """Two sites: a feed source `f` at the first's /feed, which answers `status` to the second's /rss (two items)."""
    old, new = sites(2)
    old.route("/feed", ss.redirect(new.url("/rss"), status))
    new.route("/rss", ss.Reply(feed(new), content_type="application/rss+xml"))
    for n in (1, 2):
        new.route(f"/b/{n}", ss.Reply(ss.article(f"Press briefing number {n} on the talks")))
    assert cli("sources", "add", "f", old.url("/feed"), "--kind", "feed", "--db", db_file).code == 0
    return old, new


@pytest.mark.parametrize("status", [301, 308])
def test_a_source_moved_for_good_to_another_host_is_said_with_the_command_that_follows_it(cli, db_file, sites,
                                                                                          status):
    old, new = moved_feed(cli, db_file, sites, status)
    result = cli("fetch", "f", *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert report["added"] == 2
    moved = [note for note in report["notes"] if "moved" in note]
    assert moved == [f"{old.url('/feed')} has moved for good ({status}) to {new.url('/rss')}: `briefarc sources add "
                     f"f {new.url('/rss')} --kind feed` reads it there"], report["notes"]
    text = cli("fetch", "f", *FAST, "--db", db_file)
    assert f"has moved for good ({status}) to {new.url('/rss')}" in " ".join(text.stderr.split())
    # the command said moves it: the next run goes there at once, and says nothing more
    assert cli("sources", "add", "f", new.url("/rss"), "--kind", "feed", "--db", db_file).code == 0
    result = cli("fetch", "f", *FAST, "--db", db_file, "--json")
    assert result.code == 0 and not [note for note in result.jsonl()[0]["notes"] if "moved" in note]
    assert old.hits("/feed") == 2


@pytest.mark.parametrize("status", [302, 307])
def test_a_temporary_redirect_is_followed_unsaid(cli, db_file, sites, status):
    old, new = moved_feed(cli, db_file, sites, status)
    result = cli("fetch", "f", *FAST, "--db", db_file, "--json")
    assert result.code == 0 and result.jsonl()[0]["added"] == 2
    assert not [note for note in result.jsonl()[0]["notes"] if "moved" in note]
