"""A feed entry with neither a link nor text: said once, on the run that first meets it, and left out for good.

Before: such an entry was left out without a word when it had nothing at all ('discovered 3' of a feed of 8 and
no reason anywhere), and archived as an empty "(untitled)" or title-only document, with no page that could ever
fill it in, when its description held only markup without text: `&nbsp;`, a script, a comment, a zero-width
space. The README says one with neither link nor text is left out.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
GOOD = "A proper paragraph about the talks in Doha and what they mean for the region's security."
HOLLOW = {  # guid: the rest of the entry
    "g1": "<title>Hollow one</title><description>&amp;nbsp;</description>",
    "g2": "<title>Hollow two</title><description><![CDATA[<p> </p><script>track()</script>]]></description>",
    "g3": "<title>A title alone</title>",
    "g4": "",
    "g5": "<description><![CDATA[<style>p{color:red}</style><!-- teaser -->&#8203;&#160;]]></description>",
}


def feed(*extra: str) -> bytes:
    items = [f'<item>{rest}<guid isPermaLink="false">{guid}</guid></item>' for guid, rest in HOLLOW.items()]
    items.append(f'<item><title>Good one</title><description>{GOOD}</description>'
                 '<guid isPermaLink="false">g9</guid></item>')
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Briefings</title>'
            f'<link>https://example.org/</link>{"".join(items)}{"".join(extra)}</channel></rss>').encode()


def fetch(cli, db_file) -> tuple[int, dict]:
    result = cli("fetch", "f", *FAST, "--db", db_file, "--json")
    assert "Traceback" not in result.stderr, result.stderr
    return result.code, result.jsonl()[0]


def test_an_entry_with_neither_link_nor_text_is_said_once_and_left_out(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", ss.Reply(feed(), content_type="application/rss+xml"))
    assert cli("sources", "add", "f", site.url("/feed.xml"), "--kind", "feed", "--db", db_file).code == 0

    dry = cli("fetch", "f", "--dry-run", *FAST, "--db", db_file, "--json").jsonl()[0]  # says it, plans only one
    assert [item["title"] for item in dry["planned"]] == ["Good one"], dry
    assert len([note for note in dry["notes"] if "neither a link nor text" in note]) == 5, dry

    code, first = fetch(cli, db_file)
    assert code == 0 and first["added"] == 1 and first["skipped"] == 5 and first["failed"] == 0, first
    said = [note for note in first["notes"] if "neither a link nor text" in note]
    assert len(said) == 5 and any("'Hollow one'" in note for note in said), first
    assert [row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()] == ["Good one"]

    code, second = fetch(cli, db_file)  # the same feed: nothing said again, nothing counted again
    assert code == 0 and second["skipped"] == 0 and second["unchanged"] == 1, second
    assert not any("neither a link nor text" in note for note in second["notes"]), second
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []

    later = '<item><title>Hollow later</title><description> </description><guid isPermaLink="false">g7</guid></item>'
    site.route("/feed.xml", ss.Reply(feed(later), content_type="application/rss+xml"))
    code, third = fetch(cli, db_file)  # a new hollow entry is said on the run that first meets it
    assert code == 0 and third["skipped"] == 1, third
    assert [note for note in third["notes"] if "neither a link nor text" in note][0].count("Hollow later") == 1


def test_an_entry_of_text_without_a_link_is_still_archived(cli, db_file, site):
    """What the fix must not break: a linkless entry that holds text, even a short line of it or only Chinese."""
    entries = ('<item><title>Short</title><description>Talks resume.</description><guid>s1</guid></item>'
               '<item><title>中文</title><description><![CDATA[<p>外交部发言人宣布。</p>]]></description>'
               '<guid>s2</guid></item>')
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", ss.Reply(('<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>'
                                      f'{entries}</channel></rss>').encode(), content_type="application/rss+xml"))
    assert cli("sources", "add", "f", site.url("/feed.xml"), "--kind", "feed", "--db", db_file).code == 0
    code, report = fetch(cli, db_file)
    assert code == 0 and report["added"] == 2 and report["skipped"] == 0, report
