"""One site's HTTP/1.1 connections, kept alive between its requests: httpcore's connections without its pool.

httpcore's pool, at every request and every response closed, walks all its connections and queued requests,
asks each idle connection's socket whether the server closed it, and takes an anyio lock; with the connection
that wraps each HTTP/1.1 connection (another lock), that cost about as much CPU as parsing the HTTP itself.
A fetch needs less of it: its Throttle already keeps a site's requests within --per-host, so a request never
waits for a connection here. It takes an idle connection that is still open, or makes a new one; the response,
once closed, gives its connection back (at most `max_idle` are kept, each for `keepalive_expiry` seconds).
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpcore

Key = tuple[bytes, bytes, int]


def _key(origin: httpcore.Origin) -> Key:
    return origin.scheme, origin.host, origin.port


class SitePool:
    """Connections by origin: each request on an idle one that is still open, else on a new one."""

    def __init__(self, backend: httpcore.AsyncNetworkBackend, tls: Callable[[], ssl.SSLContext] | None, *,
                 max_idle: int, keepalive_expiry: float | None) -> None:
        """`tls()` gives the TLS context, asked for on the first https connection (None: ssl's default context)."""
        self.backend, self.tls = backend, tls
        self.ssl_context: ssl.SSLContext | None = None
        self.max_idle, self.keepalive_expiry = max(0, max_idle), keepalive_expiry
        self.idle: dict[Key, list[httpcore.AsyncHTTP11Connection]] = {}  # by (scheme, host, port)
        self.open: set[httpcore.AsyncHTTP11Connection] = set()  # idle or in use: closed with the pool

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        origin = request.url.origin
        if origin.scheme not in (b"http", b"https"):
            raise httpcore.UnsupportedProtocol(f"briefarc does not fetch {origin.scheme.decode()}: addresses")
        while True:
            connection = await self._idle_connection(_key(origin)) or await self._connect(request, origin)
            try:
                response = await connection.handle_async_request(request)
            except httpcore.ConnectionNotAvailable:  # closed meanwhile: another connection takes the request
                self.open.discard(connection)
                continue
            except BaseException:
                await self._release(connection)
                raise
            return httpcore.Response(status=response.status, headers=response.headers,
                                     content=Released(response.stream, self, connection),
                                     extensions=response.extensions)

    async def _idle_connection(self, key: Key) -> httpcore.AsyncHTTP11Connection | None:
        """The most recently used idle connection to `key` that is open and not expired; those that are, closed."""
        idle = self.idle.get(key)
        while idle:
            connection = idle.pop()
            if connection.is_idle() and not connection.has_expired():
                return connection
            await self._close(connection)
        return None

    async def _connect(self, request: httpcore.Request, origin: httpcore.Origin) -> httpcore.AsyncHTTP11Connection:
        timeout = request.extensions.get("timeout", {}).get("connect")
        host = origin.host.decode("ascii")
        stream = await self.backend.connect_tcp(host=host, port=origin.port, timeout=timeout)
        if origin.scheme == b"https":
            try:
                stream = await stream.start_tls(self._tls(), server_hostname=request.extensions.get("sni_hostname")
                                                or host, timeout=timeout)
            except BaseException:
                await stream.aclose()
                raise
        connection = httpcore.AsyncHTTP11Connection(origin=origin, stream=stream,
                                                    keepalive_expiry=self.keepalive_expiry)
        # httpcore's lock (anyio's, found through sniffio) yields to the event loop at every acquire, twice a request
        # (a turn of the loop resuming the whole chain of coroutines each time) and costs 9 µs where asyncio's costs
        # 0.5; it guards state changes that never wait inside it, and asyncio's guards them as well
        connection._state_lock = asyncio.Lock()  # type: ignore[assignment]  # noqa: SLF001
        self.open.add(connection)
        return connection

    def _tls(self) -> ssl.SSLContext:
        if self.ssl_context is None:
            self.ssl_context = self.tls() if self.tls is not None else ssl.create_default_context()
            self.ssl_context.set_alpn_protocols(["http/1.1"])  # as httpcore's connections ask, without HTTP/2
        return self.ssl_context

    async def _release(self, connection: httpcore.AsyncHTTP11Connection) -> None:
        """A response is closed: its connection waits for the next request, or is closed."""
        idle = self.idle.setdefault(_key(connection._origin), [])  # noqa: SLF001 - httpcore keeps the origin there
        if connection.is_idle() and len(idle) < self.max_idle:
            idle.append(connection)
        else:
            await self._close(connection)

    async def _close(self, connection: httpcore.AsyncHTTP11Connection) -> None:
        self.open.discard(connection)
        if not connection.is_closed():
            await connection.aclose()

    async def aclose(self) -> None:
        connections, self.open, self.idle = list(self.open), set(), {}
        for connection in connections:
            await connection.aclose()

    async def __aenter__(self) -> SitePool:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class Released:
    """A response's body, as it arrives; closing it hands the connection back to the pool."""

    def __init__(self, stream: Any, pool: SitePool, connection: httpcore.AsyncHTTP11Connection) -> None:
        self.stream, self.pool, self.connection = stream, pool, connection
        self.closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self.stream:
                yield part
        except BaseException:
            await self.aclose()
            raise

    async def aclose(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            await self.stream.aclose()
        finally:
            await self.pool._release(self.connection)  # noqa: SLF001 - the pool's own stream
