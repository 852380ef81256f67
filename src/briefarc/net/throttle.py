"""Politeness limits: requests in flight per host and overall, and spacing between starts on a host."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Host:
    """One host's limits: a semaphore for requests in flight and the earliest time the next may start."""

    def __init__(self, limit: int, delay: float) -> None:
        self.slots = asyncio.Semaphore(limit)
        self.delay = delay
        self.last_start = 0.0
        self.next_start = 0.0

    def wait_time(self, now: float) -> float:
        return max(0.0, self.next_start - now)


class Throttle:
    """Hands out the right to start a request: per-host limit, then the start spacing, then the global limit.

    A request waits for its host's turn before it takes a global slot, so a slow or crawl-delayed host
    never holds slots that other hosts could use.
    """

    def __init__(self, per_host: int, total: int, delay: float) -> None:
        self.per_host = max(1, per_host)
        self.delay = max(0.0, delay)
        self.total = asyncio.Semaphore(max(1, total))
        self.hosts: dict[str, Host] = {}

    def host(self, key: str) -> Host:
        if key not in self.hosts:
            self.hosts[key] = Host(self.per_host, self.delay)
        return self.hosts[key]

    def slow_down(self, key: str, delay: float) -> None:
        """Space this host's request starts by at least `delay` seconds (robots.txt Crawl-delay)."""
        host = self.host(key)
        host.delay = max(host.delay, delay)
        if host.last_start:
            host.next_start = max(host.next_start, host.last_start + host.delay)

    def pause(self, key: str, seconds: float) -> None:
        """Start nothing more on this host for `seconds` (a Retry-After)."""
        host = self.host(key)
        loop = asyncio.get_running_loop()
        host.next_start = max(host.next_start, loop.time() + seconds)

    @asynccontextmanager
    async def slot(self, key: str) -> AsyncIterator[None]:
        host = self.host(key)
        loop = asyncio.get_running_loop()
        async with host.slots:
            while True:
                wait = host.wait_time(loop.time())
                if wait:
                    await asyncio.sleep(wait)
                await self.total.acquire()
                now = loop.time()
                if not host.wait_time(now):
                    host.last_start, host.next_start = now, now + host.delay
                    break
                self.total.release()  # another request of this host started first: wait again
            try:
                yield
            finally:
                self.total.release()
