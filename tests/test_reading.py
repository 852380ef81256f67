"""Reading a document: plain paragraphs, whole values, a pager on a terminal only (real processes, a real pty)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from tests.conftest import SAMPLES

BOX = set("│┃┏┓┗┛━─╭╮╰╯┌┐└┘")


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


def record_of(cli, archive, name: str) -> dict:
    for row in cli("list", "--db", archive, "--json", "--limit", "100").jsonl():
        full = cli("show", row["id"], "--db", archive, "--json").jsonl()[0]
        if full["origin"].endswith(name):
            return full
    raise AssertionError(name)


def run_show(archive, tmp_path, *args: str, terminal: bool, pager: str | None = None) -> tuple[str, int]:
    """`briefarc show` as its own process, its stdout a pty (a terminal) or a pipe; (what it printed, exit)."""
    env = {**os.environ, "COLUMNS": "80", "LINES": "24", "BRIEFARC_DB": str(archive)}
    env.pop("PAGER", None)
    if pager is not None:
        env["PAGER"] = pager
    command = [sys.executable, "-m", "briefarc", "show", *args]
    if not terminal:
        done = subprocess.run(command, env=env, cwd=tmp_path, capture_output=True, timeout=120)
        return done.stdout.decode(), done.returncode
    import pty

    main, child = pty.openpty()
    process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=child, stderr=subprocess.DEVNULL)
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal: it is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"), process.wait(timeout=120)


def test_show_pages_through_the_pager_on_a_terminal(cli, archive, tmp_path):
    record = record_of(cli, archive, "news-dawn-style.html")
    printed, code = run_show(archive, tmp_path, str(record["id"]), terminal=True, pager="cat > paged.txt")
    assert code == 0 and printed.strip() == ""  # all of it went to the pager
    paged = re.sub("\x1b\\[[0-9;]*m", "", (tmp_path / "paged.txt").read_text("utf-8"))  # colours for less -R
    lines = paged.splitlines()
    # a saved page of a known site's template that names another site keeps that address as a claim
    address = (f"URL           {record['canonical_url']}" if record["canonical_url"]
               else f"Claims to be  {record['claimed_url']}")
    assert f"SHA-256       {record['sha256']}" in lines and address in lines
    assert f"Origin        {record['origin']}" in lines and "…" not in paged and not BOX & set(paged)
    assert all(len(line) <= 80 for line in lines if not line.startswith(("URL", "Claims to be", "Origin", "SHA-256")))
    assert record["paragraphs"][0].split()[-1] in paged


def test_show_turns_pages_as_show_does(cli, archive, tmp_path):
    """`show ID --turns` printed straight through on a terminal, its first turns scrolled away (helper-75)."""
    record = record_of(cli, archive, "state-briefing.html")
    printed, code = run_show(archive, tmp_path, str(record["id"]), "--turns", terminal=True, pager="cat > paged.txt")
    paged = re.sub("\x1b\\[[0-9;]*m", "", (tmp_path / "paged.txt").read_text("utf-8"))
    assert code == 0 and printed.strip() == "" and f"{record['id']}#1" in paged
    (tmp_path / "paged.txt").unlink()
    printed, code = run_show(archive, tmp_path, str(record["id"]), "--turns", "--no-pager", terminal=True,
                             pager="cat > paged.txt")
    assert code == 0 and not (tmp_path / "paged.txt").exists() and f"{record['id']}#1" in printed


def test_no_pager_and_pipes_never_page(cli, archive, tmp_path):
    record = record_of(cli, archive, "news-dawn-style.html")
    printed, code = run_show(archive, tmp_path, str(record["id"]), "--no-pager", terminal=True,
                             pager="cat > paged.txt")
    assert code == 0 and not (tmp_path / "paged.txt").exists() and record["sha256"] in printed
    piped, code = run_show(archive, tmp_path, str(record["id"]), terminal=False, pager="cat > paged.txt")
    assert code == 0 and not (tmp_path / "paged.txt").exists()
    assert all(paragraph in piped.splitlines() for paragraph in record["paragraphs"])  # each on one line, whole


def test_speaker_labels_stay_on_the_line_of_their_text(cli, archive):
    record = record_of(cli, archive, "state-briefing.html")
    shown = cli("show", record["id"], "--db", archive)
    assert shown.code == 0 and not BOX & set(shown.stdout)
    lines = shown.stdout.splitlines()
    for turn in record["turns"]:
        if turn["speaker"]:
            assert f"{turn['speaker']}: {turn['text'].splitlines()[0]}" in lines


def test_show_at_80_columns_keeps_long_values_whole(cli, archive, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    record = record_of(cli, archive, "un-noon-briefing.html")
    shown = cli("show", record["id"], "--db", archive)
    assert f"Origin        {record['origin']}" in shown.stdout.splitlines()
    assert f"URL           {record['canonical_url']}" in shown.stdout.splitlines()
    assert "…" not in shown.stdout.replace(json.dumps("…")[1:-1], "")


def test_a_missing_pager_still_shows_the_text(cli, archive, tmp_path):
    record = record_of(cli, archive, "news-dawn-style.html")
    printed, code = run_show(archive, tmp_path, str(record["id"]), terminal=True, pager="no-such-pager-here")
    assert code == 0 and record["sha256"] in printed and record["paragraphs"][0][:40] in printed


def test_a_chinese_speaker_label_stays_on_the_line_of_its_text_at_80_columns(cli, archive):
    """On a terminal Rich wraps at spaces: after "赵立坚: " the unspaced Chinese paragraph went whole to the
    next line, leaving the label alone on its own. The label now ends in "：", as Chinese writes it."""
    from io import StringIO

    from rich.console import Console

    from briefarc.output.render import document_view

    record = record_of(cli, archive, "china-mfa-zh.html")
    turns = [turn for turn in record["turns"] if turn["speaker"] and len(turn["text"]) > 80]
    assert turns and all("\u4e00" <= turn["text"][0] <= "\u9fff" for turn in turns)
    console = Console(width=80, record=True, file=StringIO(), color_system=None)
    console.print(document_view(record))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    for turn in turns:
        label = f"{turn['speaker']}："
        assert any(line.startswith(label) and len(line) > len(label) for line in lines), label
        assert label not in lines and f"{turn['speaker']}:" not in lines


def test_show_gives_a_transcript_as_the_page_writes_it_with_its_labels_in_colour(cli, archive):
    """show printed a transcript turn by turn: the UN briefing's headings (**Sudan, **Climate) were gone and each
    paragraph of the spokesperson's opening got a "Stéphane Dujarric:" the page does not write (helper-75). The
    paragraphs are now the page's, and the labels it writes stand out in their role's colour."""
    from io import StringIO

    from rich.console import Console

    from briefarc.output.render import body_renderable

    record = record_of(cli, archive, "un-noon-briefing.html")
    assert len(record["turns"]) > 5
    shown = cli("show", str(record["id"]), "--db", archive).stdout.splitlines()  # a pipe: a line per paragraph
    assert all(paragraph in shown for paragraph in record["paragraphs"])
    assert "**Sudan" in shown and not [line for line in shown if line.startswith("Stéphane Dujarric:")]
    out = StringIO()
    Console(file=out, width=100, force_terminal=True, color_system="standard").print(body_renderable(record))
    coloured = out.getvalue()
    assert "\x1b[1;35mQuestion:" in coloured and "\x1b[1;32mSpokesperson:" in coloured  # magenta and green
