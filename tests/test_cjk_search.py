"""Chinese words of any length through `briefarc search`: the documents found are exactly those whose text
holds the word (counted independently with SQL instr), on the bundled samples and on real China MFA pages;
queries mixing Chinese and English; turns; snippets that mark the whole word."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st


def containing(db: Path, *words: str, table: str = "documents") -> set[int]:
    """Ids of the rows whose text holds every word (Chinese: as it stands; English: any case)."""
    text = "title || ' ' || coalesce(subtitle, '') || ' ' || body" if table == "documents" else "text"
    clauses = " AND ".join(f"instr(lower({text}), lower(?))" for _ in words)
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute(f"SELECT id FROM {table} WHERE {clauses}", words)}


def found(cli, db: Path, *query: str) -> set[int]:
    result = cli("search", *query, "--limit", "500", "--db", db, "--json")
    assert result.code == 0, result.stderr
    return {row["id"] for row in result.jsonl()}


@pytest.mark.parametrize("word", ["台", "湾", "美", "台湾", "外交部", "例行记者会", "外交部发言人", "3月14日",
                                  "2025年3月"])
def test_a_chinese_word_of_any_length_finds_every_document_holding_it(cli, sample_db, word):
    assert found(cli, sample_db, word) == containing(sample_db, word) != set()


@pytest.mark.parametrize("word", ["湾台", "台湾人", "交外", "斐济共和国外交部长来"])
def test_characters_that_stand_apart_or_in_another_order_are_not_found(cli, sample_db, word):
    assert found(cli, sample_db, word) == containing(sample_db, word) == set()


def test_queries_mixing_chinese_and_english(cli, sample_db):
    either = found(cli, sample_db, "Taiwan", "OR", "台湾")
    assert either == containing(sample_db, "Taiwan") | containing(sample_db, "台湾")
    assert {row[0] for row in sqlite3.connect(sample_db).execute(
        "SELECT id FROM documents WHERE language = 'zh'")} & either and len(either) >= 2  # both languages
    assert found(cli, sample_db, "外交部", "2025") == containing(sample_db, "外交部", "2025") != set()
    assert found(cli, sample_db, "外交部", "-台湾") == containing(sample_db, "外交部") - containing(sample_db, "台湾")
    assert found(cli, sample_db, "title:外交部", "Fiji") == set()


@pytest.mark.parametrize("word", ["台湾", "外交部", "例行记者会"])
def test_snippets_mark_the_whole_chinese_word(cli, sample_db, word):
    rows = cli("search", word, "--db", sample_db, "--json").jsonl()
    assert rows
    for row in rows:
        marked = {row["snippet"][start:end] for start, end in row["highlights"]}
        assert marked == {word}, row["snippet"]


def test_turns_search_finds_a_two_character_word_in_answers(cli, sample_db):
    rows = cli("search", "台湾", "--in", "answers", "--db", sample_db, "--json").jsonl()
    with sqlite3.connect(sample_db) as conn:
        expected = set(conn.execute("SELECT document_id, number FROM turns WHERE role = 'answer' AND "
                                    "instr(text, '台湾')").fetchall())
    assert {(row["id"], row["turn"]) for row in rows} == expected != set()
    assert all(row["role"] == "answer" and "台湾" in row["text"] for row in rows)


def holding(db: Path, column: str, word: str) -> set[int]:
    """Ids of the documents whose `column` holds `word` as a word of its own or against Chinese text."""
    pattern = re.compile(rf"(?<![^\W\u3400-\u9fff]){re.escape(word)}(?![^\W\u3400-\u9fff])", re.I)
    with sqlite3.connect(db) as conn:
        return {row_id for row_id, text in conn.execute(f"SELECT id, {column} FROM documents")
                if pattern.search(text or "")}


@pytest.mark.parametrize(("column", "word"), [("title", "2019"), ("title", "2025"), ("body", "14")])
def test_a_column_filter_finds_letters_and_digits_written_against_chinese(cli, sample_db, column, word):
    """`title:2019` found only the English titles: "2019年5月15日…" is a term of cjk_title alone."""
    assert found(cli, sample_db, f"{column}:{word}") == holding(sample_db, column, word) != set()
    with sqlite3.connect(sample_db) as conn:  # some of them only against Chinese text (2019年5月, 14日)
        against = {row_id for row_id, text in conn.execute(f"SELECT id, {column} FROM documents")
                   if re.search(rf"{word}[\u3400-\u9fff]", text or "")}
    assert found(cli, sample_db, f"{column}:{word}") & against


@pytest.mark.parametrize(("column", "word"), [("body", "G20"), ("title", "2019"), ("body", "2019")])
def test_real_pages_a_column_filter_finds_words_against_chinese(cli, real_db, column, word):
    assert found(cli, real_db, f"{column}:{word}") == holding(real_db, column, word) != set()


@pytest.mark.parametrize("word", ["华", "台湾", "美国", "外交部", "一带一路", "例行记者会", "2019年"])
def test_real_pages_every_document_holding_the_word_and_no_other(cli, real_db, word):
    assert found(cli, real_db, word) == containing(real_db, word) != set()


@pytest.mark.parametrize("word", ["台", "台湾", "外交部", "2019年"])
def test_trend_counts_chinese_mentions_from_the_index_as_the_text_holds_them(cli, real_db, word):
    rows = cli("trend", word, "--by", "year", "--db", real_db, "--json").jsonl()
    with sqlite3.connect(real_db) as conn:
        bodies = [body for (body,) in conn.execute("SELECT body FROM documents WHERE published_date IS NOT NULL")]
    assert sum(row["mentions"] for row in rows) == sum(" ".join(body.split()).count(word) for body in bodies) > 0


@given(text=st.text(alphabet="台湾问题 a1，。", max_size=30),
       query=st.text(alphabet="台湾问题", min_size=1, max_size=5))
def test_a_run_of_chinese_characters_is_found_exactly_where_the_text_holds_it(text, query):
    """Any text of CJK characters, letters, digits and punctuation; any run of CJK characters as the query:
    the index finds the text exactly when the text holds the run (the index, not the SQL LIKE, decides)."""
    from briefarc.store.cjk import terms
    from briefarc.store.fts import index_for
    from briefarc.store.query import to_fts

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE turns_fts USING fts5(text, cjk_text, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO turns_fts VALUES (?, ?)", (text, terms(text)))
    table, fts = index_for(None, to_fts(query), "turns")
    assert bool(conn.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH ?", [fts]).fetchall()) == (query in text)


def terms_by_the_definition(text: str) -> str | None:
    """The terms as store/cjk.py defines them, one zero-width match per character (how it worked them out
    before it interleaved arrays): a CJK character with the next one, or alone at the end of its run; a run
    of other letters or digits written against a CJK run."""
    import re

    from briefarc.store.text import CJK_CHARS, has_cjk

    cjk, other = f"[{CJK_CHARS}]", f"[^\\W_{CJK_CHARS}]"
    pattern = f"(?=({cjk}{{2}}|{cjk}(?!{cjk})|(?<={cjk}){other}+|(?<!{other}){other}+(?={cjk})))"
    return " ".join(re.findall(pattern, text)) or None if has_cjk(text) else None


@given(text=st.text(alphabet="台湾问題あア𠀀 a1_é한，。\0\U000f0000\U0010fffd-", max_size=40))
def test_the_terms_are_those_of_the_definition(text):
    """Any mix of CJK (a kana, an ideograph beyond the first plane), letters, digits, underscores, Hangul,
    punctuation, NUL and characters of the private use planes the interleaving uses for its places."""
    from briefarc.store.cjk import terms

    assert terms(text) == terms_by_the_definition(text)


def test_the_terms_of_a_paragraph_of_more_runs_than_there_are_places():
    from briefarc.store.cjk import PLACES, terms

    text = "台1" * (PLACES // 2 + 5) + "湾问题"
    assert terms(text) == terms_by_the_definition(text)


@pytest.mark.parametrize(("spaced", "word"), [('"外交部 发言人"', "外交部发言人"), ('"例行 记者会"', "例行记者会"),
                                              ('"外交部 发言人"*', "外交部发言人")])
def test_a_space_typed_between_chinese_words_of_a_phrase_is_left_out(cli, sample_db, spaced, word):
    """Chinese writes no space between words: "外交部 发言人" found nothing, silently (helper-75)."""
    assert found(cli, sample_db, spaced) == containing(sample_db, word) != set()
    kwic = cli("kwic", spaced, "--limit", "1000", "--db", sample_db, "--json").jsonl()
    assert len(kwic) == len(cli("kwic", word, "--limit", "1000", "--db", sample_db, "--json").jsonl()) > 0
