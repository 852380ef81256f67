"""Feeds (RSS 2.0, Atom, RDF), sitemaps, and Documents from feed items carrying whole transcripts."""

from __future__ import annotations

from briefarc.extract.core import extract_feed_item
from briefarc.extract.feed import is_feed, is_sitemap, parse_feed, parse_sitemap

TRANSCRIPT = """<script>var tracking = "should never be text";</script>
<p>Ned Price, Department Spokesperson</p>
<p>Washington, D.C.</p>
<p>2:13 p.m. EDT</p>
<p><strong>MR PRICE:</strong> Good afternoon. Happy Tuesday.</p>
<p><a id="post-1-A"></a><strong>QUESTION: </strong>Thanks. On Burma?</p>
<p><strong>MR. PRICE: </strong>Just in time.</p>
<p>A second paragraph of the answer.</p>
<p><strong>QUESTION:</strong> Okay.</p>
<p>(The briefing was concluded at 3:01 p.m.)</p>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Press Releases &#8211; State</title><link>https://www.state.gov</link><language>en-US</language>
<item><title>Department Press Briefing &#8211; August 10, 2021</title>
<link>https://www.state.gov/briefings/department-press-briefing-august-10-2021/</link>
<dc:creator><![CDATA[Ned Price, Department Spokesperson]]></dc:creator>
<pubDate>Wed, 11 Aug 2021 00:14:25 +0000</pubDate><category><![CDATA[Briefings]]></category>
<guid isPermaLink="false">https://www.state.gov/?p=269346</guid>
<description><![CDATA[short]]></description>
<content:encoded><![CDATA[{TRANSCRIPT}]]></content:encoded></item>
<item><title>Chad National Day</title><link>https://www.state.gov/chad-national-day/</link>
<dc:creator><![CDATA[Antony J. Blinken, Secretary of State]]></dc:creator>
<pubDate>Wed, 11 Aug 2021 04:01:39 +0000</pubDate>
<description><![CDATA[<p>On behalf of the United States, I extend my best wishes to the people of Chad.</p>]]>
</description>
</item></channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>FCDO news</title><link rel="self" href="https://www.gov.uk/x.atom"/><link href="https://www.gov.uk/x"/>
<entry><id>tag:gov.uk,2025:1</id><title>UK statement on Sudan</title>
<link rel="alternate" type="text/html" href="https://www.gov.uk/government/news/uk-statement-on-sudan"/>
<updated>2025-06-04T10:30:00+01:00</updated><published>2025-06-04T10:30:00+01:00</published>
<author><name>FCDO</name></author><summary>The UK calls for a ceasefire.</summary>
<content type="html">&lt;p&gt;The UK calls for an immediate ceasefire in Sudan.&lt;/p&gt;</content></entry></feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://m.example/"><title>Ministry</title><link>https://m.example/</link></channel>
<item rdf:about="https://m.example/a"><title>Statement A</title><link>https://m.example/a</link>
<dc:date>2020-05-06</dc:date><dc:creator>Press Office</dc:creator></item></rdf:RDF>"""


def test_rss_items() -> None:
    assert is_feed(RSS)
    feed = parse_feed(RSS)
    assert feed.kind == "rss" and feed.title == "Press Releases – State" and feed.language == "en-US"
    first = feed.items[0]
    assert first.title == "Department Press Briefing – August 10, 2021"
    assert first.link == "https://www.state.gov/briefings/department-press-briefing-august-10-2021/"
    assert first.guid == "https://www.state.gov/?p=269346"
    assert first.published == "2021-08-11T00:14:25+00:00"
    assert first.author == "Ned Price, Department Spokesperson"
    assert first.categories == ["Briefings"]
    assert "MR PRICE:" in first.content


def test_feed_item_with_the_whole_transcript() -> None:
    feed = parse_feed(RSS)
    document = extract_feed_item(feed.items[0], "https://www.state.gov/rss-feed/press-releases/feed/")
    assert document.kind == "briefing"
    assert document.published == "2021-08-10"  # the title's date, not the UTC pubDate
    assert document.spokesperson == "Ned Price"
    assert document.paragraphs[0] == "MR PRICE: Good afternoon. Happy Tuesday."
    assert document.paragraphs[-1] == "(The briefing was concluded at 3:01 p.m.)"
    assert "tracking" not in document.body
    assert [t.role for t in document.turns] == ["statement", "question", "answer", "question"]
    assert document.turns[2].text == "Just in time.\n\nA second paragraph of the answer."
    other = extract_feed_item(feed.items[1], "https://www.state.gov/rss-feed/press-releases/feed/")
    assert other.kind == "press_release" and other.spokesperson is None
    assert other.author == "Antony J. Blinken"
    assert other.published == "2021-08-11T00:01:39-04:00"  # the pubDate in UTC, on Washington's clocks


def test_atom_and_rdf() -> None:
    atom = parse_feed(ATOM)
    assert atom.kind == "atom" and atom.link == "https://www.gov.uk/x"
    entry = atom.items[0]
    assert entry.link == "https://www.gov.uk/government/news/uk-statement-on-sudan"
    assert entry.published == "2025-06-04T10:30:00+01:00" and entry.author == "FCDO"
    assert extract_feed_item(entry).paragraphs == ["The UK calls for an immediate ceasefire in Sudan."]
    rdf = parse_feed(RDF)
    assert rdf.kind == "rdf" and rdf.items[0].link == "https://m.example/a" and rdf.items[0].published == "2020-05-06"


def test_broken_feed_is_read_tolerantly() -> None:
    broken = b"""<?xml version="1.0"?><rss><channel><title>Broken &nbsp; feed</title>
<item><title>First &amp; only</title><link>https://x.example/1</link><pubDate>Tue, 10 Aug 2021 19:00:00 +0000</pubDate>
<description>unclosed <b>bold</description></item>
<item><title>Second</title><link>https://x.example/2</link></item></channel>"""
    feed = parse_feed(broken)
    assert [item.title for item in feed.items] == ["First & only", "Second"]
    assert feed.items[0].published == "2021-08-10T19:00:00+00:00"


def test_entities_are_never_expanded() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;</title>
<item><title>x &c;</title></item></channel></rss>"""
    feed = parse_feed(bomb)
    assert all("aaaaaaaaaa" not in (item.title or "") for item in feed.items)
    assert "aaaaaaaaaa" not in (feed.title or "")


def test_sitemaps() -> None:
    urlset = b"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://www.state.gov/briefings/a/</loc><lastmod>2025-07-29T18:00:00+00:00</lastmod></url>
<url><loc>https://www.state.gov/briefings/b/?x=1&amp;y=2</loc></url></urlset>"""
    assert is_sitemap(urlset) and not is_feed(urlset)
    sitemap = parse_sitemap(urlset)
    assert sitemap.urls == [("https://www.state.gov/briefings/a/", "2025-07-29T18:00:00+00:00"),
                            ("https://www.state.gov/briefings/b/?x=1&y=2", None)]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>
<loc>https://www.state.gov/state_briefing-sitemap.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index).sitemaps == ["https://www.state.gov/state_briefing-sitemap.xml"]
    assert parse_sitemap(b"not xml at all").urls == []
