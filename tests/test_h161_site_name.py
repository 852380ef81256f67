"""A site name with no letter or digit (og:site_name "/": a template's field left empty but for its separator)
names nothing: the page is filed under the next signal or its host, not under "/" in stats, list and --source."""

from __future__ import annotations

import json

import pytest

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Spokesperson's remarks on the trade talks {number}</title>
{head}<link rel="canonical" href="https://news.example.org/2025/03/remarks-trade-talks-{number}">
<meta name="date" content="2025-03-12"></head><body><article><h1>Spokesperson's remarks on the trade talks {number}</h1>
<p>The spokesperson said on Wednesday that the trade talks between the two delegations had made progress and that a
further round would be held next month in the capital.</p>
<p>Asked about tariffs, the spokesperson said both sides had agreed to review the schedule of reductions before the
end of the year.</p></article></body></html>"""


def ld(name: str) -> str:
    return ('<script type="application/ld+json">' + json.dumps({"@context": "https://schema.org", "@type":
            "NewsArticle", "headline": "Remarks", "publisher": {"@type": "Organization", "name": name}}) + "</script>")


@pytest.mark.parametrize(("head", "label"), [
    ('<meta property="og:site_name" content="/">', "news.example.org"),
    ('<meta property="og:site_name" content=" | ">', "news.example.org"),
    ('<meta property="og:site_name" content="&mdash;">', "news.example.org"),
    ('<meta property="og:site_name" content="/"><meta name="application-name" content="Example News">',
     "Example News"),
    ('<meta property="og:site_name" content="/">' + ld("Example Daily"), "Example Daily"),
    (ld("/"), "news.example.org"),
    ('<meta property="og:site_name" content="外交部">', "外交部"),  # letters of any script name a site
    ('<meta property="og:site_name" content="7/24">', "7/24"),
])
def test_a_site_name_without_a_letter_or_digit_is_passed_over(cli, tmp_path, head, label):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(head=head, number=1), encoding="utf-8")
    parsed = cli("parse", page, "--json")
    assert parsed.code == 0 and parsed.jsonl()[0]["site_name"] == (None if "." in label else label)
    db = tmp_path / "a.db"
    assert cli("ingest", page, "--db", db).code == 0
    assert [row["site"] for row in cli("list", "--db", db, "--json").jsonl()] == [label]
    assert cli("list", "--source", label, "--db", db, "--json").jsonl()[0]["title"].endswith("talks 1")
    stats = cli("stats", "--db", db)
    assert stats.code == 0 and label in stats.stdout and "│ /" not in stats.stdout
