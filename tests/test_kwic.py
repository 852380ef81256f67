"""briefarc kwic: concordance lines on the samples and on real China MFA pages."""

from __future__ import annotations

import csv
import io
import re
import sqlite3

from rich.cells import cell_len


def test_kwic_english_lines_have_context_and_turns(cli, sample_db):
    lines = cli("kwic", "tariffs", "--width", "20", "--db", sample_db, "--json").jsonl()
    assert lines and all(line["match"].lower() == "tariffs" for line in lines)
    assert all(len(line["left"]) <= 20 and len(line["right"]) <= 20 for line in lines)
    dates = [line["date"] for line in lines]
    assert dates == sorted(dates, reverse=True)
    afp = [line for line in lines if line["left"].endswith("the additional ")]
    assert afp and afp[0]["turn"] == 4 and afp[0]["source"] == "fmprc" and afp[0]["right"].startswith(" on Chinese")


def test_kwic_words_phrases_and_prefixes(cli, sample_db):
    whole = cli("kwic", "tariff", "--db", sample_db, "--json").jsonl()
    assert whole and {line["match"].lower() for line in whole} == {"tariff"}  # not "tariffs"
    prefix = cli("kwic", "tariff*", "--db", sample_db, "--json").jsonl()
    assert {"tariff", "tariffs"} <= {line["match"].lower() for line in prefix}
    phrase = cli("kwic", '"trade war"', "--db", sample_db, "--json").jsonl()
    assert phrase and all(line["match"].lower() == "trade war" for line in phrase)
    started = cli("kwic", '"trade wa*"', "--db", sample_db, "--json").jsonl()  # as search reads it: was refused
    assert {line["match"].lower() for line in started} >= {"trade war"}
    alone = cli("kwic", '"trade *"', "--db", sample_db)
    assert alone.code == 2 and "'*' stands alone" in alone.stderr


def test_kwic_chinese(cli, sample_db):
    lines = cli("kwic", "台湾", "--width", "6", "--lang", "zh", "--db", sample_db, "--json").jsonl()
    assert lines and all(line["match"] == "台湾" and len(line["left"]) <= 6 for line in lines)
    table = cli("kwic", "台湾", "--width", "6", "--db", sample_db)
    rows = [row for row in table.stdout.splitlines() if "台湾" in row]
    assert len({cell_len(row[:row.index("台湾")]) for row in rows}) == 1  # aligned in one column of the terminal


def test_kwic_table_aligns_the_term(cli, sample_db):
    table = cli("kwic", "tariffs", "--width", "25", "--db", sample_db)
    rows = [row for row in table.stdout.splitlines() if row.strip()]
    assert rows and len({row.lower().index(" tariffs ", 30) for row in rows}) == 1


def test_kwic_limit_offset_csv(cli, sample_db):
    every = cli("kwic", "China", "--db", sample_db, "--json", "--limit", "500").jsonl()
    page = cli("kwic", "China", "--db", sample_db, "--json", "--limit", "3", "--offset", "2").jsonl()
    assert len(every) > 5 and page == every[2:5]
    rows = list(csv.reader(io.StringIO(cli("kwic", "China", "--db", sample_db, "--csv", "--limit", "2").stdout)))
    assert rows[0] == ["id", "turn", "date", "source", "left", "match", "right"] and len(rows) == 3


def test_kwic_empty_and_bad_arguments(cli, sample_db):
    empty = cli("kwic", "zzyzx", "--db", sample_db)
    assert empty.code == 0 and empty.stdout == "" and "No occurrences" in empty.stderr
    assert cli("kwic", "tariffs", "--since", "2030", "--db", sample_db, "--json").stdout == ""
    for args in (["!!"], ["x", "--width", "0"], ["x", "--json", "--csv"], ["x", "--until", "June"]):
        result = cli("kwic", *args, "--db", sample_db)
        assert result.code == 2 and result.stderr.startswith("Error") and "Traceback" not in result.stderr


def test_kwic_real_archive(cli, real_db):
    lines = cli("kwic", "Taiwan", "--db", real_db, "--json", "--limit", "10").jsonl()
    assert len(lines) == 10 and all(line["match"] == "Taiwan" and line["turn"] for line in lines)
    chinese = cli("kwic", "一带一路", "--db", real_db, "--json", "--limit", "5").jsonl()
    assert chinese and all(line["match"] == "一带一路" for line in chinese)


def test_kwic_lines_are_the_text_around_the_term(cli, sources_db):
    """Each line is a real place in its turn: left + match + right is in the turn's text, the match is the term."""
    conn = sqlite3.connect(sources_db)
    for term, pattern in (("Taiwan", r"(?<!\w)taiwan(?!\w)"), ("台湾", "台湾"), ("sanction*", r"(?<!\w)sanction\w*")):
        lines = cli("kwic", term, "--width", "30", "--limit", "100", "--db", sources_db, "--json").jsonl()
        assert lines
        for line in lines:
            text = conn.execute("SELECT text FROM turns WHERE document_id = ? AND number = ? UNION ALL "
                                "SELECT body FROM documents WHERE id = ? AND turns = '[]'",
                                (line["id"], line["turn"], line["id"])).fetchone()[0]
            assert line["left"] + line["match"] + line["right"] in " ".join(text.split())
            assert re.fullmatch(pattern, line["match"], re.IGNORECASE)
        units = "SELECT text FROM turns UNION ALL SELECT body FROM documents WHERE turns = '[]'"
        expected = sum(len(re.findall(pattern, " ".join(text.split()), re.IGNORECASE))
                       for (text,) in conn.execute(units))
        assert len(lines) == expected  # every occurrence, none twice
    conn.close()


def test_kwic_refuses_search_syntax(cli, sample_db):
    for term in ("tariffs AND goods", "NEAR(trade war)", "title:tariffs", "tar*ffs", "AND", "tariffs -goods"):
        result = cli("kwic", term, "--db", sample_db)
        assert result.code == 2 and "is a search query" in result.stderr and "Traceback" not in result.stderr
    for term in ("U.S.-China", "trade - war"):  # a hyphen inside a word, or alone, is text
        assert cli("kwic", term, "--db", sample_db).code == 0


def test_an_unclosed_quote_is_a_usage_error_for_every_term_command(cli, sample_db):
    """`"tariffs` was read as tariffs by kwic, trend and collocates (and labelled `"tariffs`), where search
    says the quote is unclosed: every command that takes a term says so."""
    for command in ("kwic", "trend", "collocates"):
        result = cli(command, '"tariffs', "--db", sample_db)
        assert result.code == 2 and "unclosed double quote" in result.stderr, (command, result.stderr)
    assert cli("kwic", '"tariffs"', "--db", sample_db).code == 0


def test_kwic_into_a_file_keeps_the_width_of_context_asked_for(cli, sample_db, monkeypatch):
    """`kwic Taiwan --width 30 > k.txt` wrote about 12 characters a side: the lines were cut to 80 columns."""
    monkeypatch.delenv("COLUMNS", raising=False)
    found = cli("kwic", "tariffs", "--width", "30", "--db", sample_db, "--json").jsonl()
    rows = [row for row in cli("kwic", "tariffs", "--width", "30", "--db", sample_db).stdout.splitlines() if row]
    assert len(rows) == len(found) and any(len(line["left"]) == 30 for line in found)
    for row, line in zip(rows, found, strict=True):
        assert row.rstrip().endswith(line["right"].rstrip()) and line["left"] + " " + line["match"] in row
