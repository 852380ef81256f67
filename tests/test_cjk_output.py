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


def test_a_chinese_label_keeps_its_full_width_colon_before_digits_and_quotes(cli, db_file, tmp_path):
    """`答：3月2日，…` as the page writes it: show printed `答: 3月2日` (an ASCII colon and a space) when the answer
    opens with a digit or a quotation mark, and so did the Markdown export. An English label before such text keeps
    its ASCII colon."""
    from briefarc.models import Document, RawPage, Turn
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    turns = [Turn("问", "question", "“国际危机组织”发表报告，你有何评论？"),
             Turn("答", "answer", "3月2日，中方已经表明立场。"),
             Turn("Question", "question", "2020 was a hard year?"), Turn("Hua Chunying", "answer", "3 things matter.")]
    db = open_database(db_file)
    save_document(db, Document(title="外交部发言人答记者问", published="2019-03-04", kind="briefing", language="zh",
                               paragraphs=[f"{turn.speaker}{'：' if turn.speaker in '问答' else ': '}{turn.text}"
                                           for turn in turns], turns=turns),
                  RawPage(data="<html><body><p>答</p></body></html>".encode(), origin="/saved/qa.html"))
    db.conn.close()
    shown = cli("show", "1", "--db", db_file).stdout
    for line in ("问：“国际危机组织”", "答：3月2日，", "Question: 2020 was", "Hua Chunying: 3 things"):
        assert line in shown, line
    assert cli("export", "-f", "markdown", "-o", tmp_path / "md", "--db", db_file).code == 0
    text = next((tmp_path / "md").glob("*.md")).read_text("utf-8")
    for line in ("**问**：“国际危机组织”", "**答**：3月2日，", "**Question:** 2020 was", "**Hua Chunying:** 3 things"):
        assert line in text, line
