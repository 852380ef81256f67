"""`search --in answers` at 80 columns: a speaker's long word and a long site name whole (the README: names whole at
any width, the text gives way). SENIOR ADMINISTRATION OFFICIAL THREE folded as ADMINISTR / ATION, and the China MFA's
name was cut as "Ministry of Foreign Affairs of…"."""

from __future__ import annotations

from rich.console import Console

from briefarc.output.analysis import turns_table

TEXT = ("On the very last part of that question regarding visas, the options for visa application are defined in "
        "statute, and each post is different; we do have an expedite channel for those who need one. ") * 2


def drawn(turns: list[dict], width: int = 80) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(turns_table(turns))
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_a_speakers_long_word_and_a_long_site_name_stay_whole_at_80_columns():
    lines = drawn([
        {"id": 292, "turn": 15, "date": "2022-03-15", "role": "answer", "site": "United States Department of State",
         "speaker": "SENIOR ADMINISTRATION OFFICIAL THREE", "text": TEXT},
        {"id": 148, "turn": 2, "date": "2019-04-29", "role": "answer",
         "site": "Ministry of Foreign Affairs of the People's Republic of China", "speaker": "Geng Shuang",
         "text": TEXT}])
    assert max(len(line) for line in lines) <= 80
    assert any("ADMINISTRATION" in line for line in lines), lines
    cells = " ".join(line.split("│")[3].strip() for line in lines if line.count("│") > 3)
    assert "People's Republic of China" in " ".join(cells.split()) and "…" not in cells, cells


def test_the_text_column_still_has_room():
    lines = drawn([{"id": 1, "turn": 1, "date": "2022-03-15", "role": "answer", "site": "GOV.UK",
                    "speaker": "SENIOR ADMINISTRATION OFFICIAL", "text": TEXT}])
    text_cells = [line.split("│")[6] for line in lines if line.count("│") > 6]
    assert min(len(cell) for cell in text_cells) >= 12, lines
