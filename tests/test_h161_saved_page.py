"""A page saved by a browser as "Web page, complete" (Briefing.html beside Briefing_files/): the HTML files in the
resource folder (an ad's iframe) are parts of the page, not pages. They were archived as documents "(untitled)";
now they are skipped, and counted as such."""

from __future__ import annotations

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title><meta name="date" content="2025-03-12"></head>
<body><article><h1>{title}</h1><p>The spokesperson opened the briefing with a statement on the ceasefire talks,
which resumed on Tuesday with both delegations present, and said that the next round would take place in Geneva
at the end of the month.</p><p>Asked about humanitarian access, the spokesperson said that convoys had reached
the northern districts and that a further agreement on crossings was expected before the weekend.</p>
<iframe src="{folder}/ads.html"></iframe></article></body></html>"""
AD = "<html><body><p>Buy now</p></body></html>"


def saved(folder, stem: str, resources: str, title: str) -> None:
    (folder / f"{stem}").write_text(PAGE.format(title=title, folder=resources), encoding="utf-8")
    (folder / resources).mkdir()
    (folder / resources / "ads.html").write_text(AD, encoding="utf-8")
    (folder / resources / "style.css").write_text("p { color: red }", encoding="utf-8")


def test_the_html_of_a_saved_pages_resource_folder_is_skipped(cli, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    saved(folder, "Briefing.html", "Briefing_files", "Daily press briefing on the ceasefire talks")
    saved(folder, "Pressekonferenz.htm", "Pressekonferenz-Dateien", "Press conference on humanitarian access")
    # a folder named so with no page of its name beside it is an ordinary folder: its pages are read
    (folder / "old_files").mkdir()
    (folder / "old_files" / "Statement.html").write_text(PAGE.format(title="Statement on the crossings",
                                                                     folder="x"), encoding="utf-8")
    db = tmp_path / "a.db"
    result = cli("ingest", folder, "--db", db, "--json")
    assert result.code == 0, result.stderr
    summary = result.jsonl()[0]
    assert summary["added"] == 3 and summary["skipped"] == 2, summary
    assert sorted(summary["resources"]) == [str(folder / "Briefing_files" / "ads.html"),
                                            str(folder / "Pressekonferenz-Dateien" / "ads.html")]
    titles = sorted(row["title"] for row in cli("list", "--db", db, "--json").jsonl())
    assert titles == ["Daily press briefing on the ceasefire talks", "Press conference on humanitarian access",
                      "Statement on the crossings"]
    shown = cli("ingest", folder, "--db", tmp_path / "b.db")
    assert "Skipped 2 files of saved pages' resources" in shown.stderr


def test_a_resource_file_named_on_the_command_line_is_read(cli, tmp_path):
    """Only the walk of a folder passes over a resource folder: a file or the folder named is read as asked."""
    saved(tmp_path, "Briefing.html", "Briefing_files", "Daily press briefing on the ceasefire talks")
    result = cli("ingest", tmp_path / "Briefing_files", "--db", tmp_path / "a.db", "--json")
    assert result.jsonl()[0]["skipped"] == 0 and "resources" not in result.jsonl()[0]
