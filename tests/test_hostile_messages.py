"""Hostile sites, the messages of `briefarc fetch`: each test here failed before its fix (found by a helper's
hostile tests). A failure is reported once, as what it is, in text a terminal shows as it is written.

Responses no HTTP server library would send come from a raw socket server on 127.0.0.1 (RawSite, below);
the rest from tests/siteserver.py."""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator

import pytest

from tests import fixture_sites as fx
from tests import siteserver as ss

FAST = ("--delay", "0", "--timeout", "10", "--retries", "0")
RETRYING = ("--delay", "0", "--timeout", "10", "--retries", "2")  # a retried failure would be asked for 3 times
ROBOTS = b"User-agent: *\nDisallow:\n"


def answer(head: bytes, body: bytes = b"") -> bytes:
    """A response of a status line and header lines as given, then Content-Length and Connection: close."""
    return head + b"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body


def redirect(*locations: bytes, extra: bytes = b"") -> bytes:
    return answer(b"HTTP/1.1 302 Found" + b"".join(b"\r\nLocation: " + location for location in locations) + extra)


class RawSite:
    """A server on 127.0.0.1 that sends each path's bytes as they are, then closes the connection; robots.txt
    allows everything, an unknown path is a 404. `hits` lists the paths asked for, as sent."""

    def __init__(self, answers: dict[str, bytes]) -> None:
        self.answers = {"/robots.txt": answer(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain", ROBOTS), **answers}
        self.hits: list[str] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.sock.close()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:  # closed: the test is over
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            request = b""
            while b"\r\n\r\n" not in request:
                data = conn.recv(65536)
                if not data:
                    return
                request += data
            path = request.split(b" ", 2)[1].decode("latin-1")
            self.hits.append(path)
            conn.sendall(self.answers.get(path, answer(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html")))


@pytest.fixture
def raw() -> Iterator[Callable[[dict[str, bytes]], RawSite]]:
    started: list[RawSite] = []

    def make(answers: dict[str, bytes]) -> RawSite:
        started.append(RawSite(answers))
        return started[-1]

    yield make
    for server in started:
        server.close()


# -- 1, 2: a response that is not HTTP ---------------------------------------------------------------------------


@pytest.mark.parametrize(("response", "detail"), [
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nThis is not a header\r\nContent-Length: 2\r\n\r\nhi",
     'illegal header line: "This is not a header"'),
    (b"HTTP/1.1 OK\r\nContent-Length: 2\r\n\r\nhi", 'illegal status line: "HTTP/1.1 OK"'),
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhi\r\n0\r\n\r\n",
     'illegal chunk header: "zz"'),
])
def test_a_response_that_is_not_http_is_reported_once_as_such(cli, db_file, raw, response, detail):
    """It was retried as a broken connection ("the connection to … broke: illegal header line: bytearray(b'…'),
    after 3 attempts"): a server that does not speak HTTP sends the same bytes on every attempt."""
    server = raw({"/page": response})
    result = cli("fetch", server.url("/page"), "--db", db_file, *RETRYING)
    assert result.code == 1, result.stderr
    assert (f"failed: {server.url('/page')}: 127.0.0.1:{server.port} sent a response that is not valid HTTP "
            f"({detail})\n") in result.stderr
    assert server.hits.count("/page") == 1
    assert "broke" not in result.stderr and "attempts" not in result.stderr and "Traceback" not in result.stderr


def test_a_bad_status_line_is_shown_as_text_printable_and_short(cli, db_file, raw):
    """The message showed Python's repr, bytearray(b'\\xe4\\xbd\\xa0…'), of all 300 bytes of the line."""
    line = "你好 \x1b[31mred".encode() + b"\xff" + b"x" * 300
    server = raw({"/page": line + b"\r\nContent-Length: 2\r\n\r\nhi"})
    result = cli("fetch", server.url("/page"), "--db", db_file, *FAST)
    assert result.code == 1, result.stderr
    shown = "你好 ␛[31mred\ufffd" + "x" * 47 + "…"  # 60 characters of text, the escape made visible
    assert f'sent a response that is not valid HTTP (illegal status line: "{shown}")\n' in result.stderr
    assert "bytearray" not in result.stderr and "\\xe4" not in result.stderr and "\x1b" not in result.stderr


# -- 3: a redirect to port 0 -------------------------------------------------------------------------------------


def test_a_redirect_to_port_0_is_an_address_that_cannot_be_reached(cli, db_file, site):
    """Port 0 was dialled: "cannot connect to 127.0.0.1:0: Connection refused, after 3 attempts"."""
    fx.polite(site)
    site.route("/away", ss.redirect("http://127.0.0.1:0/x"))
    site.page("/good", ss.article("A good page"))
    result = cli("fetch", site.url("/away"), site.url("/good"), "--db", db_file, *RETRYING)
    assert result.code == 3, result.stderr
    assert (f"failed: {site.url('/away')}: cannot fetch http://127.0.0.1:0/x (redirected from {site.url('/away')}): "
            "port 0 is not a valid port: no server can be reached there\n") in result.stderr
    assert "refused" not in result.stderr and "attempts" not in result.stderr
    assert [row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()] == ["A good page"]


# -- 4: a private address is refused for good --------------------------------------------------------------------


def test_two_location_headers_that_disagree_are_an_ambiguous_redirect(cli, db_file, raw):
    """They were joined into one address that neither names, and that was followed: /a,%20/b, a 404 reported as
    "missing at the source (404, sent to http://…/a, /b)"."""
    server = raw({"/dup": redirect(b"/a", b"/b"), "/a": answer(b"HTTP/1.1 200 OK\r\nContent-Type: text/html",
                                                              ss.article("Page A"))})
    result = cli("fetch", server.url("/dup"), "--db", db_file, *FAST)
    assert result.code == 1, result.stderr
    assert (f"failed: {server.url('/dup')}: {server.url('/dup')} redirects to 2 different addresses at once "
            "(Location: /a; Location: /b): an ambiguous redirect, not followed\n") in result.stderr
    assert server.hits == ["/robots.txt", "/dup"]


@pytest.mark.parametrize("second", [b"/a", b"/a#top", b"absolute"])
def test_a_location_header_sent_twice_naming_one_address_is_followed(cli, db_file, raw, second):
    page = answer(b"HTTP/1.1 200 OK\r\nContent-Type: text/html", ss.article("Page A"))
    server = raw({"/a": page})
    server.answers["/dup"] = redirect(b"/a", server.url("/a").encode() if second == b"absolute" else second)
    result = cli("fetch", server.url("/dup"), "--db", db_file, *FAST)
    assert result.code == 0, result.stderr
    assert server.hits == ["/robots.txt", "/dup", "/a"]
    assert [row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()] == ["Page A"]


# -- 6: a Location outside ASCII ---------------------------------------------------------------------------------


def test_a_utf8_location_is_read_as_utf8_whatever_the_other_headers_hold(cli, db_file, raw):
    """Another header in Latin-1 made httpx read the whole block as Latin-1: /café was shown, and asked for, as
    /cafÃ©."""
    server = raw({"/go": redirect("/café".encode(), extra=b"\r\nX-Note: \xe9t\xe9")})
    result = cli("fetch", server.url("/go"), "--db", db_file, *FAST)
    assert result.code == 1, result.stderr
    assert f"failed: {server.url('/go')}: missing at the source (404, sent to {server.url('/café')})\n" in result.stderr
    assert server.hits == ["/robots.txt", "/go", "/caf%C3%A9"] and "Ã" not in result.stderr


def test_a_location_that_is_not_utf8_is_percent_encoded(cli, db_file, raw):
    """Bytes that are no UTF-8 were read as Latin-1 and sent as the UTF-8 of what Latin-1 made of them."""
    server = raw({"/go": redirect(b"/caf\xe9")})
    result = cli("fetch", server.url("/go"), "--db", db_file, *FAST)
    assert result.code == 1, result.stderr
    expected = f"failed: {server.url('/go')}: missing at the source (404, sent to {server.url('/caf%E9')})\n"
    assert expected in result.stderr
    assert server.hits == ["/robots.txt", "/go", "/caf%E9"]


def test_an_unreadable_utf8_location_is_shown_as_its_text(cli, db_file, raw):
    server = raw({"/go": redirect("http://[café]/".encode(), extra=b"\r\nX-Note: \xe9t\xe9")})
    result = cli("fetch", server.url("/go"), "--db", db_file, *FAST)
    assert result.code == 1, result.stderr
    assert (f"failed: {server.url('/go')}: {server.url('/go')} redirects to an address that cannot be read: "
            "'http://[café]/'\n") in result.stderr


@pytest.mark.parametrize("second", ["HTTP://EXAMPLE.ORG/a", "http://example.org:80/a", "//example.org/a#top"])
def test_locations_naming_one_address_in_other_letters_or_with_its_default_port_are_one(second):
    from briefarc.net.fetch import _Answer, _redirect_target

    answer = _Answer("http://example.org/dup", 302, {"location": "/a"}, locations=["/a", second])
    assert _redirect_target(answer, "http://example.org/dup") == "http://example.org/a"
