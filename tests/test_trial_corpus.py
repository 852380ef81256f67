"""Found by the third user test: the archive read as a corpus (all of ../shared/corpus in one archive), at
80 columns, and with odd input."""

from __future__ import annotations

import pytest

RUSSIAN_BRIEFING = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Брифинг официального представителя МИД России</title>
<meta property="article:published_time" content="2024-05-03"></head><body><article>
<p>Мы обсудили отношения с Китаем. Китай является нашим стратегическим партнёром, и Китай это подтверждает.</p>
<p>Министр посетит Китай в следующем месяце. Αθήνα. Президент Иван Дуке Márquez и Marquez, Ma\u0301rquez.</p>
</article></body></html>"""


def test_corpus_commands_find_what_the_index_finds(cli, db_file, tmp_path):
    """The index reads Latin letters without their diacritics and other scripts' letters as they are, but the
    commands looked for the term in the text differently: `trend Китай` on a Russian page said "1/1 docs, 0
    mentions" (й was folded to и), `kwic Marquez` printed nothing where `search Marquez` found 'Iván Duque
    Márquez', and a term typed with a combining accent counted nothing at all."""
    page = tmp_path / "briefing.html"
    page.write_text(RUSSIAN_BRIEFING, encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    for term, mentions in (("Китай", 3), ("Αθήνα", 1), ("Marquez", 3), ("márquez", 3), ("Ma\u0301rquez", 3)):
        rows = cli("trend", term, "--by", "year", "--json", "--db", db_file).jsonl()
        assert [(row["term_documents"], row["mentions"]) for row in rows] == [(1, mentions)], term
        lines = cli("kwic", term, "--json", "--db", db_file).jsonl()
        assert len(lines) == mentions, term
    matches = [line["match"] for line in cli("kwic", "MARQUEZ", "--json", "--db", db_file).jsonl()]
    assert matches == ["Márquez", "Marquez", "Ma\u0301rquez"]  # as the page writes it
    assert cli("kwic", "rquez", "--json", "--db", db_file).stdout == ""  # not inside a word with a combining mark
    near = {row["word"] for row in cli("collocates", "Marquez", "--min-count", "1", "--json", "--db",
                                       db_file).jsonl()}
    assert "дуке" in near


def test_kwic_says_when_more_occurrences_follow(cli, sample_db):
    """`kwic China` printed its first 50 lines and nothing else: nothing told them from all there are (search,
    list and outlets say "20 of 363"), so a reader counted 50 occurrences."""
    every = cli("kwic", "China", "--limit", "500", "--json", "--db", sample_db).jsonl()
    assert len(every) > 4
    first = cli("kwic", "China", "--limit", "3", "--db", sample_db)
    assert first.stderr == "Occurrences 1–3, and more after them — `--offset 3` for more.\n"
    last = cli("kwic", "China", "--limit", "3", "--offset", str(len(every) - 3), "--json", "--db", sample_db)
    assert (len(last.jsonl()), last.stderr) == (3, "")
    past = cli("kwic", "China", "--offset", str(len(every)), "--db", sample_db)
    assert (past.code, past.stdout) == (0, "")
    assert past.stderr == f"No occurrences from {len(every) + 1} on (try a smaller --offset).\n"


def test_another_programs_database_is_left_alone(cli, tmp_path):
    """`kwic Taiwan --db places.sqlite` (any SQLite file of another program) answered "No occurrences." after
    adding briefarc's 20 tables to it and switching it to WAL; ingest then filed pages into it."""
    import sqlite3

    from tests.conftest import SAMPLES

    other = tmp_path / "notes.sqlite"
    conn = sqlite3.connect(other)
    conn.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'x');"
                       "CREATE VIEW short AS SELECT id FROM notes;")
    conn.close()
    before = other.read_bytes()
    for command in (["kwic", "Taiwan"], ["search", "Taiwan"], ["stats"], ["watch", "add", "tw", "Taiwan"],
                    ["ingest", SAMPLES / "state-briefing.html"], ["verify"]):
        result = cli(*command, "--db", other)
        assert result.code == 1, command
        assert result.stderr == (f"Error: {other} is another program's SQLite database (its tables: notes, short), "
                                 "not a briefarc archive: give --db an archive, or the name of a new file.\n")
    assert other.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.sqlite"]
    empty = tmp_path / "touched.db"  # an empty file (`touch`) is a new archive
    empty.touch()
    assert cli("ingest", SAMPLES / "state-briefing.html", "--db", empty).code == 0


UNDATED_STATEMENT = """<html lang="en"><head><meta charset="utf-8"><title>Statement on trade</title></head><body>
<article><p>The ministry said Taiwan trade talks would continue, and Taiwan officials welcomed the talks.</p>
</article></body></html>"""


def test_trend_says_what_it_leaves_out_for_want_of_a_date(cli, db_file, tmp_path):
    """An undated page holding the term was left out of every period without a word: `trend Taiwan` said
    "0/1 docs, 0 mentions" where kwic showed two."""
    (tmp_path / "statement.html").write_text(UNDATED_STATEMENT, encoding="utf-8")
    (tmp_path / "briefing.html").write_text(RUSSIAN_BRIEFING, encoding="utf-8")
    assert cli("ingest", tmp_path / "statement.html", tmp_path / "briefing.html", "--db", db_file).code == 0
    assert len(cli("kwic", "Taiwan", "--json", "--db", db_file).jsonl()) == 2
    result = cli("trend", "Taiwan", "--json", "--db", db_file)
    assert [row["mentions"] for row in result.jsonl()] == [0]
    assert result.stderr == "Not counted: 1 document with the term but no date of publication (no period holds it).\n"
    assert cli("trend", "Китай", "--db", db_file).stderr == ""
    assert cli("trend", "Taiwan", "--since", "2020", "--db", db_file).stderr == ""  # --since leaves it out anyway


def test_keywords_with_nothing_to_compare_says_what_to_give(cli, sample_db):
    """`briefarc keywords` and `keywords --lang zh` answered "the reference part of the archive has no documents",
    naming nothing the user had given and no way out."""
    for args in ([], ["--lang", "zh"]):
        result = cli("keywords", *args, "--db", sample_db)
        assert result.code == 2, args
        assert result.stderr.startswith("Error: Nothing to compare with: the filters choose every document")
        assert "Choose a part with --since, --until, --source or --spokesperson" in result.stderr
    vs = cli("keywords", "--since", "2025", "--vs-spokesperson", "Nobody", "--db", sample_db)
    assert vs.code == 2
    assert vs.stderr == "Error: Nothing to compare with: the --vs- options choose no document besides those compared.\n"


def test_parallel_gaps_tells_no_pairs_from_no_gaps(cli, db_file, sample_db):
    """`parallel --gaps` on an archive of English pages only said "No gaps: every paired version has every turn.",
    as if it had compared versions; there was nothing to pair."""
    from tests.conftest import SAMPLES

    assert cli("ingest", SAMPLES / "state-briefing.html", "--db", db_file).code == 0
    alone = cli("parallel", "--gaps", "--db", db_file)
    assert (alone.code, alone.stdout) == (0, "")
    assert alone.stderr.startswith("No gaps to find: no transcript in the archive has a version in another language")
    paired = cli("parallel", "--gaps", "--lang", "zh", "--db", sample_db)
    assert paired.stderr == "No gaps: 1 transcript paired with a version in the other language, and no turn missing " \
                            "from either.\n"


def test_kwic_shows_an_unknown_site_as_every_table_does(cli, db_file, tmp_path):
    """A page of no known site showed nothing where the source goes, so its lines read as if the context began
    there; list, search and the turn tables show "—"."""
    (tmp_path / "statement.html").write_text(UNDATED_STATEMENT, encoding="utf-8")
    assert cli("ingest", tmp_path / "statement.html", "--db", db_file).code == 0
    lines = cli("kwic", "Taiwan", "--width", "20", "--db", db_file).stdout.splitlines()
    assert [line.split()[:2] for line in lines] == [["1", "—"], ["1", "—"]]


def test_search_table_at_60_columns_keeps_the_title_words_whole():
    """At 60 columns the source kept its 16 cells and the title got six: "Foreig", "n Minist", "ry", "Spokes"."""
    import io

    from rich.console import Console

    from briefarc.output.render import hits_table

    hits = [{"id": 82, "published_date": "2020-05-20",
             "site": "Ministry of Foreign Affairs of the People's Republic of China",
             "title": "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 20, 2020",
             "snippet": 'He called her "Taiwan\'s President" and acclaimed Taiwan as a "force for good".'}]

    def cells(width: int, column: int) -> list[str]:
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(hits_table(hits))
        return [line.split("│")[column].strip() for line in out.getvalue().splitlines() if line.startswith("│")]

    out = io.StringIO()
    Console(file=out, width=60, color_system=None).print(hits_table(hits))
    words = set(out.getvalue().replace("│", " ").split())  # too narrow for the title's longest word: stacked
    assert {"Foreign", "Ministry", "Spokesperson", "Lijian's", "Regular", "Press", "Conference"} <= words
    whole = ["Ministry of", "Foreign Affairs", "of the People's", "Republic of", "China"]  # whole since h140
    assert cells(80, 3)[:5] == whole  # as wide as before from 80
    assert cells(120, 3)[:5] == whole


def test_search_and_list_at_40_columns_stack_each_hit():
    """At 40 columns the title column of search's table had three cells ("Fo", "re", "ig", ...) and list's
    eight: each hit is then one cell beside its id, date and source on a line, the title and snippet under them."""
    import io

    from rich.console import Console

    from briefarc.output.render import hits_table

    hits = [{"id": 82, "published_date": "2020-05-20",
             "site": "Ministry of Foreign Affairs of the People's Republic of China",
             "title": "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 20, 2020",
             "snippet": 'He called her "Taiwan\'s President" and acclaimed Taiwan as a "force for good".'}]
    for snippets in (True, False):
        out = io.StringIO()
        Console(file=out, width=40, color_system=None).print(hits_table(hits, snippets=snippets))
        lines = out.getvalue().splitlines()
        assert all(len(line) <= 40 for line in lines)
        cells = [line.split("│") for line in lines if line.startswith("│")]
        assert cells[0][1].strip() == "82" and cells[0][2].split()[:2] == ["2020-05-20", "Ministry"]
        words = " ".join(cell[2] for cell in cells).split()
        assert {"Spokesperson", "Conference", "Lijian's", "Republic"} <= set(words)
        assert ("acclaimed" in words) == snippets


def test_trend_plot_into_a_missing_folder_fails_before_the_chart(cli, sample_db, tmp_path):
    """`trend Taiwan --plot charts/taiwan.png` without the folder printed the whole chart (or the JSON a script
    reads) and then failed with exit 1: the data went out, the plot did not."""
    pytest.importorskip("matplotlib")
    target = tmp_path / "charts" / "taiwan.png"
    result = cli("trend", "Taiwan", "--by", "year", "--json", "--plot", target, "--db", sample_db)
    assert (result.code, result.stdout) == (1, "")
    assert result.stderr == (f"Error: Cannot write {target}: the folder {target.parent} does not exist. "
                             "Create it first.\n")


def test_date_options_help_names_every_form_they_take(cli):
    """--since and --until said "(YYYY-MM-DD)" in every command's help, where `--until 2019` (the end of 2019) is
    what a reader of the corpus types most; only the README told."""
    for command in ("list", "trend", "keywords"):
        shown = " ".join(cli(command, "--help").stdout.split())
        assert "--since <str> Published on or after this day, or from this month or year on (YYYY-MM-DD, YYYY-MM " \
               "or YYYY)." in shown, command
        assert "by the end of this month or year (YYYY-MM-DD, YYYY-MM or YYYY)." in shown, command


OUTLETS_BRIEFING = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Foreign Ministry Spokesperson's Regular Press Conference on June 2, 2020</title></head><body><article>
<p>Zhao Lijian: Good afternoon. I have no announcement to make today, so let us go to your questions.</p>
<p>The Paper: What is China's comment on the new trade measures announced yesterday by the other side?</p>
<p>Zhao Lijian: We have noted the reports and will respond in due course after careful study of them.</p>
<p>AP: Will the foreign minister travel to Europe next month to discuss these measures in person?</p>
<p>Zhao Lijian: We will release information on any such visit in due course. Please stay tuned.</p>
<p>Reuters TV: Can you confirm the date of the next round of trade talks between the two sides?</p>
<p>Zhao Lijian: I have no information to offer at the moment on the date of the next round of talks.</p>
<p>Reuters: Has China raised the case of the detained citizen with the other side in the talks?</p>
<p>Zhao Lijian: China has made its position on the case clear to the other side on many occasions.</p>
</article></body></html>"""


def test_search_outlet_keeps_that_outlets_questions(cli, db_file, tmp_path):
    """`search --outlet AP` listed The Paper's questions as AP's (the label was matched as a string: 'ap' is in
    'The Paper'), and `--outlet Reuters` counted Reuters TV's as well, where `outlets` counts Reuters alone."""
    page = tmp_path / "briefing.html"
    page.write_text(OUTLETS_BRIEFING, encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    asked = {row["outlet"]: row["questions"] for row in cli("outlets", "--json", "--db", db_file).jsonl()}
    assert asked == {"The Paper": 1, "AP": 1, "Reuters TV": 1, "Reuters": 1}

    def outlets_found(name: str) -> list[str]:
        return [row["outlet"] for row in cli("search", "--outlet", name, "--json", "--db", db_file).jsonl()]

    assert outlets_found("AP") == ["AP"]
    assert outlets_found("reuters") == ["Reuters"]
    assert outlets_found("Reuters TV") == ["Reuters TV"]
    assert outlets_found("paper") == ["The Paper"]  # no outlet is named so: the one whose name holds the word
    assert outlets_found("Pap") == []


def test_a_chinese_prefix_finds_the_characters_not_the_run_after_them(cli, db_file, tmp_path):
    """`kwic 二十国集团*` showed '二十国集团对其进行债务减免' as the match, the whole run of characters up to the next
    punctuation, and collocates counted the words near that run; a Latin prefix ran on into Chinese written
    against it ('G20峰会')."""
    page = tmp_path / "briefing.html"
    page.write_text("<html lang='zh'><head><meta charset='utf-8'><title>外交部发言人答记者问</title></head><body>"
                    "<article>"
                    "<p>安哥拉请求二十国集团对其进行债务减免，中方积极推动落实二十国集团“缓债倡议”。</p>"
                    "<p>G20峰会将于下月举行，G20 members will meet, and the G20s are not the same.</p>"
                    "</article></body></html>", encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    matches = [line["match"] for line in cli("kwic", "二十国集团*", "--json", "--db", db_file).jsonl()]
    assert matches == ["二十国集团", "二十国集团"]
    assert [line["match"] for line in cli("kwic", "G20*", "--json", "--db", db_file).jsonl()] == ["G20", "G20", "G20s"]
    assert [line["match"] for line in cli("kwic", "二*", "--json", "--db", db_file).jsonl()] == ["二", "二"]


G20_PAGE = """<html lang="zh"><head><meta charset="utf-8">
<title>2019年6月27日外交部发言人耿爽主持例行记者会</title></head><body><article><p>问：中美双方可能会在G20峰会期间达成协议吗？</p>
<p>答：习近平主席将出席在日本大阪举行的G20领导人第十四次峰会。在G20框架下，我们支持多边主义。</p>
<p>问：2019年的经济形势如何？G20 members will meet in Osaka.</p></article></body></html>"""


def test_a_word_written_against_chinese_is_found_as_search_finds_it(cli, db_file, tmp_path):
    """`search G20 --lang zh` found the Chinese pages, but `kwic G20` said "No occurrences." and `trend G20` "3/57
    docs, 0 mentions": in G20峰会 or 2019年 the word runs on into Chinese characters, and kwic wanted it to end there
    (the index, too, reads "G20峰会" as one word in the body)."""
    page = tmp_path / "briefing.html"
    page.write_text(G20_PAGE, encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    assert cli("search", "G20", "--json", "--db", db_file).jsonl()[0]["total"] == 1
    assert len(cli("kwic", "G20", "--json", "--db", db_file).jsonl()) == 4
    assert [row["mentions"] for row in cli("trend", "G20", "--json", "--db", db_file).jsonl()] == [4]
    assert [line["match"] for line in cli("kwic", "G20峰会", "--json", "--db", db_file).jsonl()] == ["G20峰会"]
    assert [line["right"][:2] for line in cli("kwic", "2019", "--json", "--db", db_file).jsonl()] == ["年的"]
    assert cli("kwic", "G2", "--json", "--db", db_file).stdout == ""  # still a whole word


EN_OUTLETS = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Foreign Ministry Spokesperson's Regular Press Conference on June 3, 2020</title></head><body><article>
<p>Zhao Lijian: Good afternoon. I have no announcement to make today, so let us go to your questions.</p>
<p>AFP: Will China negotiate a new trade deal with the United States this year?</p>
<p>Zhao Lijian: China is open to negotiations on the basis of equality and mutual respect at all times.</p>
<p>AFP: Is China ready to negotiate the second phase of the trade deal before the election?</p>
<p>Zhao Lijian: I would refer you to the competent authorities for the details of the negotiations.</p>
<p>Reuters: Will China grant consular access to the two detained Canadians this month?</p>
<p>Zhao Lijian: The relevant authorities are handling the cases in accordance with the law of the land.</p>
<p>Reuters: Has China considered consular access for the Canadians on humanitarian grounds?</p>
<p>Zhao Lijian: Their lawful rights are guaranteed, and the cases are being handled in accordance with law.</p>
</article></body></html>"""

ZH_OUTLETS = """<!doctype html><html lang="zh"><head><meta charset="utf-8">
<title>2020年6月3日外交部发言人赵立坚主持例行记者会</title></head><body><article>
<p>赵立坚：下午好。今天我没有要发布的消息，下面请大家提问。</p>
<p>路透社记者：安哥拉请求二十国集团对其进行债务减免，并称正同一些债权国进行谈判。中方对此有何评论？是否会对安哥拉的债务进行减免？</p>
<p>赵立坚：中方积极推动落实二十国集团缓债倡议，愿同有关国家一道，按照二十国集团的共识开展工作，帮助非洲国家应对疫情挑战。</p>
<p>法新社记者：一些国家已经安排包机撤离本国公民，中方是否会为在华外国人安排包机？中方对此次民调结果有何回应？</p>
<p>赵立坚：我们会为在华外国人提供必要的便利和协助，请有关人员关注主管部门发布的信息，确保安全有序出行。</p>
</article></body></html>""".replace("</article>", "".join(
    f"<p>{outlet}记者：据报道，世界卫生组织将召开会议讨论全球抗疫合作和疫苗分配问题，各方对此高度关注。中方将派谁出席？"
    f"中方对会议有何期待？</p><p>赵立坚：中方将积极参与，具体情况我们会适时发布消息。</p>"
    for outlet in ("新华社", "中新社", "总台央视", "彭博社", "塔斯社", "共同社")) + "</article>")


def test_outlets_weigh_an_outlets_words_against_those_asking_in_its_script(cli, db_file, tmp_path):
    """In an archive of English and Chinese press conferences, 'china' topped AFP's and Reuters' terms: each
    outlet was weighed against all the others, and the Chinese questions, most of the words, never write it."""
    for name, page in (("en.html", EN_OUTLETS), ("zh.html", ZH_OUTLETS)):
        (tmp_path / name).write_text(page, encoding="utf-8")
        assert cli("ingest", tmp_path / name, "--db", db_file).code == 0
    terms = {row["outlet"]: row["top_terms"] for row in cli("outlets", "--top", "5", "--json", "--db",
                                                              db_file).jsonl()}
    assert "china" not in terms["AFP"] and "china" not in terms["Reuters"]
    assert {"negotiate", "trade", "deal"} & set(terms["AFP"]) and {"consular", "access"} & set(terms["Reuters"])
    assert "债务" in terms["路透社"] and "包机" in terms["法新社"]


def briefing(spokesperson: str, day: int, paragraphs: list[str]) -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Foreign Ministry Spokesperson "
            f"{spokesperson}'s Regular Press Conference on June {day}, 2020</title></head><body><article>"
            + "".join(f"<p>{text}</p>" for text in paragraphs) + "</article></body></html>")


def test_keywords_weigh_english_words_against_english_words(cli, db_file, tmp_path):
    """`keywords --spokesperson "Zhao Lijian"` ranked 'china', 'chinese' and "china's" first: his English briefings
    were weighed against the rest of the archive, mostly Chinese pages, which never write those words."""
    pages = {
        "zhao.html": briefing("Zhao Lijian", 3, ["Q: What is China's position on the Galwan Valley border clash?",
                                                "A: China's troops at the border in the Galwan Valley acted to "
                                                "keep the peace. China and India will talk about the border."]),
        "hua.html": briefing("Hua Chunying", 4, ["Q: What is China's comment on the trade talks with the US?",
                                                "A: China hopes the trade talks go well. China's position on trade "
                                                "is clear and China will keep its word on trade."]),
        "zh.html": ZH_OUTLETS,
    }
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
        assert cli("ingest", tmp_path / name, "--db", db_file).code == 0
    words = [row["word"] for row in cli("keywords", "--spokesperson", "Zhao Lijian", "--min-count", "2", "--json",
                                        "--db", db_file).jsonl()]
    assert words[:3] and set(words[:3]) <= {"galwan", "valley", "border"}
    assert "china" not in words and "china's" not in words


def test_an_unreadable_archive_is_not_sent_to_verify_in_a_circle(cli, tmp_path, sample_db):
    """`--db notes.txt` and a damaged archive both said "run `briefarc verify`", which answered the same."""
    import shutil

    text = tmp_path / "notes.db"
    text.write_bytes(b"these are my notes, not an archive\n" * 200)
    for command in (["search", "Taiwan"], ["verify"]):
        result = cli(*command, "--db", text)
        assert result.code == 1
        assert result.stderr == (f"Error: The file {text} is not a usable briefarc database (file is not a database): "
                                 "check --db, which names an archive or a new file to make one in.\n")
    damaged = tmp_path / "damaged archive.db"
    shutil.copy(sample_db, damaged)
    with damaged.open("r+b") as out:
        out.truncate(damaged.stat().st_size // 2)
    result = cli("verify", "--db", damaged)
    assert result.code == 1 and "`briefarc verify` says what is damaged when it can open it" in result.stderr
    assert f"`sqlite3 '{damaged}' .recover | sqlite3 recovered.db`" in result.stderr


def test_watch_list_leaves_the_query_room_at_60_columns(cli, db_file):
    """At 60 columns the two times to the second took 42 cells: the query and filters had one cell each, and a
    Chinese query (香港) showed nothing at all."""
    import os
    import subprocess
    import sys

    assert cli("watch", "add", "hk", "香港", "--db", db_file).code == 0
    assert cli("watch", "add", "ukr", 'Ukraine OR "humanitarian assistance"', "--kind", "briefing", "--db",
               db_file).code == 0
    assert cli("watch", "check", "hk", "--db", db_file).code == 0
    result = subprocess.run([sys.executable, "-m", "briefarc", "watch", "list", "--db", str(db_file)],
                            capture_output=True, text=True, env={**os.environ, "COLUMNS": "60"}, timeout=60)
    rows = [[cell.strip() for cell in line.split("│")[1:-1]] for line in result.stdout.splitlines()
            if line.startswith("│")]
    assert rows[0][:2] == ["hk", "香港"] and rows[0][3].startswith("20") and len(rows[0][3]) == 16
    assert rows[1][:3] == ["ukr", "Ukraine OR", "--kind briefing"] and rows[1][3] == "never"
    assert cli("watch", "list", "--json", "--db", db_file).jsonl()[0]["created_at"].endswith("Z")


def test_search_by_source_at_60_columns_shows_the_titles(cli):
    """`search Taiwan --by source` at 60 columns gave the title two cells and the snippet five: 'Fo', 're', 'ig'."""
    import io

    from rich.console import Console

    from briefarc.output.analysis import grouped_hits

    hit = {"id": 82, "published_date": "2020-05-20", "snippet": "He called her Taiwan's President.",
           "title": "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 20, 2020"}
    groups = [{"week": "2020-W21", "source": "Ministry of Foreign Affairs of the People's Republic of China",
               "count": 1, "hits": [hit]}]

    def printed(width: int) -> str:
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(grouped_hits(groups))
        return out.getvalue()

    def drawn(width: int) -> list[list[str]]:
        return [[cell.strip() for cell in line.split("│")[1:-1]] for line in printed(width).splitlines()
                if line.startswith("│")]

    narrow = printed(60).splitlines()  # lines, the snippet among them: no room for it in the table (h168)
    assert [line.split()[:3] for line in narrow if line.startswith(("title ", "snippet "))] == [
        ["title", "Foreign", "Ministry"], ["snippet", "He", "called"]]
    assert "Spokesperson Zhao Lijian's Regular Press Conference" in " ".join(" ".join(narrow).split())
    assert drawn(80)[0][1] == "Ministry of" and "Spokesperson" in " ".join(row[4] for row in drawn(80)).split()
    assert len(drawn(100)[0]) == 6  # the snippet, once the title's share holds "Spokesperson" whole


def test_an_outlet_no_question_names_is_said_so(cli, db_file, tmp_path):
    """`search --outlet Rueters` answered "No turns match.", as if Reuters had asked nothing."""
    page = tmp_path / "briefing.html"
    page.write_text(OUTLETS_BRIEFING, encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    typo = cli("search", "--outlet", "Rueters", "--db", db_file)
    assert (typo.code, typo.stdout) == (0, "")
    assert typo.stderr == ("No outlet named 'Rueters' asked a question in this archive: `briefarc outlets` lists "
                           "them.\n")
    assert cli("search", "zebra", "--outlet", "Reuters", "--db", db_file).stderr == "No turns match.\n"


def test_a_turn_reference_typed_with_a_full_width_hash(cli, sample_db):
    """A Chinese input method types ＃: `show 2＃4` was "Give a document id such as 12, or a turn such as 12#3",
    where `show １#２` (full-width digits) worked."""
    assert cli("show", "2＃4", "--json", "--db", sample_db).jsonl() == cli("show", "2#4", "--json", "--db",
                                                                          sample_db).jsonl()
    assert cli("cite", "２＃４", "--db", sample_db).stdout == cli("cite", "2#4", "--db", sample_db).stdout


def test_stats_of_an_empty_archive_draws_no_empty_tables(cli, db_file):
    """An archive with watches and no documents yet printed four tables of headings over nothing."""
    assert cli("watch", "add", "tw", "Taiwan", "--db", db_file).code == 0
    shown = cli("stats", "--db", db_file)
    assert shown.code == 0 and shown.stdout.startswith("Documents         0\n")
    assert "┏" not in shown.stdout and "Source" not in shown.stdout


def test_trend_says_its_rates_mix_languages(cli, sample_db):
    """`trend Taiwan --by year` on an archive of English and Chinese pages gave 10.4 per 100 documents where
    a quarter of the English ones mention it: the Chinese pages, which never write the word, count in every
    period's documents. The README said so; the output did not."""
    english = cli("trend", "tariffs", "--by", "year", "--db", sample_db)
    assert english.stderr.startswith("Rates are per 100 documents of every language (")
    assert english.stderr.endswith("): --lang en gives them per 100 documents in en.\n")
    chinese = cli("trend", "台湾", "--by", "year", "--db", sample_db)
    assert chinese.stderr.endswith("--lang zh gives them per 100 documents in zh.\n")
    for args in (["tariffs", "--lang", "en"], ["tariffs", "台湾"]):  # one language, or languages side by side
        assert cli("trend", *args, "--by", "year", "--db", sample_db).stderr == "", args


ACCENTED_NEWS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks in Bogotá, day {n}</title>
<meta property="article:published_time" content="2024-05-0{n}"></head><body><article>
<p>President {name} held talks on the border. The envoy said the talks with {name} went well.</p>
<p>The border crossing reopened after the talks, and trade across the border resumed on the same day.</p>
</article></body></html>"""


def test_collocates_and_keywords_count_a_name_with_and_without_its_accents_as_one(cli, db_file, tmp_path):
    """`collocates talks` listed "iván" and "ivan" as two words, each with half the count, though search
    finds either page for either spelling; the word now counts once, in the form written most often."""
    for n, name in enumerate(("Iván Duque", "Iván Duque", "Ivan Duque"), start=1):
        page = tmp_path / f"news{n}.html"
        page.write_text(ACCENTED_NEWS.format(n=n, name=name), encoding="utf-8")
    assert cli("ingest", tmp_path, "--db", db_file).code == 0
    rows = {row["word"]: row for row in cli("collocates", "talks", "--min-count", "1", "--json", "--db",
                                            db_file).jsonl()}
    assert "ivan" not in rows and rows["iván"]["total"] == 6
    words = {row["word"] for row in cli("keywords", "--since", "2024-05-03", "--vs-until", "2024-05-02",
                                        "--min-count", "1", "--json", "--db", db_file).jsonl()}
    assert not {"ivan", "iván"} & words  # the third day's spelling is no word of its own
