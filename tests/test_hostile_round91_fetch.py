"""Hostile sites, round 91: each test here failed before its fix (but the one of a page answering 500, which keeps
the fix for hosts that ask to wait from closing a host for a page's own trouble).

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

from http.cookies import SimpleCookie

from briefarc.extract import feed
from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "10", "--workers", "0")


class Repeated(dict):
    """Reply headers with names that repeat (Set-Cookie), in order: the server writes what items() gives."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__()
        self.pairs = pairs

    def items(self):  # type: ignore[override]
        return self.pairs


def urlset(site: ss.SiteServer, paths: list[str], prolog: str = "") -> ss.Reply:
    entries = "".join(f"<url><loc>{site.url(path)}</loc></url>" for path in paths)
    body = (f'<?xml version="1.0"?>{prolog}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}'
            "</urlset>")
    return ss.Reply(body.encode(), content_type="application/xml")


def titles(cli, db_file) -> list[str]:
    return sorted(row["title"] for row in cli("list", "--db", db_file, "--json").jsonl())


def cookies_sent(seen: ss.Seen) -> dict[str, str]:
    jar = SimpleCookie()
    jar.load(seen.headers.get("cookie", ""))
    return {name: morsel.value for name, morsel in jar.items()}


# -- cookies --------------------------------------------------------------------------------------------------


def test_a_site_that_sets_cookies_by_the_thousand_gets_back_no_more_than_a_browser_keeps(cli, db_file, site):
    """Each page set 60 new cookies, and every later request carried all the cookies set so far: 30 pages that set
    1,200 each took 19 s, 60 took 62 s (a Cookie header of megabytes, built for each request). A site keeps 50 at
    once, each of at most 4 kB, as RFC 6265 asks a client to keep at least; one it sets again is still updated."""
    fx.polite(site)
    paths = [f"/p{n}" for n in range(4)]
    for n, path in enumerate(paths):
        flood = [("Set-Cookie", f"p{n}c{k}={'v' * 20}; Path=/") for k in range(60)]
        huge = [("Set-Cookie", f"huge={'h' * 5000}; Path=/")] if n == 0 else []
        site.route(path, ss.Reply(ss.article(f"Page {n}"), headers=Repeated([("Set-Cookie", f"session={n}; Path=/"),
                                                                              *huge, *flood])))
    result = cli("fetch", *map(site.url, paths), "--db", db_file, "--per-host", "1", "--retries", "0", *FAST)
    assert result.code == 0, result.stderr
    assert titles(cli, db_file) == ["Page 0", "Page 1", "Page 2", "Page 3"]
    pages = [seen for seen in site.requests if seen.path in paths]
    sent = [cookies_sent(seen) for seen in pages]
    assert max(len(cookies) for cookies in sent) <= 50
    assert not any("huge" in cookies for cookies in sent)
    # the site's first cookie is kept, and updated each time it is set again, however full the jar
    assert [cookies.get("session") for cookies in sent] == [None, "0", "1", "2"]


# -- a host that keeps asking to wait -------------------------------------------------------------------------


def test_a_host_that_keeps_answering_429_is_closed_for_the_run_and_its_pages_wait_for_the_next(cli, db_file, sites):
    """The pages of a run are in flight together: each page that got 429 waited its Retry-After and asked again,
    so no page ran out of attempts before every page had waited its turn (12 pages asking for 3 s took 55 s and
    50 requests; 1,000 asking for 300 s, days). Once the host has answered 429 to more requests in a row than a
    page is given attempts, its other pages are not asked for in this run; another host's pages are."""
    busy, other = sites(2)
    fx.polite(busy)
    fx.polite(other)
    paths = [f"/p{n}" for n in range(10)]
    busy.route("/sitemap.xml", urlset(busy, paths))
    for path in paths:
        busy.route(path, ss.too_many_requests("0.2"))
    other.page("/elsewhere", ss.article("Another host's page"))
    result = cli("fetch", busy.url("/sitemap.xml"), other.url("/elsewhere"), "--db", db_file, "--retries", "2",
                 *FAST)
    assert result.code == 3, result.stderr
    asked = [seen.path for seen in busy.requests if seen.path in paths]
    # three refusals in a row, each with what was in flight beside it (--per-host 2), and what was in flight then
    assert len(asked) <= 3 * 2 + 2, asked
    closed = [line for line in result.stderr.splitlines() if "not asked again in this run" in line]
    assert len(closed) >= len(paths) - 3 * 2
    assert f"{busy.host} asked briefarc to wait (429 Too Many Requests for {busy.url('/p')}" in closed[0]
    assert titles(cli, db_file) == ["Another host's page"]
    # nothing is lost: the pages wait, and the next run, once the site answers, stores them
    for n, path in enumerate(paths):
        busy.route(path, ss.article(f"Briefing {n}"))
    again = cli("fetch", busy.url("/sitemap.xml"), "--db", db_file, "--retries", "0", *FAST)
    assert again.code == 0, again.stderr
    assert len(titles(cli, db_file)) == 11


def test_the_first_429s_of_requests_in_flight_together_are_one_refusal(cli, db_file, site):
    """Four requests in flight that a site answers 429 together asked once to slow down: counted as four refusals in
    a row, they closed the host (--retries 1) before briefarc had waited at all, and no page was fetched."""
    fx.polite(site)
    paths = [f"/p{n}" for n in range(8)]
    site.route("/sitemap.xml", urlset(site, paths))
    for n, path in enumerate(paths):
        site.route(path, ss.too_many_requests("0.3", then=ss.article(f"Briefing {n}")) if n < 4
                   else ss.article(f"Briefing {n}"))
    result = cli("fetch", site.url("/sitemap.xml"), "--db", db_file, "--per-host", "4", "--retries", "1", *FAST)
    assert result.code == 0, result.stderr
    assert len(titles(cli, db_file)) == len(paths)


def test_a_host_that_asks_to_wait_a_year_is_not_asked_for_its_other_pages(cli, db_file, site):
    """A 429 asking to wait a year failed its page at once, as it should, and then each other page of the host was
    asked for, and answered the same: a site that said to stay away heard from briefarc once a page."""
    fx.polite(site)
    paths = [f"/p{n}" for n in range(6)]
    site.route("/sitemap.xml", urlset(site, paths))
    for path in paths:
        site.route(path, ss.too_many_requests("31536000"))
    result = cli("fetch", site.url("/sitemap.xml"), "--db", db_file, "--per-host", "1", "--retries", "3", *FAST)
    assert result.code == 1, result.stderr
    assert len([seen for seen in site.requests if seen.path in paths]) == 1
    assert "asked to wait 31536000 s, longer than the 300 s limit: try again later" in result.stderr
    assert result.stderr.count("not asked again in this run; run again later") == len(paths) - 1
    assert "Traceback" not in result.stderr


def test_a_page_answering_500_leaves_the_other_pages_of_its_host_going(cli, db_file, site):
    """Only a site's requests to wait close it: a page that keeps failing with 500 is that page's trouble."""
    fx.polite(site)
    site.route("/broken", ss.Reply(b"oops", 500))
    site.page("/fine", ss.article("A fine page"))
    result = cli("fetch", site.url("/broken"), site.url("/fine"), "--db", db_file, "--per-host", "1",
                 "--retries", "1", *FAST)
    assert result.code == 3, result.stderr
    assert site.hits("/broken") == 2 and titles(cli, db_file) == ["A fine page"]


# -- feeds and sitemaps with a long prolog --------------------------------------------------------------------


def test_a_feed_whose_document_type_is_longer_than_64_kb_is_still_a_feed(cli, db_file, site):
    """Only the first 64 kB were looked through for the feed's root: a feed whose document type declared 100 kB of
    entities was archived as a web page whose text was its declarations. The entities stay unexpanded."""
    fx.polite(site)
    site.page("/b/1", ss.article("Briefing on trade"))
    entities = "".join(f'<!ENTITY e{n} "{"x" * 400}">' for n in range(250))
    body = (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>F</title>'
            f"<item><title>Briefing on trade &e1;</title><link>{site.url('/b/1')}</link>"
            "<description>The spokesperson spoke on trade and visas.</description></item></channel></rss>").encode()
    assert len(body) > 100_000 and feed.is_feed(body)
    site.route("/feed.xml", ss.Reply(body, content_type="application/rss+xml"))
    result = cli("fetch", site.url("/feed.xml"), "--db", db_file, "--retries", "0", *FAST)
    assert result.code == 0, result.stderr
    rows = cli("list", "--db", db_file, "--json").jsonl()
    assert [(row["url"], row["title"]) for row in rows] == [(site.url("/b/1"), "Briefing on trade")]


def test_a_sitemap_whose_comment_fills_its_first_4_kb_is_read_as_a_sitemap(cli, db_file, site):
    """A sitemap given as an address was told from a page by "<urlset" in its first 4 kB: one with a long
    comment first was archived as a page without a title, and its URLs were never fetched."""
    fx.polite(site)
    site.page("/a", ss.article("Article A"))
    comment = "<!-- " + "Generated by a sitemap plugin. " * 200 + "-->"
    site.route("/sitemap.xml", urlset(site, ["/a"], prolog=comment))
    result = cli("fetch", site.url("/sitemap.xml"), "--db", db_file, "--retries", "0", *FAST)
    assert result.code == 0, result.stderr
    rows = cli("list", "--db", db_file, "--json").jsonl()
    assert [(row["url"], row["title"]) for row in rows] == [(site.url("/a"), "Article A")]


def test_a_long_prolog_is_read_in_linear_time():
    """The prolog's pattern reads an unterminated comment or document type of 20 MB once."""
    import time

    for data in (b"<!--" + b"a" * 20_000_000, b"<!DOCTYPE rss [" + b"<!ENTITY a 'x'>" * 1_300_000,
                 b"<!--a-->" * 2_500_000):
        started = time.perf_counter()
        assert not feed.is_feed(data) and not feed.is_sitemap(data)
        assert time.perf_counter() - started < 5
    assert feed.is_sitemap(b"\xef\xbb\xbf<?xml version='1.0'?><sm:urlset xmlns:sm='x'></sm:urlset>")
    assert feed.is_sitemap(b"Warning: a PHP notice\n<?xml version='1.0'?><urlset></urlset>")


# -- declarations of encodings that cannot be a page's ---------------------------------------------------------


def test_a_page_declaring_an_encoding_that_is_no_character_set_is_read_as_its_bytes_say(cli, db_file, site):
    """Latin-1 bytes under `charset=idna` (or punycode, or "undefined": Python codecs, no character sets) failed
    their page with a UnicodeError ("could not read the page"); as browsers do, the declaration is left out."""
    fx.polite(site)
    paths = {"/idna": "idna", "/punycode": "punycode", "/undefined": "undefined"}
    for path, label in paths.items():
        page = ss.article(f"Caf\u00e9 talks {label}", [f"The caf\u00e9 talks of {label} went on. " * 5,
                                                          "QUESTION: And then? SPOKESPERSON: More talks."])
        site.route(path, ss.Reply(page.decode().encode("latin-1"), content_type=f"text/html; charset={label}"))
    result = cli("fetch", *map(site.url, paths), "--db", db_file, "--retries", "0", *FAST)
    assert result.code == 0, result.stderr
    assert titles(cli, db_file) == [f"Caf\u00e9 talks {label}" for label in sorted(paths.values())]


def test_a_feed_declaring_an_ebcdic_encoding_over_latin1_bytes_keeps_its_entries(cli, db_file, site):
    """`encoding="cp037"` (EBCDIC) over a feed written in Latin-1 read it as EBCDIC: garbage, and no entries (a feed
    source then failed as "no RSS or Atom feed"). No declaration read as ASCII can name an encoding that is not."""
    fx.polite(site)
    site.page("/b/1", ss.article("Briefing on trade"))
    body = ('<?xml version="1.0" encoding="cp037"?><rss version="2.0"><channel><title>F</title><item><title>'
            f"Briefing on trade</title><link>{site.url('/b/1')}</link><description>The spokesperson spoke on "
            "trade and visas at the caf\u00e9.</description></item></channel></rss>").encode("latin-1")
    site.route("/feed.xml", ss.Reply(body, content_type="application/rss+xml"))
    result = cli("fetch", site.url("/feed.xml"), "--db", db_file, "--retries", "0", *FAST)
    assert result.code == 0, result.stderr
    rows = cli("list", "--db", db_file, "--json").jsonl()
    assert [(row["url"], row["title"]) for row in rows] == [(site.url("/b/1"), "Briefing on trade")]


# -- links that lead to no page -------------------------------------------------------------------------------


def test_a_listings_script_mail_and_file_links_are_no_pages_to_fetch(cli, db_file, site):
    """An item selector that also caught `javascript:void(0)`, `mailto:`, `file:` or `#top` links made each a page
    to fetch, which failed on every run (exit 3) until given up; a "next" link that is a script failed the whole
    source. Links are read as a feed's are: only http(s) addresses, stripped, resolved against the page."""
    fx.polite(site)
    site.page("/a", ss.article("Briefing A"))
    site.page("/b", ss.article("Briefing B"))
    links = ['/a', 'javascript:void(0)', 'mailto:press@site.example', 'file:///etc/passwd', '  /b  ', '#top',
             'ftp://site.example/x']
    items = "".join(f'<li><a href="{link}">Item {n}</a></li>' for n, link in enumerate(links))
    site.page("/list.html", f'<html><body><ul class="l">{items}</ul><a class="next" href="javascript:void(0)">'
                            "Next</a></body></html>")
    cli("sources", "add", "briefings", site.url("/list.html"), "--kind", "listing", "--item-selector", "ul.l a",
        "--next-selector", "a.next", "--db", db_file)
    result = cli("fetch", "briefings", "--db", db_file, "--retries", "0", "--json", *FAST)
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert (report["discovered"], report["added"], report["failed"], report.get("error")) == (2, 2, 0, None)
    assert titles(cli, db_file) == ["Briefing A", "Briefing B"]
    assert "Pages not fetched yet" not in cli("log", "--pending", "--db", db_file).stdout


def test_a_wordpress_apis_links_are_read_as_a_feeds_are(cli, db_file, site):
    """A post's link was taken as the API gave it: `javascript:`, `file:`, a broken address, a path without the
    site, or an address between spaces each became a page that failed on every run."""
    import json

    fx.polite(site)
    site.page("/good", ss.article("Good post"))
    site.page("/relative/path", ss.article("Relative post"))
    site.page("/spaced", ss.article("Spaced post"))
    links = [site.url("/good"), "javascript:alert(1)", "/relative/path", f"  {site.url('/spaced')}  ",
             "file:///etc/passwd", "http://[::1", "", None, 42]
    posts = [{"id": n, "link": link, "date": "2025-07-01", "title": {"rendered": f"Post {n}"}}
             for n, link in enumerate(links)]
    site.route("/wp-json/wp/v2/posts?per_page=50&page=1&_fields=id%2Clink%2Cdate%2Ctitle",
               ss.Reply(json.dumps(posts).encode(), content_type="application/json"))
    cli("sources", "add", "wp", site.url("/"), "--kind", "wordpress", "--db", db_file)
    result = cli("fetch", "wp", "--db", db_file, "--retries", "0", "--json", *FAST)
    assert result.code == 0, result.stderr
    report = result.jsonl()[0]
    assert (report["discovered"], report["added"], report["failed"]) == (3, 3, 0)
    assert titles(cli, db_file) == ["Good post", "Relative post", "Spaced post"]
