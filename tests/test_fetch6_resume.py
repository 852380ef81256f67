"""Where a walk reads on from: a resume point whose page is gone, and one made with another page size.

Before: a listing's resume point whose page answered 404 was taken for the end of the listing: the walk ended, the
point was dropped, and nothing was said (the API walks say it since 4c1040b). And a WordPress, MEA or gov.uk resume
point made with one page size was read as the page of that number at the new size: the walk read other items there,
stopped at the archived ones, and the point was dropped, the items past the break never read."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests import siteserver as ss
from tests.test_fetchfix_walk import BUSY, fetch, listing, pending_urls

GONE = ss.Reply(b"<html><head><title>404 Not Found</title></head><body>Not Found</body></html>", 404)


def listing_source(cli, db_file, site) -> None:
    site.route("/robots.txt", ss.robots())
    for i in range(1, 12):
        site.route(f"/a/{i}.html", ss.Reply(ss.article(f"Press briefing number {i} on the talks")))
    assert cli("sources", "add", "w", site.url("/list"), "--kind", "listing", "--item-selector", "li.item",
               "--next-selector", "a.next", "--db", db_file).code == 0


@pytest.mark.parametrize("gone", [GONE, ss.Reply(ss.not_found_page("Page not found", "Page not found"))],
                         ids=["404", "a not-found page"])
def test_a_listing_resume_point_whose_page_is_gone_is_said_once_and_dropped(cli, db_file, site, gone):
    listing_source(cli, db_file, site)
    site.route("/list", listing([1, 2, 3], "/list?page=2"))
    site.route("/list?page=2", BUSY)
    code, first = fetch(cli, db_file, "w")
    assert code == 1 and pending_urls(cli, db_file) == [site.url("/list?page=2")], first

    site.route("/list?page=2", gone)
    code, second = fetch(cli, db_file, "w")
    assert code == 0 and not second["error"], second
    gone = [note for note in second["notes"] if "is gone now" in note]
    assert gone == [f"{site.url('/list?page=2')}, where an earlier run's walk broke off, is gone now: the walk "
                    "ends there"], second["notes"]
    assert pending_urls(cli, db_file) == []
    code, third = fetch(cli, db_file, "w")  # said once
    assert code == 0 and not any("gone" in note for note in third["notes"]), third
    assert site.hits("/list?page=2") == 2


def test_the_listing_pages_before_a_gone_resume_point_are_read_again(cli, db_file, site):
    listing_source(cli, db_file, site)
    site.route("/list", listing([1, 2], "/list?page=2"))
    site.route("/list?page=2", listing([3, 4], "/list?page=3"))
    site.route("/list?page=3", BUSY)
    code, first = fetch(cli, db_file, "w")
    assert code == 1 and first["added"] == 4 and pending_urls(cli, db_file) == [site.url("/list?page=3")], first

    # rearranged: page 2 now holds two items no run has seen, page 3 is gone
    site.route("/list?page=2", listing([3, 4, 9, 10], None))
    site.route("/list?page=3", GONE)
    code, second = fetch(cli, db_file, "w")
    assert code == 0 and second["added"] == 2, second
    assert any(note.endswith("is gone now: the walk reads page 2 again, to its end there")
               for note in second["notes"]), second["notes"]
    assert pending_urls(cli, db_file) == [] and site.hits("/list?page=3") == 2


POSTS = "/wp-json/wp/v2/posts?per_page={size}&page={n}&_fields=id%2Clink%2Cdate%2Ctitle"


def wordpress_site(site: ss.SiteServer, newest: int, busy: tuple[int, int] | None = None) -> None:
    """Posts newest..1, answered at any page size; the page `busy` (size, number) answers 503 once first."""
    def posts(numbers: range) -> ss.Reply:
        return ss.Reply(json.dumps([{"id": n, "link": site.url(f"/{n}/briefing-{n}/"),
                                     "title": {"rendered": f"Briefing {n}"}, "date": "2025-06-01T10:00:00"}
                                    for n in numbers]).encode(), content_type="application/json")

    site.route("/robots.txt", ss.robots())
    for size in (20, 50):
        for page in range(1, newest // size + 2):
            top = newest - (page - 1) * size
            first = [BUSY] if busy == (size, page) else []
            site.route(POSTS.format(size=size, n=page), *first, posts(range(top, max(top - size, 0), -1)))
    for n in range(1, newest + 1):
        site.route(f"/{n}/briefing-{n}/", ss.Reply(ss.article(f"Press briefing {n} on the talks in Doha")))


def set_options(db_file, name: str, options: dict) -> None:
    conn = sqlite3.connect(db_file)
    with conn:
        conn.execute("UPDATE sources SET options = ? WHERE name = ?", (json.dumps(options), name))
    conn.close()


def test_a_wordpress_resume_point_made_with_another_page_size_is_read_where_it_broke_off(cli, db_file, site):
    wordpress_site(site, 150)
    site.route(POSTS.format(size=50, n=3), BUSY)  # posts 50..1 not read
    assert cli("sources", "add", "wp", site.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    code, first = fetch(cli, db_file, "wp")
    assert code == 1 and first["added"] == 100, first
    assert pending_urls(cli, db_file) == [site.url(POSTS.format(size=50, n=3))]

    set_options(db_file, "wp", {"per_page": 20})  # the source now pages 20 at a time
    code, second = fetch(cli, db_file, "wp")
    assert code == 0 and second["added"] == 50, second  # posts 50..1: page 6 at 20 a page holds 50..31
    assert site.hits(POSTS.format(size=20, n=6)) == 1 and site.hits(POSTS.format(size=20, n=3)) == 0
    said = [note for note in second["notes"] if "page size" in note]
    assert said == [f"{site.url(POSTS.format(size=50, n=3))}, where an earlier run's walk broke off, was made with "
                    f"another page size: read on from {site.url(POSTS.format(size=20, n=6))}, which holds its first "
                    "items"], second["notes"]
    assert pending_urls(cli, db_file) == []
    assert len(cli("list", "--db", db_file, "--json", "--limit", "500").jsonl()) == 150


def test_a_resized_resume_point_outlives_a_walk_that_breaks_off_before_it(cli, db_file, site):
    """Moved to today's page size, a point has no row under its new number: a walk that broke off again before
    reaching it dropped it with the others (pending.walk_broke_off kept only the rows it had)."""
    wordpress_site(site, 150, busy=(50, 3))
    assert cli("sources", "add", "wp", site.url("/"), "--kind", "wordpress", "--db", db_file).code == 0
    assert fetch(cli, db_file, "wp")[0] == 1  # posts 150..51 archived; the walk broke off at page 3 of 50
    set_options(db_file, "wp", {"per_page": 20})
    wordpress_site(site, 175, busy=(20, 2))  # 25 new posts; page 2 of 20 answers 503 once
    code, second = fetch(cli, db_file, "wp")
    assert code == 1 and second["added"] == 20, second
    assert pending_urls(cli, db_file) == [site.url(POSTS.format(size=20, n=2)), site.url(POSTS.format(size=20, n=6))]
    code, third = fetch(cli, db_file, "wp")
    assert code == 0, third
    assert pending_urls(cli, db_file) == []
    assert len(cli("list", "--db", db_file, "--json", "--limit", "500").jsonl()) == 175


def test_mea_and_govuk_resume_points_made_with_another_page_size_are_read_where_they_broke_off():
    from urllib.parse import urlencode

    from briefarc.models import Source
    from briefarc.sources.apis import Paging, _resized
    from briefarc.sources.base import Context

    def mea(size: int):
        return lambda n: "https://www.mea.gov.in/FrontEnd/FetchPublicationListingData?" + urlencode(
            {"publicationId": 49, "page": n, "PageSize": size, "PLngId": 1})

    def govuk(size: int):
        return lambda n: "https://www.gov.uk/api/search.json?" + urlencode(
            {"order": "-public_timestamp", "count": size, "start": (n - 1) * size})

    for url_of, paging, old, new in ((mea, Paging(20, "page", "PageSize"), (50, 3), 6),
                                     (govuk, Paging(30, size_key="count", start_key="start"), (100, 2), 4)):
        size, number = old
        ctx = Context(Source(name="s", kind="mea"), None, lambda url: False,  # type: ignore[arg-type]
                      resume=[(url_of(size)(number), number), (url_of(paging.size)(9), 9)])
        assert _resized(ctx, url_of(paging.size), paging) == [(url_of(paging.size)(new), new),
                                                               (url_of(paging.size)(9), 9)]
        assert len(ctx.notes) == 1 and "another page size" in ctx.notes[0]
        ctx = Context(Source(name="s", kind="mea"), None, lambda url: False,  # type: ignore[arg-type]
                      resume=[("https://www.gov.uk/api/search.json?order=x", 4)])
        assert _resized(ctx, url_of(paging.size), paging) == []
        assert ctx.notes[0].endswith("does not say its page and page size: dropped, the walk reads from its start")
