"""briefarc watch reports the documents it finds that were edited since the last check, beside the new ones: a
ministry that rewrites a transcript it published last week, bringing in or keeping the watched words."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
    assert lines[0] == "taliban  Taliban: 1 new, 1 edited"
    assert lines[1].split()[0] == "2" and "edited" not in lines[1]
    assert lines[2].split()[0] == "1" and lines[2].endswith("· edited: briefarc diff 1 1 2"), lines


def test_two_edits_between_checks_are_one_hit_whose_diff_spans_both(cli, tmp_path):
    """The edit that brought the words in was version 2; a typo fixed after it made version 3: the diff of the last
    two versions (diff's default) showed only the typo."""
    db = tmp_path / "archive.db"
    ingest(cli, page(tmp_path, "v1.html", *FIRST), db)
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    ingest(cli, page(tmp_path, "v2.html", *EDITED), db)
    ingest(cli, page(tmp_path, "v3.html", *EDITED, "A typo was fixed in the transcript's closing line."), db)
    found = check(cli, db)["taliban"]
    assert found["edited"] == 1 and (found["edits"][0]["seen_version"], found["edits"][0]["version"]) == (1, 3)
    assert "Taliban" not in cli("diff", "1", "--db", db).stdout  # the last two versions: the typo alone
    spanned = cli("diff", "1", "1", "3", "--db", db).stdout
    assert "Taliban authorities in Kabul+}" in spanned and "typo" in spanned


def test_an_older_capture_put_in_behind_the_newest_is_no_edit(cli, tmp_path):
    """A WARC's February capture read after January's and March's goes into the history between them: the document
    still says what March said, and the check reported it as an edit."""
    from tests.test_getting_warc import warc

    db = tmp_path / "archive.db"
    base = page(tmp_path, "base.html", *EDITED)
    body = Path(base).read_bytes()
    month = {name: body.replace(b"concluded.", f"concluded. {name} text.".encode()) for name in ("Jan", "Feb", "Mar")}
    both = warc(tmp_path / "janmar.warc.gz", URL, [(month["Jan"], "2025-01-10T09:00:00Z"),
                                                   (month["Mar"], "2025-03-10T09:00:00Z")])
    assert cli("ingest", both, "--db", db).code == 0
    cli("watch", "add", "taliban", "Taliban", "--db", db)
    assert cli("ingest", warc(tmp_path / "feb.warc.gz", URL, [(month["Feb"], "2025-02-10T09:00:00Z")]),
               "--db", db).code == 0
    assert len(cli("history", "1", "--db", db, "--json").jsonl()) == 3  # put in as history
    assert check(cli, db)["taliban"]["edited"] == 0


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
