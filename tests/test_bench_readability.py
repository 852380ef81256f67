"""bench/readability.py reads page folders laid out as Mozilla Readability's test/test-pages/ and scores
briefarc's body against expected.html's text (trafilatura, beside it there, is a bench-only dependency)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.conftest import ROOT

ARTICLE = "".join(f"<p>Paragraph {n} of the report on the talks in Geneva, with enough words to read as the "
                  f"article's text and not as a caption or a menu of the page.</p>" for n in range(5))


def bench_module(name: str = "readability"):
    """bench/<name>.py as a module (bench/ on the path while it loads, for its `from extraction import`)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[spec.name] = module  # type: ignore[union-attr]  # (dataclasses look their module up)
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module
    finally:
        sys.path.remove(str(ROOT / "bench"))


def write_page(folder: Path, name: str, source: str, expected: str) -> None:
    (folder / name).mkdir(parents=True)
    (folder / name / "source.html").write_text(source, encoding="utf-8")
    (folder / name / "expected.html").write_text(expected, encoding="utf-8")


def test_pages_are_read_as_readability_lays_them_out_and_scored(tmp_path: Path) -> None:
    bench = bench_module()
    source = (f"<html><head><title>Talks in Geneva</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World"
              f"</a></nav><article><h1>Talks in Geneva</h1>{ARTICLE}</article></body></html>")
    write_page(tmp_path, "geneva", source, f'<div id="readability-page-1" class="page">{ARTICLE}</div>')
    write_page(tmp_path, "menu-only", source, "<div><p>Home World</p></div>")
    (tmp_path / "no-expected").mkdir()
    (tmp_path / "no-expected" / "source.html").write_text(source, encoding="utf-8")
    cases = bench.load_pages([tmp_path])
    assert [case.key for case in cases] == ["geneva", "menu-only"] and cases[0].url == bench.URL
    assert "Paragraph 4 of the report" in cases[0].body and "<p>" not in cases[0].body
    read = bench.briefarc_reader()
    scores = [bench.word_prf(case.body, read(case.page, case.url).body)[2] for case in cases]
    assert scores[0] > 0.95 and scores[1] < 0.1  # the article against its text, then against the menu's words
