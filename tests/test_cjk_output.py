"""Chinese in the terminal and in exports: whole titles and snippets at 80 columns, whole-word highlights,
file names that keep the title (the bundled samples, a real database, the CLI)."""

from __future__ import annotations

import pytest

from tests.conftest import SAMPLES


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


def table_cells(table: str) -> dict[int, list[str]]:
    """The cells of a Rich table by row id: each column's pieces joined (Chinese wraps without spaces)."""
    rows: dict[int, list[list[str]]] = {}
    current = None
    for line in table.splitlines():
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if cells[0]:
            current = int(cells[0])
            rows[current] = [[] for _ in cells]
        for column, cell in enumerate(cells):
            if cell and current is not None:
                rows[current][column].append(cell)
    return {key: ["".join(pieces) for pieces in columns] for key, columns in rows.items()}


def test_chinese_titles_and_snippets_are_whole_at_80_columns(cli, archive, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    hits = {row["id"]: row for row in cli("search", "外交部", "--db", archive, "--json").jsonl()}
    table = cli("search", "外交部", "--db", archive)
    assert table.code == 0 and max(len(line) for line in table.stdout.splitlines()) <= 80
    cells = table_cells(table.stdout)
    assert set(cells) == set(hits) and len(hits) >= 3
    for doc_id, (_, _, _, title, snippet) in cells.items():
        assert title == hits[doc_id]["title"].replace(" ", "")  # every character, none cut with …
        assert snippet.replace(" ", "") == hits[doc_id]["snippet"].replace(" ", "").replace("\n", "")
        assert len(hits[doc_id]["snippet"].replace(" ", "")) >= 20  # 24 characters, as English gets 24 words


@pytest.mark.parametrize(("words", "marked"), [(["外交部"], "外交部"), (["外交部", "发言人"], "外交部发言人"),
                                               (["记者会"], "记者会")])
def test_highlights_mark_whole_chinese_words(cli, archive, words, marked):
    rows = cli("search", *words, "--db", archive, "--json").jsonl()
    spans = [{row["snippet"][start:end] for start, end in row["highlights"]} for row in rows]
    assert all(found <= {marked} for found in spans), spans  # never a lone character (外 of 外交部)
    assert spans.count({marked}) >= 1


def test_markdown_file_names_keep_chinese_titles(cli, archive, tmp_path):
    assert cli("export", "-f", "markdown", "-o", tmp_path / "md", "--lang", "zh", "--db", archive).code == 0
    names = sorted(path.name for path in (tmp_path / "md").iterdir())
    titles = [row["title"] for row in cli("list", "--lang", "zh", "--db", archive, "--json").jsonl()]
    for title in titles:
        assert any(title.replace("：", "-").replace(" ", "-") in name or title in name for name in names), title
    assert "2019-05-15-2019年5月15日外交部发言人陆慷主持例行记者会-4.md" in names


def test_markdown_turns_of_a_chinese_transcript_keep_the_full_width_colon(cli, archive, tmp_path):
    """`问：` as the page writes it and `show` prints it, not `**问:**` with an ASCII colon; the colon stands outside
    the bold, where CommonMark closes it before a Chinese character."""
    assert cli("export", "-f", "markdown", "-o", tmp_path / "md", "--lang", "zh", "--db", archive).code == 0
    text = (tmp_path / "md" / "2019-05-15-2019年5月15日外交部发言人陆慷主持例行记者会-4.md").read_text("utf-8")
    shown = cli("show", "4", "--db", archive).stdout
    assert "**问**：" in text and "**问:**" not in text and "问：" in shown
