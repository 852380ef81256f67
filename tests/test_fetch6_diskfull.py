"""A fetch that fills the disk: one line saying how many documents were saved before it filled (exit 3 when some
were, 1 when none were, as ingest says it), the count what the archive holds, and a rerun on a disk with room that
completes the fetch without a duplicate.

Before: 'Error: Cannot write to the database X: database or disk is full. Free some space and run again.', with no
count of what was kept. The disk is a real one that fills (a tmpfs in a mount namespace of the test's own, as in
test_ingest116_diskfull); the site is a local server replaying the real pages of ../shared/corpus/fmprc-bulk.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefarc.errors import ExitStatus
from tests import siteserver as ss
from tests.conftest import needs_shared
from tests.test_ingest116_diskfull import BULK, namespaces_work, one_line

FAST = ("--delay", "0", "--retries", "0", "--workers", "0", "--per-host", "8")

# Run inside the namespace: mount a tmpfs of the size given, run each command, and say what each left.
IN_NAMESPACE = r"""
import json, os, sqlite3, subprocess, sys
mount, size, runs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", mount], check=True)
out = []
for args, grow in runs:
    if grow:
        subprocess.run(["mount", "-o", f"remount,size={grow}", mount], check=True)
    if args[0] == "--fill":  # what room is left taken by another file
        try:
            with open(os.path.join(mount, "filler"), "wb") as filler:
                while True:
                    filler.write(b"x" * 65536)
                    filler.flush()
        except OSError:
            pass
        continue
    done = subprocess.run([sys.executable, "-m", "briefarc", *args], capture_output=True, text=True)
    db = args[args.index("--db") + 1]
    documents = urls = None
    check = None
    if os.path.exists(db):
        if os.path.exists(os.path.join(mount, "filler")) and not grow:  # room to read it (its -shm) in
            os.truncate(os.path.join(mount, "filler"), 0)
        conn = sqlite3.connect(db)
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        urls = conn.execute("SELECT count(DISTINCT url) FROM documents").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        conn.close()
    out.append({"rc": done.returncode, "stderr": done.stderr, "stdout": done.stdout, "documents": documents,
                "urls": urls, "check": check, "files": sorted(os.listdir(mount))})
print(json.dumps(out))
"""


def on_small_disk(tmp_path: Path, size: str, runs: list[tuple[list[str], str | None]]) -> list[dict]:
    """Each command in turn on a tmpfs of `size` (grown before a run when it says so): what each left."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if not namespaces_work(mount):
        pytest.skip("no mount namespace of our own here (unshare -Urm): no small disk to fill")
    runs = [([arg.replace("DISK", str(mount)) for arg in args], grow) for args, grow in runs]
    done = subprocess.run(["unshare", "-Urm", sys.executable, "-c", IN_NAMESPACE, str(mount), size, json.dumps(runs)],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def bulk_site(site: ss.SiteServer) -> int:
    """The real pages of fmprc-bulk at addresses of their own, and a sitemap listing them: how many."""
    pages = sorted(BULK.glob("*.html.gz"))
    locs = []
    for number, page in enumerate(pages):
        path = f"/eng/{number}.html"
        site.route(path, ss.Reply(gzip.decompress(page.read_bytes())))
        locs.append(f"<url><loc>{site.url(path)}</loc></url>")
    site.route("/sitemap.xml", ss.Reply(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(locs)}</urlset>'.encode(),
        content_type="application/xml"))
    return len(pages)


SAID = re.compile(r"^Error: Cannot write to the database (.+): the disk is full\. (\d+) documents? saved before it "
                  r"filled(?: \((\d+) unchanged\))?; free some space and run again to go on\.$")


def test_a_fetch_that_fills_the_disk_says_how_many_were_saved_and_a_rerun_completes_it(tmp_path, site):
    needs_shared(BULK)
    total = bulk_site(site)
    add = (["sources", "add", "mfa", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", "DISK/a.db"], None)
    fetch = ["fetch", "mfa", *FAST, "--db", "DISK/a.db"]
    added, full, again = on_small_disk(tmp_path, "8m", [add, (fetch, None), (fetch, "200m")])
    assert added["rc"] == 0, added["stderr"]
    said = SAID.match(one_line(full["stderr"]))
    assert said, full["stderr"]
    assert int(said[2]) == full["documents"] > 0  # what is said saved is what the archive holds
    assert full["rc"] == ExitStatus.PARTIAL
    assert full["check"] == "ok"
    assert again["rc"] == 0, again["stderr"]
    assert again["documents"] == again["urls"] == total  # the rest fetched, none twice
    assert again["check"] == "ok"


def test_a_disk_already_full_is_said_so_in_one_line_by_fetch_and_ingest_alike(tmp_path, site):
    """An archive on a disk with no room left cannot even be read (SQLite makes its -shm file): SQLite says "disk
    I/O error". Before: fetch and ingest said "Database error X: cannot commit - no transaction is active", the
    COMMIT of the opening's read hiding the error that ended it; now the full disk is named."""
    needs_shared(BULK)
    bulk_site(site)
    add = (["sources", "add", "mfa", site.url("/sitemap.xml"), "--kind", "sitemap", "--db", "DISK/a.db"], None)
    fetch = ["fetch", "mfa", *FAST, "--db", "DISK/a.db"]
    ingest = ["ingest", str(sorted(BULK.glob("*.html.gz"))[0]), "--db", "DISK/a.db"]
    added, full, full_ingest, again = on_small_disk(tmp_path, "3m", [
        add, (["--fill"], None), (fetch, None), (["--fill"], None), (ingest, None), (fetch, "200m")])
    assert added["rc"] == 0, added["stderr"]
    for run in (full, full_ingest):
        assert one_line(run["stderr"]) == (f"Error: Cannot write to the database {tmp_path / 'disk' / 'a.db'}: "
                                           "database or disk is full. Free some space and run again.")
        assert run["rc"] == ExitStatus.ERROR and run["documents"] == 0 and run["check"] == "ok"
    assert again["rc"] == 0, again["stderr"]
    assert again["documents"] == again["urls"] == len(list(BULK.glob("*.html.gz")))
