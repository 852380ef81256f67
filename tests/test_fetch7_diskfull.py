"""A FEED fetch that fills the disk, with and without extraction workers: the one line names the full disk, and the
count it gives is the documents the archive holds.

Before: a feed entry whose save had returned its document was then noted pending for its article page, after the
commit the disk refused had rolled that document back: 'Database error X: FOREIGN KEY constraint failed.', exit 1.
And the count was of saves, so that a feed entry and its article page saved into the same document counted twice
(71 said where the archive held 64). And `sources show` said the run clean: its record now says the disk filled.
Found by helper-125's review of 43eb93f. The disk is a real one that fills (a tmpfs in a mount namespace of the
test's own); the site replays the real pages of ../shared/corpus/fmprc-bulk.
"""

from __future__ import annotations

import gzip
import json

import pytest

from briefarc.errors import ExitStatus
from tests import siteserver as ss
from tests.conftest import needs_shared
from tests.test_fetch6_diskfull import SAID, on_small_disk
from tests.test_ingest116_diskfull import BULK, one_line


def feed_site(site: ss.SiteServer) -> int:
    """The real pages of fmprc-bulk at addresses of their own, and an RSS feed with an entry for each (a title and
    a summary, stored at once, then superseded by the page): how many."""
    pages = sorted(BULK.glob("*.html.gz"))
    entries = []
    for number, page in enumerate(pages):
        path = f"/eng/{number}.html"
        site.route(path, ss.Reply(gzip.decompress(page.read_bytes())))
        entries.append(f"<item><title>Briefing number {number} on the talks</title><link>{site.url(path)}</link>"
                       f"<description>Summary of briefing {number}: the spokesperson answered questions."
                       "</description><pubDate>01 Jun 2025 10:00:00 GMT</pubDate></item>")
    site.route("/rss", ss.Reply(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                                f'{"".join(entries)}</channel></rss>'.encode(), content_type="application/rss+xml"))
    return len(pages)


@pytest.mark.parametrize(("size", "workers"), [("5m", "0"), ("8m", "0"), ("5m", "2"), ("8m", "2")])
def test_a_feed_fetch_that_fills_the_disk_names_it_and_counts_what_the_archive_kept(tmp_path, site, size, workers):
    needs_shared(BULK)
    total = feed_site(site)
    add = (["sources", "add", "f", site.url("/rss"), "--kind", "feed", "--db", "DISK/a.db"], None)
    fetch = ["fetch", "f", "--delay", "0", "--retries", "0", "--workers", workers, "--per-host", "8",
             "--db", "DISK/a.db"]
    show = (["sources", "show", "f", "--json", "--db", "DISK/a.db"], None)
    added, full, shown, again = on_small_disk(tmp_path, size, [add, (fetch, None), show, (fetch, "200m")])
    assert added["rc"] == 0, added["stderr"]
    said = SAID.match(one_line(full["stderr"]))
    assert said, full["stderr"]  # the full disk, not what a write after the refused commit met
    assert int(said[2]) == full["documents"] > 0  # each document once: the entry and its page are one
    assert said[3] is None
    assert full["rc"] == ExitStatus.PARTIAL
    assert full["check"] == "ok"
    # the run's record says the disk filled (it said the run clean); the disk lets it be written here
    assert shown["rc"] == 0, shown["stderr"]
    last_error = json.loads(shown["stdout"])["last_error"]
    # on 5 MB the refused commit may leave no room for the run's record (it then says nothing false: no error is
    # recorded as none); on 8 MB there is room for it. The record is the error of the write that failed first: the
    # line printed with the count, or, when another write of the run met the full disk before it (seen on 5 MB in a
    # loaded full run), that write's 'database or disk is full'
    if size == "8m" or last_error is not None:
        assert last_error and "disk is full" in last_error and "Free some space" in last_error.replace(
            "free some space", "Free some space"), last_error
    assert again["rc"] == 0, again["stderr"]
    assert again["documents"] == again["urls"] == total  # the rest fetched, none twice
    assert again["check"] == "ok"
