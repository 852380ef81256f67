"""Where a fetch's CPU goes, for bench/fetch.py: the main process's time split by what it was doing, and the
extraction workers' time split by measuring their work on the same pages here.

Main process: the functions of each part are wrapped with a CPU timer of their thread (time.thread_time: the
extraction thread's pages and the event loop's work are timed apart) while the fetch runs; a call inside another
timed call of its thread counts once, in the outer part. What no part claims is the HTTP
client, discovery (sitemaps) and the event loop. A function an older install lacks is left out of its part.

Workers: what they did is measured again in this process on a sample of the same pages (extraction, then
the sha256 and compression of the bytes); the rest of their time is their start-up and the batches' trip
through the pipes (pickling both ways).
"""

from __future__ import annotations

import importlib
import threading
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import Any

MAIN_PARTS: dict[str, list[str]] = {
    "saving": ["briefarc.store.writer:SerialWriter.save", "briefarc.store.writer:SerialWriter.save_each",
               "briefarc.store.writer:SerialWriter.commit",
               "briefarc.store.writer:SerialWriter.__exit__"],
    "bookkeeping": [f"briefarc.store.fetchlog:{name}" for name in (
        "url_states", "validators", "source_validators", "mark_seen", "mark_removed", "start_run", "finish_run",
        "log_requests", "mark_seen_all")] + [f"briefarc.store.pending:{name}" for name in (
            "note", "get", "done", "failed", "due")],
    "extraction in place": ["briefarc.offload:documents_of", "briefarc.offload:all_documents"],
    "to and from the workers": ["briefarc.offload:Worker.submit", "briefarc.offload:Worker._readable",
                                "briefarc.offload:Worker.__init__"],
}
REST = "HTTP client, discovery, event loop"
SAVING, IN_PLACE = "saving", "extraction in place"  # the parts other helpers' work is about


class Timers:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(MAIN_PARTS, 0.0)
        self.calls: dict[str, int] = dict.fromkeys(MAIN_PARTS, 0)  # outer calls (pages, for extraction in place)
        self.local = threading.local()  # .inside: this thread is in a timed call

    def wrap(self, part: str, function: Callable) -> Callable:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if getattr(self.local, "inside", False):
                return function(*args, **kwargs)
            self.local.inside, started = True, time.thread_time()
            self.calls[part] += 1
            try:
                result = function(*args, **kwargs)
                return list(result) if isinstance(result, Generator) else result  # its work is done while read
            finally:
                self.seconds[part] += time.thread_time() - started
                self.local.inside = False
        return timed


@contextmanager
def timed_parts() -> Iterator[Timers]:
    """While inside, the parts' functions are timed; the Timers hold their CPU seconds."""
    timers, undo = Timers(), []
    for part, names in MAIN_PARTS.items():
        for name in names:
            found = _lookup(name)
            if found is None:
                continue
            owner, attribute, function = found
            setattr(owner, attribute, timers.wrap(part, function))
            undo.append((owner, attribute, function))
    try:
        yield timers
    finally:
        for owner, attribute, function in reversed(undo):
            setattr(owner, attribute, function)


def _lookup(name: str) -> tuple[Any, str, Callable] | None:
    module_name, path = name.split(":")
    owner: Any = importlib.import_module(module_name)
    *parents, attribute = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent, None)
    function = owner.__dict__.get(attribute) if owner is not None else None
    return (owner, attribute, function) if callable(function) else None


def worker_parts(pages: list[tuple[str, bytes]], sample: int = 5) -> dict[str, float]:
    """CPU milliseconds per page of extraction and of packing (sha256, zlib), on every `sample`-th page."""
    from briefarc.models import RawPage
    from briefarc.pipeline import documents_of
    from briefarc.store.blobs import pack

    chosen = pages[::sample]
    raw = [RawPage(data=data, origin=url, url=url, content_type="text/html; charset=utf-8", headers={},
                   fetched_at="2026-01-01T00:00:00Z", live=True) for url, data in chosen]
    list(documents_of(raw[0]))  # imports and compiled patterns: a worker's start-up, not its pages
    started = time.process_time()
    for page in raw:
        list(documents_of(page))
    extraction = time.process_time() - started
    started = time.process_time()
    for page in raw:
        pack(page)
    packing = time.process_time() - started
    return {"extraction": extraction / len(raw) * 1000, "packing": packing / len(raw) * 1000}
