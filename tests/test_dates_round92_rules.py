"""The rules behind test_dates_round92_pages.py, one by one: a written weekday settles a numeric day that reads
both ways, Urdu month names, the date after "Published" in a line that opens with the update's, a header's
<time> of the update passed over for the publication's, a generic meta date against the day by the headline,
and a furniture list's item dates another article unless it is this page's own."""

from __future__ import annotations

from briefarc.extract.core import extract
from briefarc.extract.dates import find_date, find_date_in_language, parse_date

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the report says enough to be read as body text: the ministry summoned the envoy, the "
    f"talks resume this month, and the minister travels to three capitals of the region next week.</p>"
    for n in range(4))
HEADLINE = "<h1>Ministry summons envoy over border incident</h1>"


def page(body: str, head: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministry summons envoy over border '
            f"incident | Example News</title>{head}</head><body>{body}</body></html>").encode()


def test_a_weekday_settles_a_numeric_day_that_reads_both_ways() -> None:
    assert parse_date("Tue, 03/04/2025 - 14:05") == "2025-03-04"  # 4 March 2025 was a Tuesday, 3 April a Thursday
    assert parse_date("Thu, 03/04/2025") == "2025-04-03"
    assert find_date("Submitted by editor on Tue, 03/04/2025 - 14:05") == "2025-03-04"
    assert parse_date("03/04/2025") == "2025-04-03"  # no weekday: day first, as before
    assert parse_date("Wed, 03/12/2025") == "2025-12-03"  # both readings fall on a Wednesday: day first


def test_urdu_month_names() -> None:
    assert find_date_in_language("بدھ 12 مارچ 2025", "ur") == "2025-03-12"
    assert find_date_in_language("شائع ۱۲ مارچ ۲۰۲۵", "ur") == "2025-03-12"
    assert find_date_in_language("3 مئ 2024", "ur") == "2024-05-03"


def test_the_date_after_published_in_a_line_that_opens_with_the_update() -> None:
    body = f"{HEADLINE}<div class=meta>Updated: March 14, 2025 | Published: March 12, 2025</div>{PARAGRAPHS}"
    assert extract(page(body)).published == "2025-03-12"


def test_a_header_time_of_the_update_is_passed_over_for_the_publication() -> None:
    body = (f'<header>{HEADLINE}<p>Updated <time class="updated" datetime="2025-03-14">March 14, 2025</time> · '
            f'Published <time datetime="2025-03-12">March 12, 2025</time></p></header>{PARAGRAPHS}')
    assert extract(page(body)).published == "2025-03-12"


def test_an_update_by_the_headline_gives_way_to_the_first_publish_date_in_data() -> None:
    body = (f"{HEADLINE}<div>Updated March 14, 2025 at 5:00 a.m. EDT</div>{PARAGRAPHS}"
            '<script>window.content={"first_publish_date":"2025-03-12T14:05:12.345Z"};</script>')
    assert extract(page(body)).published[:10] == "2025-03-12"


def test_a_generic_meta_date_gives_way_to_the_day_by_the_headline_but_published_time_does_not() -> None:
    body = f"{HEADLINE}<p>Wednesday 12 March 2025</p>{PARAGRAPHS}"
    assert extract(page(body, '<meta name="date" content="2019-06-01">')).published == "2025-03-12"
    assert extract(page(body, '<meta name="dc.date" content="2019-06-01">')).published == "2025-03-12"
    published_time = '<meta property="article:published_time" content="2019-06-01T10:00:00+00:00">'
    assert extract(page(body, published_time)).published[:10] == "2019-06-01"


def recent_posts(own: str) -> str:
    other = ('<li><a href="/blog/k8s-gateway-api/"><div class="title">Kubernetes: the new Gateway API</div>'
             '<div class="date">2025-12-16</div></a></li>')
    return f'<div class="page-sidebar"><h3>Most recent posts</h3><ul>{own}{other}</ul></div>'


def test_a_most_read_item_of_another_article_does_not_date_the_page() -> None:
    body = (f'<div class="most-read"><div class="item"><a href="/news/a">Storm warning for the coast tonight</a>'
            f'<span>18 March 2025</span></div></div><main><article>{HEADLINE}<p>By Jane Roe</p><p>12 March 2025</p>'
            f"{PARAGRAPHS}</article></main>")
    assert extract(page(body), "https://news.example/world/ministry-summons-envoy").published == "2025-03-12"


def test_a_sidebar_item_that_is_this_page_dates_it() -> None:
    """A "Recent posts" list that shows this post unlinked (or linked to itself) beside the others: its date
    is the page's, and the other items' dates are not."""
    unlinked = recent_posts('<li><div class="title current">Ministry summons envoy</div><div class="date current">'
                            "2025-12-19</div></li>")
    body = f'<div class="container">{HEADLINE}{unlinked}{PARAGRAPHS}</div>'
    assert extract(page(body), "https://blog.example/blog/ministry-summons-envoy").published == "2025-12-19"


def test_a_month_written_with_a_letter_that_folds_to_an_ascii_one_is_read_not_a_crash() -> None:
    """The date patterns ignore case, so "ſept" (a long s) and "Kelvin-sign" letters match a month's name; its
    number was looked up by the lower-cased name, which "ſept" is not: KeyError, and the whole page unread."""
    assert find_date("ſept 5, 2024") == "2024-09-05"
    assert parse_date("5 ſept. 2024") == "2024-09-05"
    body = f"<article>{HEADLINE}<p>ſept 5, 2024</p>{PARAGRAPHS}<p>Filed ſept. 5 2024 from the capital.</p></article>"
    document = extract(page(body))
    assert document.title == "Ministry summons envoy over border incident" and "envoy" in document.body
