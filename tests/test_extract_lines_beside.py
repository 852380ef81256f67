"""The lines beside the headline, which the byline and the date line are looked for in, are read once per
page: the author's search and the date's ask for them with different budgets (a speed rule, issue 12)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract import headline
from briefarc.extract.headline import lines_beside

PAGE = """<html><body><div class="top">Menu line</div><header><p>Section</p><h1>The headline of the story</h1>
<p>By Jane Roe</p><p>March 3, 2025</p></header>""" + "".join(
    f"<p>Paragraph {n} of the story, long enough to count against the budget of characters.</p>\n\n"
    for n in range(40)) + "<footer>Footer</footer></body></html>"


@pytest.fixture
def folds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The lines folded, in order."""
    seen: list[str] = []
    real = headline.folded_lines

    def counted(text: str) -> list[str]:
        lines = real(text)
        seen.extend(lines)
        return lines

    monkeypatch.setattr(headline, "folded_lines", counted)
    return seen


def test_a_pages_memo_gives_the_same_lines_for_every_budget() -> None:
    node = LexborHTMLParser(PAGE).css_first("h1")
    memo: dict = {}
    for forward, budget in ((True, 600), (False, 200), (True, 1500), (False, 300), (True, 100), (True, 10**6)):
        assert lines_beside(node, forward, budget, memo) == lines_beside(node, forward, budget)
    assert lines_beside(node, True, 600)[:2] == ["By Jane Roe", "March 3, 2025"]
    assert lines_beside(node, False, 300) == ["Section", "Menu line"]


def test_each_siblings_lines_are_read_once_per_page(folds: list[str]) -> None:
    node = LexborHTMLParser(PAGE).css_first("h1")
    lines_beside(node, True, 1500)
    alone = len(folds)
    folds.clear()
    memo: dict = {}
    lines_beside(node, True, 600, memo)
    narrow = len(folds)
    lines_beside(node, True, 600, memo)
    assert len(folds) == narrow  # nothing read again
    lines_beside(node, True, 1500, memo)
    assert narrow < len(folds) == alone  # only what lies beyond the first budget is read
