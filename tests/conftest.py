"""Shared fixtures: a private data folder for every test, a CLI runner, sample paths."""

from __future__ import annotations

import io
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"
REQUIRE_SHARED = "BRIEFARC_REQUIRE_SHARED"  # set by .ci/run: a missing ../shared fails instead of skipping

# The same examples on every run: a fuzz test fails for a change in the code, never for a new draw. Nor for the
# machine's load: no deadline per example (200 ms by default) and no health check of how slowly examples are made,
# the two timers hypothesis keeps; speed is the benches' business (bench/), never a unit test's.
settings.register_profile("briefarc", derandomize=True, database=None, print_blob=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("briefarc")


def needs_shared(path: Path) -> None:
    """Skip the calling test when `path` (in ../shared) is missing; in CI ($BRIEFARC_REQUIRE_SHARED), fail."""
    if path.exists():
        return
    where = path.relative_to(ROOT.parent) if path.is_relative_to(ROOT.parent) else path
    if os.environ.get(REQUIRE_SHARED):
        pytest.fail(f"../{where} is missing, and ${REQUIRE_SHARED} says it must be here")
    pytest.skip(f"../{where} is not here")


def environment_of(home: Path) -> dict[str, str | None]:
    """What the autouse fixture sets: the values every test runs with, whatever the user's shell holds."""
    return {"BRIEFARC_HOME": str(home), "BRIEFARC_DB": None, "BRIEFARC_TRACEBACK": None, "COLUMNS": "200"}


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory, monkeypatch):
    """Tests never touch the user's real archive, and run with the same settings whatever the shell holds."""
    home = tmp_path_factory.mktemp("home")
    for name, value in environment_of(home).items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
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
def cli(private_home):
    """Run briefarc in this process with fresh stdout/stderr/stdin; returns a Result.

    Only the streams are swapped, and put back after each run: the environment of `private_home` stays."""
    from briefarc.cli import run
    from briefarc.output import console

    def invoke(*args: str, stdin: bytes = b"") -> Result:
        out_bytes = io.BytesIO()
        err_bytes = io.BytesIO()
        out = _Stdout(out_bytes, encoding="utf-8", write_through=True)
        err = _Stdout(err_bytes, encoding="utf-8", write_through=True)
        before = {name: os.environ.get(name) for name in environment_of(private_home)}
        with pytest.MonkeyPatch.context() as streams:
            streams.setattr(sys, "stdout", out)
            streams.setattr(sys, "stderr", err)
            streams.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
            console.reset()
            try:
                code = run([str(a) for a in args])
            finally:
                out.flush()
                err.flush()
        console.reset()
        after = {name: os.environ.get(name) for name in before}
        assert after == before, "running the CLI changed the test's environment"
        raw = out_bytes.getvalue()
        return Result(int(code), raw.decode("utf-8", "replace"), err_bytes.getvalue().decode("utf-8"), raw)

    return invoke


@pytest.fixture
def db_file(tmp_path) -> Path:
    return tmp_path / "archive.db"
from tests.analysis_archives import real_db, sample_db, sources_db  # noqa: E402,F401  (fixtures)
from tests.siteserver import site, sites  # noqa: E402,F401  (fixtures)
