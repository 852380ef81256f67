"""Letters and digits in Chinese text: an English word written against Chinese characters (APEC会议), a
phrase of them (地名South China Sea作为), and full-width ones (Ｇ２０峰会, （ＷＴＯ）, ２０２５年), as Chinese
and Japanese pages print them. Each is found by the ASCII word a user types (and by the full-width one, which
a query narrows), in documents and turns, and its snippet is the page's own text with the match marked,
never the column of CJK terms."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.cjk_pages import archive_of, check_upgraded, hits, terms_before_m018

PAGE = """<html lang="zh"><head><title>外交部发言人答记者问</title></head><body><h1>外交部发言人答记者问</h1>
<p>问：二十国集团（Ｇ２０）峰会将于２０２５年举行，中方对此有何评论？世界贸易组织（ＷＴＯ）改革也受到关注。</p>
<p>答：中方支持Ｇ２０峰会发挥积极作用，支持ＷＴＯ改革。我们希望各方共同努力，推动世界经济复苏和发展。</p>
<p>问：APEC会议将于下月举行，中方对此有何期待？</p>
<p>答：我们期待APEC会议取得积极成果，推动亚太地区经济合作不断深入发展。</p>
<p>问：有报道称，有关国家在英文标准地名South China Sea作为名称的问题上提出异议，中方有何回应？</p>
</body></html>"""


@pytest.fixture
def archive(cli, tmp_path) -> Path:
    return archive_of(cli, tmp_path, PAGE)


@pytest.mark.parametrize(("query", "shown"), [
    ("G20", "Ｇ２０"), ("Ｇ２０", "Ｇ２０"), ("g20", "Ｇ２０"), ("WTO", "ＷＴＯ"), ("ＷＴＯ", "ＷＴＯ"),
    ("2025年", "２０２５年"), ("APEC", "APEC"), ("APEC会议", "APEC会议"),
])
def test_letters_and_digits_in_chinese_text_are_found_and_marked_in_the_pages_text(cli, archive, query, shown):
    [hit] = hits(cli, archive, query)
    marked = {hit["snippet"][start:end] for start, end in hit["highlights"]}
    assert marked == {shown}, hit["snippet"]
    assert "会议 议将" not in hit["snippet"] and "峰会 会" not in hit["snippet"]  # not the terms' pairs


def test_an_english_word_against_chinese_characters_gets_a_snippet_of_the_text(cli, archive):
    [hit] = hits(cli, archive, "APEC")
    assert "问：APEC会议将于下月举行，中方对此有何期待？" in hit["snippet"], hit["snippet"]


def test_full_width_words_are_found_in_turns(cli, archive):
    for query, role in (("WTO", "question"), ("G20", "answer"), ("G20峰会", "answer"), ("2025年", "question")):
        result = cli("search", query, "--in", f"{role}s", "--db", archive, "--json")
        assert result.code == 0, result.stderr
        assert [row["role"] for row in result.jsonl()] == [role], query


def test_an_older_archive_gets_the_terms_of_its_full_width_words_and_chains(cli, archive):
    """An archive saved before the terms held full-width words as ASCII ones, or the middle words of a chain:
    its rows with such words get their terms again when it is opened (migration m018), and they are found."""
    version = terms_before_m018(archive, (" WTO", ""), (" China ", " "))
    assert hits(cli, archive, "WTO") and hits(cli, archive, '"South China Sea"')
    check_upgraded(archive, version)


@pytest.mark.parametrize(("term", "shown"), [("G20", "Ｇ２０"), ("ｇ２０", "Ｇ２０"), ("WTO", "ＷＴＯ"),
                                             ("2025年", "２０２５年"), ("g2*", "Ｇ２０"), ("APEC", "APEC")])
def test_kwic_shows_every_place_search_finds(cli, archive, term, shown):
    result = cli("kwic", term, "--db", archive, "--json")
    assert result.code == 0, result.stderr
    places = result.jsonl()
    assert places and {place["match"] for place in places} == {shown}, places
    assert len(places) == 2 - (term == "2025年")


def test_a_phrase_of_english_words_in_chinese_text_is_found_and_no_other(cli, archive):
    """South and Sea touch Chinese characters and were search terms, China between them was not: the phrase was
    never found, and "South Sea", which the page does not say, was (found by helper-87 on fmprc-bulk)."""
    [hit] = hits(cli, archive, '"South China Sea"')
    assert {hit["snippet"][start:end] for start, end in hit["highlights"]} == {"South China Sea"}, hit["snippet"]
    assert hits(cli, archive, '"South Sea"') == []
    result = cli("kwic", "South China Sea", "--db", archive, "--json")
    assert [place["match"] for place in result.jsonl()] == ["South China Sea"]


def test_the_upgrade_reads_only_the_rows_with_cjk_text(sample_db):
    """m018 looked for CJK text with GLOB over every text of the archive: 25 s of CPU on 100,000 documents, for the
    5% that hold any. It reads the rows that have CJK terms (every row with CJK text has them) and no other."""
    from briefarc.store.migrations import m018_letters_in_cjk_text

    statements: list[str] = []
    conn = sqlite3.connect(sample_db, isolation_level=None)
    try:
        conn.set_trace_callback(statements.append)
        conn.execute("BEGIN")
        m018_letters_in_cjk_text(conn)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert reads and not any("GLOB" in sql for sql in reads), reads


def test_full_width_words_alone_stand_in_their_place_in_the_terms(cli, archive):
    """Full-width words that no CJK character touches ((ＷＴＯ), (Ｇ２０)) were put after the paragraph's other
    terms, side by side: '"G20 WTO"' found the page, which says no such thing (helper-89). In their place now."""
    assert hits(cli, archive, '"G20 WTO"') == [] and hits(cli, archive, '"WTO G20"') == []
    assert hits(cli, archive, "G20") and hits(cli, archive, "WTO")


@example("ＷＴＯ:0\n台")  # the turn's paragraph without CJK, the body's '名字：ＷＴＯ:0' ending with it
@given(st.text(alphabet="台湾外交部2025G20ab ＷＴＯ（）：:，。\n", max_size=40))
def test_a_texts_terms_are_those_its_paragraphs_give_also_after_a_speakers_name(text):
    """What the writer stores (terms_of, paragraph by paragraph, a turn's taken from the body's paragraph that
    ends with it) is what verify works out again (terms): a turn without CJK after '名字：ＷＴＯ' held 'WTO'."""
    from briefarc.store import cjk

    text = text.replace("\n", "\n\n")
    assert cjk.terms_of(text, cjk.Known()) == cjk.terms(text)
    known = cjk.Known()
    known.TAIL = 1
    cjk.terms_of("名字：" + text, known)
    assert cjk.terms_of(text, known) == cjk.terms(text)
