"""--source takes the site label that tables show for pages filed under no source (a site's own name,
else its host), as well as a source's name; an unknown one is a one-line usage error naming both."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLES

COMMANDS = (["list"], ["search", "Pakistan"], ["export", "-f", "jsonl"])


@pytest.fixture
def archive(cli, db_file):
    """The samples, the MOFA transcript filed under mofa-pk and the rest under no source."""
    assert cli("ingest", SAMPLES / "mofa-briefing-transcript.html", "--source", "mofa-pk", "--db", db_file).code == 0
    others = [path for path in sorted(SAMPLES.glob("*.html")) if path.name != "mofa-briefing-transcript.html"]
    assert cli("ingest", *others, "--db", db_file).code == 0
    return db_file


def rows(cli, db_file, *args: str) -> list[dict]:
    result = cli(*args, "--json", "--db", db_file)
    assert result.code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_every_site_label_that_list_shows_filters_to_its_own_rows(cli, archive):
    shown = rows(cli, archive, "list")
    labels = {row["site"] for row in shown if row["site"]}
    assert {"mofa-pk", "DAWN.COM", "Newsweek Pakistan"} <= labels
    for label in labels:
        wanted = sorted(row["id"] for row in shown if row["site"] == label)
        got = rows(cli, archive, "list", "--source", label)
        assert sorted(row["id"] for row in got) == wanted, label
        assert {row["site"] for row in got} == {label}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_site_label_in_any_case_in_the_commands_that_filter(cli, archive, command):
    found = rows(cli, archive, *command, "--source", "dawn.com")
    assert found and {row.get("site") for row in found} == {"DAWN.COM"}


def test_a_site_label_as_the_reference_of_keywords(cli, archive):
    compared = cli("keywords", "--source", "mofa-pk", "--vs-source", "newsweek pakistan", "--min-count", "1",
                   "--json", "--db", archive)
    assert compared.code == 0 and compared.stdout.strip(), compared.stderr


def test_an_unknown_source_names_the_sources_and_the_sites_on_one_line(cli, archive):
    result = cli("list", "--source", "dawn", "--db", archive)
    assert result.code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "No source or site named 'dawn'" in lines[0] and "Known sources: " in lines[0]
    assert "mofa-pk" in lines[0] and "DAWN.COM" in lines[0] and '"Newsweek Pakistan"' in lines[0]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("typed", ["-", "—"])
def test_pages_of_no_known_site_are_selected_by_a_dash(cli, archive, tmp_path, command, typed):
    """A page that names no site and came without an address shows "—" in every table; --source - (or —)
    selects such pages, and only them."""
    page = tmp_path / "note.html"
    page.write_text("<html><head><title>Pakistan note</title></head><body><article><p>The ministry spoke about "
                    "Pakistan and its neighbours today, at some length and in detail.</p></article></body></html>",
                    encoding="utf-8")
    assert cli("ingest", page, "--db", archive).code == 0
    shown = rows(cli, archive, "list")
    unknown = {row["id"] for row in shown if not row["site"]}
    found = {row["id"] for row in rows(cli, archive, *command, "--source", typed)}
    assert max(row["id"] for row in shown) in found and found <= unknown  # the note, and pages like it
    assert found == unknown or command == ["search", "Pakistan"]


def test_a_source_with_no_documents_says_where_unfiled_pages_are(cli, archive):
    """`search Taiwan --source fmprc-en` printed "No documents match." alone, exit 0, while the China MFA pages,
    ingested without --source, were under their site's name."""
    result = cli("search", "China", "--source", "fmprc-en", "--db", archive)
    assert result.code == 0
    notes = [line for line in result.stderr.splitlines() if line.startswith("Note: source fmprc-en holds no")]
    assert len(notes) == 1 and "which --source takes too: \"" in notes[0]
    labels = rows(cli, archive, "list")
    assert any(f'"{row["site"]}"' in notes[0] for row in labels if row["source"] is None and row["site"])
    assert "Note:" not in cli("search", "Pakistan", "--source", "mofa-pk", "--db", archive).stderr
    own = cli("list", "--source", "mea-in", "--db", archive).stderr  # its own site's pages are named alone
    assert own.startswith("Note: source mea-in") and own.count(" (") == 1 and '"Ministry of External Affairs' in own


def test_a_ministrys_feed_entries_and_pages_share_one_label():
    """State's feed entries were "U.S. Department of State" (the site's default name) and its pages "United States
    Department of State" (their og:site_name): `stats` and --source split one ministry in two."""
    from briefarc.extract.sites import site_by_host

    page = (SAMPLES / "state-briefing.html").read_text("utf-8")
    site = site_by_host("https://www.state.gov/briefings/")
    assert site is not None and f'og:site_name" content="{site.site_name}"' in page
