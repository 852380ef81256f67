"""briefarc parallel: pairing English and Chinese versions of a press conference and aligning their turns."""

from __future__ import annotations

import sqlite3

import pytest

from tests.analysis_archives import PAIRS, build, sample_pair
from tests.conftest import SAMPLES, SHARED, needs_shared


def ids_by_file(db) -> dict[str, int]:
    """Document id of each ingested page, by the name of the file it came from."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT s.origin, d.id FROM documents d JOIN snapshots s ON s.id = d.snapshot_id").fetchall()
    conn.close()
    return {origin.rsplit("/", 1)[-1].split(".")[0]: doc_id for origin, doc_id in rows}


def merged(rows: list[dict]) -> list[dict]:
    """The rows where one turn faces the second of two turns of the other version."""
    return [row for before, row in zip(rows, rows[1:], strict=False) if row["left"] and row["right"] and any(
        before[side] and before[side]["turn"] == row[side]["turn"] for side in ("left", "right"))]


def test_parallel_pairs_and_aligns_the_samples(cli, sample_db):
    en, zh = sample_pair(sample_db)
    result = cli("parallel", str(en), "--db", sample_db, "--json").jsonl()[0]
    assert (result["left"], result["right"], result["date"]) == (en, zh, "2025-03-12")
    assert result["confidence"] >= 0.9
    pairs = [(row["left"] and row["left"]["turn"], row["right"] and row["right"]["turn"]) for row in result["turns"]]
    # the English version has one more question (Kyodo News) and its answer, at the end
    assert pairs == [(n, n) for n in range(1, 14)] + [(14, None), (15, None)]
    back = cli("parallel", str(zh), "--db", sample_db, "--json").jsonl()[0]
    assert (back["left"], back["right"]) == (zh, en)


def test_parallel_table_has_two_columns(cli, sample_db):
    en, zh = sample_pair(sample_db)
    table = cli("parallel", str(en), "--db", sample_db).stdout
    assert f"{en} ⇄ {zh}" in table and f"{en}#8 Reuters" in table and f"{zh}#8 问" in table
    line = next(line for line in table.splitlines() if f"{en}#14 Kyodo News" in line)
    assert "—" in line  # nothing beside it


def test_alignment_skips_a_missing_turn_in_the_middle(sample_db):
    from briefarc.analysis.parallel import align
    from briefarc.analysis.turns import get_turns
    from briefarc.store.db import open_database

    en, zh = sample_pair(sample_db)
    database = open_database(sample_db, create=False)
    left, right = get_turns(database, en)[:13], get_turns(database, zh)
    del right[5:7]  # the Chinese version without its follow-up question and answer (turns 6 and 7)
    pairs = [(one, other) for one, other, _ in align(left, right)]
    assert pairs == [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, None), (7, None)] + [(n, n - 2) for n in range(8, 14)]


def test_gaps_across_the_archive(cli, sample_db):
    en, zh = sample_pair(sample_db)
    rows = cli("parallel", "--gaps", "--db", sample_db, "--json").jsonl()
    assert [(row["id"], row["turn"], row["missing_from"]) for row in rows] == [(en, 14, zh), (en, 15, zh)]
    assert cli("parallel", "--gaps", "--lang", "zh", "--db", sample_db, "--json").stdout == ""
    assert "No gaps" in cli("parallel", "--gaps", "--lang", "zh", "--db", sample_db).stderr
    assert cli("parallel", "--gaps", "--csv", "--db", sample_db).stdout.startswith("id,turn,date,language,role")


def test_gaps_limit_says_how_many(cli, sample_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    every = cli("parallel", "--gaps", "--db", sample_db, "--json").jsonl()
    first = cli("parallel", "--gaps", "--limit", "1", "--db", sample_db, "--json")
    assert len(every) == 2 and first.jsonl() == every[:1]
    assert first.stderr.strip() == "1 of 2 — `--limit 2` for more"
    table = cli("parallel", "--gaps", "--limit", "1", "--db", sample_db)
    lines = table.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and f"{every[0]['id']}#{every[0]['turn']}" in table.stdout
    assert f"{every[1]['id']}#{every[1]['turn']}" not in table.stdout
    assert table.stderr.strip() == "1 of 2 — `--limit 2` for more"
    whole = cli("parallel", "--gaps", "--limit", "2", "--db", sample_db, "--csv")
    assert whole.code == 0 and whole.stderr == "" and len(whole.stdout.splitlines()) == 3
    assert cli("parallel", "--gaps", "--limit", "0", "--db", sample_db).code == 2


def test_parallel_errors(cli, sample_db):
    conn = sqlite3.connect(sample_db)
    statement = conn.execute("SELECT min(id) FROM documents WHERE kind = 'statement'").fetchone()[0]
    alone = conn.execute("SELECT id FROM documents WHERE published_date = '2018-06-13'").fetchone()[0]
    conn.close()
    cases = [([str(statement)], 1, "nothing to pair"), ([str(alone)], 1, "no version in another language"),
             (["9999"], 1, "No document"), ([], 2, "Give a document id"), (["1", "--gaps"], 2, "not both"),
             ([str(alone), "--csv"], 2, "--csv is for --gaps"),
             ([str(alone), "--limit", "1"], 2, "--limit is for --gaps")]
    for args, code, message in cases:
        result = cli("parallel", *args, "--db", sample_db)
        assert result.code == code and message in result.stderr and "Traceback" not in result.stderr


def test_real_pairs_are_found_and_aligned(cli, real_db):
    ids = ids_by_file(real_db)
    for _, en_file, zh_file in PAIRS:
        en, zh = ids[en_file], ids[zh_file]
        result = cli("parallel", str(en), "--db", real_db, "--json").jsonl()[0]
        assert result["right"] == zh and result["confidence"] >= 0.9
        paired = [row for index, row in enumerate(result["turns"]) if row["left"] and row["right"]
                  and row not in merged(result["turns"])]
        assert all(row["left"]["role"] == row["right"]["role"] for row in paired)
        assert len(paired) >= len(result["turns"]) - 1  # at most one turn a version lacks
    equal = cli("parallel", str(ids[PAIRS[5][1]]), "--db", real_db, "--json").jsonl()[0]  # 21 turns each
    assert [(r["left"]["turn"], r["right"]["turn"]) for r in equal["turns"]] == [(n, n) for n in range(1, 22)]


def test_real_answer_whose_label_the_page_lost_is_a_turn_of_its_own(cli, real_db):
    """On 21 January 2020 the English page left out the "A:" of the first answer (the question is bold, the
    answer plain): the answer is still a turn of its own, so both versions have 10 turns, paired one to one."""
    ids = ids_by_file(real_db)
    conn = sqlite3.connect(real_db)
    count = dict(conn.execute("SELECT id, json_array_length(turns) FROM documents").fetchall())
    conn.close()
    assert all(len({count[ids[en]], count[ids[zh]]}) == 1 for _, en, zh in PAIRS)
    en, zh = ids[PAIRS[11][1]], ids[PAIRS[11][2]]
    assert (count[en], count[zh]) == (10, 10)
    result = cli("parallel", str(en), "--db", real_db, "--json").jsonl()[0]
    assert [(row["left"]["turn"], row["right"]["turn"]) for row in result["turns"]] == [(n, n) for n in range(1, 11)]
    question, answer = result["turns"][0]["left"], result["turns"][1]["left"]
    assert "WHO" in question["text"] and "Emergency Committee" not in question["text"]
    assert answer["role"] == "answer" and "Emergency Committee" in answer["text"]


def test_a_merged_turn_faces_two_turns_and_is_not_a_gap(cli, real_db, tmp_path):
    """A copy of the real archive whose English 21 January 2020 version holds the first question and its
    answer as one turn (as a version whose answer label is lost and whose question is not bold would): it faces
    Chinese turns 1 and 2, and neither version is reported as lacking a turn."""
    import shutil

    db = tmp_path / "merged.db"
    shutil.copy(real_db, db)
    ids = ids_by_file(db)
    en = ids[PAIRS[11][1]]
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("""UPDATE documents SET turns = json_remove(json_set(turns, '$[0].text',
                        json_extract(turns, '$[0].text') || char(10, 10) || json_extract(turns, '$[1].text')), '$[1]')
                        WHERE id = ?""", (en,))
    conn.close()
    result = cli("parallel", str(en), "--db", db, "--json").jsonl()[0]
    pairs_found = [(row["left"]["turn"], row["right"]["turn"]) for row in result["turns"]]
    assert pairs_found == [(1, 1), (1, 2)] + [(n, n + 1) for n in range(2, 10)]
    first = result["turns"][0]
    assert "WHO" in first["left"]["text"] and "Emergency Committee" in first["left"]["text"]  # question and answer
    assert first["right"]["role"] == "question" and result["turns"][1]["right"]["role"] == "answer"
    assert cli("parallel", "--gaps", "--db", db, "--json").stdout == ""
    table = cli("parallel", str(en), "--db", db).stdout
    assert f"↑ {en}#1 (one turn in this version)" in table


def test_real_gaps_when_a_version_lacks_a_question(cli, real_db, tmp_path):
    """A copy of the real archive whose Chinese 25 March 2019 version lacks a question and its answer: --gaps
    reports exactly those two English turns, and the turns after them stay paired."""
    import shutil

    db = tmp_path / "gap.db"
    shutil.copy(real_db, db)
    ids = ids_by_file(db)
    en, zh = ids[PAIRS[5][1]], ids[PAIRS[5][2]]  # 21 turns each
    conn = sqlite3.connect(db)
    roles = [row[0] for row in conn.execute("SELECT role FROM turns WHERE document_id = ? ORDER BY number", (zh,))]
    question = roles.index("question", 8) + 1  # a question (with its answer) in the middle
    assert roles[question] == "answer"
    with conn:
        conn.execute("UPDATE documents SET turns = json_remove(turns, ?, ?) WHERE id = ?",
                     (f"$[{question}]", f"$[{question - 1}]", zh))
    conn.close()
    rows = cli("parallel", "--gaps", "--db", db, "--json").jsonl()
    assert [(row["id"], row["turn"], row["missing_from"]) for row in rows] == [
        (en, question, zh), (en, question + 1, zh)]
    result = cli("parallel", str(en), "--db", db, "--json").jsonl()[0]
    after = [(row["left"]["turn"], row["right"]["turn"]) for row in result["turns"]
             if row["left"]["turn"] > question + 1]
    assert after == [(n, n - 2) for n in range(question + 2, 22)]


def test_a_same_day_version_with_too_few_turns_is_named_not_denied(cli, tmp_path):
    """`parallel` said "has no version in another language on the same day" while the archive held the English
    page of that very day (12 turns against the Chinese page's 25): the turn count, not the day, kept them apart."""
    chinese = SHARED / "corpus" / "fmprc" / "zh_rpc_geng_shuang_2018-06-13.html"
    needs_shared(chinese)
    db = build(tmp_path / "a.db", {"fmprc": [SAMPLES / "china-mfa-en-old.html", chinese]})
    ids = ids_by_file(db)
    en, zh = ids["china-mfa-en-old"], ids["zh_rpc_geng_shuang_2018-06-13"]
    result = cli("parallel", str(zh), "--db", db)
    assert result.code == 1
    assert result.stderr == (f"Error: Document {zh} (zh, 25 turns) has no version in another language with about "
                             f"as many turns: on 2018-06-13 the archive holds {en} (en, 12 turns), too far from 25 "
                             "to be the same press conference.\n")


@pytest.mark.parametrize("width", ["80", "200"])
def test_gaps_table_names_the_version_that_lacks_each_turn(cli, sample_db, monkeypatch, width):
    """The table of --gaps gave each turn and its text but not the version without it, which --json and --csv
    give (missing_from): a reader could not tell which Chinese page to look at."""
    monkeypatch.setenv("COLUMNS", width)
    rows = cli("parallel", "--gaps", "--db", sample_db, "--json").jsonl()
    lines = cli("parallel", "--gaps", "--db", sample_db).stdout.splitlines()
    assert "not in" in " ".join(lines[:3]) and max(len(line) for line in lines) <= int(width)
    for row in rows:
        line = next(line for line in lines if f"{row['id']}#{row['turn']} " in line)
        assert str(row["missing_from"]) in line.split("│")[6].split(), line
