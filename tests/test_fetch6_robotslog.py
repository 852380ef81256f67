"""A page robots.txt forbids shows in `briefarc log`, with that reason, once per URL and run.

Before: the skip was said only in the run's notes (and `skipped 1`); `log` and `log --all`, where a user looks to see
what happened to each URL, had no line for it: no request was made, so none was logged."""

from __future__ import annotations

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")


def _sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()


def _robots_rows(cli, db_file, *options: str) -> list[dict]:
    result = cli("log", "--db", db_file, "--json", "--limit", "500", *options)
    assert result.code == 0, result.stderr
    return [row for row in result.jsonl() if "robots.txt" in (row["error"] or "") and
            not row["url"].endswith("/robots.txt")]


def test_a_page_robots_txt_forbids_is_in_the_log_with_its_reason(cli, db_file, site):
    site.route("/robots.txt", ss.robots(disallow=["/private/"]))
    site.route("/a", ss.Reply(ss.article("Press briefing on the talks")))
    site.route("/private/b", ss.Reply(ss.article("Not to be fetched")))
    # one page the site lets be read that leads to one it forbids: the page it leads to is the one left out
    site.route("/r", ss.redirect(site.url("/private/b")))
    result = cli("fetch", site.url("/a"), site.url("/private/b"), site.url("/r"), *FAST, "--db", db_file, "--json")
    assert result.code == 3, result.stderr  # two addresses named not fetched, beside one that was
    rows = _robots_rows(cli, db_file)
    assert [row["url"] for row in rows] == [site.url("/private/b")]  # once, though two of the URLs led to it
    [row] = rows
    assert row["error"] == f"robots.txt of 127.0.0.1:{site.port} does not let briefarc fetch /private/b: skipped"
    assert row["status"] is None and row["attempt"] == 0 and row["source"] is None
    assert site.hits("/private/b") == 0
    assert _robots_rows(cli, db_file, "--all") == rows
    text = cli("log", "--db", db_file)  # the table a user reads says it too
    assert "does not let briefarc fetch /private/b" in " ".join(text.stdout.split())


def test_a_source_whose_listing_robots_txt_forbids_logs_each_page_once_and_not_again(cli, db_file, site):
    site.route("/robots.txt", ss.robots(disallow=["/private/"]))
    urls = [site.url(f"/private/{n}") for n in range(30)]
    site.route("/sitemap.xml", ss.Reply(_sitemap(urls + urls[:5]), content_type="application/xml"))
    assert cli("sources", "add", "mfa", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", db_file).code == 0
    result = cli("fetch", "mfa", *FAST, "--db", db_file, "--json")
    assert result.code == 0, result.stderr
    assert result.jsonl()[0]["skipped"] == 30
    rows = _robots_rows(cli, db_file, "--source", "mfa")
    assert sorted(row["url"] for row in rows) == sorted(urls)
    assert {row["source"] for row in rows} == {"mfa"}
    # the next run does not ask for them again (they are known skipped), so the log does not fill with them
    assert cli("fetch", "mfa", *FAST, "--db", db_file).code == 0
    assert len(_robots_rows(cli, db_file, "--source", "mfa")) == 30
