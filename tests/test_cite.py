"""`briefarc cite` in text, BibTeX and CSL-JSON, on documents saved in a real database."""

from __future__ import annotations

import json
import re

import pytest

from briefarc.cite import cite_bibtex, latex
from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import get_document, save_document

MOFA_URL = "https://mofa.gov.pk/press-releases/transcript-16-january-2025"


@pytest.fixture
def archive(db_file):
    db = open_database(db_file)
    save_document(db, Document(
        title="Transcript of the Press Briefing by the Spokesperson on Thursday, 16th January 2025",
        published="2025-01-16T17:30:00+05:00", site_name="Ministry of Foreign Affairs of Pakistan",
        spokesperson="Shafqat Ali Khan", kind="briefing", language="en", url=MOFA_URL, paragraphs=["Text."]),
        RawPage(data=b"<html>mofa</html>", origin=MOFA_URL, url=MOFA_URL, fetched_at="2026-11-27T08:00:00Z"))
    save_document(db, Document(
        title="R&D costs 100% of $5 #1 {x} under_score ~tilde ^caret back\\slash\x1b[31m", kind="news_report",
        author="Staff Reporter", paragraphs=["Text."]),
        RawPage(data=b"<html>news</html>", origin="/saved/news.html", fetched_at="2026-11-28T08:00:00Z"))
    return db_file


def sha(db_file, doc_id: int) -> str:
    return get_document(open_database(db_file), doc_id)["sha256"]


def test_text_citation(cli, archive):
    result = cli("cite", "1", "--db", archive)
    assert result.code == 0, result.stderr
    assert result.stdout == (
        'Ministry of Foreign Affairs of Pakistan, "Transcript of the Press Briefing by the Spokesperson on '
        'Thursday, 16th January 2025," 16 January 2025, ' + MOFA_URL
        + f", archived 2026-11-27 by briefarc, sha256 {sha(archive, 1)}\n"
    )


def test_text_citation_without_date_or_url_and_with_control_characters(cli, archive):
    line = cli("cite", "2", "--db", archive).stdout
    assert line.startswith('Staff Reporter, "R&D costs')
    assert "n.d., archived 2026-11-28 by briefarc" in line
    assert "\x1b" not in line and "[31m" not in line and "http" not in line
    assert 'back\\slash," n.d.' in line  # the colour sequence dropped whole


def test_bibtex_entry(cli, archive):
    result = cli("cite", "1", "-f", "bibtex", "--db", archive)
    assert result.code == 0
    entry = result.stdout
    assert entry.startswith("@misc{mofa2025-1,\n")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.MULTILINE))
    assert fields["author"] == "{Ministry of Foreign Affairs of Pakistan}"
    assert fields["date"] == "2025-01-16" and fields["year"] == "2025"
    assert "\n  month = jan,\n" in entry  # the macro, which styles print as "January"; {jan} is the text "jan"
    assert fields["url"] == MOFA_URL and fields["urldate"] == "2026-11-27"
    assert fields["note"] == (
        f"Spokesperson: Shafqat Ali Khan. Archived by briefarc on 2026-11-27; sha256 {sha(archive, 1)}")
    assert entry.count("{") == entry.count("}")


def test_bibtex_key_is_stable(cli, archive):
    first = cli("cite", "2", "-f", "bibtex", "--db", archive).stdout
    again = cli("cite", "2", "-f", "bibtex", "--db", archive).stdout
    assert first == again and first.startswith("@misc{staff" + "nd-2,")


def test_bibtex_escapes_latex_special_characters(cli, archive):
    entry = cli("cite", "2", "-f", "bibtex", "--db", archive).stdout
    title = re.search(r"^  title = \{\{(.*)\}\},$", entry, re.MULTILINE).group(1)
    assert title == (r"R\&D costs 100\% of \$5 \#1 \textbraceleft{}x\textbraceright{} under\_score "
                     r"\textasciitilde{}tilde \textasciicircum{}caret back\textbackslash{}slash")
    unescaped = re.sub(r"\\(textbackslash|textasciitilde|textasciicircum|textbraceleft|textbraceright)\{\}"
                       r"|\\[&%$#_]", "", title)
    assert not set(unescaped) & set("&%$#_{}~^\\")


def test_a_lone_brace_in_a_field_cannot_end_it_early():
    """BibTeX counts the brace of "\\}" too: a title with one closing brace ended its field there, and a reader
    (pybtex) lost every field after it (found by a tester)."""
    record = {"id": 7, "title": "Talks } ended {", "site_name": "A } site", "url": "https://x.example/a",
              "sha256": "ab" * 32, "archived_at": "2026-01-01T00:00:00Z"}
    entry = cite_bibtex(record)
    depth = 0
    for char in entry:  # as BibTeX reads them: every brace counts, escaped or not
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0 and r"Talks \textbraceright{} ended \textbraceleft{}" in entry


def test_bibtex_url_cannot_break_the_entry():
    record = {"id": 7, "title": "T", "url": "https://x.example/a{b}c d\\e", "sha256": "ab" * 32,
              "archived_at": "2026-01-01T00:00:00Z"}
    entry = cite_bibtex(record)
    assert "  url = {https://x.example/a%7Bb%7Dc%20d%5Ce}," in entry
    assert entry.count("{") == entry.count("}")
    assert latex("a\nb\tc") == "a b c"


def test_bibtex_key_of_a_page_at_an_ip_address_names_no_site():
    """http://127.0.0.1/... gave the key '0nd-8' (the address's third number as the site's word)."""
    from briefarc.cite import cite_key

    for url in ("http://127.0.0.1:8080/briefing.html", "http://[::1]/briefing.html"):
        assert cite_key({"id": 8, "url": url, "site_name": "Press Office"}) == "pressnd-8"  # the site's own name
    assert cite_key({"id": 8, "url": "http://192.168.1.20/a", "published": "2025-03-07"}) == "briefarc2025-8"
    assert cite_key({"id": 8, "url": MOFA_URL, "published": "2025-01-16"}) == "mofa2025-8"


def test_csl_json(cli, archive):
    result = cli("cite", "1", "2", "--format", "csl-json", "--db", archive)
    assert result.code == 0
    mofa, news = json.loads(result.stdout)
    assert mofa == {
        "id": "mofa2025-1", "type": "webpage",
        "title": "Transcript of the Press Briefing by the Spokesperson on Thursday, 16th January 2025",
        "author": [{"literal": "Ministry of Foreign Affairs of Pakistan"}],
        "issued": {"date-parts": [[2025, 1, 16]]}, "accessed": {"date-parts": [[2026, 11, 27]]},
        "container-title": "Ministry of Foreign Affairs of Pakistan", "URL": MOFA_URL, "language": "en",
        "note": f"Spokesperson: Shafqat Ali Khan. Archived by briefarc on 2026-11-27; sha256 {sha(archive, 1)}",
    }
    assert news["type"] == "article" and "issued" not in news and "URL" not in news
    assert news["author"] == [{"literal": "Staff Reporter"}]


def test_several_ids_in_text(cli, archive):
    lines = cli("cite", "2", "1", "--db", archive).stdout.splitlines()
    assert [line.split(",")[0] for line in lines] == ["Staff Reporter", "Ministry of Foreign Affairs of Pakistan"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (("99",), 1, "Error: No document with id 99: `briefarc list` or `briefarc search` show the ids."),
    (("1", "99"), 1, "Error: No document with id 99"),
    (("1", "-f", "apa"), 2, "Error: Unknown format 'apa' (--format): use text, bibtex or csl-json."),
    (("first",), 2, "Error: Give a document id such as 12, or a turn such as 12#3, not 'first'."),
])
def test_errors(cli, archive, args, code, message):
    result = cli("cite", *args, "--db", archive)
    assert result.code == code
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_cite_without_an_archive(cli, tmp_path):
    result = cli("cite", "1", "--db", tmp_path / "none.db")
    assert result.code == 1 and "No archive at" in result.stderr


def test_citations_drop_escapes_and_invisible_controls_but_keep_joiners():
    from briefarc.cite import cite_csl, plain

    hostile = "\x1b]8;;http://evil.example\x1b\\Click\x1b]8;;\x1b\\ here\u202e txet\u2028next\x07 line"
    assert plain(hostile) == "Click here txet next line"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a word written with a zero-width non-joiner
    assert plain(persian) == persian
    entry = cite_csl({"id": 3, "title": hostile, "author": "A\u200bB", "fetched_at": "2026-11-28T08:00:00Z"})
    assert entry["title"] == "Click here txet next line" and entry["author"] == [{"literal": "AB"}]


def test_a_document_that_names_no_one_is_cited_without_an_author(cli, archive):
    """A saved page with no author, organisation, spokesperson or address: "Unknown" was cited as its author (a
    reference manager shows it as a person); the citation now starts with the title and names no author."""
    db = open_database(archive)
    save_document(db, Document(title="Notes on the border talks", kind="news_report", paragraphs=["Text."]),
                  RawPage(data=b"<html>notes</html>", origin="/saved/notes.html", fetched_at="2026-11-29T08:00:00Z"))
    text = cli("cite", "3", "--db", archive).stdout
    assert text.startswith('"Notes on the border talks," n.d., archived 2026-11-29') and "Unknown" not in text
    bibtex = cli("cite", "3", "-f", "bibtex", "--db", archive).stdout
    assert "author" not in bibtex and "Unknown" not in bibtex and "title = {{Notes on the border talks}}" in bibtex
    csl = json.loads(cli("cite", "3", "-f", "csl-json", "--db", archive).stdout)[0]
    assert "author" not in csl and csl["title"] == "Notes on the border talks"
    assert csl["id"] == "unknownnd-3"  # its key as before (the review): a key stays the same


def test_a_persons_name_is_cited_as_a_name_and_an_organisation_whole():
    """`author = {{Antony J. Blinken}}` told BibTeX and reference managers an organisation wrote it."""
    from briefarc.cite import cite_csl

    person = {"id": 4, "title": "Remarks", "author": "Antony J. Blinken", "url": "https://www.state.gov/r"}
    assert "  author = {Antony J. Blinken},\n" in cite_bibtex(person)
    assert cite_csl(person)["author"] == [{"family": "Blinken", "given": "Antony J."}]
    assert cite_csl({**person, "author": "Ned Price"})["author"] == [{"family": "Price", "given": "Ned"}]
    for whole in ("Staff Reporter", "Reuters", "Zhao Lijian", "耿爽", "Ned Price and Jalina Porter", "Web Desk",
                  "Xi Jinping", "Moon Jae-in", "Ursula von der Leyen", "Jean-Yves Le Drian", "Ned Price Jr.",
                  "Dr. Mohammad Faisal", "By Amna Farooqui", "Al Jazeera", "White House", "Pakistan Today",
                  "Andrés Manuel López Obrador"):
        assert "  author = {{" + whole + "}},\n" in cite_bibtex({**person, "author": whole}), whole
        assert cite_csl({**person, "author": whole})["author"] == [{"literal": whole}]
    organisation = {**person, "author": None, "site_name": "U.S. Department of State"}
    assert "  author = {{U.S. Department of State}},\n" in cite_bibtex(organisation)
