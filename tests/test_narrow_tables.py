"""Tables on terminals too narrow for their columns: each row as lines of heading and value, nothing cut."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console

from briefarc.output.render import pending_table


def values(lines: list[str], heading: str) -> list[str]:
    return [line[len(heading):].strip() for line in lines if line.startswith(heading + " ")]


def test_sources_list_at_50_columns_keeps_every_column(cli, db_file, monkeypatch):
    """At 50 columns `sources list` gave kind, docs and result no cells: a source's kind was nowhere."""
    monkeypatch.setenv("COLUMNS", "50")
    rows = cli("sources", "list", "--db", db_file, "--json").jsonl()
    lines = cli("sources", "list", "--db", db_file).stdout.splitlines()
    assert all(cell_len(line) <= 50 for line in lines)
    assert values(lines, "name") == [row["name"] for row in rows]
    assert values(lines, "kind") == [row["kind"] for row in rows]
    assert values(lines, "docs") == [str(row["documents"]) for row in rows]


def test_history_at_40_columns_keeps_version_numbers_and_hashes(cli, db_file, tmp_path, monkeypatch):
    """At 40 columns `history` gave the version number no cells and cut the hash and word counts with "…"."""
    page = tmp_path / "brief.html"
    for word in ("Beijing", "Kabul"):
        page.write_text("<html lang=en><head><meta charset=utf-8><title>Briefing</title></head><body><article>"
                        + f"<p>The spokesperson said the talks in {word} were constructive and went on.</p>" * 3
                        + "</article></body></html>", "utf-8")
        assert cli("ingest", page, "--url", "https://mofa.example/brief", "--db", db_file).code == 0
    monkeypatch.setenv("COLUMNS", "40")
    versions = cli("history", "1", "--db", db_file, "--json").jsonl()
    lines = cli("history", "1", "--db", db_file).stdout.splitlines()
    assert all(cell_len(line) <= 40 for line in lines) and "…" not in "".join(lines)
    assert values(lines, "v") == ["1", "2"]
    assert values(lines, "sha256") == [row["sha256"][:12] for row in versions]


def test_pending_pages_at_40_columns_keep_their_urls_and_errors_readable(cli, db_file, site):
    """On a terminal of 40 columns `log --pending` folded each URL and error one character a line."""
    url = site.url("/briefings/2025/missing-page.html")
    assert cli("fetch", url, "--delay", "0", "--retries", "0", "--db", db_file).code == 1
    rows = cli("log", "--pending", "--db", db_file, "--json").jsonl()
    out = io.StringIO()
    Console(file=out, width=40, color_system=None).print(pending_table(rows))
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    assert len(rows) == 1 and all(cell_len(line) <= 40 for line in lines)
    assert "last error  missing at the source (404)" in lines
    assert "".join(line[len("url"):].strip() for line in lines if line.startswith(("url ", "     "))) == url


def test_search_between_58_and_66_columns_folds_no_title_word():
    """At 60 columns the title column had 9 cells: "Spokesper" / "son", "Conferenc" / "e". A hit is stacked when
    the column cannot hold the titles' longest word."""
    from briefarc.output.render import hits_table

    hits = [{"id": 21, "published_date": "2019-12-26", "site": "Ministry of Foreign Affairs",
             "title": "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on December 26, 2019",
             "snippet": "They have a press conference scheduled for this afternoon."}]
    for width in range(56, 81):
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(hits_table(hits))
        words = out.getvalue().replace("│", " ").replace("┃", " ").split()
        assert "Spokesperson" in words and "Conference" in words, (width, out.getvalue())
