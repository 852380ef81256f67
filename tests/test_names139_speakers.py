"""One speaker, one spokesperson, one outlet however the pages write them: "MR. PALEY" is "MR PALEY", a spokesperson
is found by her name in either script of the ministry's pages, and "CRI" asks with "China Radio International".
Mini transcripts written here, ingested through the CLI into a real archive in tmp_path."""

from __future__ import annotations

from pathlib import Path

from briefarc.store.text import has_cjk

STATE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><article><h1>{title}</h1>
<p>{name}, Department Spokesperson</p>
<p>MR PRICE: Good afternoon. I am joined today by our special envoy, who will take a few of your questions.</p>
<p>QUESTION: On the talks in Doha, what did the envoy hear from the delegations there?</p>
<p>MR. PALEY: Thanks for the question. We heard a great deal about the ceasefire and about the road ahead.</p>
<p>QUESTION: And on the refugees, how many have left so far this month?</p>
<p>MR PRICE: We are working with our partners on that, and we will have more to say about it soon.</p>
<p>MR PALEY: And let me add that the numbers change every day, so I would not want to give one now.</p>
<p>QUESTION: Will the envoy travel to the region again before the end of the month?</p>
<p>MR. PRICE: He will, and we will announce the dates of that trip when they are settled.</p>
</article></main></body></html>"""

ENGLISH = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on June 11, 2020</title></head>
<body><div class="content"><h1>Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on June 11,
2020</h1>
<p>CRI: What is China's comment on the talks held this week about Huawei and the new export rules?</p>
<p>A: We have stated our position on this many times, and we urge the other side to stop this practice now.</p>
<p>China Radio International: Will the foreign minister attend the meeting in Geneva next week as planned?</p>
<p>A: We will release information on that in due course, so please stay tuned for our announcements.</p>
<p>CRI: Do you have any update on the citizens who were evacuated from the region last weekend?</p>
<p>A: They have all returned safely, and we thank the host country for the help it gave to them.</p>
<p>The Paper: How does China see the report released yesterday about trade in the first five months?</p>
<p>A: The figures show that our trade with the world keeps growing steadily despite the pandemic.</p>
<p>THE PAPER: Is there anything new on the visit of the delegation from the African Union to Beijing?</p>
<p>A: The visit went well, and both sides agreed to deepen their cooperation in health and trade.</p>
<p>The Paper: Can you confirm that the two leaders will speak on the phone before the end of this month?</p>
<p>A: I have no information to offer at the moment, and we will let you know if there is any.</p>
<p>Reuters: Has China received the request for assistance that the government sent last Friday?</p>
<p>A: The competent authorities are looking into the request, and they will deal with it in accordance with law.</p>
<p>Reuters TV: Could you tell us more about the phone call between the two foreign ministers yesterday?</p>
<p>A: The two ministers had an in-depth exchange of views on bilateral relations and the pandemic.</p>
</div></body></html>"""

CHINESE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2020年6月11日外交部发言人华春莹主持例行记者会</title></head>
<body><div class="content"><h1>2020年6月11日外交部发言人华春莹主持例行记者会</h1>
<p>总台央视记者：本周有关华为（Huawei）和新出口规则的会谈举行了，中方对此有何评论？</p>
<p>答：我们已多次表明立场，敦促对方立即停止这种做法。</p>
<p>中央广播电视总台央视记者：外长是否将按计划出席下周在日内瓦举行的会议？</p>
<p>答：有关消息我们会适时发布，请大家保持关注。</p>
<p>总台央视记者：上周末从该地区撤离的中国公民情况如何，你能否介绍最新情况？</p>
<p>答：他们都已安全回国，我们感谢东道国提供的帮助。</p>
<p>记者：是的，我还想问一个问题。</p>
<p>答：请讲。</p>
</div></body></html>"""


def ingest(cli, db: Path, folder: Path, pages: dict[str, str]) -> None:
    folder.mkdir()
    for name, html in pages.items():
        (folder / name).write_text(html, encoding="utf-8")
    result = cli("ingest", folder, "--db", db)
    assert result.code == 0, result.stderr


def questions_of(cli, db: Path, outlet: str) -> list[str]:
    """The labels of the questions `search --outlet` finds, in order."""
    found = cli("search", "--in", "questions", "--outlet", outlet, "--json", "--db", db).jsonl()
    return sorted(row["speaker"] for row in found)


def test_a_guest_briefer_whose_label_loses_its_dot_still_answers(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "pages", {"state.html": STATE.format(title="Department Press Briefing",
                                                                        name="Ned Price")})
    turns = cli("show", "1", "--json", "--db", db_file).jsonl()[0]["turns"]
    assert [(turn["speaker"], turn["role"]) for turn in turns[1:]] == [
        ("MR PRICE", "statement"), ("QUESTION", "question"), ("MR. PALEY", "answer"), ("QUESTION", "question"),
        ("MR PRICE", "answer"), ("MR PALEY", "answer"), ("QUESTION", "question"), ("MR. PRICE", "answer")]
    questions = cli("search", "--in", "questions", "--json", "--db", db_file).jsonl()
    assert [row["speaker"] for row in questions] == ["QUESTION"] * 3


def test_speakers_counts_one_spokesperson_however_the_pages_write_the_name(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "pages", {
        "one.html": STATE.format(title="Department Press Briefing – August 10, 2021", name="Ned Price"),
        "two.html": STATE.format(title="Department Press Briefing – August 11, 2021", name="NED PRICE"),
        "three.html": STATE.format(title="Department Press Briefing – August 12, 2021", name="Ned Price")})
    rows = cli("speakers", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == [("Ned Price", 3)], rows


def test_a_spokesperson_is_found_by_her_name_in_either_script(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "pages", {"en.html": ENGLISH, "zh.html": CHINESE})
    for typed in ("Hua", "Hua Chunying", "chunying", "华春莹", "春莹"):
        listed = cli("list", "--spokesperson", typed, "--json", "--db", db_file).jsonl()
        assert sorted(row["spokesperson"] for row in listed) == ["Hua Chunying", "华春莹"], typed
        found = cli("search", "Huawei", "--spokesperson", typed, "--json", "--db", db_file).jsonl()
        assert len(found) == 2, typed
    speakers = cli("speakers", "--spokesperson", "Hua", "--json", "--db", db_file).jsonl()
    assert sorted(row["spokesperson"] for row in speakers) == ["Hua Chunying", "华春莹"]
    assert cli("list", "--spokesperson", "Geng", "--json", "--db", db_file).stdout.strip() == ""


def test_outlets_counts_the_spellings_of_one_outlet_together(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "pages", {"en.html": ENGLISH, "zh.html": CHINESE})
    rows = cli("outlets", "--top", "0", "--json", "--db", db_file).jsonl()
    assert sorted((row["outlet"], row["questions"]) for row in rows) == [
        ("CRI", 3), ("Reuters", 1), ("Reuters TV", 1), ("The Paper", 3), ("总台央视", 3)], rows
    for typed, total in (("China Radio International", 3), ("the paper", 3), ("Reuters", 1),
                         ("中央广播电视总台央视", 3)):
        found = cli("search", "--in", "questions", "--outlet", typed, "--json", "--db", db_file).jsonl()
        assert len(found) == total, typed
    answers = cli("search", "--in", "answers", "--outlet", "cri", "--json", "--db", db_file).jsonl()
    assert sorted(row["asked_by"] for row in answers) == ["CRI", "CRI", "China Radio International"]


def test_a_journalists_unnamed_turn_is_no_outlet_and_a_networks_two_names_are_one(cli, db_file, tmp_path):
    """记者 ("journalist") labels a Chinese page's follow-up as "Journalist" or "QUESTION" an English one's: a question,
    its speaker as printed, no outlet (as Q:, 问: have none). Each question keeps its own label's outlet in the
    record, and the outlets table counts 总台央视 and 中央广播电视总台央视 (the same network) as one."""
    ingest(cli, db_file, tmp_path / "pages", {"zh.html": CHINESE})
    turns = {turn["speaker"]: turn for turn in cli("search", "--in", "questions", "--json", "--db", db_file).jsonl()}
    assert turns["记者"]["role"] == "question" and turns["记者"]["outlet"] is None
    assert turns["总台央视记者"]["outlet"] == "总台央视"
    assert turns["中央广播电视总台央视记者"]["outlet"] == "中央广播电视总台央视"
    assert [row["outlet"] for row in cli("outlets", "--json", "--db", db_file).jsonl()] == ["总台央视"]


def test_speakers_puts_a_spokespersons_two_scripts_side_by_side(cli, db_file):
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    db = open_database(db_file)
    names = ["耿爽", "耿爽", "耿爽", "华春莹", "华春莹", "Geng Shuang", "Hua Chunying"]
    for number, name in enumerate(names, start=1):
        page = f"<html><body><h1>Briefing {number}</h1><p>Remarks {number}.</p></body></html>".encode()
        document = Document(title=f"Briefing {number}", published=f"2020-03-{number:02d}", kind="briefing",
                            language="en" if name.isascii() else "zh", spokesperson=name,
                            paragraphs=[f"Remarks {number}."])
        save_document(db, document, RawPage(data=page, origin=f"/saved/{number}.html"))
    db.conn.close()
    rows = cli("speakers", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == [
        ("耿爽", 3), ("Geng Shuang", 1), ("华春莹", 2), ("Hua Chunying", 1)], rows


def test_part_of_an_outlets_name_finds_its_questions_under_each_spelling(cli, db_file, tmp_path):
    """--outlet with part of a name ("Radio", "广播电视") finds the outlet `outlets` counts as one, under all its
    spellings: "Radio" found the one question labelled China Radio International and not CRI's two."""
    ingest(cli, db_file, tmp_path / "pages", {"en.html": ENGLISH, "zh.html": CHINESE})
    for typed, expected in (("Radio", ["CRI", "CRI", "China Radio International"]),
                            ("广播电视", ["中央广播电视总台央视记者", "总台央视记者", "总台央视记者"]),
                            ("Paper", ["THE PAPER", "The Paper", "The Paper"]), ("TV", ["Reuters TV"])):
        assert questions_of(cli, db_file, typed) == expected, typed


def test_part_of_an_outlets_name_in_full_width_letters_is_read_as_plain_ones(cli, db_file, tmp_path):
    """Ｒａｄｉｏ is Radio, as ＣＲＩ is CRI: the part of a name was compared as typed, and found nothing."""
    ingest(cli, db_file, tmp_path / "pages", {"en.html": ENGLISH})
    for typed in ("ＣＲＩ", "Ｒａｄｉｏ"):
        assert questions_of(cli, db_file, typed) == ["CRI", "CRI", "China Radio International"], typed


def test_an_outlet_typed_as_its_label_prints_it_is_that_outlet(cli, db_file, tmp_path):
    """--outlet 总台央视记者, the label as `search` shows it, is the outlet 总台央视 (`outlets` reads the label so):
    it found nothing, the word for reporter after the name not being part of any outlet's name."""
    ingest(cli, db_file, tmp_path / "pages", {"zh.html": CHINESE})
    for typed in ("总台央视记者", "《总台央视》记者", "中央广播电视总台央视记者"):
        assert questions_of(cli, db_file, typed) == ["中央广播电视总台央视记者", *["总台央视记者"] * 2], typed


def test_an_outlet_named_alike_in_both_scripts_is_counted_in_each_apart(cli, db_file, tmp_path):
    """The English and the Chinese page are two versions of one briefing: CNN's question on each (CNN:, CNN记者：)
    is one question in each script, as Reuters' and 路透社's are, not two questions of one outlet."""
    english = ENGLISH.replace("<p>Reuters TV:", "<p>CNN: Is the report on the new export rules accurate?</p>\n"
                              "<p>A: I am not aware of the report you mentioned, so I cannot comment on it.</p>\n"
                              "<p>Reuters TV:")
    chinese = CHINESE.replace("<p>记者：", "<p>CNN记者：关于新出口规则的报道是否属实？</p>\n"
                              "<p>答：我不了解你提到的报道。</p>\n<p>记者：")
    ingest(cli, db_file, tmp_path / "pages", {"en.html": english, "zh.html": chinese})
    rows = cli("outlets", "--top", "3", "--json", "--db", db_file).jsonl()
    cnn = [(row["questions"], row["top_terms"]) for row in rows if row["outlet"] == "CNN"]
    assert len(cnn) == 2 and all(count == 1 for count, _ in cnn), cnn
    assert sorted(any(has_cjk(term) for term in terms) for _, terms in cnn) == [False, True], cnn
    assert questions_of(cli, db_file, "CNN") == ["CNN", "CNN记者"]


def test_an_outlet_typed_as_nothing_but_spaces_is_a_usage_error(cli, db_file, tmp_path):
    """--outlet " " found the questions whose label ends in a mark (英国《金融时报》记者): an empty name is
    found between any two marks. It is a usage error, as --spokesperson " " is."""
    ingest(cli, db_file, tmp_path / "pages", {"zh.html": CHINESE.replace("总台央视记者", "英国《金融时报》记者")})
    for role in ("questions", "answers"):
        result = cli("search", "--in", role, "--outlet", " ", "--db", db_file)
        assert result.code == 2 and "--outlet" in result.stderr and result.stdout == "", result.stderr


def test_an_empty_outlet_without_in_is_a_usage_error_not_a_search_of_documents(cli, db_file, tmp_path):
    """`search WORDS --outlet ''` (no --in) searched the documents as if --outlet were not given: a script passing an
    empty variable got every document's hits, said to be one outlet's."""
    ingest(cli, db_file, tmp_path / "pages", {"zh.html": CHINESE})
    for outlet in ("", " "):
        result = cli("search", "发言人", "--outlet", outlet, "--db", db_file)
        assert result.code == 2 and "--outlet" in result.stderr and result.stdout == "", (outlet, result.stderr)
