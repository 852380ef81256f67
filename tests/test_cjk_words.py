"""Chinese is counted in words: collocates, keywords and outlets show no pair of characters cut out of two
words (部发言人, 外交部发, 中方坚), and show the words themselves (台湾, 中方, 发言人, 外交部)."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{day}日外交部发言人主持例行记者会">
<meta name="PubDate" content="2024-05-{day:02d} 19:30">
<title>{day}日外交部发言人主持例行记者会</title></head>
<body><div class="news-main"><div class="title" id="News_Body_Title">{day}日外交部发言人主持例行记者会</div>
<div class="news-main-content" id="News_Body_Txt_A">
{paragraphs}
</div></div></body></html>
"""
# Each word is followed and preceded by words that begin or end alike: 外交部 by 发言人 and 发表, 发言人 by
# 外交部, 商务部 and 国防部, 中方 by 坚决 and 坚持. Pairs of characters grown one character at a time stopped
# inside the next word (外交部发, 中方坚) or the one before (部发言人).
NAMES = ["汪文斌", "毛宁", "林剑", "华春莹", "赵立坚", "耿爽"]
OUTLETS = ["路透社", "法新社", "彭博社", "新华社", "共同社", "塔斯社"]
TOPICS = ["经贸合作", "气候变化", "粮食安全", "海洋权益", "网络安全", "公共卫生"]
VERBS = ["强调", "指出", "表示", "回应", "介绍", "宣布"]
WEATHER = ["今天北京天气晴朗，气温二十度。明天将有小雨，请市民出行注意安全。",
           "上海今天多云，夜间有阵雨。周末气温回升，适合户外活动。"]


def briefing(day: int) -> list[str]:
    """A press conference of its own words each day: the words around each word differ from day to day."""
    name, outlet, topic, verb = (words[day % 6] for words in (NAMES, OUTLETS, TOPICS, VERBS))
    other = TOPICS[(day + 3) % 6]
    return [
        f"{outlet}记者：外交部发言人{name}{verb}，台湾是中国的一部分。中方坚决反对台湾独立。请问在{topic}方面有何进展？",
        f"答：外交部发表声明，中方坚持一个中国原则。{topic}和台湾问题都很重要，中方坚决维护国家主权。",
        f"{OUTLETS[(day + 2) % 6]}记者：商务部发言人{verb}将在{other}领域采取措施。国防部发言人也发表谈话。",
        f"答：外交部发言人{NAMES[(day + 1) % 6]}已经阐明{topic}立场。中方坚持对话协商，台湾同胞是骨肉兄弟。",
        f"海外同胞关心{other}。" if day % 2 else f"{other}惠及同胞。",
        f"外交部发布{topic}报告，中方坚决支持{other}。",
    ]


def page(day: int, paragraphs: list[str]) -> str:
    return PAGE.format(day=day, paragraphs="\n".join(f"<p>{text}</p>" for text in paragraphs))


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    from tests.analysis_archives import build

    folder = tmp_path_factory.mktemp("cjk-words")
    briefings, weather = folder / "briefings", folder / "weather"
    briefings.mkdir()
    weather.mkdir()
    for day in range(1, 7):
        (briefings / f"briefing-{day}.html").write_text(page(day, briefing(day)), encoding="utf-8")
        (weather / f"weather-{day}.html").write_text(page(day + 10, WEATHER), encoding="utf-8")
    return build(folder / "archive.db", {"briefings": sorted(briefings.iterdir()),
                                         "weather": sorted(weather.iterdir())})


FRAGMENTS = {"外交部发", "部发言人", "中方坚", "交部", "言人", "方坚", "方对"}


def test_keywords_show_the_words_and_no_pair_cut_out_of_two(cli, archive):
    rows = cli("keywords", "--source", "briefings", "--vs-source", "weather", "--limit", "40", "--db", archive,
               "--json").jsonl()
    words = {row["word"] for row in rows}
    assert {"外交部", "发言人", "中方", "台湾"} <= words
    assert not words & FRAGMENTS


def test_collocates_show_the_words_and_no_pair_cut_out_of_two(cli, archive):
    """台湾同胞 is one word: near 台湾 stands 同胞, the rest of it, a word elsewhere too (海外同胞)."""
    near_taiwan = {row["word"] for row in cli("collocates", "台湾", "--min-count", "1", "--limit", "60", "--db",
                                              archive, "--json").jsonl()}
    assert "中方" in near_taiwan and not near_taiwan & FRAGMENTS
    beside = {row["word"] for row in cli("collocates", "台湾", "--window", "1", "--min-count", "1", "--db", archive,
                                         "--json").jsonl()}
    assert "同胞" in beside and not beside & FRAGMENTS
    near_spokesperson = {row["word"] for row in cli("collocates", "发言人", "--limit", "40", "--db", archive,
                                                    "--json").jsonl()}
    assert "外交部" in near_spokesperson and not near_spokesperson & FRAGMENTS


def test_outlets_top_terms_are_words(cli, archive):
    """Each outlet asks about one spokesperson's words: the name shows whole, not as pairs (汪文, 文斌)."""
    rows = cli("outlets", "--top", "8", "--db", archive, "--json").jsonl()
    pieces = {name[index:index + 2] for name in NAMES for index in range(len(name) - 1)} - set(NAMES)
    assert len(rows) == 6 and all(set(row["top_terms"]) & set(NAMES) for row in rows)
    assert not {term for row in rows for term in row["top_terms"]} & (pieces | FRAGMENTS)


def test_a_long_run_of_han_is_cut_but_not_kept():
    """words() kept every run it cut, keyed by the whole run: a page's unpunctuated run of Han characters stayed
    in memory with all its words for the life of the process (70 MB for a 5 MB run). Sentences are kept,
    longer runs are cut each time they are asked."""
    import tracemalloc

    from briefarc.analysis.segment import words

    run = "外交部发言人主持例行记者会台湾是中国的一部分" * 10_000
    assert words("中国") == ("中国",)  # the dictionary is loaded before the count
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        assert "".join(words(run)) == run
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 1_000_000, kept


def test_a_chinese_name_written_with_the_katakana_middle_dot_is_cut_into_words():
    """A run holding kana is counted in pairs (Japanese); the katakana middle dot and long sound mark are no
    kana of their own, and Chinese writes foreign names with the dot: 唐纳德・特朗普 gave 德・, ・特, 特朗."""
    from briefarc.analysis.tokens import content_tokens

    assert list(content_tokens("美国总统唐纳德・特朗普表示")) == ["美国", "总统", "唐纳德", "特朗普", "表示"]
    assert "のコ" in list(content_tokens("東京都のコーヒー"))  # Japanese keeps its pairs


def test_words_of_diplomacy_are_one_word_each() -> None:
    """jieba's general dictionary cut them apart, some into other words: 蔡 and 英文 ("English"), 布 and 林肯
    ("Lincoln"), 二 and 十国集团."""
    from briefarc.analysis.segment import words

    assert words("蔡英文当局") == ("蔡英文", "当局")
    assert words("布林肯国务卿") == ("布林肯", "国务卿")
    assert words("中方支持一带一路和二十国集团") == ("中方", "支持", "一带一路", "和", "二十国集团")
    assert words("英文很好，林肯总统") == ("英文", "很", "好", "，", "林肯", "总统")
