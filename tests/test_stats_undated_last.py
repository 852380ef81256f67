"""stats lists the years newest first and the undated documents last: 'undated', sorted among the years as text,
came before 2025 in the table and in --json (found by h170's trial)."""

from __future__ import annotations

import json

PAGE = ("<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
        + "<p>The spokesperson answered questions on the border talks and on the visit of the foreign minister.</p>" * 3
        + "</article></body></html>")


def test_undated_documents_come_after_the_years(cli, db_file, tmp_path):
    for number, date in enumerate(("2019-05-02", None, "2025-03-12")):
        meta = f"<meta name='date' content='{date}'>" if date else ""
        path = tmp_path / f"p{number}.html"
        path.write_text(PAGE.format(title=f"Statement {number} on the talks", meta=meta), encoding="utf-8")
        assert cli("ingest", path, "--url", f"https://www.mfa.example/{number}.html", "--db", db_file).code == 0
    years = json.loads(cli("stats", "--json", "--db", db_file).stdout)["by_year"]
    assert [row["value"] for row in years] == ["2025", "2019", "undated"]
