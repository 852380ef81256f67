"""Messages on stderr into a pipe or a file (a log of a cron job) are whole lines: a command they name such as
`briefarc log --pending` is never cut over two lines, and no line ends in a space."""

from __future__ import annotations

from tests.conftest import SAMPLES


def test_the_ingest_summary_into_a_pipe_is_one_line_per_note(cli, db_file, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("ingest", SAMPLES, "--db", db_file).stderr.splitlines()
    listing = [line for line in lines if "listing page" in line]
    assert listing and "(`briefarc log --pending`)" in listing[0] and len(listing[0]) > 80
    assert [line for line in lines if line.startswith("  site assumed for") and line.endswith(")")]
    assert all(line.startswith(("Added", "  ")) and line == line.rstrip() for line in lines), lines


def test_the_log_hint_into_a_pipe_names_its_command_whole(cli, db_file, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0  # its listing page leaves pages pending
    lines = cli("log", "--db", db_file).stderr.splitlines()
    hint = [line for line in lines if line.startswith("Pages wait")]
    assert hint and hint[0].endswith("`briefarc log --pending` lists them."), lines


def test_emoji_codes_in_names_and_words_stay_as_typed(cli, db_file, tmp_path):
    """Rich turns `:fire:` into an emoji even with markup=False: a file named a:fire:b.html was reported as
    'a🔥b.html', and `show ':x:'` answered "not '❌'"; a feed link `javascript:x:` the same way."""
    missing = tmp_path / "a:fire:b.html"
    ingest = cli("ingest", missing, SAMPLES / "state-briefing.html", "--db", db_file)
    assert f"  failed: {missing}: no such file" in ingest.stderr.splitlines()
    shown = cli("show", ":x:", "--db", db_file)
    assert shown.code == 2 and "not ':x:'" in shown.stderr and "\u274c" not in shown.stderr


def test_a_line_break_in_a_file_name_forges_no_line_of_the_summary(cli, db_file, tmp_path):
    """A file named "bin\\nfake: ok.html" printed "failed: …/bin" and then a line of its own, "fake: ok.html:
    …", which read as another file's report."""
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "bin\nfake: ok.html").write_bytes(b"%PDF-1.4 binary")
    result = cli("ingest", folder, "--db", db_file)
    assert result.code != 0
    lines = result.stderr.splitlines()
    assert not any(line.startswith("fake") for line in lines), lines
    assert any("bin\\nfake: ok.html" in line for line in lines), lines


def test_a_line_break_in_a_file_name_forges_no_field_of_show(cli, db_file, tmp_path):
    """`show` printed the origin "…/bin", then "fake: ok.html" on a line of its own, under the metadata."""
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "bin\nfake: ok.html").write_text("<html><head><title>Brief</title></head><body><h1>Brief</h1>"
                                               + "<p>The spokesperson spoke on the visa regime and trade.</p>" * 3
                                               + "</body></html>")
    assert cli("ingest", folder, "--db", db_file).code == 0
    lines = cli("show", "1", "--db", db_file).stdout.splitlines()
    assert not any(line.startswith("fake") for line in lines), lines
    assert any(line.startswith("Origin") and line.endswith("bin\\nfake: ok.html") for line in lines), lines


def test_a_note_of_a_search_into_a_pipe_is_one_line(cli, sample_db, monkeypatch):
    """Notes printed by Rich were folded at 80 columns into a pipe ("`briefarc outlets` " / "lists them.")."""
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("search", "tariffs", "--outlet", "Nosuch", "--db", sample_db)
    assert result.stderr.splitlines() == [
        "No outlet named 'Nosuch' asked a question in this archive: `briefarc outlets` lists them."]
