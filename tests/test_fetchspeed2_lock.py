"""`fetch` and `watch check` hold the archive as ingest does (store.db.run_of_its_own): while another run holds
it, they stop at once with one line and exit 1, having asked the web for nothing and written nothing. Before,
they wrote into the archive beside an ingest (or another fetch), their pages interleaved with its batches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefarc.store.db import open_database, run_of_its_own
from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "5", "--retries", "0")


@pytest.fixture
def page_site():
    with ss.SiteServer() as site:
        fx.polite(site)
        site.page("/briefing", fx.sample("un-noon-briefing.html"))
        yield site


def _held(db_file: Path):
    db = open_database(db_file)
    return db, run_of_its_own(db)


def test_fetch_while_an_ingest_holds_the_archive_stops_with_one_line(cli, tmp_path, page_site):
    db_file = tmp_path / "archive.db"
    db, held = _held(db_file)
    with held:
        result = cli("fetch", page_site.url("/briefing"), "--db", db_file, *FAST)
        assert Path(f"{db_file}-lock").exists()  # the holder's lock is left as it is

    assert result.code == 1
    assert result.stderr.count("\n") == 1 and "in use by another briefarc run" in result.stderr
    assert "Traceback" not in result.stderr
    assert page_site.requests == []  # nothing asked for
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM runs").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM requests").fetchone()[0] == 0


def test_fetch_takes_the_archive_once_it_is_free_and_leaves_no_lock(cli, tmp_path, page_site):
    db_file = tmp_path / "archive.db"
    db, held = _held(db_file)
    with held:
        pass
    result = cli("fetch", page_site.url("/briefing"), "--db", db_file, "--json", *FAST)

    assert result.code == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[0])["added"] == 1
    assert not Path(f"{db_file}-lock").exists()


def test_a_fetch_holds_the_archive_while_it_runs(cli, tmp_path):
    """What the fetch holds is the lock ingest waits for: seen from the server, while a page is being asked for."""
    db_file = tmp_path / "archive.db"
    seen: list[bool] = []

    def pieces():
        import fcntl

        probe = open(f"{db_file}-lock", "a")  # noqa: SIM115 - held just for the probe
        try:
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            seen.append(False)
        except BlockingIOError:
            seen.append(True)
        finally:
            probe.close()
        yield fx.sample("un-noon-briefing.html").encode()

    with ss.SiteServer() as site:
        fx.polite(site)
        site.route("/briefing", ss.Reply(stream=pieces))
        result = cli("fetch", site.url("/briefing"), "--db", db_file, *FAST)

    assert result.code == 0, result.stderr
    assert seen == [True]


def test_fetch_dry_run_does_not_need_the_archive(cli, tmp_path, page_site):
    db_file = tmp_path / "archive.db"
    db, held = _held(db_file)
    with held:
        result = cli("fetch", page_site.url("/briefing"), "--db", db_file, "--dry-run", "--json", *FAST)

    assert result.code == 0, result.stderr


def test_watch_check_while_another_run_holds_the_archive_stops_with_one_line(cli, tmp_path):
    db_file = tmp_path / "archive.db"
    assert cli("watch", "add", "taiwan", "Taiwan", "--db", db_file).code == 0
    db, held = _held(db_file)
    before = db.execute("SELECT checked_at FROM watches").fetchall()
    with held:
        result = cli("watch", "check", "--db", db_file)

    assert result.code == 1
    assert result.stderr.count("\n") == 1 and "in use by another briefarc run" in result.stderr
    assert db.execute("SELECT checked_at FROM watches").fetchall() == before
    assert cli("watch", "check", "--db", db_file).code == 0  # free again
