"""One GET through a site's client: straight to the connection pool briefarc made for it, when it made one.

httpx's client and transport add nothing a fetch uses on top of the pool (briefarc.net.pool) but its default headers,
timeouts and cookies, and cost as much CPU per request as the HTTP parsing itself (the URL parsed and
merged again, its headers copied twice, auth and redirect machinery, a logging call, request and response
models wrapped around httpcore's). A request to briefarc's own pool is built here from the client's headers
and timeouts, and its answer is a `Reply` with the parts of httpx's Response that a fetch reads. A site
that has set cookies, an address httpx would rewrite, and any other transport go through httpx as before.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, Protocol

import httpcore
import httpx
from httpx._transports.default import map_httpcore_exceptions  # httpcore's errors as httpx's (httpx >= 0.24)

from briefarc.net.pool import SitePool

# An address httpx would send as it is: http(s), a plain host name or IPv4 address, characters that need no
# percent-encoding in a path that starts with / or ?. Any other (IDNA, IPv6, user info, spaces, a lone %) is
# parsed by httpx: without the / or ?, user:pw@host read as the host "user" and the rest as its path.
PLAIN_URL = re.compile(r"(https?)://([a-z0-9.-]+)(?::([0-9]{1,5}))?"
                       r"((?:[/?](?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?)", re.ASCII)
DEFAULT_PORTS = {"http": 80, "https": 443}


class HTTPResponse(Protocol):
    """What a fetch reads of a response: httpx's Response, or a Reply."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> httpx.Headers: ...
    @property
    def extensions(self) -> Mapping[str, Any]: ...
    @property
    def num_bytes_downloaded(self) -> int: ...
    def aiter_raw(self) -> AsyncIterator[bytes]: ...


class Reply:
    """httpcore's response as a fetch reads it: the status, the headers (httpx's Headers: names in any case,
    repeated ones joined with ", "), and the body as it arrives (gzip left to the reader)."""

    def __init__(self, response: httpcore.Response) -> None:
        self.status_code = response.status
        self.headers = httpx.Headers(response.headers)
        self.extensions = response.extensions
        self.stream = response.stream
        self.num_bytes_downloaded = 0

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        with map_httpcore_exceptions():
            async for chunk in self.stream:  # type: ignore[union-attr]
                self.num_bytes_downloaded += len(chunk)
                yield chunk

    async def aclose(self) -> None:
        with map_httpcore_exceptions():
            await self.stream.aclose()  # type: ignore[union-attr]


@asynccontextmanager
async def exchange(client: httpx.AsyncClient, pool: SitePool | None, url: str,
                   headers: dict[str, str]) -> AsyncIterator[HTTPResponse]:
    """The response to GET `url`, its body still to be read; closed on leaving."""
    target = _target(url) if pool is not None else None
    if target is None or client.cookies:
        async with client.stream("GET", url, headers=headers) as response:
            yield response
        return
    assert pool is not None
    request = httpcore.Request("GET", target, headers=_request_headers(client, target, headers),
                               extensions={"timeout": client.timeout.as_dict()})
    with map_httpcore_exceptions():
        reply = Reply(await pool.handle_async_request(request))
    try:
        if "set-cookie" in reply.headers:
            client.cookies.extract_cookies(httpx.Response(reply.status_code, headers=reply.headers,
                                                          request=httpx.Request("GET", url)))
        yield reply
    finally:
        await reply.aclose()


def _target(url: str) -> httpcore.URL | None:
    """httpcore's URL for an address httpx would send unchanged; None for any other."""
    match = PLAIN_URL.fullmatch(url.split("#", 1)[0])
    if match is None:
        return None
    scheme, host, port, path = match.groups()
    number = int(port) if port else None
    if number == DEFAULT_PORTS[scheme]:
        number = None
    return httpcore.URL(scheme=scheme, host=host, port=number, target=path if path.startswith("/") else "/" + path)


def _request_headers(client: httpx.AsyncClient, target: httpcore.URL, headers: dict[str, str]) -> list:
    """Host, the client's headers but those the request names, then the request's (as httpx merges them)."""
    host = target.host + (b":%d" % target.port if target.port is not None else b"")
    own = [(name.encode(), value.encode()) for name, value in headers.items()]
    named = {name.lower() for name, _ in own}
    return [(b"Host", host), *((k, v) for k, v in client.headers.raw if k.lower() not in named), *own]

