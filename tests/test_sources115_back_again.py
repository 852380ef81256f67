"""A page marked removed (404 on a `fetch --refresh`) that is back at its source is no longer removed.

Before: a page back with the same bytes answered the next `--refresh` with 304 Not Modified (its ETag was sent),
which marked it seen and left `removed_at` set: `search --removed` and `stats` went on calling it gone though
it answered at its address on every run after. (A changed page, saved as a new version, was cleared.)

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetchfix_walk import FAST, listing


def removed(cli, db_file) -> list[str]:
    return [row["title"] for row in cli("search", "--removed", "--db", db_file, "--json").jsonl()]


def test_a_page_that_404s_and_comes_back_unchanged_is_no_longer_removed(cli, db_file, site):
    article = ss.article("Press briefing number 1 on the talks")
    site.route("/robots.txt", ss.robots())
    site.route("/list", listing([1], None))
    site.route("/a/1.html", ss.Reply(article, etag='"v1"'), ss.Reply(ss.not_found_page(), 404),
               ss.Reply(article, etag='"v1"'))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--db", db_file).code == 0
    assert cli("fetch", "w", *FAST, "--db", db_file).code == 0

    gone = cli("fetch", "w", "--refresh", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert gone["removed"] == 1 and removed(cli, db_file) == ["Press briefing number 1 on the talks"], gone

    back = cli("fetch", "w", "--refresh", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert back["unchanged"] == 1 and site.requests[-1].headers.get("if-none-match") == '"v1"', back
    assert removed(cli, db_file) == [], "a page answering at its address again is not removed"
