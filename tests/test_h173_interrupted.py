"""A fetch cut short by Ctrl-C is recorded as such, and `fetch --json` still writes what each source did.

Before: the run's record had no error, so `sources show` gave its counts ("discovered 20, fetched 1, added 1 ...
failed 0") and `sources list` "1 fetched, 1 added" as a whole run's, with nothing saying it was cut short; the
request in flight was not in `log`; and `fetch --json` wrote nothing to stdout (exit 130, "Interrupted: 1 saved")."""

from __future__ import annotations

import json
import os
import signal
import sqlite3

import pytest

from tests import siteserver as ss
from tests.processes import briefarc, stored_documents, wait_for, wait_for_group_to_end
from tests.test_fetch_batches import NEVER, sitemap_site
from tests.test_fetch_faults import article

DAYS = range(1, 6)
CUT_SHORT = "interrupted (Ctrl-C) before the run ended: the next fetch goes on"


def _cut_short_fetch(site, db_file, *args: str):
    """`fetch ARGS` of a sitemap source whose first page comes and whose others never do, stopped by Ctrl-C once
    that page is stored: (exit status, stdout, stderr)."""
    sitemap = sitemap_site(site, DAYS)
    for day in DAYS[1:]:
        site.route(f"/b/{day}", ss.Reply(article(day), latency=NEVER))
    added = briefarc("sources", "add", "mfa", sitemap, "--kind", "sitemap", db=db_file)
    assert added.wait(timeout=60) == 0, added.communicate()
    process = briefarc("fetch", "mfa", *args, "--delay", "0", "--per-host", "8", "--workers", "0", db=db_file,
                       start_new_session=True)
    wait_for(lambda: stored_documents(db_file) >= 1 and site.hits(f"/b/{DAYS[-1]}") >= 1
             or process.poll() is not None, "the first page stored and the others asked for")
    return _interrupted(process)


def _interrupted(process) -> tuple[int, str, str]:
    """Ctrl-C to a fetch started in a session of its own, as tests/test_fetch_batches.py's interrupt, keeping
    stdout: (exit status, stdout, stderr) once it and its children are gone."""
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C, as tests/test_fetch_batches.py's interrupt, keeping stdout
    try:
        stdout, stderr = process.communicate(timeout=180)
    finally:
        process.kill()
    wait_for_group_to_end(process.pid)
    return process.returncode, stdout, stderr


@pytest.mark.crash
def test_a_run_cut_short_is_recorded_so_and_shown_in_sources_and_log(cli, db_file, site):
    code, _, stderr = _cut_short_fetch(site, db_file)
    assert code == 130 and "Interrupted: 1 saved" in stderr, stderr
    with sqlite3.connect(db_file) as conn:
        [(error, fetched, added)] = conn.execute("SELECT error, fetched, added FROM runs").fetchall()
    assert error == CUT_SHORT and (fetched, added) == (1, 1)
    [listed] = cli("sources", "list", "--json", "--db", db_file).jsonl()[-1:]
    assert listed["name"] == "mfa" and listed["last_error"].endswith(f": {CUT_SHORT}")
    shown = cli("sources", "show", "mfa", "--db", db_file)
    assert CUT_SHORT in " ".join(shown.stdout.split())
    table = cli("sources", "list", "--db", db_file)
    assert "interrupted" in table.stdout
    # the requests in flight were never answered: the log says so, where it said nothing of them
    logged = cli("log", "--db", db_file, "--json", "--source", "mfa").jsonl()
    in_flight = {row["url"] for row in logged if row["error"] == "interrupted (Ctrl-C) before the answer came"}
    assert in_flight == {site.url(f"/b/{day}") for day in DAYS[1:]}


@pytest.mark.crash
def test_fetch_json_cut_short_writes_what_each_source_did(db_file, site):
    code, stdout, stderr = _cut_short_fetch(site, db_file, "--json")
    assert code == 130 and "Interrupted: 1 saved" in stderr, stderr
    [report] = [json.loads(line) for line in stdout.splitlines()]
    assert report["source"] == "mfa" and report["interrupted"] is True
    assert (report["discovered"], report["fetched"], report["added"], report["failed"]) == (len(DAYS), 1, 1, 0)


def _dry_run_cut_short(site, db_file, *args: str):
    """`fetch --dry-run ARGS` of two sources, one whose sitemap comes and one whose sitemap never does, stopped by
    Ctrl-C once the second is asked for: (exit status, stdout, stderr)."""
    sitemap = sitemap_site(site, DAYS)
    site.route("/never.xml", ss.Reply(b"<urlset/>", content_type="application/xml", latency=NEVER))
    for name, address in (("mfa", sitemap), ("slow", site.url("/never.xml"))):
        added = briefarc("sources", "add", name, address, "--kind", "sitemap", db=db_file)
        assert added.wait(timeout=60) == 0, added.communicate()
    process = briefarc("fetch", "mfa", "slow", "--dry-run", *args, "--delay", "0", db=db_file, start_new_session=True)
    wait_for(lambda: site.hits("/never.xml") >= 1 and site.hits("/sitemap.xml") >= 1 or process.poll() is not None,
             "both sitemaps asked for")
    return _interrupted(process)


@pytest.mark.crash
def test_fetch_dry_run_json_cut_short_writes_what_each_source_would_fetch(db_file, site):
    """Before: a dry run's Ctrl-C wrote nothing to stdout, where a fetch's wrote each source's report."""
    code, stdout, stderr = _dry_run_cut_short(site, db_file, "--json")
    assert code == 130 and stderr.strip().splitlines()[-1] == "Interrupted.", stderr  # nothing was to be saved
    reports = {report["source"]: report for report in map(json.loads, stdout.splitlines())}
    assert set(reports) == {"mfa", "slow"}
    assert reports["slow"]["interrupted"] is True and reports["slow"]["discovered"] == 0
    wanted = {site.url(f"/b/{day}") for day in DAYS}
    assert {item["url"] for item in reports["mfa"].get("planned", [])} in (wanted, set())  # done before, or cut too
    assert all(site.hits(f"/b/{day}") == 0 for day in DAYS)  # a dry run fetches no page
    assert stored_documents(db_file) == 0


@pytest.mark.crash
def test_fetch_dry_run_cut_short_says_interrupted_and_nothing_saved(db_file, site):
    code, _, stderr = _dry_run_cut_short(site, db_file)
    assert code == 130 and stderr.strip().splitlines()[-1] == "Interrupted.", stderr
    assert "saved" not in stderr
