"""Article extraction: briefarc against trafilatura on two evaluation sets, in one process.

    python bench/extraction.py [--sets article-bench wcxb] [--part dev|held-out|all] [--repeat 1]
                               [--only briefarc] [--worst 10] [--out predictions.jsonl]

The sets live in ../shared/eval: article-bench (121 news pages, body only) and the 711 article pages
of WCXB's development split (body, title, author, date). Each set is split by a hash of the page's id
into a dev part (3/4, used to develop the extractor) and a held-out part (1/4, looked at only to check
that what was learnt on dev generalises). Both extractors get the same pages with their URLs, each in the
form it takes, made before any timing: trafilatura the decoded text, briefarc the page's UTF-8 bytes (which
it decodes itself, inside the timing).

Body quality uses each set's own metric: article-bench's word 4-gram shingles (P averaged over pages
with an extraction, R over all pages, F1 from the two means; checked against the reference scorer
../shared/eval/score_bodies.py when present) and WCXB's word F1 (lower-cased \\w+ tokens as multisets,
P, R and F1 per page, averaged; an empty extraction scores 0). Dates, titles and authors are the share
right on the pages whose ground truth has one (dates by day; titles and authors exact after whitespace
is folded). Two more lines per part say how much of the shortfall is the ground truth's own: titles with
typographic quotes taken as straight ones (the truth often writes "FDA's" where every source on the page
has "FDA’s"), and dates on the pages that write their true date somewhere, markup and URL included, in
a numeric or English form (a page that never writes the date cannot be dated from it; one that writes it
only in another language, "04-ago-2021", is not counted). Neither is the targets' measure.
trafilatura is a benchmark-only dependency (pip install -e '.[bench]').
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "eval" / "article-bench"
WCXB = SHARED / "eval" / "wcxb-dev-articles"
REFERENCE = SHARED / "eval" / "score_bodies.py"
WORD = re.compile(r"\w+")
PARTS = ("dev", "held-out")
FOLDS = 4

TARGET_SPEED_RATIO = 5.0


@dataclass
class Case:
    """One page with what a perfect extraction would give."""

    key: str
    page: str
    url: str | None
    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None

    @property
    def part(self) -> str:
        return part_of(self.key)


@dataclass
class Found:
    """What an extractor made of a page."""

    body: str = ""
    title: str | None = None
    author: str | None = None
    date: str | None = None
    lead: str | None = None  # a standfirst kept apart from the body (briefarc's subtitle)


def fold_of(key: str) -> int:
    """Which of four fixed folds a page is in, by its id's sha256; fold 0 is the held-out part."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] % FOLDS


def part_of(key: str) -> str:
    """"held-out" for a quarter of the ids (fold 0), "dev" for the rest: fixed forever."""
    return "held-out" if fold_of(key) == 0 else "dev"


# --- the sets ----------------------------------------------------------------------------------------

def read_page(path: Path) -> str:
    return gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")


def load_bench(folder: Path = BENCH) -> tuple[dict[str, dict], dict[str, str]]:
    """article-bench's ground truth ({id: {"articleBody", "url"}}) and the decoded pages by id."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return truth, {key: read_page(folder / "html" / f"{key}.html.gz") for key in truth}


def load_article_bench(folder: Path = BENCH) -> list[Case]:
    truth, pages = load_bench(folder)
    return [Case(key, pages[key], item.get("url"), item["articleBody"]) for key, item in truth.items()]


def load_wcxb(folder: Path = WCXB) -> list[Case]:
    cases = []
    for path in sorted((folder / "ground-truth").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        cases.append(Case(path.stem, read_page(folder / "html" / f"{path.stem}.html.gz"), record.get("url"),
                          truth.get("main_content") or "", truth.get("title"), truth.get("author"),
                          truth.get("publish_date")))
    return cases


SETS: dict[str, tuple[Path, Callable[[Path], list[Case]]]] = {
    "article-bench": (BENCH, load_article_bench),
    "wcxb": (WCXB, load_wcxb),
}


# --- the extractors ----------------------------------------------------------------------------------

def briefarc_reader() -> Callable[[str, str | None], Found]:
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    def run(page: str | bytes, url: str | None) -> Found:
        data = page.encode("utf-8") if isinstance(page, str) else page
        try:
            document = extract(data, url=url, content_type="text/html; charset=utf-8")
        except InputError:
            return Found()
        return Found(document.body, document.title, document.author, document.published, document.subtitle)

    run.prepare = _utf8  # type: ignore[attr-defined]  # extract takes bytes, as pages arrive: encoded before timing
    return run


def _utf8(page: str) -> bytes:
    return page.encode("utf-8")


def briefarc_extractor() -> Callable[[str, str | None], str]:
    """The body only, for callers that score bodies."""
    read = briefarc_reader()
    return lambda page, url: read(page, url).body


def trafilatura_reader() -> Callable[[str, str | None], Found]:
    import trafilatura

    def run(page: str, url: str | None) -> Found:
        result = trafilatura.bare_extraction(page, url=url, with_metadata=True)
        if result is None:
            return Found()
        return Found(result.text or "", result.title, result.author, result.date)

    return run


READERS = {"briefarc": briefarc_reader, "trafilatura": trafilatura_reader}


# --- scores ------------------------------------------------------------------------------------------

def shingles(text: str, size: int = 4) -> Counter:
    tokens = WORD.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def score(truth: dict[str, dict], predictions: dict[str, str]) -> tuple[float, float, float]:
    """(P, R, F1) with article-bench's metric."""
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
    """The figures of article-bench's own scorer, when it is there."""
    if not REFERENCE.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_bodies", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    p, r, f, _, _ = module.score(truth, predictions)
    return p, r, f


def word_prf(expected: str, found: str) -> tuple[float, float, float]:
    """WCXB's per-page metric: lower-cased word multisets."""
    truth, got = Counter(WORD.findall(expected.lower())), Counter(WORD.findall((found or "").lower()))
    if not got or not truth:
        return 0.0, 0.0, 0.0
    shared = sum((truth & got).values())
    p, r = shared / sum(got.values()), shared / sum(truth.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def body_scores(set_name: str, cases: list[Case], found: dict[str, Found]) -> tuple[float, float, float]:
    if set_name == "article-bench":
        truth = {case.key: {"articleBody": case.body} for case in cases}
        return score(truth, {case.key: found[case.key].body for case in cases})
    triples = [word_prf(case.body, found[case.key].body) for case in cases]
    count = len(triples) or 1
    return tuple(sum(t[i] for t in triples) / count for i in range(3))  # type: ignore[return-value]


QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


def same(field: str, expected: str, got: str | None, quotes: bool = False) -> bool:
    """Exact after whitespace is folded (dates: the same day); with `quotes`, typographic quotes count
    as straight ones too (the ground truth writes "FDA's" where every source on the page has "FDA’s")."""
    if got is None:
        return False
    if field == "date":
        return got[:10] == expected[:10]
    if quotes:
        expected, got = expected.translate(QUOTES), got.translate(QUOTES)
    return " ".join(expected.split()) == " ".join(got.split())


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")


def date_forms(date: str) -> re.Pattern | None:
    """The ways a page may write the day `date` (YYYY-MM-DD): ISO and its slashes or dots, day and month
    either way round, month names in English, whole or short (the sets' pages are English). None for a
    truth that is no whole day."""
    found = re.match(r"(\d{4})-(\d\d)-(\d\d)", date)
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    name = MONTHS[month - 1]
    forms = [rf"{year}[-/.]0?{month}[-/.]0?{day}(?!\d)", rf"(?<!\d)0?{month}[-/.]0?{day}[-/.]{year}",
             rf"(?<!\d)0?{day}[-/.]0?{month}[-/.]{year}", rf"(?<!\d){year}{month:02d}{day:02d}(?!\d)",
             rf"(?<!\d)0?{month}/0?{day}/{year % 100:02d}(?!\d)"]
    for written in (name, name[:3] + r"\.?", *([r"sept\.?"] if month == 9 else [])):
        forms += [rf"\b{written}\s+0?{day}(?:st|nd|rd|th)?,?\s+{year}",
                  rf"(?<!\d)0?{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{written},?\s+{year}"]
    return re.compile("|".join(forms), re.I)


def shows_date(case: Case) -> bool:
    """Whether the page holds its true date anywhere, its URL and markup included, in a usual form: a
    date the page never writes cannot be read from it. A truth that is no whole day counts as shown."""
    forms = date_forms(case.date or "")
    if forms is None:
        return True
    text = html.unescape(case.page).replace("\xa0", " ")
    return bool(forms.search(text) or forms.search(case.url or ""))


def field_rate(cases: list[Case], found: dict[str, Found], field: str, quotes: bool = False) -> float | None:
    """The share of pages with a true value whose value was found exactly; None when none has one."""
    pairs = [(getattr(case, field), getattr(found[case.key], field)) for case in cases if getattr(case, field)]
    return sum(same(field, e, g, quotes) for e, g in pairs) / len(pairs) if pairs else None


# --- running and reporting ---------------------------------------------------------------------------

def paired_runs(runs: dict[str, Callable[..., Found]], cases: list[Case],
                repeat: int) -> dict[str, tuple[dict[str, Found], float]]:
    """What each extractor found and its pages/s, timed page by page in turn (CPU time, after a warm-up): on
    each page every extractor runs once, in an order that alternates from page to page and pass to pass, and
    each keeps its best time for the page over `repeat` passes. A burst of load from another process on a
    shared machine then falls on both extractors alike instead of on whichever ran during it, so their ratio
    holds where the pages/s themselves move."""
    names = list(runs)
    pages = {name: [prepare(case.page) if (prepare := getattr(runs[name], "prepare", None)) else case.page
                    for case in cases] for name in names}
    for name in names:
        for case, page in zip(cases[:3], pages[name], strict=False):
            runs[name](page, case.url)
    best = {name: [float("inf")] * len(cases) for name in names}
    found: dict[str, dict[str, Found]] = {name: {} for name in names}
    for turn in range(max(1, repeat)):
        for index, case in enumerate(cases):
            shift = (index + turn) % len(names)
            for name in names[shift:] + names[:shift]:
                started = time.process_time()
                found[name][case.key] = runs[name](pages[name][index], case.url)
                best[name][index] = min(best[name][index], time.process_time() - started)
    return {name: (found[name], len(cases) / total if (total := sum(best[name])) else 0.0) for name in names}


def select(cases: list[Case], part: str) -> list[Case]:
    return cases if part == "all" else [case for case in cases if case.part == part]


def fmt(value: float | None) -> str:
    return "     -" if value is None else f"{value:6.3f}"


def listed(rates: dict[str, float | None]) -> str:
    return ", ".join(f"{name} {fmt(rate).strip()}" for name, rate in rates.items())


def report_rows(set_name: str, cases: list[Case], results: dict[str, tuple[dict[str, Found], float]],
                parts: tuple[str, ...]) -> None:
    for part in parts:
        chosen = select(cases, part)
        if not chosen:
            continue
        for name, (found, speed) in results.items():
            p, r, f = body_scores(set_name, chosen, found)
            dates, titles, authors = (field_rate(chosen, found, field) for field in ("date", "title", "author"))
            print(f"{set_name:<14} {part:<9} {len(chosen):>4} {name:<12} {p:6.3f} {r:6.3f} {f:6.3f} "
                  f"{fmt(dates)} {fmt(titles)} {fmt(authors)} {speed:8.1f}")
        shown = [case for case in chosen if case.date and shows_date(case)]
        if shown:
            rates = {name: field_rate(shown, found, "date") for name, (found, _) in results.items()}
            print(f"{'':<14} {part:<9} dates on the {len(shown)} pages that write their true date somewhere "
                  f"in a numeric or English form (not the target's measure): {listed(rates)}")
        folded = {name: field_rate(chosen, found, "title", quotes=True) for name, (found, _) in results.items()}
        if any(rate is not None for rate in folded.values()):
            print(f"{'':<14} {part:<9} titles with curly quotes taken as straight (not the target's measure): "
                  f"{listed(folded)}")


def report_folds(set_name: str, cases: list[Case], results: dict[str, tuple[dict[str, Found], float]]) -> None:
    """Each extractor's figures on each of the four folds (fold 0 is the held-out part; the others were
    developed on), then their mean and range: how much the figures move from one quarter of pages to another."""
    for name, (found, _) in results.items():
        rows = []
        for fold in range(FOLDS):
            chosen = [case for case in cases if fold_of(case.key) == fold]
            if chosen:
                figures = (body_scores(set_name, chosen, found)[2],
                           *(field_rate(chosen, found, field) for field in ("date", "title", "author")))
                rows.append(figures)
                print(f"{set_name:<14} fold {fold:<4} {len(chosen):>4} {name:<12} {'':>13} {fmt(figures[0])} "
                      + " ".join(fmt(value) for value in figures[1:]))
        for label, pick in (("mean", lambda values: sum(values) / len(values)),
                            ("min", min), ("max", max)):
            columns = [[row[index] for row in rows if row[index] is not None] for index in range(4)]
            print(f"{set_name:<14} {label:<9} {'':>4} {name:<12} {'':>13} "
                  + " ".join(fmt(pick(values) if values else None) for values in columns))


def report_speed(results_by_set: dict[str, dict[str, tuple[dict[str, Found], float]]]) -> None:
    for set_name, results in results_by_set.items():
        if "briefarc" in results and "trafilatura" in results:
            ratio = results["briefarc"][1] / results["trafilatura"][1]
            verdict = "met" if ratio >= TARGET_SPEED_RATIO else "NOT met"
            print(f"{set_name}: speed ratio {ratio:.1f}x (target >= {TARGET_SPEED_RATIO:.0f}x: {verdict})")


def report_reference(cases: list[Case], results: dict[str, tuple[dict[str, Found], float]]) -> None:
    """article-bench figures from the reference scorer must agree with ours."""
    truth = {case.key: {"articleBody": case.body} for case in cases}
    for name, (found, _) in results.items():
        predictions = {key: item.body for key, item in found.items()}
        ref = reference_score(truth, predictions)
        if ref is not None:
            ours = score(truth, predictions)
            agree = all(abs(a - b) < 1e-9 for a, b in zip(ref, ours, strict=True))
            print(f"article-bench reference scorer, {name}: P={ref[0]:.3f} R={ref[1]:.3f} F1={ref[2]:.3f}"
                  + ("" if agree else "  DISAGREES"))


def report_worst(set_name: str, cases: list[Case], results: dict, count: int) -> None:
    """The pages where briefarc does worst, with trafilatura's score beside."""
    found = results["briefarc"][0]
    peer = results.get("trafilatura", (None,))[0]
    scored = sorted(cases, key=lambda case: word_prf(case.body, found[case.key].body)[2])
    for case in scored[:count]:
        ours = word_prf(case.body, found[case.key].body)
        theirs = word_prf(case.body, peer[case.key].body)[2] if peer else None
        print(f"  {set_name} {case.key[:16]:<16} F1 {ours[2]:.2f} (P {ours[0]:.2f} R {ours[1]:.2f}) "
              f"trafilatura {fmt(theirs)}  {case.url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", choices=tuple(SETS), default=list(SETS), help="evaluation sets")
    parser.add_argument("--part", choices=(*PARTS, "all", "both"), default="both",
                        help="dev, held-out, all pages together, or dev and held-out side by side")
    parser.add_argument("--repeat", type=int, default=1,
                        help="timed passes over the pages (each page's best time is kept)")
    parser.add_argument("--only", choices=tuple(READERS), help="run one extractor")
    parser.add_argument("--worst", type=int, default=0, help="list briefarc's N worst pages of the part")
    parser.add_argument("--out", type=Path, help="write briefarc's bodies as JSON Lines")
    parser.add_argument("--folds", action="store_true",
                        help="also F1, dates, titles and authors on each of the four fixed folds, with mean and range")
    args = parser.parse_args(argv)
    results_by_set = {}
    parts = PARTS if args.part == "both" else (args.part,)
    print(f"{'set':<14} {'part':<9} {'n':>4} {'extractor':<12} {'P':>6} {'R':>6} {'F1':>6} "
          f"{'dates':>6} {'titles':>6} {'author':>6} {'pages/s':>8}")
    for set_name in args.sets:
        folder, load = SETS[set_name]
        if not folder.exists():
            print(f"no {set_name} at {folder}", file=sys.stderr)
            continue
        cases = load(folder)
        if args.part in PARTS or args.part == "all":
            cases = select(cases, args.part)
        results = run_all(cases, args.only, args.repeat)
        results_by_set[set_name] = results
        report_rows(set_name, cases, results, parts)
        if args.folds:
            report_folds(set_name, cases, results)
        if set_name == "article-bench":
            report_reference(cases, results)
        if args.worst and "briefarc" in results:
            report_worst(set_name, select(cases, "dev" if args.part == "both" else args.part), results, args.worst)
        if args.out and "briefarc" in results:
            with args.out.open("a", encoding="utf-8") as out:
                for key, item in results["briefarc"][0].items():
                    out.write(json.dumps({"set": set_name, "id": key, "body": item.body}, ensure_ascii=False) + "\n")
    report_speed(results_by_set)
    return 0


def run_all(cases: list[Case], only: str | None, repeat: int) -> dict[str, tuple[dict[str, Found], float]]:
    runs = {}
    for name, factory in READERS.items():
        if only and name != only:
            continue
        try:
            runs[name] = factory()
        except ImportError as exc:
            print(f"{name} is not usable ({exc}): pip install -e '.[bench]'", file=sys.stderr)
    return paired_runs(runs, cases, repeat)


if __name__ == "__main__":
    sys.exit(main())
