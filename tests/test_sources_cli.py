"""`briefarc sources list|add|remove|show`: the built-in registry and the user's own sources."""

from __future__ import annotations

import pytest

from briefarc.sources import builtin_sources


def test_list_shows_every_builtin_source(cli, db_file):
    rows = cli("sources", "list", "--db", db_file, "--json").jsonl()
    names = [row["name"] for row in rows]
    assert names[: len(builtin_sources())] == [s.name for s in builtin_sources()]
    assert {"mofa-pk", "state-briefings", "fmprc-en", "fmprc-zh", "mea-in", "un-noon", "govuk-fcdo"} <= set(names)
    assert all(row["builtin"] and row["last_run"] is None for row in rows)
    table = cli("sources", "list", "--db", db_file)
    assert table.code == 0 and "mofa-pk" in table.stdout and "never" in table.stdout


def test_add_show_and_remove_a_user_source(cli, db_file):
    added = cli("sources", "add", "dawn", "https://www.dawn.com/feeds/latest-news", "--kind", "feed",
                "--title", "Dawn", "--link-pattern", "/news/", "--db", db_file)
    assert added.code == 0 and "dawn" in added.stderr
    shown = cli("sources", "show", "dawn", "--db", db_file, "--json").jsonl()[0]
    assert shown["kind"] == "feed" and shown["options"] == {"link_pattern": "/news/"} and not shown["builtin"]
    assert "Dawn" in cli("sources", "show", "dawn", "--db", db_file).stdout
    removed = cli("sources", "remove", "dawn", "--db", db_file)
    assert removed.code == 0 and "removed" in removed.stderr
    assert "dawn" not in [r["name"] for r in cli("sources", "list", "--db", db_file, "--json").jsonl()]


def test_removing_a_builtin_disables_it_and_adding_enables_it_again(cli, db_file):
    assert "disabled" in cli("sources", "remove", "mofa-pk", "--db", db_file).stderr
    row = next(r for r in cli("sources", "list", "--db", db_file, "--json").jsonl() if r["name"] == "mofa-pk")
    assert row["enabled"] is False
    assert cli("sources", "add", "mofa-pk", "--db", db_file).code == 0
    row = next(r for r in cli("sources", "list", "--db", db_file, "--json").jsonl() if r["name"] == "mofa-pk")
    assert row["enabled"] is True


def test_a_source_with_documents_is_kept_disabled(cli, db_file, tmp_path):
    from tests.conftest import SAMPLES

    cli("sources", "add", "saved", "https://example.org/feed/", "--db", db_file)
    cli("ingest", SAMPLES / "mea-briefing.html", "--source", "saved", "--new-source", "--db", db_file)
    assert "disabled" in cli("sources", "remove", "saved", "--db", db_file).stderr
    assert cli("list", "--source", "saved", "--db", db_file, "--json").jsonl()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["sources", "show", "nope"], 1, "No source named 'nope'"),
        (["sources", "remove", "nope"], 1, "No source named 'nope'"),
        (["sources", "add", "x", "ftp://example.org/feed"], 2, "ftp: addresses are not web pages"),
        (["sources", "add", "x", "https://example.org/", "--kind", "magic"], 2, "Unknown source kind"),
        (["sources", "add", "x"], 2, "needs a URL"),
        (["sources", "add", "mofa-pk"], 2, "exists already"),
        (["sources", "add", "x", "https://e.org/", "--kind", "listing", "--link-pattern", "(["], 2, "regular expr"),
        (["fetch", "nope"], 2, "No source named 'nope'. Known sources: "),  # a usage error, as README says
        (["fetch", "ftp://example.org/feed"], 2, "'ftp://example.org/feed' cannot be fetched: ftp: addresses are not"),
        (["fetch", "http://"], 2, "'http://' cannot be fetched: it has no host name"),
        (["fetch", "x", "--since", "soon"], 2, "--since takes a date"),
        (["log"], 1, "No archive at"),
    ],
)
def test_source_errors(cli, db_file, tmp_path, args, code, message):
    db = db_file if args[0] != "log" else tmp_path / "none.db"
    result = cli(*args, "--db", db)
    assert result.code == code, result.stderr
    assert message in result.stderr and result.stderr.startswith("Error: ")


def test_sources_show_at_80_columns_cuts_no_url_or_pattern(cli, db_file, monkeypatch):
    """A built-in source's URL and link pattern are longer than the panel leaves them: folded whole over
    two lines, never cut with '…' (mofa-pk's were)."""
    monkeypatch.setenv("COLUMNS", "80")
    shown = cli("sources", "show", "mofa-pk", "--db", db_file)
    assert shown.code == 0 and "…" not in shown.stdout
    source = cli("sources", "show", "mofa-pk", "--db", db_file, "--json").jsonl()[0]
    flat = "".join(line.strip("│ ") for line in shown.stdout.splitlines())
    for value in (source["url"], source["options"]["link_pattern"]):
        assert len(value) > 50 and value in flat


def test_adding_a_source_again_with_a_new_url_takes_its_kind_and_options_too(cli, db_file):
    """`sources add a1 URL2 --kind wordpress --full-text` replaced the URL and silently kept the old kind and
    options: the source was read as the old kind at its new address. (A listing with --full-text, as this test
    had it, is refused since: a listing never reads it; tests/test_defects114_source_options.py.)"""
    assert cli("sources", "add", "a1", "https://mofa.example/feed.xml", "--db", db_file).code == 0
    again = cli("sources", "add", "a1", "https://mofa.example/briefings/", "--kind", "wordpress", "--full-text",
                "--db", db_file)
    assert again.code == 0, again.stderr
    shown = cli("sources", "show", "a1", "--json", "--db", db_file).jsonl()[0]
    assert (shown["url"], shown["kind"], shown["options"].get("full_text")) == (
        "https://mofa.example/briefings/", "wordpress", "always")


def test_a_removed_source_added_again_at_its_address_keeps_its_kind_and_options(cli, db_file, tmp_path):
    """The review of 74ade44: switching a disabled listing source back on with its own address (and the default
    --kind feed) turned it into a feed without its item selector."""
    assert cli("sources", "add", "blog", "https://ex.org/news/", "--kind", "listing", "--item-selector", "h2 a",
               "--db", db_file).code == 0
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>Note</title></head><body><h1>Note</h1>"
                    + "<p>The ministry published a note on the border crossing and the visa regime.</p>" * 3
                    + "</body></html>")
    assert cli("ingest", page, "--source", "blog", "--db", db_file).code == 0  # so that remove only disables it
    assert "disabled" in cli("sources", "remove", "blog", "--db", db_file).stderr
    assert cli("sources", "add", "blog", "https://ex.org/news/", "--db", db_file).code == 0
    shown = cli("sources", "show", "blog", "--json", "--db", db_file).jsonl()[0]
    assert (shown["kind"], shown["options"], shown["enabled"]) == ("listing", {"item_selector": "h2 a"}, True)
