"""Briefing structure: speaker labels, turns, spokesperson and kind."""

from __future__ import annotations

from briefarc.extract.core import extract
from briefarc.extract.speakers import spokesperson_from_text, spokesperson_from_title
from briefarc.extract.transcript import find_turns


def roles(turns) -> list[tuple[str | None, str]]:
    return [(turn.speaker, turn.role) for turn in turns]


def test_q_and_a_labels_with_follow_up() -> None:
    turns = find_turns(["Q: First question?", "A: First answer.", "Follow-up: And then?", "A: Then this.",
                        "A second paragraph of the answer."])
    assert roles(turns) == [("Q", "question"), ("A", "answer"), ("Follow-up", "question"), ("A", "answer")]
    assert turns[-1].text == "Then this.\n\nA second paragraph of the answer."


def test_outlets_and_the_spokesperson_name() -> None:
    paragraphs = ["As agreed by the two sides, the premier will hold a video summit.",
                  "CCTV: Could you outline this summit?", "Zhao Lijian: The summit plays a guiding role.",
                  "The Globe and Mail: A question on the detained citizens.", "Zhao Lijian: I have no update.",
                  "As of 24:00 on June 18, 120 cases had been confirmed.", "Note: figures are provisional."]
    turns = find_turns(paragraphs, "Zhao Lijian")
    assert roles(turns) == [("Zhao Lijian", "statement"), ("CCTV", "question"), ("Zhao Lijian", "answer"),
                            ("The Globe and Mail", "question"), ("Zhao Lijian", "answer")]
    assert "As of 24:00" in turns[-1].text and "Note: figures" in turns[-1].text


def test_answerer_found_from_label_frequency_without_a_known_spokesperson() -> None:
    paragraphs = ["AFP: Q1?", "Lin Jian: A1.", "Reuters: Q2?", "Lin Jian: A2.", "Bloomberg: Q3?", "Lin Jian: A3."]
    turns = find_turns(paragraphs)
    assert [t.role for t in turns] == ["question", "answer"] * 3


def test_state_department_labels() -> None:
    paragraphs = ["MR PRICE: Good afternoon.", "QUESTION: Thanks. On Afghanistan?", "MR. PRICE: Well, Matt.",
                  "QUESTION: Okay.", "MR PRICE: Thank you."]
    turns = find_turns(paragraphs, "Ned Price")
    assert roles(turns) == [("MR PRICE", "statement"), ("QUESTION", "question"), ("MR. PRICE", "answer"),
                            ("QUESTION", "question"), ("MR PRICE", "answer")]


def test_a_call_with_officials_a_moderator_and_an_operator() -> None:
    """Several officials answer the questions labelled QUESTION; the moderator and the operator run the
    call. The moderator, the most frequent name, was taken for the one answering and every official for
    a questioner."""
    paragraphs = [
        "MODERATOR: Thank you all for joining this call on relief supplies.",
        "SENIOR OFFICIAL ONE: Good afternoon. Three convoys crossed this week.",
        "SENIOR OFFICIAL TWO: Thank you. Let me add a word on funding.",
        "MODERATOR: Operator, the first question, please.", "OPERATOR: Your line is open.",
        "QUESTION: How many trucks were turned back?", "SENIOR OFFICIAL TWO: Four, all at the same crossing.",
        "MODERATOR: Next question, please.", "OPERATOR: Go ahead, your line is open.",
        "QUESTION: And the visas for aid workers?", "SENIOR OFFICIAL ONE: They are issued within a week.",
        "SENIOR OFFICIAL TWO: And renewed without a fee.", "MODERATOR: That is all the time we have.",
    ]
    assert roles(find_turns(paragraphs)) == [
        ("MODERATOR", "statement"), ("SENIOR OFFICIAL ONE", "statement"), ("SENIOR OFFICIAL TWO", "statement"),
        ("MODERATOR", "statement"), ("OPERATOR", "statement"), ("QUESTION", "question"),
        ("SENIOR OFFICIAL TWO", "answer"), ("MODERATOR", "statement"), ("OPERATOR", "statement"),
        ("QUESTION", "question"), ("SENIOR OFFICIAL ONE", "answer"), ("SENIOR OFFICIAL TWO", "answer"),
        ("MODERATOR", "statement")]


def test_clips_an_interviewer_plays_are_part_of_the_question() -> None:
    paragraphs = ["QUESTION: Welcome to the programme.", "DEPUTY SECRETARY LANE: Glad to be here.",
                  "QUESTION: Listen to what a senator said this morning.",
                  "SENATOR HOLT: “They want the jets; send them the jets.”", "QUESTION: Will you?",
                  "DEPUTY SECRETARY LANE: We are talking with our allies.", "QUESTION: And the talks?",
                  "DEPUTY SECRETARY LANE: They resume on Monday."]
    assert [role for _, role in roles(find_turns(paragraphs))] == [
        "question", "answer", "question", "question", "question", "answer", "question", "answer"]


def test_un_labels_and_headings() -> None:
    paragraphs = ["Good afternoon. This is the noon briefing by Stéphane Dujarric, Spokesperson for the "
                  "Secretary-General.",
                  "**Libya", "The Secretary-General is concerned about the situation in Libya.",
                  "Question: On Libya, is there an envoy?", "Spokesperson: Not yet.", "**Sudan", "Aid is arriving."]
    turns = find_turns(paragraphs, "Stéphane Dujarric")
    assert [t.role for t in turns] == ["statement", "statement", "question", "answer", "statement"]
    assert not any(t.text.startswith("**") for t in turns)
    assert spokesperson_from_text(paragraphs) == "Stéphane Dujarric"


def test_india_labels_keep_notes() -> None:
    paragraphs = ["Shri Arindam Bagchi, Official Spokesperson: Good afternoon friends.",
                  "Sidhant: A question on the border talks. (Questioned in Hindi; Approximate Translation)",
                  "Shri Arindam Bagchi, Official Spokesperson: The talks continue."]
    turns = find_turns(paragraphs)
    assert roles(turns)[1] == ("Sidhant", "question")
    assert "(Questioned in Hindi; Approximate Translation)" in turns[1].text


def test_chinese_labels_with_full_width_colons() -> None:
    paragraphs = ["一、应邀请，某国外长将访华。", "问：中方对此有何评论？", "答：我们欢迎。", "追问：还有补充吗？",
                  "答：没有。", "会后有记者问及：中方如何回应？", "耿爽：这些说法是无稽之谈。"]
    turns = find_turns(paragraphs, "耿爽")
    assert [t.role for t in turns] == ["statement", "question", "answer", "question", "answer", "question", "answer"]
    assert turns[5].speaker is None and turns[5].text == "会后有记者问及：中方如何回应？"  # the lead-in is the page's


def test_post_conference_lead_in_on_its_own_line() -> None:
    paragraphs = ["CCTV: Q?", "Lin Jian: A.", "After the press conference, the following question was raised:",
                  "Kyodo News: Will China send a delegation?", "Lin Jian: In due course."]
    turns = find_turns(paragraphs, "Lin Jian")
    assert [t.speaker for t in turns if t.role == "question"] == ["CCTV", "Kyodo News"]


def test_prose_with_colons_is_not_a_transcript() -> None:
    paragraphs = ["Libya: the envoy said talks would resume.", "Update: this story has been corrected.",
                  "The minister said: we will respond.", "Note: all times are local."]
    assert find_turns(paragraphs) == []


def test_labels_of_a_guide_make_no_transcript_when_its_questions_do_not_ask() -> None:
    """Callout labels repeated down a guide ("The Problem:", "Pro Tip:") read like names, but the turns
    they would make as questions hold no question mark: not a transcript, and the page is no briefing."""
    guide = []
    for topic in ("packaging", "menus", "staffing", "pricing"):
        guide += [f"The Problem: Caterers struggle with {topic} as clients expect more for less.",
                  f"The Solution: Digital tools let caterers plan {topic} ahead of each event.",
                  f"Actionable Takeaway: Review your {topic} every quarter and write down what changed."]
    assert find_turns(guide) == []
    tips = ["Pro Tip: use a cache.", "Performance: is it fast?", "Pro Tip: measure first.", "Eventually: it passed.",
            "Pro Tip: profile it.", "Bonus: a chart of the results.", "Pro Tip: write it down."]
    assert find_turns(tips) == []  # one question of three asks
    bold = {"Account: @darkzip", "Account: @okuprin", "Account: @levi"}  # bold labels heading a list, no answer
    listed = ["Our heroes know food.", "Account: @darkzip", "What inspired you? — Food.", "Account: @okuprin",
              "What inspired you? — Bread.", "Account: @levi", "What inspired you? — Cakes.", "Editors: our list."]
    assert find_turns(listed, strong=bold) == []
    body = "".join(f"<p>{paragraph}</p>" for paragraph in guide)
    page = f"<html><head><title>Catering trends for 2026</title></head><body><article>{body}</article></body></html>"
    document = extract(page.encode(), url="https://caterers.example.com/blog/catering-trends")
    assert document.turns == [] and document.kind != "briefing"
    # the same names asking questions are a transcript, and one question without a mark does not undo it
    asked = ["AFP: Will the talks resume?", "Lin Jian: They will.", "Reuters: On the visas.", "Lin Jian: No update.",
             "Bloomberg: Is a visit planned?", "Lin Jian: Not yet."]
    assert [turn.role for turn in find_turns(asked)] == ["question", "answer"] * 3


def test_spokesperson_from_titles_and_reports() -> None:
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference"
    assert spokesperson_from_title(title) == "Geng Shuang"
    assert spokesperson_from_title("2018年6月13日外交部发言人耿爽主持例行记者会") == "耿爽"
    title = "Weekly Media Briefing by Official Spokesperson Randhir Jaiswal"
    assert spokesperson_from_title(title) == "Randhir Jaiswal"
    text = ["The Foreign Office on Thursday described the remarks as surprising.",
            "“We have noted the comments,” Foreign Office spokesman Asim Iftikhar told a weekly press briefing."]
    assert spokesperson_from_text(text) == "Asim Iftikhar"


def page(title: str, paragraphs: list[str], extra_head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    head = f"<head><title>{title}</title>{extra_head}</head>"
    return f"<html>{head}<body><article>{body}</article></body></html>".encode()


def test_kinds() -> None:
    qa = ["Q: One question here?", "A: One answer here.", "Q: Another question?", "A: Another answer.",
          "Q: A third question?", "A: A third answer."]
    assert extract(page("Regular Press Conference on June 13, 2018", qa)).kind == "briefing"
    prose = ["The ministry has taken note of the decision and calls on all parties to show restraint."] * 3
    assert extract(page("Statement by the Foreign Ministry on the situation", prose)).kind == "statement"
    assert extract(page("Press Release: Minister meets envoy", prose)).kind == "press_release"
    news = page("Minister meets envoy", prose, '<meta property="og:type" content="article">')
    assert extract(news).kind == "news_report"
    assert extract(page("About the ministry", prose)).kind == "other"
    assert extract(page("Untitled", qa)).kind == "other"  # an FAQ's pairs: no one speaks for an office (h164)
    assert extract(page("Untitled", ["Ned Price, Department Spokesperson", *qa])).kind == "briefing"
