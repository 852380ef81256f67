"""A title's last part that is the site's name said with more words than the host gives ("Daily Briefing | MOFA
Press Room" at www.mofa.gov.xy) is no headline: it comes off, as a site name that og:site_name gives does."""

from __future__ import annotations

import pytest

from briefarc.extract import title
from briefarc.extract.core import extract
from tests.test_titles6_jsonld import page


@pytest.mark.parametrize("head", [
    "<title>Daily Briefing | MOFA Press Room</title>",
    '<meta property="og:title" content="Daily Briefing | MOFA Press Room"><title>Daily Briefing | MOFA Press Room'
    "</title>",
    "<title>Daily Briefing - Mofa News Service</title>",
])
def test_a_last_part_that_opens_with_the_hosts_name_is_the_sites_name(head: str) -> None:
    found = extract(page(head), url="https://www.mofa.gov.xy/en/briefings/2025-03-03.html")
    assert found.title == "Daily Briefing"


def test_the_hosts_name_is_read_past_a_second_level_domain() -> None:
    assert title.host_brands({"www.mofa.gov.pk", "gov.pk"}) == {"mofa"}
    assert title.host_brands({"press.example.com", "example.com", "the site"}) == {"example"}
    assert title.host_brands({"www.mfa.gov", "mfa.gov", "abc.com"}) == {"mfa", "abc"}
    assert title.host_brands({"news.bbc.co.uk", "co.uk"}) == {"bbc"}


def test_a_headline_that_opens_with_the_hosts_name_is_kept() -> None:
    names = {"www.mofa.gov.xy", "gov.xy"}
    assert title.strip_site_suffix("Talks in Geneva | MOFA Press Room", names) == "Talks in Geneva"
    assert title.strip_site_suffix("MOFA statement on the floods", names) == "MOFA statement on the floods"
    assert title.strip_site_suffix("Talks in Geneva | MOFA statement on the outcome of the talks", names, guess=False) \
        == "Talks in Geneva | MOFA statement on the outcome of the talks"
