"""The generic publication date is searched only when the page's date depends on it: a known site's own
date, or the full date in the title of a site that dates by title, spares the search (a speed rule,
issue 12); a listing of such a site still gets the generic date, read on the page as it was parsed."""

from __future__ import annotations

import pytest

from briefarc.extract import metadata
from briefarc.extract.core import extract

URL = "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1568499.shtml"
QA = ("<p>Q: The first question of the day is about the visit?</p><p>A: The visit will take place as planned.</p>"
      "<p>Q: A second question about trade?</p><p>A: We have stated our position many times.</p>")


def briefing(title: str, head: str = "") -> bytes:
    return f"""<html><head><title>{title}</title>{head}</head><body><div class="content_mod">
<h2 class="title">{title}</h2><div class="content">{QA}</div></div></body></html>""".encode()


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The titles the generic date search was run for."""
    calls: list[str | None] = []
    real = metadata.find_published

    def counted(src: metadata.PageSources, title: str | None = None) -> str | None:
        calls.append(title)
        return real(src, title)

    monkeypatch.setattr(metadata, "find_published", counted)
    return calls


def test_the_sites_own_date_spares_the_generic_search(searches: list[str | None]) -> None:
    head = ('<meta name="PubDate" content="2025-03-12 19:30">'
            '<meta property="article:published_time" content="2020-01-01">')
    document = extract(briefing("Regular Press Conference", head), url=URL)
    assert document.published == "2025-03-12"
    assert searches == []


def test_a_full_date_in_the_title_spares_the_generic_search(searches: list[str | None]) -> None:
    head = '<meta property="article:published_time" content="2020-01-01">'
    document = extract(briefing("Regular Press Conference on June 13, 2018", head), url=URL)
    assert document.published == "2018-06-13"
    assert searches == []


def test_a_title_without_its_year_takes_it_from_the_generic_date(searches: list[str | None]) -> None:
    head = '<meta property="article:published_time" content="2019-06-14T10:00:00+08:00">'
    document = extract(briefing("Regular Press Conference on June 13", head), url=URL)
    assert document.published == "2019-06-13"
    assert searches == ["Regular Press Conference on June 13"]


def test_a_listing_of_a_site_dating_by_title_reads_the_date_its_scripts_give() -> None:
    # the reader of the body strips scripts from the tree: the date they hold is read on the page parsed anew
    items = "".join(f'<li><a href="/mfa_eng/t{n}.shtml">Statement number {n} on the state of the world affairs</a>'
                    "</li>" for n in range(8))
    page = f"""<html><head><title>Statements, March 12, 2025</title>
<script>var page = {{"datePublished": "2025-03-14T08:00:00Z"}};</script></head><body>
<div class="newsLst_mod"><ul>{items}</ul></div></body></html>"""
    document = extract(page.encode(), url="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/")
    assert document.kind == "listing"
    assert document.published == "2025-03-14T08:00:00+00:00"
