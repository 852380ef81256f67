"""Shared fixtures: a private data folder for every test, a CLI runner, sample paths."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Tests never touch the user's real archive."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFARC_HOME", str(home))
    monkeypatch.delenv("BRIEFARC_DB", raising=False)
    monkeypatch.delenv("BRIEFARC_TRACEBACK", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return home


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""

    def jsonl(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


class _Stdout(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


@pytest.fixture
def cli(monkeypatch):
    """Run briefarc in this process with fresh stdout/stderr/stdin; returns a Result."""
    from briefarc.cli import run
    from briefarc.output import console

    def invoke(*args: str, stdin: bytes = b"") -> Result:
        out_bytes = io.BytesIO()
        err_bytes = io.BytesIO()
        out = _Stdout(out_bytes, encoding="utf-8", write_through=True)
        err = _Stdout(err_bytes, encoding="utf-8", write_through=True)
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stderr", err)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        console.reset()
        try:
            code = run([str(a) for a in args])
        finally:
            out.flush()
            err.flush()
            monkeypatch.undo()
            console.reset()
        raw = out_bytes.getvalue()
        return Result(int(code), raw.decode("utf-8", "replace"), err_bytes.getvalue().decode("utf-8"), raw)

    return invoke


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "archive.db"
from tests.siteserver import site, sites  # noqa: E402,F401  (fixtures)
