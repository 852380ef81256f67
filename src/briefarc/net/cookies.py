"""A site's cookies, kept within the limits a browser keeps them in.

A site's client keeps the cookies it sets and sends them back, as a browser does. Kept without a limit, a site
that sets a thousand new cookies with each page made every later request carry all of them: a Cookie header
of megabytes, built again for each request (30 pages took 19 s, 60 took 62 s: quadratic), and a jar that only
grows. Here a site keeps at most MAX_COOKIES at once, each of at most MAX_COOKIE_BYTES: those beyond are
dropped as they come, as a browser drops them, and a cookie the site sets again is still updated.
"""

from __future__ import annotations

from http.cookiejar import Cookie, CookieJar

MAX_COOKIES = 50  # a site's cookies at once: RFC 6265 §6.1 asks a client for at least 50 a domain
MAX_COOKIE_BYTES = 4096  # a cookie's name and value: RFC 6265 §6.1 asks for at least 4096 bytes


class CappedJar(CookieJar):
    """A CookieJar that keeps at most MAX_COOKIES cookies of at most MAX_COOKIE_BYTES each."""

    def set_cookie(self, cookie: Cookie) -> None:
        if len(cookie.name) + len(cookie.value or "") > MAX_COOKIE_BYTES:
            return
        with self._cookies_lock:  # type: ignore[attr-defined]
            domains = self._cookies  # type: ignore[attr-defined]
            held = domains.get(cookie.domain, {}).get(cookie.path, {})
            if cookie.name not in held and _count(domains) >= MAX_COOKIES:
                return
            super().set_cookie(cookie)


def _count(domains: dict[str, dict[str, dict[str, Cookie]]]) -> int:
    """The cookies held, counted by their domains' and paths' tables (len() of a jar walks every cookie)."""
    return sum(len(names) for paths in domains.values() for names in paths.values())
