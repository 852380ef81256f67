"""Chinese text in a table cell (a search snippet, a title, a turn in `parallel`) wraps as `show` does: no line of
a cell begins with closing punctuation (，。、) at 80 columns."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from briefarc.output.analysis import parallel_table, turns_table
from briefarc.output.render import hits_table
from briefarc.output.wrap import CLOSING
from briefarc.store.search import SNIPPET_CLOSE, SNIPPET_OPEN

# A paragraph of the 2018-07-04 press conference, which `parallel` at 80 columns broke before "、" and "。".
CHINESE = ("7月6日欧盟外交与安全政策高级代表莫盖里尼将在奥地利维也纳召集伊朗核问题外长会。"
           "法国外长勒德里昂、德国外长马斯、俄罗斯外长拉夫罗夫、英国外交大臣约翰逊、伊朗外长扎里夫将出席会议。王毅国务委员兼外长将代表中方出席。其间，"
           "应奥地利外长克奈斯尔邀请，王毅国务委员兼外长还将同奥方举行会谈。我们希望此次会议发出团结一致的明确信号，"
           "就双边关系和共同关心的重大国际问题交换意见。")


def cell_lines(renderable, width: int = 80) -> list[str]:
    """Each cell's line in a rendered table: the text between the vertical rules."""
    out = StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(renderable)
    return [part.strip(" ") for line in out.getvalue().splitlines() for part in line.split("│")[1:-1]]


def opening_with_closing(lines: list[str]) -> list[str]:
    return [line for line in lines if line and line[0] in CLOSING]


def test_no_line_of_a_parallel_cell_opens_with_closing_punctuation():
    left = {"id": 34, "turn": 1, "role": "answer", "speaker": "Lu Kang", "text": "On July 6, Federica Mogherini " * 12}
    for width in range(60, 101):
        for shift in range(4):  # the break falls at every place in the text
            right = {"id": 113, "turn": 1, "role": "answer", "speaker": "陆慷", "text": CHINESE[shift:]}
            result = {"left": 34, "right": 113, "date": "2018-07-04", "confidence": 1.0,
                      "turns": [{"left": left, "right": right, "score": 1.0}]}
            lines = cell_lines(parallel_table(result), width)
            assert len(lines) > 5 and not opening_with_closing(lines), (width, shift)


def test_no_line_of_a_snippet_or_title_opens_with_closing_punctuation():
    for width in range(60, 101):
        hits = [{"id": 1, "published_date": "2018-07-04", "site": "fmprc", "title": CHINESE[shift:60],
                 "snippet": CHINESE[shift:].replace("外长", f"{SNIPPET_OPEN}外长{SNIPPET_CLOSE}")}
                for shift in range(4)]
        lines = cell_lines(hits_table(hits), width)
        assert len(lines) > 10 and not opening_with_closing(lines), width


def test_no_line_of_a_turn_opens_with_closing_punctuation():
    for width in range(60, 101):
        turns = [{"id": 113, "turn": 1, "date": "2018-07-04", "site": "fmprc", "role": "answer", "speaker": "陆慷",
                  "text": CHINESE[shift:]} for shift in range(4)]
        lines = cell_lines(turns_table(turns), width)
        assert len(lines) > 10 and not opening_with_closing(lines), width
