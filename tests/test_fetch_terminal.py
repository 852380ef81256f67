"""`fetch` on a real terminal at 80 columns: Ctrl-C typed while the live table shows leaves the screen clean."""

from __future__ import annotations

import os
import re
import termios

import pytest

from tests import siteserver as ss
from tests.processes import wait_for
from tests.terminal import Terminal

BOX = set("│┃┏┓┗┛━─┳┻╇┡┩└┘┌┐")
NEVER = 3600.0  # a reply latency no run waits out
FULL = 41  # the live table's width in the Ctrl-C test
# The ingest bar's width: "Ingesting", a bar of 40 cells, " 40/300" and the time left ("0:00:03").
BAR = len("Ingesting") + 1 + 40 + 1 + len("300/300") + 1 + len("0:00:03")


@pytest.mark.crash
def test_ctrl_c_during_fetch_clears_the_live_table(db_file, site):
    site.route("/robots.txt", ss.robots())
    site.route("/p1", ss.Reply(ss.article("Briefing on trade", ["Trade and visas were discussed at length."] * 4)))
    site.route("/p2", ss.Reply(b"<html></html>", latency=NEVER))
    # The table then has four columns (source, discovered, fetched, added) and is 41 cells wide: on a
    # terminal of that width its last line fills it, where an echoed ^C would wrap to the next line.
    term = Terminal("fetch", site.url("/p1"), site.url("/p2"), "--delay", "0", "--workers", "0",
                    env={**os.environ, "BRIEFARC_DB": str(db_file)}, columns=FULL)
    wait_for(lambda: site.hits("/p2") or term.process.poll() is not None, "the page that never arrives asked for")
    wait_for(lambda: term.process.poll() is not None or (
        0 <= term.output.rfind(b"added") < term.output.rfind(b"(urls)")
        and "┘".encode() in term.output[term.output.rfind(b"(urls)"):]), "a whole frame with the page added drawn")
    assert term.process.poll() is None
    last = bytes(term.output[term.output.rfind("└".encode()):]).decode().split("\r")[0]
    assert len(last) == FULL, last  # the case to test: the display's last line fills the terminal
    term.ctrl_c()
    code = term.finish()
    screen = term.screen()
    assert code == 130, screen
    # no border, no ^C, no traceback; what was saved (the page that came) and what to do next
    assert [line for line in screen if line.strip()] == ["Interrupted: 1 saved, rerun to continue."], screen
    assert not BOX & set("".join(screen))
    assert term.settings[3] & termios.ECHOCTL  # the terminal echoes ^C again once the fetch is over


@pytest.mark.crash
def test_ctrl_c_during_a_long_ingest_clears_its_progress_bar(db_file, tmp_path):
    from tests.processes import stored_documents
    from tests.test_crash import PAGES, page

    folder = tmp_path / "pages"
    folder.mkdir()
    for index in range(PAGES):
        name, data = page(index, seed=11)
        (folder / name).write_bytes(data)
    # On a terminal as wide as the bar, an echoed ^C wraps to the next line and the bar's erasing misses
    # the bar (fetch's table is another display, set up in another place).
    term = Terminal("ingest", str(folder), env={**os.environ, "BRIEFARC_DB": str(db_file)}, columns=BAR)
    wait_for(lambda: stored_documents(db_file) >= 40 or term.process.poll() is not None, "40 documents stored")
    term.wait_for_output("Ingesting")  # the bar is up
    assert term.process.poll() is None
    frames = re.findall(rb"Ingesting[^\r]*?[-\d]:[-\d]{2}:[-\d]{2}", bytes(term.output))  # whole ones
    last = re.sub(r"\x1b\[[0-9;]*m", "", frames[-1].decode())
    assert len(last) == BAR, last  # the case to test: the bar fills the terminal
    term.ctrl_c()
    code = term.finish()
    screen = term.screen()
    assert code == 130, screen
    saved = f"Interrupted: {stored_documents(db_file)} saved, rerun to continue."
    assert [line for line in screen if line.strip()] == [saved], screen
