"""Ctrl-C in a fetch counts the documents saved, each once: a feed's entry and then its page are one document.

A user trial: `Interrupted: 166 saved` where the archive held 114 documents (114 entries saved from the feed, 52 of
them then from their pages): the runs' counts of saves were summed."""

from __future__ import annotations

import sqlite3

import pytest

from tests import siteserver as ss
from tests.processes import briefarc, wait_for
from tests.test_fetch_batches import NEVER, interrupt
from tests.test_fetch_faults import article
from tests.test_fetch_pending import entry, rss

ENTRIES = 6
FAST = 3  # entries whose pages come at once; the others' never do, and the fetch is still running


def counts(db_file) -> tuple[int, int]:
    """(documents, versions) of the archive, read while the fetch may be writing."""
    try:
        with sqlite3.connect(db_file, timeout=5) as conn:
            return conn.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM versions)").fetchone()
    except sqlite3.OperationalError:  # not made yet
        return 0, 0


@pytest.mark.crash
def test_ctrl_c_counts_an_entry_and_its_page_as_one_document(db_file, site):
    site.route("/robots.txt", ss.robots())
    items = []
    for day in range(1, ENTRIES + 1):
        path = f"/b/{day}"
        items.append(entry(site, path, f"Briefing {day}", summary=f"<p>The spokesperson spoke on day {day}.</p>"))
        site.route(path, ss.Reply(article(day), latency=0 if day <= FAST else NEVER))
    site.route("/feed.xml", rss(items))
    process = briefarc("fetch", site.url("/feed.xml"), "--delay", "0", "--per-host", "8", "--workers", "0",
                       db=db_file, start_new_session=True)
    wait_for(lambda: counts(db_file) == (ENTRIES, ENTRIES + FAST) or process.poll() is not None,
             "the entries and the pages that come saved")
    stderr = interrupt(process)
    assert process.returncode == 130, stderr
    assert counts(db_file) == (ENTRIES, ENTRIES + FAST)
    assert f"Interrupted: {ENTRIES} saved, rerun to continue." in stderr, stderr
