"""briefarc's language guess (extract/language.py, CLD2 through pycld2) against other language
identifiers from PyPI, on real pages: accuracy, and CPU time per call measured in the same run.

    python bench/language.py [--shared PATH] [--repeat N]

Pages and their truth:
- ../shared/corpus/fmprc-bulk: 288 China MFA pages; the language is in the URL (/mfa_eng/: en, /web/: zh).
  The text guessed from is what the extractor passes (the title and the first 20 paragraphs), as when
  a page declares no language.
- ../shared/corpus/{fmprc,other-mfa}: the `language` of each .expected.json.
- ../shared/eval/article-bench: 121 news pages; the truth is the page's own <html lang> (pages without
  one are left out), the text the true article body.
A wrong answer is counted apart from no answer: briefarc's guess may abstain (None); a wrong language
is worse than none, as the guess is a fallback. py3langid is left out unless installed
(pip install py3langid).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefarc.extract.core import extract  # noqa: E402
from briefarc.extract.language import guess_language, normalize_language  # noqa: E402

HTML_LANG = re.compile(rb"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})", re.I)


def corpus_samples(shared: Path) -> list[tuple[str, str, str]]:
    """(where, text, language) for every page with a known language."""
    samples = []
    bulk = shared / "corpus" / "fmprc-bulk"
    for entry in json.loads((bulk / "MANIFEST.json").read_text()):
        truth = "en" if "/mfa_eng/" in entry["url"] else "zh" if "/web/" in entry["url"] else None
        if truth:
            samples.append(("fmprc-bulk", page_text(gzip.decompress((bulk / entry["file"]).read_bytes())), truth))
    for folder in ("fmprc", "other-mfa"):
        for expected in sorted((shared / "corpus" / folder).glob("*.expected.json")):
            truth = json.loads(expected.read_text()).get("language")
            page = expected.with_name(expected.name.replace(".expected.json", ".html"))
            if truth and page.exists():
                samples.append((folder, page_text(page.read_bytes()), truth))
    bench = shared / "eval" / "article-bench"
    truth_bodies = json.loads((bench / "ground-truth.json").read_text())
    for page_id, item in sorted(truth_bodies.items()):
        declared = HTML_LANG.search(gzip.decompress((bench / "html" / f"{page_id}.html.gz").read_bytes())[:4000])
        language = normalize_language(declared.group(1).decode()) if declared else None
        if language:
            samples.append(("article-bench", item["articleBody"][:3000], language))
    return [sample for sample in samples if sample[1].strip()]


def page_text(data: bytes) -> str:
    """What extract() hands guess_language when neither the page nor its URL names a language."""
    document = extract(data)
    return " ".join([document.title or ""] + document.paragraphs[:20])


def guessers() -> dict[str, Callable[[str], str | None]]:
    found: dict[str, Callable[[str], str | None]] = {"briefarc guess_language (pycld2)": guess_language}
    try:
        import py3langid

        found["py3langid 0.4 (97 languages)"] = lambda text: py3langid.classify(text)[0]
    except ImportError:
        pass
    try:
        import pycld2

        def cld2(text: str) -> str | None:
            reliable, _, details = pycld2.detect(text)
            code = details[0][1]
            return normalize_language(code) if reliable and code != "un" else None

        found["pycld2 0.42 (CLD2)"] = cld2
    except ImportError:
        pass
    return found


def measure(guess: Callable[[str], str | None], samples, repeat: int) -> dict:
    right = wrong = none = 0
    for _, text, truth in samples:
        answer = guess(text[:3000])
        if answer is None:
            none += 1
        elif answer.split("-")[0] == truth:
            right += 1
        else:
            wrong += 1
    started = time.process_time()
    for _ in range(repeat):
        for _, text, _ in samples:
            guess(text[:3000])
    cpu = (time.process_time() - started) / max(1, repeat * len(samples))
    return {"right": right, "wrong": wrong, "none": none, "us_per_call": cpu * 1e6}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    samples = corpus_samples(args.shared)
    languages: dict[str, int] = {}
    for _, _, truth in samples:
        languages[truth] = languages.get(truth, 0) + 1
    print(f"{len(samples)} pages: " + ", ".join(f"{code} {count}" for code, count in sorted(languages.items())))
    print("| guesser | right | wrong | no answer | right on zh/ja/ko/en pages | CPU µs per call |")
    print("|---|---|---|---|---|---|")
    cjk_en = [sample for sample in samples if sample[2] in ("zh", "ja", "ko", "en")]
    for name, guess in guessers().items():
        everything = measure(guess, samples, args.repeat)
        four = measure(guess, cjk_en, repeat=0)
        print(f"| {name} | {everything['right']} | {everything['wrong']} | {everything['none']} | "
              f"{four['right']}/{len(cjk_en)} | {everything['us_per_call']:.0f} |")


if __name__ == "__main__":
    main()
