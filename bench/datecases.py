"""Dates on htmldate's test pages: briefarc against trafilatura, in one process.

    python bench/datecases.py --tests PATH [--show]

PATH is a `tests/` folder of htmldate (https://github.com/adbar/htmldate, the date library trafilatura
uses): `unit_tests.py` and its saved pages in `cache/`. A clone has it; so has the source package of
release 1.4.0 or older, from any package index:

    pip download htmldate==1.4.0 --no-binary :all: --no-deps && tar xzf htmldate-1.4.0.tar.gz
    python bench/datecases.py --tests htmldate-1.4.0/tests

Nothing of it is kept in this project: the pages are read where they lie. They are pages no rule of
briefarc was developed on, most of them German.

The cases are the tests' own assertions on saved pages, read from the file's syntax tree (never run):
`find_date(load_mock_page(URL), ...) == "YYYY-MM-DD"`. htmldate answers two questions, and its tests say
which they ask: `original_date=True` asks for the date the page was first published, which is what
briefarc's `published` is (datePublished over dateModified); without it, htmldate gives the latest date the
page shows (an update, if there is one). Both are counted, apart: the first is the target, the second says
how often the page's one date is found at all. Assertions with other options (output formats, limits on
the dates, `extensive_search=False`) and those expecting no date are left out and counted. A date is right
when its first ten characters are the expected day. Both extractors get the page's bytes and address.
`--part`: the pages of a quarter held out by the hash of their address, or the rest.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import part_of  # noqa: E402
from realworld import decoded, mock_pages  # noqa: E402

TESTS = "unit_tests.py"
KEPT_OPTIONS = {"original_date", "extensive_search"}


@dataclass(frozen=True)
class DateCase:
    """One assertion: the page at `url` shows `date` as its first (original) or its latest date."""

    url: str
    date: str
    original: bool
    line: int


def read_cases(source: str) -> tuple[dict[str, str], list[DateCase], int]:
    """The tests' pages (address: file name), their date cases, and the assertions on pages left out."""
    tree = ast.parse(source)
    pages = mock_pages(tree)
    cases: list[DateCase] = []
    skipped = 0
    for node in ast.walk(tree):
        found = _on_page(node)
        if found is None:
            continue
        url, options, expected = found
        if (url not in pages or not isinstance(expected, str) or set(options) - KEPT_OPTIONS
                or options.get("extensive_search") is False):
            skipped += 1
            continue
        cases.append(DateCase(url, expected, options.get("original_date") is True, node.lineno))
    return pages, cases, skipped


def _on_page(node: ast.AST) -> tuple[str, dict, object] | None:
    """(address, options, expected value) of `find_date(load_mock_page("..."), options...) == expected`."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.Is))
            and isinstance(node.left, ast.Call) and getattr(node.left.func, "id", None) == "find_date"
            and isinstance(node.comparators[0], ast.Constant)):
        return None
    call = node.left
    if not (call.args and isinstance(call.args[0], ast.Call)
            and getattr(call.args[0].func, "id", None) == "load_mock_page" and call.args[0].args
            and isinstance(call.args[0].args[0], ast.Constant) and isinstance(call.args[0].args[0].value, str)):
        return None
    options = {}
    for keyword in call.keywords:
        if keyword.arg is None or not isinstance(keyword.value, ast.Constant):
            return call.args[0].args[0].value, {"other": True}, None
        options[keyword.arg] = keyword.value.value
    return call.args[0].args[0].value, options, node.comparators[0].value


def briefarc_dates() -> Callable[[bytes, str], str | None]:
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    def run(data: bytes, url: str) -> str | None:
        try:
            return extract(data, url=url, content_type="text/html").published
        except InputError:
            return None

    return run


def trafilatura_dates() -> Callable[[bytes, str], str | None]:
    import trafilatura

    def run(data: bytes, url: str) -> str | None:
        result = trafilatura.bare_extraction(decoded(data), url=url, with_metadata=True)
        return result.date if result is not None else None

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", type=Path, required=True, help=f"htmldate's tests/ folder ({TESTS}, cache/)")
    parser.add_argument("--part", choices=("all", "dev", "held-out"), default="all",
                        help="the pages of one part only (a quarter is held out by the hash of its address)")
    parser.add_argument("--show", action="store_true", help="list the cases briefarc gets wrong")
    args = parser.parse_args(argv)
    if not (args.tests / TESTS).is_file() or not (args.tests / "cache").is_dir():
        sys.exit(f"{args.tests}: no {TESTS} and cache/ there (see --help for where to get them)")
    pages, cases, skipped = read_cases((args.tests / TESTS).read_text(encoding="utf-8"))
    cases = [case for case in cases if (args.tests / "cache" / pages[case.url]).is_file()
             and args.part in ("all", part_of(case.url))]
    data = {url: (args.tests / "cache" / pages[url]).read_bytes() for url in {case.url for case in cases}}
    found = {name: {url: reader()(page, url) for url, page in data.items()}
             for name, reader in (("briefarc", briefarc_dates), ("trafilatura", trafilatura_dates))}
    print(f"{len(data)} pages ({args.part}), {len(cases)} date cases of {TESTS} "
          f"({skipped} assertions on pages left out: other options, no date expected)")
    print(f"{'extractor':<12} {'original date':>14} {'latest date':>12}")
    for name, dates in found.items():
        row = []
        for original in (True, False):
            some = [case for case in cases if case.original is original]
            row.append(f"{sum(right(case, dates[case.url]) for case in some)}/{len(some)}")
        print(f"{name:<12} {row[0]:>14} {row[1]:>12}")
    if args.show:
        print("\ncases briefarc gets wrong (line of the tests; * where trafilatura is right):")
        for case in cases:
            if not right(case, found["briefarc"][case.url]):
                mark = "*" if right(case, found["trafilatura"][case.url]) else " "
                kind = "original" if case.original else "latest"
                print(f" {mark} {case.line:5} {kind:8} {case.date} briefarc {found['briefarc'][case.url]} "
                      f"trafilatura {found['trafilatura'][case.url]}  {pages[case.url]}")
    return 0


def right(case: DateCase, date: str | None) -> bool:
    return bool(date) and str(date)[:10] == case.date


if __name__ == "__main__":
    sys.exit(main())
