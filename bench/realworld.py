"""Body extraction on trafilatura's real-world test pages: briefarc against trafilatura, in one process.

    python bench/realworld.py --tests PATH [--show] [--repeat 1]

PATH is a `tests/` folder of trafilatura: `realworld_tests.py` and the saved pages in `cache/`. A clone of
https://github.com/adbar/trafilatura has it; so has the source package of release 1.1.0 or older, from any
package index:

    pip download trafilatura==1.1.0 --no-binary :all: --no-deps && tar xzf trafilatura-1.1.0.tar.gz
    python bench/realworld.py --tests trafilatura-1.1.0/tests

Nothing of it is kept in this project: the pages are read where they lie. They are pages no rule of briefarc
was developed on, most of them German (issue 15 counted 368 of trafilatura's 415 checks passed by briefarc).

The checks are the tests' own assertions, read from the file's syntax tree (never run): `'text' in result`
(the text must be in the body) and `'text' not in result` (it must not), each counted alone, as the
assertions that join them with `and` would not tell which failed. A branch `if xmloutput is False:` is read
as trafilatura's plain-text output reads it; any other form of assertion is left out and counted. Text and
body are compared with their runs of white space made one space. Both extractors get the page with its
address from the tests' MOCK_PAGES. briefarc's text is its subtitle (a standfirst it keeps apart, which
`show` prints and search reads) and its body; trafilatura's output holds the standfirst in its text.
`--part`: the pages of a quarter held out by the hash of their address (as bench/extraction.py splits its
sets), or the rest.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import Case, briefarc_reader, paired_runs, part_of, trafilatura_reader  # noqa: E402

TESTS = "realworld_tests.py"


@dataclass(frozen=True)
class Check:
    """One assertion's atom: `text` must be (present) or must not be (not present) in the page's body."""

    url: str
    text: str
    present: bool
    line: int


def read_checks(source: str) -> tuple[dict[str, str], list[Check], int]:
    """The tests' pages (address: file name), their checks, and the assertions of another form left out."""
    tree = ast.parse(source)
    pages = mock_pages(tree)
    checks: list[Check] = []
    skipped = 0
    for function in (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")):
        url: str | None = None
        for statement in _statements(function.body):
            loaded = _loaded_url(statement)
            if loaded is not None:
                url = loaded
            elif isinstance(statement, ast.Assert):
                atoms = _atoms(statement.test) if url and url in pages else None
                if atoms is None:
                    skipped += 1
                    continue
                checks.extend(Check(url, text, present, statement.lineno) for text, present in atoms)
    return pages, checks, skipped


def mock_pages(tree: ast.Module) -> dict[str, str]:
    """The tests' MOCK_PAGES (address: file name of the saved page), as the file writes it."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "MOCK_PAGES" for t in node.targets):
            return ast.literal_eval(node.value)
    return {}


def _statements(body: list[ast.stmt]):
    """The statements in order, with the branches a plain-text run takes (`if xmloutput is False:`)."""
    for statement in body:
        if isinstance(statement, ast.If):
            taken = _plain_text_branch(statement.test)
            if taken is True:
                yield from _statements(statement.body)
            elif taken is False:
                yield from _statements(statement.orelse)
        else:
            yield statement


def _plain_text_branch(test: ast.expr) -> bool | None:
    """Whether a test on `xmloutput` holds for plain-text output; None for any other test."""
    if isinstance(test, ast.Name) and test.id == "xmloutput":
        return False
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _plain_text_branch(test.operand)
        return None if inner is None else not inner
    if (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "xmloutput"
            and len(test.ops) == 1 and isinstance(test.comparators[0], ast.Constant)
            and isinstance(test.ops[0], (ast.Is, ast.Eq, ast.IsNot, ast.NotEq))):
        equal = test.comparators[0].value is False
        return equal if isinstance(test.ops[0], (ast.Is, ast.Eq)) else not equal
    return None


def _loaded_url(statement: ast.stmt) -> str | None:
    """The address of `result = load_mock_page('...', ...)`."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1
            and getattr(statement.targets[0], "id", None) == "result"):
        return None
    call = statement.value
    if (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "load_mock_page" and call.args
            and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
        return call.args[0].value
    return None


def _atoms(test: ast.expr) -> list[tuple[str, bool]] | None:
    """`'a' in result and 'b' not in result` as [("a", True), ("b", False)]; None for another form."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        parts = [_atoms(value) for value in test.values]
        return None if any(part is None for part in parts) else [atom for part in parts for atom in part or []]
    if (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn))
            and isinstance(test.left, ast.Constant) and isinstance(test.left.value, str)
            and getattr(test.comparators[0], "id", None) == "result"):
        return [(test.left.value, isinstance(test.ops[0], ast.In))]
    return None


def decoded(data: bytes) -> str:
    """The page as text: UTF-8, or what charset_normalizer (trafilatura's own) makes of it, or Windows-1252."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best)
    except ImportError:
        pass
    return data.decode("cp1252", errors="replace")


def squeezed(text: str | None) -> str:
    return " ".join((text or "").split())


def passes(check: Check, body: str) -> bool:
    return (squeezed(check.text) in body) == check.present


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tests", type=Path, required=True, help=f"trafilatura's tests/ folder ({TESTS}, cache/)")
    parser.add_argument("--part", choices=("all", "dev", "held-out"), default="all",
                        help="the pages of one part only (a quarter is held out by the hash of its address)")
    parser.add_argument("--show", action="store_true", help="list the checks briefarc fails")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per extractor (best is kept)")
    args = parser.parse_args(argv)
    if not (args.tests / TESTS).is_file() or not (args.tests / "cache").is_dir():
        sys.exit(f"{args.tests}: no {TESTS} and cache/ there (see --help for where to get them)")
    pages, checks, skipped = read_checks((args.tests / TESTS).read_text(encoding="utf-8"))
    used = sorted({check.url for check in checks})
    missing = [url for url in used if not (args.tests / "cache" / pages[url]).is_file()]
    checks = [check for check in checks if check.url not in missing
              and args.part in ("all", part_of(check.url))]
    used = sorted({check.url for check in checks})
    cases = [Case(url, decoded((args.tests / "cache" / pages[url]).read_bytes()), url, "")
             for url in used if url not in missing]
    results = paired_runs({"briefarc": briefarc_reader(), "trafilatura": trafilatura_reader()}, cases, args.repeat)
    bodies = {name: {key: squeezed(f"{found.lead or ''}\n{found.body}") for key, found in found_by.items()}
              for name, (found_by, _) in results.items()}
    print(f"{len(cases)} pages ({args.part}), {len(checks)} checks of {TESTS} "
          f"({skipped} assertions of another form left out"
          f"{f'; {len(missing)} pages missing' if missing else ''})")
    print(f"{'extractor':<12} {'must be in':>12} {'must not be':>12} {'all':>12} {'pages all ok':>13} {'pages/s':>8}")
    for name, (_, speed) in results.items():
        ok = {check: passes(check, bodies[name][check.url]) for check in checks}
        row = []
        for kind in (True, False, None):
            some = [check for check in checks if kind is None or check.present is kind]
            row.append(f"{sum(ok[c] for c in some)}/{len(some)}")
        whole = sum(all(ok[c] for c in checks if c.url == case.key) for case in cases)
        print(f"{name:<12} {row[0]:>12} {row[1]:>12} {row[2]:>12} {f'{whole}/{len(cases)}':>13} {speed:8.1f}")
    print(f"speed ratio {results['briefarc'][1] / results['trafilatura'][1]:.1f}x")
    if args.show:
        print("\nchecks briefarc fails (line of the tests; * where trafilatura passes it):")
        for check in checks:
            if not passes(check, bodies["briefarc"][check.url]):
                mark = "*" if passes(check, bodies["trafilatura"][check.url]) else " "
                verb = "in" if check.present else "NOT in"
                print(f" {mark} {check.line:4} {verb:6} {check.text[:60]!r:64} {pages[check.url]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
