"""Replay of 20 real successive snapshots of the State Department feed (../shared/corpus/state-feed-history).

The snapshots are served one by one at one URL, each with its own ETag, and `briefarc fetch <feed URL>` runs
after each. The article pages answer 403, as state.gov does to automated clients, so everything archived must
come from the feed. What the archive must hold is worked out here from the snapshots themselves, with the
standard library's XML reader, independently of briefarc's feed reader and extractor.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests import siteserver as ss
from tests.conftest import SHARED

HISTORY = SHARED / "corpus" / "state-feed-history"
SNAPSHOTS = sorted(HISTORY.glob("snapshot-*.rss"))
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
FEED_PATH = "/rss-feed/press-releases/feed/"
ORIGIN = "https://www.state.gov/"

pytestmark = pytest.mark.skipif(len(SNAPSHOTS) < 20, reason="../shared/corpus/state-feed-history is not here")


def words(markup: str) -> str:
    """Text as a reader sees it: tags dropped, entities read, white space run together."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def squeezed(text: str) -> str:
    """Text without any white space: inline tags (`<em>a</em><em>.</em>`) may or may not part words."""
    return "".join(text.split())


def expected_states(snapshots: list[Path]) -> dict[str, list[tuple[str, str, str]]]:
    """For each item link, its successive distinct (title, date, text) as the feed showed them."""
    from email.utils import parsedate_to_datetime

    states: dict[str, list[tuple[str, str, str]]] = {}
    for path in snapshots:
        for item in ET.parse(path).getroot().iter("item"):
            title = words(item.findtext("title") or "")
            text = words(item.findtext(CONTENT) or item.findtext("description") or "")
            day = parsedate_to_datetime(item.findtext("pubDate")).date().isoformat()
            seen = states.setdefault(item.findtext("link").strip(), [])
            if not seen or seen[-1][0::2] != (title, text):
                seen.append((title, day, text))
    return states


def test_every_announced_item_is_stored_and_every_edit_is_a_version(cli, db_file):
    states = expected_states(SNAPSHOTS)
    edits = sum(len(seen) - 1 for seen in states.values())
    assert len(states) == 34 and edits == 3  # as the corpus README says: the replay below has work to do
    with ss.SiteServer() as site:
        local = site.url("/")
        site.route("/robots.txt", ss.robots())
        for link in states:  # the article pages turn automated clients away
            site.route("/" + link.removeprefix(ORIGIN), ss.Reply(b"Forbidden", 403, "text/plain"))
        for number, path in enumerate(SNAPSHOTS, start=1):
            body = path.read_bytes().replace(ORIGIN.encode(), local.encode())
            site.route(FEED_PATH, ss.Reply(body, content_type="application/rss+xml; charset=UTF-8",
                                           etag=f'"snapshot-{number}"',
                                           last_modified=ss.http_date(1647300000 + number)))
            result = cli("fetch", site.url(FEED_PATH), "--delay", "0", "--retries", "0", "--workers", "0",
                         "--db", db_file, "--json")
            assert result.code == 0, (path.name, result.stderr)  # unreachable pages are no failure
            report = result.jsonl()[0]
            assert report["failed"] == 0 and report["error"] is None, (path.name, report)
        hits = {link: site.hits("/" + link.removeprefix(ORIGIN)) for link in states}

    stored = {row["url"].replace(local, ORIGIN): row for row in cli("list", "--db", db_file, "--json",
                                                                       "--limit", "1000").jsonl()}
    assert sorted(stored) == sorted(states)  # every announced item, each once
    versions = 0
    for link, seen in states.items():
        record = cli("show", str(stored[link]["id"]), "--db", db_file, "--json").jsonl()[0]
        title, day, text = seen[-1]
        assert record["title"] == title and record["published"][:10] == day, link
        assert record["text_source"] == "feed"  # content:encoded: the whole text, from the feed
        assert squeezed(record["body"])[:200] in squeezed(text), link  # the feed's text stands
        history = cli("history", str(record["id"]), "--db", db_file, "--json").jsonl()
        assert len(history) == len(seen), (link, len(history), len(seen))  # one version per real edit
        versions += len(history)
        assert hits[link] == len(seen), link  # tried once per text the feed gave; the next try waits an hour

    assert versions == len(states) + edits
    waiting = cli("log", "--pending", "--db", db_file, "--json", "--limit", "100").jsonl()
    assert sorted(row["url"].replace(local, ORIGIN) for row in waiting) == sorted(states)
    for row in waiting:
        assert row["attempts"] >= 1 and "403" in row["last_error"] and row["next_try"] > row["last_try"]
        assert row["given_up_at"] is None
    shown = cli("log", "--db", db_file)
    assert "Pages wait for a later try, the next due" in shown.stderr
    table = " ".join(cli("log", "--pending", "--db", db_file).stdout.split())
    assert "Pages not fetched yet" in table and "403" in table
    print(f"replay: {len(states)} items announced, {len(stored)} stored, {versions} versions "
          f"({edits} edits), {len(waiting)} pages pending")
