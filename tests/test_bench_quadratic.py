"""bench/quadratic.patch, which `bench/revision.py --quadratic` applies to a copy of src/, must still apply to
this tree and give what this tree gives: it had gone stale (its hunks no longer matched) without anything saying so."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PATCH = ROOT / "bench" / "quadratic.patch"
# A transcript of several paragraphs a turn (gather_turns), nested blocks in divs and cells (find_voters), links
# around some of them (content.Page's votes).
PAGE = ("<html><head><title>Regular Press Conference</title></head><body><div><div><table><tr><td>"
        + "".join(f"<p>Q: Question {n} about the talks and the visit next week?</p>"
                  f"<p>A: The answer {n} in a first paragraph that says a good deal about the talks.</p>"
                  f"<p>A second paragraph of answer {n}, which goes on about the visit.</p>" for n in range(6))
        + '</td></tr></table><div><a href="/x"><div><p>A linked block that does not vote.</p></div></a></div>'
        + "</div></div></body></html>")
EXTRACT = ("import json, sys; from briefarc.extract.core import extract; import briefarc; "
           "d = extract(sys.stdin.buffer.read()); "
           "print(json.dumps([briefarc.__file__, d.body, [(t.role, t.speaker, t.text) for t in d.turns]]))")


def extracted(src: Path) -> list:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", EXTRACT], input=PAGE.encode(), capture_output=True, env=env,
                          check=True)
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("git") is None, reason="git applies the patch, as bench/revision.py does")
def test_the_quadratic_patch_applies_to_this_tree_and_changes_no_output(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    applied = subprocess.run(["git", "apply", "-p1", str(PATCH)], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    ours, theirs = extracted(ROOT / "src"), extracted(tmp_path / "src")
    assert theirs[0].startswith(str(tmp_path)) and ours[0].startswith(str(ROOT / "src"))
    assert len(ours[2]) >= 12 and ours[1:] == theirs[1:]
