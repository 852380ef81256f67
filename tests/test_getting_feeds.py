"""Getting pages in from feeds as a user keeps an archive: a feed whose entries carry no link of their own.

The State Department's real successive feed snapshots (../shared/corpus/state-feed-history) are served with their
items' <link> taken out and their guids as opaque ids (as many CMS feeds give them): each entry is its text alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests import siteserver as ss
from tests.test_feed_replay import HISTORY, SNAPSHOTS, words

FEED_PATH = "/statements/feed/"
RSS = "application/rss+xml; charset=UTF-8"

pytestmark = pytest.mark.skipif(len(SNAPSHOTS) < 20, reason="../shared/corpus/state-feed-history is not here")


def linkless(path: Path) -> bytes:
    """The snapshot with no item link: each guid `https://www.state.gov/?page_id=N` becomes `page_id=N`."""
    text = path.read_text("utf-8")
    text = re.sub(r"(<item>.*?)<link>[^<]*</link>", r"\1", text, flags=re.S)
    text = re.sub(r"(<guid[^>]*>)https://www\.state\.gov/\?(page_id=\d+)(</guid>)", r"\1\2\3", text)
    return text.encode("utf-8")


def states_by_guid(snapshots: list[Path]) -> dict[str, list[tuple[str, str]]]:
    """For each entry's id, its successive distinct (title, text), read with the standard library's XML reader."""
    content = "{http://purl.org/rss/1.0/modules/content/}encoded"
    states: dict[str, list[tuple[str, str]]] = {}
    for path in snapshots:
        for item in ET.fromstring(linkless(path)).iter("item"):
            assert item.find("link") is None
            state = (words(item.findtext("title") or ""), words(item.findtext(content) or ""))
            seen = states.setdefault(item.findtext("guid").strip(), [])
            if not seen or seen[-1] != state:
                seen.append(state)
    return states


def test_a_feed_whose_entries_give_no_link_has_every_entry_stored_once_and_every_edit_as_a_version(cli, db_file):
    """Before: every entry was left out of a fetch ('discovered 0', exit 0, nothing stored), though ingest of the
    same file stores them: the feed adapter took only entries with a web address."""
    states = states_by_guid(SNAPSHOTS)
    assert len(states) == 34 and sum(len(seen) - 1 for seen in states.values()) == 3  # the corpus README's
    with ss.SiteServer() as site:
        site.route("/robots.txt", ss.robots())
        for number, path in enumerate(SNAPSHOTS, start=1):
            site.route(FEED_PATH, ss.Reply(linkless(path), content_type=RSS, etag=f'"s{number}"'))
            result = cli("fetch", site.url(FEED_PATH), "--delay", "0", "--retries", "0", "--workers", "0",
                         "--db", db_file, "--json")
            assert result.code == 0, (path.name, result.stderr)
            report = result.jsonl()[0]
            assert report["failed"] == 0 and report["error"] is None, (path.name, report)
            assert report["discovered"] == 10, (path.name, report)
        asked = set(site.paths())
        feed_url = site.url(FEED_PATH)

    assert asked <= {FEED_PATH, "/robots.txt"}  # no page asked for: an entry without a link has none
    stored = cli("list", "--db", db_file, "--json", "--limit", "1000").jsonl()
    assert len(stored) == 34  # every entry, each once
    versions = 0
    for row in stored:
        record = cli("show", str(row["id"]), "--db", db_file, "--json").jsonl()[0]
        assert record["key"] == f"feed:{feed_url}#{record['feed_entry']}"  # named by its feed and its id
        title, text = states[record["feed_entry"]][-1]
        assert record["title"] == title and record["text_source"] == "feed"
        assert "".join(record["body"].split())[:200] in "".join(text.split())
        assert record["url"] == feed_url  # shown at its feed's address
        versions += len(cli("history", str(row["id"]), "--db", db_file, "--json").jsonl())
    assert versions == 34 + 3  # one version per real edit
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []  # no page waits: there is none

    # the same feed file ingested with its address is the same entries: nothing new
    saved = db_file.parent / "feed.rss"
    saved.write_bytes(linkless(SNAPSHOTS[-1]))
    again = cli("ingest", str(saved), "--url", feed_url, "--db", db_file, "--json")
    assert again.code == 0, again.stderr
    summary = again.jsonl()[-1]
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (0, 0, 10)


def test_an_entry_without_link_or_text_is_left_out_and_a_link_pattern_leaves_out_entries_without_link(
        cli, db_file):
    """An entry with neither link nor text has nothing to store and no page to fetch (ingest leaves it out too);
    a source's --link-pattern keeps only entries whose link matches, so none without a link."""
    body = linkless(SNAPSHOTS[0])
    first = re.search(rb"<item>.*?</item>", body, re.S)
    assert first is not None
    bare = re.sub(rb"<(content:encoded|description)>.*?</\1>", b"", first.group(0), flags=re.S)
    bare = bare.replace(b"page_id=", b"bare_page_id=")
    body = body.replace(first.group(0), first.group(0) + bare)
    with ss.SiteServer() as site:
        site.route("/robots.txt", ss.robots())
        site.route(FEED_PATH, ss.Reply(body, content_type=RSS))
        result = cli("fetch", site.url(FEED_PATH), "--delay", "0", "--workers", "0", "--db", db_file, "--json")
        assert result.code == 0, result.stderr
        assert result.jsonl()[0]["added"] == 10 and result.jsonl()[0]["failed"] == 0
        assert cli("sources", "add", "patterned", site.url(FEED_PATH), "--kind", "feed", "--link-pattern",
                   "/briefings/", "--db", db_file).code == 0
        patterned = cli("fetch", "patterned", "--delay", "0", "--workers", "0", "--db", db_file, "--json")
        assert patterned.code == 0, patterned.stderr
        assert patterned.jsonl()[0]["discovered"] == 0
    assert len(cli("list", "--db", db_file, "--json", "--limit", "100").jsonl()) == 10
    assert HISTORY.exists()
