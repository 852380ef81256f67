"""One GET through a site's client: straight to the transport briefarc made for it, when it made one.

httpx's client adds nothing a fetch uses on top of its transport but its default headers, timeouts and
cookies, and costs as much CPU per request as the HTTP parsing itself (the URL parsed and merged again,
auth and redirect machinery, a logging call, a stream wrapper). A request to briefarc's own transport is
built here with the client's headers, timeouts and cookies; any other goes through the client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx


@asynccontextmanager
async def exchange(client: httpx.AsyncClient, transport: httpx.AsyncBaseTransport | None, url: str,
                   headers: dict[str, str]) -> AsyncIterator[httpx.Response]:
    """The response to GET `url`, its body still to be read; closed on leaving."""
    if transport is None:
        async with client.stream("GET", url, headers=headers) as response:
            yield response
        return
    merged = client.headers.copy()
    merged.update(headers)
    request = httpx.Request("GET", url, headers=merged, extensions={"timeout": client.timeout.as_dict()})
    if client.cookies:
        client.cookies.set_cookie_header(request)
    response = await transport.handle_async_request(request)
    response.request = request
    try:
        if "set-cookie" in response.headers:
            client.cookies.extract_cookies(response)
        yield response
    finally:
        await response.aclose()
