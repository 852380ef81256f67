"""The pages the extraction workers are behind on are extracted by the main process too (helper-113).

On two cores a big fetch's one worker set the pace: the pages waiting for it filled the window of items in
flight, and the main process, with nothing to fetch, waited for it (bench/fetch.py --only pipeline)."""

from __future__ import annotations

import asyncio
import os
import signal
import time

from briefarc.models import RawPage
from briefarc.offload import AHEAD, BATCH, STEAL_BYTES, Extraction
from briefarc.pipeline import documents_of
from tests.test_fetch_faults import article

BEHIND = 8  # pages beyond what the worker holds


def pages(count: int) -> list[RawPage]:
    return [RawPage(data=article(day % 28 + 1).replace(b"</body>", f"<p>Page {day}.</p></body>".encode()),
                    origin=f"https://example.org/{day}", url=f"https://example.org/{day}")
            for day in range(count)]


async def with_the_worker_stopped(batch: list[RawPage], done: int, settle: float = 0.0) -> tuple[int, list, int, bool]:
    """With the one worker stopped until `done` pages are extracted (and `settle` seconds more): (pages extracted
    while it was stopped, every page's pairs once it goes on, pages stolen while it was stopped, whether the last
    page was extracted while it was stopped)."""
    with Extraction(workers=1) as extraction:
        tasks = [asyncio.ensure_future(extraction.documents(page)) for page in batch]
        worker = await started(extraction)
        os.kill(worker.pid, signal.SIGSTOP)
        try:
            deadline = time.monotonic() + 60
            while sum(task.done() for task in tasks) < done and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            await asyncio.sleep(settle)
            done_while_stopped = sum(task.done() for task in tasks)
            stolen, last_done = extraction.stolen, tasks[-1].done()
        finally:
            os.kill(worker.pid, signal.SIGCONT)
        return done_while_stopped, await asyncio.gather(*tasks), stolen, last_done


async def started(extraction: Extraction):
    """The worker's process, once the first dispatch has started it and handed it its batches."""
    while not extraction._pool:
        await asyncio.sleep(0)
    return extraction._pool[0].process


def test_the_pages_a_stopped_worker_is_behind_on_are_extracted_here_and_give_the_same_documents():
    batch = pages(AHEAD * BATCH + BEHIND)
    done_while_stopped, results, stolen, _ = asyncio.run(with_the_worker_stopped(batch, BEHIND))
    assert done_while_stopped == BEHIND  # the worker's two batches wait for it; the rest did not
    assert stolen == BEHIND
    assert [[doc for doc, _ in pairs] for pairs in results] == [[doc for doc, _ in documents_of(page)]
                                                                for page in batch]
    for pairs, page in zip(results, batch, strict=True):  # packed as a worker packs them, whoever extracted them
        assert pairs[0][1].sha256 and pairs[0][1].packed and pairs[0][1].data == page.data


def test_a_page_too_large_to_read_between_two_turns_of_the_loop_is_left_to_the_worker():
    batch = pages(AHEAD * BATCH + 3)
    big = batch[-1]
    batch[-1] = RawPage(data=big.data.replace(b"</body>", b"<p>" + b"x " * STEAL_BYTES + b"</p></body>"),
                        origin=big.origin, url=big.url)

    _, results, stolen, big_done = asyncio.run(with_the_worker_stopped(batch, 2, settle=0.2))
    assert (stolen, big_done, len(results)) == (2, False, len(batch))  # the two small ones read here, the big one waits


def elsewhere(page):
    """A work of a test's own (one may end its process on purpose, as a crash in native code would)."""
    from briefarc.worker import prepared

    return prepared(page)


def test_a_work_other_than_the_default_is_never_done_in_the_main_process():
    async def extract() -> int:
        with Extraction(workers=1, work=elsewhere) as extraction:
            results = await asyncio.gather(*(extraction.documents(page) for page in pages(AHEAD * BATCH + 4)))
            assert all(pairs[0][0].title for pairs in results)
            return extraction.stolen

    assert asyncio.run(extract()) == 0
