"""Extraction in worker processes (`briefarc fetch --workers N`): the same records, failures kept apart."""

from __future__ import annotations

import os
import signal
import zlib

import pytest

from briefarc.offload import Extraction
from briefarc.store.db import open_database
from tests import fixture_sites as fx
from tests import siteserver as ss
from tests.processes import briefarc, held, living_in_group, stored_documents, wait_for, wait_for_group_to_end
from tests.test_fetch_faults import article
from tests.test_fetch_sources import FAST, local_copy

VOLATILE = ("id", "archived_at", "checked_at", "fetched_at", "updated_at", "snapshot_archived_at", "snapshot_id",
            "source_id")


def records(cli, db_file) -> list[dict]:
    rows = cli("list", "--db", db_file, "--json", "--limit", "100").jsonl()
    found = [cli("show", str(row["id"]), "--db", db_file, "--json").jsonl()[0] for row in rows]
    return sorted(({k: v for k, v in r.items() if k not in VOLATILE} for r in found), key=lambda r: r["url"])


@pytest.mark.parametrize(("name", "builder", "path"), [
    ("mofa-pk", fx.mofa, "/press-releases/categories/media-briefings"),  # listing and article pages
    ("state-briefings", fx.state, "/rss-feed/department-press-briefings/feed/"),  # entries sharing the feed's bytes
])
def test_workers_store_what_the_main_process_stores(cli, tmp_path, site, name, builder, path):
    expected = builder(site)
    stored = {}
    for workers in ("0", "1"):
        db_file = tmp_path / f"workers-{workers}.db"
        source = local_copy(db_file, name, site.url(path))
        result = cli("fetch", source, *FAST, "--workers", workers, "--db", db_file, "--json")
        assert result.code == 0, result.stderr
        assert result.jsonl()[0]["added"] == len(expected)
        assert cli("verify", "--db", db_file).code == 0  # sha256 and compressed bytes made by the worker check out
        stored[workers] = records(cli, db_file)
    differences = [{key: (a[key], b.get(key)) for key in a if a[key] != b.get(key)}
                   for a, b in zip(stored["1"], stored["0"], strict=True)]
    assert differences == [{}] * len(differences)
    assert len(stored["1"]) == len(expected) and all(r["sha256"] and r["body"] for r in stored["1"])


def test_a_page_that_fails_in_a_worker_fails_alone(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    good = fx.sample("un-noon-briefing.html").encode()
    site.route("/a/good", ss.Reply(good))
    site.route("/a/empty", ss.Reply(b" \n "))
    site.route("/a/binary", ss.Reply(bytes(range(256)) * 8))
    site.page("/list.html", '<ul><li><a href="/a/good">1</a></li><li><a href="/a/empty">2</a></li>'
                            '<li><a href="/a/binary">3</a></li></ul>')
    assert cli("sources", "add", "three", site.url("/list.html"), "--kind", "listing", "--item-selector", "li a",
               "--db", db_file).code == 0
    result = cli("fetch", "three", *FAST, "--workers", "1", "--db", db_file, "--json")
    assert result.code == 3
    report = result.jsonl()[0]
    assert report["added"] == 1 and report["failed"] == 2, report
    assert sorted(f["url"].rsplit("/", 1)[-1] for f in report["failures"]) == ["binary", "empty"]
    assert "Traceback" not in result.stderr


def test_a_small_run_extracts_in_place_and_an_explicit_worker_gives_the_same_pages():
    import asyncio

    from briefarc.models import RawPage

    pages = [RawPage(data=fx.sample(name).encode(), origin=name, url=f"https://example.org/{name}")
             for name in ("un-noon-briefing.html", "state-briefing.html")]

    async def extract(extraction: Extraction) -> list:
        with extraction:
            pairs = [await extraction.documents(page) for page in pages]
            return pairs, extraction.started

    in_place, started = asyncio.run(extract(Extraction()))
    assert not started  # two pages are not worth starting a process
    in_worker, started = asyncio.run(extract(Extraction(workers=1)))
    assert started
    assert [[doc for doc, _ in pairs] for pairs in in_worker] == [[doc for doc, _ in pairs] for pairs in in_place]
    for pairs in in_worker:
        for _, page in pairs:
            assert page.sha256 and zlib.decompress(page.packed) == page.data


def crash_on_poison(page):
    """A worker's work that dies outright on a marked page, as a crash in native code would."""
    import os

    from briefarc.offload import prepared

    if b"POISON" in page.data:
        os._exit(1)
    return prepared(page)


def test_a_worker_that_dies_fails_its_page_and_the_others_are_extracted():
    import asyncio

    from briefarc.errors import InputError
    from briefarc.models import RawPage

    good = [RawPage(data=fx.sample(name).encode(), origin=name, url=f"https://example.org/{name}")
            for name in ("un-noon-briefing.html", "state-briefing.html", "mea-briefing.html")]
    poison = RawPage(data=b"<html><body><p>POISON</p></body></html>", origin="poison", url="https://example.org/p")

    async def extract_all():
        with Extraction(workers=1, work=crash_on_poison) as extraction:
            return await asyncio.gather(*(extraction.documents(page) for page in [good[0], poison, *good[1:]]),
                                        return_exceptions=True)

    results = asyncio.run(extract_all())
    assert isinstance(results[1], InputError) and "died" in str(results[1])
    for pairs in results[:1] + results[2:]:
        assert not isinstance(pairs, BaseException), pairs
        assert pairs[0][0].title and pairs[0][1].packed


# -- the fetch as a process: Ctrl-C and kills, at moments set by state --------------------------------

NEVER = 3600.0  # a reply latency no run waits out: an answer that has not started when the fetch ends


def start_slow_fetch(db_file, site, workers: str):
    """`briefarc fetch` in its own process group over 20 pages, of which only the first two ever arrive,
    and a second listing page that never does; returned once those two are stored and the rest asked for."""
    site.route("/robots.txt", ss.robots())
    links = []
    for day in range(1, 21):
        path = f"/en/2025/db2509{day:02d}.doc.htm"
        site.route(path, ss.Reply(article(day), latency=0 if day <= 2 else NEVER))
        links.append(f'<li><a href="{path}">{day}</a></li>')
    site.page("/list.html", f"<ul>{''.join(links)}</ul><a class='next' href='/list2.html'>Older</a>")
    site.route("/list2.html", ss.Reply(b"<ul></ul>", latency=NEVER))  # discovery is still waiting when Ctrl-C comes
    add = briefarc("sources", "add", "slow", site.url("/list.html"), "--kind", "listing", "--item-selector", "li a",
                   "--next-selector", "a.next", db=db_file)
    assert add.wait() == 0, add.communicate()
    process = briefarc("fetch", "slow", "--delay", "0", "--per-host", "4", "--workers", workers, db=db_file,
                       start_new_session=True)  # its own process group, as a terminal's job is
    wait_for(lambda: stored_documents(db_file) == 2 or process.poll() is not None, "the first two pages stored")
    wait_for(lambda: site.hits("/en/2025/db250903.doc.htm") and site.hits("/list2.html"),
             "the third page and the second listing page asked for")
    assert process.poll() is None, process.communicate()
    return process


def unanswered(site) -> bool:
    """No page that never arrives had started to be answered: the fetch waited for none of them."""
    return all(seen.sending is None for seen in site.requests if seen.path.startswith(("/en/", "/list2"))
               and seen.path not in ("/en/2025/db250901.doc.htm", "/en/2025/db250902.doc.htm"))


def check_archive(db_file) -> None:
    db = open_database(db_file)
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.crash
@pytest.mark.parametrize("workers", ["0", "1"], ids=["in-place", "worker"])
def test_ctrl_c_stops_at_once_keeps_what_was_stored_and_exits_130(db_file, site, workers):
    process = start_slow_fetch(db_file, site, workers)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole group, extraction workers included
    try:
        _, stderr = process.communicate(timeout=180)
    finally:
        process.kill()  # no stray process if it hung
    assert unanswered(site)  # it stopped at once: it did not wait for the requests in flight
    wait_for_group_to_end(process.pid)  # no worker outlives the fetch
    assert process.returncode == 130
    assert "Interrupted: 2 saved, rerun to continue." in stderr and "Traceback" not in stderr
    check_archive(db_file)


@pytest.mark.crash
def test_extraction_workers_end_when_the_fetch_is_killed(db_file, site):
    process = start_slow_fetch(db_file, site, "1")
    assert len(living_in_group(process.pid)) >= 2  # the fetch and its worker (which extracted the two pages)
    os.kill(process.pid, signal.SIGKILL)  # no chance to stop the worker itself
    process.communicate(timeout=180)
    wait_for_group_to_end(process.pid)
    check_archive(db_file)


@pytest.mark.crash
def test_ctrl_c_while_the_workers_start_is_quiet(db_file, site, tmp_path):
    """Ctrl-C while the extraction workers are still starting (importing briefarc, before the pool's
    initializer ran) interrupts the fetch alone: the workers were born with Ctrl-C held back."""
    site.route("/robots.txt", ss.robots())
    for day in (1, 2):
        site.route(f"/p{day}", ss.Reply(article(day)))
    # a sitemap's pages go to the workers (the page a loose URL gives is read where it is fetched)
    site.route("/sitemap.xml", ss.Reply(f'<urlset><url><loc>{site.url("/p1")}</loc></url><url><loc>'
                                        f'{site.url("/p2")}</loc></url></urlset>'.encode(), content_type="text/xml"))
    hold = tmp_path / "hold"
    hold.mkdir()
    process = briefarc("fetch", site.url("/sitemap.xml"), "--delay", "0", "--workers", "2", db=db_file,
                       hold=f"briefarc.worker:worker:{hold}", start_new_session=True)
    try:
        wait_for(lambda: held(hold) or process.poll() is not None, "a worker to start")
        assert process.poll() is None, process.communicate()
        os.killpg(process.pid, signal.SIGINT)  # the terminal's Ctrl-C: the fetch and its starting workers
        (hold / "go").touch()
        _, stderr = process.communicate(timeout=180)
    finally:
        process.kill()
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert stderr.strip().endswith("Interrupted: 0 saved, rerun to continue.")  # the workers extracted nothing
    wait_for_group_to_end(process.pid)


def test_workers_start_without_running_the_parents_main_module_again():
    from multiprocessing import spawn

    from briefarc.offload import main_left_behind, prepared

    with main_left_behind(prepared):
        inside = spawn.get_preparation_data("briefarc-extraction")
    assert not {"init_main_from_path", "init_main_from_name"} & set(inside)
    outside = spawn.get_preparation_data("briefarc-extraction")  # pytest's own __main__, restored
    assert {"init_main_from_path", "init_main_from_name"} & set(outside)


def test_a_run_announced_as_large_starts_its_workers_with_the_first_page():
    import asyncio

    from briefarc.models import RawPage

    page = RawPage(data=fx.sample("un-noon-briefing.html").encode(), origin="a", url="https://example.org/a")

    async def first_page(announced: int) -> bool:
        with Extraction() as extraction:
            extraction.workers = 1  # whatever the cores of the machine running the test
            extraction.expect(announced)
            await extraction.documents(page)
            return extraction.started

    assert not asyncio.run(first_page(3))  # a handful is extracted in place
    assert asyncio.run(first_page(50))


def test_a_worker_imports_the_extractor_and_no_event_loop_or_store():
    """What a worker process loads: the code it runs (briefarc.worker) and the extractor, not offload.py's event
    loop nor the store's database modules (0.06 s of CPU at every start)."""
    import subprocess
    import sys

    code = ("import sys; from briefarc.models import RawPage; from briefarc.worker import prepared, serve; "
            f"pairs = prepared(RawPage(data={fx.sample('un-noon-briefing.html').encode()!r}, origin='a', "
            "url='https://example.org/a')); "
            "print(bool(pairs[0][1].packed), sorted({'asyncio', 'sqlite3', 'briefarc.store.db'} & set(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True []", done.stderr


def interrupted_after_first_page(process, stderr: str, db_file) -> None:
    """What a fetch of fetch_held_at_second_page leaves when Ctrl-C ends it: exit 130, one line, the first page."""
    assert process.returncode == 130, stderr
    assert stderr.strip().endswith("Interrupted: 1 saved, rerun to continue.") and "Traceback" not in stderr, stderr
    assert stored_documents(db_file) == 1


def fetch_held_at_second_page(db_file, site, tmp_path):
    """A fetch of two pages (--workers 0) whose second page's reading is held on the extraction thread, at the
    import of its codec, once the first is saved: (the process, the hold's folder, whose file go releases it)."""
    site.route("/robots.txt", ss.robots())
    site.route("/a", ss.Reply(article(1)))

    def after_a():  # the second page arrives once the first is committed: the order is the test's, not luck's
        wait_for(lambda: stored_documents(db_file) >= 1, "the first page stored")
        text = "Пресс-секретарь ответила на вопросы о переговорах. " * 20
        yield (f'<html><head><meta charset="koi8-r"><title>Брифинг</title></head><body><article><h1>Брифинг</h1>'
               f"<p>{text}</p></article></body></html>").encode("koi8-r")

    site.route("/b", ss.Reply(stream=after_a, content_type="text/html; charset=koi8-r"))
    hold = tmp_path / "hold"
    hold.mkdir()
    process = briefarc("fetch", site.url("/a"), site.url("/b"), "--delay", "0", "--workers", "0", db=db_file,
                       hold=f"encodings.koi8_r:main:{hold}", start_new_session=True)
    wait_for(lambda: held(hold) or process.poll() is not None, "the second page's reading to be held")
    return process, hold


@pytest.mark.crash
def test_ctrl_c_does_not_wait_for_the_page_on_the_extraction_thread(db_file, site, tmp_path):
    """Ctrl-C waited for the page being read on the extraction thread (up to 20 s on a huge page) before the
    process ended. Here that page never finishes: its decoding is held at the import of its codec. The fetch
    ends at once all the same, with the page saved before it committed."""

    process, hold = fetch_held_at_second_page(db_file, site, tmp_path)
    try:
        assert process.poll() is None, process.communicate()
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=180)  # without a daemon thread: for as long as the page is held
        assert not (hold / "go").exists()
    finally:
        process.kill()
        (hold / "go").touch()
    interrupted_after_first_page(process, stderr, db_file)
