"""A slashed day that reads both ways ("Wed, 03/12/2025": 12 March and 3 December 2025 are both Wednesdays, so
the weekday cannot tell) is read as the page writes its days: as its other slashed days that read one way only
do, else as its address's country domain does (.pk, .in: day first), else as its declared locale's country does
(en-US: month first), else day first as before."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract
from briefarc.extract.dates import find_date, parse_date

ARTICLE = ("<p>The council approved the revised budget for the coming year after a long debate on the cost of the "
           "new transit line, which several members wanted to postpone until the audit is complete.</p>"
           "<p>The mayor said the vote would let the city sign the contracts before the spring, and that the audit "
           "would be published as soon as the auditors deliver it to the council's finance committee.</p>")
URL = "https://www.city.example/news/council-approves-revised-budget"


def drupal_page(lang: str, dateline: str = "Submitted by editor on Wed, 03/12/2025 - 10:15", more: str = "",
                locale: str = "") -> bytes:
    meta = f'<meta property="og:locale" content="{locale}">' if locale else ""
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{meta}'
            "<title>Council approves revised budget | City News</title></head><body><main><article>"
            f'<h1>Council approves revised budget</h1><div class="submitted">{dateline}</div>'
            f'<div class="content">{ARTICLE}{more}</div></article></main></body></html>').encode()


@pytest.mark.parametrize(("lang", "locale", "day"), [
    ("en-US", "", "2025-03-12"),
    ("en", "en_US", "2025-03-12"),
    ("en-GB", "", "2025-12-03"),
    ("en", "", "2025-12-03"),  # nothing says: day first, as before
    ("fr-FR", "", "2025-12-03"),
])
def test_the_locale_decides_a_day_that_reads_both_ways(lang: str, locale: str, day: str) -> None:
    assert extract(drupal_page(lang, locale=locale), url=URL).published == day


@pytest.mark.parametrize(("address", "day"), [
    ("https://mofa.gov.pk/press-briefing", "2025-12-03"),  # WordPress declares en-US wherever the site is
    ("https://www.mea.gov.in/media-briefings.htm", "2025-12-03"),
    ("https://www.usda.example.us/news/budget", "2025-03-12"),
])
def test_a_country_domain_decides_before_the_declared_locale(address: str, day: str) -> None:
    assert extract(drupal_page("en-US"), url=address).published == day


def test_the_pages_other_slashed_days_decide_before_the_locale() -> None:
    later = "<p>The next reading is set for 12/17/2025 and the final vote for 01/28/2026.</p>"
    assert extract(drupal_page("en", more=later), url=URL).published == "2025-03-12"
    british = "<p>The next reading is set for 17/12/2025 and the final vote for 28/01/2026.</p>"
    assert extract(drupal_page("en-US", more=british), url=URL).published == "2025-12-03"


def test_the_weekday_still_decides_where_only_one_reading_falls_on_it() -> None:
    tuesday = "Submitted by editor on Tue, 03/04/2025 - 14:05"  # 4 March 2025 was a Tuesday, 3 April a Thursday
    assert extract(drupal_page("en-GB", tuesday), url=URL).published == "2025-03-04"
    assert extract(drupal_page("en-US", "Submitted by editor on Thu, 03/04/2025"), url=URL).published == "2025-04-03"


def test_a_day_that_reads_one_way_only_is_read_that_way_anywhere() -> None:
    assert extract(drupal_page("en-GB", "Submitted by editor on 12/17/2025"), url=URL).published == "2025-12-17"
    assert extract(drupal_page("en-US", "Submitted by editor on 17/12/2025"), url=URL).published == "2025-12-17"


def test_without_the_page_the_reading_is_unchanged() -> None:
    assert parse_date("Wed, 03/12/2025") == "2025-12-03"
    assert parse_date("Wed, 03/12/2025", month_first=lambda: True) == "2025-03-12"
    assert find_date("on 03/12/2025 at noon", month_first=lambda: False) == "2025-12-03"
    assert parse_date("03.12.2025", month_first=lambda: True) == "2025-12-03"  # dots: day first in every country
