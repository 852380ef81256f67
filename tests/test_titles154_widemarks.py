"""A title in a narrow script that holds a full-width mark, as a Chinese or Japanese input method types it, has the
ASCII mark instead; a Chinese, Japanese or Korean title keeps its full-width marks."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract
from briefarc.extract.title import narrow_marks
from tests.test_titles6_jsonld import page


def test_an_english_headline_with_a_full_width_question_mark_has_the_ascii_one() -> None:
    head = ('<meta property="og:title" content="How Do Consular Fees Work？"><title>How Do Consular Fees Work？ '
            "| Embassy News</title>")
    found = extract(page(head, "<h1>How Do Consular Fees Work？</h1>"), url="https://embassy.example/news/fees")
    assert found.title == "How Do Consular Fees Work?"


@pytest.mark.parametrize(("title", "expected"), [
    ("Talks Resume（Update）！", "Talks Resume(Update)!"),
    ("Заявление МИД：переговоры", "Заявление МИД:переговоры"),
    ("外交部发言人：毛宁主持例行记者会", "外交部发言人：毛宁主持例行记者会"),
    ("記者会見（全文）", "記者会見（全文）"),
    ("외교부 대변인 정례브리핑？", "외교부 대변인 정례브리핑？"),
    ("Press Briefing: 3 March", "Press Briefing: 3 March"),
])
def test_full_width_marks_are_kept_only_in_east_asian_titles(title: str, expected: str) -> None:
    assert narrow_marks(title) == expected


def test_a_chinese_page_keeps_its_titles_full_width_colon() -> None:
    head = ('<meta property="og:site_name" content="中华人民共和国外交部">'
            "<title>外交部发言人：毛宁主持例行记者会_中华人民共和国外交部</title>")
    found = extract(page(head, "<h1>外交部发言人：毛宁主持例行记者会</h1>"), url="https://mfa.example/zh/a.html")
    assert found.title == "外交部发言人：毛宁主持例行记者会"
