"""Ordinary web pages are no briefings: an FAQ's "Q:"/"A:" pairs, a review's labelled product lines (h164).

A briefing's questions are answered by someone speaking for an office: a spokesperson the page names, or an
answer labelled "Spokesperson", "MR PRICE", an office. A review's "CPU: Intel Core..." and "Best Deals Today:"
lines, or "Body: Glass" in bold, are a table's labels: no turns, no spokesperson, no outlet.
"""

from __future__ import annotations

from briefarc.extract.core import extract
from briefarc.extract.speakers import spokesperson_from_turns
from briefarc.extract.transcript import find_turns
from briefarc.models import Turn

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:type" content="article"></head><body><header><nav><a href="/">Home</a></nav></header>
<article><h1>{title}</h1>{body}</article><footer><p>Copyright 2026 Example Media</p></footer></body></html>"""


def page(title: str, body: str) -> bytes:
    return ARTICLE.format(title=title, body=body).encode("utf-8")


def paras(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


FAQ = page("Sourdough for beginners: everything you wanted to know", paras(
    "Baking your first loaf can feel daunting, so we gathered the questions readers send us most often and asked "
    "our head baker to answer them in plain words.",
    "Q: How long does a starter take to become active?",
    "A: Usually five to seven days of daily feeding at room temperature, sometimes a little longer in winter.",
    "Q: Can I use tap water for my starter?",
    "A: Yes, in most places. If your water smells of chlorine, let it stand uncovered overnight before using it.",
    "Q: Why is my loaf so dense?",
    "A: Most often the dough was under-proofed. Give it more time in a warm spot and look for a domed, airy dough.",
    "Q: Should I bake in a covered pot?",
    "A: A covered pot traps the steam the crust needs in the first twenty minutes, so yes, if you have one.",
))

REVIEW = page("Best budget laptops 2026: our top picks", (
    "<p>Choosing a laptop does not have to be hard. We tested dozens of machines over the year and these are the "
    "ones we would buy with our own money, whatever your budget.</p>"
    + "".join(f"<h2>{n}. {name} – {verdict}</h2>"
              "<p>Best Deals Today:</p><p>Retailer</p><p>Price</p>"
              f"<p>CPU: {cpu} | RAM: 16GB | Storage: 512GB SSD | Screen: 14-inch</p>"
              f"<p>{name}: Further considerations</p>"
              f"<p>Who should buy it? Anyone who types all day. The keyboard is comfortable and the battery lasts "
              f"a full working day, though the {name} runs warm under load and its speakers are thin.</p>"
              for n, (name, cpu, verdict) in enumerate([
                  ("Aster Swift 14", "Intel Core Ultra 5 125U", "Best overall"),
                  ("Nimbus Book Air", "AMD Ryzen 5 7535U", "Best value"),
                  ("Corvid Pro 16", "Intel Core i7-13620H", "Best for creators"),
                  ("Lumen Flip 2", "Qualcomm Snapdragon X Plus", "Best 2-in-1"),
              ], 1))
))

SPEC_LINES = [
    "Hi, I'm the tester behind this site, and I have boiled water in every one of these kettles.",
    "Water Tank: 1.7 litres", "Body: Stainless steel", "Boil time: About 3 minutes", "Warranty: 5 years",
    "Water Tank: 1.5 litres", "Body: Glass", "Boil time: Various", "Warranty: 2 years",
    "Water Tank: 1.2 litres", "Body: Glass", "Boil time: About 4 minutes", "Warranty: 3 years",
    "Water Tank: 1.0 litre", "Body: Plastic", "Boil time: Various", "Warranty: 1 year",
]


def test_an_faq_with_q_and_a_pairs_is_an_article_not_a_briefing() -> None:
    document = extract(FAQ, "https://bakery.example.com/guides/sourdough-faq/")
    assert document.kind == "news_report"
    assert document.spokesperson is None
    assert [turn.role for turn in document.turns] == ["statement"] + ["question", "answer"] * 4  # its Q/A kept


def test_a_reviews_labelled_product_lines_make_no_turns_and_no_spokesperson() -> None:
    document = extract(REVIEW, "https://reviews.example.com/article/12345/best-budget-laptops.html")
    assert document.kind == "news_report"
    assert document.spokesperson is None  # not "Best Deals Today", the heading over each price box
    assert document.turns == []  # "CPU" asks nothing: no outlet (the prose after it does: "Who should buy it?")
    assert any(paragraph.startswith("CPU: Intel Core Ultra 5") for paragraph in document.paragraphs)


def test_bold_specification_labels_are_no_questions() -> None:
    """A specification table set in bold ("Body: Glass") with its "Water Tank: 1.5 litres" lines: the names never
    ask, so none of them speaks, and the FAQ under them keeps its own "Q:"/"A:" turns."""
    faq = ["Q: Does a kettle need descaling?", "A: Every month or so where the water is hard.",
           "Q: Is a glass kettle safe?", "A: Yes: borosilicate glass takes the heat well."]
    paragraphs = SPEC_LINES + faq
    bold = {p for p in paragraphs if p.startswith(("Body", "Boil time"))}
    turns = find_turns(paragraphs, None, bold)
    assert [(turn.speaker, turn.role) for turn in turns if turn.role != "statement"] == [
        ("Q", "question"), ("A", "answer"), ("Q", "question"), ("A", "answer")]
    assert all(turn.speaker in (None, "Q", "A") for turn in turns)
    assert find_turns(SPEC_LINES, None, bold) == []


def test_journalists_named_by_outlet_still_ask_and_are_answered() -> None:
    """The same shape with real speakers: the outlets ask, so the names are labels of a transcript."""
    paragraphs = ["Lin Jian: Good afternoon. I have no announcement today.",
                  "AFP: What is your response to the new tariffs?", "Lin Jian: We have stated our position.",
                  "Reuters: Will the talks go ahead next week?", "Lin Jian: I have nothing to add on that.",
                  "CCTV: Could you share more on the visit?", "Lin Jian: The visit will strengthen ties."]
    turns = find_turns(paragraphs, "Lin Jian")
    assert [turn.role for turn in turns] == ["statement"] + ["question", "answer"] * 3
    assert [turn.speaker for turn in turns if turn.role == "question"] == ["AFP", "Reuters", "CCTV"]


BRIEFING = page("Questions and answers, 3 June 2025", paras(
    "MR PRICE: Good afternoon, everyone. I have one thing at the top and then I'll take your questions.",
    "QUESTION: Thanks, Ned. On the ceasefire, do you have anything new today?",
    "MR PRICE: We continue to work with our partners in the region toward a durable ceasefire.",
    "QUESTION: And the aid convoys, how many crossed this week?",
    "MR PRICE: Our latest count is twelve convoys, and we are pressing for more.",
    "QUESTION: Will the Secretary travel there this month?",
    "MR PRICE: I don't have any travel to announce at this time. Thank you all.",
))


def test_a_short_briefing_without_the_word_in_its_title_stays_a_briefing() -> None:
    """No title words say "briefing": the official who answers ("MR PRICE") does."""
    document = extract(BRIEFING, "https://ministry.example.org/news/questions-and-answers-3-june-2025/")
    assert document.kind == "briefing"
    assert [turn.role for turn in document.turns] == ["statement"] + ["question", "answer"] * 3
    assert [turn.speaker for turn in document.turns if turn.role == "answer"] == ["MR PRICE"] * 3


def test_a_q_and_a_transcript_whose_opening_names_the_spokesperson_is_a_briefing() -> None:
    named = page("Questions of the day, 12 September 2023", paras(
        "Ned Price, Department Spokesperson", "Washington, DC", "2:07 p.m. EDT",
        "Q: Is the meeting still on for Friday?", "A: It is, and we will have more to say on Thursday.",
        "Q: Who will lead the delegation?", "A: The Deputy Secretary will.",
        "Q: Will the talks cover trade?", "A: Trade will be one of the topics, among several.",
    ))
    document = extract(named, "https://ministry.example.org/news/questions-of-the-day-0912/")
    assert document.spokesperson == "Ned Price"
    assert document.kind == "briefing"
    assert [turn.role for turn in document.turns].count("question") == 3


def test_a_spokesperson_read_from_the_turns_is_a_persons_name() -> None:
    """A one-word answer label ("Verdict") or a phrase is no spokesperson; "Official Spokesperson, Shri Randhir
    Jaiswal" gives the name beside the office."""
    asked = Turn("Reuters", "question", "What is the verdict?")
    assert spokesperson_from_turns([asked, Turn("Verdict", "answer", "Worth it.")]) is None
    assert spokesperson_from_turns([asked, Turn("Our Testing Team Of Experts", "answer", "We liked it.")]) is None
    assert spokesperson_from_turns([asked, Turn("Official Spokesperson, Shri Randhir Jaiswal", "answer",
                                                "We have seen the reports.")]) == "Randhir Jaiswal"
    hindi = Turn("सरकारी प्रवक्ता, श्री रणधीर जायसवाल", "answer", "हमने रिपोर्ट देखी हैं।")
    assert spokesperson_from_turns([Turn("प्रश्न", "question", "क्या?"), hindi]) == "रणधीर जायसवाल"


def test_a_korean_spokespersons_name_read_from_the_turns_is_kept() -> None:
    """One word of Hangul syllables is a Korean name (임수석, the foreign ministry's spokesperson in 2024): the rule
    that a name from the turns look like a person's dropped it (a script without capitals, but one word)."""
    asked = Turn("기자", "question", "입장은 무엇입니까?")
    assert spokesperson_from_turns([asked, Turn("임수석", "answer", "정부의 입장은 분명합니다.")]) == "임수석"
    assert spokesperson_from_turns([asked, Turn("답변드리겠습니다", "answer", "네.")]) is None  # no name: too long
