"""A schedule lists a briefing with the spokesperson's name among its other timed events: the page is no briefing and
the spokesperson does not speak on it, so it has no spokesperson (speakers does not count it, --spokesperson does not
find it). And speakers shows a name as a page's prose writes it when its forms are as frequent ("Jane Roe", not
"JANE ROE"). Pages written here, ingested through the CLI into a real archive in tmp_path."""

from __future__ import annotations

import pytest

from tests.test_names139_speakers import ingest

SCHEDULE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><article><h1>{title}</h1>
<p>The programme below may change at short notice.</p>
<p>THE MINISTER</p>
<p>9:30 a.m. The Minister meets the visiting Foreign Minister of a neighbouring country at the Ministry.</p>
<p>(OPEN PRESS COVERAGE)</p>
<p>THE DEPUTY MINISTER</p>
<p>11:00 a.m. The Deputy Minister attends a conference on river trade, at the Chamber of Commerce.</p>
<p>PRESS</p>
<p>{briefing}</p>
<p>The briefing will be streamed on the Ministry's website and its social media accounts.</p>
</article></main></body></html>"""

BRIEFING = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main><article><h1>{title}</h1>
<p>{name}, Department Spokesperson</p>
<p>2:07 p.m. EDT</p>
<p>MS ROE: Good afternoon, everyone. I have one item at the top and then I will take your questions.</p>
<p>QUESTION: On the talks in Geneva, what did the delegation hear from the other side this week?</p>
<p>MS ROE: We heard a good deal about the ceasefire, and we will keep talking with all of the parties.</p>
<p>QUESTION: And will the minister travel to the region again before the end of the month?</p>
<p>MS ROE: She will, and we will announce the dates of that trip once they are settled.</p>
<p>(The briefing was concluded at 2:41 p.m.)</p>
</article></main></body></html>"""


def test_a_schedule_that_lists_a_briefing_has_no_spokesperson(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "pages", {
        "schedule.html": SCHEDULE.format(title="Daily Programme – 3 March 2025",
                                         briefing="2:00 p.m. Press briefing with Spokesperson Jane Roe."),
        "agenda.html": SCHEDULE.format(title="Upcoming Events", briefing="Spokesperson Jane Roe, the Ministry's "
                                       "voice, will hold the weekly press briefing at 3 p.m. in the Press Hall."),
        "briefing.html": BRIEFING.format(title="Department Press Briefing – March 3, 2025", name="Jane Roe")})
    listed = cli("list", "--json", "--db", db_file).jsonl()
    assert sorted((row["title"], row["spokesperson"]) for row in listed) == [
        ("Daily Programme – 3 March 2025", None), ("Department Press Briefing – March 3, 2025", "Jane Roe"),
        ("Upcoming Events", None)], listed
    rows = cli("speakers", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == [("Jane Roe", 1)], rows
    found = cli("list", "--spokesperson", "Roe", "--json", "--db", db_file).jsonl()
    assert [row["title"] for row in found] == ["Department Press Briefing – March 3, 2025"]


def test_a_news_report_that_gives_a_time_still_names_who_spoke(cli, db_file, tmp_path):
    """One line with a time of day is no schedule: the report's attribution names the spokesperson."""
    report = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministry rejects the claims</title>
    </head><body><main><article><h1>Ministry rejects the claims</h1>
    <p>At 3 p.m. on Monday, spokesperson Jane Roe told reporters that the claims made in the report were baseless.</p>
    <p>She added that the ministry would publish its own figures later in the week, once they had been checked.</p>
    <p>The report, released on Friday, had said that the river trade fell by a third over the past year.</p>
    </article></main></body></html>"""
    ingest(cli, db_file, tmp_path / "pages", {"report.html": report})
    listed = cli("list", "--json", "--db", db_file).jsonl()
    assert [row["spokesperson"] for row in listed] == ["Jane Roe"], listed


@pytest.mark.parametrize(("first", "second", "shown"), [
    ("JANE ROE", "Jane Roe", "Jane Roe"),  # a tie: the form with lower-case letters, as a page's prose writes it
    ("Jane Roe-Smith", "Jane Roe Smith", "Jane Roe-Smith"),  # both in prose: the first archived
])
def test_speakers_shows_the_prose_form_of_a_name_then_the_first_seen_on_a_tie(cli, db_file, tmp_path, first, second,
                                                                              shown):
    ingest(cli, db_file, tmp_path / "first", {
        "z.html": BRIEFING.format(title="Department Press Briefing – March 3, 2025", name=first)})
    ingest(cli, db_file, tmp_path / "second", {
        "a.html": BRIEFING.format(title="Department Press Briefing – March 4, 2025", name=second)})
    rows = cli("speakers", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == [(shown, 2)], rows
