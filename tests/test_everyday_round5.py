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
