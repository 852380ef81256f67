"""An ingest that waits for the archive while a fetch holds it does not call that fetch "another ingest".

Fetch and watch check take the lock ingest takes (since ce492a3); ingest's line while it waited still said
"Waiting for another ingest into this archive to end"."""

from __future__ import annotations

from pathlib import Path

from tests import siteserver as ss
from tests.processes import briefarc, interrupted_while_waiting, wait_for


def test_an_ingest_waiting_on_a_fetch_does_not_say_another_ingest(tmp_path, site):
    db_file = tmp_path / "archive.db"
    site.route("/robots.txt", ss.robots())
    site.route("/a", ss.slow(60, ss.article("Press briefing on the talks")))
    page = tmp_path / "page.html"
    page.write_bytes(ss.article("Press briefing on the weather"))
    fetch = briefarc("fetch", site.url("/a"), "--delay", "0", "--retries", "0", db=db_file)
    try:
        wait_for(lambda: site.hits("/a") or fetch.poll() is not None, "the fetch to ask for its page")
        assert fetch.poll() is None and Path(f"{db_file}-lock").exists()  # it holds the archive
        ingest = briefarc("ingest", str(page), db=db_file)
        err = interrupted_while_waiting(ingest)
    finally:
        fetch.kill()
        fetch.communicate(timeout=60)
    first = err.splitlines()[0]
    assert "another ingest" not in first
    assert first == ("Waiting for another briefarc run on this archive (an ingest, a fetch or a watch check) to end "
                     "(Ctrl-C to stop)…")
    assert ingest.returncode == 130
