"""Where a request may connect: no way in from a public page to a private network.

An address the user gave is fetched wherever it points. A request reached through a page (a redirect
from a public address, a link in a listing, feed or sitemap found on a public site) may not connect to
a loopback, link-local, private or multicast address, as browsers' private network access rule has it.
The rule is checked on the address the connection is made to: the host name is resolved once, the
addresses checked, and the connection made to a checked address (so a DNS answer that changes between
a check and the connection, "DNS rebinding", cannot slip through).
"""

from __future__ import annotations

import asyncio
import contextvars
import socket
import urllib.request
from dataclasses import dataclass, field
from functools import lru_cache
from ipaddress import IPv4Address, IPv6Address, ip_address, ip_network
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import httpcore
import httpx

from briefarc.net.wire import connect
from briefarc.urls import site_origin

if TYPE_CHECKING:
    import ssl
    from collections.abc import Callable

    from briefarc.net.direct import HTTPResponse

BLOCKED = tuple(ip_network(net) for net in (
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.168.0.0/16",  # this host, private, shared (carrier NAT), loopback, link-local
    "192.0.0.0/24", "198.18.0.0/15",  # IETF protocol assignments, benchmarking: never on the public internet
    "224.0.0.0/4", "240.0.0.0/4",  # multicast; reserved, with the broadcast address
    "::/96", "fc00::/7", "fe80::/10", "ff00::/8",  # unspecified, loopback and IPv4-compatible; unique local...
    "64:ff9b:1::/48",  # IPv4 through a NAT64 gateway of the local network (RFC 8215)
))
NAT64 = ip_network("64:ff9b::/96")  # IPv4 addresses reached through a NAT64 gateway (RFC 6052)
# The address the user gave (a source's URL, a URL on the command line) that the current task's requests
# come from: set by `briefarc fetch` for each source; a request for another address is reached through a page.
GIVEN_URL: contextvars.ContextVar[str | None] = contextvars.ContextVar("briefarc_given_url", default=None)
# Whether the request now being made may not reach a private address: set around each hop by the fetcher.
DENY_PRIVATE: contextvars.ContextVar[bool] = contextvars.ContextVar("briefarc_deny_private", default=False)


@lru_cache(maxsize=1024)
def is_private(address: str) -> bool:
    """Loopback, link-local, private (RFC 1918, unique local, shared), multicast or unspecified (kept per address:
    every response is checked, and a fetch meets few addresses)."""
    try:
        ip = ip_address(address.split("%", 1)[0].strip("[]"))
    except ValueError:
        return True  # not an address: nothing to vouch for it
    if isinstance(ip, IPv6Address):  # an IPv4 address carried inside IPv6 is judged as itself
        carried = ip.ipv4_mapped or ip.sixtofour or (IPv4Address(int(ip) & 0xFFFFFFFF) if ip in NAT64 else None)
        ip = carried or ip
    return any(ip.version == net.version and ip in net for net in BLOCKED)


def names_private(url: str) -> bool:
    """Whether a web address names a private network by itself, unresolved: localhost (or a name under
    .localhost, RFC 6761) or a literal address is_private refuses. A name that only resolves to one is not
    known without asking DNS: fetch's own check, at the connection, still holds for it."""
    from briefarc.urls import hostname

    host = hostname(url).rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip_address(host.strip("[]"))
    except ValueError:
        return False
    return is_private(host)


class PrivateAddress(Exception):
    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} is at a private address ({address})")
        self.host, self.address = host, address


@dataclass
class Network:
    """How a host name becomes the addresses to check and connect to. Tests replace `names` (host ->
    addresses) and `dial` (a checked address -> where to connect) to play public hosts on 127.0.0.1."""

    names: dict[str, list[str]] = field(default_factory=dict)
    dial: dict[str, str] = field(default_factory=dict)

    async def resolve(self, host: str, port: int) -> list[str]:
        if host in self.names:
            return self.names[host]
        try:
            return [str(ip_address(host.strip("[]")))]
        except ValueError:
            pass
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


class Reach:
    """For one fetcher: which requests are reached through a page at a public address, and whether each
    site's address is public (as connected to, else as resolved)."""

    def __init__(self, network: Network, allow_private: bool) -> None:
        self.network, self.allow_private = network, allow_private
        self.public: dict[str, bool] = {}  # origin -> its address is public

    async def through_public_page(self, url: str) -> bool:
        """Whether `url` is reached through a page at a public address (not given by the user)."""
        from briefarc.urls import normalize_url

        given = GIVEN_URL.get()
        if self.allow_private or given is None or normalize_url(given) == normalize_url(url):
            return False
        origin = site_origin(given)
        if origin not in self.public:
            self.public[origin] = await self._resolves_public(given)
        return self.public[origin]

    async def _resolves_public(self, url: str) -> bool:
        parts = urlsplit(url)
        try:
            addresses = await self.network.resolve(parts.hostname or "", parts.port or 0)
        except (OSError, ValueError):
            return True  # unknown: the stricter rule
        return not all(is_private(address) for address in addresses)

    def check_peer(self, url: str, response: HTTPResponse) -> bool:
        """Whether the answer came from a public address; a private one is refused where the rule holds
        (a kept-alive connection is checked here too)."""
        peer = peer_of(response)
        if peer is None:
            return False
        public = not is_private(peer)
        self.public[site_origin(url)] = public
        if not public and DENY_PRIVATE.get():
            raise PrivateAddress(urlsplit(url).hostname or url, peer)
        return public


    async def check_name(self, url: str) -> None:
        """Behind a proxy, which connects to the site itself: refuse a name that resolves to a private address
        here (the weaker check that is left when the connection is not ours)."""
        host = urlsplit(url).hostname or ""
        try:
            addresses = await self.network.resolve(host, 0)
        except OSError:
            return  # the proxy may know names this machine does not
        private = [address for address in addresses if is_private(address)]
        if private:
            raise PrivateAddress(host, private[0])


def proxied() -> bool:
    """Whether the environment names a proxy (httpx then connects to the proxy, not to the site)."""
    return any(scheme in urllib.request.getproxies() for scheme in ("http", "https", "all"))


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connections on asyncio's transports (briefarc.net.wire), only to addresses that pass the rule in force
    (DENY_PRIVATE)."""

    def __init__(self, network: Network) -> None:
        self.network = network

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self.network.resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        allowed = [a for a in addresses if not (DENY_PRIVATE.get() and is_private(a))]
        if not allowed:
            raise PrivateAddress(host, addresses[0] if addresses else "none")
        error: Exception | None = None
        for address in allowed:
            try:
                stream = await connect(self.network.dial.get(address, address), port, timeout=timeout,
                                       local_address=local_address, socket_options=socket_options)
            except httpcore.ConnectError as exc:
                error = exc
                continue
            return CheckedStream(stream, (address, port))
        raise error or httpcore.ConnectError(f"cannot connect to {host}")

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Any = None) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("briefarc does not fetch over Unix sockets")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class CheckedStream(httpcore.AsyncNetworkStream):
    """A connection that reports, as its server address, the address that was checked for it."""

    def __init__(self, inner: httpcore.AsyncNetworkStream, server: tuple[str, int]) -> None:
        self.inner, self.server = inner, server

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self.inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self.inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self.inner.aclose()

    async def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                        timeout: float | None = None) -> httpcore.AsyncNetworkStream:
        return CheckedStream(await self.inner.start_tls(ssl_context, server_hostname, timeout), self.server)

    def get_extra_info(self, info: str) -> Any:
        return self.server if info == "server_addr" else self.inner.get_extra_info(info)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over the guarded backend, through a lean pool (briefarc.net.pool: the fetcher's
    Throttle keeps a site's requests within bounds, and no request waits for a connection)."""

    def __init__(self, network: Network, *, tls: Callable[[], ssl.SSLContext], limits: httpx.Limits) -> None:
        """`tls()` gives the TLS context, asked for on the first https connection. httpx's own __init__ is not
        called: it makes a TLS context at once and httpcore's pool, which SitePool replaces (its methods read
        nothing but `_pool`)."""
        from briefarc.net.pool import SitePool

        self.pool = self._pool = SitePool(  # type: ignore[assignment]
            GuardedBackend(network), tls, max_idle=limits.max_keepalive_connections or 0,
            keepalive_expiry=limits.keepalive_expiry)


def peer_of(response: HTTPResponse) -> str | None:
    """The address the response came from (as checked when its connection was made)."""
    stream = response.extensions.get("network_stream")
    server = stream.get_extra_info("server_addr") if stream is not None else None
    return str(server[0]) if server else None
