"""kwic with a match too wide for its line: at 80 columns a 67-letter phrase ran past the edge, cropped without a
mark, and took the context on both sides and the source with it (at 60 it stopped at "…stability")."""

from __future__ import annotations

import os

import pytest
from rich.cells import cell_len

from tests.analysis_archives import build
from tests.conftest import SAMPLES
from tests.terminal import Terminal

PHRASE = "the greatest threat to peace and stability across the Taiwan Strait"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """One English briefing filed under no source: its lines give the site's long name."""
    return build(tmp_path_factory.mktemp("kwic") / "a.db", {None: [SAMPLES / "china-mfa-en-new.html"]})


def check(line: str, found: dict, columns: int) -> None:
    """The line fits, keeps its reference and date, some context on each side, and the match's two ends around
    a "…" that says it was cut."""
    assert cell_len(line) <= columns, line
    assert line.split()[:2] == [f"{found['id']}#{found['turn']}", found["date"]]
    match = found["match"]
    start, end = line.index(match[:8]), line.index(match[-6:]) + 6  # "The grea", "Strait"
    cut = line[start:end]
    assert "…" in cut and cell_len(cut) < cell_len(match)
    assert match.startswith(cut.split("…")[0]) and match.endswith(cut.split("…")[1])
    assert found["left"].rstrip().endswith(line[:start].rstrip()[-4:])  # context before it
    assert found["right"].lstrip().startswith(line[end:].strip()[:4]) and line[end:].strip()  # and after it


@pytest.mark.parametrize("columns", [80, 60])
def test_a_long_match_is_cut_with_a_mark_and_keeps_its_context(cli, archive, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    found = cli("kwic", f'"{PHRASE}"', "--db", archive, "--json").jsonl()
    assert len(found) == 1 and cell_len(found[0]["match"]) == len(PHRASE)
    result = cli("kwic", f'"{PHRASE}"', "--db", archive)
    lines = [line for line in result.stdout.splitlines() if line]
    assert result.code == 0 and len(lines) == 1
    check(lines[0], found[0], columns)
    if columns == 80:  # room for a shortened source beside a cut match of 20 cells or more
        assert lines[0].split()[2] == "Ministr…"


def test_a_long_match_whole_into_a_pipe(cli, archive):
    found = cli("kwic", f'"{PHRASE}"', "--db", archive, "--json").jsonl()[0]
    line = cli("kwic", f'"{PHRASE}"', "--db", archive).stdout.strip()  # COLUMNS=200: room for it
    assert found["match"] in line and found["source"] in line and "…" not in line


def test_a_long_match_on_a_real_terminal(archive):
    term = Terminal("kwic", f'"{PHRASE}"', env={**os.environ, "BRIEFARC_DB": str(archive)}, columns=60)
    assert term.finish() == 0
    lines = [line for line in term.screen() if line]
    assert len(lines) == 1 and lines[0].startswith("1#9 2025-03-12 ") and "…" in lines[0], lines
    assert lines[0].endswith("comes f")  # the right context's start, whole to the terminal's last column
