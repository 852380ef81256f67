"""A linkless feed entry's markup is judged in one pass, however many scripts, styles or comments it leaves open.

Before: whether an entry without a link carried text was judged with `<(script|style)\\b.*?</\\1\\s*>|<!--.*?-->`
(re.S) and then `<[^>]*+>`, each searching to the end of the text from every opening left unclosed: 14 KB of
`<style>` took 0.24 s, 56 KB 7.2 s, 224 KB 163 s, on the event loop, and a fetch of one entry whose description
was 84 KB of `<style>` took 22 s (`<!--` and a bare `<` the same). Found by helper-117's review of b0e0c6e.

The rule is a count, not a timer: callgrind's count of the instructions the check executes on an input and on the
same input 8 times over (8x for a linear scan, 64x for the patterns' scans)."""

from __future__ import annotations

import json
import sys

import pytest

from tests import siteserver as ss
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import counted  # noqa: E402

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
GOOD = "A proper paragraph about the talks in Doha and what they mean for the region's security."


def rss(*items: str) -> bytes:
    entries = "".join(f'<item><title>{title}</title><description>{text}</description>'
                      f'<guid isPermaLink="false">g{n}</guid></item>' for n, (title, text) in enumerate(items))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Briefings</title>'
            f'<link>https://example.org/</link>{entries}</channel></rss>').encode()


def test_a_feed_of_hostile_linkless_entries_is_read_at_once_and_judged_as_a_browser_shows_them(cli, db_file, site):
    entries = [  # (title, description as the feed escapes it)
        ("Open styles", "&lt;style&gt;" * 12_000),  # 84 KB of <style> once unescaped, none closed: nothing shown
        ("Open comments", "&lt;!--" * 20_000 + " words inside a comment left open"),
        ("Open script", "&lt;p&gt;&lt;script&gt;" + "var x = 1;" * 5_000),
        ("Bare brackets", "&lt;" * 50_000 + " but words after them"),  # no tag without a '>': the words show
        ("Closed ones", "&lt;style&gt;p{}&lt;/STYLE &gt;&lt;!-- a --&gt;" * 3_000 + "&lt;p&gt;" + GOOD),
        ("Plain", GOOD),
    ]
    site.route("/robots.txt", ss.robots())
    site.route("/feed.xml", ss.Reply(rss(*entries), content_type="application/rss+xml"))
    assert cli("sources", "add", "f", site.url("/feed.xml"), "--kind", "feed", "--db", db_file).code == 0

    result = cli("fetch", "f", *FAST, "--db", db_file, "--json")
    assert result.code == 0 and "Traceback" not in result.stderr, result.stderr
    run = result.jsonl()[0]
    assert run["added"] == 3 and run["skipped"] == 3, run
    said = sorted(note.split("entry '")[1].split("'")[0] for note in run["notes"] if "neither a link nor" in note)
    assert said == ["Open comments", "Open script", "Open styles"], run["notes"]
    titles = {row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()}
    assert titles == {"Bare brackets", "Closed ones", "Plain"}


def test_a_tag_name_with_a_letter_that_folds_to_ascii_is_no_script():
    """The check read "<ſcript>" (a long s) as a script, the patterns ignoring case beyond ASCII, and then looked
    its end tag up by the name as written: KeyError. A browser shows the words of an unknown element."""
    from types import SimpleNamespace

    from briefarc.sources.feed import _carries_text

    assert _carries_text(SimpleNamespace(content=None, summary=f"<ſcript>{GOOD}</ſcript>"))
    assert not _carries_text(SimpleNamespace(content=None, summary=f"<SCRIPT>{GOOD}</script >"))


CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import counted
from types import SimpleNamespace
from briefarc.sources.feed import _carries_text
shapes = json.loads(sys.argv[2])
for unit in shapes:  # each shape once uncounted first: what a first call costs once is no step of the check
    _carries_text(SimpleNamespace(content=None, summary=unit))
    for times in (1, 8):
        counted.counted(_carries_text, SimpleNamespace(content=None, summary=unit * times))
"""

SHAPES = [  # each repeated to about 1,500 and 12,000 characters
    "<style>" * 215, "<script>" * 190, "<!--" * 375, "<" * 1_500, "<a" * 750, "<!--<script><style>" * 80,
    "<style></style><p>" * 85, "&nbsp;<b>&#8203;</b>" * 75,
]


@pytest.mark.skipif(not counted.available(), reason="the steps are counted by valgrind's callgrind")
def test_the_check_takes_steps_in_proportion_to_the_markup():
    counts = counted.instruction_counts(["-c", CHILD, str(ROOT / "bench"), json.dumps(SHAPES)])
    assert len(counts) == 2 * len(SHAPES)
    ratios = {unit[:12]: round(counts[2 * n + 1] / counts[2 * n], 1) for n, unit in enumerate(SHAPES)}
    assert all(ratio <= 10 for ratio in ratios.values()), ratios  # linear: at most 8 and the call's own cost
