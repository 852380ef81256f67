"""Light commands load no heavy module: a rule checked in a fresh process, not a timer.

Each command runs in its own Python process (so nothing an earlier test imported counts), then the
process lists the modules it loaded. A module on the heavy list for that command fails the test:
Rich for output scripts read, the HTTP stack (the client's modules), WARC, the extractor, sqlite-utils, pydantic, the
Chinese dictionary (rjieba: only collocates, keywords and outlets count Chinese words) and
the standalone click (Typer carries its own).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES

# The HTTP client's modules (net/missing.py and net/mediatypes.py are plain data the extractor shares).
HTTP_CLIENT = tuple(f"briefarc.net.{name}" for name in ("fetch", "robots", "throttle", "addresses", "failures",
                                                         "inflate"))
ALWAYS_HEAVY = ("pydantic", "httpx", "httpcore", "warcio", "sqlite_utils", "click", "lxml", "rjieba", *HTTP_CLIENT)
NO_EXTRACTOR = ("selectolax", "briefarc.extract")
NO_RICH = ("rich",)
NO_HASHING = ("hashlib", "_hashlib")  # OpenSSL: only a command that stores or cites a page hashes

PROBE = """
import json, sys
from briefarc.cli import run
code = run(sys.argv[1:])
json.dump({"code": int(code), "modules": sorted(sys.modules)}, sys.stderr)
"""


def loaded_modules(args: list[str], db) -> list[str]:
    env = {**os.environ, "BRIEFARC_DB": str(db)}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env)
    report = json.loads(done.stderr[done.stderr.index('{"code"'):])
    assert report["code"] == 0, done.stderr
    return report["modules"]


def heavy_among(modules: list[str], heavy: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in heavy)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db = tmp_path_factory.mktemp("startup") / "archive.db"
    env = {**os.environ, "BRIEFARC_DB": str(db)}
    subprocess.run([sys.executable, "-m", "briefarc", "ingest", str(SAMPLES / "china-mfa-en-new.html")],
                   check=True, capture_output=True, env=env)
    return db


@pytest.mark.parametrize("args", [
    ["--help"],
    ["search", "Spokesperson", "--json"],
    ["list", "--json"],
    ["show", "1", "--json"],
    ["search", "Spokesperson", "--csv"],
])
def test_commands_for_scripts_load_no_heavy_module(archive, args):
    assert heavy_among(loaded_modules(args, archive), ALWAYS_HEAVY + NO_EXTRACTOR + NO_RICH + NO_HASHING) == []


def test_help_loads_nothing_of_the_archive(archive):
    """--help only describes the commands: the store (sqlite3, the search layer) and the records stay unloaded
    (a command module that imported them for a type or a default made every start pay for them)."""
    heavy = ("sqlite3", "dataclasses", "briefarc.store", "briefarc.models")
    assert heavy_among(loaded_modules(["--help"], archive), heavy) == []


def test_the_top_level_help_is_the_full_apps_without_reading_every_commands_parameters(cli, monkeypatch):
    """`briefarc --help` lists the commands from a copy of the app whose commands take no parameters
    (cli/helponly.py): the same text as the full app's, with only the root's options read."""
    import contextlib
    import io

    import typer.main

    from briefarc.cli import app, load_commands

    load_commands()
    full = io.StringIO()
    with contextlib.redirect_stdout(full), contextlib.suppress(SystemExit):
        app(args=["--help"], prog_name="briefarc", standalone_mode=False)
    read: list[str] = []
    original = typer.main.get_params_from_function

    def counted(function):
        params = original(function)
        read.extend(params)
        return params

    monkeypatch.setattr(typer.main, "get_params_from_function", counted)
    for args in (["--help"], ["-h"], []):
        read.clear()
        result = cli(*args)
        assert result.code == 0 and result.stdout == full.getvalue(), args
        assert "version" in read and not {"db", "limit", "query", "json_"} & set(read), (args, read)
    read.clear()
    assert cli("sources", "--help").code == 0 and "db" in read  # a group's own help is read in full


def test_show_loads_no_analysis_or_search_layer(archive):
    """show reads one document: the turn analysis and the search layer (25 ms of imports) are for other commands."""
    modules = loaded_modules(["show", "1", "--json"], archive)
    assert heavy_among(modules, ("briefarc.analysis", "briefarc.store.search")) == []


def test_a_table_search_loads_rich_but_not_the_extractor_or_the_network(archive):
    modules = loaded_modules(["search", "Spokesperson"], archive)
    assert "rich.table" in modules  # the table is drawn: the probe sees what the command really loads
    assert heavy_among(modules, ALWAYS_HEAVY + NO_EXTRACTOR) == []


def test_parse_json_loads_the_extractor_only(archive):
    modules = loaded_modules(["parse", str(SAMPLES / "china-mfa-en-new.html"), "--json"], archive)
    assert "briefarc.extract.core" in modules
    assert heavy_among(modules, ALWAYS_HEAVY + NO_RICH) == []


def test_parse_of_a_page_that_declares_its_language_loads_no_language_detector(archive):
    """CLD2 (7 ms of imports) is loaded only to guess the language of a page that does not say it."""
    modules = loaded_modules(["parse", str(SAMPLES / "mofa-briefing-transcript.html"), "--json"], archive)
    assert "briefarc.extract.language" in modules and heavy_among(modules, ("pycld2",)) == []


def test_the_command_table_names_every_command():
    from briefarc.cli import COMMAND_MODULES, app, load_commands

    load_commands()
    names = {command.name or command.callback.__name__ for command in app.registered_commands}
    names |= {group.name for group in app.registered_groups}
    assert names == set(COMMAND_MODULES)
    for name, module in COMMAND_MODULES.items():
        registered = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
        owner = registered[0].callback.__module__ if registered else f"briefarc.cli.{module}"
        assert owner == f"briefarc.cli.{module}", name


def test_ingest_of_saved_pages_loads_no_http_client_warc_reader_or_numpy(tmp_path):
    """sqlite-utils (0.1 s) is not needed to make an archive and save pages (store/schema.py, store.db.Archive);
    a folder of pages needs neither the WARC reader nor the HTTP client."""
    modules = loaded_modules(["ingest", str(SAMPLES / "china-mfa-en-new.html")], tmp_path / "new.db")
    assert "briefarc.store.documents" in modules and "briefarc.extract.core" in modules  # the probe sees the work
    assert heavy_among(modules, ("httpx", "httpcore", "warcio", "numpy", "pandas", "importlib.metadata",
                                 "sqlite_utils", *HTTP_CLIENT)) == []  # a new archive needs no sqlite-utils either


def test_the_help_lists_archiving_and_reading_before_the_corpus_commands(cli):
    """The modules were loaded in alphabetical order, and `briefarc --help` began with outlets, speakers and kwic,
    ingest and search after them: a new user read the corpus commands first. In the table's order whichever command
    module a program imported first (here the corpus commands')."""
    import briefarc.cli.analysis  # noqa: F401 - registers its commands first

    listed = [line.split()[0] for line in cli("--help").stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed.index("ingest") < listed.index("search") < listed.index("fetch") < listed.index("outlets")
    assert listed[:2] == ["parse", "ingest"] and listed.index("history") < listed.index("kwic")
