"""Feeds and sitemaps from the wild: broken XML is read in linear time, and the entry points raise
InputError and nothing else, whatever the bytes."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefarc.errors import InputError
from briefarc.extract import core, feed
from briefarc.extract.core import extract_feed_item
from briefarc.extract.feed import FeedItem, parse_feed, parse_sitemap

# Each shape is about 1 MB of broken XML that a backtracking pattern reads in quadratic time.
SHAPES = """{
    "unclosed items": b"<rss><channel>" + b"<item><title>x" * 70_000,
    "unclosed tags": b"<rss><channel>" + b"<a><b>x" * 150_000,
    "stray end tags": b"<rss><channel>" + b"<a>" * 130_000 + b"</b>" * 130_000,
    "no closing bracket": b"<rss><channel>" + b"<a" * 500_000,
    "unclosed CDATA": b"<rss><channel><item><title>" + b"<![CDATA[" * 110_000,
    "unclosed comments": b"<rss><channel><item>" + b"<!--" * 250_000,
    "doctype brackets": b"<rss>" + b"<!DOCTYPE[" * 100_000,
    "a long attribute name": b"<rss><channel><item " + b"a" * 1_000_000 + b">",
    "open quotes": b"<rss><channel><item " + b'a="' * 330_000 + b">",
    "processing instructions": b"<rss><channel>" + b"<?" * 500_000,
    "unclosed urls": b"<urlset>" + b"<url><loc>https://a.example/" * 35_000,
}"""

TIMER = f"""
import json, time
from briefarc.extract.feed import is_feed, parse_feed, parse_sitemap
shapes = {SHAPES}
seconds, items = {{}}, {{}}
for name, data in shapes.items():
    start = time.perf_counter()
    found = parse_feed(data, "https://a.example/feed")
    middle = time.perf_counter()
    sitemap = parse_sitemap(data)
    seconds[name] = max(middle - start, time.perf_counter() - middle)
    items[name] = (len(found.items), len(sitemap.urls))
start = time.perf_counter()
items["comments before the root"] = (is_feed(b"<!-- -->" * 500 + b"<html>"), is_feed(b"<!-- -->" * 500 + b"<rss>"))
seconds["comments before the root"] = time.perf_counter() - start
print(json.dumps({{"seconds": seconds, "items": items}}))
"""


def test_broken_feeds_are_read_in_linear_time() -> None:
    """1 MB of each shape in about a second at most (a quadratic reader takes hours; 1 MB of real feed,
    with fewer and longer items, takes a tenth of that); run in a child process so that a regression
    fails at the timeout instead of hanging the suite. Also is_feed on a page that opens with many
    comments (a backtracking pattern took exponential time there)."""
    try:
        result = subprocess.run([sys.executable, "-c", TIMER], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("reading 1 MB of broken XML took more than a minute: the tolerant reader is not linear")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    slow = {name: round(seconds, 2) for name, seconds in report["seconds"].items() if seconds > 3}
    assert not slow
    # the work done: a new <item> (or <url>) closes the one left open, so every record is found
    assert report["items"]["unclosed items"] == [70_000, 0]
    assert report["items"]["unclosed urls"] == [0, 35_000]
    assert report["items"]["comments before the root"] == [False, True]


def test_unclosed_records_close_each_other() -> None:
    broken = (b"<rss><channel><title>T</title><item><title>One</title><link>https://a.example/1"
              b"<item><title>Two</title><dc:creator>Press Office</dc:creator><dc:date>2021-08-10</dc:date>")
    items = parse_feed(broken).items
    assert [(i.title, i.link) for i in items] == [("One", "https://a.example/1"), ("Two", None)]
    assert items[1].author == "Press Office" and items[1].published == "2021-08-10"


def test_tolerant_reader_skips_comments_and_keeps_cdata() -> None:
    broken = (b"<rss><channel><!-- <item><title>commented out</title></item> -->"
              b"<item><title><![CDATA[A <b>bold</b> & plain]]></title>"
              b"<description>Caf&eacute; <![CDATA[<p>x &amp; y</p>]]></description></item>")
    items = parse_feed(broken).items
    assert [i.title for i in items] == ["A <b>bold</b> & plain"]
    assert items[0].summary == "Café <p>x &amp; y</p>"


# --- nothing but InputError --------------------------------------------------------------------------

XML_FRAGMENTS = st.sampled_from([
    "<?xml version='1.0'?>", "<?xml version='1.0' encoding='gbk'?>", "<rss>", "</rss>", "<channel>", "</channel>",
    "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<rdf:RDF>", "<item>", "</item>", "<entry>",
    "</entry>", "<title>", "</title>", "<link>", "</link>", "<link href='http://[::1/x'/>", "<link rel='alternate'/>",
    "http://[::1/x", "http://a.org:99999/", "https://a.example/1", "/relative", "<guid>", "<pubDate>",
    "</pubDate>", "Wed, 11 Aug 2021 00:14:25 +0000", "2021-02-30", "<dc:creator>", "<author><name>", "</name>",
    "<content:encoded>", "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>", "</div></content>",
    "<description>", "</description>", "<category term='x'/>", "<![CDATA[", "]]>", "<!--", "-->",
    "<!DOCTYPE rss [", "]>", "<!ENTITY a 'b'>", "&amp;", "&#0;", "&#xD800;", "&nbsp;", "&a;", "<urlset>",
    "<url>", "<loc>", "</loc>", "<lastmod>", "</lastmod>", "<sitemapindex>", "<sitemap>", "<a", ">", "/>", "<",
    "\u3000", "\x00", "\ufeff", "<p>MR PRICE: Good afternoon.</p>", "<p>QUESTION: On Burma?</p>",
])
BASES = st.sampled_from([None, "https://a.example/feed", "http://[::1/feed", "http://a.org:99999/", "feed.xml"])


def xml_like(parts: list[str]) -> bytes:
    return "".join(parts).encode("utf-8", errors="surrogatepass")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), BASES)
def test_fuzz_feed_readers_with_any_bytes(data: bytes, base: str | None) -> None:
    with contextlib.suppress(InputError):
        parse_feed(data, base)
    with contextlib.suppress(InputError):
        parse_sitemap(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(XML_FRAGMENTS, st.text(max_size=20)), max_size=60), BASES)
def test_fuzz_feed_readers_without_the_safety_net(parts: list[str], base: str | None) -> None:
    """The readers themselves (not only their safety net) handle arbitrary feed-like text."""
    data = xml_like(parts)
    parsed = parse_feed.__wrapped__(data, base)
    for item in parsed.items[:3]:
        extract_feed_item.__wrapped__(item, base)
    parse_sitemap.__wrapped__(data)
    parse_feed.__wrapped__(xml_like(["<rss><channel>", *parts]), base)


HTML_FRAGMENTS = st.sampled_from([
    "<p>", "</p>", "<div>", "</div>", "<br>", "MR PRICE: ", "QUESTION: ", "问：", "<a href='http://[::1'>",
    "</a>", "<li>", "<ul>", "<h1>", "<script>", "<link rel=canonical href='http://[::1/x'>", "&nbsp;", "\x00",
    "Ned Price, Department Spokesperson", "2:13 p.m. EDT", "Washington, D.C.", "2021年9月16日",
])
TEXTS = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["http://[::1/x", "Spokesperson", "9999-99-99"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.builds(FeedItem, title=TEXTS, link=TEXTS, guid=TEXTS, published=TEXTS, author=TEXTS,
                 summary=st.one_of(st.none(), st.lists(HTML_FRAGMENTS, max_size=30).map("".join)),
                 content=st.one_of(st.none(), st.lists(st.one_of(HTML_FRAGMENTS, st.text(max_size=20)),
                                                       max_size=40).map("".join))),
       BASES)
def test_fuzz_feed_items(item: FeedItem, base: str | None) -> None:
    with contextlib.suppress(InputError):
        extract_feed_item(item, base)


def test_feed_entry_points_have_a_safety_net(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(feed, "read_root", broken)
    monkeypatch.setattr(core, "extract_html", broken)
    for call in (lambda: parse_feed(b"<rss/>"), lambda: parse_sitemap(b"<urlset/>"),
                 lambda: extract_feed_item(FeedItem(title="t", content="<p>x</p>"))):
        with pytest.raises(InputError, match="RuntimeError: a bug"):
            call()
