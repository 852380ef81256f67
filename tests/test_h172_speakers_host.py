"""speakers keeps a host name whole where its column has room: news.xinhua.example was broken after "xinhua." in a
column of 62 cells (at 200 columns and into a pipe), cut for a 16-cell column before the table was measured."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tests.analysis_archives import build
from tests.conftest import SAMPLES

HOST = "news.xinhua.example"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Xinhua's sample (a host, no site name) beside China MFA's two (its long name), filed under no source."""
    pages = [SAMPLES / name for name in ("cn-news-zh.html", "china-mfa-en-new.html", "china-mfa-zh.html")]
    return build(tmp_path_factory.mktemp("speakers") / "a.db", {None: pages})


def source_cells(stdout: str) -> list[str]:
    return [line.split("│")[1] for line in stdout.splitlines() if line.startswith("│")]


@pytest.mark.parametrize("columns", [None, "200", "80"])
def test_a_host_is_whole_in_a_column_with_room_for_it(cli, archive, monkeypatch, columns):
    if columns:
        monkeypatch.setenv("COLUMNS", columns)
    else:  # into a pipe, as wide as the table needs
        monkeypatch.delenv("COLUMNS")
    assert HOST in {row["source"] for row in cli("speakers", "--db", archive, "--json").jsonl()}
    result = cli("speakers", "--db", archive)
    cells = source_cells(result.stdout)
    assert result.code == 0 and cells and cell_len(cells[0]) >= len(HOST)  # the column has room for it...
    assert HOST in [cell.strip() for cell in cells]  # ...and it is on one line
    assert all(line.rstrip() != "news.xinhua." for line in cells)


def test_a_host_wider_than_its_column_wraps_after_a_dot():
    from rich.console import Console
    from rich.table import Table

    from briefarc.output.wrap import Host

    console = Console(width=40, record=True, color_system=None)
    for width, lines in ((12, ["news.xinhua.", "example"]), (8, ["news.", "xinhua.", "example"]),
                         (19, [HOST])):
        table = Table.grid()
        table.add_column(max_width=width)
        table.add_row(Host(HOST))
        with console.capture() as captured:
            console.print(table)
        assert [line.rstrip() for line in captured.get().splitlines()] == lines
