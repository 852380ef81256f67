"""The fetcher's own pool of connections (briefarc.net.pool): kept alive between a site's requests, never more
than the requests in flight, a connection the server closed never reused, every one closed with the fetcher."""

from __future__ import annotations

import asyncio
import socket
import socketserver
import threading
import time
from collections.abc import Callable

import pytest

from briefarc.net.fetch import FetchConfig, Fetcher
from tests.processes import PATIENCE

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
PAGE = b"<html><head><title>Briefing</title></head><body><p>" + b"Words of the day. " * 40 + b"</p></body></html>"


class Counting(socketserver.ThreadingTCPServer):
    """An HTTP/1.1 server on 127.0.0.1 that counts the connections made to it and how many are open."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, *, close_after: bool = False, latency: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.close_after, self.latency = close_after, latency
        self.lock = threading.Lock()
        self.connections = self.open = self.most_open = self.requests = 0
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def opened(self, change: int) -> None:
        with self.lock:
            self.open += change
            if change > 0:
                self.connections += 1
                self.most_open = max(self.most_open, self.open)


class Handler(socketserver.StreamRequestHandler):
    server: Counting

    def handle(self) -> None:
        import time

        self.server.opened(1)
        try:
            while True:
                head = b""
                while not head.endswith(b"\r\n\r\n"):
                    line = self.rfile.readline()
                    if not line:
                        return
                    head += line
                with self.server.lock:
                    self.server.requests += 1
                time.sleep(self.server.latency)
                robots = head.startswith(b"GET /robots.txt")
                body, kind = (ROBOTS, b"text/plain") if robots else (PAGE, b"text/html; charset=utf-8")
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: " + kind + b"\r\nContent-Length: "
                                 + str(len(body)).encode() + b"\r\n\r\n" + body)
                self.wfile.flush()
                if self.server.close_after:  # closed without a word: the client finds out on its next request
                    self.connection.shutdown(socket.SHUT_RDWR)  # before `open` says so
                    return
        finally:
            self.server.opened(-1)


@pytest.fixture
def server():
    servers: list[Counting] = []

    def make(**options) -> Counting:
        made = Counting(**options)
        made.thread.start()
        servers.append(made)
        return made

    yield make
    for made in servers:
        made.shutdown()
        made.server_close()


def config(**changes) -> FetchConfig:
    return FetchConfig(**{"delay": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0, "retries": 0, **changes})


async def _one_by_one(urls: list[str], cfg: FetchConfig, settled: Callable[[], bool] | None = None) -> list[int]:
    """Each URL's status, asked one after another; with `settled`, the next asked once it is true."""
    statuses = []
    async with Fetcher(cfg) as fetcher:
        for url in urls:
            statuses.append((await fetcher.get(url)).status)
            deadline = time.monotonic() + PATIENCE
            while settled is not None and not settled() and time.monotonic() < deadline:
                await asyncio.sleep(0.005)
    return statuses


async def _together(urls: list[str], cfg: FetchConfig) -> list[int]:
    async with Fetcher(cfg) as fetcher:
        return [response.status for response in await asyncio.gather(*(fetcher.get(url) for url in urls))]


def test_a_sites_requests_one_after_another_go_down_one_connection(server):
    site = server()
    statuses = asyncio.run(_one_by_one([site.url(f"/briefings/{n}") for n in range(12)], config()))

    assert statuses == [200] * 12
    assert site.requests == 13  # robots.txt, then the pages
    assert site.connections == 1


def test_a_connection_the_server_closed_is_not_reused(server):
    site = server(close_after=True)
    # each request once the server has closed the last one's connection (a request sent at the very moment the
    # server closes fails on any keep-alive client: the fetch's retries are there for that). A pause of 50 ms
    # stood for that wait, and fell short on a loaded machine. robots.txt is not asked: the first page's request
    # followed it down its connection as the server closed it, with no wait between them.
    statuses = asyncio.run(_one_by_one([site.url(f"/briefings/{n}") for n in range(6)],
                                       config(respect_robots=False), settled=lambda: site.open == 0))

    assert statuses == [200] * 6  # no request failed on a connection found closed
    assert site.connections == 6


def test_requests_in_flight_together_open_no_more_connections_than_allowed(server):
    site = server(latency=0.05)
    urls = [site.url(f"/briefings/{n}") for n in range(24)]
    statuses = asyncio.run(_together(urls, config(per_host=3, total=8)))

    assert statuses == [200] * 24
    assert site.most_open <= 3
    assert site.connections <= 4  # robots.txt's own, and at most three for the pages


def test_every_connection_is_closed_when_the_fetcher_ends(server):
    import time

    sites = [server(latency=0.02) for _ in range(2)]
    urls = [site.url(f"/briefings/{n}") for site in sites for n in range(8)]
    asyncio.run(_together(urls, config(per_host=4, total=8)))

    deadline = time.monotonic() + 5
    while any(site.open for site in sites) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert [site.open for site in sites] == [0, 0]


FETCH_AND_LIST_ANYIO = """
import asyncio, sys
from briefarc.net.fetch import FetchConfig, Fetcher

async def main(urls):
    async with Fetcher(FetchConfig(delay=0.0, retries=0, respect_robots=False)) as fetcher:
        return [(await fetcher.get(url)).status for url in urls]

print(asyncio.run(main(sys.argv[1:])), sorted(name for name in sys.modules if name.startswith("anyio._backends")))
"""


def test_a_fetch_takes_no_anyio_lock_on_its_connections(server):
    """httpcore keeps a connection's lock in a private attribute, which the pool replaces with asyncio's: were it
    renamed, the replacement would go unnoticed and anyio's lock (and its asyncio backend) would be back."""
    import subprocess
    import sys

    site = server()
    urls = [site.url(f"/briefings/{n}") for n in range(3)]
    done = subprocess.run([sys.executable, "-c", FETCH_AND_LIST_ANYIO, *urls], capture_output=True, text=True,
                          timeout=PATIENCE, check=True)
    assert done.stdout.split() == ["[200,", "200,", "200]", "[]"]
    assert site.connections == 1
