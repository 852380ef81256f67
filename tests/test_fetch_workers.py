"""Extraction in worker processes (`briefarc fetch --workers N`): the same records, failures kept apart."""

from __future__ import annotations

import zlib

import pytest

from briefarc.offload import Extraction
from tests import fixture_sites as fx
from tests import siteserver as ss
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
