"""`search --in` with a column filter (title:, subtitle:, body:) says that turns have no such column.

Turns hold only their text; SQLite answered "no such column: title" and the error went on "Put words with
punctuation in double quotes, or use --literal", which is no help. Found trying the README's column filters with
`--in answers` on ../shared/corpus.
"""

from __future__ import annotations

import pytest

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Department Press Briefing</title>
<meta property="article:published_time" content="2024-03-09T10:00:00Z"></head>
<body><article><h1>Department Press Briefing</h1>
<p>QUESTION: Will the delegation travel to Taiwan next week? More words to make a turn.</p>
<p>MS SMITH: The delegation has no plan to travel to Taiwan. More words to make a turn.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from tests.analysis_archives import build

    folder = tmp_path_factory.mktemp("turns")
    (folder / "briefing.html").write_text(PAGE, encoding="utf-8")
    return build(folder / "archive.db", {"news": [folder / "briefing.html"]})


@pytest.mark.parametrize(("query", "column"), [("title:Taiwan", "title"), ("title:(Taiwan OR delegation)", "title"),
                                               ('Taiwan body:"no plan"', "body"), ("subtitle: Taiwan", "subtitle")])
@pytest.mark.parametrize("role", ["answers", "questions"])
def test_a_column_filter_in_a_turn_search_says_turns_have_none(cli, archive, query, column, role):
    result = cli("search", query, "--in", role, "--db", archive)
    assert result.code == 2
    assert result.stderr.splitlines() == [
        f"Error: {column}: filters a document's {column}, and search --in searches the text of turns, which have "
        f"none: leave out {column}: (or --in, to search the documents)."]


def test_the_same_words_without_the_filter_find_the_turn(cli, archive):
    result = cli("search", "Taiwan", "--in", "answers", "--db", archive, "--json")
    assert result.code == 0, result.stderr
    assert [hit["text"][:25] for hit in result.jsonl()] == ["The delegation has no pla"]
    documents = cli("search", "title:(Department OR Taiwan)", "--db", archive, "--json")
    assert documents.code == 0 and len(documents.jsonl()) == 1
    phrase = cli("search", '"travel to Taiwan"', "--in", "answers", "--db", archive, "--json")
    assert phrase.code == 0 and len(phrase.jsonl()) == 1
