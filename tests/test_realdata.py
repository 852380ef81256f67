"""The figures bench/realdata.py reports on ../shared/corpus/fmprc-bulk stay at their targets (skipped when
the shared corpus is absent): dates and spokespersons 100%, question counts equal to the page's question
labels on at least 99.5% of press conferences in English and in Chinese, no boilerplate, full coverage,
with and without the pages' URLs."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT, SHARED, needs_shared

BULK = SHARED / "corpus" / "fmprc-bulk"


def load_bench():
    spec = importlib.util.spec_from_file_location("bench_realdata", ROOT / "bench" / "realdata.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_fmprc_bulk_figures_at_target() -> None:
    needs_shared(BULK / "MANIFEST.json")
    bench = load_bench()
    pages = bench.load_pages(BULK)
    assert sum(page.kind == "conference" for page in pages) >= 200  # the corpus is what the bench expects
    tally, failures = bench.run(pages, "all", (True, False))
    for field in ("date", "spokesperson", "questions", "boilerplate", "coverage"):
        for language in ("en", "zh"):
            assert tally[(field, language, "url")][1] > 0, (field, language)
    assert bench.shortfalls(tally) == [], "\n".join(failures)


def test_the_independent_question_count_reads_the_markup() -> None:
    """The bench's own counter, on the forms it must count and those it must not."""
    bench = load_bench()
    reader = bench.ContentReader()
    reader.feed("""<div id="News_Body_Txt_A" class="content">
<p><b>CCTV4: A question?</b></p><p>Zhao Lijian: An answer: with a colon.</p>
<p><b>《南华早报》记者：一个问题？</b></p><p>赵立坚：我想说的是：回答。</p><p>记者：是的。</p>
<p><b>21日晚些时候，陆慷就有关问题进一步表示：</b></p><p>（记者：日本媒体。）</p>
<p><b>The following question was raised after the press conference:</b></p><p><b>Is there any news?</b></p>
<p><b>After the press conference, the following question was raised: can you comment?</b></p></div>""")
    reader.flush()
    assert bench.count_questions(reader.blocks) == 5


def test_every_state_press_release_has_a_kind() -> None:
    needs_shared(SHARED / "corpus" / "state-feed-history")
    kinds = load_bench().feed_kinds()
    assert sum(kinds.values()) == 34 and "other" not in kinds
    assert kinds["press_release"] >= 10 and kinds["readout"] >= 10
