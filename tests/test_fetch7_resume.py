"""Resume points, after ab112b6: one the walk drops is gone for good, and a gone one no longer sends a listing's
walk through the whole rest of the listing.

Found by helper-125's review. Before: (1) when every point was dropped (its address says no page and size), the run
had no points left and never told the store its walk was done, so the point's row stayed and its 'dropped' note
came back on every run. (2) Once a listing's point was gone, no archived item stopped the walk again: it read every
page to the end of the listing (up to 200), not, as its note says, the pages between again and then on as a walk
does.
"""

from __future__ import annotations

from tests import siteserver as ss
from tests.test_fetch6_resume import GONE, listing_source, wordpress_site
from tests.test_fetchfix_walk import BUSY, fetch, listing, pending_urls


def test_a_resume_point_the_walk_drops_is_dropped_once_and_for_good(cli, db_file, site):
    """A listing source broke off at its page 2, then is given again as a WordPress source: its point's address
    says no per_page and page."""
    wordpress_site(site, 30)
    site.route("/list", listing([1, 2, 3], "/list?page=2"))
    site.route("/list?page=2", BUSY)
    for i in range(1, 4):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "w")
    assert code == 1 and pending_urls(cli, db_file) == [site.url("/list?page=2")], first
    assert cli("sources", "add", "w", site.url("/"), "--kind", "wordpress", "--db", db_file).code == 0

    code, second = fetch(cli, db_file, "w")
    assert code == 0 and second["added"] == 30, second
    assert [note for note in second["notes"] if "dropped" in note] == [
        f"{site.url('/list?page=2')}, where an earlier run's walk broke off, does not say its page and page size: "
        "dropped, the walk reads from its start"], second["notes"]
    assert pending_urls(cli, db_file) == []
    code, third = fetch(cli, db_file, "w")
    assert code == 0 and not any("dropped" in note for note in third["notes"]), third


def test_after_a_gone_listing_resume_point_the_walk_stops_at_archived_items_again(cli, db_file, site):
    listing_source(cli, db_file, site)
    site.route("/list", listing([1, 2], "/list?page=2"))
    site.route("/list?page=2", listing([3, 4], "/list?page=3"))
    site.route("/list?page=3", BUSY)
    code, first = fetch(cli, db_file, "w")
    assert code == 1 and first["added"] == 4, first

    # page 2 now holds two new items and leads elsewhere; the page the walk broke off at is gone, and the rest of
    # the listing is archived items, page after page
    site.route("/list?page=2", listing([5, 6], "/list?p=3"))
    site.route("/list?page=3", GONE)
    site.route("/list?p=3", listing([1, 2], "/list?p=4"))
    for k in range(4, 12):
        site.route(f"/list?p={k}", listing([3, 4], f"/list?p={k + 1}"))
    site.route("/list?p=12", listing([3, 4], None))
    code, second = fetch(cli, db_file, "w")
    assert code == 0 and second["added"] == 2, second
    assert any(note.endswith("is gone now: the walk reads page 2 again, to its end there")
               for note in second["notes"]), second["notes"]
    assert site.hits("/list?p=3") == 1  # the page where the old walk's gone page was: its items archived, a stop
    assert site.hits("/list?p=4") == 0  # before, every page to p=12 was read
    assert pending_urls(cli, db_file) == []
