"""A term typed in capitals that is a stop word in lower case (WHO, US, IS) is the acronym, in kwic, collocates and
trend: found without regard to case, `collocates WHO` gave the words near every "who" of the archive."""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Briefing {day}</title>
<meta property="article:published_time" content="2024-0{month}-1{day}T10:00:00Z"></head>
<body><article><h1>Briefing {day}</h1>
{paragraphs}
</article></body></html>
"""
HEALTH = [
    "The spokesperson said the WHO vaccine experts would travel to the region next month to review the data.",
    "Asked about funding, she said WHO vaccine programmes deserved the support of every member state.",
]
PRONOUNS = [
    "Those who left the talks early said the ceasefire would hold, according to diplomats who attended.",
    "The minister thanked the volunteers who helped and the families who sheltered the displaced.",
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    from tests.analysis_archives import build

    folder = tmp_path_factory.mktemp("acronyms")
    pages = []
    for day, paragraphs in enumerate([HEALTH, PRONOUNS, PRONOUNS, PRONOUNS], start=1):
        month = 1 if day == 1 else 2
        text = "\n".join(f"<p>{paragraph} It is paragraph {number} of a long enough story about talks.</p>"
                         for number, paragraph in enumerate(paragraphs * 3))
        pages.append(folder / f"page-{day}.html")
        pages[-1].write_text(PAGE.format(day=day, month=month, paragraphs=text), encoding="utf-8")
    return build(folder / "archive.db", {"news": pages})


def test_kwic_finds_the_acronym_not_the_pronoun(cli, archive):
    lines = cli("kwic", "WHO", "--db", archive, "--json").jsonl()
    assert lines and {line["match"] for line in lines} == {"WHO"}
    assert len(lines) == 6  # the health page's two sentences, three times each
    assert {line["match"] for line in cli("kwic", "who", "--db", archive, "--json").jsonl()} == {"WHO", "who"}


def test_collocates_of_the_acronym_are_its_own_words(cli, archive):
    words = {row["word"] for row in cli("collocates", "WHO", "--db", archive, "--json").jsonl()}
    assert "vaccine" in words and not words & {"ceasefire", "volunteers", "diplomats", "families"}


def test_trend_counts_the_acronym_apart(cli, archive):
    rows = cli("trend", "WHO", "who", "--by", "month", "--db", archive, "--json").jsonl()
    counts = {(row["term"], row["period"]): (row["term_documents"], row["mentions"]) for row in rows}
    assert counts[("WHO", "2024-01")] == (1, 6) and counts[("WHO", "2024-02")] == (0, 0)
    assert counts[("who", "2024-02")] == (3, 36)


def test_a_word_in_capitals_that_is_no_stop_word_keeps_any_case() -> None:
    from briefarc.analysis.matching import parse_term

    assert parse_term("WHO").exact_case and parse_term("US").exact_case and parse_term("WHO's").exact_case
    possessive = parse_term("WHO’s").pattern
    assert possessive.search("the WHO's experts") and possessive.search("the WHO’s experts")
    assert not possessive.search("who's here") and not possessive.search("the WHO experts")
    for term in ("NATO", "who", "Who", "WHO*", "U.S.", '"WHO experts"'):
        assert not parse_term(term).exact_case, term
    assert parse_term("NATO").pattern.search("nato members")
