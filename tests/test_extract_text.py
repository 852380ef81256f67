"""The text helpers that size and fold every block: the fast forms give what their definitions say."""

import re

from briefarc.extract.dates import find_date
from briefarc.extract.labels import read_label
from briefarc.extract.text import LONG_TEXT, cjk_count, fold, folded_lines, folded_size, text_size

CJK_RANGES = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def test_cjk_count_counts_the_ideographs_at_the_edges_of_each_range():
    edges = "\u33ff\u3400\u4dbf\u4dc0\u4dff\u4e00\u9fff\ua000\uf8ff\uf900\ufaff\ufb00\u3001\u30a2\uff01\U00020000é a"
    for char in edges:
        assert cjk_count(char) == len(CJK_RANGES.findall(char)), repr(char)
    assert cjk_count(edges) == 6
    assert text_size("中文 ab") == len("中文 ab") + 2 * 2


def test_fold_joins_lines_between_wide_characters_only():
    assert fold("中\n文 \n\t字") == "中文字"
    assert fold("中\n文\nword\n字") == "中文 word 字"
    assert fold("，\r\n「引」") == "，「引」"
    assert fold("a\nb\u00a0 c\u200b") == "a b c"


def test_folded_size_says_what_the_whole_folded_size_says_against_its_limit():
    # texts whose prefix of 4 * limit characters ends inside a run of breaks between wide characters, inside a word,
    # among soft hyphens and zero-width spaces, or holds mostly whitespace that folding removes
    limit = 20
    texts = ["中" * 79 + "\n   \n" + "文" * 30, "x" * 79 + " " + "y" * 10, "a\u00ad" * 60, "\u200b" * 100 + "word",
             " " * 79 + "\n" * 50 + "short text", "w " * 40 + "tail", "中\n文" * 40, "", "a" * 19, "a" * 20,
             " " * 100 + "a long enough text here"]
    for text in texts:
        whole = text_size(fold(text))
        found = folded_size(text, limit)
        assert (found < limit) == (whole < limit), repr(text[:30])
        assert found == whole if whole < limit else found >= limit, repr(text[:30])


def test_folded_lines_are_the_lines_each_folded_whatever_the_text_holds():
    texts = ["a  b\n\n c\t\n", "中\r文\n", "中\r\n文\n字 \u3000 x", "soft\u00adhyphen\nzero\u200bwidth\n\ufeff",
             "\u00a0\n\u3000\n", "ascii only\r\nline", "é\x85x\u2028y\nz", "w " * LONG_TEXT + "\nend"]
    for text in texts:
        assert folded_lines(text) == [line for line in map(fold, text.split("\n")) if line], repr(text[:40])
    assert folded_lines("x\u00adx\n\n y ") == ["xx", "y"]


def test_date_patterns_still_run_once_a_year_is_there():
    assert find_date("no digits here") is None
    assert find_date("Briefing on March 3", default_year=2021) == "2021-03-03"
    assert find_date("Briefing of 3 March 2021") == "2021-03-03"
    assert find_date("2021年3月3日外交部发言人") == "2021-03-03"


def test_a_paragraph_without_a_colon_has_no_label():
    assert read_label("Reuters asked about the talks", None) is None
    assert read_label("Reuters: About the talks?", None) is not None
    assert read_label("路透社记者：关于会谈？", None) is not None
