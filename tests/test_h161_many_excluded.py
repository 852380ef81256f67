"""Hundreds of words left out of a search (`Taiwan -w0 ... -w599`, or NOT w0 NOT w1 ...) are searched, as SQLite
reads them: each NOT was nested in the one before, and the query tree's walks overflowed Python's recursion
(RecursionError in store/querytree.py from about 250 words in Python 3.11)."""

from __future__ import annotations

import pytest

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title}</title><meta name="date" content="2025-03-1{day}"></head>
<body><article><h1>{title}</h1><p>Foreign Ministry Spokesperson answered questions on {topic} at the regular press
conference. The spokesperson said that the position on {topic} is consistent and clear. {extra}</p>
<p>Another question concerned trade with partners in Europe and Asia; the spokesperson said dialogue was the way
forward.</p></article></body></html>"""

LEFT_OUT = 600


@pytest.fixture
def archive(cli, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for day, (topic, extra) in enumerate([("Taiwan", "The WHO assembly would discuss it."),
                                          ("Taiwan", "Reporters asked about w417 as well."),
                                          ("Geneva", "")], start=1):
        (folder / f"page{day}.html").write_text(PAGE.format(title=f"Press conference on {topic} {day}", day=day,
                                                             topic=topic, extra=extra), encoding="utf-8")
    db = tmp_path / "a.db"
    assert cli("ingest", folder, "--db", db).code == 0
    return db


def titles(cli, db, *query: str) -> list[str]:
    result = cli("search", *query, "--db", db, "--json")
    assert result.code == 0, result.stderr
    return sorted(row["title"] for row in result.jsonl())


MINUS = " ".join(f"-w{number}" for number in range(LEFT_OUT))
NOTS = " ".join(f"NOT w{number}" for number in range(LEFT_OUT))


@pytest.mark.parametrize("query", [f"Taiwan {MINUS}", f"{MINUS} Taiwan", f"Taiwan {NOTS}", f"(Taiwan {MINUS})",
                                   f"(WHO OR Taiwan) {MINUS}", f"(Taiwan OR WHO) {NOTS}", f"Taiwan OR Kabul {MINUS}"])
def test_hundreds_of_words_left_out_are_searched(cli, archive, query):
    assert titles(cli, archive, query) == ["Press conference on Taiwan 1"]  # page 2 says w417
    assert titles(cli, archive, query.replace("w417", "w9999")) == ["Press conference on Taiwan 1",
                                                                    "Press conference on Taiwan 2"]


def test_the_tree_of_a_long_not_chain_is_shallow_and_reads_as_fts5_does():
    import sqlite3

    from briefarc.store.querytree import Node, leaves, parse, render, without

    query = '( "Taiwan" )' + "".join(f' NOT "w{number}"' for number in range(LEFT_OUT))
    tree = parse(query)
    assert isinstance(tree, Node) and tree.op == "NOT" and len(tree.children) == LEFT_OUT + 1
    assert [leaf.positive for leaf in leaves(tree)] == [True] + [False] * LEFT_OUT
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    conn.executemany("INSERT INTO t (rowid, body) VALUES (?, ?)", [(1, "Taiwan"), (2, "Taiwan w7"), (3, "w7")])

    def rows(fts: str | None) -> set[int]:
        return set() if fts is None else {row[0] for row in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [fts])}

    assert rows(render(tree)) == rows(query) == {1}
    assert rows(without(tree, {8})) == {1, 2}  # w7 found nowhere: nothing is left out for it
    assert without(tree, {0}) is None
