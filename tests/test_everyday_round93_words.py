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
    # capitals parted by dots are one word, unless a word goes on after the dot (a sentence's end without a space)
    assert list(tokens("U.S.-led P.R.C. plan B.The")) == ["US", "led", "prc", "plan", "b", "the"]


def sentence_case(value: str) -> str:
    """What BibTeX's change.case$ "t" (plain.bst's and apa's titles) makes of a field's value: every letter outside
    braces lower-cased but the first; a braced group is left as written."""
    out, depth = [], 0
    for index, char in enumerate(value):
        depth += {"{": 1, "}": -1}.get(char, 0)
        out.append(char.lower() if depth == 0 and index else char)
    return "".join(out)


def test_a_bibtex_title_keeps_its_capitals_in_a_style_that_sets_sentence_case(cli, tmp_path):
    """pybtex's plain style printed "Foreign ministry spokesperson lin jian's regular press conference on march 12,
    2025" from `cite 317 -f bibtex`: a title's names and months lost their capitals. The title is braced whole."""
    db_file = tmp_path / "cite.db"
    title = "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 12, 2025"
    ingest(cli, db_file, tmp_path / "pages", {"lin.html": article(title, published="2025-03-12")})
    entry = cli("cite", "1", "--format", "bibtex", "--db", db_file).stdout
    value = next(line for line in entry.splitlines() if line.startswith("  title = "))[len("  title = "):]
    assert value.endswith("},")
    inner = value[1:-2]  # the field's value inside its delimiting braces
    assert sentence_case(inner).strip("{}") == title, entry


def test_us_and_who_in_capitals_are_counted_apart_from_the_stop_words(cli, db_file, tmp_path):
    """`keywords --lang en --since 2020 --until 2020` never listed WHO (the World Health Organization, 105 times in
    2020's English briefings, fourth now), nor collocates US near sanctions: lower-cased, they were the stop words
    who and us. Written in capitals they are counted as written; U.S. is US; the pronouns stay stop words."""
    ingest(cli, db_file, tmp_path / "pages", {
        "early.html": article("Statement on the harvest", [
            "The harvest in the province was good this year, and the farmers thanked us for the weather.",
            "Those who came to the harvest festival in the villages were thanked."], published="2018-03-01"),
        "late.html": article("Statement on the epidemic", [
            "The WHO said the US must stop. U.S. sanctions against the WHO hurt those who need help.",
            "The WHO's experts met; the US side, who spoke to us, did not. The U.S. Government agreed."],
            published="2020-03-01"),
    })
    rows = cli("keywords", "--since", "2020", "--min-count", "1", "--limit", "100", "--json", "--db", db_file).jsonl()
    words = {row["word"]: row["count"] for row in rows}
    assert words.get("WHO") == 3 and words.get("US") == 4, words
    assert not {"who", "us", "u", "s"} & set(words), words
    near = {row["word"]: row["near"] for row in
            cli("collocates", "sanctions", "--min-count", "1", "--json", "--db", db_file).jsonl()}
    assert near.get("US") == 2 and near.get("WHO") == 1, near  # 'US must stop. U.S. sanctions against the WHO'


def test_us_and_who_in_a_line_set_in_capitals_are_the_pronouns():
    """A line in capitals ('JOIN US TODAY. WHO ARE WE?') counted the United States and the World Health
    Organization (helper-96's review of e273677); two capitals in a row ('the UK, US and France') are still names."""
    from briefarc.analysis.tokens import TokenCounts, spans, tokens

    shouted = "JOIN US TODAY. WHO ARE WE? The WHO said the UK, US and France agreed."
    assert list(tokens(shouted)) == ["join", "us", "today", "who", "are", "we", "the", "WHO", "said", "the", "uk",
                                     "US", "and", "france", "agreed"]
    assert [unit for unit, _, _ in spans(shouted)] == list(tokens(shouted))
    counts = TokenCounts()
    counts.add(shouted)
    assert counts.counts()["US"] == 1 and counts.counts()["WHO"] == 1
