"""What every command has in common: exit codes, --version, completion, examples in help, choices in any
case, the same CSV column order, --json help that says what it prints."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES


def commands() -> list[list[str]]:
    from briefarc.cli import app

    found = [[c.name or c.callback.__name__] for c in app.registered_commands]
    for group in app.registered_groups:
        found.append([group.name])
        found += [[group.name, c.name] for c in group.typer_instance.registered_commands]
    return found


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


def test_exit_1_when_every_input_failed_and_3_when_some_went_through(cli, db_file, tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    for command in ("ingest", "parse"):
        only_bad = cli(command, empty, *(["--db", db_file] if command == "ingest" else []))
        assert only_bad.code == 1 and "empty.html" in only_bad.stderr, command
        mixed = cli(command, empty, SAMPLES / "govuk-statement.html", *(["--db", db_file] if command == "ingest"
                                                                          else []))
        assert mixed.code == 3, command


def test_version(cli):
    from importlib.metadata import version

    result = cli("--version")
    assert result.code == 0 and result.stdout.strip() == f"briefarc {version('briefarc')}"


def test_install_completion_for_bash_completes_commands_and_options(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "SHELL": "/bin/bash",
           "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    # Typer finds the shell among the command's parent processes: bash must stay one of them. A lone command
    # is exec'd by `bash -c` in bash's place, and its parents are then the test runner's (no shell at all when the
    # suite runs detached: "Shell None is not supported").
    installed = subprocess.run(["bash", "-c", f"'{sys.executable}' -m briefarc --install-completion; exit $?"],
                               env=env, capture_output=True, text=True, timeout=120)
    assert installed.returncode == 0, installed.stderr
    script = home / ".bash_completions" / "briefarc.sh"
    assert f"source '{script}'" in (home / ".bashrc").read_text()
    probe = (f"source '{script}'; COMP_WORDS=(briefarc sea); COMP_CWORD=1; _briefarc_completion briefarc; "
             'echo "${COMPREPLY[@]}"; COMP_WORDS=(briefarc list --ki); COMP_CWORD=2; '
             '_briefarc_completion briefarc; echo "${COMPREPLY[@]}"')
    completed = subprocess.run(["bash", "-c", probe], env=env, capture_output=True, text=True, timeout=120)
    assert completed.stdout.split("\n")[:2] == ["search", "--kind"], completed.stderr


def test_every_help_has_an_example(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    for command in [[], *commands()]:
        shown = cli(*command, "--help")
        assert shown.code == 0, command
        example = re.search(r"^  Example: briefarc (.+)$", shown.stdout, re.MULTILINE)
        assert example, command
        assert not command or example.group(1).startswith(command[0]), command
        assert len(example.group(0)) <= 80, command  # the example is printed as is: wider, a terminal breaks it


def test_every_json_option_says_what_it_prints(cli):
    for command in commands():
        shown = " ".join(cli(*command, "--help").stdout.split())
        if "--json" in shown:
            described = shown.split("--json", 1)[1]
            assert re.match(r" (JSON on stdout instead of text: one line|JSON Lines on stdout: one object"
                            r"|Print the summary as one line of JSON|The report as one line of JSON)", described), \
                command


@pytest.mark.parametrize("args", [
    ["list", "--kind", "News"], ["list", "--kind", "PRESS-RELEASE"], ["list", "--sort", "Date"],
    ["search", "Kabul", "--sort", "DATE"], ["export", "-f", "JSONL"], ["export", "--format", "Csv"],
    ["cite", "11", "-f", "BibTeX"],
])
def test_choices_in_any_case(cli, archive, args):
    result = cli(*args, "--db", archive)
    assert result.code == 0 and result.stdout, result.stderr


def test_csv_columns_come_in_one_order_in_every_command(cli, archive):
    headers = [next(csv.reader(io.StringIO(cli(*args, "--db", archive, "--csv" if args[0] != "export" else "-f",
                                               *(["csv"] if args[0] == "export" else [])).stdout)))
               for args in (["search", "Kabul"], ["list"], ["export"])]
    for one in headers:
        for other in headers:
            shared = [column for column in one if column in other]
            assert shared == [column for column in other if column in one]
    assert {"id", "published", "source", "kind", "language", "spokesperson", "title", "url"} <= set(headers[2])


def test_columns_set_to_zero_still_shows_output_and_errors(cli, monkeypatch):
    """COLUMNS=0 means "not set" (as for Python's own terminal size): Rich, handed 0 columns, printed nothing,
    so an error came out as a bare exit status and parse showed nothing."""
    monkeypatch.setenv("COLUMNS", "0")
    failed = cli("list", "--since", "bad")
    assert failed.code == 2 and "Error: --since takes a date" in failed.stderr
    parsed = cli("parse", SAMPLES / "listing-china-mfa.html")
    assert parsed.code == 0 and "10 links to articles" in parsed.stdout


def test_a_usage_error_points_to_the_help_of_the_command_typed(cli, db_file):
    """`search Taiwan --db` ended "Try 'briefarc --help'"; `list Taiwan` said only "unexpected extra argument"."""
    missing = cli("search", "Taiwan", "--db")
    assert missing.code == 2 and missing.stderr.splitlines()[-1] == "Try 'briefarc search --help' for help."
    grouped = cli("sources", "add", "--db")
    assert grouped.stderr.splitlines()[-1] == "Try 'briefarc sources add --help' for help."
    listed = cli("list", "Taiwan", "--db", db_file)
    assert listed.code == 2 and "`briefarc search WORDS` searches" in listed.stderr.splitlines()[0]


def test_a_language_name_for_lang_is_a_usage_error_that_gives_the_code(cli, db_file):
    """`--lang english` matched nothing, exit 0: the archive keeps codes."""
    for command in (["search", "Taiwan"], ["list"], ["trend", "Taiwan"]):
        result = cli(*command, "--lang", "English", "--db", db_file)
        assert result.code == 2 and result.stderr == "Error: --lang takes a language code, not 'English': --lang en.\n"
    assert "--lang en or --lang zh" in cli("list", "--lang", "klingon", "--db", db_file).stderr


def test_three_letter_codes_and_locale_spellings_for_lang(cli, db_file):
    """`--lang eng` and `--lang zh_CN` passed the check and matched nothing: the archive keeps en and zh-CN."""
    from tests.conftest import SAMPLES

    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    for given, code in (("eng", "en"), ("ENG", "en"), ("zho", "zh"), ("zh_CN", "zh-CN")):
        got = cli("list", "--lang", given, "--limit", "100", "--json", "--db", db_file).jsonl()
        assert got and got == cli("list", "--lang", code, "--limit", "100", "--json", "--db", db_file).jsonl(), given
