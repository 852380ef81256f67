"""--source given a host or a bare domain selects the documents whose address is on it or under it, whatever
their label; an unknown name is sent to a label, host or source that holds documents.

Before: `--source state.gov` answered "Did you mean sba.gov?" while 44 documents came from www.state.gov (their
label "United States Department of State"); `--source pcworld.com` suggested upwork.com; `--source fmprc.gov.cn`
suggested fmprc-en, which held no document."""

from __future__ import annotations

import json

import pytest

from briefarc.store.hosts import typed_host, url_within

PAGES = {  # address -> (site name, title)
    "https://www.state.gov/briefings/department-press-briefing-may-1/": ("United States Department of State",
                                                                          "Department Press Briefing, May 1"),
    "https://www.state.gov/briefings/department-press-briefing-may-2/": ("United States Department of State",
                                                                          "Department Press Briefing, May 2"),
    "https://2021-2025.state.gov/briefings/department-press-briefing-june-3/": ("U.S. Department of State",
                                                                                "Department Press Briefing, June 3"),
    "https://www.notstate.gov/news/press-briefing-on-grants/": ("Not State", "Press briefing on grants"),
    "https://www.sba.gov/article/press-briefing-on-loans/": ("SBA", "Press briefing on small business loans"),
    "https://www.upwork.com/resources/press-briefing-freelancers/": ("Upwork", "Press briefing for freelancers"),
    "https://www.pcworld.com/article/press-briefing-on-chips/": ("PCWorld", "Press briefing on chip exports"),
    "https://www.mfa.gov.cn/eng/xw/fyrbt/press-briefing-may-7/": ("Ministry of Foreign Affairs of the PRC",
                                                                   "Foreign Ministry Press Briefing, May 7"),
}


def page_html(site_name: str, title: str) -> str:
    text = (f"{title}. The spokesperson opened the press briefing with remarks on the talks and the visit of the "
            "foreign minister, then took questions from the press about trade, the border and the summit.")
    return (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site_name}">'
            f'<meta property="article:published_time" content="2025-05-01"></head><body><article><h1>{title}</h1>'
            + f"<p>{text}</p>" * 4 + "</article></body></html>")


@pytest.fixture
def archive(cli, db_file, tmp_path):
    for number, (url, (site_name, title)) in enumerate(PAGES.items()):
        page = tmp_path / f"page{number}.html"
        page.write_text(page_html(site_name, title), encoding="utf-8")
        assert cli("ingest", page, "--url", url, "--db", db_file).code == 0
    return db_file


def addresses(cli, db_file, *args: str) -> set[str]:
    result = cli(*args, "--json", "--db", db_file)
    assert result.code == 0, result.stderr
    return {json.loads(line)["url"] for line in result.stdout.splitlines() if line.strip()}


STATE = {url for url in PAGES if ".state.gov/" in url}


@pytest.mark.parametrize("typed", ["state.gov", "State.GOV.", "https://state.gov/"])
@pytest.mark.parametrize("command", [["list"], ["search", "briefing"]])
def test_a_domain_selects_the_documents_on_it_and_under_it_whatever_their_label(cli, archive, typed, command):
    assert addresses(cli, archive, *command, "--source", typed) == STATE  # not www.notstate.gov


def test_a_host_selects_its_own_documents(cli, archive):
    assert addresses(cli, archive, "list", "--source", "www.state.gov") == {u for u in STATE if "www." in u}
    assert addresses(cli, archive, "list", "--source", "pcworld.com") == {
        "https://www.pcworld.com/article/press-briefing-on-chips/"}


def test_an_unknown_domain_is_sent_to_what_holds_documents(cli, archive):
    result = cli("list", "--source", "fmprc.gov.cn", "--db", archive)
    assert result.code == 2
    assert "Did you mean mfa.gov.cn?" in result.stderr, result.stderr  # not fmprc-en, which holds none


def test_an_unknown_name_near_only_an_empty_source_says_it_is_empty(cli, archive):
    result = cli("list", "--source", "fmprc-em", "--db", archive)
    assert result.code == 2
    assert "Did you mean fmprc-en (no documents yet)?" in result.stderr, result.stderr


def test_a_page_ingested_without_its_address_is_on_the_host_of_its_canonical_link(cli, archive, tmp_path):
    page = tmp_path / "saved.html"
    canonical = '<link rel="canonical" href="https://www.state.gov/briefings/department-press-briefing-may-9/">'
    page.write_text(page_html("", "Department Press Briefing, May 9").replace("</head>", canonical + "</head>"),
                    encoding="utf-8")
    assert cli("ingest", page, "--db", archive).code == 0
    found = cli("list", "--source", "state.gov", "--json", "--db", archive).jsonl()
    assert "Department Press Briefing, May 9" in {row["title"] for row in found} and len(found) == len(STATE) + 1


def test_typed_host_and_url_within():
    assert typed_host(" WWW.State.gov. ") == "www.state.gov"
    assert typed_host("https://state.gov/briefings/") == "state.gov"
    assert typed_host("fmprc-en") is None and typed_host("Newsweek Pakistan") is None and typed_host(".") is None
    assert url_within("https://www.state.gov/x", "state.gov") and url_within("http://state.gov:8080/", "state.gov")
    assert not url_within("https://www.notstate.gov/x", "state.gov") and not url_within(None, "state.gov")
