"""httpcore's connections straight on asyncio's transports: the bytes of a response reach httpcore without
anyio's layers (a cancel scope for every read and write, a table of attributes built for every lookup),
which cost more CPU than the HTTP parsing itself.

A connection is an asyncio Protocol that keeps what arrives until httpcore reads it (at most BUFFERED
bytes: beyond, the socket is no longer read until httpcore catches up), and the stream httpcore reads
and writes. Timeouts are timers on the waiting future; errors are httpcore's, with the OS or TLS error
as their cause.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
from collections import deque
from typing import Any

import httpcore
from httpcore._utils import is_socket_readable

BUFFERED = 256 * 1024  # bytes kept for httpcore before the socket is no longer read


class Wire(asyncio.Protocol):
    """One connection's incoming bytes and its state, as the event loop reports them."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.chunks: deque[bytes] = deque()
        self.size = 0
        self.ended = False  # the server closed its side, or the connection is lost
        self.error: BaseException | None = None
        self.waiter: asyncio.Future[None] | None = None  # a read waiting for bytes
        self.drained: asyncio.Future[None] | None = None  # a write waiting for the kernel to take more
        self.paused = False  # reading stopped: BUFFERED bytes are waiting
        self.full = False  # writing paused by the transport

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)
        self.size += len(data)
        if self.size > BUFFERED and not self.paused and self.transport is not None:
            self.paused = True
            self.transport.pause_reading()
        _wake(self.waiter)

    def eof_received(self) -> bool:
        self.ended = True
        _wake(self.waiter)
        return False  # close the transport

    def connection_lost(self, exc: Exception | None) -> None:
        self.ended, self.error = True, exc
        _wake(self.waiter)
        _wake(self.drained)

    def pause_writing(self) -> None:
        self.full = True

    def resume_writing(self) -> None:
        self.full = False
        _wake(self.drained)

    def take(self, most: int) -> bytes:
        chunk = self.chunks.popleft()
        if len(chunk) > most:
            chunk, rest = chunk[:most], chunk[most:]
            self.chunks.appendleft(rest)
        self.size -= len(chunk)
        if self.paused and self.size <= BUFFERED and self.transport is not None:
            self.paused = False
            self.transport.resume_reading()
        return chunk


def _wake(future: asyncio.Future[None] | None) -> None:
    if future is not None and not future.done():
        future.set_result(None)


def _expire(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_exception(TimeoutError())


async def _wait(wire: Wire, slot: str, timeout: float | None) -> None:
    """Wait for the wire to wake the future in `slot` ("waiter" or "drained"); TimeoutError after `timeout`."""
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    setattr(wire, slot, future)
    timer = loop.call_later(timeout, _expire, future) if timeout is not None else None
    try:
        await future
    finally:
        setattr(wire, slot, None)
        if timer is not None:
            timer.cancel()


class WireStream(httpcore.AsyncNetworkStream):
    """httpcore's view of one connection (plain, or TLS after `start_tls`)."""

    def __init__(self, transport: asyncio.Transport, wire: Wire) -> None:
        self.transport, self.wire = transport, wire

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        wire = self.wire
        if not wire.chunks and not wire.ended:
            try:
                await _wait(wire, "waiter", timeout)
            except TimeoutError as exc:
                raise httpcore.ReadTimeout("read timed out") from exc
        if wire.chunks:
            return wire.take(max_bytes)
        if wire.error is not None:
            raise httpcore.ReadError(str(wire.error) or type(wire.error).__name__) from wire.error
        return b""

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        wire = self.wire
        if wire.ended or self.transport.is_closing():
            raise httpcore.WriteError("the connection is closed") from wire.error
        self.transport.write(buffer)
        if wire.full:
            try:
                await _wait(wire, "drained", timeout)
            except TimeoutError as exc:
                raise httpcore.WriteTimeout("write timed out") from exc
            if wire.ended:
                raise httpcore.WriteError("the connection is closed") from wire.error

    async def aclose(self) -> None:
        self.transport.close()

    async def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(timeout):
                transport = await loop.start_tls(self.transport, self.wire, ssl_context,
                                                 server_hostname=server_hostname)
        except TimeoutError as exc:
            self.transport.close()
            raise httpcore.ConnectTimeout("TLS handshake timed out") from exc
        except (OSError, EOFError) as exc:  # ssl.SSLError is an OSError
            self.transport.close()
            raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
        if transport is None:
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        self.wire.transport = transport
        return WireStream(transport, self.wire)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # an idle kept-alive connection the server has closed
            wire = self.wire
            return bool(wire.chunks) or wire.ended or is_socket_readable(self.transport.get_extra_info("socket"))
        name = {"ssl_object": "ssl_object", "client_addr": "sockname", "server_addr": "peername",
                "socket": "socket"}.get(info)
        return self.transport.get_extra_info(name) if name else None


async def connect(host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                  socket_options: Any = None) -> WireStream:
    """A TCP connection to `host` (an address), as httpcore's backends make one."""
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            transport, wire = await loop.create_connection(
                Wire, host, port, local_addr=(local_address, 0) if local_address else None)
    except TimeoutError as exc:
        raise httpcore.ConnectTimeout("connect timed out") from exc
    except OSError as exc:
        raise httpcore.ConnectError(str(exc) or type(exc).__name__) from exc
    sock: socket.socket | None = transport.get_extra_info("socket")
    for option in socket_options or ():
        if sock is not None:
            sock.setsockopt(*option)
    return WireStream(transport, wire)
