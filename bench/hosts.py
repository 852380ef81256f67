"""Lean stand-ins for remote web hosts, for bench/fetch.py.

Each host is an asyncio HTTP/1.1 server on 127.0.0.1 that answers GET requests for fixed paths with
prepared bytes after a fixed latency, keeping connections alive. On the real network the hosts'
work happens on other machines; here it shares the client's cores, so it is kept as small as it
can be (the threaded test server of tests/siteserver.py spends several milliseconds of CPU on each
response, more than the client, which would measure the stand-in rather than briefarc).
"""

from __future__ import annotations

import asyncio

NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"


def response(body: bytes, content_type: str) -> bytes:
    head = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
            "Connection: keep-alive\r\n\r\n")
    return head.encode() + body


class Host:
    """One host: `routes` maps a path to the whole response (see `response`)."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.routes: dict[str, bytes] = {}
        self.port = 0
        self._server: asyncio.Server | None = None

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = response(body, content_type)

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                await asyncio.sleep(self.latency)
                writer.write(self.routes.get(path, NOT_FOUND))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, IndexError):
            pass
        finally:
            writer.close()
