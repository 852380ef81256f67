"""Fuzzed Chinese text with English words, full-width letters and digits, spaces and punctuation (helper-90).

The terms a text gets (store/cjk.py) must be those the writer stores (terms_of, with a body's paragraph reused for
a turn), and a phrase copied from the text, quoted, must find it: search rewrites its CJK words onto the terms
(store/fts.py), so the phrase's terms must be those the text has at that place."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefarc.store import cjk
from briefarc.store.fts import TOKENIZER, index_for
from briefarc.store.query import to_fts
from briefarc.store.text import CJK_CHARS, narrow

PIECES = st.sampled_from([*"台湾外交部会议", "ab", "AB", "G20", "x", "12", "ａｂ", "ＣＤ", "Ｇ２０", "１２",
                          " ", " ", "，", "。", "：", ":", "（", "）", "(", ")", ".", "-", "_", "/", "\n", "\n\n"])
TEXTS = st.lists(PIECES, max_size=30).map("".join)
LATIN = f"[^\\W_{CJK_CHARS}]"


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_writer_stores_the_terms_of_the_text(text):
    assert cjk.terms_of(text, cjk.Known()) == cjk.terms(text)
    known = cjk.Known()
    known.TAIL = 1  # a turn's paragraph taken from the body's paragraph that ends with it
    assert cjk.terms_of("毛宁：" + text, known) == cjk.terms("毛宁：" + text)
    assert cjk.terms_of(text, known) == cjk.terms(text)
    folded = narrow(text)
    for term in (cjk.terms(text) or "").split(" "):
        if len(term) == 2 and re.fullmatch(f"[{CJK_CHARS}]{{2}}", term):
            assert term in folded  # no pair of characters that the text does not hold side by side


def found(text: str, phrase: str) -> bool:
    """Whether the quoted `phrase` finds a turn of `text`, as search asks turns_fts."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE turns_fts USING fts5(text, cjk_text, tokenize='{TOKENIZER}')")
    conn.execute("INSERT INTO turns_fts (rowid, text, cjk_text) VALUES (1, ?, ?)", (text, cjk.terms(text)))
    table, query = index_for(None, to_fts('"' + phrase + '"'), "turns")
    return conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (query,)).fetchone()[0] == 1


@pytest.mark.parametrize(("text", "phrase"), [
    ("有关国家在英文标准地名South China Sea作为名称", "地名South China Sea作为"),  # the words of a chain, all terms
    ("包括US, UK, France和Germany", "包括US, UK, France和"),  # words between two characters (_bridged)
    ("外台会（ａｂ ｃｄ会议", "会（ａｂ ｃｄ会"),  # a chain of full-width words
    ("交会交a b:议台部交", "交a b:议台"),
    ("外交部 发言人", "外交部 发言人"),  # a space the page has between two characters
    ("台 ＡＢ ｃｄ 会", "台 ＡＢ ｃｄ 会"),
])
def test_a_phrase_copied_from_the_text_finds_it(text, phrase):
    assert found(text, phrase)


@settings(max_examples=300, deadline=None)
@given(TEXTS.filter(cjk.terms), st.data())
@example("台 AB 会", None)
def test_a_quoted_phrase_cut_from_the_text_finds_it(text, data):
    if data is None:
        phrase = text
    else:
        start = data.draw(st.integers(0, len(text) - 1))
        phrase = text[start:data.draw(st.integers(start + 1, len(text)))]
    phrase = re.sub(r"^[\W_]+|[\W_]+$", "", phrase.replace("\n", " "))
    at = text.find(phrase)
    if not cjk.terms(phrase) or re.match(LATIN, phrase) and at and re.match(LATIN, text[at - 1]):
        return  # a phrase without CJK is the ordinary index's; one starting inside a word is not the text's word
    if re.search(LATIN + "$", phrase) and re.match(LATIN, text[at + len(phrase):]):
        return
    assert found(text, phrase), (cjk.terms(text), index_for(None, to_fts('"' + phrase + '"'), "turns"))


PAGE = """<html lang="zh"><head><title>答记者问</title></head><body><h1>答记者问</h1>
<p>问：有关国家在英文标准地名South China Sea作为名称的问题上提出异议，中方有何回应？</p>
<p>答：具体情况可以登陆新闻中心的官方网站www.brfmc.org查询。驻外使馆 领事部表示，ＡＰＥＣ ｗｅｅｋ期间照常办公。</p>
</body></html>"""


@pytest.mark.parametrize(("query", "shown"), [
    ('"地名South China Sea作为"', "地名South China Sea作为"), ('"站www.brfmc.org查"', "站www.brfmc.org查"),
    ('"使馆 领事部"', "使馆 领事部"), ('"APEC week期间"', "ＡＰＥＣ ｗｅｅｋ期间"),
])
def test_a_phrase_copied_from_a_page_finds_it_in_search_and_kwic(cli, tmp_path, query, shown):
    page, db = tmp_path / "page.html", tmp_path / "archive.db"
    page.write_text(PAGE, encoding="utf-8")
    assert cli("ingest", page, "--db", db).code == 0
    result = cli("search", query, "--db", db, "--json")
    assert result.code == 0, result.stderr
    [hit] = result.jsonl()
    assert {hit["snippet"][start:end] for start, end in hit["highlights"]} == {shown}, hit["snippet"]
    assert [place["match"] for place in cli("kwic", query, "--db", db, "--json").jsonl()] == [shown]
    assert cli("verify", "--db", db).code == 0


@pytest.mark.parametrize(("query", "shown"), [
    ('"地名:South China"', "地名South China"), ('"会议 (10:30)"', "会议 (10:30"), ('"台湾 -地区"', "台湾-地区"),
])
def test_kwic_takes_a_quoted_phrase_with_a_colon_a_parenthesis_or_a_dash_as_search_does(cli, tmp_path, query, shown):
    """They are text inside double quotes: kwic refused them as the search's operators (exit 2), where search
    found the page."""
    page, db = tmp_path / "page.html", tmp_path / "archive.db"
    page.write_text(PAGE.replace("</body>", "<p>会议 (10:30)在台湾-地区举行。</p></body>"), encoding="utf-8")
    assert cli("ingest", page, "--db", db).code == 0
    assert len(cli("search", query, "--db", db, "--json").jsonl()) == 1
    result = cli("kwic", query, "--db", db, "--json")
    assert result.code == 0, result.stderr
    assert [place["match"] for place in result.jsonl()] == [shown]
    assert cli("kwic", '"会议*10"', "--db", db).code == 2  # a * inside a word is still refused
