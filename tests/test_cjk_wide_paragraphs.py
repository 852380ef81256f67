"""Full-width words alone (（ＷＴＯ）, （Ｇ２０）) in more than one paragraph of a Chinese page: the writer stores the
terms paragraph by paragraph (cjk.terms_of), verify and m018 work them out for the whole text (cjk.terms), and
the two must agree, or a freshly ingested archive fails `briefarc verify`."""

from __future__ import annotations

import pytest

from briefarc.store import cjk

PAGE = """<html lang="zh"><head><title>外交部发言人答记者问</title></head><body><h1>外交部发言人答记者问</h1>
<p>问：世界贸易组织（ＷＴＯ）改革受到关注，中方有何评论？</p>
<p>答：二十国集团（Ｇ２０）是重要平台，中方支持。</p>
</body></html>"""


def test_a_page_with_full_width_words_in_two_paragraphs_verifies_clean(cli, tmp_path):
    page, db = tmp_path / "page.html", tmp_path / "archive.db"
    page.write_text(PAGE, encoding="utf-8")
    assert cli("ingest", page, "--db", db).code == 0
    result = cli("verify", "--db", db)
    assert result.code == 0, result.stdout + result.stderr
    assert cli("search", '"WTO G20"', "--db", db, "--json").jsonl() == []  # two paragraphs apart


@pytest.mark.parametrize("text", ["（ＷＴＯ）改革\n\n（Ｇ２０）平台", "台（ＷＴＯ）\n\n\n\n台ｗ\n\nｗ台 （ｘ）"])
def test_the_terms_of_a_text_with_full_width_words_are_those_of_its_paragraphs(text):
    assert cjk.terms_of(text, cjk.Known()) == cjk.terms(text)


@pytest.mark.parametrize(("head", "paragraph"), [("Ｇ２０ 外 _", "，G20゙G20"), ("交-湾G20゙ ｗ,", "ｗ部， _部")])
def test_a_paragraph_cut_after_a_full_width_word_has_its_own_terms(head, paragraph):
    known = cjk.Known()
    known.TAIL = 1
    assert cjk.terms_of(head + paragraph, known) == cjk.terms(head + paragraph)
    assert cjk.terms_of(paragraph, known) == cjk.terms(paragraph)
