"""A working day with the corpus commands (round 5 of the everyday review), through the CLI on a real archive
of the bundled sample pages."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES


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
