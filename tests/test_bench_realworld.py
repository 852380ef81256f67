"""bench/realworld.py reads trafilatura's real-world assertions from their syntax tree (never running them):
each `in` / `not in` of `result` is one check on the page last loaded, as plain-text output reads it."""

from __future__ import annotations

from pathlib import Path

from tests.test_bench_readability import ARTICLE, bench_module

TESTS = '''
MOCK_PAGES = {
'https://example.org/talks': 'example.org.talks.html',
'https://example.org/other': 'example.org.other.html',
}

def load_mock_page(url, xml_flag=False):
    return open(MOCK_PAGES[url]).read()

def test_extract(xmloutput):
    result = load_mock_page('https://example.org/talks', xmloutput)
    assert 'Paragraph 4 of the report' in result and 'Home World' not in result
    if xmloutput is False:
        assert 'Paragraph 0' in result
    if xmloutput is True:
        assert '<p>' in result
    assert len(result) > 10
    # assert 'commented out' in result
    result = load_mock_page('https://example.org/other', xmloutput)
    assert 'Menu' not in result
    result = load_mock_page('https://example.org/unlisted', xmloutput)
    assert 'unlisted' in result
'''


def test_assertions_are_read_as_checks_without_running_them(tmp_path: Path) -> None:
    bench = bench_module("realworld")
    pages, checks, skipped = bench.read_checks(TESTS)
    assert pages["https://example.org/talks"] == "example.org.talks.html"
    assert [(check.url.rsplit("/", 1)[1], check.text, check.present) for check in checks] == [
        ("talks", "Paragraph 4 of the report", True), ("talks", "Home World", False),
        ("talks", "Paragraph 0", True), ("other", "Menu", False)]
    assert skipped == 2  # len(result) > 10, and the page MOCK_PAGES does not list


def test_checks_pass_on_the_body_with_white_space_squeezed() -> None:
    bench = bench_module("realworld")
    read = bench.briefarc_reader()
    source = (f"<html><head><title>Talks in Geneva</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World"
              f"</a></nav><article><h1>Talks in Geneva</h1>{ARTICLE}</article></body></html>")
    body = bench.squeezed(read(source, "https://example.org/talks").body)
    assert bench.passes(bench.Check("u", "Paragraph 4  of the\nreport", True, 1), body)
    assert bench.passes(bench.Check("u", "Home World", False, 1), body)
    assert not bench.passes(bench.Check("u", "Home World", True, 1), body)
    assert not bench.passes(bench.Check("u", "Paragraph 4 of the report", False, 1), body)


def test_pages_not_in_utf8_are_decoded() -> None:
    bench = bench_module("realworld")
    assert bench.decoded("Grüße aus Köln".encode()) == "Grüße aus Köln"
    assert bench.decoded("<p>Grüße aus Köln, schön wär's</p>".encode("cp1252")) == "<p>Grüße aus Köln, schön wär's</p>"
