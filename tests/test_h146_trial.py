"""What a user trial found on main (task h146): a saved-from address read as Latin-1 in a UTF-8 page (a bidi
override became the site label "evilâ\\x80®example.com"), ingest's wording of private links and of an empty
pending list, `log --pending` leaving rows out silently, and messages at 80 columns."""

from __future__ import annotations

import json

import pytest

from tests.test_h140_display import saved_listing, statement


@pytest.fixture
def at_80(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")


def saved_from(address: str) -> str:
    return f"<!-- saved from url=({len(address):04d}){address} -->\n"


def label_of(cli, db_file) -> str | None:
    rows = cli("list", "--json", "--db", db_file).jsonl()
    assert len(rows) == 1
    return rows[0]["site"]


@pytest.mark.parametrize(("page", "encoding", "label"), [
    (statement("Statement on the water agreement", head=saved_from("https://ministère.example/a.html")),
     "utf-8", "ministère.example"),
    (statement("Statement on the water agreement",
               head=saved_from("https://мид.example/a.html")).replace('charset="utf-8"', 'charset="windows-1251"'),
     "windows-1251", "мид.example"),
])
def test_a_saved_from_address_is_read_in_the_page_s_encoding(cli, db_file, tmp_path, page, encoding, label):
    """Read as Latin-1, a UTF-8 page's "ministère.example" was the label "ministÃ¨re.example"."""
    saved = tmp_path / "saved.html"
    saved.write_bytes(page.encode(encoding))
    assert cli("ingest", saved, "--db", db_file).code == 0
    assert label_of(cli, db_file) == label
    assert f"Claims to be  https://{label}/a.html" in cli("show", "1", "--db", db_file).stdout


@pytest.mark.parametrize("host", ["evil\u202eexample.com", "a\u200bb.example", "a\u0085b.example", "a\u00a0b.example"])
def test_a_saved_from_host_no_host_name_may_hold_is_no_address(cli, db_file, tmp_path, host, at_80):
    """A bidi override, a zero-width space in the host: no claim, no label (a C1 control and a no-break space were
    refused before too: kept as guards of urls.is_host_name)."""
    saved = tmp_path / "saved.html"
    saved.write_text(statement("Statement on the water agreement", head=saved_from(f"http://{host}/page.html")),
                     "utf-8")
    assert cli("ingest", saved, "--db", db_file).code == 0
    assert label_of(cli, db_file) is None
    shown = cli("show", "1", "--db", db_file)
    assert "Claims to be" not in shown.stdout and "Source        —" in shown.stdout
    assert "—" in cli("list", "--db", db_file).stdout


def test_ingest_names_the_private_addresses_it_left_out(cli, db_file, tmp_path):
    """The links were to 192.168.1.1 and [::1], and the summary said "to a private address (localhost)"."""
    links = ["http://192.168.1.1/a.html", "http://192.168.1.1/b.html", "http://[::1]/c.html"]
    saved = tmp_path / "statements.html"
    saved.write_text(saved_listing("https://mfa.example/en/statements/", links), encoding="utf-8")
    result = cli("ingest", saved, "--db", db_file)
    assert result.code == 0, result.stderr
    assert ("3 links to a private network address (192.168.1.1, [::1]) left out: fetch refuses them from a public "
            "page") in result.stderr
    assert "localhost" not in result.stderr


def test_ingest_points_at_log_pending_only_when_it_has_pages_to_list(cli, db_file, tmp_path):
    """"0 article links noted as pending (`briefarc log --pending`)" sent the user to an empty list."""
    saved = tmp_path / "statements.html"
    links = [f"http://localhost/{n}.html" for n in range(1, 4)]
    saved.write_text(saved_listing("https://mfa.example/en/statements/", links), "utf-8")
    result = cli("ingest", saved, "--db", db_file)
    assert result.code == 0, result.stderr
    assert "no article links noted as pending" in result.stderr and "log --pending" not in result.stderr


@pytest.fixture
def many_pending(cli, db_file, tmp_path):
    links = [f"https://mfa.example/en/statements/{n}.html" for n in range(1, 36)]
    saved = tmp_path / "statements.html"
    saved.write_text(saved_listing("https://mfa.example/en/statements/", links), encoding="utf-8")
    assert cli("ingest", saved, "--db", db_file).code == 0
    return links


def test_log_pending_says_when_its_limit_leaves_pages_out(cli, db_file, many_pending):
    """35 pending pages, 30 shown (the default --limit), and nothing said of the other 5."""
    shown = cli("log", "--pending", "--db", db_file)
    assert shown.code == 0 and shown.stderr == "30 of 35 — `--limit 35` for more\n"
    as_json = cli("log", "--pending", "--json", "--db", db_file)
    assert len(as_json.jsonl()) == 30 and as_json.stderr == "30 of 35 — `--limit 35` for more\n"
    assert all("url" in json.loads(line) for line in as_json.stdout.splitlines())  # rows only
    whole = cli("log", "--pending", "--limit", "35", "--db", db_file)
    assert whole.code == 0 and whole.stderr == ""
    assert "pending pages" in cli("log", "--help").stdout


def test_sources_list_keeps_a_count_whole_at_80_columns(cli, db_file, at_80):
    """"2 unchanged" was split over two lines of the result column."""
    from briefarc.store.db import open_database
    from briefarc.store.fetchlog import finish_run, start_run

    assert cli("sources", "add", "my-ministry-statements", "https://mfa.example/en/statements/", "--kind", "listing",
               "--db", db_file).code == 0
    database = open_database(db_file)
    source_id = database.execute("SELECT id FROM sources WHERE name = 'my-ministry-statements'").fetchone()[0]
    counts = {"fetched": 12, "added": 3, "updated": 1, "unchanged": 2, "failed": 1, "deferred": 4}
    finish_run(database, start_run(database, source_id), counts, None)
    database.close()
    result = cli("sources", "list", "--db", db_file)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 80 and "my-ministry-statements    listing" in result.stdout  # a table still
    for item in ("12 fetched", "3 added", "1 updated", "2 unchanged", "1 failed", "4 deferred"):
        assert any(item in line for line in lines), (item, result.stdout)


@pytest.mark.parametrize("command", ["speakers", "outlets"])
def test_an_empty_archive_is_not_blamed_on_filters(cli, db_file, command):
    """With no filters given, an archive without documents said "No documents match the filters."."""
    from briefarc.store.db import open_database

    open_database(db_file).close()
    result = cli(command, "--db", db_file)
    assert result.code == 0 and result.stderr == "The archive has no documents yet.\n", result
    filtered = cli(command, "--since", "2030", "--db", db_file)
    assert filtered.stderr == "The archive has no documents yet.\n"


def test_a_whole_number_option_says_what_it_takes(cli, db_file):
    """`outlets --top abc` said "'abc' is not a valid int range." (Click's words)."""
    result = cli("outlets", "--top", "abc", "--db", db_file)
    assert result.code == 2 and result.stderr.startswith("Error: --top takes a whole number, 0 or more, not 'abc'.\n")
    width = cli("kwic", "Taiwan", "--width", "wide", "--db", db_file)
    assert width.stderr.startswith("Error: --width takes a whole number, from 1 to 500, not 'wide'.\n")
    assert "Traceback" not in result.stderr + width.stderr
