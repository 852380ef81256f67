"""Turns that match the page: bold questions, outlet labels in any script, after-conference questions,
and lines that only look like labels. Short pages in the real ministry template's markup."""

from __future__ import annotations

from briefarc.extract.core import extract
from briefarc.extract.transcript import find_turns


def mfa_page(title: str, body: str, time: str = "") -> bytes:
    """A page in the China MFA template: title, time, the content div; footer and navigation around it."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} — 中华人民共和国外交部</title></head>
<body><div class="nav"><a href="https://www.fmprc.gov.cn/web/">首页</a> > <a href="./">发言人表态</a></div>
<div class="vibox"><div class="title" id="News_Body_Title">{title}</div>
<div class="time"><span id="News_Body_Time">{time}</span></div>
<div id="News_Body_Txt_A" class="content">{body}</div></div>
<div class="copyright">中华人民共和国外交部　版权所有 <a href="mailto:webmaster@mfa.gov.cn">联系我们</a>
京ICP备06038296号</div></body></html>""".encode()


def questions(document) -> list[tuple[str | None, str]]:
    return [(turn.speaker, turn.text[:6]) for turn in document.turns if turn.role == "question"]


ZH_BODY = """
<p>　　赵立坚：向大家通报一组数字：根据国家卫生健康委今天上午发布的统计数字，境内新增治愈出院病例2189例。</p>
<p>　　<b>《南华早报》记者：美方称将推迟提交有关报告。中方对此有何回应？</b></p>
<p>　　赵立坚：我想说的是：香港事务纯属中国内政，任何外国无权干预。</p>
<p>　　我们再来看看有关方面，一个公开事实是：有关说法没有任何根据。</p>
<p>　　<b>英国《金融时报》记者：英方称将提供更多居留权利。中方有何评论？</b></p>
<p>　　赵立坚：我们坚决反对。</p>
<p>　　<b>追问：中方会采取什么措施？</b></p>
<p>　　赵立坚：请你保持关注。</p>
<p>　　<b>记者：是的。</b></p>
<p>　　赵立坚：好的。</p>
<p>　　<b>会后有俄罗斯记者问及：中方对克麦罗沃市火灾有何评论？</b></p>
<p>　　赵立坚：中方对遇难者表示深切哀悼。</p>
<p>　　<b>记者会后，有记者问及：中方能否证实有关报道？</b></p>
<p>　　赵立坚：我们会核实。</p>
"""


def test_chinese_outlets_in_brackets_follow_ups_and_lines_inside_answers() -> None:
    document = extract(mfa_page("2020年5月7日外交部发言人赵立坚主持例行记者会", ZH_BODY, "2020-05-07"))
    assert document.spokesperson == "赵立坚"
    assert questions(document) == [("《南华早报》记者", "美方称将推迟"), ("英国《金融时报》记者", "英方称将提供"),
                                   ("追问", "中方会采取什"), ("记者", "是的。"), (None, "会后有俄罗斯"),
                                   (None, "记者会后，有")]  # an after-conference lead-in stays in the question
    answers = [turn.text for turn in document.turns if turn.role in ("answer", "statement")]
    assert answers[0].startswith("向大家通报一组数字：")
    assert "一个公开事实是：" in answers[1] and "我想说的是：" in answers[1]


EN_BODY = """
<p><b>CCTV4: Could you outline this summit for us?</b></p>
<p>Zhao Lijian: The summit plays a guiding role.</p>
<p>"Great Journey, Glorious Achievements: Exhibition in Celebration of the 70th Anniversary" was opened.</p>
<p><b>The Globe and Mail: Charges were filed formally. Do you have any comment?</b></p>
<p>Zhao Lijian: I have no update.</p>
<p><b>Follow-up: But when will the trials start?</b></p>
<p>Zhao Lijian: Charges have been filed now.</p>
<p>※※※※※※</p>
<p><b>After the press conference, the following question was raised: can you give us an account of the clash?</b></p>
<p>Zhao Lijian: The valley is located on the Chinese side.</p>
<p><b>Question raised after the press conference: Media reports say a jet flew over the region. Any comment?</b></p>
<p>Zhao Lijian: We firmly oppose it.</p>
"""


def test_english_outlets_with_digits_titles_with_colons_and_after_conference_questions() -> None:
    title = "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on June 19, 2020"
    document = extract(mfa_page(title, EN_BODY))
    assert questions(document) == [("CCTV4", "Could "), ("The Globe and Mail", "Charge"), ("Follow-up", "But wh"),
                                   (None, "After "), (None, "Questi")]  # the lead-in stays, as the page has it
    assert '"Great Journey, Glorious Achievements: Exhibition' in document.turns[1].text


def test_the_spokesperson_introducing_a_colleague_is_not_a_question() -> None:
    body = """<p>Hua Chunying: Good afternoon. Let me introduce my colleague Mr. Zhao Lijian.</p>
<p>Zhao Lijian: Good afternoon. I look forward to working with you.</p>
<p><b>AFP: Welcome. A question on the trade talks: is there any progress?</b></p>
<p>Zhao Lijian: The talks go on.</p>"""
    title = "Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on February 24, 2020"
    document = extract(mfa_page(title, body))
    assert [(t.speaker, t.role) for t in document.turns] == [
        ("Hua Chunying", "statement"), ("Zhao Lijian", "statement"), ("AFP", "question"), ("Zhao Lijian", "answer")]


def test_without_bold_a_greeting_before_any_question_is_not_one() -> None:
    paragraphs = ["Hua Chunying: Good afternoon. My colleague will take your questions today.",
                  "Reuters: Is there any progress?", "Zhao Lijian: The talks go on.",
                  "Bloomberg: And on the tariffs?", "Zhao Lijian: No update."]
    turns = find_turns(paragraphs, "Zhao Lijian")
    assert [(t.speaker, t.role) for t in turns] == [
        ("Hua Chunying", "statement"), ("Reuters", "question"), ("Zhao Lijian", "answer"),
        ("Bloomberg", "question"), ("Zhao Lijian", "answer")]


def test_old_template_bold_questions_with_q_and_a() -> None:
    body = """<P><B><SPAN>Q: We have noted that </SPAN></B><B><SPAN>the President will visit. News?</SPAN></B></P>
<P>A: At the invitation of President Xi Jinping, the President will pay a state visit.</P>
<P align=justify><SPAN>This is his first state visit to China.</SPAN></P>"""
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on November 29, 2018"
    document = extract(mfa_page(title, body))
    assert [(t.speaker, t.role) for t in document.turns] == [("Q", "question"), ("A", "answer")]
    assert document.turns[1].text.endswith("This is his first state visit to China.")


def test_a_long_transcript_is_read_whole() -> None:
    """150,000 paragraphs of one answer (the text of each turn is joined once, not appended to)."""
    paragraphs = ["Q: One question?", "A: The answer begins."] + ["More of the answer."] * 150_000
    turns = find_turns(paragraphs)
    assert len(turns) == 2 and turns[1].text.count("More of the answer.") == 150_000


def test_bold_lines_of_the_spokesperson_are_not_questions() -> None:
    body = """<p>　　<b>问：中方对此有何评论？</b></p><p>　　答：我们注意到有关报道。</p>
<p>　　<b>陆慷进一步表示：</b></p><p>　　中方敦促有关方面停止挑衅。</p>
<p>　　<b>路透社记者：还有什么补充吗？</b></p><p>　　答：没有。</p>"""
    document = extract(mfa_page("2018年4月21日外交部发言人陆慷主持例行记者会", body))
    assert questions(document) == [("问", "中方对此有何"), ("路透社记者", "还有什么补充")]


def test_a_page_that_bolds_every_label_does_not_mark_questions_by_bold() -> None:
    paragraphs = ["SECRETARY BLINKEN: Good morning.", "QUESTION: On Ukraine?", "SECRETARY BLINKEN: We are watching.",
                  "QUESTION: On Iran?", "SECRETARY BLINKEN: No update."]
    turns = find_turns(paragraphs, None, set(paragraphs))
    assert [(t.speaker, t.role) for t in turns] == [
        ("SECRETARY BLINKEN", "statement"), ("QUESTION", "question"), ("SECRETARY BLINKEN", "answer"),
        ("QUESTION", "question"), ("SECRETARY BLINKEN", "answer")]


def test_a_plain_paragraph_after_a_bold_question_is_the_answer_whose_label_the_page_left_out() -> None:
    """China MFA, 21 January 2020: the first answer lost its "A:"; the questions are bold, the answers plain
    (one "A:" is bold too)."""
    body = """<P><B><SPAN>Q: The WHO is holding a meeting. Is China sending </SPAN></B><B><SPAN>anyone?</SPAN></B></P>
<P>After the outbreak, the Chinese government has attached high importance to prevention and control.</P>
<P>China will join the Emergency Committee meeting tonight.</P>
<P><B>Q: Is China stepping up control over travellers leaving Wuhan?</B></P>
<P><B>A:</B> Like I said yesterday, the Wuhan government has taken measures.</P>
<P><B>Q: Is it a lockdown? </B></P><P><B>Or only checks?</B></P>
<P>A: It is not a lockdown.</P>"""
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 21, 2020"
    turns = extract(mfa_page(title, body)).turns
    assert [(t.speaker, t.role) for t in turns] == [("Q", "question"), ("Geng Shuang", "answer"), ("Q", "question"),
                                                   ("A", "answer"), ("Q", "question"), ("A", "answer")]
    assert turns[1].text.endswith("Emergency Committee meeting tonight.")
    assert turns[4].text.endswith("Or only checks?")  # a question in two bold paragraphs is one


def test_a_plain_paragraph_after_a_plain_question_goes_on_with_it() -> None:
    turns = find_turns(["Q: On the talks, first.", "And then on trade, is there news?", "A: Not today."])
    assert [(t.role, t.text) for t in turns] == [
        ("question", "On the talks, first.\n\nAnd then on trade, is there news?"), ("answer", "Not today.")]


def test_numbered_questions_after_the_conference_are_each_a_question_though_only_the_first_is_labelled() -> None:
    """China MFA, 13 April 2020: "会后有记者问及：一、..." and, after its answer, "二、据报道，..." with no label."""
    paragraphs = ["路透社记者：中国是否参与该计划？", "赵立坚：我暂时还不掌握有关情况。",
                  "会后有记者问及：一、12日，日本有关报纸发表评论文章。中方对此有何评论？",
                  "赵立坚：有关文章罔顾事实。", "我要强调的是，中国为抗击疫情付出巨大牺牲。",
                  "二、据报道，非洲驻华使节近日有所表示。中方对此有何回应？", "赵立坚：昨天晚上，我已发表书面谈话。"]
    turns = find_turns(paragraphs, "赵立坚")
    assert [(t.speaker, t.role, t.text[:2]) for t in turns] == [
        ("路透社记者", "question", "中国"), ("赵立坚", "answer", "我暂"), (None, "question", "会后"),
        ("赵立坚", "answer", "有关"), (None, "question", "二、"), ("赵立坚", "answer", "昨天")]


def test_a_numbered_list_inside_an_answer_to_a_labelled_question_stays_in_the_answer() -> None:
    paragraphs = ["路透社记者：中方有何措施？", "赵立坚：一、加强合作。", "二、共同应对。", "三、互相支持。"]
    turns = find_turns(paragraphs, "赵立坚")
    assert [(t.role, t.text) for t in turns] == [("question", "中方有何措施？"),
                                                ("answer", "一、加强合作。\n\n二、共同应对。\n\n三、互相支持。")]


def test_bold_labelled_lines_that_no_labelled_answer_follows_anywhere_make_no_transcript() -> None:
    """A magazine's profiles (article-bench): each opens with a bold "Аккаунт: @name", bold questions and plain
    answers that no label opens; no part of the page is labelled as an answer."""
    paragraphs = ["Наши герои знают толк во вкусе.", "Андрей Рудьков", "Фото:", "личный архив Андрея Рудькова",
                  "Аккаунт: @darkzip", "Что вас вдохновило?", "— Внезапно я захотел вести блог.",
                  "Какую кухню любите сами?", "— Очень люблю этот вопрос.", "Олеся Куприн", "Фото:",
                  "Аккаунт: @okuprin", "Что вас вдохновило?", "— Еда объединяет."]
    strong = {"Аккаунт: @darkzip", "Аккаунт: @okuprin", "Что вас вдохновило?", "Какую кухню любите сами?"}
    assert find_turns(paragraphs, None, strong) == []


def test_a_paragraph_is_bold_by_its_own_text_not_by_the_bold_text_before_it() -> None:
    """A plain answer in a <span>, or one whose label alone is bold ("<b>A:</b> ..."), after a bold question is
    plain: the bold characters of the paragraphs before it do not count for it. The answer that lost its "A:" is
    then found though the page wraps its paragraphs in spans, and a short labelled answer is no question."""
    body = """<p><b>Q: The WHO is holding a meeting about the outbreak. Is China sending anyone to it?</b></p>
<p><span>After the outbreak, the Chinese government has attached high importance to prevention and control.</span></p>
<p><b>Q: Is China stepping up control over travellers leaving Wuhan these days?</b></p>
<p><b>A:</b> Yes.</p>"""
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 21, 2020"
    turns = extract(mfa_page(title, body)).turns
    assert [(t.speaker, t.role) for t in turns] == [("Q", "question"), ("Geng Shuang", "answer"), ("Q", "question"),
                                                   ("A", "answer")]


def test_a_plain_paragraph_after_a_bold_question_goes_on_with_it_when_a_labelled_answer_follows() -> None:
    """The question's second paragraph is not bold, but the answer after it has its "A:": the page left out no
    label, and the plain paragraph is still the question's."""
    body = """<p><b>Q: On Ukraine, can you say whether the Secretary will travel this week to Kyiv or to Warsaw?</b></p>
<p>And separately, on Iran, is there any update on the talks in Vienna that we can report?</p>
<p><b>A:</b> Let me start with Ukraine. The Secretary has no travel to announce.</p>
<p><b>Q: Is China sending anyone to the WHO meeting tomorrow in Geneva?</b></p>
<p>After the outbreak, the Chinese government has attached high importance to prevention and control.</p>
<p><b>Q: Is it a lockdown?</b></p>
<p><b>A:</b> It is not a lockdown.</p>"""
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on January 21, 2020"
    turns = extract(mfa_page(title, body)).turns
    assert [(t.speaker, t.role) for t in turns] == [("Q", "question"), ("A", "answer"), ("Q", "question"),
                                                   ("Geng Shuang", "answer"), ("Q", "question"), ("A", "answer")]
    assert turns[0].text.endswith("that we can report?")


def test_a_lists_headings_and_its_repeated_labels_make_no_transcript() -> None:
    """Bold "Phase 1: ..." headings over a "Learn More: ..." line (once), and "Official website: ..." after each
    hotel of a list: no one answers anything there, though a paragraph of the list asks."""
    phases = ["Video marketing works. Why?", "Phase 1: Planning", "Who is the audience? What is the budget?",
              "Phase 2: Production", "Learn More: Social Media Video Specs", "Phase 3: Distribution",
              "Where will it run? When?"]
    assert find_turns(phases, None, {"Phase 1: Planning", "Phase 2: Production", "Phase 3: Distribution"}) == []
    hotels = ["Which brand is the best? Here is our list.", "Today: Top 10 luxury hotel brands",
              "Park Hyatt is quiet. Why go?", "Official website: Park Hyatt", "Aman is remote. Who goes there?",
              "Official website: Aman", "Soneva is barefoot luxury.", "Official website: Soneva"]
    assert find_turns(hotels, None, {hotels[1], hotels[3], hotels[5], hotels[7]}) == []


def test_an_answer_that_numbers_its_own_points_after_a_numbered_question_keeps_them() -> None:
    """After "会后有记者问及：一、...", an answer's own "一、" and "二、" are its points, not the next question."""
    paragraphs = ["路透社记者：中国是否参与？", "赵立坚：我不掌握有关情况。", "会后有记者问及：一、中方有何主张？",
                  "赵立坚：中方主张如下：", "一、加强合作。", "二、共同应对。"]
    turns = find_turns(paragraphs, "赵立坚")
    assert [(t.speaker, t.role) for t in turns] == [("路透社记者", "question"), ("赵立坚", "answer"),
                                                   (None, "question"), ("赵立坚", "answer")]
    assert turns[3].text == "中方主张如下：\n\n一、加强合作。\n\n二、共同应对。"


def test_a_label_that_mistypes_the_spokespersons_name_gives_it_as_the_title_writes_it() -> None:
    turns = find_turns(["Q: Any comment?", "Hua chunying: We have noted the reports.", "Q: And on trade?",
                        "Hua Chunying: No update."], "Hua Chunying")
    assert [turn.speaker for turn in turns] == ["Q", "Hua Chunying", "Q", "Hua Chunying"]


def test_the_spokespersons_turn_right_after_her_own_answer_is_a_statement() -> None:
    """China MFA, 1 June 2020: after the last answer, "赵立坚：今天是国际儿童节..." answers no question."""
    paragraphs = ["澳门月刊记者：中方能否介绍相关情况？", "赵立坚：中方支持俄方举办相关活动。",
                  "赵立坚：今天是国际儿童节。我谨祝少年儿童们节日快乐！"]
    turns = find_turns(paragraphs, "赵立坚")
    assert [(t.speaker, t.role) for t in turns] == [("澳门月刊记者", "question"), ("赵立坚", "answer"),
                                                   ("赵立坚", "statement")]


def test_a_reply_whose_label_was_left_out_between_a_follow_up_and_the_next_question_is_an_answer() -> None:
    """China MFA, 11 December 2019: "记者追问：...误解？" (not bold), then the spokesperson's reply with no "答：", then
    the next question. A question's second paragraph that a labelled answer follows stays the question's."""
    paragraphs = ["问：这些谈话是否真的发生过？", "答：我刚才已经回答了这个问题。", "记者追问：或许这只是误解？",
                  "谈还是没有谈到华为，你认为有任何区别吗？", "这样的时代一去不复返了。", "问：中美双方是否做了准备？",
                  "答：这个问题你要去问商务部门。", "问：请问中方有何评论？", "还有一个问题，会谈何时举行？",
                  "答：我们会及时发布消息。"]
    turns = find_turns(paragraphs, "华春莹")
    assert [(t.speaker, t.role, t.text[:4]) for t in turns] == [
        ("问", "question", "这些谈话"), ("答", "answer", "我刚才已"), ("记者追问", "question", "或许这只"),
        ("华春莹", "answer", "谈还是没"), ("问", "question", "中美双方"), ("答", "answer", "这个问题"),
        ("问", "question", "请问中方"), ("答", "answer", "我们会及")]
    assert turns[3].text.endswith("一去不复返了。") and turns[6].text.endswith("会谈何时举行？")


def test_the_spokesperson_going_on_after_a_journalists_short_reply_is_an_answer() -> None:
    """China MFA, 22 July 2019: the spokesperson asks back, "记者：是的，都想问。", and goes on with no label."""
    paragraphs = ["问：你对日本参议院选举和修宪问题有何评论？", "耿爽：你是想问两个问题吗？", "记者：是的，都想问。",
                  "首先，日本参议院选举是日本内政，我们不作评论。", "问：中方对此有何回应？", "耿爽：我们注意到了。"]
    turns = find_turns(paragraphs, "耿爽")
    assert [(t.speaker, t.role) for t in turns] == [("问", "question"), ("耿爽", "answer"), ("记者", "question"),
                                                   ("耿爽", "answer"), ("问", "question"), ("耿爽", "answer")]


def test_a_question_of_two_paragraphs_that_no_one_answers_stays_the_askers() -> None:
    """State Department style: every question under "QUESTION:", one of two paragraphs cut off by the next; its
    second paragraph is no answer by the spokesperson."""
    paragraphs = ["QUESTION: Ned, on Ukraine, did the Secretary raise it?", "And separately, on the grain deal?",
                  "QUESTION: Can I just follow up on that?", "MR PRICE: Sure. Go ahead.", "QUESTION: Thank you."]
    turns = find_turns(paragraphs, "Ned Price")
    assert [(t.speaker, t.role) for t in turns] == [("QUESTION", "question"), ("QUESTION", "question"),
                                                   ("MR PRICE", "answer"), ("QUESTION", "question")]
    assert turns[0].text.endswith("on the grain deal?")


def test_two_answers_under_an_answer_word_in_a_row_are_both_answers() -> None:
    """"A:" names no one: a second "A:" right after the first is another answer (a shop's customer questions),
    not a statement of the one who answered."""
    paragraphs = ["Q: Does it fit a 12-cup carafe?", "A: Yes, mine fits fine.", "A: It does, with a little room.",
                  "Q: Is the basket dishwasher safe?", "A: Top rack only."]
    assert [t.role for t in find_turns(paragraphs, None)] == ["question", "answer", "answer", "question", "answer"]


def test_an_after_conference_lead_in_stays_in_the_question_it_opens() -> None:
    """`show` prints turns: "会后有记者问及：" and a lead-in on a line of its own were left out of the turn, and so out
    of `show`, though the page (and the body) has them (helper-75)."""
    paragraphs = ["Reuters: Is there progress?", "Zhao Lijian: The talks go on.",
                  "After the press conference, the following question was raised:", "What about the flights?",
                  "Zhao Lijian: They resume.", "会后有记者问及：中方如何回应？", "赵立坚：我们已经回应。"]
    turns = find_turns(paragraphs, "Zhao Lijian")
    assert [(t.speaker, t.role) for t in turns][2:4] == [(None, "question"), ("Zhao Lijian", "answer")]
    assert turns[2].text == "After the press conference, the following question was raised:\n\nWhat about the flights?"
    assert turns[4].speaker is None and turns[4].text == "会后有记者问及：中方如何回应？"
