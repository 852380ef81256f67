"""outlets --csv writes its top terms, a list, as JSON in one cell, as search --csv writes its highlights
(textout.csv_cell), and README says so: the cell ("[""台湾"", ""安哥拉""]" as CSV quotes it) was undocumented,
and read as one string by pandas and R."""

from __future__ import annotations

import csv
import io
import json
import re

from tests.conftest import ROOT


def test_the_top_terms_cell_is_the_json_list(cli, sample_db):
    rows = cli("outlets", "--db", sample_db, "--json").jsonl()
    cells = list(csv.DictReader(io.StringIO(cli("outlets", "--db", sample_db, "--csv").stdout)))
    assert rows and [json.loads(cell["top_terms"]) for cell in cells] == [row["top_terms"] for row in rows]
    assert any(len(row["top_terms"]) > 1 for row in rows)
    hits = list(csv.DictReader(io.StringIO(cli("search", "tariffs", "--db", sample_db, "--csv").stdout)))
    assert hits and all(isinstance(json.loads(hit["highlights"]), list) for hit in hits)  # the same form


def test_readme_says_what_the_cell_holds():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("`briefarc outlets` lists who asks questions"):readme.index("### kwic")]
    said = " ".join(section.split())
    assert "`top_terms`" in said and re.search(r"CSV cell holds it as JSON", said), "outlets' CSV list undocumented"
