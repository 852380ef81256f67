"""CSV for spreadsheets defuses formulas; nothing raw reaches the terminal, typed by the user or from a page."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from briefarc.models import Document, RawPage
from briefarc.output.textout import clean, csv_cell, json_line
from briefarc.store.db import open_database
from briefarc.store.documents import save_document

FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]


@pytest.fixture
def formulas(db_file):
    db = open_database(db_file)
    for number, title in enumerate(FORMULAS):
        save_document(db, Document(title=title, paragraphs=[f"Body {number} about the border talks."]),
                      RawPage(data=title.encode() + bytes([number]), origin="x", url=f"https://m.example/{number}"))
    return db_file


def exact_text(path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:  # a carriage return inside a cell stays one
        return handle.read()


def csv_titles(text: str) -> list[str]:
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return [row["title"] for row in rows]


def test_cells_that_start_a_formula_are_defused_for_spreadsheets():
    for formula in FORMULAS:
        assert csv_cell(formula, for_terminal=False, safe=True) == "'" + formula
        assert csv_cell(formula, for_terminal=False) == formula
    assert csv_cell(-5, for_terminal=False, safe=True) == "-5"  # numbers stay numbers
    assert csv_cell("Plain - text", for_terminal=False, safe=True) == "Plain - text"


def test_export_to_a_csv_file_is_safe_by_default_and_exact_on_request(cli, formulas, tmp_path):
    out = tmp_path / "docs.csv"
    assert cli("export", "-f", "csv", "-o", out, "--db", formulas).code == 0
    assert sorted(csv_titles(exact_text(out))) == sorted("'" + f for f in FORMULAS)
    exact = tmp_path / "exact.csv"
    assert cli("export", "-f", "csv", "-o", exact, "--no-csv-safe", "--db", formulas).code == 0
    assert sorted(csv_titles(exact_text(exact))) == sorted(FORMULAS)
    piped = cli("export", "-f", "csv", "--db", formulas).stdout  # a pipe: the exact text, unless asked
    assert sorted(csv_titles(piped)) == sorted(FORMULAS)
    asked = cli("export", "-f", "csv", "--csv-safe", "--db", formulas).stdout
    assert sorted(csv_titles(asked)) == sorted("'" + f for f in FORMULAS)


def test_list_csv_sent_to_a_csv_file_is_safe(formulas, tmp_path):
    out = tmp_path / "hits.csv"
    with open(out, "w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, "-m", "briefarc", "list", "--csv", "--db", str(formulas)], stdout=handle,
                       check=True)
    assert sorted(csv_titles(exact_text(out))) == sorted("'" + f for f in FORMULAS)
    exact = subprocess.run([sys.executable, "-m", "briefarc", "list", "--csv", "--db", str(formulas)],
                           capture_output=True, check=True).stdout.decode("utf-8")
    assert sorted(csv_titles(exact)) == sorted(FORMULAS)


MARKS = "\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u2028"


def test_direction_marks_and_zero_width_characters_are_made_visible():
    shown = clean("Kabul" + MARKS + "Doha")
    assert not any(mark in shown for mark in MARKS)
    assert "\\u200e" in shown and "\\u200d" in shown and shown.startswith("Kabul") and shown.endswith("Doha")
    line = json_line({"title": "a" + MARKS})
    assert not any(mark in line for mark in MARKS) and "\\u200f" in line  # escaped, reads back the same


def test_show_escapes_marks_from_a_page(cli, db_file):
    db = open_database(db_file)
    save_document(db, Document(title="Briefing\u202eevil\u200f", paragraphs=["Zero\u200dwidth and\u200bhidden."]),
                  RawPage(data=b"x", origin="x", url="https://m.example/a"))
    out = cli("show", "1", "--db", db_file).stdout
    assert not any(mark in out for mark in "\u202e\u200f\u200d\u200b")
    assert "\\u200f" in out and "\\u200d" in out


def test_names_and_urls_typed_in_sources_add_and_remove_are_escaped(cli, db_file):
    added = cli("sources", "add", "marks", "https://m.example/feed\u202e.xml", "--db", db_file)
    assert added.code == 2, added.stderr  # no address holds a text-direction mark (RFC 3987): refused, as a tab is
    assert "\u202e" not in added.stderr and "\\u202e" in added.stderr and "text-direction mark" in added.stderr
    name = "evil\x1b[2J\u202e"  # not a source name: refused, and the refusal shows it escaped
    refused = cli("sources", "add", name, "https://m.example/feed.xml", "--db", db_file)
    assert refused.code == 2 and "\x1b" not in refused.stderr and "\u202e" not in refused.stderr
    removed = cli("sources", "remove", name, "--db", db_file)
    assert "\x1b" not in removed.stderr and "\u202e" not in removed.stderr


def test_highlights_point_into_a_defused_snippet(cli, db_file):
    """A snippet that starts like a formula ("-2 percent...") gets a leading "'" for spreadsheets: its highlights
    were left one character short of the words they mark."""
    db = open_database(db_file)
    save_document(db, Document(title="Tariff note", paragraphs=["-2 percent tariffs on steel, said the ministry."]),
                  RawPage(data=b"<p>-2 percent</p>", origin="x", url="https://m.example/tariffs"))
    for flag, prefix in (("--csv-safe", "'"), ("--no-csv-safe", "")):
        rows = list(csv.DictReader(io.StringIO(cli("search", "tariffs", "--csv", flag, "--db", db_file).stdout,
                                               newline="")))
        snippet, spans = rows[0]["snippet"], json.loads(rows[0]["highlights"])
        assert snippet.startswith(prefix + "-2") and [snippet[start:end] for start, end in spans] == ["tariffs"]
