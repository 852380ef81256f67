"""Body extraction on Mozilla Readability's test pages: briefarc against trafilatura, in one process.

    python bench/readability.py --pages PATH [PATH ...] [--worst 10] [--repeat 1]

Each PATH is a folder of pages laid out as Readability's own `test/test-pages/` (a clone of
https://github.com/mozilla/readability): one folder per page holding `source.html` and
`expected.html`, the text Readability's tests expect. Nothing of them is kept in this project: the
pages are read where they lie. They are pages no rule of briefarc was developed on (issue 15 measured
briefarc 0.914 against trafilatura's 0.932 and readability-lxml's 0.968 on all 130 of them).

The score is WCXB's word F1 (bench/extraction.py: lower-cased \\w+ tokens as multisets, P, R and F1 per
page, averaged; an empty extraction scores 0) of each extractor's body against the text of
expected.html. Both extractors get the page with the address Readability's tests give it
(http://fakehost/test/page.html). Also printed: the pages where one extractor scores below 0.1 and
the other above 0.5 (total failures), and pages per CPU-second of each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import Case, briefarc_reader, paired_runs, trafilatura_reader, word_prf  # noqa: E402

URL = "http://fakehost/test/page.html"  # the address Readability's tests give every page
FAILED, FINE = 0.1, 0.5  # a total failure: below the first where the other extractor is above the second


def load_pages(folders: list[Path]) -> list[Case]:
    """Every page folder (source.html and expected.html) under the folders, by name."""
    from selectolax.lexbor import LexborHTMLParser

    cases = []
    for folder in folders:
        for page in sorted(path for path in folder.iterdir() if (path / "source.html").is_file()
                           and (path / "expected.html").is_file()):
            expected = LexborHTMLParser((page / "expected.html").read_text(encoding="utf-8", errors="replace"))
            text = (expected.body or expected.root).text(separator=" ") if expected.root is not None else ""
            cases.append(Case(page.name, (page / "source.html").read_text(encoding="utf-8", errors="replace"),
                              URL, text))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", nargs="+", type=Path, required=True,
                        help="folders laid out as Readability's test/test-pages/")
    parser.add_argument("--worst", type=int, default=10, help="list the pages where briefarc is furthest behind")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per extractor (best is kept)")
    args = parser.parse_args(argv)
    missing = [str(folder) for folder in args.pages if not folder.is_dir()]
    if missing:
        sys.exit(f"not a folder: {', '.join(missing)}")
    cases = load_pages(args.pages)
    if not cases:
        sys.exit("no page folders (source.html and expected.html) found there")
    results = paired_runs({"briefarc": briefarc_reader(), "trafilatura": trafilatura_reader()}, cases, args.repeat)
    scores = {name: {case.key: word_prf(case.body, found[case.key].body) for case in cases}
              for name, (found, _) in results.items()}
    print(f"{len(cases)} pages of Readability's tests; word F1 against expected.html")
    print(f"{'extractor':<12} {'P':>6} {'R':>6} {'F1':>6}  {'pages/s':>8}")
    for name, (_, speed) in results.items():
        means = [sum(score[i] for score in scores[name].values()) / len(cases) for i in range(3)]
        print(f"{name:<12} {means[0]:6.3f} {means[1]:6.3f} {means[2]:6.3f}  {speed:8.1f}")
    ours, theirs = scores["briefarc"], scores["trafilatura"]
    for one, other, label in ((ours, theirs, "briefarc"), (theirs, ours, "trafilatura")):
        failed = sorted(key for key in one if one[key][2] < FAILED and other[key][2] > FINE)
        print(f"total failures of {label} (F1 < {FAILED} where the other > {FINE}): {len(failed)} {' '.join(failed)}")
    print(f"speed ratio {results['briefarc'][1] / results['trafilatura'][1]:.1f}x")
    if args.worst:
        print(f"\nthe {args.worst} pages where briefarc is furthest behind trafilatura (F1):")
        for key in sorted(ours, key=lambda key: ours[key][2] - theirs[key][2])[:args.worst]:
            print(f"  {key:<40} briefarc {ours[key][2]:.3f}  trafilatura {theirs[key][2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
