"""The text helpers that size and fold every block: the fast forms give what their definitions say."""

import re

from briefarc.extract.dates import find_date
from briefarc.extract.labels import read_label
from briefarc.extract.text import cjk_count, fold, text_size

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


def test_date_patterns_still_run_once_a_year_is_there():
    assert find_date("no digits here") is None
    assert find_date("Briefing on March 3", default_year=2021) == "2021-03-03"
    assert find_date("Briefing of 3 March 2021") == "2021-03-03"
    assert find_date("2021年3月3日外交部发言人") == "2021-03-03"


def test_a_paragraph_without_a_colon_has_no_label():
    assert read_label("Reuters asked about the talks", None) is None
    assert read_label("Reuters: About the talks?", None) is not None
    assert read_label("路透社记者：关于会谈？", None) is not None
