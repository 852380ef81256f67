"""briefarc watch reports the documents it finds that were edited since the last check, beside the new ones: a
ministry that rewrites a transcript it published last week, bringing in or keeping the watched words."""

from __future__ import annotations

import sqlite3

URL = "https://mofa.example.org/briefings/weekly-2025-03-14"


def page(tmp_path, name: str, *paragraphs: str) -> str:
    """A briefing page of our own, saved as `name`."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    path = tmp_path / name
    path.write_text(f"""<!doctype html><html lang="en"><head><title>Weekly press briefing, 14 March 2025</title>
<meta property="article:published_time" content="2025-03-14T11:00:00+05:00"></head><body><main><article>
<h1>Weekly press briefing, 14 March 2025</h1>{body}</article></main></body></html>""", encoding="utf-8")
    return str(path)


FIRST = ("The Spokesperson opened the briefing with the Foreign Minister's visit to Beijing next week, where "
         "trade, connectivity and regional security will be on the agenda of the talks.",
         "Asked about the border, the Spokesperson said that Pakistan wanted calm and dialogue with its neighbours "
         "and that the crossing points would reopen once the talks had concluded.")
EDITED = (FIRST[0], FIRST[1].replace("with its neighbours", "with its neighbours, and with the Taliban authorities "
                                     "in Kabul"))


def ingest(cli, path: str, db, url: str = URL) -> None:
    result = cli("ingest", path, "--url", url, "--db", db)
    assert result.code == 0, result.stderr


def check(cli, db) -> dict:
    return {row["watch"]: row for row in cli("watch", "check", "--db", db, "--json").jsonl()}


def test_an_edit_that_brings_in_the_watched_words_is_reported_once(cli, tmp_path):
    db = tmp_path / "archive.db"
    ingest(cli, page(tmp_path, "v1.html", *FIRST), db)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    cli("watch", "add", "beijing", "Beijing", "--db", db)
    assert check(cli, db)["taliban"]["edited"] == 0
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    found = check(cli, db)
    assert found["taliban"]["new"] == 0 and found["taliban"]["edited"] == 1
    edit = found["taliban"]["edits"][0]
    assert edit["id"] == 1 and edit["version"] == 2 and edit["date"] == "2025-03-14"
    assert found["beijing"]["edited"] == 1  # it held the word before the edit too: the document changed
    again = check(cli, db)
    assert again["taliban"]["edited"] == 0 and again["taliban"]["edits"] == []


def test_an_edit_of_a_document_the_watch_does_not_find_is_not_reported(cli, tmp_path):
    db = tmp_path / "archive.db"
    ingest(cli, page(tmp_path, "v1.html", *FIRST), db)
    cli("watch", "add", "kashmir", "Kashmir", "--db", db)
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    assert check(cli, db)["kashmir"]["edited"] == 0


def test_edits_made_before_the_watch_was_added_do_not_count(cli, tmp_path):
    db = tmp_path / "archive.db"
    ingest(cli, page(tmp_path, "v1.html", *FIRST), db)
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    assert check(cli, db)["taliban"]["edited"] == 0


def test_a_document_new_since_the_last_check_is_new_even_when_edited_since(cli, tmp_path):
    db = tmp_path / "archive.db"
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    ingest(cli, page(tmp_path, "v3.html", *EDITED, "The Spokesperson added a word on the Taliban's pledges."), db)
    found = check(cli, db)["taliban"]
    assert (found["new"], found["edited"]) == (1, 0)


def test_the_report_names_the_edit_and_how_to_see_it(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    db = tmp_path / "archive.db"
    ingest(cli, page(tmp_path, "v1.html", *FIRST), db)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    ingest(cli, page(tmp_path, "other.html", "The Taliban delegation is expected in Islamabad on Monday for talks "
                     "on trade and the border crossings, the Spokesperson said."), db, url=URL + "-other")
    lines = cli("watch", "check", "--db", db).stdout.splitlines()
    assert lines[0] == "taliban  Taliban: 1 new, 1 edited (`briefarc diff ID` shows what changed)"
    assert lines[1].split()[0] == "2" and "edited" not in lines[1]
    assert lines[2].split()[0] == "1" and lines[2].endswith("· edited: version 2"), lines


def test_an_archive_upgraded_with_a_watch_reports_only_the_edits_made_after(cli, tmp_path):
    db = tmp_path / "archive.db"
    ingest(cli, page(tmp_path, "v1.html", *FIRST), db)
    cli("watch", "add", "border", "border", "--db", db)
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    conn = sqlite3.connect(db)  # the archive as the release before this column left it
    conn.execute("ALTER TABLE watches DROP COLUMN edits_seen")
    conn.execute("PRAGMA user_version = 22")
    conn.commit()
    conn.close()
    assert check(cli, db)["border"]["edited"] == 0  # made before the upgrade: the watch had no mark for it
    ingest(cli, page(tmp_path, "v3.html", *EDITED, "The border crossings reopened on Friday morning."), db)
    assert check(cli, db)["border"]["edits"][0]["version"] == 3
