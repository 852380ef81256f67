"""Hostile sites, fourth round (found by helpers' hostile tests and reviews): each test here failed before its
fix, but for the cases kept beside them that the fixes must not break (an empty listing, a raw deflate stream).

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

import json

import pytest

from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "10", "--retries", "0")
GOVUK_SEARCH = ("/api/search.json?filter_organisations=foreign-commonwealth-development-office"
                "&filter_content_store_document_type=press_release&order=-public_timestamp&count=100&start=0"
                "&fields=link%2Ctitle%2Cpublic_timestamp")
MEA_LISTING = "/FrontEnd/FetchPublicationListingData?publicationId=49&page=1&PageSize=50&PLngId=1"
WORDPRESS_POSTS = "/wp-json/wp/v2/posts?per_page=50&page=1&_fields=id%2Clink%2Cdate%2Ctitle"


def fetch_api(cli, db_file, site, kind: str, path: str, answer: bytes):
    fx.polite(site)
    site.route(path, ss.Reply(answer, content_type="application/json"))
    assert cli("sources", "add", "api", site.url("/"), "--kind", kind, "--db", db_file).code == 0
    return cli("fetch", "api", "--db", db_file, *FAST)


@pytest.mark.parametrize("answer", ['"str"', "[]", "null", "42", '{"results": "none"}', '{"results": {"a": 1}}',
                                    '{"error": "rate limited"}', "{}", '{"results": [1, 2]}'])
def test_a_search_api_answering_another_shape_is_an_error_not_an_empty_success(cli, db_file, site, answer):
    result = fetch_api(cli, db_file, site, "govuk", GOVUK_SEARCH, answer.encode())
    assert result.code != 0
    assert "did not answer with a list of results" in result.stderr, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("answer", ['"str"', "null", "42", '{"error": "rate limited"}', "{}", "[1, 2, 3]"])
def test_a_publication_api_answering_no_listing_is_an_error(cli, db_file, site, answer):
    result = fetch_api(cli, db_file, site, "mea", MEA_LISTING, answer.encode())
    assert result.code != 0
    assert "did not answer with a list of publications" in result.stderr, result.stderr


def test_an_empty_listing_is_still_an_empty_success(cli, db_file, site):
    result = fetch_api(cli, db_file, site, "mea", MEA_LISTING, b'{"tags": [], "data": []}')
    assert result.code == 0, result.stderr


@pytest.mark.parametrize("kind,path", [("govuk", GOVUK_SEARCH), ("mea", MEA_LISTING)])
def test_json_nested_beyond_the_readers_depth_is_said_in_one_line(cli, db_file, site, kind, path):
    result = fetch_api(cli, db_file, site, kind, path, b"[" * 200_000 + b"]" * 200_000)
    assert result.code != 0
    assert "nested too deeply" in result.stderr, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("answer", ['{"code": "x"}', "[1, 2, 3]"])
def test_a_wordpress_api_answering_no_list_of_posts_falls_back_to_the_feed(cli, db_file, site, answer):
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>'
            f'<item><title>Post one</title><link>{site.url("/p1")}</link></item></channel></rss>')
    site.route("/feed/", ss.Reply(feed.encode(), content_type="application/rss+xml"))
    site.page("/p1", ss.article("Post one"))
    result = fetch_api(cli, db_file, site, "wordpress", WORDPRESS_POSTS, answer.encode())
    assert result.code == 0, result.stderr
    assert "reading the site's feed instead" in result.stderr
    assert [row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()] == ["Post one"]


def members(text: bytes, parts: int) -> bytes:
    """`text` gzipped as `parts` members one after the other, as a server that joins gzipped pieces sends it."""
    import gzip

    size = -(-len(text) // parts)
    return b"".join(gzip.compress(text[start:start + size]) for start in range(0, len(text), size))


def test_a_gzip_body_of_several_members_is_decoded_whole_however_it_is_cut():
    from briefarc.net.inflate import Inflater

    text = b"<p>The spokesperson answered a question on the border talks.</p>" * 40
    body = members(text, 3) + b"\0\0\0"  # some servers pad the end
    for cut in range(len(body) + 1):
        inflater = Inflater("gzip", 10**6)
        assert inflater.feed(body[:cut]) + inflater.feed(body[cut:]) + inflater.finish() == text, cut


def test_a_page_sent_as_several_gzip_members_is_stored_whole(cli, db_file, site):
    fx.polite(site)
    page = ss.article("Weekly briefing")
    site.route("/b", ss.Reply(members(page, 4), headers={"Content-Encoding": "gzip"}))
    assert cli("fetch", site.url("/b"), "--db", db_file, *FAST).code == 0
    assert cli("show", "1", "--raw", "--db", db_file).stdout_bytes == page


def test_a_gzip_body_whose_last_member_is_cut_is_an_error():
    from briefarc.net.inflate import InflateError, Inflater

    body = members(b"<p>one</p><p>two</p>" * 20, 2)
    inflater = Inflater("gzip", 10**6)
    inflater.feed(body[:-5])
    with pytest.raises(InflateError, match="ends before the end"):
        inflater.finish()


def test_a_page_whose_text_lies_beyond_the_tag_cap_fails_saying_so(cli, db_file, tmp_path):
    """The page was skipped as one with "no text", the cut that hid its text never said."""
    page = tmp_path / "crowded.html"
    page.write_text("<html><head><title>Weekly briefing</title></head><body>" + "<i></i>" * 110_000
                    + "<p>The spokesperson spoke about the border talks at length today.</p>" * 20 + "</body></html>")
    result = cli("ingest", page, "--db", db_file)
    assert result.code == 1
    assert "no text found before the cut: the page holds more than 200,000 tags" in result.stderr, result.stderr


def discovered(site, kind: str, path: str, **options) -> tuple[list, list[str]]:
    """What a source of `kind` at `path` finds, read up to 3 pages, and its notes."""
    import asyncio

    from briefarc.models import Source
    from briefarc.net.fetch import FetchConfig, Fetcher
    from briefarc.sources import adapter
    from briefarc.sources.base import Context

    async def discover() -> tuple[list, list[str]]:
        async with Fetcher(FetchConfig(delay=0, retries=0)) as fetcher:
            source = Source(name="s", kind=kind, url=site.url(path), options=options)
            ctx = Context(source, fetcher, lambda url: False, max_pages=3)
            return [item async for item in adapter(kind)(ctx)], ctx.notes

    return asyncio.run(discover())


def test_a_listing_longer_than_the_page_cap_says_where_it_stopped(site):
    """It stopped at its 200th page without a word, and a rerun, finding the first pages known, never went on."""
    fx.polite(site)
    for n in range(1, 6):
        links = "".join(f'<li><a href="/b/{n}-{k}">Briefing {n}-{k}</a></li>' for k in range(3))
        site.page(f"/list/{n}", f'<html><body><ul>{links}</ul><a class="next" href="/list/{n + 1}">Next</a>'
                  "</body></html>".encode())
    items, notes = discovered(site, "listing", "/list/1", item_selector="li", next_selector="a.next")
    assert len(items) == 9
    assert notes == [f"stopped after reading 3 listing pages of {site.url('/list/1')}: the next, "
                     f"{site.url('/list/4')}, and those after it were not read (a source of this kind and options "
                     "with that address reads on from there)"]


def test_an_api_longer_than_the_page_cap_says_it_stopped(site):
    fx.polite(site)
    for n in range(1, 6):
        posts = [{"link": site.url(f"/p/{n}-{k}"), "title": "T", "date": "2025-01-01"} for k in range(2)]
        site.route(f"/wp-json/wp/v2/posts?per_page=2&page={n}&_fields=id%2Clink%2Cdate%2Ctitle",
                   ss.Reply(json.dumps(posts).encode(), content_type="application/json"))
    items, notes = discovered(site, "wordpress", "/", per_page=2)
    assert len(items) == 6
    assert notes == [f"stopped after reading 3 pages of posts from {site.url('/')}: older ones were not read"]


def test_history_cuts_a_huge_title_as_list_does(cli, db_file):
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    db = open_database(db_file)
    for text in ("The first text of the briefing.", "The second text of the briefing."):
        save_document(db, Document(title="Briefing " * 20_000, paragraphs=[text]),
                      RawPage(data=text.encode(), origin="x", url="https://mofa.gov.pk/b", live=True))
    result = cli("history", "1", "--db", db_file)
    assert result.code == 0 and "Briefing Briefing" in result.stdout
    assert len(result.stdout) < 3000, len(result.stdout)


def test_a_gzip_body_of_many_members_is_decoded_in_linear_work(monkeypatch):
    """Each member's decoder was given all the bytes after it: 100,000 members took 16 s. The bytes handed to
    the decoders are counted (a rule, not a timer)."""
    import zlib

    from briefarc.net import inflate

    given = []
    real = zlib.decompressobj

    class Counted:
        def __init__(self, wbits):
            self.real = real(wbits)

        def decompress(self, data, most):
            given.append(len(data))
            return self.real.decompress(data, most)

        def __getattr__(self, name):
            return getattr(self.real, name)

    monkeypatch.setattr(inflate.zlib, "decompressobj", Counted)
    text = b"".join(b"<url><loc>https://mofa.gov.pk/b/%d</loc></url>" % n for n in range(3000))
    body = members(text, 3000)
    assert inflate.gunzip(body, 10**7) == text
    assert sum(given) < 4 * len(body), (sum(given), len(body))  # it was 1,500 times


@pytest.mark.parametrize("wrapped", [True, False])
def test_a_deflate_body_is_decoded_however_its_first_bytes_come(wrapped):
    """A zlib-wrapped deflate body whose first chunk was one byte was taken for a raw deflate stream."""
    import zlib

    from briefarc.net.inflate import Inflater

    text = b"<p>The spokesperson answered.</p>" * 30
    packer = zlib.compressobj(wbits=zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
    body = packer.compress(text) + packer.flush()
    for cut in (1, 2, 3):
        inflater = Inflater("deflate", 10**6)
        assert inflater.feed(body[:cut]) + inflater.feed(body[cut:]) + inflater.finish() == text, cut


@pytest.mark.parametrize("past_the_end", [b'{"data": null}', b"{}"])
def test_a_page_past_the_last_answering_no_listing_ends_it_with_a_note(site, past_the_end):
    """A listing whose last page is full asks for one more; an API may answer that with no list at all."""
    fx.polite(site)
    rows = [{"PKID": 1, "Title": "Briefing one", "PublishDate": "01/02/2025"}]
    site.route("/FrontEnd/FetchPublicationListingData?publicationId=49&page=1&PageSize=1&PLngId=1",
               ss.Reply(json.dumps({"data": rows}).encode(), content_type="application/json"))
    site.route("/FrontEnd/FetchPublicationListingData?publicationId=49&page=2&PageSize=1&PLngId=1",
               ss.Reply(past_the_end, content_type="application/json"))
    items, notes = discovered(site, "mea", "/", page_size=1)
    assert [item.title for item in items] == ["Briefing one"]
    assert len(notes) == 1 and "answered no list of publications: taken as the end of the listing" in notes[0]
