"""An acronym typed in capitals (WHO, US, IT) in a group or beside an OR is the acronym, as a lone word is.

`search WHO` found the World Health Organization, not every relative "who" (the caseless index cannot tell them
apart, so the text of each match is checked). But the check was only for the words each match must hold: in
`(WHO OR US)`, `WHO OR Geneva` or `title:(WHO)`, WHO was every "who" again. Found trying the README's forms on
../shared/corpus (`(WHO)` 71 documents where `WHO` finds 17).
"""

from __future__ import annotations

from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="2024-03-{day:02d}T10:00:00Z"></head>
<body><article><h1>{title}</h1>
{paragraphs}
</article></body></html>
"""
# title, paragraphs: who/WHO, us/US, it/IT, Geneva and Nairobi in each combination the tests ask about.
PAGES = [
    ("Briefing on the WHO mission", "The WHO experts travel to the region next month to review the data."),
    ("Briefing on volunteers", "The minister thanked the volunteers who helped the families in Geneva."),
    ("Briefing on the Security Council", "The US envoy met the parties in Nairobi on Tuesday."),
    ("Briefing on a French visit", "The minister told us that patience was needed, in Nairobi."),
    ("Briefing on Geneva talks", "The talks in Geneva went on for a second week without a break."),
    ("Briefing on health funding", "Those who pay and WHO programmes were discussed with IT experts in Nairobi."),
    ("Briefing on who pays", "The question of who pays for it stayed open in Nairobi."),
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    from tests.analysis_archives import build

    folder = tmp_path_factory.mktemp("groups")
    files = []
    for day, (title, sentence) in enumerate(PAGES, start=1):
        text = "\n".join(f"<p>{sentence} It is paragraph {n} of a briefing long enough to be kept.</p>"
                         for n in range(4))
        files.append(folder / f"page-{day}.html")
        files[-1].write_text(PAGE.format(title=title, day=day, paragraphs=text), encoding="utf-8")
    return build(folder / "archive.db", {"news": files})


def found(cli, archive, *args: str) -> list[str]:
    result = cli("search", *args, "--db", archive, "--json", "--limit", "50")
    assert result.code == 0, result.stderr
    hits = result.jsonl()
    assert {hit["total"] for hit in hits} <= {len(hits)}
    return sorted(hit["title"].removeprefix("Briefing on ") for hit in hits)


WHO_PAGES = ["health funding", "the WHO mission"]


@pytest.mark.parametrize("sort", [[], ["--sort", "date"], ["--exhaustive"]])
@pytest.mark.parametrize(("query", "expected"), [
    ("(WHO)", WHO_PAGES),
    ("(WHO OR US)", sorted([*WHO_PAGES, "the Security Council"])),
    ("WHO OR Geneva", sorted([*WHO_PAGES, "Geneva talks", "volunteers"])),
    ("title:(WHO)", ["the WHO mission"]),
    ("title:(WHO OR Geneva)", ["Geneva talks", "the WHO mission"]),
    ("Nairobi (WHO OR US)", ["health funding", "the Security Council"]),
    ("(WHO Nairobi) OR (IT Nairobi)", ["health funding"]),
    ("(Nairobi -who) OR WHO", sorted([*WHO_PAGES, "a French visit", "the Security Council"])),
    ("(who OR us)", sorted([*WHO_PAGES, "a French visit", "the Security Council", "volunteers", "who pays"])),
])
def test_an_acronym_in_a_group_or_beside_or_is_found_as_written(cli, archive, query, expected, sort):
    assert found(cli, archive, query, *sort) == expected


def test_the_order_and_total_of_a_grouped_acronym_hold_across_pages(cli, archive):
    every = cli("search", "WHO OR Geneva", "--db", archive, "--json").jsonl()
    ids = [hit["id"] for hit in every]
    paged = []
    for offset in range(0, 4, 1):
        page = cli("search", "WHO OR Geneva", "--db", archive, "--json", "--limit", "1", "--offset", str(offset))
        assert page.code == 0, page.stderr
        assert [hit["total"] for hit in page.jsonl()] == [4]
        paged += [hit["id"] for hit in page.jsonl()]
    assert paged == ids and len(ids) == 4


def test_a_grouped_acronym_snippet_marks_it_as_written(cli, archive):
    hits = cli("search", "(WHO OR Geneva)", "--db", archive, "--json").jsonl()
    hit = next(hit for hit in hits if hit["title"].endswith("health funding"))
    marked = {hit["snippet"][start:end] for start, end in hit["highlights"]}
    assert "WHO" in marked and "who" not in marked


def test_search_in_turns_reads_a_grouped_acronym_as_written(cli, tmp_path):
    from tests.analysis_archives import build

    page = tmp_path / "briefing.html"
    turns = ["QUESTION: Will the WHO team come back to Geneva?", "MS SMITH: Those who asked will hear soon.",
             "QUESTION: And the people who stayed behind?", "MS SMITH: The US office in Geneva will tell us."]
    page.write_text(PAGE.format(title="Department Press Briefing", day=9,
                                paragraphs="\n".join(f"<p>{turn} More words to make a turn.</p>" for turn in turns)),
                    encoding="utf-8")
    archive = build(tmp_path / "turns.db", {"news": [page]})
    plain = cli("search", "(who OR us)", "--in", "questions", "--db", archive, "--json")
    assert plain.code == 0, plain.stderr
    assert len(plain.jsonl()) == 2  # every "who"
    result = cli("search", "(WHO OR US)", "--in", "questions", "--db", archive, "--json")
    assert result.code == 0, result.stderr
    assert [hit["text"][:23] for hit in result.jsonl()] == ["Will the WHO team come "]
    assert [hit["total"] for hit in result.jsonl()] == [1]


# store/querytree.py reads a query back as FTS5 does: each query below, and each with a phrase taken as found
# nowhere, finds in a real FTS5 table what the query written with that phrase replaced by an absent word finds.
WORDS = ["a", "b", "c"]
DOCS = ["a", "a b", "a c", "b c", "a b c", "c", "b"]


def _query(draw, depth: int = 0) -> str:
    from hypothesis import strategies as st

    kind = draw(st.sampled_from(["word", "word", "group", "op", "list", "column"] if depth < 3 else ["word"]))
    if kind == "word":
        return f'"{draw(st.sampled_from(WORDS))}"'
    if kind == "group":
        return f"( {_query(draw, depth + 1)} )"
    if kind == "column":
        return f"body : ( {_query(draw, depth + 1)} )"
    if kind == "list":  # words side by side (FTS5 joins no group so: store/query.py writes AND)
        return " ".join(f'{draw(st.sampled_from(["", "body : "]))}"{draw(st.sampled_from(WORDS))}"'
                        for _ in range(draw(st.integers(2, 3))))
    op = draw(st.sampled_from(["AND", "OR", "NOT"]))
    return f"{_query(draw, depth + 1)} {op} {_query(draw, depth + 1)}"


def test_the_query_tree_reads_precedence_as_fts5_does():
    import sqlite3

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from briefarc.store.querytree import leaves, parse, render, without

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body)")
    for rowid, text in enumerate(DOCS, start=1):
        conn.execute("INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)", (rowid, text.split()[0], text))

    def rows(query: str | None) -> set[int]:
        return set() if query is None else {row[0] for row in conn.execute("SELECT rowid FROM t WHERE t MATCH ?",
                                                                            [query])}

    @settings(max_examples=300, deadline=None)
    @given(st.data())
    def check(data):
        query = _query(data.draw)
        tree = parse(query)
        assert tree is not None, query
        assert rows(render(tree)) == rows(query), query
        phrases = leaves(tree)
        number = data.draw(st.integers(0, len(phrases) - 1))
        # the query with that one phrase replaced by a word no row holds, by its place in the query
        place = [index for index in range(len(query)) if query.startswith('"', index)][number * 2]
        absent = query[:place] + '"zzz"' + query[place + len(phrases[number].text):]
        assert rows(without(tree, {number})) == rows(absent), (query, number)

    check()


@pytest.mark.parametrize(("query", "expected"), [
    ("(WHO OR US)", sorted([*WHO_PAGES, "the Security Council"])),
    ("WHO OR Geneva", sorted([*WHO_PAGES, "Geneva talks", "volunteers"])),
    ("(WHO Nairobi) OR (IT Nairobi)", ["health funding"]),
])
def test_rows_lacking_an_acronym_are_asked_of_the_whole_index_alike(cli, archive, monkeypatch, query, expected):
    """Past WHOLE_INDEX rows lacking the same acronyms, the rest of the query is asked of the whole index."""
    from briefarc.store import querytree

    monkeypatch.setattr(querytree, "WHOLE_INDEX", 0)
    assert found(cli, archive, query) == expected


def test_an_or_of_acronyms_passes_over_the_rows_without_their_letters_in_sqlite():
    from briefarc.store.search import needles, needles_sql, search_query

    checks = search_query("(WHO OR US) Geneva")[1]
    columns = ["title", "subtitle", "body"]  # the rows the acronyms table says hold them (store/acronyms.py)
    assert needles_sql(checks, "d.").count("d.id IN (SELECT document_id FROM acronyms") == 2
    assert needles(checks) == ["WHO", *columns, "US", *columns]
    # a match may hold Geneva alone: one of Geneva (told by the index), or one holding WHO (helper-118)
    assert needles(search_query("WHO OR Geneva")[1]) == ['"Geneva"', "WHO", *columns]
    assert needles(search_query("title:(WHO) OR body:(US)")[1]) == ["WHO", "title", "US", "body"]
