"""Turns as records: the turns index, search --in/--outlet, show ID#N and --turns, cite ID#N, outlets, speakers."""

from __future__ import annotations

import sqlite3

import pytest

from tests.analysis_archives import sample_pair


def test_turns_table_follows_documents(sample_db):
    conn = sqlite3.connect(sample_db)
    stored = conn.execute("SELECT sum(json_array_length(turns)) FROM documents").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM turns").fetchone()[0] == stored > 0
    en, _ = sample_pair(sample_db)
    conn.execute("UPDATE documents SET turns = '[{\"speaker\": \"Q\", \"role\": \"question\", \"text\": \"x\"}]' "
                 "WHERE id = ?", (en,))
    assert conn.execute("SELECT number, text FROM turns WHERE document_id = ?", (en,)).fetchall() == [(1, "x")]
    assert conn.execute("SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'Fijian'").fetchone()[0] == 0
    conn.rollback()
    conn.close()


def test_migration_fills_turns_of_an_older_archive(db_file):
    from briefarc.store.db import open_database
    from briefarc.store.migrations import MIGRATIONS

    conn = sqlite3.connect(db_file, isolation_level=None)
    for migration in MIGRATIONS[:7]:  # an archive from before the turns table
        migration(conn)
    conn.execute("PRAGMA user_version = 7")
    turns = ('[{"speaker": "问", "role": "question", "text": "台湾问题"}, '
             '{"speaker": "A", "role": "answer", "text": "No."}]')
    conn.execute("INSERT INTO documents (key, turns, archived_at, updated_at) VALUES ('k', ?, 'x', 'x')", (turns,))
    conn.close()
    db = open_database(db_file)
    assert db.execute("SELECT number, role FROM turns ORDER BY number").fetchall() == [(1, "question"), (2, "answer")]
    assert db.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH '台湾'").fetchall() == [(1,)]  # m011's terms
    assert db.execute("SELECT rowid FROM turns_fts WHERE turns_fts MATCH 'No'").fetchall() == [(2,)]


def test_search_in_questions_returns_turns(cli, sample_db):
    result = cli("search", "tariffs", "--in", "questions", "--source", "fmprc", "--db", sample_db, "--json")
    assert result.code == 0
    turns = result.jsonl()
    assert turns and all(t["role"] == "question" and "tariff" in t["text"] for t in turns)
    en, _ = sample_pair(sample_db)
    assert (en, 4, "fmprc", "AFP") in {(t["id"], t["turn"], t["source"], t["outlet"]) for t in turns}
    answers = cli("search", "tariff", "--in", "answers", "--db", sample_db, "--json").jsonl()
    assert answers and all(t["role"] == "answer" for t in answers)


def test_search_turns_in_chinese_and_by_outlet(cli, sample_db):
    zh = cli("search", "台湾", "--in", "questions", "--lang", "zh", "--db", sample_db, "--json").jsonl()
    assert zh and all("台湾" in t["text"] and t["language"] == "zh" for t in zh)
    reuters = cli("search", "--outlet", "Reuters", "--db", sample_db, "--json").jsonl()
    assert reuters and {t["outlet"] for t in reuters} == {"Reuters"}
    table = cli("search", "Taiwan", "--outlet", "Reuters", "--db", sample_db)
    assert table.code == 0 and "Reuters" in table.stdout and "#8" in table.stdout


def test_the_answers_to_an_outlets_questions(cli, sample_db):
    """`search Taiwan --outlet Reuters --in answers` printed "No turns match.": the outlet only asks."""
    asked = cli("search", "--outlet", "Reuters", "--db", sample_db, "--json").jsonl()
    answers = cli("search", "--outlet", "Reuters", "--in", "answers", "--db", sample_db, "--json").jsonl()
    assert answers and all(turn["role"] == "answer" for turn in answers)
    for answer in answers:
        question = cli("show", f"{answer['id']}#{answer['turn']}", "--db", sample_db, "--json").jsonl()[0]["question"]
        assert question["outlet"] == "Reuters" and (answer["id"], question["turn"]) in {
            (turn["id"], turn["turn"]) for turn in asked}
    statements = cli("search", "--outlet", "Reuters", "--in", "statements", "--db", sample_db)
    assert statements.code == 2 and "statements answer no one" in statements.stderr


def test_each_answer_says_whose_question_it_answers(cli, sample_db):
    """An answer's record had "outlet": null and nothing else: a script given the answers to --outlet Reuters, or
    any answers, could not tell from a row whose question each answered (helper-87). `asked_by` is the outlet of
    the question before it (None after a generic Q:), as show ID#N's "question" gives it; questions have none."""
    answers = cli("search", "--outlet", "Reuters", "--in", "answers", "--db", sample_db, "--json").jsonl()
    assert answers and {turn["asked_by"] for turn in answers} == {"Reuters"}
    every = cli("search", "--in", "answers", "--limit", "500", "--db", sample_db, "--json").jsonl()
    for answer in every:
        question = cli("show", f"{answer['id']}#{answer['turn']}", "--db", sample_db, "--json").jsonl()[0]["question"]
        assert answer["asked_by"] == (question or {}).get("outlet")
    assert {turn["asked_by"] for turn in every} >= {"Reuters", "AFP", None}
    questions = cli("search", "--in", "questions", "--db", sample_db, "--json").jsonl()
    assert questions and {turn["asked_by"] for turn in questions} == {None}
    csv_head = cli("search", "--in", "answers", "--db", sample_db, "--csv").stdout.splitlines()[0]
    assert csv_head.split(",")[6:9] == ["speaker", "outlet", "asked_by"]


def test_search_turns_says_how_many(cli, sample_db):
    every = cli("search", "tariff*", "--in", "questions", "--db", sample_db, "--json").jsonl()
    assert len(every) >= 2 and {t["total"] for t in every} == {len(every)}
    page = cli("search", "tariff*", "--in", "questions", "--limit", "1", "--db", sample_db, "--json")
    assert [t["total"] for t in page.jsonl()] == [len(every)]
    assert page.stderr.strip() == f"1 of {len(every)} — `--offset 1` for more"
    table = cli("search", "tariff*", "--in", "questions", "--limit", "1", "--offset", "1", "--db", sample_db)
    assert f"2 of {len(every)}" in table.stderr or f"2–2 of {len(every)}" in table.stderr
    past = cli("search", "--outlet", "AFP", "--offset", "500", "--db", sample_db)
    assert past.code == 0 and past.stderr.startswith("No results from 501 on: there are ")


def test_search_turns_empty_and_bad(cli, sample_db):
    empty = cli("search", "nothingsuchword", "--in", "answers", "--db", sample_db)
    assert empty.code == 0 and empty.stdout == "" and "No turns match" in empty.stderr
    bad = cli("search", "Taiwan", "--in", "replies", "--db", sample_db)
    assert bad.code == 2 and "questions, answers or statements" in bad.stderr and "Traceback" not in bad.stderr
    unread = cli("search", '"unclosed', "--in", "answers", "--db", sample_db)
    assert unread.code == 2


def test_show_turn_with_its_question(cli, sample_db):
    en, _ = sample_pair(sample_db)
    one = cli("show", f"{en}#5", "--db", sample_db, "--json").jsonl()[0]
    assert one["role"] == "answer" and one["question"]["turn"] == 4 and one["question"]["outlet"] == "AFP"
    shown = cli("show", f"{en}#5", "--db", sample_db)
    assert f"{en}#4 AFP" in shown.stdout and f"{en}#5 Lin Jian" in shown.stdout
    numbered = cli("show", str(en), "--turns", "--db", sample_db)
    assert all(f"{en}#{n} " in numbered.stdout for n in range(1, 16))
    assert numbered.stdout.startswith(f"Document {en}, 15 turns  2025-03-12 · Foreign Ministry Spokesperson")


def test_a_turn_into_a_pipe_is_a_line_per_paragraph(cli, sample_db, monkeypatch):
    """`show ID#N | ...` folded each answer at 80 columns with trailing spaces, where `show ID` gives a paragraph
    a line: a quote copied from it came in pieces."""
    monkeypatch.setenv("COLUMNS", "80")
    en, _ = sample_pair(sample_db)
    one = cli("show", f"{en}#5", "--db", sample_db, "--json").jsonl()[0]
    for shown in (cli("show", f"{en}#5", "--db", sample_db).stdout, cli("show", str(en), "--turns", "--db",
                                                                          sample_db).stdout):
        lines = shown.splitlines()
        assert all(line == line.rstrip() for line in lines)
        assert one["text"].split("\n")[0] in lines  # the answer's first paragraph, whole on its line


def test_show_turn_errors(cli, sample_db):
    en, _ = sample_pair(sample_db)
    assert cli("show", f"{en}#99", "--db", sample_db).code == 1
    conn = sqlite3.connect(sample_db)
    statement = conn.execute("SELECT min(id) FROM documents WHERE kind = 'statement'").fetchone()[0]
    conn.close()
    no_turns = cli("show", f"{statement}#1", "--db", sample_db)
    assert no_turns.code == 1 and "no turns" in no_turns.stderr
    assert cli("show", "12#x", "--db", sample_db).code == 2
    assert cli("show", "999", "--turns", "--db", sample_db).code == 1


def test_cite_a_turn(cli, sample_db):
    en, _ = sample_pair(sample_db)
    text = cli("cite", f"{en}#8", "--db", sample_db)
    assert text.code == 0 and "turn 8 (question, Reuters)" in text.stdout
    bib = cli("cite", f"{en}#8", "-f", "bibtex", "--db", sample_db).stdout
    assert f"-{en}-t8," in bib
    assert "turn" not in cli("cite", str(en), "--db", sample_db).stdout
    assert cli("cite", f"{en}#40", "--db", sample_db).code == 1


def test_outlets_and_speakers(cli, sample_db):
    outlets = {row["outlet"]: row for row in cli("outlets", "--db", sample_db, "--json").jsonl()}
    assert {"CCTV", "AFP", "Reuters", "Bloomberg"} <= set(outlets)
    assert "Q" not in outlets and "Follow-up" not in outlets and "问" not in outlets
    assert outlets["AFP"]["first"] == "2025-03-12" and outlets["AFP"]["questions"] >= 1
    assert "additional" in outlets["AFP"]["top_terms"]  # "the additional tariffs": no other outlet says it
    speakers = cli("speakers", "--source", "fmprc", "--db", sample_db, "--json").jsonl()
    assert {(s["spokesperson"], s["documents"]) for s in speakers} >= {("Lin Jian", 1), ("林剑", 1)}
    assert cli("outlets", "--since", "2030", "--db", sample_db).stderr == "No documents match the filters.\n"
    assert cli("speakers", "--since", "nope", "--db", sample_db).code == 2
    csv_rows = cli("speakers", "--csv", "--db", sample_db).stdout.splitlines()
    assert csv_rows[0] == "source,spokesperson,documents,first,last"


def test_real_archive_turns(cli, real_db):
    questions = cli("search", "Taiwan", "--in", "questions", "--db", real_db, "--json", "--limit", "50").jsonl()
    assert questions and all("taiwan" in q["text"].lower() for q in questions)
    outlets = {row["outlet"] for row in cli("outlets", "--db", real_db, "--json").jsonl()}
    assert {"AFP", "法新社"} <= outlets
    speakers = {s["spokesperson"] for s in cli("speakers", "--db", real_db, "--json").jsonl()}
    assert {"Geng Shuang", "耿爽", "Lu Kang", "陆慷", "Hua Chunying", "华春莹"} <= speakers


def test_outlets_are_outlets_on_real_transcripts(cli, sources_db):
    """State Department transcripts label journalists QUESTION and officials by title (OPERATOR, SENIOR
    ADMINISTRATION OFFICIAL ONE, a misspelt SECRETAR BLINKEN): none of them asks, and none is an outlet."""
    conn = sqlite3.connect(sources_db)
    labels = {row[0] for row in conn.execute("SELECT DISTINCT speaker FROM turns WHERE role = 'question'")}
    roles = dict(conn.execute("SELECT speaker, group_concat(DISTINCT role) FROM turns GROUP BY speaker").fetchall())
    conn.close()
    assert {"AFP", "法新社记者"} <= labels
    assert not {"OPERATOR", "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL ONE", "SECRETAR BLINKEN"} & labels
    assert (roles["OPERATOR"], roles["MODERATOR"], roles["SECRETAR BLINKEN"]) == ("statement", "statement", "answer")
    outlets = {row["outlet"]: row for row in cli("outlets", "--db", sources_db, "--json").jsonl()}
    assert {"AFP", "法新社", "Bloomberg", "北京青年报"} <= set(outlets)
    assert not {name for name in outlets if name.isupper() and " " in name}  # no OPERATOR, SENIOR ... OFFICIAL
    assert outlets["AFP"]["questions"] == 2 and outlets["AFP"]["first"] == "2020-06-11"


def test_speakers_per_source_with_their_dates(cli, sources_db):
    rows = {(row["source"], row["spokesperson"]): row for row in cli("speakers", "--db", sources_db, "--json").jsonl()}
    # the 13 press conferences of PAIRS: Lu Kang 4 (2018-07-04 to 2019-03-13), Hua Chunying 3, Geng Shuang 6
    for source, (lu, hua, geng) in {"fmprc-en": ("Lu Kang", "Hua Chunying", "Geng Shuang"),
                                    "fmprc-zh": ("陆慷", "华春莹", "耿爽")}.items():
        found = [rows[source, name] for name in (lu, hua, geng)]
        assert [(r["documents"], r["first"], r["last"]) for r in found] == [
            (4, "2018-07-04", "2019-03-13"), (3, "2018-12-27", "2020-06-11"), (6, "2019-03-25", "2020-01-21")]
    assert rows["state", "Ned Price"]["documents"] == 1
    assert {source for source, _ in rows} == {"fmprc-en", "fmprc-zh", "state"}


def test_an_empty_date_range_is_a_usage_error(cli, sample_db):
    for command in (["outlets"], ["speakers"], ["search", "tariffs", "--in", "questions"], ["kwic", "tariffs"],
                    ["trend", "tariffs"], ["collocates", "tariffs"], ["keywords"]):
        result = cli(*command, "--since", "2021", "--until", "2019", "--db", sample_db)
        assert result.code == 2 and result.stderr.startswith("Error: --since 2021 is after --until 2019")


def test_outlet_of_a_label():
    from briefarc.analysis.turns import outlet_of

    assert outlet_of("《北京青年报》记者") == outlet_of("北京青年报记者") == "北京青年报"
    assert outlet_of("英国《金融时报》记者") == "英国《金融时报》"
    assert [outlet_of(label) for label in ("OPERATOR", "SENATOR ROMNEY", "Mr. Smith", "MODERATOR", "Q", "问")] \
        == [None] * 6
    assert [outlet_of(label) for label in ("AFP", "Reuters", "RIA Novosti", "Sidhant")] == [
        "AFP", "Reuters", "RIA Novosti", "Sidhant"]


def test_cite_names_who_answers(cli, sources_db):
    """A: and 答: are labels, not names: the citation names the spokesperson; a question under Q: names nobody."""
    conn = sqlite3.connect(sources_db)
    ids = dict(conn.execute("SELECT language, id FROM documents WHERE published_date = '2019-12-26'").fetchall())
    speakers = conn.execute("SELECT speaker FROM turns WHERE document_id = ? ORDER BY number", (ids["en"],)).fetchall()
    conn.close()
    assert speakers == [("Q",), ("A",)]
    assert "turn 2 (answer, Geng Shuang)" in cli("cite", f"{ids['en']}#2", "--db", sources_db).stdout
    assert "turn 2 (answer, 耿爽)" in cli("cite", f"{ids['zh']}#2", "--db", sources_db).stdout
    assert "turn 1 (question)," in cli("cite", f"{ids['en']}#1", "--db", sources_db).stdout.replace("\n", "")


def test_turn_table_names_who_answers(cli, sources_db):
    found = cli("search", "Taiwan", "--in", "answers", "--limit", "3", "--db", sources_db, "--json").jsonl()
    assert found and "A" in {turn["speaker"] for turn in found}
    table = cli("search", "Taiwan", "--in", "answers", "--limit", "3", "--db", sources_db).stdout
    assert all(turn["spokesperson"] in table for turn in found) and "│ A " not in table


@pytest.mark.parametrize("command", ["outlets", "speakers"])
def test_limit_says_how_many(cli, sample_db, command):
    every = cli(command, "--db", sample_db, "--json").jsonl()
    assert len(every) > 2
    first = cli(command, "--limit", "2", "--db", sample_db, "--json")
    assert first.jsonl() == every[:2]
    assert first.stderr.strip() == f"2 of {len(every)} — `--limit {len(every)}` for more"
    whole = cli(command, "--limit", str(len(every)), "--db", sample_db)
    assert whole.code == 0 and whole.stderr == ""
    assert cli(command, "--limit", "0", "--db", sample_db).code == 2
