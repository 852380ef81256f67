"""speakers puts a China MFA spokesperson's Chinese name above the English one, as README shows (耿爽, then Geng
Shuang): on a tie (林剑 and Lin Jian, one briefing each) the English came first, the keys compared by code point."""

from __future__ import annotations

import pytest


def archive(db_file, names: list[str]) -> None:
    from briefarc.models import Document, RawPage
    from briefarc.store.db import open_database
    from briefarc.store.documents import save_document

    db = open_database(db_file)
    for number, name in enumerate(names, start=1):
        page = f"<html><body><h1>Briefing {number}</h1><p>Remarks {number}.</p></body></html>".encode()
        document = Document(title=f"Briefing {number}", published=f"2025-03-{number:02d}", kind="briefing",
                            language="en" if name.isascii() else "zh", spokesperson=name,
                            paragraphs=[f"Remarks {number}."])
        save_document(db, document, RawPage(data=page, origin=f"/saved/{number}.html"))
    db.conn.close()


@pytest.mark.parametrize(("names", "expected"), [
    (["Lin Jian", "林剑"], [("林剑", 1), ("Lin Jian", 1)]),  # a tie
    (["Mao Ning", "Mao Ning", "毛宁", "Lin Jian", "林剑", "林剑", "林剑"],  # more English, more Chinese
     [("林剑", 3), ("Lin Jian", 1), ("毛宁", 1), ("Mao Ning", 2)]),
])
def test_the_chinese_name_comes_first(cli, db_file, names, expected):
    archive(db_file, names)
    rows = cli("speakers", "--json", "--db", db_file).jsonl()
    assert [(row["spokesperson"], row["documents"]) for row in rows] == expected, rows
    table = [line.split("│")[2].strip() for line in cli("speakers", "--db", db_file).stdout.splitlines()
             if line.startswith("│")]
    assert table == [name for name, _ in expected]
