"""A working day with the archive (round 6 of the everyday review), through the CLI on a real archive of the
bundled sample pages."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


def test_kwic_shows_a_term_with_its_final_dot_as_the_text_writes_it(cli, archive):
    """`kwic U.S.` showed the match as "U.S" and pushed the dot into the right-hand context (".-Pakistan"): the
    pattern was made of the term's words alone. The punctuation typed after the last word is part of the match
    where the text has it."""
    lines = cli("kwic", "U.S.", "--json", "--db", archive).jsonl()
    assert lines and {line["match"] for line in lines} == {"U.S."}, lines
    pakistan = [line for line in lines if line["right"].startswith("-Pakistan")]
    assert pakistan, lines  # "U.S.-Pakistan trade talks" in the Newsweek Pakistan sample
    typed_without = cli("kwic", "U.S", "--json", "--db", archive).jsonl()  # the dot not typed: as before
    assert len(typed_without) == len(lines) and all(line["right"].startswith(".") for line in typed_without)
