"""URL normalisation: the identity of a document on the web."""

from __future__ import annotations

import base64
import ipaddress
import re
import unicodedata
from functools import lru_cache
from typing import TypeGuard
from urllib.parse import SplitResult, quote, unquote, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|yclid|"
    r"ocid|cmpid|__twitter_impression|share|ref_src|ref_url|at_medium|at_campaign)$",
    re.IGNORECASE,
)
UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# What may stand unencoded in a path or a query besides the unreserved characters (RFC 3986).
PATH_EXTRA = frozenset("/:@!$&'()*+,;=")
QUERY_EXTRA = PATH_EXTRA | frozenset("?")
PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")


@lru_cache(maxsize=8192)  # a fetch asks for each URL's several times (seen, pending, its request's site)
def normalize_url(url: str) -> str:
    """A canonical spelling of an http(s) URL.

    Lower-case scheme and host, no default port, no fragment, no tracking parameters, no dot segments, and
    percent-encoding as RFC 3986 section 6 has it: unreserved characters decoded, other escapes in
    upper case, reserved characters left as they were (so `/a%2Fb` stays apart from `/a/b`).
    Idempotent. Other URLs (file:, urn:, ...) come back stripped of surrounding space only.
    """
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = bracketed(parts.hostname.lower().rstrip("."))
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        auth = parts.username or ""
        if parts.password:
            auth += ":" + parts.password
        netloc = f"{auth}@{netloc}"
    path = _normalize_escapes(parts.path or "/", PATH_EXTRA)
    if "/." in path:  # %2E is a dot by now
        path = _without_dots(path)
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), ""))


def _without_dots(path: str) -> str:
    """The path with its "." and ".." segments resolved (RFC 3986 section 5.2.4): /p/./1 is /p/1, /a/b/../ is /a/."""
    kept: list[str] = []
    segments = path.split("/")[1:]
    for segment in segments:
        if segment == "..":
            if kept:
                kept.pop()
        elif segment != ".":
            kept.append(segment)
    if segments[-1] in (".", ".."):  # /a/b/.. names the folder /a/
        kept.append("")
    return "/" + "/".join(kept)


def _normalize_escapes(text: str, extra: frozenset[str]) -> str:
    out = []
    i = 0
    while i < len(text):
        char = text[i]
        match = PERCENT.match(text, i) if char == "%" else None
        if match:
            decoded = chr(int(match.group(1), 16))
            out.append(decoded if decoded in UNRESERVED else match.group(0).upper())
            i += 3
            continue
        if char in UNRESERVED or char in extra:
            out.append(char)
        else:
            out.append(quote(char, safe=""))
        i += 1
    return "".join(out)


def _clean_query(query: str) -> str:
    if not query:
        return ""
    kept = [
        _normalize_escapes(pair, QUERY_EXTRA)
        for pair in query.split("&")
        if pair and not TRACKING_PARAMS.match(unquote(pair.split("=", 1)[0]))
    ]
    return "&".join(kept)


def split(url: str | None) -> SplitResult | None:
    """urlsplit that answers None for what is not a URL (web text holds `http://[::1`, ports of 99999...)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return None
    return parts


def join(base: str | None, link: str | None) -> str | None:
    """`link` resolved against `base`, or None when either is not a usable URL."""
    if not link:
        return None
    try:
        joined = urljoin(base or "", link.strip())
    except ValueError:
        return None
    return joined if split(joined) is not None else None


def is_web_url(url: str | None) -> TypeGuard[str]:
    parts = split(url)
    return parts is not None and parts.scheme.lower() in DEFAULT_PORTS and bool(parts.netloc)


AUTHORITY_END = re.compile(r"[/?#]")
_HOSTS: dict[str, str] = {}  # "https://host:port" -> host: a page's links name a few hosts many times


def hostname(url: str | None) -> str:
    """The URL's host name, lower case, without a port; "" for no URL or one that is not a URL."""
    if url and url.startswith(("https://", "http://")):
        end = AUTHORITY_END.search(url, url.index("//") + 2)
        key = url[:end.start()] if end else url  # what urlsplit reads the host and port from, and all of it
        host = _HOSTS.get(key)
        if host is None:
            if len(_HOSTS) > 4096:
                _HOSTS.clear()
            host = _HOSTS[key] = _hostname(key)
        return host
    return _hostname(url)


def _hostname(url: str | None) -> str:
    parts = split(url)
    return (parts.hostname or "").lower() if parts else ""


ASCII_HOST = re.compile(r"[a-z0-9._-]+")


def is_host_name(host: str) -> bool:
    """Whether a host, as hostname() gives it, is one an address may name: an IP address, or a name of letters
    (of any script: an internationalised name), digits, marks, "-", "_" and "." -- not a control, bidi, space,
    symbol or escape character, which web text puts there to pass a name off as another."""
    if host.isascii() and ASCII_HOST.fullmatch(host):
        return True
    if ":" in host:
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return False
        return True
    return bool(host) and all(char in "-._" or unicodedata.category(char)[0] in "LMN" for char in host)


def host_with_port(url: str) -> str:
    """The host, with its port when not the scheme's default: the unit of politeness, named in messages."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return parts.netloc or url
    host = bracketed(parts.hostname or parts.netloc or url)
    return host if port in (None, DEFAULT_PORTS.get(parts.scheme.lower())) else f"{host}:{port}"


def bracketed(host: str) -> str:
    """The host as an address writes it: an IPv6 address in brackets ([::1]), any other as it is."""
    return f"[{host}]" if ":" in host else host


UNDECODED = re.compile("[\udc80-\udcff]")


def as_typed(url: str) -> str:
    """A URL given on the command line: bytes of it that are not UTF-8 (Python hands them over as lone
    surrogates, which no request, database or output can carry) as %XX escapes, as a browser sends them."""
    return UNDECODED.sub(lambda match: f"%{ord(match.group()) - 0xDC00:02X}", url)


def site_origin(url: str) -> str:
    """scheme://host:port of a URL, in lower case, without the user name and password it may hold, or the
    scheme's default port (http://h:80 is http://h)."""
    parts = urlsplit(url)
    scheme, host = parts.scheme.lower(), parts.netloc.lower().rsplit("@", 1)[-1]
    default = DEFAULT_PORTS.get(scheme)
    if default and host.endswith(f":{default}"):
        host = host[:-len(f":{default}")]
    return f"{scheme}://{host}"


def credentials(url: str) -> tuple[str, str | None]:
    """A typed address without the user name and password it holds, and the Authorization header (Basic) they
    make, or None: a password has no place in the address an archive stores and shows."""
    parts = urlsplit(url)
    if "@" not in parts.netloc or parts.scheme.lower() not in DEFAULT_PORTS:
        return url, None
    user, _, host = parts.netloc.rpartition("@")
    bare = urlunsplit(parts._replace(netloc=host))
    if not user:  # "https://@host/": an empty user name asks for nothing
        return bare, None
    name, _, password = user.partition(":")
    token = base64.b64encode(f"{unquote(name)}:{unquote(password)}".encode()).decode("ascii")
    return bare, f"Basic {token}"


USER_INFO = re.compile(r"(?P<scheme>\s*[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<user>[^/?#]*)@")


def masked(url: str | None) -> str | None:
    """An address to show: its password, if it holds one, as "***" (it stays in the archive, to be sent)."""
    if not url or "@" not in url:
        return url
    found = USER_INFO.match(url)  # read as written: urlsplit drops tabs and line breaks a message must show
    if found is None:
        return url
    name, colon, _ = found["user"].partition(":")  # a user name alone may be the secret (a token sent as Basic auth)
    return found["scheme"] + (f"{name}:***@" if colon else "***@") + url[found.end():]


# Characters no address carries as they are: C0 and C1 controls and DEL (a typed tab or escape, a line break), and
# the marks that turn text round or break its line (U+202E, U+2028), which would spoof what a terminal shows.
ADDRESS_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def address_problem(url: str) -> str | None:
    """Why a web address given to briefarc cannot be asked for, or None: a control character in it, or a host name
    no resolver takes (an empty label, "a..b", or one longer than 63 characters, which the request's IDNA encoding
    refused as an internal error)."""
    if ADDRESS_CONTROL.search(url):
        return "it holds a control character (a tab, a line break, an escape or a text-direction mark)"
    try:
        port = urlsplit(url).port
    except ValueError:
        port = 0
    if port == 0:  # 0 is no port a server listens on; urlsplit refuses 65536 and letters
        return f"the port {_port_text(url)} is not a port (1-65535)"
    host = hostname(url)
    if not host:
        return "it has no host name"
    if HOST_FORBIDDEN.search(host):
        return f"the host name {host!r} is not valid (it holds a space or a character no host name has)"
    try:
        host.encode("idna")
    except UnicodeError:
        return f"the host name {host!r} is not valid (an empty part, or a part longer than 63 characters)"
    return None


def _port_text(url: str) -> str:
    """The port of an address as typed, quoted when it is not a number ('http', in `http://host:http/`)."""
    host_and_port = split_authority(url).partition("//")[2].rpartition("@")[2]
    text = host_and_port.rpartition("]")[2].partition(":")[2]  # after an IPv6 address's brackets
    return text if text.isdigit() else repr(text)


# characters that no host name holds (RFC 3986's reg-name and the WHATWG URL standard's forbidden host code
# points, less the percent sign of an escape): "exa mple.com" was looked up, and failed as the network's fault
HOST_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`#/?@\[\]]")


def claimed_address(url: str | None) -> str | None:
    """The address a file claims for its page (a WARC record's target), control characters percent-encoded as a
    browser sends them; None when it is no web address, or its host is none a resolver takes."""
    if not is_web_url(url):
        return None
    url = url.strip()
    if ADDRESS_CONTROL.search(split_authority(url)):  # a control character in the host names no host
        return None
    url = ADDRESS_CONTROL.sub(lambda match: quote(match.group(), safe=""), url)
    return None if address_problem(url) else credentials(url)[0]


def split_authority(url: str) -> str:
    """The scheme and authority of a URL ("https://user@host:port"), as written."""
    start = url.find("//") + 2
    end = AUTHORITY_END.search(url, start)
    return url[:end.start()] if end else url
