"""Chinese words: a run of Han characters cut into the words it is written in, for counting.

Chinese is written without spaces. Counting overlapping character pairs instead of words put pairs that
straddle two words (交部 from 外交部, 言人 from 发言人, 港国 from 香港国安法) in the top rows of collocates,
keywords and outlets. jieba's dictionary (through rjieba, its Rust port: 0.24 s of CPU to load once a
process, about 3 MB of text a second) cuts a run into its words, and its hidden Markov model joins the
characters of names it does not list (赵立坚, 蓬佩奥). A run holding kana (Japanese) keeps its pairs: the
dictionary is Chinese, and would leave each kana a word of its own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Hiragana and katakana, not the katakana middle dot and long sound mark: Chinese writes foreign names with
# the dot too (唐纳德・特朗普), and such a run is Chinese, to be cut into words
KANA = re.compile("[\u3040-\u30fa\u30fd-\u30ff\uff66-\uff9f]")


# Words of diplomacy that jieba's general dictionary cuts apart, some into other words: 一带一路 into 一带 and
# 一路, 二十国集团 (G20) into 二 and 十国集团, 蔡英文 into 蔡 and 英文 ("English"), 布林肯 into 布 and 林肯
# ("Lincoln"). Organisations, initiatives and long-standing names of the briefings, not of any one page.
DIPLOMACY = (
    "一带一路", "二十国集团", "七国集团", "上海合作组织", "上合组织", "金砖国家", "世卫组织", "亚投行", "澜湄合作",
    "人类命运共同体", "一个中国原则", "一国两制", "全球发展倡议", "全球安全倡议", "全球文明倡议", "中欧投资协定",
    "新冠肺炎", "新冠病毒", "新冠疫苗", "南海仲裁案", "伊核问题", "朝鲜半岛无核化", "香港国安法",
    "蔡英文", "赖清德", "布林肯", "孟晚舟",
)


@cache
def _cut():
    import rjieba  # loads its dictionary: only for text that holds Chinese

    for word in DIPLOMACY:
        rjieba.add_word(word, None, None)
    return rjieba.cut


CACHED_RUN = 64  # characters: a sentence's run (fmprc's longest is 54); a longer one is cut and not kept


def words(run: str) -> tuple[str, ...]:
    """The words of a run of CJK characters, in order: its dictionary words for Chinese, its overlapping
    character pairs for a run holding kana, the character itself for a run of one."""
    return _remembered(run) if len(run) <= CACHED_RUN else _words(run)


# A body and its turns share their sentences, and a command reads them more than once: each cut once. An entry
# is the run and its words (about 700 bytes for a sentence, 3 KB at CACHED_RUN, so at most 190 MB when full of
# such runs); a page's unpunctuated megabytes of Han were kept whole, 70 MB for a 5 MB run, 830 MB for 65,536
# distinct runs of 300 characters.
@lru_cache(maxsize=1 << 16)
def _remembered(run: str) -> tuple[str, ...]:
    return _words(run)


def _words(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    if KANA.search(run):
        return tuple(run[index:index + 2] for index in range(len(run) - 1))
    return tuple(_cut()(run))


def offsets(run: str) -> list[tuple[str, int]]:
    """The words of `run` (words) with where each starts in it: pairs overlap, dictionary words follow on."""
    found = words(run)
    if len(run) > 1 and KANA.search(run):
        return list(zip(found, range(len(found)), strict=True))
    out, start = [], 0
    for word in found:
        out.append((word, start))
        start += len(word)
    return out
