"""Every built-in source, and each generic kind, fetched from a fixture site on 127.0.0.1 and stored."""

from __future__ import annotations

import pytest

from briefarc.models import Source
from briefarc.sources import builtin_sources
from briefarc.store.db import open_database
from briefarc.store.sources import add_source
from tests import fixture_sites as fx

BUILTIN = {source.name: source for source in builtin_sources()}
FAST = ("--delay", "0", "--timeout", "5")

CASES = [
    ("mofa-pk", fx.mofa, "/press-releases/categories/media-briefings", {}),
    ("state-briefings", fx.state, "/rss-feed/department-press-briefings/feed/", {}),
    ("fmprc-en", fx.fmprc_en, "/eng/xw/fyrbt/lxjzh/index.html", {}),
    ("fmprc-zh", fx.fmprc_zh, "/web/fyrbt_673021/jzhsl_673025/index.shtml", {}),
    ("mea-in", fx.mea, "/", {"page_size": 2}),
    ("un-noon", fx.un, "/en/noon-briefings", {}),
    ("govuk-fcdo", fx.govuk, "/", {}),
]


def local_copy(db_file, name: str, url: str, extra: dict | None = None, kind: str | None = None) -> str:
    """A user source with a built-in source's kind and options, pointed at the fixture site."""
    builtin = BUILTIN.get(name)
    options = {**(builtin.options if builtin else {}), **(extra or {})}
    local = f"local-{name}"
    add_source(open_database(db_file), Source(name=local, kind=kind or builtin.kind, url=url, options=options))
    return local


def stored(cli, db_file, source: str) -> list[dict]:
    return cli("list", "--source", source, "--db", db_file, "--json", "--limit", "500").jsonl()


def check_documents(cli, db_file, source: str, expected: list[fx.Expected]) -> None:
    rows = stored(cli, db_file, source)
    assert sorted((r["published"][:10], r["title"]) for r in rows) == sorted(
        (e.published, e.title) for e in expected)
    for row in rows:
        want = next(e for e in expected if e.published == row["published"][:10] and e.title == row["title"])
        record = cli("show", str(row["id"]), "--db", db_file, "--json").jsonl()[0]
        assert record["kind"] == want.kind, row["title"]
        assert record["spokesperson"] == want.spokesperson, row["title"]
        assert record["language"] == want.language
        questions = [t for t in record["turns"] if t["role"] == "question"]
        assert len(questions) >= want.min_turns, row["title"]
        assert record["sha256"] and record["paragraphs"]


@pytest.mark.parametrize(("name", "builder", "path", "extra"), CASES, ids=[case[0] for case in CASES])
def test_builtin_source_fetches_and_stores_its_briefings(cli, db_file, site, name, builder, path, extra):
    expected = builder(site)
    source = local_copy(db_file, name, site.url(path), extra)
    first = cli("fetch", source, *FAST, "--db", db_file, "--json")
    assert first.code == 0, first.stdout + first.stderr
    report = first.jsonl()[0]
    assert report["added"] == len(expected), report
    assert report["failed"] == 0 and report["error"] is None
    check_documents(cli, db_file, source, expected)

    hits_before = dict((p, site.hits(p)) for p in site.paths())
    second = cli("fetch", source, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert second["added"] == 0 and second["updated"] == 0 and second["failed"] == 0, second
    article_paths = [p for p in hits_before if p not in (path, "/robots.txt") and "page" not in p
                     and "index" not in p and "search.json" not in p and "Listing" not in p and "feed" not in p]
    assert all(site.hits(p) == hits_before[p] for p in article_paths), "known articles were fetched again"


def test_known_items_stop_the_paging(cli, db_file, site):
    expected = fx.mofa(site)
    source = local_copy(db_file, "mofa-pk", site.url("/press-releases/categories/media-briefings"))
    cli("fetch", source, *FAST, "--db", db_file)
    assert len(stored(cli, db_file, source)) == len(expected)
    page_two = "/press-releases/categories/media-briefings?page=2"
    before = site.hits(page_two)
    cli("fetch", source, *FAST, "--db", db_file)
    assert site.hits(page_two) == before  # page 1 held only known items: no need to read page 2


def test_max_and_since_and_dry_run(cli, db_file, site):
    expected = fx.fmprc_en(site)
    source = local_copy(db_file, "fmprc-en", site.url("/eng/xw/fyrbt/lxjzh/index.html"))
    dry = cli("fetch", source, *FAST, "--dry-run", "--db", db_file, "--json").jsonl()[0]
    assert len(dry["planned"]) == len(expected) and dry["added"] == 0
    assert stored(cli, db_file, source) == []
    limited = cli("fetch", source, *FAST, "--max", "2", "--db", db_file, "--json").jsonl()[0]
    assert limited["added"] == 2
    since = expected[3].published
    recent = cli("fetch", source, *FAST, "--since", since, "--db", db_file, "--json").jsonl()[0]
    assert recent["added"] == 2  # the two newest are stored already; two more reach back to --since
    assert min(r["published"][:10] for r in stored(cli, db_file, source)) == since


def test_refresh_sends_conditional_requests_and_304_changes_nothing(cli, db_file, site):
    page = fx.sample("un-noon-briefing.html").encode()
    site.route("/robots.txt", fx.robots())
    site.route("/en/2025/db250912.doc.htm", fx.Reply(body=page, content_type=fx.HTML, etag='"v1"',
                                                      last_modified="Fri, 12 Sep 2025 16:00:00 GMT"))
    url = site.url("/en/2025/db250912.doc.htm")
    assert cli("fetch", url, *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1
    again = cli("fetch", url, *FAST, "--refresh", "--db", db_file, "--json").jsonl()[0]
    assert again["unchanged"] == 1 and again["added"] == 0 and again["updated"] == 0
    last = [r for r in site.requests if r.path == "/en/2025/db250912.doc.htm"][-1]
    assert last.headers.get("if-none-match") == '"v1"'
    assert last.headers.get("if-modified-since") == "Fri, 12 Sep 2025 16:00:00 GMT"


def test_second_run_of_a_feed_is_conditional_and_stores_nothing(cli, db_file, site):
    fx.state(site)
    source = local_copy(db_file, "state-briefings", site.url("/rss-feed/department-press-briefings/feed/"))
    cli("fetch", source, *FAST, "--db", db_file)
    second = cli("fetch", source, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert second["added"] == 0
    assert any("unchanged" in note for note in second["notes"])
    feed = [r for r in site.requests if r.path == "/rss-feed/department-press-briefings/feed/"]
    assert feed[-1].headers.get("if-none-match") == '"feed-1"'


def test_state_pages_refusing_robots_are_reported_plainly(cli, db_file, site):
    fx.state(site)
    source = local_copy(db_file, "state-briefings-sitemap", site.url("/state_briefing-sitemap.xml"))
    result = cli("fetch", source, *FAST, "--db", db_file, "--json")
    assert result.code == 1
    report = result.jsonl()[0]
    assert report["failed"] == 3 and report["added"] == 0
    assert all("403" in f["error"] and "does not disguise" in f["error"] for f in report["failures"])


@pytest.mark.parametrize("api", [True, False], ids=["wp-json", "feed-fallback"])
def test_wordpress_site(cli, db_file, site, api):
    expected = fx.wordpress(site, api=api)
    source = local_copy(db_file, "wp", site.url("/"), kind="wordpress")
    report = cli("fetch", source, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == len(expected), report
    assert sorted(r["title"] for r in stored(cli, db_file, source)) == sorted(e.title for e in expected)


def test_plain_feed_entries_are_fetched_from_their_links(cli, db_file, site):
    expected = fx.wordpress(site)
    source = local_copy(db_file, "rss", site.url("/feed/"), kind="feed")
    report = cli("fetch", source, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == len(expected) and report["fetched"] == len(expected)


def test_sitemap_index(cli, db_file, site):
    expected = fx.sitemap_index(site)
    source = local_copy(db_file, "maps", site.url("/sitemap.xml"), kind="sitemap")
    report = cli("fetch", source, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == len(expected)
    check_documents(cli, db_file, source, expected)


def test_listing_with_user_selectors(cli, db_file, site):
    expected = fx.un(site)
    result = cli("sources", "add", "noon", site.url("/en/noon-briefings"), "--kind", "listing",
                 "--item-selector", ".views-row a", "--next-selector", "a.next", "--db", db_file)
    assert result.code == 0, result.stderr
    report = cli("fetch", "noon", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == 2  # no next link on the page: the first page only
    rows = stored(cli, db_file, "noon")
    assert {r["published"][:10] for r in rows} == {e.published for e in expected[:2]}


def test_a_sources_password_is_sent_to_its_site_and_never_shown(cli, db_file, site):
    """`sources add` with https://user:pw@host/... printed the password, as did `sources show` and `list --json`.
    It is kept (a later fetch sends it) but shown as ***; the pages of its site get it too, and store no copy."""
    import base64
    import sqlite3

    fx.un(site)
    address = site.url("/en/noon-briefings").replace("http://", "http://qz-user:qz-pass@")
    added = cli("sources", "add", "noon", address, "--kind", "listing", "--item-selector", ".views-row a",
                "--db", db_file)
    assert added.code == 0 and "qz-pass" not in added.stderr and "qz-user:***@" in added.stderr
    shown = cli("sources", "show", "noon", "--db", db_file).stdout + cli("sources", "list", "--json", "--db",
                                                                          db_file).stdout
    assert "qz-pass" not in shown and "qz-user:***@" in shown
    report = cli("fetch", "noon", *FAST, "--db", db_file, "--json").jsonl()[0]
    assert report["added"] == 2
    token = "Basic " + base64.b64encode(b"qz-user:qz-pass").decode()
    asked = [seen for seen in site.requests if seen.path != "/robots.txt"]
    assert len(asked) == 3 and all(seen.headers.get("authorization") == token for seen in asked)
    with sqlite3.connect(db_file) as connection:
        kept = connection.execute("SELECT url FROM documents").fetchall()
    assert len(kept) == 2 and not any("qz-" in url for url, in kept)
    token = cli("sources", "add", "tok", "https://qz-secrettoken@example.org/feed.xml", "--db", db_file)
    assert token.code == 0 and "qz-secrettoken" not in token.stderr and "***@example.org" in token.stderr


def test_fetch_urls_of_an_article_a_feed_and_a_sitemap(cli, db_file, sites):
    news, noon = sites(2)
    wordpress = fx.wordpress(news)
    maps = fx.sitemap_index(noon)
    article = noon.url("/en/2025/db250911.doc.htm")
    noon.page("/en/2025/db250911.doc.htm", fx.sample("un-noon-briefing.html").replace("2025-09-12", "2025-09-11"))
    result = cli("fetch", news.url("/feed/"), noon.url("/sitemap.xml"), article, *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert report["source"] == "(urls)"
    assert report["added"] == len(wordpress) + len(maps) + 1


def test_a_feed_url_given_twice_is_read_again_conditionally(cli, db_file, site):
    expected = fx.state(site)
    url = site.url("/rss-feed/department-press-briefings/feed/")
    first = cli("fetch", url, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert first["added"] == len(expected) + 1  # and the readout, from its summary: its page is not there
    assert first["deferred"] == len(expected) + 1 and first["failed"] == 0  # 403s and a 404: the feed's text stands
    feed_hits = site.hits("/rss-feed/department-press-briefings/feed/")
    assert feed_hits == 1  # read once, not once to look at it and once more for its entries
    second = cli("fetch", url, *FAST, "--db", db_file, "--json").jsonl()[0]
    assert second["added"] == 0 and second["error"] is None


def test_a_source_whose_address_holds_another_kind_of_document_says_so(cli, db_file, site):
    """A web page added as a feed (the default kind) or as a sitemap was read, found to list nothing, and the run
    said "discovered 0" with exit 0: no word that the address or the kind was wrong."""
    site.page("/briefings", b"<!DOCTYPE html><html><head><title>Briefings</title></head><body><ul></ul></body></html>")
    site.page("/feed.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>')
    for name, path, kind in (("page", "/briefings", "feed"), ("map", "/briefings", "sitemap"),
                             ("rss", "/feed.xml", "sitemap")):
        assert cli("sources", "add", name, site.url(path), "--kind", kind, "--db", db_file).code == 0
    result = cli("fetch", "page", "map", "rss", *FAST, "--db", db_file, "--json")
    assert result.code == 1
    errors = {report["source"]: report["error"] for report in result.jsonl()}
    assert errors["page"] == (f"{site.url('/briefings')} is no RSS or Atom feed: it holds a <html> document (a source "
                              "of --kind listing reads that). Check the source's URL and kind.")
    assert errors["map"].startswith(f"{site.url('/briefings')} is no XML sitemap: it holds a <html> document")
    assert "a <rss> document (a source of --kind feed reads that)" in errors["rss"]
    assert cli("sources", "add", "empty", site.url("/feed.xml"), "--db", db_file).code == 0
    assert cli("fetch", "empty", *FAST, "--db", db_file).code == 0  # a feed with no entries is no error
