"""What a user trial of the real corpus found wrong at 80 columns (task h140): site names cut after three lines,
a source's URL folded inside a box, "—" for a saved page whose address is known, and pending links that fetch
refuses."""

from __future__ import annotations

from html import escape

import pytest

CHINA = "Ministry of Foreign Affairs of the People's Republic of China"
BANGLADESH = "Ministry of Foreign Affairs of the People's Republic of Bangladesh"


def statement(title: str, site_name: str | None = None, head: str = "", published: str = "2025-03-12") -> str:
    """A statement page of our own, with an og:site_name when given and `head` before <html> (a saved-from
    comment)."""
    name = f'<meta property="og:site_name" content="{escape(site_name)}">' if site_name else ""
    return f"""{head}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>{name}
<meta name="date" content="{published}"></head>
<body><article><h1>{escape(title)}</h1>
<p>The ministry welcomes the signing of the regional water agreement by the riparian states, which sets out
shared rules for the river's flow in dry seasons and a joint commission to watch over them.</p>
<p>The agreement, negotiated over four years, provides for data sharing between gauging stations and a
procedure for settling disputes between the parties.</p>
</article></body></html>
"""


@pytest.fixture
def at_80(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def two_ministries(cli, db_file, tmp_path):
    """Two ministries whose names share their first 45 characters."""
    for name, site, host in (("cn.html", CHINA, "mfa-one.example"), ("bd.html", BANGLADESH, "mfa-two.example")):
        (tmp_path / name).write_text(statement(f"Statement on the water agreement ({host})", site), "utf-8")
        assert cli("ingest", tmp_path / name, "--url", f"https://{host}/statement", "--db", db_file).code == 0
    return db_file


@pytest.mark.parametrize("command", [("list",), ("search", "water"), ("search", "water", "--by", "source")])
def test_a_long_site_name_is_whole_at_80_columns(cli, two_ministries, at_80, command):
    """list, search and search --by source cut a name after three lines at 80 columns ("Ministry of Foreign Affairs
    of the People's…"), where China's ministry and Bangladesh's then read the same; README says names stay whole."""
    result = cli(*command, "--db", two_ministries)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    column = 2 if command[-1] == "source" else 3  # the source's, after the week or the id and date
    cells = " ".join(line.split("│")[column].strip() for line in lines if line.count("│") > column)
    assert "People's…" not in result.stdout
    assert CHINA in cells and BANGLADESH in cells, cells


def test_a_source_url_is_one_line_outside_any_box(cli, db_file, at_80):
    """`sources show NAME` folded a long URL inside its box: a copy of it picked up "│" and the padding."""
    url = ("https://www.example-ministry-of-foreign-affairs.gov.example/en/press-and-media/briefings/"
           "regular-press-conferences/archive/index.html")
    assert cli("sources", "add", "longurl", url, "--kind", "listing", "--db", db_file).code == 0
    result = cli("sources", "show", "longurl", "--db", db_file)
    assert result.code == 0, result.stderr
    assert url in result.stdout.splitlines()  # whole, on a line of its own
    assert "│" not in result.stdout and "╭" not in result.stdout
    assert "Kind" in result.stdout and "listing" in result.stdout
