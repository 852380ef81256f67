"""Hostile sites and hostile saved files, third round: each test here failed before its fix.

Real servers on 127.0.0.1 (tests/siteserver.py), real archives in tmp_path."""

from __future__ import annotations

import subprocess
import sys


def test_robots_wildcards_never_backtrack_on_a_long_path():
    """`Disallow: /*a*a*...*b` against a path of many a's held a regular expression for ever."""
    script = (
        "from briefarc.net.robots import parse\n"
        "rules = parse(b'User-agent: *\\nDisallow: /*a' + b'*a' * 30 + b'*b\\nDisallow: /x*y$\\n', 'briefarc')\n"
        "assert rules.allows('http://site/' + 'a' * 400)\n"
        "assert not rules.allows('http://site/' + 'a' * 40 + 'b')\n"
        "assert not rules.allows('http://site/x/yy') and rules.allows('http://site/x/y/z')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], timeout=120, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
