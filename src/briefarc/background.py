"""An executor of one daemon thread: calls run in order, and a program that ends does not wait for the one
running (Python joins a ThreadPoolExecutor's threads at exit: Ctrl-C during a fetch waited for the page on the
extraction thread, up to 20 s on a huge one, before the process ended).

Only for work with no effect beyond its result (reading a page): a call cut off at exit leaves nothing half done.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any


class DaemonThread(Executor):
    def __init__(self, name: str) -> None:
        self._calls: queue.SimpleQueue[tuple[Future, Callable[..., Any], tuple, dict]] = queue.SimpleQueue()
        threading.Thread(target=self._serve, name=name, daemon=True).start()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        self._calls.put((future, fn, args, kwargs))
        return future

    def _serve(self) -> None:
        while True:
            future, fn, args, kwargs = self._calls.get()
            if future.set_running_or_notify_cancel():  # a call whose caller was cancelled before it began is dropped
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:  # noqa: BLE001 - the caller's to see, as a ThreadPoolExecutor does
                    future.set_exception(exc)
            del future, fn, args, kwargs  # a page is not held while the thread waits for the next
