"""Dates in the forms briefing pages use, and the traps."""

from __future__ import annotations

from datetime import date

import pytest

from briefarc.extract.dates import date_from_url, find_date, is_date_line, parse_date

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("16 September 2021", "2021-09-16"),
    ("September 16, 2021", "2021-09-16"),
    ("Sep. 16, 2021", "2021-09-16"),
    ("Sept. 16, 2021", "2021-09-16"),
    ("16.09.2021", "2021-09-16"),
    ("16th May 2025", "2025-05-16"),
    ("Friday, 16th May 2025", "2025-05-16"),
    ("Thursday, 26 January 2023", "2023-01-26"),
    ("2021-09-16T17:42:11+05:00", "2021-09-16T17:42:11+05:00"),
    ("2021-09-16T12:42:11Z", "2021-09-16T12:42:11+00:00"),
    ("2021-09-16T17:42:11+0500", "2021-09-16T17:42:11+05:00"),
    ("2021-09-16 17:42", "2021-09-16"),  # a time without an offset says only the day
    ("2021年9月16日", "2021-09-16"),
    ("(2021-09-16)", "2021-09-16"),
    ("June13, 2018", "2018-06-13"),
    ("2019/1/22", "2019-01-22"),  # citation_publication_date, Google Scholar's form
    ("04-Aug-2021", "2021-08-04"),  # a database's form, in capitals too
    ("Posted: 4-AUG-2021 10:00", "2021-08-04"),
    ("2024.03.05", "2024-03-05"),
    ("Wed, 11 Aug 2021 00:14:25 +0000", "2021-08-11T00:14:25+00:00"),
    ("09/16/2021", "2021-09-16"),
    ("星期四 2021年9月16日", "2021-09-16"),
])
def test_parse_date_forms(text: str, expected: str) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", ["", "not a date", "31 February 2021", "2999-01-01", "1970-01-01", "13.13.2021",
                                  "As of 24:00", "Page 2 of 13"])
def test_not_dates(text: str) -> None:
    assert parse_date(text, today=TODAY) is None


def test_future_dates_are_refused() -> None:
    assert parse_date("2026-01-02", today=TODAY) == "2026-01-02"  # tomorrow: time zones
    assert parse_date("2026-01-03", today=TODAY) is None


def test_dates_inside_titles() -> None:
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 29, 2018"
    assert find_date(title) == "2018-11-29"
    assert find_date("Press Briefing by Spokesperson on Friday, 16th May 2025") == "2025-05-16"
    assert find_date("Transcript of Weekly Media Briefing (July 07, 2022)") == "2022-07-07"
    assert find_date("2018年6月13日外交部发言人耿爽主持例行记者会") == "2018-06-13"


def test_titles_without_a_year_or_with_a_typo() -> None:
    assert find_date("Regular Press Conference on June 13") is None
    assert find_date("Regular Press Conference on June 13", default_year=2018) == "2018-06-13"
    assert find_date("Regular Press Conference on June13, 2018") == "2018-06-13"
    assert find_date("6月13日外交部发言人主持例行记者会", default_year=2018) == "2018-06-13"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202503/t20250312_11574321.html", "2025-03-12"),
    ("https://press.un.org/en/2023/db230912.doc.htm", "2023-09-12"),
    ("https://www.nytimes.com/2019/11/19/opinion/story.html", "2019-11-19"),
    ("https://www.latimes.com/business/story/2019-11-19/gannett", "2019-11-19"),
    ("https://example.com/news/20191119/story", "2019-11-19"),
    ("https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1617471.shtml", None),
    ("https://www.dawn.com/news/1647371/fo-says", None),
    ("https://example.com/2099/01/01/future", None),
    (None, None),
])
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url, today=TODAY) == expected


def test_date_lines() -> None:
    assert is_date_line("December 6, 2021")
    assert is_date_line("Saturday, September 18, 2021")
    assert is_date_line("2:07 p.m. EDT, August 10, 2021")
    assert not is_date_line("On December 6, 2021 the ministry said that it would respond.")
    assert not is_date_line("Published in Dawn, March 8th, 2025")
