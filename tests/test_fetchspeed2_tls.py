"""The TLS context (the CA bundle loaded: tens of milliseconds of CPU) is made on the first https connection, and
only then: a fetch of http:// sites alone never makes one; https sites share one."""

from __future__ import annotations

import asyncio
import ssl

import httpx
import pytest

from briefarc.net.fetch import FetchConfig, Fetcher
from tests.siteserver import SiteServer, article, robots, self_signed


@pytest.fixture
def made(monkeypatch) -> list[object]:
    """Every TLS context httpx or ssl makes for a client during the test (made for real, and counted)."""
    calls: list[object] = []
    httpx_make, ssl_make = httpx.create_ssl_context, ssl.create_default_context

    def httpx_counted(*args, **kwargs):
        calls.append(("httpx", kwargs.get("verify", args[0] if args else True)))
        return httpx_make(*args, **kwargs)

    def ssl_counted(*args, **kwargs):
        calls.append(("ssl", args, kwargs))
        return ssl_make(*args, **kwargs)

    monkeypatch.setattr(httpx, "create_ssl_context", httpx_counted)
    monkeypatch.setattr(ssl, "create_default_context", ssl_counted)
    return calls


@pytest.fixture(scope="module")
def tls_context(tmp_path_factory):
    context = self_signed(tmp_path_factory.mktemp("tls"))
    if context is None:
        pytest.skip("openssl is needed to make a certificate")
    return context


def config(**changes) -> FetchConfig:
    return FetchConfig(**{"delay": 0.0, "connect_timeout": 2.0, "read_timeout": 2.0, "retries": 0, **changes})


async def _statuses(urls: list[str], cfg: FetchConfig) -> list[int]:
    async with Fetcher(cfg) as fetcher:
        return [(await fetcher.get(url)).status for url in urls]


def test_a_fetch_of_http_sites_makes_no_tls_context(made):
    with SiteServer() as one, SiteServer() as two:
        for site in (one, two):
            site.route("/robots.txt", robots())
            site.route("/a", article("A"))
        statuses = asyncio.run(_statuses([one.url("/a"), two.url("/a"), one.url("/a")], config()))

    assert statuses == [200, 200, 200]
    assert made == []


def test_https_sites_share_one_context_made_on_the_first_https_request(made, tls_context):
    with SiteServer() as plain, SiteServer(tls=tls_context) as one, SiteServer(tls=tls_context) as two:
        for site in (plain, one, two):
            site.route("/robots.txt", robots())
            site.route("/a", article("A"))
        urls = [plain.url("/a"), one.url("/a").replace("http://", "https://"),
                two.url("/a").replace("http://", "https://")]
        statuses = asyncio.run(_statuses(urls, config(verify_tls=False)))

    assert statuses == [200, 200, 200]
    assert made == [("httpx", False)]


def test_the_context_made_late_still_checks_certificates(tls_context):
    from briefarc.net.fetch import FetchFailure

    with SiteServer() as plain, SiteServer(tls=tls_context) as secure:
        for site in (plain, secure):
            site.route("/robots.txt", robots())
            site.route("/a", article("A"))
        with pytest.raises(FetchFailure) as failed:
            asyncio.run(_statuses([plain.url("/a"), secure.url("/a").replace("http://", "https://")], config()))

    assert failed.value.reason == "tls"
