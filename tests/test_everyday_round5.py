"""A working day with the corpus commands (round 5 of the everyday review), through the CLI on a real archive
of the bundled sample pages."""

from __future__ import annotations

import os

import pytest

from tests.conftest import SAMPLES
from tests.terminal import Terminal


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


@pytest.mark.parametrize("command", [["search", "tariffs", "--in", "questions"], ["parallel", "--gaps"]])
def test_a_table_of_turns_into_a_pipe_is_as_wide_as_its_rows(cli, archive, monkeypatch, command):
    """Into a pipe with no COLUMNS, the turns' table (search --in, parallel --gaps) was drawn 100,000 cells wide,
    every line padded with spaces: two questions made 1.6 MB. It is as wide as its rows need, a turn a line."""
    monkeypatch.delenv("COLUMNS", raising=False)
    result = cli(*command, "--db", archive)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.startswith("│") and "#" in line.split("│")[1]]
    assert rows, result.stdout
    assert len([line for line in lines if line.startswith("│")]) == len(rows)  # its source and speaker too
    assert max(len(line) for line in lines) < 600  # the text is cut at 240 characters
    for line in rows:  # the text's end on its row's first line: not wrapped
        assert line.rstrip().endswith("│")
        assert line.split("│")[-2].strip(), line
    assert not any(line != line.rstrip() for line in lines)
    texts = {row["text"] for row in cli(*command, "--json", "--db", archive).jsonl()}
    short = [t for t in texts if len(t) < 200]
    assert short and all(any(t in line for line in rows) for t in short)



@pytest.mark.parametrize(("command", "columns"), [
    (["kwic", "the", "--limit", "2"], 50), (["trend", "tariffs", "--by", "year"], 48),
    (["outlets", "--limit", "1"], 22), (["search", "China", "--by", "source", "--limit", "1"], 23)])
def test_a_note_on_a_narrow_terminal_is_wrapped_between_words(cli, archive, command, columns):
    """kwic's "more after them", trend's note on languages, outlets' "1 of 9" and search --by's count were written
    to stderr raw: on a narrow terminal it cut them inside a word ("`--offset 2" / "` for more."), where every
    other message is wrapped between words."""
    note = cli(*command, "--db", archive).stderr.strip()  # into a pipe: one line
    assert len(note.splitlines()) == 1 and len(note) > columns
    term = Terminal(*command, "--db", str(archive), env=dict(os.environ), columns=columns, rows=300)
    assert term.finish() == 0
    lines = term.screen()
    first = next(index for index, line in enumerate(lines) if line.startswith(note.split()[0] + " "))
    assert " ".join(lines[first:]).split() == note.split(), lines[first:]



def watched_archive(cli, path):
    """An archive with a watch for Taiwan added before the samples came in: their Taiwan pages are new to it."""
    assert cli("ingest", SAMPLES / "govuk-statement.html", "--db", path).code == 0
    assert cli("watch", "add", "tw", "Taiwan", "--lang", "en", "--db", path).code == 0
    assert cli("ingest", SAMPLES, "--db", path).code == 0
    return path


def test_a_new_document_of_a_watch_goes_on_under_its_title_on_a_terminal(cli, tmp_path):
    """watch check's line for a new document went on at the left edge, under the ids, when its title and source
    were longer than the terminal; it goes on under the title's start, and into a pipe stays one line."""
    hits = cli("watch", "check", "--json", "--db", watched_archive(cli, tmp_path / "a.db")).jsonl()[0]["hits"]
    plain = cli("watch", "check", "--db", watched_archive(cli, tmp_path / "b.db")).stdout.splitlines()
    assert hits and len(plain) == 1 + len(hits)  # into a pipe, a line each
    term = Terminal("watch", "check", "--db", str(watched_archive(cli, tmp_path / "c.db")), env=dict(os.environ),
                    columns=80, rows=100)
    assert term.finish() == 0
    lines = term.screen()[1:]
    starts = [index for index, line in enumerate(lines) if line.lstrip().startswith(f"{hits[0]['id']} ")]
    assert len(lines) > len(hits) and starts, lines  # a hit's line is wrapped
    indent = lines[starts[0]].index(hits[0]["date"]) + len(hits[0]["date"]) + 2  # where the title starts
    following = lines[starts[0] + 1:starts[1] if len(starts) > 1 else None]
    assert following and all(line[:indent] == " " * indent and line[indent] != " " for line in following), lines
    assert " ".join(line.strip() for line in lines[starts[0]:starts[0] + 1 + len(following)]) == plain[1].strip()


@pytest.mark.parametrize("command", [["list"], ["search", "Taiwan"]])
def test_a_spokesperson_no_document_names_is_said_so(cli, archive, command):
    """`--spokesperson Lin Jain` (a typo) answered "No documents.", as a spokesperson who said nothing would; as
    --outlet does, the message says no document names one so, and where the names are."""
    typo = cli(*command, "--spokesperson", "Lin Jain", "--db", archive)
    assert typo.code == 0 and typo.stdout == ""
    assert typo.stderr.strip() == "No document names a spokesperson 'Lin Jain': `briefarc speakers` lists them."
    silent = cli(*command, "--spokesperson", "Lin Jian", "--since", "2030", "--db", archive)
    assert silent.code == 0 and silent.stderr.strip() in ("No documents.", "No documents match.")
    assert cli(*command, "--spokesperson", "Lin Jain", "--json", "--db", archive).stderr == ""
