"""briefarc collocates and keywords: association measures, English and Chinese, samples and real pages."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from briefarc.analysis.association import keyness, log_likelihood, pmi
from briefarc.analysis.matching import fold_accented
from briefarc.analysis.tokens import content_tokens, tokens


def test_measures_against_worked_values():
    # 100 in 10,000 words against 50 in 10,000: Rayson's two-cell LL is 16.99; the four-cell G2 is 17.12
    assert keyness(100, 10_000, 50, 10_000) == pytest.approx(17.116, abs=0.001)
    assert log_likelihood(5, 5, 5, 5) == 0.0  # independent
    assert pmi(10, 100, 50, 10_000) == pytest.approx(4.3219, abs=0.0001)  # log2(20)


def test_tokens_for_english_and_chinese():
    # a possessive is its word; a hyphen parts two words, as the word index (trend, kwic) parts them
    assert list(tokens("China's trade-war, 2019!")) == ["china", "trade", "war"]
    assert list(tokens("外交部发言人表示")) == ["外交部", "发言人", "表示"]
    assert list(content_tokens("the Taiwan question 的")) == ["taiwan", "question"]


def test_collocates_of_an_english_term(cli, sample_db):
    rows = cli("collocates", "tariffs", "--db", sample_db, "--json").jsonl()
    words = {row["word"]: row for row in rows}
    assert words["additional"]["near"] == 2 and words["additional"]["total"] >= 2
    assert "tariffs" not in words and "the" not in words
    assert all(row["near"] >= 2 and row["near"] <= row["total"] for row in rows)
    assert [row["score"] for row in rows] == sorted((row["score"] for row in rows), reverse=True)
    narrow = {row["word"] for row in cli("collocates", "tariffs", "--window", "1", "--db", sample_db,
                                         "--json").jsonl()}
    assert "additional" in narrow and "chinese" in words and "chinese" not in narrow  # "tariffs on Chinese"


def test_collocates_pmi_and_chinese(cli, sample_db):
    pmi_rows = cli("collocates", "tariffs", "--measure", "PMI", "--db", sample_db, "--json").jsonl()
    assert pmi_rows and all(row["score"] > 0 for row in pmi_rows)
    chinese = {row["word"] for row in cli("collocates", "台湾", "--min-count", "1", "--db", sample_db,
                                          "--json").jsonl()}
    assert {"军机", "只有"} <= chinese and "台湾" not in chinese and "湾地" not in chinese  # no overlap with it


def test_collocates_empty_and_bad(cli, sample_db):
    empty = cli("collocates", "zzyzx", "--db", sample_db)
    assert empty.code == 0 and empty.stdout == "" and "No collocates" in empty.stderr
    for args in (["x", "--measure", "chi2"], ["x", "--window", "0"], ["!!"]):
        result = cli("collocates", *args, "--db", sample_db)
        assert result.code == 2 and result.stderr.startswith("Error")


def test_keywords_of_a_period_against_another(cli, sample_db):
    rows = cli("keywords", "--lang", "zh", "--since", "2025", "--vs-until", "2020", "--min-count", "2",
               "--db", sample_db, "--json").jsonl()
    words = {row["word"]: row for row in rows}
    assert {"林剑", "免签"} <= set(words) and "陆慷" not in words
    assert all(row["per_million"] > row["reference_per_million"] for row in rows)
    english = {row["word"]: row for row in cli("keywords", "--since", "2025-03-12", "--until", "2025-03-12",
                                               "--vs-until", "2020", "--lang", "en", "--min-count", "1",
                                               "--limit", "1000", "--db", sample_db, "--json").jsonl()}
    assert "fiji" in english
    # the speaker labels ("Lin Jian:" before each answer) are not text, nor is the title ("Foreign Ministry
    # Spokesperson Lin Jian's Regular Press Conference"): "lin" counts only where the text writes it
    conn = sqlite3.connect(sample_db)
    written = conn.execute(
        """SELECT count(*) FROM turns t JOIN documents d ON d.id = t.document_id
           WHERE d.published_date = '2025-03-12' AND d.language = 'en' AND t.text LIKE '%Lin Jian%'""",
    ).fetchone()[0]
    labels = conn.execute("""SELECT count(*) FROM turns t JOIN documents d ON d.id = t.document_id
                             WHERE d.published_date = '2025-03-12' AND t.speaker = 'Lin Jian'""").fetchone()[0]
    conn.close()
    assert labels > 5 and english.get("lin", {}).get("count", 0) == written < labels


def test_keywords_of_a_source_and_spokesperson(cli, sample_db):
    rows = cli("keywords", "--source", "fmprc", "--vs-source", "others", "--min-count", "2", "--db", sample_db,
               "--json").jsonl()
    assert rows and "china" in {row["word"] for row in rows}
    person = cli("keywords", "--spokesperson", "Lin Jian", "--vs-spokesperson", "Hua", "--min-count", "2",
                 "--db", sample_db, "--json").jsonl()
    assert "fiji" in {row["word"] for row in person}


def test_keywords_empty_and_bad(cli, sample_db):
    assert "No documents match the filters" in cli("keywords", "--since", "2040", "--db", sample_db).stderr
    nothing = cli("keywords", "--since", "2025", "--vs-source", "un-noon-rss", "--db", sample_db)  # no documents
    assert nothing.code == 2 and "Nothing to compare with" in nothing.stderr
    unknown = cli("keywords", "--since", "2025", "--vs-source", "nosuch", "--db", sample_db)
    assert unknown.code == 2 and "No source named 'nosuch'" in unknown.stderr
    assert cli("keywords", "--vs-since", "soon", "--db", sample_db).code == 2


def test_real_archive_collocates_and_keywords(cli, real_db):
    near = {row["word"] for row in cli("collocates", "Taiwan", "--db", real_db, "--json").jsonl()}
    assert "strait" in near or "region" in near
    rows = cli("keywords", "--since", "2020", "--vs-until", "2018", "--lang", "zh", "--db", real_db,
               "--json").jsonl()
    assert "疫情" in {row["word"] for row in rows}


def test_chinese_words_read_as_the_longer_words_they_stand_in(cli, sources_db):
    """Overlapping bigrams cut 世卫组织 into 世卫, 卫组, 组织 and 委内瑞拉 into 委内, 内瑞, 瑞拉; words are counted
    now, and a word that nearly always stands in one longer string of words is shown as that string."""
    from briefarc.analysis.tokens import grown, worded

    covid = {row["word"]: row for row in cli("keywords", "--lang", "zh", "--since", "2020", "--db", sources_db,
                                             "--json").jsonl()}
    assert "世卫组织" in covid and not {"卫组", "世卫"} & set(covid)
    march = {row["word"] for row in cli("keywords", "--lang", "zh", "--since", "2019-03", "--until", "2019-03",
                                        "--db", sources_db, "--json").jsonl()}
    assert "委内瑞拉" in march and not {"委内", "内瑞", "瑞拉"} & march
    text = worded(["中欧班列开行。" * 5 + "开行时间，班次。" * 2 + "中欧投资。" * 5 + "北溪管道。" * 5])
    assert [grown(word, text) for word in ("班列", "开行", "中欧", "管道", "tariffs")] == [
        "中欧班列开行", "开行", "中欧", "北溪管道", "tariffs"]


def test_a_word_written_with_and_without_accents_is_shown_as_written_with_them_on_a_tie():
    """Half the briefings write "Iván", half "Ivan": the word is shown with its accent, and a word the
    compared part lacks takes the reference's spelling, not a plain form nobody wrote."""
    here, there = Counter({"ivan": 3, "iván": 3}), Counter({"bogotá": 4, "iván": 1})
    fold_accented(here, there)
    assert here == Counter({"iván": 6}) and there == Counter({"bogotá": 4, "iván": 1})
