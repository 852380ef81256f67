"""What `watch check` calls an edit: the ministry changing its text, not the archive getting more of it (a feed
entry's summary, then its page's whole text), and an edit that takes the watched words out above all."""

from __future__ import annotations

import os
import sqlite3

from tests import siteserver as ss
from tests.terminal import Terminal

FAST = ("--delay", "0", "--retries", "0", "--workers", "0", "--retry-wait", "0")
PATH = "/briefings/weekly-2025-03-14.html"
TITLE = "Weekly press briefing, 14 March 2025"
VISIT = ("The Spokesperson opened the briefing with the Foreign Minister's visit to Beijing next week, where trade, "
         "connectivity and regional security will be on the agenda of the talks.")
BORDER = ("Asked about the border, the Spokesperson said that Pakistan wanted calm and dialogue with its neighbours, "
          "and with the Taliban authorities in Kabul, and that the crossing points would reopen soon.")
SUMMARY = "The Spokesperson spoke about the visit to Beijing and about the Taliban authorities in Kabul."


def page(*paragraphs: str, title: str = TITLE, lang: str = "en") -> bytes:
    """A briefing page of our own."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2025-03-14T11:00:00+05:00"></head><body><main><article>
<h1>{title}</h1>{body}</article></main></body></html>""".encode()


def feed(site, summary: str = SUMMARY) -> ss.Reply:
    """The ministry's RSS feed: one entry, its summary and a link to its page."""
    return ss.Reply(f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Briefings</title>
<link>{site.url("/")}</link><item><title>{TITLE}</title><link>{site.url(PATH)}</link>
<guid>{site.url(PATH)}</guid><pubDate>Fri, 14 Mar 2025 06:00:00 GMT</pubDate>
<description>{summary}</description></item></channel></rss>""".encode(), content_type="application/rss+xml")


def fetch(cli, db, url: str, *more: str) -> dict:
    """The watches' report of a fetch of `url` (every fetch checks them), by watch."""
    result = cli("fetch", url, *FAST, *more, "--db", db, "--json")
    assert result.code == 0, result.stderr
    return {row["watch"]: row for row in result.jsonl() if "watch" in row}


def ingest(cli, db, tmp_path, data: bytes, url: str, name: str = "page.html") -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("ingest", str(path), "--url", url, "--db", db)
    assert result.code == 0, result.stderr


def check(cli, db) -> dict:
    return {row["watch"]: row for row in cli("watch", "check", "--db", db, "--json").jsonl()}


def test_the_page_archived_after_its_feed_entry_is_no_edit(cli, tmp_path, site):
    """The page was busy when the feed was read: the entry's summary was stored, the page's text came at the next
    fetch. The ministry edited nothing, and every watch of its words reported an edit."""
    db = tmp_path / "archive.db"
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", feed(site))
    site.route(PATH, ss.Reply(b"busy", 503, "text/plain"), ss.Reply(page(VISIT, BORDER)))
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    cli("watch", "add", "beijing", "Beijing", "--db", db)
    first = fetch(cli, db, site.url("/feed.xml"))
    assert first["taliban"]["new"] == 1 and first["beijing"]["new"] == 1
    second = fetch(cli, db, site.url("/feed.xml"))
    record = cli("show", "1", "--db", db, "--json").jsonl()[0]
    assert record["text_source"] == "page" and record["versions"] == 2  # the page's text, a version of its own
    for name in ("taliban", "beijing"):
        assert second[name]["edited"] == 0 and second[name]["unmatched"] == 0, second[name]


def test_an_edit_of_the_page_after_its_feed_entry_is_reported_from_the_page(cli, tmp_path, site):
    """The page's text came after the check that saw the summary, and the ministry edited the page before the next
    one: an edit, whose diff starts at the page's first text (from the summary, it showed the whole page as the
    edit). An edit of the page after that is reported as any edit."""
    db = tmp_path / "archive.db"
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", feed(site))
    site.route(PATH, ss.Reply(b"busy", 503, "text/plain"))
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    assert fetch(cli, db, site.url("/feed.xml"))["taliban"]["new"] == 1  # the summary
    edited = BORDER.replace("reopen soon", "reopen on Monday after the Taliban delegation's visit")
    ingest(cli, db, tmp_path, page(VISIT, BORDER), site.url(PATH))  # the page, saved by hand
    ingest(cli, db, tmp_path, page(VISIT, edited), site.url(PATH), "edited.html")
    hits = check(cli, db)["taliban"]
    assert hits["edited"] == 1 and (hits["edits"][0]["seen_version"], hits["edits"][0]["version"]) == (2, 3)
    ingest(cli, db, tmp_path, page(VISIT, edited, "Transcript corrected."), site.url(PATH), "again.html")
    hits = check(cli, db)["taliban"]
    assert hits["edited"] == 1 and (hits["edits"][0]["seen_version"], hits["edits"][0]["version"]) == (3, 4)


def test_an_edit_that_takes_the_watched_words_out_is_reported(cli, tmp_path):
    """The ministry deleted the sentence that named the Taliban: the newest text no longer matches the watch, and
    the check said nothing of it."""
    db = tmp_path / "archive.db"
    url = "https://mofa.example.org/briefings/weekly-2025-03-14"
    title = "[bold]Weekly[/bold] briefing \x1b[31m14 March 2025"  # web text: neither markup nor a control sequence
    ingest(cli, db, tmp_path, page(VISIT, BORDER, title=title), url)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    cli("watch", "add", "beijing", "Beijing", "--db", db)
    cli("watch", "add", "kashmir", "Kashmir", "--db", db)
    check(cli, db)
    ingest(cli, db, tmp_path, page(VISIT, BORDER.replace(", and with the Taliban authorities in Kabul", ""),
                                   title=title), url)
    found = check(cli, db)
    assert (found["taliban"]["edited"], found["taliban"]["unmatched"]) == (0, 1)
    assert (found["taliban"]["unmatched_edits"][0]["seen_version"], found["taliban"]["unmatched_edits"][0]["version"]) \
        == (1, 2)
    assert (found["beijing"]["edited"], found["beijing"]["unmatched"]) == (1, 0)  # still there: an edit
    assert (found["kashmir"]["edited"], found["kashmir"]["unmatched"]) == (0, 0)  # never there
    assert check(cli, db)["taliban"]["unmatched"] == 0  # seen

    ingest(cli, db, tmp_path, page(VISIT, BORDER, "Transcript corrected.", title=title), url)  # back, out again
    check(cli, db)
    ingest(cli, db, tmp_path, page(VISIT, "The Spokesperson took no questions on the border.", title=title), url)
    term = Terminal("watch", "check", "taliban", "--db", str(db), env=dict(os.environ), columns=80)
    assert term.finish() == 0
    lines = term.screen()
    assert lines[0] == "taliban  Taliban: 0 new, 1 no longer matching", lines
    assert lines[1].startswith("       1 2025-03-14  [bold]Weekly[/bold] briefing ␛[31m14"), lines  # as written
    # the rest under the title's start, no word cut
    assert all(line.startswith(" " * 21) for line in lines[2:]) and len(lines) == 3, lines
    assert " ".join(" ".join(lines).split()).endswith(
        "14 March 2025 · mofa.example.org · no longer matches: briefarc diff 1 3 4"), lines


def test_words_taken_out_are_found_as_search_finds_them(cli, tmp_path):
    """The text the watch had seen is searched as the archive is: Chinese words by their terms, an acronym as
    written (WHO, not 'who'), and the watch's filters over the document."""
    db = tmp_path / "archive.db"
    zh_url, en_url = "https://mofa.example.org/zh/briefing-1", "https://mofa.example.org/en/briefing-2"
    zh = ("发言人表示，中方坚持一个中国原则，台湾问题是中国内政，不容任何外部势力干涉。",
          "发言人还介绍了外长下周访问东南亚国家的安排，以及双方将签署的合作文件。")
    en = (VISIT, "Asked who would attend, the Spokesperson said the delegation was not yet complete.")
    ingest(cli, db, tmp_path, page(*zh, title="外交部发言人例行记者会", lang="zh"), zh_url, "zh.html")
    ingest(cli, db, tmp_path, page(*en), en_url, "en.html")
    cli("watch", "add", "taiwan", "台湾", "--db", db)
    cli("watch", "add", "who", "WHO", "--db", db)
    cli("watch", "add", "taiwan-en", "台湾", "--lang", "en", "--db", db)
    check(cli, db)
    ingest(cli, db, tmp_path, page(zh[1], title="外交部发言人例行记者会", lang="zh"), zh_url, "zh2.html")
    ingest(cli, db, tmp_path, page(VISIT), en_url, "en2.html")
    found = check(cli, db)
    assert found["taiwan"]["unmatched"] == 1 and found["taiwan"]["unmatched_edits"][0]["id"] == 1
    assert found["taiwan-en"]["unmatched"] == 0  # a Chinese document: not the watch's
    assert found["who"]["unmatched"] == 0  # "who" went, never WHO


def test_an_archive_upgraded_tells_its_feed_entries_versions_from_its_pages(cli, tmp_path):
    """An archive from before versions said where their text came from (schema 23): the upgrade tells the feed
    entry's version by its snapshot, and the page's text after it is no edit."""
    db = tmp_path / "archive.db"
    url = "https://mofa.example.org/briefings/weekly-2025-03-14"
    rss = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Briefings</title>
<link>https://mofa.example.org/</link><item><title>{TITLE}</title><link>{url}</link><guid>{url}</guid>
<pubDate>Fri, 14 Mar 2025 06:00:00 GMT</pubDate><description>{SUMMARY}</description></item></channel></rss>"""
    ingest(cli, db, tmp_path, rss.encode(), "https://mofa.example.org/feed.xml", "feed.xml")
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    check(cli, db)
    ingest(cli, db, tmp_path, page(VISIT, BORDER), url)
    conn = sqlite3.connect(db)  # the archive as the release before the column left it
    conn.execute("ALTER TABLE versions DROP COLUMN text_source")
    conn.execute("PRAGMA user_version = 23")
    conn.commit()
    conn.close()
    found = check(cli, db)["taliban"]
    assert (found["edited"], found["unmatched"]) == (0, 0)
    sources = sqlite3.connect(db).execute("SELECT text_source FROM versions ORDER BY number").fetchall()
    assert sources == [("feed",), ("page",)]


def test_many_edits_are_searched_a_few_at_a_time(cli, tmp_path, monkeypatch):
    """The compared versions are held in memory a few at a time (a new template edits every page of a site): each
    watch still finds every one."""
    monkeypatch.setattr("briefarc.analysis.watch.HELD", 2)
    db = tmp_path / "archive.db"
    urls = [f"https://mofa.example.org/briefings/day-{day}" for day in range(1, 6)]
    for number, url in enumerate(urls):
        ingest(cli, db, tmp_path, page(VISIT, BORDER, f"Briefing number {number}."), url, f"{number}.html")
    cli("watch", "add", "kabul", "Kabul", "--db", db)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    check(cli, db)
    for number, url in enumerate(urls):
        kept = "the Taliban authorities" if number == 2 else "the authorities"
        text = BORDER.replace("the Taliban authorities in Kabul", kept)
        ingest(cli, db, tmp_path, page(VISIT, text, f"Briefing number {number}."), url, f"{number}-new.html")
    found = check(cli, db)
    assert sorted(hit["id"] for hit in found["kabul"]["unmatched_edits"]) == [1, 2, 3, 4, 5]
    assert sorted(hit["id"] for hit in found["taliban"]["unmatched_edits"]) == [1, 2, 4, 5]
    assert [hit["id"] for hit in found["taliban"]["edits"]] == [3]


def test_a_page_edit_followed_by_a_change_of_its_feed_entry_is_reported(cli, tmp_path):
    """The page was edited, then its feed entry changed before the next check (the page busy at that fetch, or
    saved by hand before it): the newest version was the entry's, compared with the entry's text the watch had seen,
    and the page's edit was never reported: the page fetched again (the same edited text) is no edit."""
    db = tmp_path / "archive.db"
    url = "https://mofa.example.org/briefings/weekly-2025-03-14"

    def rss(summary: str) -> bytes:
        return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Briefings</title>
<link>https://mofa.example.org/</link><item><title>{TITLE}</title><link>{url}</link><guid>{url}</guid>
<pubDate>Fri, 14 Mar 2025 06:00:00 GMT</pubDate><description>{summary}</description></item></channel></rss>""".encode()

    ingest(cli, db, tmp_path, rss(SUMMARY), "https://mofa.example.org/feed.xml", "feed.xml")
    ingest(cli, db, tmp_path, page(VISIT, BORDER), url)
    cli("watch", "add", "crossing", "crossing", "--db", db)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    check(cli, db)
    edited = page(VISIT, BORDER.replace("the crossing points would reopen soon", "the border would stay closed"))
    ingest(cli, db, tmp_path, edited, url, "edited.html")  # version 3, the page's
    ingest(cli, db, tmp_path, rss(SUMMARY + " He took questions."), "https://mofa.example.org/feed.xml",
           "feed2.xml")  # version 4, the entry's: the document's text is the summary
    found = check(cli, db)
    crossing, taliban = found["crossing"], found["taliban"]
    # search finds the document by its summary, which names the Taliban and no crossing: the page's edit in both
    assert [(hit["seen_version"], hit["version"]) for hit in crossing["unmatched_edits"]] == [(2, 3)], crossing
    assert [(hit["seen_version"], hit["version"]) for hit in taliban["edits"]] == [(2, 3)], taliban
    ingest(cli, db, tmp_path, edited + b"\n", url, "again.html")  # the page fetched again: version 5, no edit
    found = check(cli, db)
    assert [(row["edited"], row["unmatched"]) for row in found.values()] == [(0, 0), (0, 0)], found
