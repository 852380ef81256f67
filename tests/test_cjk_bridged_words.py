"""Words between two Chinese characters with punctuation among them (网站www.brfmc.org查询, 热线0086-10-12308求助,
包括US, UK, France和Germany), as fmprc-bulk's Chinese pages print addresses, telephone numbers and lists. The words
that touch a Chinese character were search terms, the ones between them were not: the address and the number
were never found, and a phrase of the outer words, which the page does not say ("www org"), was."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefarc.store import cjk
from tests.cjk_pages import archive_of, check_upgraded, hits, terms_before_m018

PAGE = """<html lang="zh"><head><title>外交部发言人答记者问</title></head><body><h1>外交部发言人答记者问</h1>
<p>问：具体情况可以登陆新闻中心的官方网站www.brfmc.org查询吗？</p>
<p>答：请拨打外交部全球领事保护与服务应急热线0086-10-12308求助。</p>
<p>问：与会国包括US, UK, France和Germany，中方有何评论？</p>
</body></html>"""


@pytest.fixture
def archive(cli, tmp_path) -> Path:
    return archive_of(cli, tmp_path, PAGE)


@pytest.mark.parametrize(("query", "shown"), [
    ("www.brfmc.org", "www.brfmc.org"), ("0086-10-12308", "0086-10-12308"), ('"UK France"', "UK, France"),
    ('"US UK France"', "US, UK, France"),
])
def test_words_between_chinese_characters_are_found_as_the_page_has_them(cli, archive, query, shown):
    [hit] = hits(cli, archive, query)
    assert {hit["snippet"][start:end] for start, end in hit["highlights"]} == {shown}, hit["snippet"]
    for role in ("questions", "answers"):
        found = cli("search", query, "--in", role, "--db", archive, "--json")
        assert found.code == 0, found.stderr
    places = cli("kwic", query.strip('"'), "--db", archive, "--json").jsonl()
    assert [place["match"] for place in places] == [shown]


@pytest.mark.parametrize("query", ['"www org"', '"0086 12308"', '"US France"'])
def test_no_phrase_of_words_the_page_does_not_hold_side_by_side(cli, archive, query):
    assert hits(cli, archive, query) == []
    assert cli("search", query, "--in", "questions", "--db", archive, "--json").jsonl() == []


@pytest.mark.parametrize(("head", "paragraph"), [("台a: ", "b, c台"), ("台a。", "b c台"), ("毛宁：", "US, UK台")])
def test_a_paragraph_cut_inside_words_between_chinese_characters_has_its_own_terms(head, paragraph):
    known = cjk.Known()
    known.TAIL = 1
    assert cjk.terms_of(head + paragraph, known) == cjk.terms(head + paragraph)
    assert cjk.terms_of(paragraph, known) == cjk.terms(paragraph)


def test_an_older_archive_gets_the_terms_of_the_words_between(cli, archive):
    """m018 (not released) refreshes the rows whose terms left such words out: opened, the older archive finds them."""
    version = terms_before_m018(archive, (" brfmc ", " "), (" 10 ", " "))
    assert hits(cli, archive, "www.brfmc.org") and hits(cli, archive, "0086-10-12308")
    check_upgraded(archive, version)
