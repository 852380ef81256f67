"""URLs read from web text: what is not a URL is dropped (treated as absent), never raised.

urllib.parse raises ValueError on `http://[::1`, and answers a port of 99999 only when asked for it.
Also: which URLs imply a language.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefarc.extract.core import extract
from briefarc.extract.dates import date_from_url
from briefarc.extract.feed import parse_feed
from briefarc.extract.language import language_from_url
from briefarc.extract.links import checked, resolve
from briefarc.extract.sites import native_id, site_named
from briefarc.urls import hostname, split

BAD_URLS = ["http://[::1/x", "http://[::1", "http://a.org:99999/", "http://a.org:port/", "http://[zz]/a"]
ARTICLE = ("<p>The Ministry of Foreign Affairs said on Tuesday that the talks would resume in Geneva next week, "
           "and that both delegations had agreed on the agenda.</p>") * 4


def page(head: str = "", body: str = ARTICLE) -> bytes:
    return f"<html lang='en'><head><title>Talks to resume</title>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("bad", BAD_URLS)
def test_bad_canonical_is_dropped(bad: str) -> None:
    document = extract(page(f'<link rel="canonical" href="{bad}">'), url="https://m.example/news/1")
    assert document.canonical_url is None
    assert "Geneva" in document.body


@pytest.mark.parametrize("bad", BAD_URLS)
def test_bad_og_url_is_dropped(bad: str) -> None:
    document = extract(page(f'<meta property="og:url" content="{bad}">'), url="https://m.example/news/1")
    assert document.canonical_url is None


def test_good_canonical_is_still_resolved() -> None:
    document = extract(page('<link rel="canonical" href="/news/1?amp">'), url="https://m.example/news/1")
    assert document.canonical_url == "https://m.example/news/1?amp"


LISTING = """<ul>
<li><a href="/a/statement-on-the-situation-in-the-region">Statement on the situation in the region</a></li>
<li><a href="http://[::1">Remarks at the opening of the annual conference</a></li>
<li><a href="http://a.org:99999/b">Readout of the call with the foreign minister</a></li>
<li><a href="/c/joint-communique-of-the-two-ministers">Joint communique of the two ministers</a></li>
<li><a href="/d/briefing-by-the-spokesperson-on-monday">Briefing by the spokesperson on Monday</a></li>
<li><a href="/e/press-release-on-the-new-ambassador">Press release on the new ambassador</a></li>
</ul>"""


def test_bad_links_in_a_listing_are_dropped() -> None:
    body = LISTING + '<a href="http://[::1/next" rel="next">Next</a>'
    document = extract(page(body=body), url="https://m.example/news/")
    assert document.kind == "listing"
    assert [item.url for item in document.items] == [
        "https://m.example/a/statement-on-the-situation-in-the-region",
        "https://m.example/c/joint-communique-of-the-two-ministers",
        "https://m.example/d/briefing-by-the-spokesperson-on-monday",
        "https://m.example/e/press-release-on-the-new-ambassador",
    ]
    assert document.next_page is None


def test_bad_next_page_hint_is_dropped() -> None:
    document = extract(page('<link rel="next" href="http://[::1/2">', body=LISTING), url="https://m.example/news/")
    assert document.kind == "listing" and document.next_page is None


def test_bad_page_url_does_not_stop_extraction() -> None:
    document = extract(page('<link rel="canonical" href="https://m.example/news/1">'), url="http://[::1/news/1")
    assert document.canonical_url == "https://m.example/news/1"
    relative = extract(page('<link rel="canonical" href="/news/1">'), url="http://a.org:99999/2020/01/02/x")
    assert relative.canonical_url == "/news/1" and relative.published is None


@pytest.mark.parametrize("base", [None, "https://m.example/feed", "http://[::1/feed"])
def test_bad_feed_links_are_dropped(base: str | None) -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>http://[::1/</link>
<item><title>One</title><link>http://[::1/x</link></item>
<item><title>Two</title><link>http://a.org:99999/</link></item>
<item><title>Three</title><link>https://m.example/3</link></item></channel></rss>"""
    parsed = parse_feed(feed, base)
    assert [item.link for item in parsed.items] == [None, None, "https://m.example/3"]
    assert parsed.link is None
    broken = feed.replace(b"</channel></rss>", b"")  # the tolerant reader too
    assert [item.link for item in parse_feed(broken, base).items] == [None, None, "https://m.example/3"]


def test_bad_atom_links_are_dropped() -> None:
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><link href="http://[::1/"/>
<entry><title>A</title><link href="http://[::1/a"/></entry><entry><title>B</title><link href="/b"/></entry></feed>"""
    parsed = parse_feed(atom, "https://m.example/feed.atom")
    assert [item.link for item in parsed.items] == [None, "https://m.example/b"]


@pytest.mark.parametrize("bad", BAD_URLS)
def test_url_readers_treat_bad_urls_as_absent(bad: str) -> None:
    fmprc = site_named("fmprc")
    assert hostname(bad) == ""
    assert date_from_url(bad + "/2020/01/02/t20200102_123.html") is None
    assert language_from_url(bad + "/eng/") is None
    assert native_id(fmprc, bad + "/t20200102_123.html", "en") is None


def test_url_readers_still_read_good_urls() -> None:
    url = "https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202001/t20200102_123.html"
    assert hostname(url) == "www.fmprc.gov.cn"
    assert date_from_url(url) == "2020-01-02"
    assert language_from_url(url) == "en"
    assert native_id(site_named("fmprc"), url, "en") == "fmprc:en:t20200102_123"


# --- language from the URL ---------------------------------------------------------------------------

SYSTEM_PAGE = (b"<html><head><title>Site maintenance</title></head><body><h1>Site maintenance</h1>"
               b"<p>The site will be updated on Saturday night. Some pages may answer slowly while the work goes "
               b"on; please come back later or go back to the home page of the site.</p></body></html>")


def test_web_path_is_not_chinese_on_other_hosts() -> None:
    assert language_from_url("https://www.example.org/web/system/notice.html") is None
    document = extract(SYSTEM_PAGE, url="https://www.example.org/web/system/notice.html")
    assert document.language == "en"


def test_web_path_is_chinese_on_china_mfa_hosts() -> None:
    for host in ("www.fmprc.gov.cn", "www.mfa.gov.cn", "mfa.gov.cn"):
        assert language_from_url(f"https://{host}/web/fyrbt_673021/202501/t20250102_1.shtml") == "zh"
    assert language_from_url("https://www.mfa.gov.cn/eng/xw/fyrbt/202501/t20250102_1.html") == "en"
    assert language_from_url("https://www.example.org/zh/news/1.html") == "zh"


# --- the helpers -------------------------------------------------------------------------------------

URLISH = st.one_of(st.none(), st.text(max_size=30), st.sampled_from([
    "http://[::1", "http://[::1/x", "//[::1/x", "http://a.org:99999/", "https://a.example/x/", "/b?c=1#d", "../e",
    "javascript:void(0)", "JavaScript:go()", "#top", "mailto:a@b.example", " https://a.example/ ", "http://[zz]/",
    "http://a.org:-1/", "https://ａ.example/", "http://a.org\uff03b/", "data:,x", "", "   ",
])).map(lambda value: value if value is None else value.replace("\x00", ""))


@settings(max_examples=300, deadline=None)
@given(URLISH, URLISH)
def test_resolve_answers_a_url_or_none(base: str | None, href: str | None) -> None:
    result = resolve(base, href)
    assert result is None or split(result) is not None
    assert checked(href) is None or split(checked(href)) is not None


def test_resolve_cases() -> None:
    assert resolve("https://a.example/x/", "../y") == "https://a.example/y"
    assert resolve("http://[::1/x", "https://a.example/y") == "https://a.example/y"  # a bad base is ignored
    assert resolve(None, "/y") == "/y"
    assert resolve("https://a.example/", " JavaScript:go() ") is None
    assert resolve("https://a.example/", "#top") is None and resolve("https://a.example/", "mailto:a@b") is None
    assert resolve("https://a.example/", "//[::1/x") is None
    for other in ("data:text/html,x", "tel:+41223456789", "about:blank", "blob:https://a.example/1", "file:///etc/x"):
        assert resolve("https://a.example/", other) is None, other  # no page to fetch
    assert resolve("https://a.example/", "HTTPS://b.example/y") == "https://b.example/y"
    assert checked(" https://a.example/ ") == "https://a.example/" and checked("http://a.org:99999/") is None
