"""An answer label written out with an honorific names the spokesperson (helper-96's review of 89ac86f..HEAD).

5c3ad60 made spokesperson_from_turns skip any part of a label that names an office, so that "Foreign
Secretary" gives no name; "ambassador" is both an office and an honorific, and "Ambassador Linda
Thomas-Greenfield:" (a UN mission's briefings) gave no spokesperson where it gave Linda Thomas-Greenfield before.
"""

from __future__ import annotations

from briefarc.extract.core import extract

PAGE = """<html><head><title>Press Briefing on the Security Council Program of Work</title></head><body><article>
<h1>Press Briefing on the Security Council Program of Work</h1>
<p>Ambassador Linda Thomas-Greenfield: Good morning, everyone. This month we will focus on the situation in
Sudan and on the humanitarian crisis there.</p>
<p>QUESTION: Thank you, Ambassador. What will the Council do about the ceasefire talks this month?</p>
<p>Ambassador Linda Thomas-Greenfield: We will keep pressing both parties to return to the table.</p>
<p>QUESTION: And on Gaza, is a new resolution coming before the end of the month?</p>
<p>Ambassador Linda Thomas-Greenfield: We are in conversation with partners about the next steps.</p>
<p>QUESTION: Will you travel to the region yourself this month?</p>
<p>Ambassador Linda Thomas-Greenfield: I have no travel to announce today, but I will keep you informed.</p>
</article></body></html>"""


def test_an_answer_label_with_an_honorific_names_the_spokesperson() -> None:
    doc = extract(PAGE.encode(), url="https://example.org/briefings/2024-03-01")
    assert doc.kind == "briefing"
    assert [turn.role for turn in doc.turns].count("question") == 3
    assert doc.spokesperson == "Linda Thomas-Greenfield"


def test_an_office_alone_still_names_no_one() -> None:
    page = PAGE.replace("Ambassador Linda Thomas-Greenfield:", "Foreign Secretary:")
    assert extract(page.encode(), url="https://example.org/briefings/2024-03-01").spokesperson is None


def test_a_name_after_an_office_in_one_label_is_the_spokesperson() -> None:
    """'Foreign Minister Wang Yi:' gave no name since 5c3ad60 (the whole label before it); 'Spokesperson Mao
    Ning:' and 'Deputy Spokesperson Vedant Patel:' never gave one. The words after the office are the name."""
    for label, name in (("Foreign Minister Wang Yi", "Wang Yi"), ("Spokesperson Mao Ning", "Mao Ning"),
                        ("Deputy Spokesperson Vedant Patel", "Vedant Patel")):
        page = PAGE.replace("Ambassador Linda Thomas-Greenfield:", f"{label}:")
        assert extract(page.encode(), url="https://example.org/briefings/2024-03-01").spokesperson == name
    one_word = PAGE.replace("Ambassador Linda Thomas-Greenfield:", "SECRETARY BLINKEN:")
    assert extract(one_word.encode(), url="https://example.org/briefings/2024-03-01").spokesperson != "BLINKEN"


def test_chinese_names_holding_the_characters_of_opening_phrases_are_labels() -> None:
    """42d1648 refused as names any label holding 其, 那, 再 or 均 (so that '其次：' opens no turn): a transcript of
    钱其琛, the ministry's first spokesperson, had no turns at all. The phrases are refused, not the characters."""
    from briefarc.extract.transcript import find_turns

    paragraphs = ["钱其琛：各位好，今天我宣布一项消息。", "路透社记者：请问中方对此有何评论？",
                  "钱其琛：我们的立场是一贯的。", "法新社记者：你能否证实这一报道？",
                  "钱其琛：其次：我没有可以提供的信息。"]
    turns = find_turns(paragraphs)
    assert [(turn.speaker, turn.role) for turn in turns] == [
        ("钱其琛", "statement"), ("路透社记者", "question"), ("钱其琛", "answer"), ("法新社记者", "question"),
        ("钱其琛", "answer")]
    answer = ["发言人：我们的立场是一贯的。", "其次：这是另一点。", "记者：请问？", "发言人：答复。"]
    assert "其次" not in {turn.speaker for turn in find_turns(answer)}
