"""briefarc trend: counts per period, per 100 documents, the terminal chart and --plot images."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter

import pytest


def by_period(rows: list[dict], term: str) -> dict[str, dict]:
    return {row["period"]: row for row in rows if row["term"] == term}


def test_trend_counts_documents_and_mentions(cli, sample_db):
    rows = cli("trend", "tariffs", "台湾", "--by", "year", "--db", sample_db, "--json").jsonl()
    tariffs = by_period(rows, "tariffs")
    assert list(tariffs) == [str(year) for year in range(2018, 2026)]  # empty years between are there
    kwic = cli("kwic", "tariffs", "--db", sample_db, "--json", "--limit", "500").jsonl()
    assert sum(row["mentions"] for row in tariffs.values()) == len(kwic)
    assert sum(row["term_documents"] for row in tariffs.values()) == len({line["id"] for line in kwic})
    year = tariffs["2025"]
    conn = sqlite3.connect(sample_db)
    total = conn.execute("SELECT count(*) FROM documents WHERE published_date LIKE '2025%'").fetchone()[0]
    conn.close()
    assert year["documents"] == total and year["per_100"] == round(100 * year["term_documents"] / total, 2)
    empty = {"documents": 0, "term_documents": 0, "per_100": None, "mentions_per_100": None}  # no rate, not 0
    assert tariffs["2020"] == {**tariffs["2020"], **empty}
    taiwan = by_period(rows, "台湾")
    assert taiwan["2025"]["term_documents"] >= 1 and taiwan["2025"]["mentions"] >= 3


def test_trend_periods_and_filters(cli, sample_db):
    weeks = cli("trend", "China", "--by", "week", "--since", "2025-03", "--until", "2025-03",
                "--db", sample_db, "--json").jsonl()
    assert [row["period"] for row in weeks] == [f"2025-W{week:02}" for week in range(9, 15)]  # those of 1–31 March
    assert [row["period"] for row in weeks if row["documents"]] == ["2025-W10", "2025-W11"]  # 7 and 12 March
    quarters = cli("trend", "China", "--by", "Quarter", "--source", "fmprc", "--db", sample_db, "--json").jsonl()
    assert quarters[0]["period"] == "2018-Q2" and quarters[-1]["period"] == "2025-Q1"
    months = cli("trend", "China", "--db", sample_db, "--json", "--since", "2025").jsonl()
    assert all(len(row["period"]) == 7 for row in months)


def test_trend_chart_and_csv(cli, sample_db):
    chart = cli("trend", "tariffs", "Taiwan", "--by", "year", "--db", sample_db)
    lines = chart.stdout.splitlines()
    assert chart.code == 0 and any(line.startswith("2025") and "tariffs" in line and "█" in line for line in lines)
    assert any("Taiwan" in line for line in lines)
    rows = list(csv.DictReader(io.StringIO(cli("trend", "tariffs", "--by", "year", "--csv", "--db", sample_db).stdout)))
    assert rows[0].keys() == {"period", "documents", "term", "term_documents", "mentions", "per_100",
                              "mentions_per_100"}
    by_year = {row["period"]: row for row in rows}
    assert (by_year["2020"]["per_100"], by_year["2020"]["mentions_per_100"]) == ("", "")  # no documents: no rate
    line_2020 = next(line for line in lines if line.startswith("2020"))
    assert " – " in line_2020 and "·" not in line_2020 and "0.0" not in line_2020


def test_trend_empty_and_bad_arguments(cli, sample_db):
    empty = cli("trend", "tariffs", "--since", "2030", "--db", sample_db)
    assert empty.code == 0 and empty.stdout == "" and "No dated documents" in empty.stderr
    none = cli("trend", "zzyzx", "--by", "year", "--db", sample_db, "--json").jsonl()
    assert none and all(row["term_documents"] == 0 for row in none)
    for args in (["x", "--by", "decade"], ["!!"], ["x", "--plot", "chart.gif"], ["x", "--json", "--csv"]):
        result = cli("trend", *args, "--db", sample_db)
        assert result.code == 2 and result.stderr.startswith("Error") and "Traceback" not in result.stderr


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_trend_plot_writes_an_image(cli, sample_db, tmp_path, suffix):
    pytest.importorskip("matplotlib", reason="the plot extra is not installed")
    path = tmp_path / f"chart{suffix}"
    result = cli("trend", "tariffs", "台湾", "--by", "year", "--plot", path, "--db", sample_db)
    from briefarc.output.plot import cjk_families

    if suffix == ".png" and not cjk_families():  # 台湾 would be drawn as boxes: the user is told so
        assert result.code == 0 and result.stderr.startswith("Warning: no font that draws Chinese characters")
    else:
        assert result.code == 0 and result.stderr == ""
    if suffix == ".png":
        from matplotlib import image

        pixels = image.imread(path)
        assert pixels.shape[0] > 100 and pixels.shape[1] > 100 and pixels.std() > 0
    else:
        texts = {"".join(node.itertext()).strip() for node in ET.parse(path).iter("{http://www.w3.org/2000/svg}text")}
        assert {"tariffs", "台湾", "2018", "2025"} <= texts


def test_trend_real_archive(cli, real_db):
    rows = cli("trend", "Taiwan", "台湾", "--by", "year", "--db", real_db, "--json").jsonl()
    english, chinese = by_period(rows, "Taiwan"), by_period(rows, "台湾")
    assert set(english) == {"2018", "2019", "2020"} == set(chinese)
    assert sum(r["mentions"] for r in english.values()) == len(
        cli("kwic", "Taiwan", "--db", real_db, "--json", "--limit", "1000").jsonl())
    assert sum(r["term_documents"] for r in chinese.values()) >= 3


def test_trend_counts_agree_with_the_text(cli, sources_db):
    """Documents and mentions per month, against a count made directly on the archive's text."""
    conn = sqlite3.connect(sources_db)
    texts = conn.execute("SELECT substr(published_date, 1, 7), title, body FROM documents").fetchall()
    conn.close()
    terms = (("Taiwan", r"(?<!\w)taiwan(?!\w)"), ("台湾", "台湾"), ('"Hong Kong"', r"(?<!\w)hong\s+kong(?!\w)"))
    for term, pattern in terms:
        expected_docs: dict[str, int] = {}
        expected_mentions: dict[str, int] = {}
        for month, title, body in texts:
            found = len(re.findall(pattern, body or "", re.IGNORECASE))
            in_title = re.search(pattern, title or "", re.IGNORECASE)
            expected_docs[month] = expected_docs.get(month, 0) + bool(found or in_title)
            expected_mentions[month] = expected_mentions.get(month, 0) + found
        rows = by_period(cli("trend", term, "--db", sources_db, "--json").jsonl(), term)
        assert {month: row["term_documents"] for month, row in rows.items() if row["documents"]} == expected_docs
        assert {month: row["mentions"] for month, row in rows.items() if row["documents"]} == expected_mentions
        assert sum(expected_mentions.values()) > 5


def test_trend_refuses_search_syntax(cli, sample_db):
    result = cli("trend", "tariffs", "OR", "sanctions", "--db", sample_db)
    assert result.code == 2 and "'OR' is a search query" in result.stderr


def test_trend_does_not_count_speaker_labels(cli, sources_db):
    """"AFP:" and "法新社记者：" open questions and "SECRETARY BLINKEN:" answers: labels, not mentions. trend counts
    what the turns say, as kwic shows it, and a document only for its title or text."""
    conn = sqlite3.connect(sources_db)
    for term, label in (("AFP", "AFP"), ("法新社", "法新社记者"), ("Blinken", "SECRETARY BLINKEN")):
        assert conn.execute("SELECT count(*) FROM turns WHERE speaker = ?", (label,)).fetchone()[0] >= 1
        pattern = re.compile(term if not term.isascii() else rf"(?<!\w){term}(?!\w)", re.IGNORECASE)
        said = Counter()
        for doc_id, text in conn.execute("""SELECT document_id, text FROM turns
                                            UNION ALL SELECT id, body FROM documents WHERE turns = '[]'"""):
            said[doc_id] += len(pattern.findall(text or ""))
        rows = cli("trend", term, "--by", "year", "--db", sources_db, "--json").jsonl()
        kwic = cli("kwic", term, "--limit", "10000", "--db", sources_db, "--json").jsonl()
        assert sum(row["mentions"] for row in rows) == sum(said.values()) == len(kwic)
        with_labels = sum(len(pattern.findall(body)) for (body,) in conn.execute("SELECT body FROM documents"))
        assert with_labels > len(kwic)  # the body holds the labels too
    conn.close()


def test_a_name_said_in_an_answer_is_a_mention_though_it_names_the_speaker_too(cli, db_file):
    """An answer without a label, its speaker inferred (耿爽, the day's spokesperson), that says "耿爽表示": trend
    took one mention off for each turn of that speaker, as if the body wrote "耿爽：" before it, and found 0
    where kwic shows 1. A label the body does write is still no mention."""
    from briefarc.models import Document, RawPage, Turn
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    db = open_database(db_file)
    said = ["问：中方对此有何评论？", "耿爽表示，中方欢迎各方努力。", "耿爽：我们注意到有关报道。"]
    turns = [Turn("记者", "question", "中方对此有何评论？"), Turn("耿爽", "answer", "耿爽表示，中方欢迎各方努力。"),
             Turn("耿爽", "answer", "我们注意到有关报道。")]
    save_document(db, Document(title="2019年5月15日外交部发言人耿爽主持例行记者会", published="2019-05-15",
                               kind="briefing", language="zh", spokesperson="耿爽", paragraphs=said, turns=turns),
                  RawPage(data="<html><body><p>耿爽</p></body></html>".encode(), origin="/saved/geng.html"))
    db.conn.close()
    rows = cli("trend", "耿爽", "--by", "year", "--db", db_file, "--json").jsonl()
    kwic = cli("kwic", "耿爽", "--db", db_file, "--json").jsonl()
    assert sum(row["mentions"] for row in rows) == len(kwic) == 1
    assert [line["turn"] for line in kwic] == [2]


def test_a_term_given_twice_is_counted_once(cli, sample_db):
    rows = cli("trend", "Taiwan", "tariffs", "taiwan", "--by", "year", "--db", sample_db, "--json").jsonl()
    alone = cli("trend", "Taiwan", "--by", "year", "--db", sample_db, "--json").jsonl()
    assert [row for row in rows if row["term"] != "tariffs"] == alone  # the first as typed, its rows once
    assert [row["term"] for row in rows[:2]] == ["Taiwan", "tariffs"]
