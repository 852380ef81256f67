"""Chinese paragraphs that hold Latin words or digits wrap as a reader expects: a line may end on either side of a
Chinese character, so a Latin word written against Chinese text is no block that runs to the next space (helper-75
saw "（Advanced" / "Placement" / ")信息网…" at 80 columns, and "问: " alone above "20日，…")."""

from __future__ import annotations

from io import StringIO

from rich.cells import cell_len
from rich.console import Console, Group

from briefarc.output.render import _turn_text
from briefarc.output.wrap import CLOSING, OPENING, Wrapped, breaks

MIXED = ("据美国大学预修课程考试（Advanced Placement )信息网发布的消息称，"
         "将从2020年起暂停部分在中国大陆进行的AP课程考试。"
         "有媒体使用南海的英文标准地名South China Sea作为一个说法，也有人问及德国球员厄齐尔（Mesut Özil）的问题。"
         "中方在G20峰会上提出了5G合作的倡议，欢迎各方参与。")
WORDS = ("Advanced", "Placement", "2020", "South", "China", "Sea", "Mesut", "Özil", "G20", "5G")
LONGEST_UNIT = 12  # cells of the longest run that no place to break divides: "（Advanced" and its neighbours


def rendered(renderable, width: int) -> list[str]:
    out = StringIO()  # in a Group, as show prints it: console.print joins bare Text objects into a plain Text
    Console(file=out, width=width, color_system=None, highlight=False).print(Group(renderable))
    return out.getvalue().rstrip("\n").split("\n")


def test_mixed_paragraphs_fill_their_lines_and_keep_latin_words_whole():
    for width in range(24, 101):
        lines = rendered(Wrapped(MIXED), width)
        assert all(cell_len(line) <= width and line == line.rstrip() for line in lines), width
        assert all(cell_len(line) > width - LONGEST_UNIT for line in lines[:-1]), (width, lines)
        assert not [line for line in lines[1:] if line[0] in CLOSING], width
        assert not [line for line in lines if line.rstrip()[-1] in OPENING], width
        assert "".join(lines).replace(" ", "") == MIXED.replace(" ", ""), width
        for word in WORDS:
            assert any(word in line for line in lines), (width, word)


def test_a_chinese_label_stays_with_the_answer_that_opens_with_a_digit():
    turn = {"speaker": "问", "role": "question", "text": "20日，美国国务院发言人称，美方将继续推进有关进程。" * 3}
    for width in range(20, 81):
        lines = rendered(_turn_text(turn), width)
        assert lines[0].startswith("问：20日，"), (width, lines[0])


def test_english_text_wraps_at_spaces_as_before():
    text = "The spokesperson said the talks in Doha would resume next week, officials confirmed on Tuesday …"
    for width in range(12, 60):
        lines = rendered(Wrapped(text), width)
        assert " ".join(line.strip() for line in lines) == text, width
        assert all(cell_len(line) <= width for line in lines), width
    assert breaks("supercalifragilistic word", 10) == [10, 21]  # a word longer than a line is cut where it ends
