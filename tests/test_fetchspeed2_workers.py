"""The extraction workers get ready while a run's first pages are fetched, not after they arrive: a run that
announces many pages starts them with the announcement, and a worker imports the extractor and compiles its
patterns before its first batch (the first page took a worker 85 ms of CPU, the next 5). On two cores, where the
one worker sets the pace of the whole fetch, the pages waited for that start-up."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from briefarc.models import RawPage
from briefarc.offload import Extraction
from tests import fixture_sites as fx


def test_a_run_announced_as_large_starts_its_workers_before_its_first_page():
    async def announced(pages: int) -> tuple[bool, int]:
        with Extraction() as extraction:
            extraction.workers = 1  # whatever the cores of the machine running the test
            extraction.expect(pages)
            started = extraction.started
            page = RawPage(data=fx.sample("un-noon-briefing.html").encode(), origin="a", url="https://example.org/a")
            pairs = await extraction.documents(page)
            return started, len(pairs)

    assert asyncio.run(announced(3)) == (False, 1)  # a handful is still extracted in place
    assert asyncio.run(announced(50)) == (True, 1)


def test_expecting_pages_outside_an_event_loop_starts_nothing():
    extraction = Extraction(workers=1)
    extraction.expect(50)
    assert not extraction.started
    extraction.close()


def test_a_closed_extraction_starts_no_worker_when_pages_are_announced():
    async def closed_then_announced() -> bool:
        extraction = Extraction(workers=1)
        extraction.close()
        extraction.expect(50)
        return extraction.started

    assert not asyncio.run(closed_then_announced())


def test_a_worker_reads_the_extractor_in_before_its_first_batch():
    """A worker whose pipe ends before any batch came has still imported the extractor and read a page."""
    code = (
        "import os, sys\n"
        "from multiprocessing import Pipe\n"
        "from briefarc.worker import prepared, serve\n"
        "receive, sender = Pipe(duplex=False)\n"
        "answers, send = Pipe(duplex=False)\n"
        "sender.close()\n"
        "before = 'briefarc.extract.core' in sys.modules\n"
        "serve(receive, send, prepared, os.getppid())\n"
        "print(before, 'briefarc.extract.core' in sys.modules, answers.poll())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["False", "True", "False"], done.stderr  # ready, and nothing sent back


def test_pages_that_may_need_no_worker_do_not_start_one_early():
    """Known pages asked again (--refresh: mostly 304) and a feed's entries (read in place) start no worker before
    a page needs one; they still count for where the pages that arrive are read."""
    async def announced() -> tuple[bool, bool]:
        with Extraction() as extraction:
            extraction.workers = 1
            extraction.expect(50, new=False)
            before = extraction.started
            page = RawPage(data=fx.sample("un-noon-briefing.html").encode(), origin="a", url="https://example.org/a")
            await extraction.documents(page)
            return before, extraction.started

    assert asyncio.run(announced()) == (False, True)
