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
