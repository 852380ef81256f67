"""A title's last part that is a host name ("| Newsroom.org") is the site's name, though the page comes without its
address (a saved file) and so without a host to match it against."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract
from briefarc.extract.title import strip_site_suffix
from tests.test_titles6_jsonld import page


@pytest.mark.parametrize("head", [
    "<title>Ceasefire Holds | Embassy-News.org</title>",
    '<meta property="og:title" content="Ceasefire Holds - press.mfa.gov">',
    "<title>Ceasefire Holds | EMBASSY.COM</title>",
])
def test_a_host_name_after_a_short_headline_is_the_sites_name_without_a_url(head: str) -> None:
    assert extract(page(head)).title == "Ceasefire Holds"


@pytest.mark.parametrize("title", [
    "Ceasefire Holds | Mr.Smith",  # no top-level domain written in one case: a name
    "Ceasefire Holds | Release 2.3.1",
    "Embassy.org",  # the whole title
])
def test_what_is_no_host_name_is_kept(title: str) -> None:
    assert strip_site_suffix(title, set(), guess=False) == title
