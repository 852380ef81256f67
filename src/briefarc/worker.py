"""What an extraction worker process runs (briefarc.offload starts them and talks to them).

Kept apart from offload.py, which the worker does not need: a worker imports the extractor and no event loop,
HTTP client or database module, and starts with about 0.06 s less CPU.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace

from briefarc.errors import InputError, item_failure
from briefarc.models import Document, RawPage
from briefarc.pipeline import documents_of

Work = Callable[[RawPage], list[tuple[Document, RawPage]]]
Pairs = list[tuple[Document, RawPage]]


def prepared(page: RawPage) -> Pairs:
    """The page's documents, each page with its sha256 and compressed bytes made ready for saving."""
    from briefarc.store.blobs import pack

    pairs = list(documents_of(page))
    packed: dict[int, RawPage] = {}
    for _, item_page in pairs:  # a feed's entries share the feed's bytes: pack them once
        if id(item_page.data) not in packed:
            packed[id(item_page.data)] = pack(item_page)
    return [(doc, pack(item_page, packed[id(item_page.data)])) for doc, item_page in pairs]


WARM_UP = RawPage(data=b"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Briefing</title></head>"
                 b"<body><main><h1>Briefing</h1><p>Published 1 May 2025</p><p>The spokesperson answered questions "
                 b"about the talks held this week.</p></main></body></html>",
                 origin="https://example.org/warm-up", url="https://example.org/warm-up",
                 content_type="text/html; charset=utf-8", headers={}, fetched_at="2025-05-01T00:00:00Z", live=True)


def serve(receive, send, work: Work, parent: int) -> None:
    """A worker: extract each batch of pages that arrives, answer with their outcomes, until the pipe ends."""
    _worker_setup(parent)
    _warm_up()
    while True:
        try:
            pages = pickle.loads(receive.recv_bytes())
        except EOFError:
            return
        try:
            send.send_bytes(pickle.dumps([outcome(work, page) for page in pages], protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # the main process stopped listening
            return


def outcome(work: Work, page: RawPage) -> tuple[bool, object]:
    """(True, the page's pairs) or (False, why it failed), as an exception the main process can unpickle.

    The pairs' pages come back without the bytes the main process sent (`restored` puts them back)."""
    try:
        return True, [(doc, replace(item, data=b"") if item.data is page.data else item)
                      for doc, item in work(page)]
    except Exception as exc:  # noqa: BLE001 - the page's failure, reported as it
        try:
            return False, pickle.loads(pickle.dumps(exc))
        except Exception:  # noqa: BLE001 - an exception that does not survive pickling
            return False, InputError(item_failure(exc))


def _warm_up() -> None:
    """Import the extractor and compile its patterns before the first batch arrives (its first page took 85 ms
    where the next took 5): a worker is started when a run announces its pages, and this is done while the first
    of them are fetched. The same work as the first page's, a little earlier; a failure is left to that page."""
    with suppress(Exception):
        prepared(WARM_UP)


def _worker_setup(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_follow, args=(parent,), daemon=True).start()


def _follow(parent: int) -> None:
    """End this worker when the main process is gone (killed without shutting the pool down)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
