"""Fetching with no network, and dry runs that write nothing (the CLI; a local test server; no internet).

"No network" is a resolver that has no address for any name: getaddrinfo fails as it does offline, for
the `.invalid` names used here (RFC 2606 reserves them), and only for them.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from contextlib import closing

import pytest

from briefarc.models import Source
from briefarc.store.db import open_database
from briefarc.store.sources import add_source
from tests.terminal import Terminal
from tests.test_fetch_edges import FAST, feed_site

DEAD_HOSTS = ("mofa.invalid", "press.invalid")


@pytest.fixture
def offline(monkeypatch):
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def add(db_file, name: str, url: str, kind: str = "feed", **options) -> None:
    add_source(open_database(db_file), Source(name=name, kind=kind, url=url, options=options))


def test_offline_each_source_says_its_host_cannot_be_resolved_once(cli, db_file, offline):
    add(db_file, "one", "http://mofa.invalid/feed.xml")
    add(db_file, "two", "http://mofa.invalid/press/", kind="listing", item_selector="li a")
    add(db_file, "three", "http://press.invalid/sitemap.xml", kind="sitemap")
    result = cli("fetch", "one", "two", "three", "--delay", "0", "--retries", "3", "--db", db_file)
    assert result.code == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        "  one failed: cannot resolve the host name mofa.invalid (Name or service not known)",
        "  two failed: cannot resolve the host name mofa.invalid (Name or service not known)",
        "  three failed: cannot resolve the host name press.invalid (Name or service not known)",
        "No host could be resolved: check your network connection (or DNS), then run the fetch again.",
    ]
    logged = cli("log", "--all", "--db", db_file, "--json").jsonl()
    for host in DEAD_HOSTS:  # one attempt per dead host, not four per URL
        assert len([row for row in logged if f"//{host}/" in row["url"]]) == 1, logged


def test_offline_fetch_of_addresses_gives_the_same_hint(cli, db_file, offline):
    urls = ("http://mofa.invalid/a", "http://mofa.invalid/b", "http://press.invalid/c")
    result = cli("fetch", *urls, "--delay", "0", "--retries", "3", "--db", db_file)
    assert result.code == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert sum("failed: http://" in line and "cannot resolve the host name" in line for line in lines) == 3
    assert lines[-1] == "No host could be resolved: check your network connection (or DNS), then run the fetch again."
    logged = cli("log", "--all", "--db", db_file, "--json").jsonl()
    for host in DEAD_HOSTS:  # one attempt per dead host
        assert len([row for row in logged if f"//{host}/" in row["url"]]) == 1, logged


def test_one_host_that_does_not_resolve_may_be_a_typo(cli, db_file, offline):
    """One host name that does not resolve says to check it: "no host could be resolved, check your network"
    was the answer to a mistyped address (or a redirect to one)."""
    result = cli("fetch", "http://mofa.invalid/a", "http://mofa.invalid/b", "--delay", "0", "--db", db_file)
    assert result.code == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == ("The host name mofa.invalid could not be resolved: check the address "
                                              "(or your network connection), then run the fetch again.")


def test_a_dry_run_creates_no_database(cli, tmp_path, site):
    feed_site(site)
    missing = tmp_path / "never.db"
    result = cli("fetch", site.url("/feed.xml"), "--dry-run", *FAST, "--db", missing)
    assert result.code == 0, result.stderr
    assert "would fetch" in result.stderr and not missing.exists() and list(tmp_path.iterdir()) == []


def test_a_dry_run_leaves_an_archive_as_it_was(cli, db_file, site):
    feed_site(site)
    add(db_file, "noon", site.url("/feed.xml"))
    before = dump(db_file)
    result = cli("fetch", "noon", "--dry-run", *FAST, "--db", db_file)
    assert result.code == 0 and "would fetch" in result.stderr
    assert site.paths()  # it did ask the site
    assert dump(db_file) == before  # no run, no request logged, nothing seen or stored


def dump(db_file) -> dict[str, list]:
    with closing(sqlite3.connect(db_file)) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
        return {name: conn.execute(f"SELECT * FROM {name}").fetchall() for name in tables}


def test_dead_hosts_do_not_hide_live_ones(cli, db_file, offline, site):
    feed_site(site)
    add(db_file, "live", site.url("/feed.xml"))
    add(db_file, "dead", "http://mofa.invalid/feed.xml")
    result = cli("fetch", "live", "dead", *FAST, "--db", db_file)
    assert result.code == 3 and "dead failed: cannot resolve the host name mofa.invalid" in result.stderr
    assert "check your network connection" not in result.stderr  # one host answered: not offline
    assert cli("list", "--source", "live", "--db", db_file, "--json").jsonl()


def test_the_request_log_reads_at_80_columns(cli, db_file, offline, monkeypatch):
    add(db_file, "one", "http://mofa.invalid/feed.xml")
    cli("fetch", "one", *FAST, "--db", db_file)
    term = Terminal("log", "--all", env={**os.environ, "BRIEFARC_DB": str(db_file)})  # 80 columns
    assert term.finish() == 0
    lines = term.screen()
    assert max(len(line) for line in lines) <= 80 and lines[1].split() == ["at", "source", "status", "try", "ms",
                                                                            "url", "/", "error"]
    start = lines[1].index("url / error")
    folded = "".join(line[start:].strip() for line in lines[3:])
    assert "http://mofa.invalid/robots.txt" in folded and "cannotresolvethehostnamemofa.invalid" in \
        folded.replace(" ", "")
    monkeypatch.setenv("COLUMNS", "80")
    piped = cli("log", "--all", "--db", db_file).stdout.splitlines()  # into a pipe: nothing folded
    assert any("http://mofa.invalid/robots.txt" in line for line in piped)
    assert any("cannot resolve the host name mofa.invalid (Name or service not known)" in line for line in piped)
