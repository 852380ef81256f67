"""Which stored document a page is: its normalised canonical URL, else its URL, else (a feed's entry without a
link) its feed and its id, else its bytes.

A page may name its own address (`<link rel=canonical>`, `og:url`, a feed entry's link) only within the
site it was fetched from: the same registrable domain (Public Suffix List), or domains that
site_aliases.json lists as one site (a ministry that moved). Any other address it names is kept as a
claim, shown but never used to merge: otherwise a page on evil.example could become a new version
of a state.gov document. A saved file with no address, and a WARC record's target URI, are
held to the site recognised from the page's template; `--url` names the truth.
"""

from __future__ import annotations

import ipaddress
import json
from dataclasses import dataclass
from functools import cache

from briefarc.models import Document, RawPage
from briefarc.urls import hostname, is_web_url, normalize_url, split


@dataclass
class Identity:
    key: str
    url: str | None  # the page's address, as stored
    canonical_url: str | None  # a canonical address within the page's site
    claimed_url: str | None = None  # an address on another site the page names: shown, never trusted
    former: str | None = None  # the key an older briefarc gave the same document, looked for when `key` is not found


def identify(doc: Document, page: RawPage, digest: str) -> Identity:
    url = page.url or doc.url
    canonical, claim = doc.canonical_url, None
    if page.url_claimed and url and is_web_url(url) and not _trusted(url, None, doc.site):  # a WARC record's say
        claim, url = url, None
    anchor = _anchor(page, url)
    if canonical and is_web_url(canonical) and not _trusted(canonical, anchor, doc.site):
        canonical, claim = None, claim or canonical
    if url and is_web_url(url) and anchor and not same_site(url, anchor):  # a feed entry linking elsewhere
        claim, url = claim or url, None
    if url is not None and is_web_url(url):  # stored without its fragment, tracking parameters or dot segments
        url = normalize_url(url)
    if canonical is not None and is_web_url(canonical) and _trust_canonical(canonical, url):
        return Identity(normalize_url(canonical), url, canonical, claim)
    if url is not None and is_web_url(url):
        return Identity(url, url, canonical, claim)
    if claim and page.item and anchor:  # one entry of a feed: its place in the feed it came from
        return Identity(f"{normalize_url(anchor)}#{page.item}", anchor, canonical, claim)
    if page.item and (doc.text_source or "").startswith("feed"):  # an entry without a link: its feed and its id
        by_bytes = f"sha256:{digest}#{page.item}"  # the digest is the whole feed file's: one snapshot's
        if page.feed:  # shown at the feed's address, if it has one (reparse reads the entry as it was read)
            return Identity(f"feed:{page.feed}#{page.item}", url or anchor, canonical, claim, former=by_bytes)
        return Identity(by_bytes, url, canonical, claim)
    # a saved page's saved-from address, as the extractor read it (a page with an address or an entry has none)
    saved = None if page.item or page.url else doc.saved_from
    return Identity(f"sha256:{digest}", url, canonical, claim or saved)


def _anchor(page: RawPage, url: str | None) -> str | None:
    """The address the bytes were fetched from, or that the user gave: what a page's claims are held to."""
    for candidate in (page.source_url, page.origin, url):
        if is_web_url(candidate):
            return candidate
    return None


def _trusted(address: str, anchor: str | None, site: str | None) -> bool:
    if anchor:
        return same_site(address, anchor)
    hosts = _site_hosts(site)
    if hosts:  # a saved file recognised as a known site's page: held to that site
        return any(same_site(address, f"https://{host}/") for host in hosts)
    return True  # a saved file of an unknown site: its own canonical is all there is


def _site_hosts(name: str | None) -> tuple[str, ...]:
    if not name:
        return ()
    from briefarc.extract.sites import site_named

    site = site_named(name)
    return site.hosts if site else ()


def _trust_canonical(canonical: str, url: str | None) -> bool:
    """A canonical link to a site's front page, on a deeper page, is a template bug: ignore it."""
    parts = split(canonical)
    if parts is not None and parts.path.strip("/"):
        return True
    parts = split(url)
    return parts is not None and not parts.path.strip("/")


def same_site(one: str, other: str) -> bool:
    """Whether two URLs are on one site: the same registrable domain, or domains listed as one site."""
    first, second = hostname(one), hostname(other)
    if not first or not second:
        return False
    if first == second:
        return True
    if is_address(first) or is_address(second):
        return False  # an IP address is a site of its own: the public suffix list (0.1 s to read) need not tell
    first, second = site_of(first), site_of(second)
    return first == second or aliases().get(first, first) == aliases().get(second, second)


@cache
def site_of(host: str) -> str:
    """The registrable domain of a host ("www.state.gov" -> "state.gov"); an IP address or a host that
    is itself a public suffix stands for itself."""
    host = host.strip("[]").rstrip(".")
    if is_address(host):
        return host
    return _suffixes().privatesuffix(host) or host


def is_address(host: str) -> bool:
    """An IPv4 or IPv6 address, not a name."""
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@cache
def _suffixes():
    from publicsuffixlist import PublicSuffixList  # the list it bundles: no network

    return PublicSuffixList()


@cache
def aliases() -> dict[str, str]:
    """Each listed domain -> the first domain of its group."""
    from importlib import resources  # here: show and search, which read documents, never need it

    groups = json.loads(resources.files("briefarc.store").joinpath("site_aliases.json").read_text("utf-8"))
    return {domain: group["domains"][0] for group in groups for domain in group["domains"]}
