"""`watch add --spokesperson NAME` for a name no archived document gives is kept (a spokesperson may be yet to come)
but said, as search says it: a typo was saved silently and the watch then found nothing, run after run."""

from __future__ import annotations

from tests.test_names139_speakers import ingest
from tests.test_names152_typed import ENGLISH


def _pages(*named: tuple[str, int]) -> dict[str, str]:
    return {f"{name.split()[0].lower()}-{day}.html": ENGLISH.format(name=name, day=day) for name, day in named}


def test_an_unknown_spokesperson_is_said_and_the_watch_kept(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "first", _pages(("Hua Chunying", 11)))
    result = cli("watch", "add", "mao", "talks", "--spokesperson", "Mao Ning", "--db", db_file)
    assert result.code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "No document names a spokesperson 'Mao Ning' yet" in said and "Watching 'talks' as 'mao'." in said
    assert cli("watch", "check", "--db", db_file, "--json").jsonl()[0]["new"] == 0
    ingest(cli, db_file, tmp_path / "later", _pages(("Mao Ning", 12)))  # the new spokesperson arrives
    [report] = cli("watch", "check", "--db", db_file, "--json").jsonl()
    assert report["new"] == 1


def test_a_known_spokesperson_however_typed_is_not_said(cli, db_file, tmp_path):
    ingest(cli, db_file, tmp_path / "pages", _pages(("Hua Chunying", 11)))
    result = cli("watch", "add", "hua", "talks", "--spokesperson", "chunying hua", "--db", db_file)
    assert result.code == 0, result.stderr
    assert "names a spokesperson" not in result.stderr
