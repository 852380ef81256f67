"""The fetch pipeline in batches (issue 12, point 4): the pages at hand travel to a worker in one message and
are saved in one transaction, with the same outcome for each page as one by one."""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import replace

import pytest

from briefarc.collect import FetchOptions, collect
from briefarc.errors import InputError
from briefarc.models import RawPage, Source
from briefarc.net.fetch import FetchConfig, run
from briefarc.offload import BATCH, Extraction
from briefarc.pipeline import documents_of
from briefarc.saving import SavesAtHand
from briefarc.store.db import open_database
from briefarc.store.sources import ensure_source
from briefarc.store.writer import ItemFailed, SerialWriter
from briefarc.worker import prepared
from tests import siteserver as ss
from tests.processes import briefarc, stored_documents, wait_for, wait_for_group_to_end
from tests.test_fetch_faults import article
from tests.test_fetch_sources import FAST

DAYS = range(1, 13)
NEVER = 3600.0  # a reply latency no run waits out


def pages(days=DAYS) -> list[RawPage]:
    return [RawPage(data=article(day), origin=f"https://example.org/{day}", url=f"https://example.org/{day}")
            for day in days]


def test_the_pages_at_hand_go_to_a_worker_in_one_message_and_one_bad_page_fails_alone():
    batch = pages()
    batch.insert(5, RawPage(data=b" \n ", origin="empty", url="https://example.org/empty"))

    async def extract_all():
        with Extraction(workers=1) as extraction:
            results = await asyncio.gather(*(extraction.documents(page) for page in batch), return_exceptions=True)
            return results, extraction.sent

    results, sent = asyncio.run(extract_all())
    assert sent == 1  # thirteen pages asked for in one turn of the event loop: one message
    assert isinstance(results[5], InputError)
    good = results[:5] + results[6:]
    assert [[doc for doc, _ in pairs] for pairs in good] == [[doc for doc, _ in documents_of(page)]
                                                             for page in pages()]
    assert all(pairs[0][1].sha256 and pairs[0][1].packed for pairs in good)


def also_prepared(page: RawPage) -> list:
    """A worker's work that is not the default one (module level, for the worker to import)."""
    return prepared(page)


def test_the_main_process_extracts_pages_too_while_many_wait_for_the_busy_worker():
    many = [replace(page, url=f"https://example.org/page/{n}") for n, page in enumerate(pages(range(1, 25)) * 2)]
    many[BATCH] = RawPage(data=b" \n ", origin="empty", url="https://example.org/empty")  # the first left waiting

    async def extract_all(work):
        with Extraction(workers=1, work=work) as extraction:
            results = await asyncio.gather(*(extraction.documents(page) for page in many), return_exceptions=True)
            return results, extraction.helped

    results, helped = asyncio.run(extract_all(prepared))
    assert helped >= 1  # the worker holds a batch, more than a batch waits: this process takes one too
    assert isinstance(results[BATCH], InputError)  # the page it took fails alone, as in a worker
    good = [(page, pairs) for page, pairs in zip(many, results, strict=True) if page.origin != "empty"]
    assert [[doc for doc, _ in pairs] for _, pairs in good] == [[doc for doc, _ in documents_of(page)]
                                                                for page, _ in good]
    _, helped = asyncio.run(extract_all(also_prepared))
    assert helped == 0  # other work than the workers' own is done by them alone


def test_a_page_extracted_by_the_main_process_comes_hashed_and_packed_as_a_workers_does():
    many = [replace(page, url=f"https://example.org/page/{n}") for n, page in enumerate(pages(range(1, 25)) * 2)]

    async def extract_all():
        with Extraction(workers=1) as extraction:
            return await asyncio.gather(*(extraction.documents(page) for page in many)), extraction.helped

    results, helped = asyncio.run(extract_all())
    assert helped >= 1
    # every page ready for saving, whoever extracted it: the event loop does not hash and compress any of them
    assert all(item.sha256 and item.packed for pairs in results for _, item in pairs)


def statements(db) -> list[str]:
    """The statements the connection runs from now on, as given (not what triggers and FTS5 run within them,
    which the trace reports as comments, or as the statement again)."""
    seen: list[str] = []

    def note(sql: str) -> None:
        if not sql.startswith("--") and not (seen and seen[-1] == sql):
            seen.append(sql)

    db.conn.set_trace_callback(note)
    return seen


@pytest.mark.parametrize("count", [3, 12])
def test_the_documents_saved_in_one_turn_of_the_loop_are_one_transaction_and_one_insert(db_file, count):
    db = open_database(db_file)
    extracted = [list(documents_of(page)) for page in pages(range(1, count + 1))]
    sources = [ensure_source(db, name) for name in ("one", "two")]  # the sources of a fetch share its writer
    seen = statements(db)
    recorded: list[int] = []

    async def save_all():
        with SerialWriter(db) as writer:
            saves = SavesAtHand(writer)
            results = await asyncio.gather(*(saves.save(pairs, sources[n % 2], then=lambda r: recorded.append(len(r)))
                                             for n, pairs in enumerate(extracted)))
            assert not db.conn.in_transaction  # committed as soon as they are saved
            return results

    results = asyncio.run(save_all())
    assert [result.document_id for result, in results] == list(range(1, count + 1))  # in the order handed over
    assert recorded == [1] * count
    assert sum(s.startswith("BEGIN") for s in seen) == 1 and sum(s == "COMMIT" for s in seen) == 1
    assert sum(s.lstrip().startswith("INSERT INTO documents") for s in seen) == 1, seen  # one statement, one segment
    assert [row[0] for row in db.execute("SELECT source_id FROM documents ORDER BY id")] == [
        sources[n % 2] for n in range(count)]


def test_a_page_the_store_cannot_take_fails_alone_among_the_pages_at_hand(db_file):
    db = open_database(db_file)
    extracted = [list(documents_of(page)) for page in pages(range(1, 5))]
    doc, page = extracted[2][0]
    extracted[2] = [(replace(doc, turns=[object()]), page)]  # a document the store cannot write

    async def save_all():
        with SerialWriter(db) as writer:
            saves = SavesAtHand(writer)
            return await asyncio.gather(*(saves.save(pairs, None) for pairs in extracted), return_exceptions=True)

    results = asyncio.run(save_all())
    assert isinstance(results[2], ItemFailed)
    assert [r[0].status for i, r in enumerate(results) if i != 2] == ["added"] * 3
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def sitemap_site(site, days) -> str:
    site.route("/robots.txt", ss.robots())
    for day in days:
        site.route(f"/b/{day}", ss.Reply(article(day)))
    urls = "".join(f"<url><loc>{site.url(f'/b/{day}')}</loc></url>" for day in days)
    site.page("/sitemap.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
              content_type="application/xml")
    return site.url("/sitemap.xml")


def test_known_urls_are_looked_up_in_one_query_and_skipped(cli, db_file, site):
    sitemap = sitemap_site(site, DAYS)
    first = [site.url(f"/b/{day}") for day in DAYS[:4]]
    assert cli("fetch", *first, *FAST, "--db", db_file).code == 0
    db = open_database(db_file)
    seen = statements(db)
    options = FetchOptions(config=FetchConfig(delay=0.0, per_host=4), workers=1)
    report, = run(collect(db, [Source(name="map", kind="sitemap", url=sitemap)], [], options))
    assert (report.discovered, report.fetched, report.added) == (12, 8, 8)
    assert sum("json_each" in s and "seen_urls" in s for s in seen) == 1  # the twelve URLs, in one query
    assert all(site.hits(f"/b/{day}") == 1 for day in DAYS)  # the four known ones were not asked for again


def test_a_fetch_with_one_bad_page_in_a_batch_stores_the_others_and_exits_3(cli, db_file, site):
    sitemap = sitemap_site(site, DAYS)
    site.route("/b/empty", ss.Reply(b" \n "))
    site.page("/sitemap.xml", site_map(site, [*(f"/b/{day}" for day in DAYS), "/b/empty"]),
              content_type="application/xml")
    result = cli("fetch", sitemap, *FAST, "--workers", "1", "--db", db_file, "--json")
    assert result.code == 3, result.stderr
    report = result.jsonl()[0]
    assert (report["added"], report["failed"]) == (12, 1), report
    assert [f["url"] for f in report["failures"]] == [site.url("/b/empty")]
    assert "Traceback" not in result.stderr


def site_map(site, paths) -> str:
    urls = "".join(f"<url><loc>{site.url(path)}</loc></url>" for path in paths)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def interrupt(process) -> str:
    """Ctrl-C to a fetch started in a session of its own; its standard error once it and its children are gone."""
    os.killpg(process.pid, signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=180)
    finally:
        process.kill()
    wait_for_group_to_end(process.pid)
    return stderr


@pytest.mark.crash
def test_ctrl_c_mid_batch_leaves_whole_items_and_a_rerun_completes_them(db_file, site):
    days = range(1, 29)
    sitemap = sitemap_site(site, days)
    for day in days[-4:]:  # pages that never come: the fetch is still running when Ctrl-C comes
        site.route(f"/b/{day}", ss.Reply(article(day), latency=NEVER))
    process = briefarc("fetch", sitemap, "--delay", "0", "--per-host", "8", "--workers", "1", db=db_file,
                       start_new_session=True)
    wait_for(lambda: stored_documents(db_file) >= 1 or process.poll() is not None, "a first batch stored")
    stderr = interrupt(process)
    assert process.returncode == 130 and "Traceback" not in stderr, stderr
    db = open_database(db_file)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    seen = db.execute("SELECT count(*) FROM seen_urls WHERE status = 'stored'").fetchone()[0]
    assert 1 <= stored < len(days) and seen == stored  # each page whole: its document and its record, or neither
    assert f"Interrupted: {stored} saved, rerun to continue." in stderr  # what was saved, each page whole
    db.conn.close()
    for day in days[-4:]:
        site.route(f"/b/{day}", ss.Reply(article(day)))
    rerun = briefarc("fetch", sitemap, "--delay", "0", "--workers", "1", db=db_file)
    assert rerun.wait() == 0, rerun.communicate()
    db = open_database(db_file)
    rows = db.execute("SELECT url, count(*) FROM documents GROUP BY url").fetchall()
    assert len(rows) == len(days) and all(count == 1 for _, count in rows)
    assert db.execute("SELECT count(*) FROM versions").fetchone()[0] == len(days)


@pytest.mark.crash
def test_items_seen_before_ctrl_c_are_fetched_by_the_next_run_when_the_sitemap_has_moved_on(db_file, site):
    """Items are pending from the moment they are seen: the pages a run had found but not fetched when it was
    stopped are fetched by the next run, although the sitemap no longer lists them (found by a reviewing
    helper: they were lost, as a listing's walk stops at the pages the archive knows)."""
    days = range(1, 9)
    sitemap = sitemap_site(site, days)
    for day in days[1:]:  # only the first page comes before Ctrl-C
        site.route(f"/b/{day}", ss.Reply(article(day), latency=NEVER))
    process = briefarc("fetch", sitemap, "--delay", "0", "--per-host", "8", "--workers", "1", db=db_file,
                       start_new_session=True)
    wait_for(lambda: stored_documents(db_file) >= 1 or process.poll() is not None, "the first page stored")
    interrupt(process)
    assert process.returncode == 130
    for day in days:
        site.route(f"/b/{day}", ss.Reply(article(day)))
    site.page("/sitemap.xml", site_map(site, ["/b/1"]), content_type="application/xml")  # it lists one page now
    rerun = briefarc("fetch", sitemap, "--delay", "0", "--workers", "1", db=db_file)
    assert rerun.wait() == 0, rerun.communicate()
    db = open_database(db_file)
    urls = [row[0] for row in db.execute("SELECT url FROM documents ORDER BY url")]
    assert sorted(urls) == sorted(site.url(f"/b/{day}") for day in days)
    assert db.execute("SELECT count(*) FROM pending").fetchone()[0] == 0


@pytest.mark.crash
def test_a_refresh_stopped_by_ctrl_c_leaves_no_archived_page_pending(db_file, site):
    """--refresh asks again for pages the archive holds: cut short, it must not leave them for the next ordinary
    run to fetch again (found by a reviewing helper)."""
    days = range(1, 5)
    sitemap = sitemap_site(site, days)
    first = briefarc("fetch", sitemap, "--delay", "0", "--workers", "1", db=db_file)
    assert first.wait() == 0, first.communicate()
    for day in days:
        site.route(f"/b/{day}", ss.Reply(article(day), latency=NEVER))
    process = briefarc("fetch", sitemap, "--refresh", "--delay", "0", "--per-host", "8", "--timeout", "600",
                       "--workers", "1", db=db_file, start_new_session=True)
    wait_for(lambda: sum(site.hits(f"/b/{day}") for day in days) >= 2 * len(days) or process.poll() is not None,
             "the refresh asking for every page")
    interrupt(process)
    db = open_database(db_file)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == len(days)
    assert db.execute("SELECT url, attempts, last_error FROM pending").fetchall() == []
