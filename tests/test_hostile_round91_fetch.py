"""Hostile sites, round 91: each test here failed before its fix.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

from http.cookies import SimpleCookie

from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "10", "--workers", "0")


class Repeated(dict):
    """Reply headers with names that repeat (Set-Cookie), in order: the server writes what items() gives."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        super().__init__()
        self.pairs = pairs

    def items(self):  # type: ignore[override]
        return self.pairs


def titles(cli, db_file) -> list[str]:
    return sorted(row["title"] for row in cli("list", "--db", db_file, "--json").jsonl())


def cookies_sent(seen: ss.Seen) -> dict[str, str]:
    jar = SimpleCookie()
    jar.load(seen.headers.get("cookie", ""))
    return {name: morsel.value for name, morsel in jar.items()}


# -- cookies --------------------------------------------------------------------------------------------------


def test_a_site_that_sets_cookies_by_the_thousand_gets_back_no_more_than_a_browser_keeps(cli, db_file, site):
    """Each page set 60 new cookies, and every later request carried all the cookies set so far: 30 pages that set
    1,200 each took 19 s, 60 took 62 s (a Cookie header of megabytes, built for each request). A site keeps 50 at
    once, each of at most 4 kB, as RFC 6265 asks a client to keep at least; one it sets again is still updated."""
    fx.polite(site)
    paths = [f"/p{n}" for n in range(4)]
    for n, path in enumerate(paths):
        flood = [("Set-Cookie", f"p{n}c{k}={'v' * 20}; Path=/") for k in range(60)]
        huge = [("Set-Cookie", f"huge={'h' * 5000}; Path=/")] if n == 0 else []
        site.route(path, ss.Reply(ss.article(f"Page {n}"), headers=Repeated([("Set-Cookie", f"session={n}; Path=/"),
                                                                              *huge, *flood])))
    result = cli("fetch", *map(site.url, paths), "--db", db_file, "--per-host", "1", "--retries", "0", *FAST)
    assert result.code == 0, result.stderr
    assert titles(cli, db_file) == ["Page 0", "Page 1", "Page 2", "Page 3"]
    pages = [seen for seen in site.requests if seen.path in paths]
    sent = [cookies_sent(seen) for seen in pages]
    assert max(len(cookies) for cookies in sent) <= 50
    assert not any("huge" in cookies for cookies in sent)
    # the site's first cookie is kept, and updated each time it is set again, however full the jar
    assert [cookies.get("session") for cookies in sent] == [None, "0", "1", "2"]
