"""search checks in the text what its caseless index of words and character pairs cannot tell.

- A word typed in capitals that is a stop word in lower case is the acronym (`search WHO`: the World Health
  Organization), as kwic, collocates and trend read it: the index found every relative "who" alike.
- An English word typed inside a phrase with Chinese characters stands where the phrase puts it: the index
  matched it anywhere in a document holding the Chinese words (`"美国 and"` found a page with 美国 in one
  place and "Desistance and Disengagement" in another).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-0{month}-1{day}T10:00:00Z"></head>
<body><article><h1>{title}</h1>
{paragraphs}
</article></body></html>
"""
HEALTH = [
    "QUESTION: The spokesperson said the WHO vaccine experts would travel to the region next month to review the data.",
    "MS SMITH: Asked about funding, she said WHO programmes deserved the support of every member state in Geneva.",
]
PRONOUNS = [
    "QUESTION: Those who left the talks early said the ceasefire would hold, according to diplomats who attended.",
    "MS SMITH: The minister thanked the volunteers who helped and the families who sheltered the displaced in Geneva.",
]
# 美国 in one sentence, "and" in another: the phrase "美国 and" is not on the page.
APART = ["问：美国国务卿近日发文称，欧洲国家不能依赖中国。你对此有何评论？",
         "英国政府曾专门设立名为“断念与脱离”（Desistance and Disengagement Programme）的项目。"]
TOGETHER = ["答：世界卫生组织 WHO 总干事表示，各国应当加强合作。美国 and 欧洲都应支持。"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    from tests.analysis_archives import build

    folder = tmp_path_factory.mktemp("checks")
    pages = []
    plan = [("en", "Briefing on health", HEALTH), ("en", "Briefing on talks", PRONOUNS),
            ("en", "Briefing on talks again", PRONOUNS), ("zh", "外交部发言人主持例行记者会", APART),
            ("zh", "外交部发言人答记者问", TOGETHER)]
    for day, (lang, title, paragraphs) in enumerate(plan, start=1):
        text = "\n".join(f"<p>{paragraph} {'这是一段足够长的文字。' if lang == 'zh' else 'It is a long enough story.'}"
                         f"</p>" for paragraph in paragraphs * 3)
        pages.append(folder / f"page-{day}.html")
        pages[-1].write_text(PAGE.format(lang=lang, title=title, day=day, month=1 + day % 2, paragraphs=text),
                             encoding="utf-8")
    return build(folder / "archive.db", {"news": pages})


def titles(result) -> list[str]:
    return sorted(hit["title"] for hit in result.jsonl())


@pytest.mark.parametrize("sort", [[], ["--sort", "date"], ["--exhaustive"]])
def test_search_finds_the_acronym_not_the_pronoun(cli, archive, sort):
    found = cli("search", "WHO", "--db", archive, "--json", *sort)
    assert found.code == 0, found.stderr
    assert titles(found) == ["Briefing on health", "外交部发言人答记者问"]
    assert {hit["total"] for hit in found.jsonl()} == {2}
    assert len(cli("search", "who", "--db", archive, "--json", *sort).jsonl()) == 4  # lower case: every "who"


def test_the_acronym_counts_past_a_full_page_and_pages_on(cli, archive):
    first = cli("search", "WHO", "Geneva", "--limit", "1", "--db", archive, "--json")
    assert [hit["title"] for hit in first.jsonl()] == ["Briefing on health"]
    assert first.jsonl()[0]["total"] == 1
    assert "of 1" not in first.stderr and "more" not in first.stderr
    second = cli("search", "WHO", "--limit", "1", "--offset", "1", "--db", archive, "--json")
    assert len(second.jsonl()) == 1 and second.jsonl()[0]["total"] == 2


def test_the_acronym_snippet_marks_it_as_written(cli, archive):
    hit = next(hit for hit in cli("search", "WHO", "--db", archive, "--json").jsonl() if hit["language"] == "en")
    marked = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert marked and set(marked) == {"WHO"}


def test_turns_search_finds_the_acronym(cli, archive):
    everything = cli("search", "who", "--in", "answers", "--db", archive, "--json").jsonl()
    found = cli("search", "WHO", "--in", "answers", "--db", archive, "--json").jsonl()
    assert found and all("WHO" in turn["text"] for turn in found)
    assert len(everything) > len(found) and {turn["total"] for turn in found} == {len(found)}


def test_english_word_in_a_chinese_phrase_stands_where_it_is_typed(cli, archive):
    apart = cli("search", '"美国 and"', "--db", archive, "--json")
    assert titles(apart) == ["外交部发言人答记者问"], "the page with 美国 and 'and' far apart is no match"
    assert apart.jsonl()[0]["total"] == 1
    assert titles(cli("search", '"世界卫生组织 WHO 总干事"', "--db", archive, "--json")) == ["外交部发言人答记者问"]
    assert titles(cli("search", '"断念与脱离 Desistance"', "--db", archive, "--json")) == ["外交部发言人主持例行记者会"]
    assert cli("search", '"脱离 and"', "--db", archive, "--json").jsonl() == []
    count = cli("search", '"美国 and"', "美国", "--limit", "1", "--db", archive, "--json").jsonl()
    assert [hit["total"] for hit in count] == [1]


def test_a_word_in_a_group_or_beside_or_is_searched_as_the_index_has_it(cli, archive):
    either = cli("search", "WHO", "OR", "ceasefire", "--db", archive, "--json")
    assert len(either.jsonl()) == 4


def test_a_watch_finds_what_search_finds(cli, archive, tmp_path):
    import shutil

    copy = tmp_path / "watched.db"
    shutil.copy(archive, copy)
    assert cli("watch", "add", "health", "WHO", "--db", copy).code == 0
    import sqlite3

    with sqlite3.connect(copy) as conn:  # every document archived after the watch was made
        conn.execute("UPDATE watches SET seen_until = 0")
    report = cli("watch", "check", "--db", copy, "--json").jsonl()
    assert [sorted(hit["title"] for hit in line["hits"]) for line in report] == [
        ["Briefing on health", "外交部发言人答记者问"]]


@pytest.mark.parametrize("left_out", [["-WHO"], ["NOT", "WHO"]])
def test_an_acronym_left_out_leaves_out_the_acronym_only(cli, archive, left_out):
    found = cli("search", "Geneva", *left_out, "--db", archive, "--json")
    assert found.code == 0, found.stderr
    assert titles(found) == ["Briefing on talks", "Briefing on talks again"], "their 'who' is no WHO"
    assert {hit["total"] for hit in found.jsonl()} == {2}
    assert cli("search", "Geneva", "-who", "--db", archive, "--json").jsonl() == []  # lower case: every "who"
    answers = cli("search", "Geneva", *left_out, "--in", "answers", "--db", archive, "--json").jsonl()
    assert answers and all("WHO" not in turn["text"] and "Geneva" in turn["text"] for turn in answers)
    assert len(answers) == len(cli("search", "Geneva", "--in", "answers", "--db", archive, "--json").jsonl()) - 3
