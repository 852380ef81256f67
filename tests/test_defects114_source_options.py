"""`sources add` refuses an option that means nothing for the kind given, with a usage error (exit 2).

`--kind sitemap --full-text` was accepted and stored though only a feed reads full_text (sources/feed.py; a
WordPress source too, through the site's feed it reads when its API is closed): the user thought the sitemap's
pages would be taken from it. The selectors are read by a listing only (sources/listing.py). Found trying the
command; the options were stored, the archive changed, exit 0.
"""

from __future__ import annotations

import sqlite3

import pytest


@pytest.mark.parametrize("kind", ["sitemap", "listing", "mea", "govuk", "SITEMAP"])
def test_full_text_for_a_kind_that_never_reads_it_is_a_usage_error(cli, db_file, kind):
    result = cli("sources", "add", "x", "https://mofa.example/sitemap.xml", "--kind", kind, "--full-text",
                 "--db", db_file)
    assert result.code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("Error: --full-text is for feeds whose entries hold the whole text (--kind feed")
    assert f"a {kind.lower()} source's pages are always fetched" in first
    assert "Traceback" not in result.stderr
    if db_file.exists():  # nothing stored
        conn = sqlite3.connect(db_file)
        assert conn.execute("SELECT count(*) FROM sources WHERE name = 'x'").fetchone()[0] == 0
        conn.close()


@pytest.mark.parametrize("kind", ["feed", "wordpress"])
def test_full_text_for_a_feed_is_stored(cli, db_file, kind):
    result = cli("sources", "add", "x", "https://mofa.example/feed.xml", "--kind", kind, "--full-text",
                 "--db", db_file)
    assert result.code == 0, result.stderr
    shown = cli("sources", "show", "x", "--json", "--db", db_file).jsonl()[0]
    assert (shown["kind"], shown["options"]["full_text"]) == (kind, "always")


@pytest.mark.parametrize("option", ["--item-selector", "--next-selector"])
@pytest.mark.parametrize("kind", ["feed", "sitemap", "wordpress"])
def test_a_selector_for_a_kind_other_than_listing_is_a_usage_error(cli, db_file, kind, option):
    result = cli("sources", "add", "x", "https://mofa.example/feed.xml", "--kind", kind, option, "li a",
                 "--db", db_file)
    assert result.code == 2
    assert result.stderr.splitlines()[0] == (f"Error: {option} is for listing pages (--kind listing): a {kind} "
                                             "source has no use for it. Leave it out, or give --kind listing.")


def test_an_unknown_kind_is_still_named_as_such(cli, db_file):
    result = cli("sources", "add", "x", "https://mofa.example/", "--kind", "bogus", "--full-text", "--db", db_file)
    assert result.code == 2
    assert result.stderr.splitlines()[0].startswith("Error: Unknown source kind 'bogus'")


def test_sources_show_names_the_options_as_the_flags_that_set_them(cli, db_file):
    result = cli("sources", "add", "x", "https://mofa.example/press", "--kind", "listing", "--item-selector",
                 "li.item a", "--next-selector", "a.next", "--db", db_file)
    assert result.code == 0, result.stderr
    shown = cli("sources", "show", "x", "--db", db_file).stdout
    lines = [" ".join(line.split()) for line in shown.splitlines()]
    assert "--item-selector li.item a" in lines and "--next-selector a.next" in lines
    assert "next_selector" not in shown  # the stored key is no flag a user could type
