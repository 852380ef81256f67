"""watch check searches the text a watch had seen only when it holds a word of the watch's query: the test may keep a
text that does not match, never leave out one that does (it is folded as the index folds it, or more)."""

from __future__ import annotations

import pytest

from briefarc.analysis.mentions import may_match, query_words
from briefarc.store.search import search_query
from tests.test_watch_edit_kinds import ingest, page


def words(query: str) -> list[str] | None:
    return query_words(search_query(query)[0])


@pytest.mark.parametrize(("query", "text"), [
    ("Zurich", "The talks in Zürich went on."),  # the index takes the diacritics off
    ("zürich", "The talks in ZURICH went on."),
    ("GDP", "中国ＧＤＰ增长"),  # full-width letters are searched as ASCII ones
    ("Zanz*", "Zanzibar"),  # a prefix
    ('"NOT" OR Zanzibar', "It is not so."),  # a word that looks like an operator, quoted
    ("Taliban NOT Kabul", "Kabul only"),  # NOT's words are kept too: a necessary condition, no more
    ("台湾问题", "关于台湾的问题"),  # CJK, character by character
    ("G20", "二十国集团（G20峰会）"),  # ASCII in a CJK word: the index's CJK terms have it
    ("oresund", "The Øresund bridge"),  # ø: unicode61 may fold it to o, Python does not: not judged
    ("Øresund", "The Oresund bridge"),
    ("title:Weekly", "Weekly briefing"),
])
def test_a_text_that_may_match_is_kept(query, text):
    assert may_match(words(query), text)


@pytest.mark.parametrize(("query", "text"), [
    ("Zanzibar", "The Spokesperson spoke of Kabul."),
    ('"Taliban authorities"', "Nothing of the kind, in 中文 either."),
    ("台湾", "An English text."),
    ("Zanzibar", "The talks in Zürich went on."),  # folded, judged as any other
    ("Zanzibar", "中国ＧＤＰ增长"),
    ("title:Weekly OR NEAR(Taliban Kabul, 5)", "Daily remarks on trade."),
])
def test_a_text_without_the_query_s_words_is_left_out(query, text):
    assert not may_match(words(query), text)


def test_an_edit_is_found_through_folded_words(cli, tmp_path):
    """The watched words written otherwise in the text it had seen (diacritics, full-width letters): the edit that
    took them out is reported as search finds the words in that text, no more, no less."""
    db, alone = tmp_path / "archive.db", tmp_path / "before.db"
    url, zh_url = "https://mofa.example.org/briefings/1", "https://mofa.example.org/zh/1"
    before = page("The Spokesperson met the delegation in Zürich to discuss ＧＤＰ figures and the Øresund link.")
    zh_before = page("发言人表示，中国ＧＤＰ增长符合预期，二十国集团（G20峰会）将在下月举行。", lang="zh")
    queries = {"zurich": "Zurich", "gdp": "GDP", "oresund": "Oresund", "oresund2": "Øresund", "g20": "G20",
               "zanzibar": "Zanzibar", "prefix": "Zür*"}
    ingest(cli, alone, tmp_path, before, url)
    ingest(cli, alone, tmp_path, zh_before, zh_url, "zh.html")
    searched = {name: {hit["id"] for hit in cli("search", query, "--db", alone, "--json").jsonl()}
                for name, query in queries.items()}
    ingest(cli, db, tmp_path, before, url)
    ingest(cli, db, tmp_path, zh_before, zh_url, "zh.html")
    for name, query in queries.items():
        cli("watch", "add", name, query, "--db", db)
    cli("watch", "check", "--db", db)
    ingest(cli, db, tmp_path, page("The Spokesperson met the delegation."), url, "after.html")
    ingest(cli, db, tmp_path, page("发言人表示，增长符合预期。", lang="zh"), zh_url, "zh-after.html")
    found = {row["watch"]: {hit["id"] for hit in row["unmatched_edits"]}
             for row in cli("watch", "check", "--db", db, "--json").jsonl()}
    assert found == searched, searched
    # the archive's own folding: ø is not o, full-width letters are ASCII ones in CJK text only
    assert searched == {"zurich": {1}, "gdp": {2}, "oresund": set(), "oresund2": {1}, "g20": {2},
                        "zanzibar": set(), "prefix": {1}}
