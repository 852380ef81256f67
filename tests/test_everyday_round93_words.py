"""A political scientist's working day with the corpus commands (round 93 of the everyday review): words as
keywords, collocates and outlets count them, on a real archive made from small real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.siteserver import article


def ingest(cli, db_file: Path, folder: Path, pages: dict[str, bytes]) -> None:
    folder.mkdir(exist_ok=True)
    for name, body in pages.items():
        (folder / name).write_bytes(body)
    result = cli("ingest", folder, "--db", db_file)
    assert result.code == 0, result.stderr


@pytest.fixture
def possessives(cli, db_file, tmp_path):
    """Two periods: the later one says China's (curly and straight apostrophes) beside China."""
    ingest(cli, db_file, tmp_path / "pages", {
        "early.html": article("Statement on the harvest", [
            "The harvest in the province was good this year, and the farmers thanked the weather.",
            "The harvest festival will be held in the autumn, as every year, in the villages."],
            published="2018-03-01"),
        "late.html": article("Statement on Taiwan", [
            "China’s position on Taiwan is consistent. China's sovereignty over Taiwan is clear.",
            "China opposes any official exchange with Taiwan. China's government said so again.",
            "China’s people will not accept it, China said, and China's friends agree."],
            published="2021-03-01"),
    })
    return db_file


def test_keywords_count_a_possessive_with_its_word(cli, possessives):
    """`keywords` listed "china's" apart from "china" (59 and 236 times in Zhao Lijian's English briefings), and
    "hong" 193 times against "kong" 168 (Hong Kong's): a possessive 's is the word it follows."""
    rows = cli("keywords", "--since", "2020", "--min-count", "1", "--limit", "100", "--json",
               "--db", possessives).jsonl()
    words = {row["word"]: row for row in rows}
    assert not [word for word in words if "'" in word or "’" in word], words
    assert words["china"]["count"] == 7, words["china"]  # 2 China, 3 China's, 2 China’s


def test_collocates_count_a_possessive_with_its_word(cli, possessives):
    """Near `Taiwan`, "China's" and "China" are one collocate."""
    rows = cli("collocates", "Taiwan", "--min-count", "1", "--json", "--db", possessives).jsonl()
    words = {row["word"]: row for row in rows}
    assert not [word for word in words if "'" in word or "’" in word], words
    assert words["china"]["near"] == 4 and words["china"]["total"] == 7, words


def test_tokens_leave_a_contraction_a_stop_word():
    """What the 's is taken from: a possessive, or a contraction (it's, that's), which stays a stop word."""
    from briefarc.analysis.tokens import content_tokens, tokens

    assert list(tokens("China's Hong Kong’s WOMEN'S")) == ["china", "hong", "kong", "women"]
    assert list(content_tokens("It's what that's about, let's say")) == []
