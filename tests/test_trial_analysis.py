"""Found by trying briefarc as its users do (the `trial` session): corpus tables at 80 columns, and the
faster counting of the corpus commands giving the same counts as before."""

from __future__ import annotations

import re
from collections import Counter

from rich.console import Console

from briefarc.analysis.tokens import CJK_CHARS, TokenCounts, _after, _before, content_tokens, spans, tokens
from briefarc.output.analysis import simple_table

OUTLETS = [
    {"outlet": "中央广播电视总台央视", "questions": 8, "first": "2020-03-24", "last": "2020-05-19",
     "top_terms": ["china's", "cooperation", "documentary", "foundation", "covid"]},
    {"outlet": "Reuters", "questions": 13, "first": "2020-03-27", "last": "2025-03-12",
     "top_terms": ["台湾", "安哥拉", "韩国", "二十", "债务"]},
]


def test_a_table_with_a_long_chinese_name_keeps_its_right_edge_at_80_columns():
    """`briefarc outlets` on the whole corpus: an outlet of ten Chinese characters (20 cells, never cut)
    made Rich narrow that column with the wrapping one, widen it back, and crop the table at 80 cells:
    no right border, and the top terms lost their last characters."""
    console = Console(width=80, record=True, color_system=None)
    console.print(simple_table(OUTLETS, ["outlet", "questions", "first", "last", "top_terms"], right=("questions",)))
    lines = console.export_text().splitlines()
    assert lines and all(line[-1] in "┓┃┩│┘" for line in lines), "\n".join(lines)
    assert "中央广播电视总台央视" in lines[3]
    assert all(term in "".join(lines) for term in ("documentary,", "foundation,", "债务"))


TEXTS = [
    "It’s the U.S.-Pakistan talks' 2nd round: it's over. 外交部发言人林剑：台湾是中国领土的一部分。台",
    "中 x 问：你能否进一步介绍？ ab-cd 新冠肺炎疫情 the THE The",
    "",
]


def test_tokens_are_the_spans_tokens():
    for text in TEXTS:
        assert list(tokens(text)) == [token for token, _, _ in spans(text)]


def test_token_counts_are_the_counts_of_content_tokens():
    counts = TokenCounts()
    for text in TEXTS * 3:
        counts.add(text)
    expected: Counter = Counter()
    for text in TEXTS * 3:
        expected.update(content_tokens(text))
    assert counts.counts() == expected


def test_characters_around_a_word_as_the_patterns_found_them():
    """grown() read the characters after and before a bigram with a regular expression compiled for each
    word (most of `outlets`' time); the string search finds the same characters, overlaps included."""
    text = "新冠肺炎疫情。肺炎肺炎肺炎患者，肺炎。哈哈哈哈哈。新冠病毒" * 3
    for word in ("肺炎", "哈哈", "新冠", "病毒", "疫情"):
        assert _after(word, text) == Counter(re.findall(f"{re.escape(word)}([{CJK_CHARS}])", text))
        assert _before(word, text) == Counter(re.findall(f"([{CJK_CHARS}])(?={re.escape(word)})", text))


def _count_text_by_scan(text: str, pattern, window: int) -> tuple[Counter, Counter]:
    """collocates' counting as it was: every token checked against every match."""
    from briefarc.analysis.tokens import worth_counting

    units = list(spans(text))
    overall = Counter(token for token, _, _ in units if worth_counting(token))
    nearby: set[int] = set()
    covered: set[int] = set()
    for match in pattern.finditer(text):
        inside = [i for i, (_, start, end) in enumerate(units) if start < match.end() and end > match.start()]
        if inside:
            covered.update(inside)
            nearby.update(range(max(0, inside[0] - window), min(len(units), inside[-1] + window + 1)))
    return Counter(units[i][0] for i in nearby - covered if worth_counting(units[i][0])), overall


def test_collocates_windows_found_by_bisection_are_the_scanned_ones():
    """A page of one long paragraph (a 50 MB text node) kept `collocates` busy for minutes: each match scanned
    every token of its text. The tokens a match overlaps are now bisected; the counts are the same."""
    from briefarc.analysis.collocates import _count_text
    from briefarc.analysis.matching import parse_term

    texts = [TEXTS[0] * 3, "台湾问题台湾是中国领土台湾。Taiwan Strait, Taiwan’s; 台湾" * 4, "trade talks " * 50, "x"]
    for term in ("台湾", "Taiwan", "trade talks", "中国领", "tai*", "湾"):
        pattern = parse_term(term).pattern
        for text in texts:
            for window in (1, 3, 5):
                near, overall = Counter(), Counter()
                _count_text(text, pattern, window, near, overall, Counter())
                assert (near, overall) == _count_text_by_scan(text, pattern, window), (term, window)


def test_corpus_tables_say_when_the_filters_select_no_document(cli, sample_db):
    """`speakers --since 2030` said "No spokesperson named in any document", and `collocates Taiwan --since 2030`
    that the term is rare: the filters had selected nothing."""
    for command in (("speakers",), ("outlets",), ("collocates", "Taiwan")):
        result = cli(*command, "--since", "2030", "--db", sample_db)
        assert result.code == 0 and result.stderr.strip() == "No documents match the filters.", (command, result)
    assert "No documents match" not in cli("speakers", "--db", sample_db).stderr
