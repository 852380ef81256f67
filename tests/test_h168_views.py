"""parse shows a page's site as show does; search shows each hit's snippet at every terminal width.

`parse` showed "Source  —" for every page (its record has `site_name`, the view read `source` and `site`), and
`search --by source` at 55-61 columns dropped the snippet from its table (no room beside the title nor under it,
yet the table fitted, so its hits were not drawn as lines either)."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from tests.analysis_archives import sample_db  # noqa: F401  (a fixture)
from tests.conftest import SAMPLES

WIDTHS = range(40, 101, 3)  # 40, 43 ... 55, 58, 61 ... 100: the gap was 55-61


def source_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("Source "))


@pytest.mark.parametrize("page", ["news-dawn-style.html", "china-mfa-en-new.html", "govuk-statement.html",
                                  "cn-news-zh.html", "belarus-statement-cp1251.html"])
def test_parse_shows_the_source_show_shows(cli, tmp_path, page):
    db = tmp_path / "one.db"
    assert cli("ingest", SAMPLES / page, "--db", db).code == 0
    shown = source_line(cli("show", "1", "--db", db).stdout)
    parsed = cli("parse", SAMPLES / page)
    assert parsed.code == 0 and source_line(parsed.stdout) == shown


@pytest.mark.parametrize(("url", "site"), [("https://www.dawn.com/news/1", "DAWN.COM"),
                                           ("https://evil.example/x", "evil.example")])
def test_parse_with_url_shows_the_source_show_shows(cli, tmp_path, url, site):
    """cn-news-zh.html's canonical link (news.xinhua.example) is only a claim beside another site's --url: show
    labels the page by the address given, and so does parse."""
    page = SAMPLES / "cn-news-zh.html"
    db = tmp_path / "one.db"
    assert cli("ingest", page, "--url", url, "--db", db).code == 0
    shown = source_line(cli("show", "1", "--db", db).stdout)
    assert shown.split(None, 1)[1] == site
    assert source_line(cli("parse", page, "--url", url).stdout) == shown


def snippet_words(snippet: str, elsewhere: str) -> list[str]:
    """Words of a snippet (markers taken out) found in no title, source or date: shown only with the snippet."""
    words = re.findall(r"[A-Za-z]{4,12}", re.sub(r"[\[\]]", " ", snippet))
    return [word for word in words if word not in elsewhere]


def shown_words(output: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", output))


@pytest.mark.parametrize("columns", WIDTHS)
def test_grouped_hits_show_their_snippets_at_every_width(cli, sample_db, monkeypatch, columns):  # noqa: F811
    monkeypatch.setenv("COLUMNS", str(columns))
    query = ("search", "Taiwan", "--by", "source", "--limit", "3", "--db", sample_db)
    groups = cli(*query, "--json").jsonl()
    hits = [hit for group in groups for hit in group["hits"]]
    elsewhere = " ".join(f"{hit['title']} {hit.get('site')} {group['source']}" for group in groups
                         for hit in group["hits"])
    output = cli(*query).stdout
    assert all(cell_len(line) <= columns for line in output.splitlines())
    assert hits and all(hit.get("snippet") for hit in hits)
    for hit in hits:
        words = snippet_words(hit["snippet"], elsewhere)
        assert words and set(words) <= shown_words(output), (columns, words, output)


@pytest.mark.parametrize("columns", WIDTHS)
def test_search_hits_show_their_snippets_at_every_width(cli, sample_db, monkeypatch, columns):  # noqa: F811
    monkeypatch.setenv("COLUMNS", str(columns))
    query = ("search", "Taiwan", "--limit", "3", "--db", sample_db)
    hits = cli(*query, "--json").jsonl()
    elsewhere = " ".join(f"{hit['title']} {hit.get('site')}" for hit in hits)
    output = cli(*query).stdout
    assert all(cell_len(line) <= columns for line in output.splitlines())
    assert hits and all(hit.get("snippet") for hit in hits)
    for hit in hits:
        words = snippet_words(hit["snippet"], elsewhere)
        assert words and set(words) <= shown_words(output), (columns, words, output)
