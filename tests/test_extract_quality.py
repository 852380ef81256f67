"""Quality gate: briefarc's F1 on ../shared/eval/article-bench must not drop below a pinned floor.

The floor sits above trafilatura's 0.957 on the same pages; raise it when the extractor improves.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "eval" / "article-bench"
F1_FLOOR = 0.962
PRECISION_FLOOR = 0.955
RECALL_FLOOR = 0.950


def load_bench_module():
    spec = importlib.util.spec_from_file_location("bench_extraction", ROOT / "bench" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.skipif(not (BENCH / "ground-truth.json").exists(), reason="../shared/eval/article-bench is not here")
def test_article_bench_f1_floor() -> None:
    bench = load_bench_module()
    truth, pages = bench.load_bench(BENCH)
    run = bench.briefarc_extractor()
    predictions = {key: run(page, truth[key].get("url")) for key, page in pages.items()}
    precision, recall, f1 = bench.score(truth, predictions)
    reference = bench.reference_score(truth, predictions)
    if reference is not None:
        assert reference == pytest.approx((precision, recall, f1), abs=1e-9)
    assert f1 >= F1_FLOOR, f"F1 {f1:.3f} fell below the floor {F1_FLOOR}"
    assert precision >= PRECISION_FLOOR and recall >= RECALL_FLOOR
