"""Feeds and sitemaps from the wild: broken XML is read in linear time, and the entry points raise
InputError and nothing else, whatever the bytes."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefarc.errors import InputError
from briefarc.extract import core, feed
from briefarc.extract.core import extract_feed_item
from briefarc.extract.feed import Feed, FeedItem, Sitemap, parse_feed, parse_sitemap
from briefarc.models import KINDS, ROLES, Document
from briefarc.urls import split

# Broken XML of n bytes, in shapes that a backtracking pattern reads in quadratic (or worse) time.
SHAPES = """{
    "unclosed items": lambda n: b"<rss><channel>" + b"<item><title>x" * (n // 14),
    "unclosed tags": lambda n: b"<rss><channel>" + b"<a><b>x" * (n // 7),
    "stray end tags": lambda n: b"<rss><channel>" + b"<a>" * (n // 8) + b"</b>" * (n // 8),
    "no closing bracket": lambda n: b"<rss><channel>" + b"<a" * (n // 2),
    "unclosed CDATA": lambda n: b"<rss><channel><item><title>" + b"<![CDATA[" * (n // 9),
    "unclosed comments": lambda n: b"<rss><channel><item>" + b"<!--" * (n // 4),
    "doctype brackets": lambda n: b"<rss>" + b"<!DOCTYPE[" * (n // 10),
    "a long attribute name": lambda n: b"<rss><channel><item " + b"a" * n + b">",
    "open quotes": lambda n: b"<rss><channel><item " + b'a="' * (n // 3) + b">",
    "processing instructions": lambda n: b"<rss><channel>" + b"<?" * (n // 2),
    "unclosed urls": lambda n: b"<urlset>" + b"<url><loc>https://a.example/" * (n // 28),
    "comments before the root": lambda n: b"<!-- -->" * (n // 8) + b"<rss>",
}"""
SIZE = 300_000
GROWTH = 4  # the large input is this many times the small one

# CPU time (not wall-clock: the machine may be busy) of reading each shape at two sizes, the best of a
# few runs, with the garbage collector off so that its passes do not land on one size only.
TIMER = f"""
import gc, json, time
from briefarc.extract.feed import is_feed, parse_feed, parse_sitemap
shapes = {SHAPES}

def read(data):
    return len(parse_feed(data, "https://a.example/feed").items), len(parse_sitemap(data).urls), is_feed(data)

def cpu(data, runs):
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        found = read(data)
        best = min(best, time.process_time() - start)
    return best, found

gc.disable()
ratios, found = {{}}, {{}}
for name, make in shapes.items():
    small, _ = cpu(make({SIZE // GROWTH}), 3)
    large, found[name] = cpu(make({SIZE}), 2)
    ratios[name] = large / max(small, 1e-6)
found["is_feed"] = [is_feed(b"<!-- -->" * 500 + b"<html>"), is_feed(b"<!-- -->" * 500 + b"<rss>")]
print(json.dumps({{"ratios": ratios, "found": found}}))
"""


@pytest.mark.timing
def test_broken_feeds_are_read_in_linear_time() -> None:
    """Four times the bytes cost about four times the CPU time (a quadratic reader: sixteen times), for each
    shape, and for is_feed on a page that opens with many comments (a backtracking pattern took exponential
    time there). Run in a child process, so that a regression fails at the timeout instead of hanging
    the suite; the speed itself is measured by bench/."""
    try:
        result = subprocess.run([sys.executable, "-c", TIMER], capture_output=True, text=True, timeout=600)
    except subprocess.TimeoutExpired:
        pytest.fail("reading broken XML took more than ten minutes: the tolerant reader is not linear")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    superlinear = {name: round(ratio, 1) for name, ratio in report["ratios"].items() if ratio > 2.5 * GROWTH}
    assert not superlinear, f"CPU time grew more than {GROWTH}x for {GROWTH}x the bytes"
    # the work done: a new <item> (or <url>) closes the one left open, so every record is found
    assert report["found"]["unclosed items"] == [SIZE // 14, 0, True]
    assert report["found"]["unclosed urls"] == [0, SIZE // 28, False]
    assert report["found"]["is_feed"] == [False, True]


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


def folded(text: str | None) -> bool:
    return text is None or (bool(text) and text == " ".join(text.split()))


def check_feed(parsed: Feed) -> None:
    """What every feed read holds, whatever its bytes."""
    assert parsed.kind in ("rss", "atom", "rdf") and folded(parsed.title)
    for item in parsed.items:
        assert item.link is None or split(item.link) is not None, item.link
        assert folded(item.title) and folded(item.author)
        assert item.published is None or date.fromisoformat(item.published[:10])


def check_sitemap(sitemap: Sitemap) -> None:
    for loc in [loc for loc, _ in sitemap.urls] + sitemap.sitemaps:
        assert loc == loc.strip() and split(loc) is not None, loc


# The readers themselves below, not their safety net (which turns every exception into an InputError).

@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=3000), st.binary(max_size=3000).map(lambda tail: b"<rss><item><title>" + tail)),
       BASES)
def test_fuzz_feed_readers_with_any_bytes(data: bytes, base: str | None) -> None:
    check_feed(parse_feed.__wrapped__(data, base))
    check_sitemap(parse_sitemap.__wrapped__(data))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(XML_FRAGMENTS, st.text(max_size=20)), max_size=60), BASES)
def test_fuzz_feed_readers_without_the_safety_net(parts: list[str], base: str | None) -> None:
    """The readers handle arbitrary feed-like text."""
    data = xml_like(parts)
    parsed = parse_feed.__wrapped__(data, base)
    check_feed(parsed)
    for item in parsed.items[:3]:
        check_item_document(extract_feed_item.__wrapped__(item, base), item)
    check_sitemap(parse_sitemap.__wrapped__(data))
    check_feed(parse_feed.__wrapped__(xml_like(["<rss><channel>", *parts]), base))


WORDS = st.text(st.characters(codec="utf-8", categories=["L", "N"]), min_size=1, max_size=12)
ENTRIES = st.lists(st.tuples(st.lists(WORDS, min_size=1, max_size=5).map(" ".join),
                             st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=3)
                             .map("/".join), st.dates(date(2001, 1, 1), date(2024, 12, 31))), max_size=8)


@settings(max_examples=100, deadline=None)
@given(ENTRIES, st.booleans())
def test_feeds_and_sitemaps_round_trip(entries: list[tuple[str, str, date]], closed: bool) -> None:
    """What a feed or sitemap says is what is read: titles, links made absolute, dates; with its records
    closed, or left open as broken feeds do (a new record closes the one before)."""
    end = {True: "</item>", False: ""}[closed]
    feed_xml = "<rss><channel><title>Briefings</title>" + "".join(
        f"<item><title>{html.escape(title)}</title><link>/{path}</link><pubDate>{day.isoformat()}</pubDate>{end}"
        for title, path, day in entries)
    parsed = parse_feed.__wrapped__(feed_xml.encode(), "https://a.example/feed")
    assert parsed.title == "Briefings"
    assert [(i.title, i.link, i.published) for i in parsed.items] == [
        (title, f"https://a.example/{path}", day.isoformat()) for title, path, day in entries]
    end = {True: "</url>", False: ""}[closed]
    sitemap_xml = "<urlset>" + "".join(f"<url><loc>https://a.example/{path}</loc><lastmod>{day.isoformat()}</lastmod>"
                                       f"{end}" for _, path, day in entries)
    assert parse_sitemap.__wrapped__(sitemap_xml.encode()).urls == [
        (f"https://a.example/{path}", day.isoformat()) for _, path, day in entries]


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
    check_item_document(extract_feed_item.__wrapped__(item, base), item)


def check_item_document(document: Document, item: FeedItem) -> None:
    assert document.kind in KINDS and all(turn.role in ROLES for turn in document.turns)
    assert document.url == item.link and document.title == (item.title or document.title)
    assert all(folded(paragraph) for paragraph in document.paragraphs)
    json.dumps(document.to_record())


def test_feed_entry_points_have_a_safety_net(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(feed, "read_root", broken)
    monkeypatch.setattr(core, "extract_html", broken)
    for call in (lambda: parse_feed(b"<rss/>"), lambda: parse_sitemap(b"<urlset/>"),
                 lambda: extract_feed_item(FeedItem(title="t", content="<p>x</p>"))):
        with pytest.raises(InputError, match="RuntimeError: a bug"):
            call()


def test_feed_entries_with_a_guid_and_no_link_are_documents_of_their_own(cli, db_file, tmp_path):
    """A saved feed's entries that have a guid but no link were all keyed by the feed file's sha256: the second
    became a new version of the first, which was no longer a document of its own (found by no search)."""
    paragraph = "The spokesperson said the talks were constructive and would continue next week. " * 3
    items = "".join(f"<item><title>{title}</title><guid isPermaLink=\"false\">{guid}</guid>"
                    f"<pubDate>Wed, 01 May 2024 00:00:00 GMT</pubDate><description><![CDATA[<p>{paragraph}</p>"
                    f"<p>{word}</p>]]></description></item>"
                    for title, guid, word in (("Readout one", "r-1", "Kabul"), ("Readout two", "r-2", "Doha")))
    saved = tmp_path / "readouts.rss"
    saved.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Readouts</title>{items}</channel></rss>')
    assert cli("ingest", saved, "--db", db_file).code == 0
    rows = cli("list", "--db", db_file, "--json").jsonl()
    assert sorted(row["title"] for row in rows) == ["Readout one", "Readout two"]
    assert [row["title"] for row in cli("search", "Kabul", "--db", db_file, "--json").jsonl()] == ["Readout one"]
    again = cli("ingest", saved, "--db", db_file, "--json").jsonl()[0]
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2)


def _readouts(entries: list[tuple[str, str | None, str]], channel: str = "") -> str:
    paragraph = "The spokesperson said the talks were constructive and would continue next week. " * 3
    items = "".join(f"<item><title>{title}</title>"
                    + (f'<guid isPermaLink="false">{guid}</guid>' if guid else "")
                    + f"<pubDate>Wed, 01 May 2024 00:00:00 GMT</pubDate><description><![CDATA[<p>{paragraph}</p>"
                    f"<p>{word}</p>]]></description></item>" for title, guid, word in entries)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Readouts</title>{channel}{items}</channel></rss>'


def test_feed_entries_with_neither_guid_nor_link_are_documents_of_their_own(cli, db_file, tmp_path):
    """Two entries with no guid and no link had the same key (the feed file's sha256): the second became a new
    version of the first, which no search found any more."""
    saved = tmp_path / "readouts.rss"
    saved.write_text(_readouts([("Readout one", None, "Kabul"), ("Readout two", None, "Doha")]))
    first = cli("ingest", saved, "--db", db_file, "--json").jsonl()[0]
    assert (first["added"], first["updated"]) == (2, 0)
    assert [row["title"] for row in cli("search", "Kabul", "--db", db_file, "--json").jsonl()] == ["Readout one"]
    again = cli("ingest", saved, "--db", db_file, "--json").jsonl()[0]
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2)


@pytest.mark.parametrize("channel", ["<link>https://mofa.example.gov/readouts</link>", ""])
def test_a_new_snapshot_of_a_saved_feed_repeats_no_entry(cli, db_file, tmp_path, channel):
    """Entries without a link were keyed by the feed file's bytes: every new snapshot of the feed (one entry more)
    stored every entry again. They are keyed by the feed (its channel's link, else its title) and their own id."""
    monday, tuesday = tmp_path / "monday.rss", tmp_path / "tuesday.rss"
    monday.write_text(_readouts([("Readout one", "r-1", "Kabul"), ("Readout two", None, "Doha")], channel))
    tuesday.write_text(_readouts([("Readout three", "r-3", "Herat"), ("Readout one", "r-1", "Kabul"),
                                  ("Readout two", None, "Doha")], channel))
    assert cli("ingest", monday, "--db", db_file).code == 0
    later = cli("ingest", tuesday, "--db", db_file, "--json").jsonl()[0]
    assert (later["added"], later["updated"], later["unchanged"]) == (1, 0, 2)
    titles = sorted(row["title"] for row in cli("list", "--db", db_file, "--json").jsonl())
    assert titles == ["Readout one", "Readout three", "Readout two"]


def test_an_entry_an_older_briefarc_keyed_by_the_feed_bytes_is_found_and_keyed_anew(db_file, tmp_path):
    """An archive where a guid entry's key is `sha256:<the feed file's digest>#<guid>`: the same file again
    changes nothing, and the document takes today's key (so that the next snapshot finds it)."""
    from briefarc.models import RawPage
    from briefarc.pipeline import documents_of
    from briefarc.store.blobs import sha256
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_documents

    data = _readouts([("Readout one", "r-1", "Kabul")], "<link>https://mofa.example.gov/readouts</link>").encode()
    db = open_database(db_file)
    pairs = list(documents_of(RawPage(data=data, origin=str(tmp_path / "old.rss"))))
    assert save_documents(db, pairs)[0].status == "added"
    db.conn.execute("UPDATE documents SET key = ?", (f"sha256:{sha256(data)}#r-1",))  # as briefarc 477036a keyed it
    again = save_documents(db, list(documents_of(RawPage(data=data, origin=str(tmp_path / "old.rss")))))
    assert [result.status for result in again] == ["unchanged"]
    assert db.conn.execute("SELECT key FROM documents").fetchall() == [("feed:https://mofa.example.gov/readouts#r-1",)]


def _feed_in_a_warc(path, feed: str) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "application/rss+xml")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://www.state.gov/briefings/feed/", "response",
                                                      payload=io.BytesIO(feed.encode()), http_headers=http))


@pytest.mark.parametrize("given", ["url", "warc"])
def test_entries_without_a_link_of_a_feed_with_an_address_are_documents_of_their_own(cli, db_file, tmp_path, given):
    """A feed whose address is known (`ingest --url`, a WARC record's target URI): its entries without a link took
    the feed's address as theirs, so all of them were one document keyed by the feed's URL, each a version of it.
    They are keyed by the feed and their own id, and still shown at the feed's address."""
    monday = _readouts([("Readout one", None, "Kabul"), ("Readout two", "r-2", "Doha")])
    tuesday = _readouts([("Readout three", None, "Herat"), ("Readout one", None, "Kabul"),
                         ("Readout two", "r-2", "Doha")])
    counts = []
    for day, text in (("monday", monday), ("tuesday", tuesday)):
        if given == "url":
            path = tmp_path / f"{day}.rss"
            path.write_text(text)
            args = [path, "--url", "https://www.state.gov/briefings/feed/"]
        else:
            path = tmp_path / f"{day}.warc.gz"
            _feed_in_a_warc(path, text)
            args = [path]
        report = cli("ingest", *args, "--db", db_file, "--json").jsonl()[0]
        counts.append((report["added"], report["updated"], report["unchanged"]))
    assert counts == [(2, 0, 0), (1, 0, 2)]
    titles = sorted(row["title"] for row in cli("list", "--db", db_file, "--json").jsonl())
    assert titles == ["Readout one", "Readout three", "Readout two"]
    assert [row["title"] for row in cli("search", "Kabul", "--db", db_file, "--json").jsonl()] == ["Readout one"]
    # shown at the feed's address, as before, and read again as they were read: the feed's site is theirs
    urls = {row["url"] for row in cli("list", "--db", db_file, "--json").jsonl()}
    assert urls == {"https://www.state.gov/briefings/feed/"}
    assert cli("reparse", "--all", "--db", db_file, "--json").jsonl()[0]["changed"] == 0


def test_a_feed_file_is_hashed_once_for_all_its_entries(cli, db_file, tmp_path, monkeypatch):
    """Each entry's page holds the whole feed file, whose sha256 was worked out again for each entry (by the
    writer, or by blobs.travelling): a 5 MB feed of 3,000 entries spent 8.7 of its 10.9 s hashing."""
    import hashlib

    saved = tmp_path / "readouts.rss"
    saved.write_text(_readouts([(f"Readout {number}", f"r-{number}", f"word{number}") for number in range(6)]))
    size, hashed = saved.stat().st_size, []
    real = hashlib.sha256
    monkeypatch.setattr(hashlib, "sha256", lambda data=b"", **kw: hashed.append(len(data)) or real(data, **kw))
    assert cli("ingest", saved, "--db", db_file, "--json").jsonl()[0]["added"] == 6
    assert hashed.count(size) == 1


def test_an_entry_with_neither_guid_nor_link_has_its_own_bytes(cli, db_file, tmp_path):
    """`show --raw` and `cite` found no entry named `entry:<hash>` (its title and date) and gave the whole feed."""
    import hashlib

    saved = tmp_path / "readouts.rss"
    saved.write_text(_readouts([("Readout one", None, "Kabul"), ("Readout two", None, "Doha")]))
    assert cli("ingest", saved, "--db", db_file).code == 0
    for row in cli("list", "--db", db_file, "--json").jsonl():
        raw = cli("show", row["id"], "--raw", "--db", db_file).stdout_bytes
        assert raw.startswith(b"<item>") and raw.count(b"<item>") == 1 and row["title"].encode() in raw
        assert hashlib.sha256(raw).hexdigest() in cli("cite", row["id"], "-f", "csl-json", "--db", db_file).stdout


def test_a_feed_whose_doctype_holds_a_long_internal_subset_is_still_a_feed() -> None:
    """A document type of 5 kB of entity declarations before <rss> pushed the root past the first 4 kB: the feed
    was read as an HTML page whose text was its declarations ("]> http://…"). Entities stay unexpanded."""
    entities = "".join(f'<!ENTITY e{n} "{"x" * 40}">' for n in range(120))
    data = (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>Briefings</title>'
            "<item><title>Briefing on trade &e1;</title><link>https://mofa.example/b/1</link>"
            "<description>The spokesperson spoke on trade and visas.</description></item></channel></rss>").encode()
    assert len(data) > 5000 and feed.is_feed(data)
    parsed = parse_feed(data)
    assert [item.link for item in parsed.items] == ["https://mofa.example/b/1"]
    assert "x" * 40 not in (parsed.items[0].title or "")
