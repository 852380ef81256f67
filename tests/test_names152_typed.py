"""--spokesperson and `speakers` take a name however a user types it or a page prints it: in either order
("Chunying Hua"), without spaces (HuaChunying), with a hyphen (Hua Chun-ying), in capitals with a title (MR MILLER),
"Last, First", full-width letters, accents or not (Stephane), traditional characters for the names
sources/names.json knows (華春瑩). A user trial found that all of these found nothing. Pages written here, ingested
through the CLI into a real archive in tmp_path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.test_names139_speakers import ingest

ENGLISH = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Foreign Ministry Spokesperson {name}'s Regular Press Conference on June {day}, 2020</title></head>
<body><div class="content"><h1>Foreign Ministry Spokesperson {name}'s Regular Press Conference on June {day}, 2020</h1>
<p>CRI: What is China's comment on the talks held this week about the new export rules on chips?</p>
<p>A: We have stated our position on this many times, and we urge the other side to stop this practice now.</p>
<p>Reuters: Will the foreign minister attend the meeting in Geneva next week as planned by the hosts?</p>
<p>A: We will release information on that in due course, so please stay tuned for our announcements.</p>
</div></body></html>"""

CHINESE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2020年6月{day}日外交部发言人{name}主持例行记者会</title></head>
<body><div class="content"><h1>2020年6月{day}日外交部发言人{name}主持例行记者会</h1>
<p>总台央视记者：本周有关新出口规则的会谈举行了，中方对此有何评论？</p>
<p>答：我们已多次表明立场，敦促对方立即停止这种做法。</p>
<p>路透社记者：外长是否将按计划出席下周在日内瓦举行的会议？</p>
<p>答：有关消息我们会适时发布，请大家保持关注。</p>
</div></body></html>"""

STATE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Department Press Briefing {day}</title>
</head><body><main><article><h1>Department Press Briefing {day}</h1>
<p>{name}, Department Spokesperson</p>
<p>MR {last}: Good afternoon. I have one announcement at the top and then I will take your questions.</p>
<p>QUESTION: On the talks in Doha, what did the envoy hear from the delegations there?</p>
<p>MR {last}: We heard a great deal about the ceasefire and about the road ahead for the region.</p>
</article></main></body></html>"""

MFA = {  # file: (template, spokesperson as the page prints it, day)
    "hua-en.html": (ENGLISH, "Hua Chunying", 11), "hua-zh.html": (CHINESE, "华春莹", 11),
    "hua-hk.html": (CHINESE, "華春瑩", 12),  # a page that writes her name in traditional characters
    "wang-en.html": (ENGLISH, "Wang Wenbin", 15), "wang-zh.html": (CHINESE, "汪文斌", 15),
    "geng-en.html": (ENGLISH, "Geng Shuang", 16),
}
HUA = ["Hua Chunying", "华春莹", "華春瑩"]
WANG = ["Wang Wenbin", "汪文斌"]


@pytest.fixture
def mfa(cli, db_file, tmp_path) -> Path:
    ingest(cli, db_file, tmp_path / "mfa", {file: template.format(name=name, day=day)
                                            for file, (template, name, day) in MFA.items()})
    return db_file


@pytest.fixture
def state(cli, db_file, tmp_path) -> Path:
    names = {"a": ("Matthew Miller", "MILLER"), "b": ("MATTHEW MILLER", "MILLER"),
             "c": ("Stéphane Dujarric", "DUJARRIC"), "d": ("Stephane Dujarric", "DUJARRIC"),
             "e": ("Zahid Hafeez Chaudhri", "CHAUDHRI")}
    ingest(cli, db_file, tmp_path / "state", {f"{key}.html": STATE.format(day=key, name=name, last=last)
                                              for key, (name, last) in names.items()})
    return db_file


def found(cli, db: Path, typed: str) -> dict[str, list[str]]:
    """The spokespersons of the documents `list` and `search` find for a --spokesperson value."""
    answers = {}
    for command, words in (("list", []), ("search", ["questions OR Reuters OR 路透社"])):
        result = cli(command, *words, "--spokesperson", typed, "--json", "--limit", "50", "--db", db)
        assert result.code == 0, result.stderr
        answers[command] = sorted(row["spokesperson"] for row in result.jsonl())
    return answers


@pytest.mark.parametrize(("typed", "expected"), [
    ("Chunying Hua", HUA),  # the Western order
    ("HuaChunying", HUA),  # no space
    ("hua chunying", HUA),
    ("HUA CHUNYING", HUA),
    ("Hua Chun-ying", HUA),  # a hyphen in the given name
    ("Hua, Chunying", HUA),
    ("華春瑩", HUA),  # traditional characters
    ("華 春瑩", HUA),
    ("华春莹", HUA),  # the simplified name finds the page that prints it in traditional characters
    ("春瑩", HUA),
    ("Ｃｈｕｎｙｉｎｇ　Ｈｕａ", HUA),  # full-width letters and space
    ("Wenbin Wang", WANG),
    ("wenbin", WANG),
    ("汪 文斌", WANG),
    ("Shuang Geng", ["Geng Shuang"]),
    ("Hua", HUA),  # as before: the start of a word, and not Geng Shuang, whose name holds "hua"
    ("Wang Wen", WANG),
    ("Wang\u200bWenbin", WANG),  # a zero-width space a paste brought in
])
def test_a_china_mfa_spokesperson_is_found_however_the_name_is_typed(cli, mfa, typed, expected):
    assert found(cli, mfa, typed) == {"list": sorted(expected), "search": sorted(expected)}


@pytest.mark.parametrize(("typed", "expected"), [
    ("Miller, Matthew", ["MATTHEW MILLER", "Matthew Miller"]),  # "Last, First"
    ("MR MILLER", ["MATTHEW MILLER", "Matthew Miller"]),  # a transcript's label: the title is no part of the name
    ("Matthew Miller", ["MATTHEW MILLER", "Matthew Miller"]),
    ("miller matthew", ["MATTHEW MILLER", "Matthew Miller"]),
    ("Stephane Dujarric", ["Stephane Dujarric", "Stéphane Dujarric"]),  # with or without the accent
    ("DUJARRIC, Stéphane", ["Stephane Dujarric", "Stéphane Dujarric"]),
    ("Zahid Chaudhri", ["Zahid Hafeez Chaudhri"]),  # whole words in any order, a middle name left out
    ("Chaudhri Zahid", ["Zahid Hafeez Chaudhri"]),
])
def test_a_name_the_table_does_not_know_is_found_in_any_order_case_or_title(cli, state, typed, expected):
    assert found(cli, state, typed) == {"list": expected, "search": expected}


@pytest.mark.parametrize("typed", ["Nobody Atall", "Matt Miller", "Mill Matthew", "MR", "Zahid Chaud Hafeez"])
def test_a_name_no_document_gives_is_still_the_no_documents_answer(cli, state, typed):
    for command, words in (("list", []), ("search", ["announcement"])):
        result = cli(command, *words, "--spokesperson", typed, "--db", state)
        assert result.code == 0 and result.stdout == "", result.stderr
        assert result.stderr.strip() == f"No document names a spokesperson {typed!r}: `briefarc speakers` lists them."


def test_speakers_counts_one_spokesperson_however_the_pages_write_the_name(cli, db_file, tmp_path):
    """Wenbin Wang and Wang Wenbin, Stéphane and Stephane, Hua Chun-ying and Hua Chunying, 華春瑩 and 华春莹 are one
    row each; the two scripts of one China MFA spokesperson stay side by side, each counted apart."""
    pages = {"1.html": STATE.format(day=1, name="Stéphane Dujarric", last="DUJARRIC"),
             "2.html": STATE.format(day=2, name="Stephane Dujarric", last="DUJARRIC"),
             "3.html": STATE.format(day=3, name="Stéphane Dujarric", last="DUJARRIC"),
             "4.html": ENGLISH.format(name="Wang Wenbin", day=4), "5.html": ENGLISH.format(name="Wenbin Wang", day=5),
             "6.html": ENGLISH.format(name="Hua Chunying", day=6), "7.html": STATE.format(day=7, name="Hua Chun-ying",
                                                                                        last="HUA"),
             "8.html": CHINESE.format(name="华春莹", day=8), "9.html": CHINESE.format(name="華春瑩", day=9),
             "10.html": CHINESE.format(name="华春莹", day=10)}
    ingest(cli, db_file, tmp_path / "pages", pages)
    rows = cli("speakers", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == [
        ("华春莹", 3), ("Hua Chunying", 2), ("Stéphane Dujarric", 3), ("Wang Wenbin", 2)], rows
    rows = cli("speakers", "--spokesperson", "Chunying Hua", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == [("华春莹", 3), ("Hua Chunying", 2)], rows


def test_an_archive_of_the_version_before_gets_the_spokesperson_index(cli, mfa):
    """--spokesperson reads the names an archive holds by the index of spokespersons, one step from each to the
    next: an archive of the version before (made here by taking the index away) gets it when opened."""
    from briefarc.store.migrations import MIGRATIONS

    before = [migration.__name__.endswith("_spokesperson_index") for migration in MIGRATIONS].index(True)
    conn = sqlite3.connect(mfa)
    conn.execute("DROP INDEX documents_spokesperson")
    conn.execute(f"PRAGMA user_version = {before}")
    conn.close()
    assert found(cli, mfa, "Chunying Hua")["list"] == sorted(HUA)
    conn = sqlite3.connect(mfa)
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents_spokesperson'").fetchone() == (1,)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_the_names_an_archive_holds_are_read_from_the_index_and_each_compared_once(mfa):
    """The names are walked by the index (not every document read to compare its name), and the comparison in
    Python runs once a name: six names, six calls, whatever the number of documents."""
    from briefarc.sources.names import spokesperson_named
    from briefarc.store.db import open_database
    from briefarc.store.search import SPOKESPERSON_SQL, Filters, list_documents

    db = open_database(mfa)
    calls: list[str] = []
    db.conn.create_function("spokesperson_named", 2, lambda name, typed: calls.append(name)
                            or spokesperson_named(name, typed), deterministic=True)
    assert sorted(hit["spokesperson"] for hit in list_documents(db, Filters(spokesperson="Chunying Hua"))) == \
        sorted(HUA)
    assert sorted(calls) == sorted(name for _, name, _ in MFA.values())
    plan = " ".join(row[3] for row in db.conn.execute(f"EXPLAIN QUERY PLAN SELECT 1 FROM documents d "
                                                      f"WHERE {SPOKESPERSON_SQL}", ["Hua"]))
    assert "SCAN documents" not in plan and "documents_spokesperson (spokesperson>?)" in plan, plan
    db.conn.close()


@pytest.mark.parametrize(("name", "typed", "same"), [
    ("Hua Chunying", "Chunying Hua", True), ("Hua Chunying", "Hu", True), ("Hua Chunying", "Chun Hua", False),
    ("Geng Shuang", "hua", False), ("Geng Shuang", "an", False), ("Lin Jian", "Li Jian", False),
    ("Mumtaz Zahra Baloch", "Baloch, Mumtaz Zahra", True), ("Mumtaz Zahra Baloch", "Zahra Baloch", True),
    ("Jean-Pierre Lacroix", "Lacroix Jean-Pierre", True), ("Jean-Pierre Lacroix", "Pierre", True),
    ("Zhao 50%_off", "%", False), ("华春莹", "春", True), ("华春莹", "Hua", False),  # Hua: names.json, not here
])
def test_a_name_matches_what_is_typed(name, typed, same):
    from briefarc.sources.names import names_match

    assert names_match(name, typed) is same


def test_one_key_for_the_ways_a_page_writes_one_name():
    from briefarc.sources.names import person_key

    assert len({person_key(name) for name in ("Hua Chunying", "Chunying HUA", "Hua Chun-ying", "Hua, Chunying",
                                                "Ｈｕａ Ｃｈｕｎｙｉｎｇ", "Hua Chun\u2011ying")}) == 1
    # two people whose letters are one name's read from another place: the key read them round, and merged them
    assert person_key("Zhao Lijian") == person_key("Lijian Zhao") != person_key("Li Jianzhao")
    assert person_key("Lin Jian") != person_key("Linj Ian")
    assert len({person_key(name) for name in ("华春莹", "華春瑩", "华 春莹")}) == 1
    assert person_key("Jane Roe-Smith") == person_key("Jane Roe Smith") != person_key("Jane Smith")
    assert person_key("Lin Jian") != person_key("Jian Lin Li")


def test_a_name_another_program_wrote_as_bytes_is_no_name_and_breaks_nothing(cli, mfa):
    """A spokesperson written as a blob (sqlite-utils given bytes): every --spokesperson query was a database error
    (the comparison in Python raised on it) and `speakers` a traceback; now it is no name, and the others are found."""
    conn = sqlite3.connect(mfa)
    conn.execute("UPDATE documents SET spokesperson = ? WHERE spokesperson = 'Geng Shuang'", (b"Geng\xff",))
    conn.commit()
    conn.close()
    assert found(cli, mfa, "Chunying Hua") == {"list": sorted(HUA), "search": sorted(HUA)}
    result = cli("speakers", "--json", "--db", mfa)
    assert result.code == 0, result.stderr
    assert sorted((row["spokesperson"], row["documents"]) for row in result.jsonl())[:3] == [
        ("Hua Chunying", 1), ("Wang Wenbin", 1), ("汪文斌", 1)] and len(result.jsonl()) == 4, result.stdout
