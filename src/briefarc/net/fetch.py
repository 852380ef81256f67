"""The polite HTTP client: robots.txt, per-host and global limits, timeouts, retries, size caps.

No HTML, no DB. One `Fetcher` per run:

    async with Fetcher(FetchConfig(contact="me@example.org"), on_request=log) as fetcher:
        response = await fetcher.get(url, etag=old_etag)

Its parts: robots.py (robots.txt rules), throttle.py (limits and spacing), inflate.py (capped
gzip/deflate decoding), mediatypes.py (accepted types, binary sniffing), failures.py (FetchFailure and
its one-line messages), missing.py (200 pages that mean "not found"), locations.py (a response's headers, each
Location decoded on its own).
"""

from __future__ import annotations

import asyncio
import random
import ssl
import time
from collections.abc import Callable, Coroutine
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpx

from briefarc import __version__
from briefarc.limits import MAX_PAGE_BYTES
from briefarc.net.addresses import (
    DENY_PRIVATE,
    GIVEN_URL,
    GuardedTransport,
    Network,
    PrivateAddress,
    Reach,
    proxied,
)
from briefarc.net.cookies import CappedJar
from briefarc.net.direct import HTTPResponse, exchange
from briefarc.net.failures import (
    FetchFailure,
    after_attempts,
    ambiguous_redirect,
    bad_redirect,
    closed_host,
    disallowed,
    failure_of,
    for_page,
    not_web,
    private_address,
    retry_after,
    robots_unreachable,
    robots_unreadable,
    status_failure,
    too_large,
    undecodable,
    unreadable_redirect,
    waits_too_long,
)
from briefarc.net.inflate import ENCODINGS, InflateError, Inflater, describe_size
from briefarc.net.locations import read_headers
from briefarc.net.mediatypes import (
    ANY_DOCUMENT_TYPES,
    FEED_TYPES,
    HTML_TYPES,
    JSON_TYPES,
    SITEMAP_TYPES,
    check_sniffed,
    check_type,
)
from briefarc.net.missing import looks_missing
from briefarc.net.pool import SitePool
from briefarc.net.robots import MAX_ROBOTS_BYTES, Robots, parse, product_token
from briefarc.net.throttle import Throttle
from briefarc.urls import credentials, host_with_port, normalize_url, site_origin

__all__ = [
    "ANY_DOCUMENT_TYPES", "FEED_TYPES", "GIVEN_URL", "HTML_TYPES", "JSON_TYPES", "FetchConfig", "FetchFailure",
    "Fetcher", "RequestRecord", "Response", "looks_missing", "run",
]

HOME = "https://github.com/briefarc/briefarc"
REDIRECTS = (301, 302, 303, 307, 308)
GONE = (404, 410)
RETRIED = ("timeout", "connect", "truncated")  # failures worth another attempt
UNREACHABLE = (*RETRIED, "tls", "dns")  # robots.txt failures that close the site (RFC 9309 §2.3.1.4)
DRAIN_BYTES = 64 * 1024  # an unwanted body read (and dropped) to keep its connection, at most
DRAIN_SECONDS = 1.0
INTERRUPTED = "interrupted (Ctrl-C) before the answer came"  # a request in flight at Ctrl-C, in the log

T = TypeVar("T")


@dataclass
class FetchConfig:
    user_agent: str | None = None  # None: briefarc's own, naming the project and the contact
    contact: str | None = None  # an e-mail or URL site owners can reach the user at
    per_host: int = 2  # concurrent requests per host (host:port)
    total: int = 8  # concurrent requests overall
    delay: float = 1.0  # minimum seconds between request starts on one host; Crawl-delay raises it
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0  # per attempt, the whole response
    retries: int = 3  # extra attempts after the first
    backoff: float = 1.0  # base of the exponential backoff, with jitter
    max_backoff: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After is a failure, not a wait
    max_redirects: int = 5
    max_bytes: int = MAX_PAGE_BYTES  # bytes on the wire, and of a page once decoded
    max_decompressed: int = 50 * 2**20  # bytes of a sitemap after gzip/deflate decoding (the protocol's limit)
    respect_robots: bool = True
    verify_tls: bool = True
    allow_private: bool = False  # let pages lead from public addresses to private ones (an intranet archive)
    network: Network | None = None  # how host names resolve (tests play public hosts on 127.0.0.1)
    # Authorization headers by site (scheme://host:port): the user name and password of an address typed with
    # them, sent to its site alone, and kept out of the address that is stored (briefarc.urls.credentials)
    credentials: dict[str, str] = field(default_factory=dict)

    @property
    def agent(self) -> str:
        if self.user_agent:
            return self.user_agent
        contact = header_text(self.contact or "")
        return f"briefarc/{__version__} (+{HOME}" + (f"; contact: {contact})" if contact else ")")


def header_text(text: str) -> str:
    """Text for a header value: control characters as spaces, runs of white space as one, and letters outside
    ASCII percent-encoded (`--contact "Zoë Smith"`: a header carries ASCII only, and every request failed as an
    internal error, UnicodeEncodeError)."""
    from urllib.parse import quote

    visible = "".join(" " if char < " " or "\x7f" <= char <= "\x9f" else char for char in text)
    words = " ".join(visible.split())
    return "".join(char if char.isascii() else quote(char, errors="surrogateescape") for char in words)


@dataclass
class Response:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # lower-case names
    data: bytes  # decoded (gzip/deflate removed)
    content_type: str | None
    elapsed: float  # seconds from the call to the answer, retries and waits included
    attempts: int  # requests made for this answer, redirects included, robots.txt not
    moved: int | None = None  # the status (301, 308) when every redirect to `final_url` said it moved for good

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class RequestRecord:
    """One attempt, for the request log: robots.txt fetches and retries included."""

    url: str
    status: int | None
    bytes: int  # received on the wire
    duration: float
    attempt: int
    error: str | None
    at: str  # ISO 8601 UTC, when the attempt started


@dataclass
class _Answer:
    """What one request brought back, before redirects and statuses are judged."""

    url: str
    status: int
    headers: dict[str, str]
    data: bytes = b""
    attempts: int = 1
    public: bool = False  # it came from a public address
    locations: list[str] = field(default_factory=list)  # its distinct Location values


@dataclass
class _Limits:
    max_bytes: int  # on the wire
    max_decoded: int  # once gzip/deflate is taken off
    accept: tuple[str, ...] | None
    read_body: tuple[int, ...] = GONE  # non-2xx statuses whose body is wanted
    what: str = "not a page"  # what a response past the limit is said to be


class Fetcher:
    def __init__(
        self,
        config: FetchConfig | None = None,
        *,
        on_request: Callable[[RequestRecord], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.config = config or FetchConfig()
        self.on_request = on_request
        self.agent = self.config.agent
        self.token = product_token(self.agent)
        self._transport = transport
        # one per site and rule (private addresses denied or not), opened by `async with`; with the transport
        # briefarc made for it (none behind a proxy or with the transport given)
        self._clients: dict[tuple[str, bool], tuple[httpx.AsyncClient, SitePool | None]] | None = None
        # one TLS context for all the clients, made on the first https connection: loading the CA bundle costs tens
        # of milliseconds of CPU, which a fetch of http:// sites alone never needs
        self._tls: ssl.SSLContext | None = None
        self._throttle = Throttle(self.config.per_host, self.config.total, self.config.delay)
        self._robots: dict[str, Robots] = {}  # per site (scheme://host:port), for the Fetcher's life
        self._robots_locks: dict[str, asyncio.Lock] = {}
        self._left_out: set[str] = set()  # pages robots.txt forbids, logged once each
        # hosts (host:port) that kept answering 429, or asked to wait longer than the limit: the failure that closed
        # each, for the Fetcher's life (a run); and the answers in a row that asked each host's requests to wait
        self._closed: dict[str, FetchFailure] = {}
        self._refusals: dict[str, int] = {}
        self._refused_until: dict[str, float] = {}  # the end of the wait each host's last counted refusal asked for
        self._reach = Reach(self.config.network or Network(), self.config.allow_private)
        self._proxied = transport is None and proxied()  # httpx then goes through the environment's proxy

    async def __aenter__(self) -> Fetcher:
        config = self.config
        # Semaphores and locks belong to one event loop: make them afresh for each `async with`.
        self._throttle = Throttle(config.per_host, config.total, config.delay)
        self._robots_locks = {}
        for origin, rules in self._robots.items():
            if rules.crawl_delay:
                self._throttle.slow_down(host_with_port(origin), rules.crawl_delay)
        self._clients = {}
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        clients, self._clients = self._clients or {}, None
        for client, _ in clients.values():
            await client.aclose()

    def _client_for(self, url: str) -> tuple[httpx.AsyncClient, SitePool | None]:
        """The client of `url`'s site, with its own pool of connections."""
        if self._clients is None:
            raise RuntimeError("Use the Fetcher inside `async with Fetcher(...) as fetcher:`.")
        key = (site_origin(url), DENY_PRIVATE.get())  # a denied request never reuses an allowed connection
        site = self._clients.get(key)
        if site is None:
            site = self._clients[key] = self._new_client()
        return site

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = httpx.create_ssl_context(verify=self.config.verify_tls)
        return self._tls

    def _new_client(self) -> tuple[httpx.AsyncClient, SitePool | None]:
        config = self.config
        limits = httpx.Limits(max_connections=config.total, max_keepalive_connections=config.per_host)
        transport = ours = None
        if self._transport is None and not self._proxied:  # its pool asks for the context when it connects by TLS
            transport = ours = GuardedTransport(config.network or Network(), tls=self._tls_context, limits=limits)
        # httpx reads `verify` only for a transport it makes itself (a proxy's, another transport's mounts)
        tls = self._tls_context() if ours is None else True
        return httpx.AsyncClient(
            headers={"User-Agent": self.agent, "Accept-Encoding": ", ".join(ENCODINGS)},
            timeout=httpx.Timeout(
                connect=config.connect_timeout, read=config.read_timeout, write=config.read_timeout,
                pool=config.connect_timeout,  # the semaphores keep requests within the pool: no wait expected
            ),
            limits=limits,
            follow_redirects=False,
            http2=False,
            cookies=CappedJar(),  # a site that sets a thousand cookies a page made each request carry them all
            verify=tls,
            transport=transport or self._transport,
        ), ours.pool if ours is not None else None

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: tuple[str, ...] | None = HTML_TYPES,
    ) -> Response:
        """Fetch `url`, following redirects; 2xx, 304, 404 and 410 answer, anything else raises FetchFailure."""
        started = time.monotonic()
        headers = _request_headers(accept, etag, last_modified)
        config = self.config
        # a page is held to the page limit however it travels (a 1 MB gzip of a 45 MB page took 350 MB to read);
        # a sitemap may be as large as the protocol lets it be (50 MB uncompressed), gzipped or not: a plain one of
        # 30 MB was refused at the page limit, 'not a page', where the same sitemap gzipped was read
        if accept == SITEMAP_TYPES:
            most = max(config.max_bytes, config.max_decompressed)
            limits = _Limits(most, config.max_decompressed, accept, what="more than a sitemap may hold")
        else:
            limits = _Limits(config.max_bytes, min(config.max_bytes, config.max_decompressed), accept)
        current, seen, attempts = url, [url], 0
        moved: int | None = None  # the first redirect's status while every one says the page moved for good
        deny = await self._reach.through_public_page(url)
        while True:
            _check_address(current, url)
            try:
                answer = await self._hop(current, headers, limits, deny)
            except FetchFailure as failure:  # the failure of the page asked for, wherever it was sent
                raise (failure if failure.url == url else for_page(failure, url)) from None
            attempts += answer.attempts
            deny = deny or (answer.public and not self.config.allow_private)  # a redirect from a public address
            target = _redirect_target(answer, url)
            if target is None:
                break
            self._check_redirect(target, seen, url)
            moved = (moved or answer.status) if answer.status in (301, 308) and (moved or len(seen) == 1) else None
            seen.append(target)
            current = target
        if _unasked(answer.status, headers) or answer.status not in (304, *GONE) and not 200 <= answer.status < 300:
            final = status_failure(answer.url, answer.status, attempts, redirect=answer.status in REDIRECTS)
            raise for_page(final, url)
        return Response(
            url=url, final_url=current, status=answer.status, headers=answer.headers,
            data=b"" if answer.status == 304 else answer.data, content_type=answer.headers.get("content-type"),
            elapsed=time.monotonic() - started, attempts=attempts, moved=moved if current != url else None,
        )

    async def _hop(self, url: str, headers: dict[str, str], limits: _Limits, deny: bool) -> _Answer:
        """One request of a redirect chain, robots.txt first; with `deny`, to public addresses only."""
        headers = self._authorized(url, headers)
        token = DENY_PRIVATE.set(deny)
        try:
            if deny and self._proxied:
                await self._refuse_private_name(url)
            await self._check_robots(url)
            return await self._with_retries(url, headers, limits)
        finally:
            DENY_PRIVATE.reset(token)

    def _authorized(self, url: str, headers: dict[str, str]) -> dict[str, str]:
        """`headers` with the Authorization the user gave for `url`'s site, if any (robots.txt included: a site
        behind a password answers 401 without it, read as no rules at all)."""
        authorization = self.config.credentials.get(site_origin(url)) if self.config.credentials else None
        return {**headers, "Authorization": authorization} if authorization else headers

    async def _refuse_private_name(self, url: str) -> None:
        try:
            await self._reach.check_name(url)
        except PrivateAddress as exc:
            raise private_address(url, exc.address) from None

    async def allowed(self, url: str) -> bool:
        """Whether robots.txt lets briefarc fetch `url` (fetched once per site, then cached); an unreachable
        robots.txt lets it fetch nothing."""
        if not self.config.respect_robots:
            return True
        return (await self.robots(url)).allows(url)

    async def robots(self, url: str) -> Robots:
        """The robots.txt rules of `url`'s site: a missing file allows everything, an unreachable one nothing."""
        origin = site_origin(url)
        if origin not in self._robots:
            lock = self._robots_locks.setdefault(origin, asyncio.Lock())
            async with lock:
                if origin not in self._robots:
                    self._robots[origin] = rules = await self._load_robots(origin)
                    if rules.crawl_delay:
                        self._throttle.slow_down(host_with_port(url), rules.crawl_delay)
        return self._robots[origin]

    # -- one URL, with retries -------------------------------------------------------------------

    async def _with_retries(self, url: str, headers: dict[str, str], limits: _Limits, *,
                            statuses: bool = True) -> _Answer:
        """Connection failures and timeouts are retried; so are 429 and 5xx answers unless `statuses` is off
        (robots.txt: its answer is final, whatever its status)."""
        config = self.config
        number = 1
        while True:
            try:
                answer = await self._attempt(url, headers, limits, number, closable=statuses)
            except FetchFailure as failure:
                if not failure.attempts:  # not asked (again): its host is closed for the run
                    failure.attempts = number - 1  # the tries made before it closed (none: never asked for)
                    raise
                if failure.reason not in RETRIED or number > config.retries:
                    raise after_attempts(failure, number) from failure
                await asyncio.sleep(self._backoff(number))
                number += 1
                continue
            if not (statuses and _retried_status(answer.status)):
                self._refusals.pop(host_with_port(url), None)
                answer.attempts = number
                return answer
            await self._wait_before_retry(answer, number)
            number += 1

    async def _wait_before_retry(self, answer: _Answer, number: int) -> None:
        """Sleep before the next attempt after a 429 or 5xx; raise when out of attempts or asked to wait too long.

        A host is closed for the run when it asks to wait longer than the limit, or answers 429 (or another status
        with a Retry-After) more times in a row, whichever pages they were for, than a page is given attempts (the
        answers to the requests in flight during the wait it asked for counting as one):
        each page of a site that kept asking to wait waited its minutes again (1,000 pages asking for 300 s: days,
        and the pages of a run are in flight together, so no page ran out of attempts before all had waited), and a
        site that asked to wait a year was asked again for each page."""
        config = self.config
        wait = retry_after(answer.headers.get("retry-after"))
        if wait is not None and wait > config.max_retry_after:
            raise self._close(waits_too_long(answer.url, answer.status, wait, config.max_retry_after, number))
        host = host_with_port(answer.url)
        refused = answer.status == 429 or wait is not None  # the site asks to slow down: of the host, not the page
        if refused and (now := time.monotonic()) >= self._refused_until.get(host, 0.0):
            # the requests in flight when it first refused answer alike: one refusal (--per-host 8 closed a host
            # at its first 429s, before waiting once)
            self._refusals[host] = self._refusals.get(host, 0) + 1
            self._refused_until[host] = now + (wait if wait is not None else config.backoff)
        if number > config.retries or refused and self._refusals.get(host, 0) > config.retries:
            failure = status_failure(answer.url, answer.status, number)
            raise self._close(failure) if refused else failure
        if wait is not None:
            self._throttle.pause(host_with_port(answer.url), wait)
        await asyncio.sleep(self._backoff(number) if wait is None else wait)

    def _close(self, failure: FetchFailure) -> FetchFailure:
        """Close the host of `failure` for the run: its later requests fail at once with closed_host."""
        self._closed.setdefault(host_with_port(failure.url), failure)
        return failure

    def _backoff(self, number: int) -> float:
        """Exponential backoff with jitter: half the step fixed, half random."""
        step = min(self.config.max_backoff, self.config.backoff * 2 ** (number - 1))
        return step / 2 + random.uniform(0, step / 2)

    async def _attempt(self, url: str, headers: dict[str, str], limits: _Limits, number: int, *,
                       closable: bool = True) -> _Answer:
        """One request; with `closable`, none to a host closed for the run, however long the request waited for
        its turn (robots.txt is asked for whatever answers a site's pages had)."""
        state = _Progress()
        async with self._throttle.slot(host_with_port(url)):
            closed = self._closed.get(host_with_port(url)) if closable else None
            if closed is not None:
                raise closed_host(url, closed)
            at, started = _now(), time.monotonic()
            try:
                async with asyncio.timeout(self.config.total_timeout):
                    async with exchange(*self._client_for(url), url, headers) as response:
                        state.response = response
                        public = self._reach.check_peer(url, response)
                        answer = await self._read(url, response, limits)
                        answer.public = public
            except asyncio.CancelledError:  # Ctrl-C: the request in flight is in the log, cut short
                self._record(url, state, started, at, number, INTERRUPTED)
                raise
            except PrivateAddress as exc:
                failure = private_address(url, exc.address)
                self._record(url, state, started, at, number, str(failure))
                raise failure from None
            except FetchFailure as failed:
                self._record(url, state, started, at, number, str(failed))
                raise
            except (httpx.HTTPError, httpx.InvalidURL, TimeoutError, UnicodeError) as exc:  # InvalidURL: no HTTPError
                if isinstance(exc, UnicodeError) and "idna" not in str(exc):
                    raise  # only a host name's IDNA encoding is the address's fault; anything else is a bug
                translated = failure_of(exc, url, state.response, self.config)
                self._record(url, state, started, at, number, str(translated))
                raise translated from exc
        self._record(url, state, started, at, number, None)
        return answer

    async def _read(self, url: str, response: HTTPResponse, limits: _Limits) -> _Answer:
        status = response.status_code
        headers, locations = read_headers(response.headers)
        answer = _Answer(url, status, headers, locations=locations)
        if not (200 <= status < 300 or status in limits.read_body):
            await _drain(response, headers)  # redirects, 304, errors: the body is not wanted, but its connection is
            return answer
        if 200 <= status < 300:
            check_type(url, answer.headers, limits.accept)
        length = _content_length(answer.headers)
        if length is not None and length > limits.max_bytes:
            raise too_large(url, limits.max_bytes, f"it announces {describe_size(length)}", limits.what)
        try:
            answer.data = await self._read_body(url, response, limits)
        except InflateError as exc:
            raise undecodable(url, status, exc) from exc
        if 200 <= status < 300:
            check_sniffed(url, answer.headers, answer.data, limits.accept)
        return answer

    async def _read_body(self, url: str, response: HTTPResponse, limits: _Limits) -> bytes:
        inflater = Inflater(response.headers.get("content-encoding"), limits.max_decoded)
        parts = []
        async for chunk in response.aiter_raw():
            if response.num_bytes_downloaded > limits.max_bytes:
                raise too_large(url, limits.max_bytes, "received so far", limits.what)
            parts.append(inflater.feed(chunk))
        parts.append(inflater.finish())
        return b"".join(parts)

    def _record(self, url: str, state: _Progress, started: float, at: str, number: int, error: str | None) -> None:
        if self.on_request is None:
            return
        response = state.response
        self.on_request(RequestRecord(
            url=url, status=response.status_code if response is not None else None,
            bytes=response.num_bytes_downloaded if response is not None else 0,
            duration=time.monotonic() - started, attempt=number, error=error, at=at,
        ))

    # -- robots.txt and redirects -----------------------------------------------------------------

    async def _check_robots(self, url: str) -> None:
        if not self.config.respect_robots:
            return
        rules = await self.robots(url)
        if isinstance(rules.failure, FetchFailure):
            raise for_page(rules.failure, url)
        if not rules.allows(url):
            failure = disallowed(url, self.token)
            self._record_left_out(url, str(failure))
            raise failure

    def _record_left_out(self, url: str, reason: str) -> None:
        """A page no request was made for (robots.txt forbids it), in the request log with its reason, once per
        URL in a run: `briefarc log` names it where a user looks for what became of each URL (attempt 0)."""
        if self.on_request is None or url in self._left_out:
            return
        self._left_out.add(url)
        self.on_request(RequestRecord(url=url, status=None, bytes=0, duration=0.0, attempt=0, error=reason, at=_now()))

    async def _load_robots(self, origin: str) -> Robots:
        """RFC 9309 §2.3.1: 4xx allows everything; 5xx, 429, no connection, and a file too large, too slow or
        undecodable to read allow nothing, for this run."""
        try:
            answer = await self._robots_answer(origin + "/robots.txt")
        except FetchFailure as failure:
            if failure.reason == "private":
                raise  # the page is refused, and the site's rules are not known for a later request
            note = "unreachable" if failure.reason in UNREACHABLE else "unreadable"
            return Robots(note=note, failure=robots_unreadable(origin, failure, failure.reason in UNREACHABLE))
        if 200 <= answer.status < 300:
            return parse(answer.data, self.token)
        if _retried_status(answer.status):
            return Robots(note="unreachable", failure=robots_unreachable(origin, answer.status))
        return Robots(note="missing")  # 4xx, or redirects that lead nowhere

    async def _robots_answer(self, url: str) -> _Answer:
        """robots.txt, its redirects followed."""
        most = min(self.config.max_bytes, MAX_ROBOTS_BYTES)  # on the wire and decoded: a gzip bomb took 50 MB
        limits = _Limits(most, most, None, read_body=())
        headers = _request_headers(None, None, None)
        seen = [url]
        for _ in range(self.config.max_redirects + 1):
            answer = await self._with_retries(url, self._authorized(url, headers), limits, statuses=False)
            try:
                target = _redirect_target(answer, url)
            except FetchFailure:
                break  # a redirect that leads nowhere
            if target is None or target in seen or not target.startswith(("http://", "https://")):
                break
            seen.append(target)
            url = target
        return answer

    def _check_redirect(self, target: str, seen: list[str], url: str) -> None:
        if target in seen or len(seen) > self.config.max_redirects:
            raise bad_redirect(url, seen, target, self.config.max_redirects)


@dataclass
class _Progress:
    response: HTTPResponse | None = None


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` on a fresh event loop.

    Ctrl-C cancels the running tasks, lets `async with Fetcher(...)` close its connections, then raises
    KeyboardInterrupt for the CLI to turn into exit status 130.
    """
    return asyncio.run(_woken_by_signals(coro))


async def _woken_by_signals(coro: Coroutine[Any, Any, T]) -> T:
    """`coro`, with the event loop woken by every signal the process takes. Python runs a signal's handler (here
    asyncio.run's Ctrl-C) in the main thread, at its next instruction; a Ctrl-C that the kernel handed to another
    thread (the one extracting a page) left the main thread asleep in select() with nothing to wake it: that Ctrl-C
    did nothing. A wakeup file written at each signal, which the loop watches, is what add_signal_handler sets up."""
    import signal
    import socket
    import threading

    if threading.current_thread() is not threading.main_thread():
        return await coro  # only the main thread can set the wakeup file, and receives no Ctrl-C handler to run
    loop = asyncio.get_running_loop()
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    loop.add_reader(reader.fileno(), _wakeups_read, reader)
    before = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    try:
        return await coro
    finally:
        signal.set_wakeup_fd(before)
        loop.remove_reader(reader.fileno())
        reader.close()
        writer.close()


def _wakeups_read(reader: Any) -> None:
    """The wakeup bytes the signals wrote, read and dropped: they only had to wake the loop."""
    with suppress(OSError):
        reader.recv(4096)


async def _drain(response: HTTPResponse, headers: dict[str, str]) -> None:
    """Read and drop a small body that is not wanted, so that its connection takes the site's next request: left
    unread, the connection was closed with the response (a robots.txt answered 404 cost every such site a second
    connection, and a TLS handshake on https). A body announced larger, or slower to come, is left, and its
    connection closed as before."""
    length = _content_length(headers)
    if length is not None and length > DRAIN_BYTES:
        return
    with suppress(httpx.HTTPError, TimeoutError):
        async with asyncio.timeout(DRAIN_SECONDS):
            async for _ in response.aiter_raw():
                if response.num_bytes_downloaded > DRAIN_BYTES:
                    return


def _retried_status(status: int) -> bool:
    return status == 429 or 500 <= status < 600


def _unasked(status: int, headers: dict[str, str]) -> bool:
    """An answer that cannot be to this request: part of the page, or not modified since no copy it named."""
    return status == 206 or status == 304 and not ("If-None-Match" in headers or "If-Modified-Since" in headers)


def _redirect_target(answer: _Answer, url: str) -> str | None:
    location = answer.headers.get("location")
    if answer.status not in REDIRECTS or not location:
        return None
    targets = [_target(answer.url, url, named) for named in answer.locations]  # the first is `location`
    if len({normalize_url(target) for target in targets}) > 1:  # "/a, /b" was followed; HTTP://HOST:80/a is /a
        raise ambiguous_redirect(url, answer.url, answer.locations)
    return targets[0]


def _target(page: str, url: str, location: str) -> str:
    """The address a Location names, resolved against the page, without its fragment."""
    try:  # a user name and password in a Location are the site's, never sent nor stored
        return credentials(urljoin(page, location.strip()).split("#", 1)[0])[0]
    except ValueError:
        raise unreadable_redirect(url, page, location.strip()) from None


def _check_address(current: str, url: str) -> None:
    """An http(s) address whose port can be connected to (a Location's port 99999 got as far as the socket, and
    port 0 was tried as a connection refused, again and again)."""
    if not current.lower().startswith(("http://", "https://")):
        raise not_web(current, url)
    try:
        port = urlsplit(current).port  # raises ValueError for a port out of range
    except ValueError as exc:
        raise not_web(current, url, str(exc)) from None
    if port == 0:
        raise not_web(current, url, "port 0 is not a valid port: no server can be reached there")


def _request_headers(accept: tuple[str, ...] | None, etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"Accept": ", ".join(accept) + ", */*;q=0.1" if accept else "*/*"}
    if etag and _sendable(etag):
        headers["If-None-Match"] = etag
    if last_modified and _sendable(last_modified):
        headers["If-Modified-Since"] = last_modified
    return headers


def _sendable(value: str | None) -> bool:
    """A validator a request can carry: printable ASCII. One a server sent in another encoding is left out
    (the request is then unconditional), so that it cannot break every later request to its page."""
    return bool(value and value.isascii() and value.isprintable())


def _content_length(headers: dict[str, str]) -> int | None:
    try:
        return int(headers["content-length"])
    except (KeyError, ValueError):
        return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
