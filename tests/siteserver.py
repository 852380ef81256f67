"""A real HTTP server for tests: fixture sites on 127.0.0.1, with faults on chosen paths.

    with SiteServer() as site:
        site.route("/a", fail_then(article("A")))      # 500, then the page
        site.route("/robots.txt", robots(disallow=["/private/"], crawl_delay=0.1))
        url = site.url("/a")

Each server listens on its own port, so several servers are several hosts to a client. Successive
requests for a path get the route's replies in turn; the last one repeats. Every request is recorded.
Bodies can be streamed (a 50 MB body or a gzip bomb is never held in memory).
"""

from __future__ import annotations

import os
import socket
import ssl
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

HTML = "text/html; charset=utf-8"
CHUNK = 64 * 1024


@dataclass
class Reply:
    """One answer. `stream` produces the body piece by piece; `length` overrides Content-Length."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    latency: float = 0.0  # seconds to wait before answering, on top of the server's own latency
    etag: str | None = None
    last_modified: str | None = None
    length: int | None = None  # announced Content-Length; larger than the body makes a truncated answer
    stream: Callable[[], Iterable[bytes]] | None = None  # sent chunked unless `length` is given
    reset: bool = False  # close the connection abruptly (TCP RST) instead of answering
    close: bool = False  # close the connection after answering


@dataclass
class Seen:
    """A request the server received."""

    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    at: float  # time.monotonic() on arrival
    done: float | None = None  # time.monotonic() when the answer was sent (None: never finished)
    # when sending began: the client may have the answer, and start another request, before `done`
    sending: float | None = None


class SiteServer:
    """A threaded HTTP/1.1 server on 127.0.0.1, one port, with routes set by the test."""

    def __init__(self, latency: float = 0.0, *, tls: ssl.SSLContext | None = None) -> None:
        self.latency = latency
        self.tls = tls
        self.routes: dict[str, list[Reply]] = {}
        self.requests: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests this server was answering at once
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- setup ---------------------------------------------------------------------------------------

    def route(self, path: str, *replies: Reply | list[Reply] | bytes) -> SiteServer:
        """Serve `path` (with its query string, if any) with these replies in turn; the last repeats.

        A reply given as bytes is a 200 HTML page with that body.
        """
        flat: list[Reply] = []
        for reply in replies:
            if isinstance(reply, bytes):
                reply = Reply(reply)
            flat.extend(reply if isinstance(reply, list) else [reply])
        with self._lock:
            self.routes[path] = flat or [Reply()]
            self._served[path] = 0
        return self

    def page(self, path: str, body: bytes | str, **options) -> SiteServer:
        data = body.encode() if isinstance(body, str) else body
        return self.route(path, Reply(body=data, **options))

    def start(self) -> SiteServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.site = self
        self._httpd.tls = self.tls
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- addresses and records -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._httpd is not None, "start the server first"
        return self._httpd.server_address[1]

    @property
    def host(self) -> str:
        """The host as a client names it: 127.0.0.1:port."""
        return f"127.0.0.1:{self.port}"

    def url(self, path: str = "/") -> str:
        return f"{'https' if self.tls else 'http'}://{self.host}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path == path)

    def paths(self) -> list[str]:
        return [seen.path for seen in self.requests]

    def next_reply(self, path: str) -> Reply | None:
        with self._lock:
            replies = self.routes.get(path)
            if replies is None:
                return None
            index = min(self._served[path], len(replies) - 1)
            self._served[path] += 1
            return replies[index]

    def arrived(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def sending(self, seen: Seen) -> None:
        """The answer starts to go out: from here the client may have it and make its next request."""
        with self._lock:
            seen.sending = time.monotonic()
            self.in_flight -= 1

    def finished(self, seen: Seen, completed: bool) -> None:
        with self._lock:
            if seen.sending is None:
                self.in_flight -= 1
            if completed:
                seen.done = seen.sending or time.monotonic()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    site: SiteServer
    tls: ssl.SSLContext | None = None

    def get_request(self):
        """With TLS, the handshake happens in the connection's own thread, on its first read."""
        sock, address = super().get_request()
        if self.tls is not None:
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up (a timeout, a size cap) is part of the test, not an error."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's
    # delayed ACK hold every small response back by about 40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args) -> None:
        pass

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def _answer(self, send_body: bool) -> None:
        site = self.server.site
        headers = {name.lower(): value for name, value in self.headers.items()}
        seen = Seen(self.command, self.path, headers, time.monotonic())
        site.arrived(seen)
        completed = False
        try:
            completed = self._reply(site, headers, send_body, seen)
        finally:
            site.finished(seen, completed)

    def _reply(self, site: SiteServer, headers: dict[str, str], send_body: bool, seen: Seen) -> bool:
        """Answer the request; False when the connection was reset instead."""
        reply = site.next_reply(self.path) or Reply(b"<html><title>404</title>no such page</html>", 404)
        wait = site.latency + reply.latency
        if wait:
            time.sleep(wait)
        site.sending(seen)
        if reply.reset:
            self._reset()
            return False
        if _not_modified(reply, headers):
            self._head(Reply(status=304, content_type=None, etag=reply.etag, last_modified=reply.last_modified), None)
        else:
            self._send(reply, send_body)
        self.wfile.flush()
        return True

    def _send(self, reply: Reply, send_body: bool) -> None:
        chunked = reply.stream is not None and reply.length is None
        length = None if chunked else (reply.length if reply.length is not None else len(reply.body))
        self._head(reply, length)
        if send_body and reply.stream is not None:
            self._stream(reply.stream(), chunked)
        elif send_body:
            self.wfile.write(reply.body)
        if reply.close or (reply.length is not None and reply.length > len(reply.body) and reply.stream is None):
            self.close_connection = True

    def _head(self, reply: Reply, length: int | None) -> None:
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        if reply.etag:
            self.send_header("ETag", reply.etag)
        if reply.last_modified:
            self.send_header("Last-Modified", reply.last_modified)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if length is None and reply.status != 304:
            self.send_header("Transfer-Encoding", "chunked")
        elif length is not None:
            self.send_header("Content-Length", str(length))
        if reply.close:
            self.send_header("Connection", "close")
        self.end_headers()

    def _stream(self, pieces: Iterable[bytes], chunked: bool) -> None:
        for piece in pieces:
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            else:
                self.wfile.write(piece)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def _reset(self) -> None:
        """Close the socket with SO_LINGER 0: the client sees a connection reset."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        os.close(self.connection.detach())
        self.close_connection = True


def _not_modified(reply: Reply, headers: dict[str, str]) -> bool:
    if reply.status != 200:
        return False
    if reply.etag and "if-none-match" in headers:
        tags = [tag.strip() for tag in headers["if-none-match"].split(",")]
        return reply.etag in tags or "*" in tags
    return bool(reply.last_modified and headers.get("if-modified-since") == reply.last_modified)


# -- pages ----------------------------------------------------------------------------------------------


def article(title: str, paragraphs: Iterable[str] = (), *, published: str = "2025-07-29") -> bytes:
    """A small, realistic briefing page."""
    paragraphs = list(paragraphs) or [
        f"{title}. The Spokesperson opened the briefing with an update on the Foreign Minister's visit.",
        "QUESTION: Can you tell us more about the talks? SPOKESPERSON: The talks were constructive.",
        "QUESTION: What comes next? SPOKESPERSON: Both sides agreed to meet again next month.",
    ]
    body = "\n".join(f"<p>{escape(text)}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="PubDate" content="{published}"></head>
<body><header><nav><a href="/">Home</a> <a href="/briefings/">Briefings</a></nav></header>
<main><article><h1>{escape(title)}</h1><p class="date">{published}</p>
{body}
</article></main><footer>[Print] [Close]</footer></body></html>
""".encode()


def not_found_page(title: str = "页面不存在", heading: str = "您访问的页面不存在") -> bytes:
    """A 'not found' page as sites send it with status 200."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}</title></head>
<body><div class="error"><h1>{escape(heading)}</h1><p><a href="/">返回首页</a></p></div></body></html>
""".encode()


def self_signed(folder: Path) -> ssl.SSLContext | None:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1; None without openssl."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    command = [
        "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def http_date(when: float | None = None) -> str:
    return formatdate(when if when is not None else time.time(), usegmt=True)


# -- faults ---------------------------------------------------------------------------------------------


def fail_then(body: bytes, failures: int = 1, status: int = 500) -> list[Reply]:
    """`failures` error answers, then the page."""
    return [Reply(b"<html><title>Server error</title></html>", status) for _ in range(failures)] + [Reply(body)]


def too_many_requests(retry_after: str = "1", then: bytes | None = None) -> list[Reply]:
    """429 with Retry-After, then the page (or 429 for ever)."""
    busy = Reply(b"slow down", 429, "text/plain", {"Retry-After": retry_after})
    return [busy] if then is None else [busy, Reply(then)]


def slow(seconds: float, body: bytes = b"<html><title>late</title></html>") -> Reply:
    """An answer that starts only after `seconds`: longer than a client's read timeout."""
    return Reply(body, latency=seconds)


def reset() -> Reply:
    return Reply(reset=True)


def truncated(body: bytes, sent: int | None = None) -> Reply:
    """Announces the whole body, sends only `sent` bytes of it, and closes the connection."""
    sent = len(body) // 2 if sent is None else sent
    return Reply(body[:sent], length=len(body), close=True)


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(b"", status, None, {"Location": location})


def huge(size: int = 50 * 2**20, *, announce: bool = True) -> Reply:
    """A body of `size` bytes, streamed; with `announce` it carries its Content-Length, else it is chunked."""
    def pieces() -> Iterator[bytes]:
        block = b"<p>" + b"x" * (CHUNK - 7) + b"</p>\n"
        left = size
        while left > 0:
            yield block[:left]
            left -= len(block)

    return Reply(stream=pieces, length=size if announce else None)


def gzip_bomb(size: int = 4 * 2**30) -> Reply:
    """Content-Encoding: gzip, a few MB on the wire that expand to `size` bytes of zeros (4 GB by default)."""
    return Reply(stream=lambda: _bomb(size), headers={"Content-Encoding": "gzip"})


def pdf() -> Reply:
    """A PDF where a page was expected."""
    data = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
    return Reply(data, content_type="application/pdf")


def robots(disallow: Iterable[str] = (), *, allow: Iterable[str] = (), crawl_delay: float | None = None,
           agent: str = "*") -> Reply:
    lines = [f"User-agent: {agent}"]
    lines += [f"Allow: {path}" for path in allow]
    lines += [f"Disallow: {path}" for path in disallow] or ["Disallow:"]
    if crawl_delay is not None:
        lines.append(f"Crawl-delay: {crawl_delay:g}")
    return Reply(("\n".join(lines) + "\n").encode(), content_type="text/plain")


_BOMB_BLOCK: bytes | None = None
_MB = bytes(2**20)


def _bomb(size: int) -> Iterator[bytes]:
    """A valid gzip stream of `size` zero bytes, made from one compressed 1 MB block repeated."""
    global _BOMB_BLOCK
    if _BOMB_BLOCK is None:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        _BOMB_BLOCK = compressor.compress(_MB) + compressor.flush(zlib.Z_FULL_FLUSH)
    yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    crc = 0
    blocks = size // len(_MB)
    for _ in range(blocks):
        crc = zlib.crc32(_MB, crc)
        yield _BOMB_BLOCK
    yield zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)
    yield struct.pack("<II", crc, (blocks * len(_MB)) & 0xFFFFFFFF)


class Blackhole:
    """An address that accepts no connection: its listen queue is full, so a client's connect times out."""

    def __init__(self) -> None:
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(0)
        self.port = self._listener.getsockname()[1]
        self._fillers: list[socket.socket] = []
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", self.port))
            self._fillers.append(filler)
        time.sleep(0.05)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        for sock in (*self._fillers, self._listener):
            sock.close()

    def __enter__(self) -> Blackhole:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens: connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def peak_overlap(requests: Iterable[Seen]) -> int:
    """The most requests in progress at one moment, across servers (finished requests only)."""
    events = []
    for seen in requests:
        if seen.done is not None:
            events += [(seen.at, 1), (seen.done, -1)]
    peak = current = 0
    for _, step in sorted(events, key=lambda event: (event[0], event[1])):
        current += step
        peak = max(peak, current)
    return peak


# -- fixtures -------------------------------------------------------------------------------------------


@pytest.fixture
def site() -> Iterator[SiteServer]:
    """One fixture site on 127.0.0.1."""
    with SiteServer() as server:
        yield server


@pytest.fixture
def sites() -> Iterator[Callable[..., list[SiteServer]]]:
    """Make several sites (several hosts to a client): `sites(3, latency=0.05)`."""
    started: list[SiteServer] = []

    def make(count: int = 2, latency: float = 0.0) -> list[SiteServer]:
        servers = [SiteServer(latency).start() for _ in range(count)]
        started.extend(servers)
        return servers

    yield make
    for server in started:
        server.stop()
