"""A page not asked for because its host was closed for the run (it kept answering 429) was counted a failed try:
after eight such runs it was given up without ever having been requested. It stays pending with its tries
untouched; the reason is kept for `log --pending`."""

from __future__ import annotations

import sqlite3

from tests import fixture_sites as fx
from tests import siteserver as ss
from tests.test_hostile_round91_fetch import FAST, urlset


def test_pages_never_asked_for_keep_their_tries(cli, db_file, site):
    fx.polite(site)
    paths = [f"/p{n}" for n in range(30)]  # a run asks for a few (--per-host 2, --retries 1): most are never asked
    site.route("/sitemap.xml", urlset(site, paths))
    for path in paths:
        site.route(path, ss.too_many_requests("0.2"))
    for _ in range(2):
        result = cli("fetch", site.url("/sitemap.xml"), "--db", db_file, "--retries", "1", *FAST)
        assert result.code in (1, 3), result.stderr  # all failed, or some
    asked = {seen.path for seen in site.requests if seen.path in paths}
    conn = sqlite3.connect(db_file)
    rows = dict(conn.execute("SELECT url, attempts FROM pending"))
    reasons = [reason for (reason,) in conn.execute("SELECT last_error FROM pending WHERE attempts = 0")]
    conn.close()
    tries = {path: rows[site.url(path)] for path in paths}
    assert asked and len(asked) < len(paths)
    assert all(tries[path] == 0 for path in paths if path not in asked), tries
    assert all(1 <= tries[path] <= 2 for path in asked), tries
    assert reasons and all("not asked again in this run" in reason for reason in reasons)


def test_a_feeds_pages_never_asked_for_keep_their_tries(cli, db_file, site):
    """The same for the pages of a feed whose entries hold their text (the text stands, the page is tried later):
    a page never asked for, its host closed for the run, counts no try and is not given up."""
    from tests.test_fetch_pending import entry, rss

    fx.polite(site)
    paths = [f"/briefings/{n}/" for n in range(30)]
    site.route("/feed.xml", rss([entry(site, path, f"Briefing {n}", content=f"<p>The whole text of {n}.</p>")
                                 for n, path in enumerate(paths)]))
    for path in paths:
        site.route(path, ss.too_many_requests("0.2"))
    for _ in range(2):
        result = cli("fetch", site.url("/feed.xml"), "--db", db_file, "--retries", "1", "--retry-wait", "0",
                     "--give-up-after", "2", *FAST)
        assert result.code == 0, result.stderr
    asked = {seen.path for seen in site.requests if seen.path in paths}
    rows = {row["url"]: row for row in cli("log", "--pending", "--db", db_file, "--json").jsonl()}
    assert asked and len(asked) < len(paths)
    for path in set(paths) - asked:
        row = rows[site.url(path)]
        assert row["attempts"] == 0 and not row["given_up_at"], row
