"""`sources add --kind mea|govuk --link-pattern X` is a usage error (exit 2, nothing stored): it was stored and
never read, exit 0, as --full-text and the selectors were before a9bd4f9.

Only sources/feed.py (feeds, sitemaps, and WordPress sources through the feed they read when the API is closed)
and sources/listing.py read link_pattern. The MEA and gov.uk walks list their items at the APIs' own addresses
(FetchPublicationDetailData?pkid=N, /api/content/...), so a pattern written for the sites' pages has nothing to
match: refused rather than honoured. Found by helper-117's review."""

from __future__ import annotations

import sqlite3

import pytest


@pytest.mark.parametrize("kind", ["mea", "govuk", "GovUK"])
def test_a_link_pattern_for_an_api_kind_is_a_usage_error_and_nothing_is_stored(cli, db_file, kind):
    result = cli("sources", "add", "x", "https://www.mea.example/", "--kind", kind, "--link-pattern",
                 "media-briefings", "--db", db_file)
    assert result.code == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        f"Error: --link-pattern is for feeds, sitemaps, listings and WordPress sources: a {kind.lower()} source "
        "reads every item its API lists, at the API's own addresses. Leave it out.")
    if db_file.exists():
        conn = sqlite3.connect(db_file)
        assert conn.execute("SELECT count(*) FROM sources WHERE name = 'x'").fetchone()[0] == 0
        conn.close()


@pytest.mark.parametrize("kind", ["feed", "sitemap", "wordpress", "listing"])
def test_a_link_pattern_for_a_kind_that_reads_it_is_stored(cli, db_file, kind):
    result = cli("sources", "add", "x", "https://mofa.example/feed.xml", "--kind", kind, "--link-pattern",
                 "/briefings?/", "--db", db_file)
    assert result.code == 0, result.stderr
    shown = cli("sources", "show", "x", "--json", "--db", db_file).jsonl()[0]
    assert shown["options"]["link_pattern"] == "/briefings?/"


def test_an_api_kind_without_a_link_pattern_is_still_added(cli, db_file):
    result = cli("sources", "add", "x", "https://www.mea.example/", "--kind", "mea", "--db", db_file)
    assert result.code == 0, result.stderr
