"""`fetch` on a real terminal at 80 columns: Ctrl-C typed while the live table shows leaves the screen clean."""

from __future__ import annotations

import os
import termios

import pytest

from tests import siteserver as ss
from tests.processes import wait_for
from tests.terminal import Terminal

BOX = set("│┃┏┓┗┛━─┳┻╇┡┩└┘┌┐")
NEVER = 3600.0  # a reply latency no run waits out


@pytest.mark.crash
def test_ctrl_c_during_fetch_clears_the_live_table(db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/p1", ss.Reply(ss.article("Briefing on trade", ["Trade and visas were discussed at length."] * 4)))
    site.route("/p2", ss.Reply(b"<html></html>", latency=NEVER))
    term = Terminal("fetch", site.url("/p1"), site.url("/p2"), "--delay", "0", "--workers", "0",
                    env={**os.environ, "BRIEFARC_DB": str(db_file)})
    wait_for(lambda: site.hits("/p2") or term.process.poll() is not None, "the page that never arrives asked for")
    wait_for(lambda: "┘".encode() in term.output[term.output.rfind(b"(urls)"):] or term.process.poll() is not None,
             "a whole frame of the live table drawn")
    assert term.process.poll() is None
    term.ctrl_c()
    code = term.finish()
    screen = term.screen()
    assert code == 130, screen
    assert [line for line in screen if line.strip()] == ["Interrupted."], screen  # no border, no ^C, no traceback
    assert not BOX & set("".join(screen))
    assert term.settings[3] & termios.ECHOCTL  # the terminal echoes ^C again once the fetch is over
