"""A fetched page stored with a doubt about its text (its encoding) says so, as ingest says it of a saved file.

Before: fetch read the page, stored it and said nothing; the same bytes ingested from a file gave "warning: ...:
the page declares cp1252 but is valid UTF-8; read as UTF-8"."""

from __future__ import annotations

import json

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def _doubtful(title: str) -> bytes:
    """A page that declares windows-1252 and is written in UTF-8 (its é and ’ read as UTF-8 only)."""
    return ss.article(title, [f"{title}: the Spokesperson’s remarks on the café talks in Genève were welcomed.",
                              "QUESTION: What comes next? SPOKESPERSON: Both sides will meet again next month."]
                      ).replace(b'charset="utf-8"', b'charset="windows-1252"')


def test_a_page_read_with_a_doubt_is_stored_and_the_doubt_said(cli, db_file, site):
    site.route("/a", ss.Reply(_doubtful("Briefing on the talks"), content_type="text/html"))
    site.route("/b", ss.Reply(ss.article("Briefing on the visit")))
    result = cli("fetch", site.url("/a"), site.url("/b"), *FAST, "--db", db_file)
    assert result.code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert f"warning: {site.url('/a')}: the page declares cp1252 but is valid UTF-8; read as UTF-8" in said
    assert site.url("/b") + ":" not in said  # a page read without a doubt is not named
    [row] = [row for row in cli("list", "--db", db_file, "--json").jsonl() if row["url"] == site.url("/a")]
    shown = json.loads(cli("show", str(row["id"]), "--db", db_file, "--json").stdout)
    assert "Spokesperson’s remarks on the café talks in Genève" in " ".join(shown["paragraphs"])


def test_the_doubt_is_in_the_json_report_once_and_not_again_for_an_unchanged_page(cli, db_file, site):
    site.route("/a", ss.Reply(_doubtful("Briefing on the talks"), content_type="text/html"))
    first = cli("fetch", site.url("/a"), *FAST, "--db", db_file, "--json")
    assert first.code == 0, first.stderr
    [report] = first.jsonl()
    assert report["added"] == 1
    assert report["warnings"] == [{"url": site.url("/a"),
                                   "warning": "the page declares cp1252 but is valid UTF-8; read as UTF-8"}]
    again = cli("fetch", site.url("/a"), *FAST, "--db", db_file, "--json")
    assert again.code == 0, again.stderr
    assert again.jsonl()[0]["warnings"] == []  # nothing stored this time, nothing to doubt


def test_the_text_names_twenty_pages_with_a_warning_and_counts_the_rest(cli, db_file, site):
    """A site that declares the wrong encoding on every page would fill the screen: the text names the first
    WARNINGS_SHOWN, --json lists them all."""
    from briefarc.output.progress import WARNINGS_SHOWN

    urls = []
    for number in range(WARNINGS_SHOWN + 2):
        site.route(f"/p/{number}", ss.Reply(_doubtful(f"Briefing number {number} on the talks"),
                                            content_type="text/html"))
        urls.append(site.url(f"/p/{number}"))
    text = cli("fetch", *urls, *FAST, "--db", f"{db_file}.text")
    assert text.code == 0, text.stderr
    said = " ".join(text.stderr.split())
    assert said.count("the page declares cp1252 but is valid UTF-8") == WARNINGS_SHOWN
    assert "2 more warnings of (urls): --json lists them all" in said
    listed = cli("fetch", *urls, *FAST, "--db", f"{db_file}.json", "--json")
    assert len(listed.jsonl()[0]["warnings"]) == WARNINGS_SHOWN + 2
