"""bench/datecases.py reads htmldate's date assertions on saved pages from their syntax tree (never running
them): the date a page was first published (original_date=True) apart from the latest date it shows."""

from __future__ import annotations

from tests.test_bench_readability import bench_module

TESTS = '''
MOCK_PAGES = {
"https://example.org/a": "a.html",
"https://example.org/b": "b.html",
}

def test_pages():
    assert find_date(load_mock_page("https://example.org/a"), original_date=True) == "2019-06-29"
    assert find_date(load_mock_page("https://example.org/a")) == "2019-07-03"
    assert find_date(load_mock_page("https://example.org/b"), extensive_search=False) is None
    assert find_date(load_mock_page("https://example.org/b"), extensive_search=True) == "2018-05-06"
    assert find_date(load_mock_page("https://example.org/b"), outputformat="%d %B %Y") == "06 May 2018"
    assert find_date(load_mock_page("https://example.org/c")) == "2020-01-01"
    assert find_date("<html><body>Datum: 10.11.2017</body></html>") == "2017-11-10"
'''


def test_date_assertions_on_saved_pages_are_read_without_running_them() -> None:
    bench = bench_module("datecases")
    pages, cases, skipped = bench.read_cases(TESTS)
    assert pages == {"https://example.org/a": "a.html", "https://example.org/b": "b.html"}
    assert [(case.url[-1], case.date, case.original) for case in cases] == [
        ("a", "2019-06-29", True), ("a", "2019-07-03", False), ("b", "2018-05-06", False)]
    assert skipped == 3  # no date expected, another option, a page MOCK_PAGES does not list


def test_a_date_is_right_by_its_day() -> None:
    bench = bench_module("datecases")
    case = bench.DateCase("https://example.org/a", "2019-06-29", True, 1)
    assert bench.right(case, "2019-06-29T10:18:46+00:00") and not bench.right(case, "2019-06-30")
    assert not bench.right(case, None)
