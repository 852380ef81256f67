"""Everyday trip-ups (issue 13's remainder), through the CLI on a real archive: filters that cannot match
are usage errors, every table fits 80 columns with its headers whole, a document's site in every table."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES

FILTER_COMMANDS = (["list"], ["search", "briefing"], ["export", "-f", "jsonl"], ["speakers"], ["outlets"])


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


@pytest.mark.parametrize("command", FILTER_COMMANDS)
def test_an_unknown_source_filter_is_a_usage_error_naming_the_known_ones(cli, archive, command):
    result = cli(*command, "--source", "state-briefing", "--db", archive)
    assert result.code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "No source named 'state-briefing'" in lines[0]
    assert "Did you mean state-briefings?" in lines[0] and "mofa-pk" in lines[0]
    assert cli(*command, "--source", "mofa-pk", "--db", archive).code == 0  # a known one without documents


@pytest.mark.parametrize("command", FILTER_COMMANDS)
def test_since_after_until_is_a_usage_error(cli, archive, command):
    result = cli(*command, "--since", "2025-03", "--until", "2025-02-10", "--db", archive)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "Error: --since 2025-03 is after --until 2025-02-10: nothing can match (swap them?)."]
    assert cli(*command, "--since", "2025-02", "--until", "2025-02", "--db", archive).code == 0  # one month
