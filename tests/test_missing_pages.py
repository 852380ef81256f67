"""Pages that answer 200 but say "not found" (briefarc.net.missing), in any letter case, and the same
answers as the plain pattern search over every page of the corpus."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

import pytest

from briefarc.net import missing
from tests.conftest import SHARED, needs_shared

ASKED = "https://www.mfa.test/eng/t20250101_1.html"


def answer(data: bytes, final_url: str = ASKED):
    return SimpleNamespace(status=200, final_url=final_url, data=data)


@pytest.mark.parametrize("page", [
    b"<HTML><HEAD><TITLE>Page Not Found</TITLE></HEAD><BODY>Sorry.</BODY></HTML>",
    b"<html><body><h1 class='x'>404 - Not Found</h1></body></html>",
    "<html><head><title>页面不存在</title></head></html>".encode("gb18030"),
    b'<html><head><META HTTP-EQUIV="Refresh" CONTENT="0; URL=/web/system/index_1.shtml"></head></html>',
    b"<html><script>window.Location.href = '/error/gone.html';</script></html>",
])
def test_a_page_saying_not_found_is_missing(page):
    assert missing.looks_missing(answer(page), ASKED)


@pytest.mark.parametrize("page", [
    b"<html><head><title>Resolution 404 adopted</title></head><body><h1>Resolution 404 adopted</h1></body></html>",
    b"<html><head><title>Briefing</title><meta http-equiv='refresh' content='600'></head></html>",
    b"<html><title>A briefing</title><p>The location of the talks was not found acceptable.</p></html>",
    b"<html><h1>Talks</h1><p>&lt;h1&gt; Page not found</p><h1 unclosed",
])
def test_an_article_is_not_missing(page):
    assert not missing.looks_missing(answer(page), ASKED)


def test_the_patterns_find_what_a_search_of_the_whole_page_finds():
    """The patterns are tried only where their first letters stand: the matches are those of finditer."""
    needs_shared(SHARED / "corpus" / "fmprc-bulk")
    pages = [gzip.decompress(path.read_bytes()) for path in sorted((SHARED / "corpus" / "fmprc-bulk").glob("*.gz"))]
    pages += [b"<TITLE>a</TITLE><title>b<h1>c</h1></title><H1>d</h1>", b"location=location.href='x'"]
    for data in pages:
        lowered = data.lower()
        for pattern, starts in ((missing._HEADINGS, (b"<title", b"<h1")),
                                (missing._REFRESH, (b"http-equiv", b"location"))):
            found = [m.span() for m in missing._matches(pattern, data, lowered, starts)]
            assert found == [m.span() for m in pattern.finditer(data)]


def test_every_ascii_line_a_missing_page_pattern_matches_holds_one_of_the_marks():
    """stubs.may_say_missing passes over an ASCII line without any of MISSING_MARKS before trying MISSING_WORDS:
    the marks must stay in step with the patterns, or a 'not found' page would be taken for content."""
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from briefarc.extract.stubs import may_say_missing
    from briefarc.net.missing import MISSING_WORDS

    patterns = [re.compile(pattern, re.IGNORECASE) for pattern in MISSING_WORDS if pattern.isascii()]

    @settings(max_examples=300 * len(patterns))
    @given(st.one_of([st.from_regex(pattern) for pattern in patterns]).filter(str.isascii))
    def holds_a_mark(line: str) -> None:
        assert may_say_missing(line), line

    holds_a_mark()
