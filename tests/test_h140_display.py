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


def test_list_gives_a_long_name_the_room_to_stay_three_lines(cli, two_ministries, at_80):
    """Whole in list's 16 cells, the name made each row five lines high beside a title of two or three; list has no
    snippet, and its source column takes up to 24 cells: the name in three lines, as the title."""
    lines = cli("list", "--db", two_ministries).stdout.splitlines()
    cells = [line.split("│")[3].strip() for line in lines if line.count("│") > 3]
    assert cells[:3] == ["Ministry of Foreign", "Affairs of the People's", "Republic of Bangladesh"], cells
    assert cells[3:6] == ["Ministry of Foreign", "Affairs of the People's", "Republic of China"], cells
    assert len(cells) == 6 and max(map(len, lines)) == 80


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


def saved_listing(address: str, links: list[str]) -> str:
    items = "".join(f'<li><a href="{link}">Statement {n} on the water agreement</a> <span>2025-03-{n:02d}</span></li>'
                    for n, link in enumerate(links, 1))
    return (f"<!-- saved from url=({len(address):04d}){address} -->\n<html><head><title>Statements</title></head>"
            f"<body><h1>Statements</h1><ul class=\"list\">{items}</ul></body></html>")


def test_a_public_listing_s_links_to_localhost_are_not_noted_as_pending(cli, db_file, tmp_path):
    """A saved listing whose article links were rewritten to http://localhost/ (the corpus's Belarus listing) left
    them pending, and `log` pointed to them; fetch refuses them, as links from a public page to a private network.
    They are left out, and ingest's summary says how many."""
    public = ["https://mfa.example/en/statements/1.html", "https://mfa.example/en/statements/2.html"]
    private = ["http://localhost/b7b71aff55bfca76.html", "http://127.0.0.1/3.html", "http://[::1]:8080/4.html"]
    saved = tmp_path / "statements.html"
    saved.write_text(saved_listing("https://mfa.example/en/statements/", public + private), encoding="utf-8")
    result = cli("ingest", saved, "--db", db_file)
    assert result.code == 0, result.stderr
    assert "2 article links noted as pending" in result.stderr
    assert ("3 links to a private network address (localhost, 127.0.0.1, [::1]) left out: fetch refuses them "
            "from a public page") in result.stderr
    pending = cli("log", "--pending", "--db", db_file, "--json").jsonl()
    assert sorted(row["url"] for row in pending) == public
    assert "localhost" not in cli("log", "--pending", "--db", db_file).stdout
    summary = cli("ingest", saved, "--db", db_file, "--json").jsonl()[0]
    assert summary["listings"]["links_to_private_addresses"] == 3


@pytest.mark.parametrize(("url", "private"), [
    ("http://localhost/a.html", True), ("http://LOCALHOST./a.html", True), ("http://news.localhost/a", True),
    ("http://127.0.0.1:8000/a", True), ("http://10.1.2.3/a", True), ("http://[::1]/a", True),
    ("http://[fe80::1]/a", True), ("https://mfa.example/a", False), ("https://8.8.8.8/a", False),
    ("https://localhost.example/a", False), ("https://intranet/a", False),  # a name: only DNS can tell
])
def test_which_addresses_name_a_private_network(url, private):
    from briefarc.net.addresses import names_private

    assert names_private(url) is private


@pytest.mark.parametrize("command", [("list",), ("search", "water"), ("show", "1")])
def test_a_saved_page_of_an_unknown_site_shows_its_host(cli, db_file, tmp_path, at_80, command):
    """A page saved by a browser from a site briefarc has no source for, its address only in the saved-from
    comment, showed "—" as its source; the host says more. The address is kept as a claim (any file may say it),
    never as the key: `show` gives it as "Claims to be"."""
    saved = tmp_path / "item1.html"
    saved.write_text(statement("Statement on the water agreement",
                               head="<!-- saved from url=(0036)https://www.example.org/news/item1.html -->\n"), "utf-8")
    assert cli("ingest", saved, "--db", db_file).code == 0
    result = cli(*command, "--db", db_file)
    assert result.code == 0, result.stderr
    assert "example.org" in result.stdout and "—" not in result.stdout
    if command[0] == "show":
        assert "Source        example.org" in result.stdout
        assert "Claims to be  https://www.example.org/news/item1.html" in result.stdout
    rows = cli("list", "--source", "example.org", "--json", "--db", db_file).jsonl()
    assert [(row["id"], row["site"], row["url"]) for row in rows] == [(1, "example.org", None)]


def test_a_saved_from_host_is_plain_text(cli, db_file, tmp_path, at_80):
    """Web text: the host a saved-from comment gives is never Rich markup nor a terminal control sequence. A
    regression guard (it passes before h140 too, with "—"): such addresses are no web address, never kept."""
    saved = tmp_path / "hostile.html"
    saved.write_text(statement("Statement on the water agreement",
                               head="<!-- saved from url=(0040)https://[red]x[/red].example/a.html -->\n"
                                    "<!-- saved from url=(0040)https://b\x1b[2J.example/a.html -->\n"), "utf-8")
    assert cli("ingest", saved, "--db", db_file).code == 0
    for command in (("list",), ("show", "1")):
        result = cli(*command, "--db", db_file)
        assert result.code == 0 and "\x1b" not in result.stdout, result.stdout
        assert "[red]" in result.stdout or "—" in result.stdout  # the page's text as it is, or no host at all
