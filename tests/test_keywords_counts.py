"""keywords counts a word as trend and kwic do: a hyphenated word is its parts ("anti-epidemic" holds epidemic, as
the word index reads it), and no title is counted (a briefing's title names its spokesperson: "Spokesperson Hua
Chunying's Regular Press Conference" made hua and chunying her first keywords against Geng Shuang's). Found by
h170's trial: keywords gave epidemic 124 where trend and kwic gave 146."""

from __future__ import annotations

TEXT = {
    "2020": ("The anti-epidemic cooperation between the two countries continued, and the epidemic situation "
             "improved. Post-epidemic recovery of trade was discussed, with cross-strait exchanges and vaccines."),
    "2024": ("The two countries discussed trade, investment and the exchanges between their peoples, and agreed "
             "to hold another round of consultations on the border and on the visa rules next spring."),
}


def page(year: str, number: int, spokesperson: str) -> str:
    title = f"Foreign Ministry Spokesperson {spokesperson}'s Regular Press Conference on March {number}, {year}"
    return (f"<html><head><title>{title}</title><meta name='date' content='{year}-03-{number:02d}'></head><body>"
            f"<article><h1>{title}</h1>" + f"<p>{TEXT[year]}</p>" * 3 + "</article></body></html>")


def archive(cli, db_file, tmp_path):
    for year, spokesperson in (("2020", "Hua Chunying"), ("2024", "Geng Shuang")):
        for number in range(1, 5):
            path = tmp_path / f"{year}-{number}.html"
            path.write_text(page(year, number, spokesperson), encoding="utf-8")
            url = f"https://www.mfa.example/eng/{year}/{number}.html"
            assert cli("ingest", path, "--url", url, "--db", db_file).code == 0
    return db_file


def test_keywords_counts_a_word_as_trend_does(cli, db_file, tmp_path):
    db = archive(cli, db_file, tmp_path)
    words = {row["word"]: row for row in cli("keywords", "--since", "2020", "--until", "2020", "--min-count", "1",
                                              "--limit", "200", "--db", db, "--json").jsonl()}
    mentions = sum(row["mentions"] for row in cli("trend", "epidemic", "--by", "year", "--db", db, "--json").jsonl())
    assert mentions == 4 * 3 * 3  # anti-epidemic, epidemic, post-epidemic in each of 3 paragraphs of 4 pages
    assert words["epidemic"]["count"] == mentions
    assert "anti-epidemic" not in words and "strait" in words


def test_keywords_leaves_out_the_titles(cli, db_file, tmp_path):
    db = archive(cli, db_file, tmp_path)
    words = {row["word"] for row in cli("keywords", "--since", "2020", "--until", "2020", "--min-count", "1",
                                         "--limit", "200", "--db", db, "--json").jsonl()}
    assert not words & {"hua", "chunying", "spokesperson", "conference"}
