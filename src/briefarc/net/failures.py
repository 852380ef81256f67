"""Fetch failures: one exception type, and one-line messages that name the host and the cause."""

from __future__ import annotations

import ast
import os
import re
import socket
import ssl
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import h11
import httpx

from briefarc.errors import FetchError
from briefarc.net.inflate import describe_size
from briefarc.output.textout import clean_name, shorten
from briefarc.urls import host_with_port

if TYPE_CHECKING:
    from briefarc.net.direct import HTTPResponse

SKIPPED = ("content_type", "robots")  # reported as skipped, not failed

REFUSALS = {
    401: "the page needs a login; save it from a browser and `briefarc ingest` it",
    403: "the site turns away automated clients; briefarc does not disguise itself — save the pages from a "
    "browser and `briefarc ingest` them",
    451: "the site withholds the page for legal reasons",
}
# Answers that cannot be to the request briefarc made: it asks for no range of bytes, and a request that names no
# copy of the page cannot be answered "not modified" (a 206's half page was stored as the page; a 304 was counted
# unchanged, and a sitemap's item never archived was taken as done)
UNASKED = {
    206: "a part of the page, to a request for all of it",
    304: "though the request named no copy of the page for it to be unchanged from",
}
TLS_HINT = "if you trust the site, set SSL_CERT_FILE to a CA bundle that includes its authority"


class FetchFailure(FetchError):
    """A URL that could not be fetched; the message is one line that names the host and the cause."""

    def __init__(
        self, message: str, *, reason: str, url: str, status: int | None = None, attempts: int = 1
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.url = url
        self.status = status
        self.attempts = attempts

    @property
    def skipped(self) -> bool:
        """Not an error: robots.txt forbids the page, or it is a PDF or image rather than a document."""
        return self.reason in SKIPPED

    @property
    def host(self) -> str:
        return host_with_port(self.url)


def describe_status(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def status_failure(url: str, status: int, attempts: int, *, redirect: bool = False) -> FetchFailure:
    """The failure for a final answer that is neither a page, 304, 404 nor 410."""
    host = host_with_port(url)
    if status in REFUSALS:
        message = f"{host} refused the request ({describe_status(status)}): {REFUSALS[status]}"
        return FetchFailure(message, reason="refused", url=url, status=status, attempts=attempts)
    if redirect:
        message = f"{host} answered {describe_status(status)} without a Location to go to, for {url}"
    elif status == 429:
        message = f"{host} kept answering {describe_status(status)}: wait a while and run again"
    elif status in UNASKED:
        message = f"{host} answered {describe_status(status)} for {url}, {UNASKED[status]}"
    elif status >= 500:
        message = f"{host} answered {describe_status(status)}: the site is in trouble; try again later"
    else:
        message = f"{host} answered {describe_status(status)} for {url}"
    if attempts > 1:
        message += f", after {attempts} attempts"
    return FetchFailure(message, reason="http", url=url, status=status, attempts=attempts)


def after_attempts(failure: FetchFailure, attempts: int) -> FetchFailure:
    """The last attempt's failure, saying how many attempts there were."""
    if attempts == 1:
        return failure
    message = f"{str(failure).rstrip('.')}, after {attempts} attempts"
    return FetchFailure(message, reason=failure.reason, url=failure.url, status=failure.status, attempts=attempts)


def waits_too_long(url: str, status: int, wait: float, limit: float, attempts: int) -> FetchFailure:
    asked = f"{wait:.0f} s" if wait < 1e9 else "more than 30 years"  # not 309 digits for a Retry-After of 1e308
    message = (f"{host_with_port(url)} answered {describe_status(status)} and asked to wait {asked}, longer than "
               f"the {limit:g} s limit: try again later")
    return FetchFailure(message, reason="http", url=url, status=status, attempts=attempts)


def closed_host(url: str, failure: FetchFailure) -> FetchFailure:
    """The failure of a request not made: its host kept answering 429, or asked (Retry-After) to wait longer than
    the limit, to an earlier request of the run (`failure`)."""
    status = failure.status or 429
    message = (f"{host_with_port(url)} asked briefarc to wait ({describe_status(status)} for {shown(failure.url)}): "
               "not asked again in this run; run again later")
    return FetchFailure(message, reason="http", url=url, status=status, attempts=0)


def too_large(url: str, limit: int, detail: str, what: str = "not a page") -> FetchFailure:
    message = (f"the response from {host_with_port(url)} is larger than the {describe_size(limit)} limit "
               f"({detail}): {what}")
    return FetchFailure(message, reason="too_large", url=url, status=200)


def undecodable(url: str, status: int, exc: Exception) -> FetchFailure:
    """A body that cannot be decoded, or decodes past the limit (`exc` says which, as a predicate)."""
    return FetchFailure(f"the body from {host_with_port(url)} {exc}: not a page", reason="decompression", url=url,
                        status=status)


def disallowed(url: str, token: str) -> FetchFailure:
    path = urlsplit(url).path or "/"
    return FetchFailure(f"robots.txt of {host_with_port(url)} does not let {token} fetch {path}: skipped",
                        reason="robots", url=url)


def named_disallowed(failure: FetchFailure) -> FetchFailure:
    """A page robots.txt forbids that the user named (`disallowed`): not done, so a failure of the fetch (exit 1,
    or 3 beside what went through), where a page a source lists is skipped."""
    message = f"{str(failure).removesuffix(': skipped')}: not fetched (save it from a browser and `briefarc ingest` it)"
    return FetchFailure(message, reason="robots_named", url=failure.url)


def bad_redirect(url: str, seen: list[str], target: str, limit: int) -> FetchFailure:
    if target in seen:
        message = f"redirect loop at {host_with_port(seen[-1])}: {seen[-1]} leads back to {target}"
    else:
        message = f"more than {limit} redirects from {host_with_port(url)}, last to {target}"
    return FetchFailure(message, reason="redirects", url=url)


def unreadable_redirect(url: str, page: str, location: str) -> FetchFailure:
    """A Location that is no address (`http://[bold]x/`: no IP address in the brackets)."""
    return FetchFailure(f"{page} redirects to an address that cannot be read: {location!r}", reason="redirects",
                        url=url)


def ambiguous_redirect(url: str, page: str, locations: list[str]) -> FetchFailure:
    """Location headers that name different addresses: no way to tell which the site means (browsers refuse
    such a redirect too)."""
    named = "; ".join(f"Location: {shown(location)}" for location in locations[:3])
    more = f"; and {len(locations) - 3} more" if len(locations) > 3 else ""
    message = (f"{page} redirects to {len(locations)} different addresses at once ({named}{more}): an ambiguous "
               "redirect, not followed")
    return FetchFailure(message, reason="redirects", url=url)


def private_address(url: str, address: str) -> FetchFailure:
    message = (f"{host_with_port(url)} is at a private address ({address}), reached through a page from a public one: "
               "not fetched (--allow-private lifts this, for archiving an intranet)")
    return FetchFailure(message, reason="private", url=url)


def robots_unreachable(origin: str, status: int) -> FetchFailure:
    message = (f"robots.txt of {host_with_port(origin)} answered {describe_status(status)}: briefarc does not "
               "fetch a site whose rules it cannot read; try again later")
    return FetchFailure(message, reason="robots_unreachable", url=origin + "/robots.txt", status=status)


def robots_unreadable(origin: str, failure: FetchFailure, unreachable: bool) -> FetchFailure:
    """Why a site is closed when its robots.txt could not be had: the failure itself when the site did not
    answer; when the file was too large, too slow or undecodable, a message that says so."""
    if unreachable and host_with_port(failure.url) == host_with_port(origin):  # the site itself did not answer
        return failure
    if unreachable:  # robots.txt redirected to a host that did not answer: the page's own host is not the one
        message = (f"robots.txt of {host_with_port(origin)} redirects to {shorten(failure.url)}, which could not be "
                   f"reached ({failure}): briefarc does not fetch a site whose rules it cannot read; try again later")
        return FetchFailure(message, reason=failure.reason, url=origin + "/robots.txt", status=failure.status,
                            attempts=failure.attempts)
    message = (f"robots.txt of {host_with_port(origin)} could not be read ({failure}): briefarc does not fetch a site "
               "whose rules it cannot read")
    return FetchFailure(message, reason="robots_unreachable", url=origin + "/robots.txt", status=failure.status)


def for_page(failure: FetchFailure, url: str) -> FetchFailure:
    """A failure raised for the page `url`: one met on the way to it (a redirect's target failed, or its site's
    robots.txt could not be read, which closes the site)."""
    return FetchFailure(str(failure), reason=failure.reason, url=url, status=failure.status,
                        attempts=failure.attempts)


def not_web(current: str, url: str, why: str = "not an http or https address") -> FetchFailure:
    where = "" if current == url else f" (redirected from {url})"
    return FetchFailure(f"cannot fetch {current}{where}: {why}", reason="http", url=url)


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def failure_of(exc: BaseException, url: str, response: HTTPResponse | None, config) -> FetchFailure:
    """Translate an httpx error (or the total timeout's TimeoutError) into a FetchFailure."""
    host = host_with_port(url)
    status = response.status_code if response is not None else None
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        which, seconds = _timeout_kind(exc, config)
        if which == "total" and response is None:  # no answer at all (with --timeout, the whole response's time
            # and the read timeout are one, and this one, started first, ends first): a timeout, tried again
            message = f"{host} did not answer in time: no response within {seconds:g} s (--timeout)"
            return FetchFailure(message, reason="timeout", url=url)
        if which == "total":  # a server dripping its answer: its pace, not a passing fault, so not retried
            message = f"{host} did not send the whole response within {seconds:g} s (--timeout): gave up"
            return FetchFailure(message, reason="too_slow", url=url, status=status)
        message = f"{host} did not answer in time: {which} timeout ({seconds:g} s)"
        return FetchFailure(message, reason="timeout", url=url, status=status)
    tls = _ssl_error(exc)
    if tls is not None:
        message = f"TLS failure with {host}: {_tls_reason(tls)}"
        if isinstance(tls, ssl.SSLCertVerificationError):
            message += f" ({TLS_HINT})"
        return FetchFailure(message, reason="tls", url=url, status=status)
    if _is_truncated(exc):
        expected = response.headers.get("content-length") if response is not None else None
        got = response.num_bytes_downloaded if response is not None else 0
        detail = f"{got} of {expected} bytes" if expected else f"{got} bytes"
        message = f"the response from {host} was cut short ({detail})"
        return FetchFailure(message, reason="truncated", url=url, status=status)
    violation = _protocol_violation(exc)
    if violation is not None:  # the server's fault, the same on every attempt: not retried
        message = f"{host} sent a response that is not valid HTTP ({violation})"
        return FetchFailure(message, reason="protocol", url=url, status=status)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return FetchFailure(f"cannot fetch {url}: {exc}", reason="http", url=url)
    if isinstance(exc, UnicodeError):  # the IDNA encoding of a host name (a redirect's): an empty or too long part
        return FetchFailure(f"cannot fetch {url}: the host name is not valid ({exc})", reason="http", url=url)
    if isinstance(exc, httpx.ConnectError) and any(isinstance(link, socket.gaierror) for link in _chain(exc)):
        # No address for the name: offline, or a mistyped host. Asking again at once does not help.
        return FetchFailure(f"cannot resolve the host name {host} ({_os_reason(exc)})", reason="dns", url=url)
    if isinstance(exc, httpx.ConnectError):
        return FetchFailure(f"cannot connect to {host}: {_os_reason(exc)}", reason="connect", url=url)
    message = f"the connection to {host} broke: {_os_reason(exc)}"
    return FetchFailure(message, reason="connect", url=url, status=status)


def shown(text: str, most: int = 80) -> str:
    """Web text for a message: on one line, control characters made visible, cut to `most` characters."""
    return clean_name(shorten(text, most))


# A bytes value as h11 writes it in its messages: bytearray(b'...') or b'...'
BYTES_LITERAL = r"b'(?:[^'\\]|\\.)*'" + "|" + r'b"(?:[^"\\]|\\.)*"'
BYTES_REPR = re.compile(rf"bytearray\(({BYTES_LITERAL})\)|\b({BYTES_LITERAL})")


def _protocol_violation(exc: BaseException) -> str | None:
    """What is wrong with a response that could not be parsed as HTTP (an illegal status or header line, a
    malformed chunk), its bytes shown as text; None for any other error, and for a connection that closed in
    the middle of a response (a broken connection, worth another attempt)."""
    error = next((link for link in _chain(exc) if isinstance(link, h11.ProtocolError)), None)
    if error is None:
        return None
    text = str(error)
    if text.startswith(("peer unexpectedly closed", "peer closed connection")):
        return None
    if text.startswith("Receive buffer too long"):
        return "its headers are too long"
    return BYTES_REPR.sub(_quoted_bytes, text)


def _quoted_bytes(match: re.Match) -> str:
    """The bytes of a line h11 quotes, as text: its line end left out (a chunk header's), the rest as `shown`."""
    try:
        data = ast.literal_eval(match.group(1) or match.group(2))
    except (ValueError, SyntaxError):
        return match.group(0)
    text = data.decode("utf-8", "replace")
    line = text.rstrip("\r\n") or text
    return f'"{shown(line, 60)}"'


def _timeout_kind(exc: BaseException, config) -> tuple[str, float]:
    if isinstance(exc, httpx.ConnectTimeout):
        return "connect", config.connect_timeout
    if isinstance(exc, httpx.ReadTimeout):
        return "read", config.read_timeout
    if isinstance(exc, httpx.WriteTimeout):
        return "write", config.read_timeout
    if isinstance(exc, httpx.PoolTimeout):
        return "connection pool", config.connect_timeout
    return "total", config.total_timeout


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        yield link
        link = link.__cause__ or link.__context__


def _ssl_error(exc: BaseException) -> ssl.SSLError | None:
    return next((link for link in _chain(exc) if isinstance(link, ssl.SSLError)), None)


def _tls_reason(exc: ssl.SSLError) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError) and exc.verify_message:
        return f"certificate verify failed: {exc.verify_message}"
    text = re.sub(r"^\[SSL(?:: [A-Z_]+)?\]\s*|\s*\(_ssl\.c:\d+\)$", "", str(exc.args[-1] if exc.args else exc))
    if text and not text.isdigit():
        return text
    return (exc.reason or type(exc).__name__).replace("_", " ").lower()


def _is_truncated(exc: BaseException) -> bool:
    text = str(exc)
    return isinstance(exc, httpx.RemoteProtocolError) and ("incomplete" in text or "complete message body" in text)


def _os_reason(exc: BaseException) -> str:
    """The innermost operating-system reason: "Name or service not known", "Connection refused"."""
    for link in reversed(list(_chain(exc))):
        if isinstance(link, OSError) and link.errno:
            if link.strerror and not link.strerror.startswith("Connect call failed"):
                return link.strerror
            if link.errno > 0:
                return os.strerror(link.errno)
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(exc))
    return text or type(exc).__name__
