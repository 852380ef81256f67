"""A fetched page is stored at its address without the fragment, tracking parameters or dot segments, and
spellings of one address given together are asked for once.

Before: `fetch /p/1 /p/1?utm_source=x&utm_medium=y /p/1#frag` made one document whose address was whichever
answered first (the utm_ one in a user's run), each spelling was requested; /p/1#frag alone was stored with its
#frag, and /p/./1 became a second document."""

from __future__ import annotations

from briefarc.urls import normalize_url
from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
PAGE = ss.article("Press briefing on the talks in Doha")
SPELLINGS = ("/p/1", "/p/1?utm_source=x&utm_medium=y", "/p/1#frag", "/p/./1", "/p/x/../1?fbclid=abc")


def serve(site: ss.SiteServer) -> None:
    site.route("/robots.txt", ss.robots())
    for path in SPELLINGS:  # a server that answers each spelling (it ignores the query, as most do)
        site.route(path.split("#")[0], ss.Reply(PAGE))


def addresses(cli, db_file) -> list[str]:
    return [row["url"] for row in cli("list", "--db", db_file, "--json").jsonl()]


def test_spellings_given_together_make_one_document_at_the_plain_address_asked_for_once(cli, db_file, site):
    serve(site)
    given = [site.url(path) for path in SPELLINGS[1:3]] + [site.url(SPELLINGS[0])]  # the utm_ one first
    result = cli("fetch", *given, *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    assert result.jsonl()[0]["added"] == 1
    assert addresses(cli, db_file) == [site.url("/p/1")]
    assert [path for path in site.paths() if path != "/robots.txt"] == ["/p/1?utm_source=x&utm_medium=y"]
    shown = cli("show", "1", "--db", db_file, "--json").jsonl()[0]
    assert shown["url"] == site.url("/p/1")
    assert site.url("/p/1") in cli("cite", "1", "--db", db_file).stdout


def test_a_fragment_or_dot_segments_alone_are_stored_without_them(cli, db_file, site):
    serve(site)
    for path in ("/p/1#frag", "/p/./1", "/p/x/../1?fbclid=abc"):
        result = cli("fetch", site.url(path), "--refresh", *FAST, "--db", db_file, "--json")
        assert result.code == 0, result.stderr
        assert addresses(cli, db_file) == [site.url("/p/1")], path


def test_normalize_url_resolves_dot_segments():
    assert normalize_url("https://h.example/p/./1") == "https://h.example/p/1"
    assert normalize_url("https://h.example/a/b/../c/%2E/d?x=1#top") == "https://h.example/a/c/d?x=1"
    assert normalize_url("https://h.example/a/b/..") == "https://h.example/a/"
    assert normalize_url("https://h.example/../../x") == "https://h.example/x"
    assert normalize_url("https://h.example/a/.b/..c/") == "https://h.example/a/.b/..c/"  # names, not dots
