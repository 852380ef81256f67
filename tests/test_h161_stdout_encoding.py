"""Standard output in an encoding that lacks the archive's characters (cp1252: Windows' default for a file;
Latin-1 locales): they are written as \\uXXXX escapes, never a UnicodeEncodeError traceback, and --json stays
valid JSON that reads back as the exact text."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

TITLE = "2025年3月12日外交部发言人毛宁主持例行记者会 🌏"  # 🌏 is beyond U+FFFF: a surrogate pair in JSON
PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{TITLE}</title><meta name="date" content="2025-03-12"></head>
<body><article><h1>{TITLE}</h1>
<p>2025年3月12日，外交部发言人毛宁主持例行记者会。</p>
<p>问：台湾地区领导人昨天发表讲话，中方对此有何回应？</p>
<p>答：台湾是中国领土不可分割的一部分。我们坚决反对任何形式的“台独”分裂活动，这一立场是明确的、一贯的。</p>
<p>问：据报道，欧洲多国外长本周将举行会议讨论贸易问题，中方如何看待？</p>
<p>答：中方一贯主张通过对话协商解决分歧，希望有关各方为两国合作创造良好条件。café</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cp1252")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    db = folder / "a.db"
    assert run(db, "utf-8", "ingest", str(folder / "page.html")).returncode == 0
    return db


def run(db, encoding: str, *args: str, columns: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "BRIEFARC_DB": str(db), "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-m", "briefarc", *args], env=env, capture_output=True, timeout=120)


@pytest.mark.parametrize("args", [["search", "台湾"], ["show", "1"], ["kwic", "台湾"], ["speakers"], ["cite", "1"],
                                  ["list"]])
def test_text_output_escapes_what_cp1252_lacks(archive, args):
    done = run(archive, "cp1252", *args)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("cp1252")
    assert "\\u" in text and "Traceback" not in text
    assert all(char not in text for char in "┏━│")  # tables drawn with ASCII lines, as Rich does for such a stream


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_json_stays_valid_and_exact(archive, encoding):
    for args in (["search", "台湾", "--json"], ["show", "1", "--json"], ["kwic", "台湾", "--json"]):
        done = run(archive, encoding, *args)
        assert done.returncode == 0 and done.stderr == b"", done.stderr.decode("utf-8", "replace")
        records = [json.loads(line) for line in done.stdout.decode(encoding).splitlines()]
        assert records and all(isinstance(record, dict) for record in records)
    assert json.loads(run(archive, encoding, "show", "1", "--json").stdout.decode(encoding))["title"] == TITLE
    cited = run(archive, encoding, "cite", "1", "--format", "csl-json")
    assert json.loads(cited.stdout.decode(encoding))[0]["title"] == TITLE


def test_csv_is_written_whole(archive):
    done = run(archive, "cp1252", "search", "台湾", "--csv")
    assert done.returncode == 0 and done.stderr == b""
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("cp1252"))))
    assert [row["id"] for row in rows] == ["1"]
    assert rows[0]["title"].encode("ascii").decode("unicode_escape").encode("utf-16", "surrogatepass").decode(
        "utf-16") == TITLE


@pytest.mark.parametrize("args", [["search", "台湾"], ["list"], ["speakers"]])
def test_tables_stay_aligned_with_the_escapes(archive, args):
    """The escapes are measured as the table's cells (before, a cell was measured on the characters it stood for,
    and each escaped row ran past the table's right edge)."""
    done = run(archive, "cp1252", *args, columns=80)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    lines = [line for line in done.stdout.decode("cp1252").splitlines() if line[:1] in "|+"]
    assert lines and any("\\u" in line for line in lines)
    assert {len(line) for line in lines} == {len(lines[0])}, "\n".join(lines)
