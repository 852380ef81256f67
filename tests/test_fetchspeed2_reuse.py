"""Answers whose body the fetch does not want (robots.txt's 404, a redirect) still leave their connection for the
site's next request: the body is read and dropped. Left unread, the connection was closed with the response, and
every site with no robots.txt paid a second connection for its first page (a TLS handshake on https)."""

from __future__ import annotations

import asyncio
import socketserver
import threading
import time

import pytest

from briefarc.net.fetch import FetchConfig, Fetcher

PAGE = b"<html><head><title>Briefing</title></head><body><p>" + b"Words of the day. " * 40 + b"</p></body></html>"
NOT_FOUND = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>" + b"." * 900 + b"</body></html>"


class Counting(socketserver.ThreadingTCPServer):
    """HTTP/1.1 on 127.0.0.1 that counts the connections made to it; `answers` maps a path to (status, headers,
    body), any other path is PAGE."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, answers: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.answers = answers
        self.lock = threading.Lock()
        self.connections = 0
        self.paths: list[str] = []
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class Handler(socketserver.StreamRequestHandler):
    server: Counting

    def handle(self) -> None:
        with self.server.lock:
            self.server.connections += 1
        while True:
            head = b""
            while not head.endswith(b"\r\n\r\n"):
                line = self.rfile.readline()
                if not line:
                    return
                head += line
            path = head.split(b" ", 2)[1].decode()
            with self.server.lock:
                self.server.paths.append(path)
            status, headers, body = self.server.answers.get(path, (200, {"Content-Type": "text/html"}, PAGE))
            lines = [f"HTTP/1.1 {status} X", *(f"{k}: {v}" for k, v in headers.items()),
                     f"Content-Length: {len(body)}"]
            self.wfile.write("\r\n".join(lines).encode() + b"\r\n\r\n" + body)
            self.wfile.flush()


@pytest.fixture
def server():
    made: list[Counting] = []

    def make(answers: dict[str, tuple[int, dict[str, str], bytes]]) -> Counting:
        site = Counting(answers)
        site.thread.start()
        made.append(site)
        return site

    yield make
    for site in made:
        site.shutdown()
        site.server_close()


async def _one_by_one(urls: list[str]) -> list[int]:
    config = FetchConfig(delay=0.0, connect_timeout=2.0, read_timeout=2.0, retries=0)
    statuses = []
    async with Fetcher(config) as fetcher:
        for url in urls:
            statuses.append((await fetcher.get(url)).status)
            await asyncio.sleep(0.01)  # a connection the server closed would be seen closed by now
    return statuses


def test_a_robots_txt_answered_404_with_a_body_leaves_its_connection_for_the_pages(server):
    site = server({"/robots.txt": (404, {"Content-Type": "text/html"}, NOT_FOUND)})
    statuses = asyncio.run(_one_by_one([site.url(f"/briefings/{n}") for n in range(3)]))

    assert statuses == [200] * 3  # a missing robots.txt allows everything, as before
    assert site.paths == ["/robots.txt", "/briefings/0", "/briefings/1", "/briefings/2"]
    assert site.connections == 1


@pytest.mark.parametrize("status", [401, 403, 410])
def test_robots_txt_s_other_error_answers_leave_their_connection_too(server, status):
    site = server({"/robots.txt": (status, {"Content-Type": "text/plain"}, b"no robots here\n" * 20)})
    asyncio.run(_one_by_one([site.url("/briefings/0"), site.url("/briefings/1")]))

    assert site.connections == 1


def test_a_redirect_within_the_site_goes_on_down_the_same_connection(server):
    site = server({"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n"),
                   "/old": (301, {"Location": "/briefings/new", "Content-Type": "text/html"}, b"<p>Moved</p>" * 50)})
    statuses = asyncio.run(_one_by_one([site.url("/old"), site.url("/briefings/2")]))

    assert statuses == [200, 200]
    assert site.paths == ["/robots.txt", "/old", "/briefings/new", "/briefings/2"]
    assert site.connections == 1


def test_a_large_unwanted_body_is_not_read(server):
    """A 404 robots.txt that announces megabytes is not read for the connection's sake: closed, as before."""
    site = server({"/robots.txt": (404, {"Content-Type": "text/html"}, b"x" * (4 * 2**20))})
    started = time.monotonic()
    statuses = asyncio.run(_one_by_one([site.url("/briefings/0")]))

    assert statuses == [200]
    assert site.connections == 2
    assert time.monotonic() - started < 2.0


def test_conditional_requests_answered_304_go_on_down_one_connection(server):
    """A --refresh run asks again for every known page and most answer 304: each answer's end is read (h11 sees it
    only there), so the connection is kept; left unread, every page of such a run opened a connection of its own."""
    site = server({"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow:\n"),
                   **{f"/briefings/{n}": (304, {"ETag": '"v1"'}, b"") for n in range(4)}})

    async def conditional() -> list[int]:
        config = FetchConfig(delay=0.0, connect_timeout=2.0, read_timeout=2.0, retries=0)
        async with Fetcher(config) as fetcher:
            return [(await fetcher.get(site.url(f"/briefings/{n}"), etag='"v1"')).status for n in range(4)]

    assert asyncio.run(conditional()) == [304] * 4
    assert site.connections == 1
