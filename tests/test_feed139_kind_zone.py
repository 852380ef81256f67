"""A saved feed file's entries: the kind its channel's title says (a press-release feed, read with no address), and
the day of a UTC pubDate on the clocks of the ministry that published it."""

from __future__ import annotations

TEXT = ("<p>The Department of State announced today a further step in its cooperation with the region's governments "
        "on trade, energy and the safety of shipping in the strait.</p><p>Officials will meet again next month to "
        "review the progress made since the spring.</p>")


def feed(tmp_path, channel: str, entries: list[tuple[str, str, str]]) -> str:
    """An RSS file of our own: (title, link, pubDate) entries, each carrying the whole text."""
    items = "".join(f"""<item><title>{title}</title><link>{link}</link><guid>{link}</guid><pubDate>{date}</pubDate>
<content:encoded><![CDATA[{TEXT}]]></content:encoded></item>""" for title, link, date in entries)
    path = tmp_path / "saved-feed.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>{channel}</title>
<link>https://www.state.gov</link><language>en-US</language>{items}</channel></rss>""", encoding="utf-8")
    return str(path)


def listed(cli, path: str, db) -> dict[str, dict]:
    result = cli("ingest", path, "--db", db)
    assert result.code == 0, result.stderr
    return {row["title"]: row for row in cli("list", "--json", "--db", db).jsonl()}


def test_the_entries_of_a_saved_press_release_feed_are_press_releases(cli, tmp_path):
    """A saved feed file has no address, so its kind was never read: 22 State Department press releases of the
    corpus were 'other', and `list --kind press_release` found none."""
    rows = listed(cli, feed(tmp_path, "Press Releases &#8211; United States Department of State", [
        ("Poland's Troubling Legislation", "https://www.state.gov/polands-troubling-legislation/",
         "Wed, 11 Aug 2021 22:37:09 +0000"),
        ("Secretary Blinken's Call with the Foreign Minister of Chile", "https://www.state.gov/call-chile/",
         "Wed, 11 Aug 2021 15:00:00 +0000")]), tmp_path / "a.db")
    assert rows["Poland's Troubling Legislation"]["kind"] == "press_release"
    assert rows["Secretary Blinken's Call with the Foreign Minister of Chile"]["kind"] == "readout"  # its title says


def test_a_feed_title_that_names_no_kind_leaves_the_entries_as_they_read(cli, tmp_path):
    rows = listed(cli, feed(tmp_path, "Latest from the Department", [
        ("Poland's Troubling Legislation", "https://www.state.gov/polands-troubling-legislation/",
         "Wed, 11 Aug 2021 22:37:09 +0000")]), tmp_path / "a.db")
    assert rows["Poland's Troubling Legislation"]["kind"] == "other"


def test_a_utc_pubdate_is_dated_by_the_ministrys_own_day(cli, tmp_path):
    """00:15 UTC on 12 August is 20:15 on 11 August in Washington, the day state.gov shows: the item was filed
    under the 12th."""
    rows = listed(cli, feed(tmp_path, "Press Releases", [
        ("Visit by the Foreign Minister to Morocco", "https://www.state.gov/visit-morocco/",
         "Thu, 12 Aug 2021 00:15:51 +0000"),
        ("Senior Advisor for Energy Security travels", "https://www.state.gov/energy-travel/",
         "Tue, 10 Aug 2021 19:18:27 +0000"),
        ("A ministry that writes its own offset", "https://www.state.gov/own-offset/",
         "Thu, 12 Aug 2021 00:15:51 +0500"),
        ("A page of a site with no known time zone", "https://news.example.org/story/",
         "Thu, 12 Aug 2021 00:15:51 +0000")]), tmp_path / "a.db")
    assert rows["Visit by the Foreign Minister to Morocco"]["published"] == "2021-08-11T20:15:51-04:00"
    assert rows["Visit by the Foreign Minister to Morocco"]["published_date"] == "2021-08-11"
    assert rows["Senior Advisor for Energy Security travels"]["published_date"] == "2021-08-10"
    assert rows["A ministry that writes its own offset"]["published_date"] == "2021-08-12"
    assert rows["A page of a site with no known time zone"]["published"] == "2021-08-12T00:15:51+00:00"


def test_in_time_zone():
    from briefarc.extract.dates import in_time_zone

    assert in_time_zone("2025-01-15T23:30:00Z", "Asia/Shanghai") == "2025-01-16T07:30:00+08:00"
    assert in_time_zone("2025-01-15T23:30:00+00:00", "Europe/London") == "2025-01-15T23:30:00+00:00"
    assert in_time_zone("2025-07-15T23:30:00+00:00", "Europe/London") == "2025-07-16T00:30:00+01:00"  # summer time
    assert in_time_zone("2025-01-15", "Asia/Shanghai") == "2025-01-15"
    assert in_time_zone("2025-01-15T23:30:00+00:00", "No/Such_Zone") == "2025-01-15T23:30:00+00:00"
    assert in_time_zone(None, "Asia/Shanghai") is None
