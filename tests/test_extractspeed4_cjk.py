"""Han characters told without compiling a class of their range (issue 12: same output).

re compiles a class of a range past U+00FF one code point at a time: a class of the Han characters cost 10 to 24
million instructions to compile, in every process, more than all a page's searches with it. The tests that only
need to know whether a character is Han now compare code points, the two patterns after 发言人 are read by code, and
the patterns that keep such a class (a Chinese agency's lead, an editor's credit) are only compiled for a line
that holds their words. Each must answer as the pattern it replaces.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

from briefarc.extract import boilerplate, labels, speakers
from briefarc.extract.authorbox import CHINESE_WIRE_LEAD, _may_be_wire_lead, author_from_wire_lead

HAN = r"\u3400-\u9fff"
HAS_HAN = re.compile(f"[{HAN}]")
PERSON_ZH = re.compile(rf"[{HAN}·]{{2,4}}")
OUTLET_ZH = re.compile(rf"[{HAN}\w《》〈〉（）()·・&\- ]{{1,30}}记者")
TITLE_ZH = re.compile(r"发言人(?P<name>[\u4e00-\u9fff·]{2,5}?)(?:主持|就|答|发表|在|宣布|表示|：|:|\d)")
SAID_ZH = re.compile(r"发言人(?P<name>[\u4e00-\u9fff·]{2,4}?)(?=\d|在|表示|说|指出|称|介绍|宣布|回答|就|强调|答)")
SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def every_character() -> list[str]:
    """Each code point of the BMP (surrogates included), and every 97th past it."""
    return [chr(code) for code in (*range(0x10000), *range(0x10000, 0x110000, 97))]


def test_one_character_is_told_as_the_classes_told_it():
    for char in every_character():
        assert labels.has_han(char) == bool(HAS_HAN.search(char)), hex(ord(char))
        assert labels.person_zh_form(char * 2) == bool(PERSON_ZH.fullmatch(char * 2)), hex(ord(char))
        assert labels.outlet_zh(char + "记者") == bool(OUTLET_ZH.fullmatch(char + "记者")), hex(ord(char))


PIECES = [*"发言人毛宁主持就答发表在宣布表示：:1１٣说指出称介绍回答强调·a记者 《》(（)_-\n\t",
          "发言人", "记者", "\u4dc0", "\u3400", "\u9fff", "\ua000", "\ud800", "\x01", "\x85", "\u3042", "\uac00", "é"]


def test_texts_are_read_as_the_patterns_read_them():
    rng = random.Random(12)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16))) for _ in range(40_000)]
    texts += ["外交部发言人毛宁主持例行记者会", "2024年3月14日外交部发言人汪文斌答记者问", "发言人发言人毛宁：",
              "发言人赵立坚3月", "据外交部发言人华春莹表示，", "发言人·阿卜杜勒在", "路透社记者", "《环球时报》记者",
              "CNN记者", "记者", "一" * 30 + "记者", "一" * 31 + "记者", "一二", "一二三四五", "毛宁", "关于作者"]
    for text in texts:
        title, said = TITLE_ZH.search(text), SAID_ZH.search(text)
        assert speakers.name_after_spokesperson(text, 5, speakers.TITLE_AFTER_NAME_ZH) == (
            title.group("name") if title else None), text
        assert speakers.name_after_spokesperson(text, 4, speakers.SAID_AFTER_NAME_ZH) == (
            said.group("name") if said else None), text
        assert labels.outlet_zh(text) == bool(OUTLET_ZH.fullmatch(text)), text
        assert labels.person_zh_form(text) == bool(PERSON_ZH.fullmatch(text)), text
        assert labels.has_han(text) == bool(HAS_HAN.search(text)), text


def test_spokespersons_are_found_in_titles_and_reports():
    assert speakers.spokesperson_from_title("2025年3月14日外交部发言人毛宁主持例行记者会") == "毛宁"
    english = "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference"
    assert speakers.spokesperson_from_title(english) == "Mao Ning"
    assert speakers.spokesperson_from_title("外交部发言人就某事答记者问") is None
    assert speakers.spokesperson_from_text(["据报道，外交部发言人汪文斌表示，中方欢迎。"]) == "汪文斌"
    assert speakers.spokesperson_from_text(["发言人对此表示欢迎。"]) is None


def test_the_lines_left_unsearched_are_those_the_patterns_never_match():
    rng = random.Random(5)
    pieces = [*"（(【[ \u3000\t责任编辑实习审核校对张华、，,）)】]电记者通讯员新华社北京3月14日:：x",
              "责编", "编辑", "责任编辑", "电（记者", "电 (通讯员 "]
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 24))) for _ in range(60_000)]
    lines += ["（责编：张华、陈静）", "【责任编辑:王晓】", " 审核：李四", "校对 ： 王五", "编辑：张三",
              "问：你是否掌握编队的动向？", "新华社北京3月14日电（记者李明远、王芳）",
              "中新网北京3月14日电 (记者 张三)", "电（记者王五）"]
    credit = re.compile(boilerplate.EDITOR_CREDIT.pattern)
    for line in lines:
        if credit.match(line):
            assert boilerplate._may_credit_editors(line), line
        if CHINESE_WIRE_LEAD.match(line):
            assert _may_be_wire_lead(line), line
    assert boilerplate.is_boilerplate("（责编：张华、陈静）", 0.0)
    assert not boilerplate.is_boilerplate("问：你是否掌握编队的动向？", 0.0)
    assert author_from_wire_lead(["新华社北京3月14日电（记者李明远、王芳）"]) == "李明远、王芳"


# Kana and hangul keep their class (language.KANA_OR_HANGUL): a page's sample read in UTF-8 bytes, or by code,
# costs more to search than the class costs to compile.
CHILD = """
import sys
from re import _compiler
han = []
optimize = _compiler._optimize_charset
def measured(charset, *args, **kwargs):
    han.extend(av for op, av in charset if op is _compiler.RANGE and av[0] <= 0x4e00 and av[1] >= 0x9fa5)
    return optimize(charset, *args, **kwargs)
_compiler._optimize_charset = measured
from briefarc.extract.core import extract
for path in sys.argv[1:]:
    extract(open(path, "rb").read())
print(len(han))
"""


def test_chinese_pages_compile_no_class_of_the_han_characters():
    """The Chinese sample transcripts and news report: no pattern with a class of the Han characters' range (some
    20,000 code points, a million instructions each thousand) is compiled."""
    pages = [str(SAMPLES / name) for name in ("china-mfa-zh.html", "china-mfa-zh-gbk.html", "cn-news-zh.html")]
    done = subprocess.run([sys.executable, "-c", CHILD, *pages], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0"
