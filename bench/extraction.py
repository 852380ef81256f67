"""Article-body extraction: briefarc against trafilatura on the article bench, in one process.

    python bench/extraction.py [--bench DIR] [--repeat 3] [--only briefarc] [--out predictions.jsonl]

Both extractors get the same pages (gunzipped and decoded once, before any timing) with their URLs.
Quality is the bench's metric: word 4-gram shingles, per-page precision and recall as multiset
overlap, P averaged over pages with an extraction, R over all pages, F1 from the two means. When the
reference scorer (../shared/eval/score_bodies.py) is present, its figures are printed too and must
agree with ours. trafilatura is a benchmark-only dependency (pip install -e '.[bench]').
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "eval" / "article-bench"
REFERENCE = SHARED / "eval" / "score_bodies.py"
WORD = re.compile(r"\w+")

TARGET_SPEED_RATIO = 5.0


def load_bench(folder: Path = BENCH) -> tuple[dict[str, dict], dict[str, str]]:
    """The ground truth ({id: {"articleBody", "url"}}) and the decoded pages by id."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for key in truth:
        raw = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        pages[key] = raw.decode("utf-8", errors="replace")
    return truth, pages


def shingles(text: str, size: int = 4) -> Counter:
    tokens = WORD.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def score(truth: dict[str, dict], predictions: dict[str, str]) -> tuple[float, float, float]:
    """(P, R, F1) with the bench's metric."""
    precisions, recalls = [], []
    for key, item in truth.items():
        expected, found = shingles(item["articleBody"]), shingles(predictions.get(key, ""))
        shared = sum((expected & found).values())
        if found:
            precisions.append(shared / sum(found.values()))
        recalls.append(shared / sum(expected.values()) if expected else 1.0)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reference_score(truth: dict[str, dict], predictions: dict[str, str]) -> tuple[float, float, float] | None:
    """The figures of the bench's own scorer, when it is there."""
    if not REFERENCE.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_bodies", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    p, r, f, _, _ = module.score(truth, predictions)
    return p, r, f


def briefarc_extractor() -> Callable[[str, str | None], str]:
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    def run(page: str, url: str | None) -> str:
        try:
            return extract(page.encode("utf-8"), url=url, content_type="text/html; charset=utf-8").body
        except InputError:
            return ""

    return run


def trafilatura_extractor() -> Callable[[str, str | None], str]:
    import trafilatura

    def run(page: str, url: str | None) -> str:
        return trafilatura.extract(page, url=url) or ""

    return run


def timed_run(run, truth, pages, repeat: int) -> tuple[dict[str, str], float]:
    """Predictions and the best pages/s over `repeat` passes (after a short warm-up)."""
    for key in list(pages)[:5]:
        run(pages[key], truth[key].get("url"))
    best = None
    predictions: dict[str, str] = {}
    for _ in range(repeat):
        started = time.perf_counter()
        predictions = {key: run(page, truth[key].get("url")) for key, page in pages.items()}
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return predictions, len(pages) / best if best else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH, help="the article-bench folder")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per extractor (best is kept)")
    parser.add_argument("--only", choices=("briefarc", "trafilatura"), help="run one extractor")
    parser.add_argument("--out", type=Path, help="write briefarc's predictions as JSON Lines")
    args = parser.parse_args(argv)
    if not (args.bench / "ground-truth.json").exists():
        print(f"no bench at {args.bench}", file=sys.stderr)
        return 2
    truth, pages = load_bench(args.bench)
    extractors = {"briefarc": briefarc_extractor, "trafilatura": trafilatura_extractor}
    results = {}
    for name, factory in extractors.items():
        if args.only and name != args.only:
            continue
        try:
            run = factory()
        except ImportError:
            print(f"{name} is not installed: pip install -e '.[bench]'", file=sys.stderr)
            continue
        predictions, speed = timed_run(run, truth, pages, max(1, args.repeat))
        results[name] = (score(truth, predictions), speed, predictions)
    report(truth, results, len(pages))
    if args.out and "briefarc" in results:
        with args.out.open("w", encoding="utf-8") as out:
            for key, body in results["briefarc"][2].items():
                out.write(json.dumps({"id": key, "body": body}, ensure_ascii=False) + "\n")
    return 0


def report(truth: dict, results: dict, count: int) -> None:
    print(f"article-bench: {count} pages")
    print(f"{'extractor':<12} {'P':>6} {'R':>6} {'F1':>6} {'pages/s':>9}   reference scorer")
    for name, ((p, r, f), speed, predictions) in results.items():
        ref = reference_score(truth, predictions)
        agree = "" if ref is None else (
            f"P={ref[0]:.3f} R={ref[1]:.3f} F1={ref[2]:.3f}"
            + ("" if all(abs(a - b) < 1e-9 for a, b in zip(ref, (p, r, f), strict=True)) else "  DISAGREES")
        )
        print(f"{name:<12} {p:6.3f} {r:6.3f} {f:6.3f} {speed:9.1f}   {agree}")
    if "briefarc" in results and "trafilatura" in results:
        ratio = results["briefarc"][1] / results["trafilatura"][1]
        f_ours, f_theirs = results["briefarc"][0][2], results["trafilatura"][0][2]
        print(f"speed ratio: {ratio:.1f}x (target >= {TARGET_SPEED_RATIO:.0f}x: "
              f"{'met' if ratio >= TARGET_SPEED_RATIO else 'NOT met'})")
        print(f"F1: briefarc {f_ours:.3f} vs trafilatura {f_theirs:.3f} "
              f"({'higher: met' if f_ours > f_theirs else 'NOT higher'})")
    print("median body length (chars): " + ", ".join(
        f"{name} {statistics.median(len(b) for b in res[2].values()):.0f}" for name, res in results.items()))


if __name__ == "__main__":
    sys.exit(main())
