"""No way in from a public page to a private network.

A public host is played by a name that the fetcher's injected network resolves to a documentation
address (203.0.113.7, TEST-NET-3) and dials on 127.0.0.1: no traffic leaves this machine. The private
targets are servers on 127.0.0.1 named by their loopback address, as an attacker's page would name them.
"""

from __future__ import annotations

import asyncio

import pytest

from briefarc.collect import FetchOptions, collect
from briefarc.models import Source
from briefarc.net.addresses import GIVEN_URL, Network, is_private
from briefarc.net.fetch import FetchConfig, Fetcher, FetchFailure
from briefarc.store.db import open_database
from tests import siteserver as ss

PUBLIC_IP = "203.0.113.7"
PAGE = ss.article("Secret", ["The instance role's credentials, which no archive should hold."])


def network(**names: list[str]) -> Network:
    return Network(names={"public.test": [PUBLIC_IP], **names}, dial={PUBLIC_IP: "127.0.0.1"})


def config(**options) -> FetchConfig:
    return FetchConfig(delay=0, retries=0, network=network(), **options)


def public_url(site: ss.SiteServer, path: str) -> str:
    return f"http://public.test:{site.port}{path}"


def get(url: str, cfg: FetchConfig, given: str | None = None):
    async def go():
        if given:
            GIVEN_URL.set(given)
        async with Fetcher(cfg) as fetcher:
            try:
                return await fetcher.get(url)
            except FetchFailure as failure:
                return failure

    return asyncio.run(go())


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.254", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "::1", "fe80::1", "fe80::1%eth0", "fc00::1",
    "fd12:3456::1", "ff02::1", "::", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "not an address",
    "2002:7f00:1::1", "2002:a9fe:a9fe::", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1",
    "198.18.0.1", "198.19.255.254", "240.0.0.1", "192.0.0.170", "64:ff9b:1::a9fe:a9fe", "::127.0.0.1",
])
def test_private_addresses(address):
    assert is_private(address)


@pytest.mark.parametrize("address", ["203.0.113.7", "198.51.100.1", "2001:db8::1", "172.32.0.1", "11.0.0.1",
                                     "2002:cb00:7107::1", "64:ff9b::203.0.113.7"])
def test_public_addresses(address):
    assert not is_private(address)


def test_a_redirect_from_a_public_host_to_a_private_one_is_refused(sites):
    public, private = sites(2)
    private.route("/secret", PAGE)
    public.route("/go", ss.redirect(private.url("/secret")))
    failure = get(public_url(public, "/go"), config())
    assert isinstance(failure, FetchFailure) and failure.reason == "private"
    assert "127.0.0.1" in str(failure) and "--allow-private" in str(failure)
    assert private.requests == []  # not a byte sent to it, robots.txt included
    allowed = get(public_url(public, "/go"), config(allow_private=True))
    assert allowed.status == 200 and b"credentials" in allowed.data


def test_an_address_the_user_gives_is_fetched_wherever_it_is(site):
    site.route("/secret", PAGE)
    site.route("/moved", ss.redirect("/secret"))
    assert get(site.url("/moved"), config()).status == 200  # private to private: an intranet
    assert get(site.url("/moved"), config(), given=site.url("/moved")).status == 200


def test_a_link_found_on_a_public_page_cannot_lead_to_a_private_address(sites):
    public, private = sites(2)
    private.route("/secret", PAGE)
    given = public_url(public, "/sitemap.xml")
    failure = get(private.url("/secret"), config(), given=given)
    assert isinstance(failure, FetchFailure) and failure.reason == "private"
    assert private.requests == []


def test_dns_rebinding_is_caught_on_the_address_connected_to(site):
    """The name is public when the page is fetched and private when its redirect is followed."""
    site.route("/secret", PAGE)
    site.route("/go", ss.Reply(b"", 302, headers={"Location": "/secret"}, close=True))
    answers = iter([[PUBLIC_IP], ["127.0.0.1"]])

    class Rebinding(Network):
        async def resolve(self, host: str, port: int) -> list[str]:
            return next(answers, ["127.0.0.1"]) if host == "rebind.test" else await super().resolve(host, port)

    cfg = FetchConfig(delay=0, retries=0, network=Rebinding(dial={PUBLIC_IP: "127.0.0.1"}), respect_robots=False)
    failure = get(f"http://rebind.test:{site.port}/go", cfg)
    assert isinstance(failure, FetchFailure) and failure.reason == "private"
    assert site.paths() == ["/go"]


def sitemap(*urls: str) -> bytes:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode()


def test_fetch_stores_the_public_pages_of_a_sitemap_and_refuses_its_private_links(sites, db_file):
    public, private = sites(2)
    private.route("/secret", PAGE)
    public.route("/ok", ss.article("Public briefing", ["A briefing anyone may read and archive."]))
    public.route("/sitemap.xml", ss.Reply(sitemap(public_url(public, "/ok"), private.url("/secret")),
                                          content_type="application/xml"))
    source = Source(name="maps", kind="sitemap", url=public_url(public, "/sitemap.xml"))
    db = open_database(db_file)
    report = asyncio.run(collect(db, [source], [], FetchOptions(config=config())))[0]
    assert report.added == 1 and report.failed == 1
    assert "private address" in report.failures[0][1]
    assert private.requests == []
    titles = [row[0] for row in db.execute("SELECT title FROM documents").fetchall()]
    assert titles == ["Public briefing"]


def test_behind_a_proxy_a_name_that_resolves_to_a_private_address_is_refused(sites, monkeypatch):
    public, private = sites(2)
    private.route("/secret", PAGE)
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{ss.closed_port()}")  # httpx connects to the proxy
    failure = get(private.url("/secret"), config(), given=public_url(public, "/sitemap.xml"))
    assert isinstance(failure, FetchFailure) and failure.reason == "private"
    through_proxy = get(private.url("/secret"), config())  # given: allowed, and sent to the (closed) proxy
    assert isinstance(through_proxy, FetchFailure) and through_proxy.reason == "connect"
    assert private.requests == []
