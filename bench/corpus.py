"""Per-field accuracy of the extractor over the saved real pages of ../shared/corpus.

    python bench/corpus.py [--corpus PATH] [--with-url] [-v]

Each page has a <name>.expected.json; every field it names is compared (texts folded the way the
tests fold them) and counted. Pages: articles and transcripts (kind, title, published, language,
spokesperson, first and last paragraph, turns...), listing pages (item count, first item, next page)
and feeds (item count, then each briefing entry's fields). `--with-url` passes each page's original
address from MANIFEST.json, as `briefarc ingest --url` would. tests/test_extract_corpus.py asserts
the same fields page by page; this script prints the totals for a report.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from briefarc.extract.core import extract, extract_feed_item  # noqa: E402
from briefarc.extract.feed import parse_feed  # noqa: E402
from briefarc.extract.text import fold  # noqa: E402

Checks = list[tuple[str, bool]]


def norm(text: str | None) -> str:
    return fold(html.unescape(text or ""))


def page_checks(document, expected: dict) -> Checks:
    paragraphs = [norm(p) for p in document.paragraphs]
    body = " ".join(paragraphs)
    checks = [
        ("kind", document.kind == expected["kind"]),
        ("title", norm(document.title) == norm(expected["title"])),
        ("published", document.published == expected["published"]),
        ("language", document.language == expected["language"]),
        ("spokesperson", document.spokesperson == expected["spokesperson"]),
        ("body_first", bool(paragraphs) and paragraphs[0].startswith(norm(expected["body_first"]))),
        ("body_last", bool(paragraphs) and paragraphs[-1].endswith(norm(expected["body_last"]))),
    ]
    checks += [("must_contain", norm(s) in body) for s in expected.get("must_contain", [])]
    checks += [("must_not_contain", norm(s) not in body) for s in expected.get("must_not_contain", [])]
    if "turns" in expected:
        questions = [t for t in document.turns if t.role == "question"]
        checks.append(("turns (questions)", len(questions) == expected["turns"]))
        if expected.get("first_question"):
            checks.append(("first_question", bool(questions)
                           and norm(questions[0].text).startswith(norm(expected["first_question"]))))
        labels = {t.speaker for t in document.turns if t.speaker}
        checks += [("speaker_labels", label in labels) for label in expected.get("speaker_labels", [])]
    return checks


def listing_checks(document, expected: dict, url: str | None) -> Checks:
    first = document.items[0] if document.items else None
    wanted_url = urljoin(url, expected["first_item_url"]) if url else expected["first_item_url"]
    wanted_next = expected["next_page"]
    wanted_next = urljoin(url, wanted_next) if url and wanted_next else wanted_next
    return [
        ("kind", document.kind == "listing"),
        ("listing items", len(document.items) == expected["items"]),
        ("first item title", first is not None and norm(first.title) == norm(expected["first_item_title"])),
        ("first item url", first is not None and first.url == wanted_url),
        ("first item date", first is not None and first.published == expected["first_item_date"]),
        ("next_page", document.next_page == wanted_next),
    ]


def feed_checks(data: bytes, expected: dict) -> Checks:
    feed = parse_feed(data)
    briefings = [doc for doc in (extract_feed_item(item, feed.link) for item in feed.items) if doc.kind == "briefing"]
    checks = [("feed items", len(feed.items) == expected["items"]),
              ("feed briefings", len(briefings) == len(expected["briefings"]))]
    for document, wanted in zip(briefings, expected["briefings"], strict=False):  # a count apart is counted above
        checks += [
            ("title", norm(document.title) == norm(wanted["title"])),
            ("published", document.published == wanted["published"]),
            ("spokesperson", document.spokesperson == wanted["spokesperson"]),
            ("body_first", bool(document.paragraphs)
             and norm(document.paragraphs[0]).startswith(norm(wanted["body_first"]))),
            ("turns (questions)", sum(t.role == "question" for t in document.turns) == wanted["turns"]),
        ]
    return checks


def original_urls(corpus: Path) -> dict[str, str]:
    manifest = json.loads((corpus / "MANIFEST.json").read_text(encoding="utf-8"))
    urls = {}
    for entry in manifest:
        url = entry.get("original_url", "").split(" ")[0]
        if url.startswith("http"):
            urls[Path(entry["file"]).name] = url
    return urls


def checks_of(expected_path: Path, urls: dict[str, str], with_url: bool) -> Checks:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    stem = expected_path.name.removesuffix(".expected.json")
    path = next(p for p in expected_path.parent.iterdir() if p.stem == stem and p.suffix != ".json")
    data = path.read_bytes()
    if expected["kind"] == "feed":
        return feed_checks(data, expected)
    url = urls.get(path.name) if with_url else None
    document = extract(data, url=url)
    if expected["kind"] == "listing":
        return listing_checks(document, expected, url)
    return page_checks(document, expected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--with-url", action="store_true", help="give each page its original URL")
    parser.add_argument("-v", "--verbose", action="store_true", help="name every field that is wrong")
    args = parser.parse_args(argv)
    pages = sorted(args.corpus.glob("*/*.expected.json")) if args.corpus.is_dir() else []
    if not pages:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    urls = original_urls(args.corpus)
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    perfect = 0
    for expected_path in pages:
        checks = checks_of(expected_path, urls, args.with_url)
        perfect += all(ok for _, ok in checks)
        for field, ok in checks:
            total[field] += 1
            right[field] += ok
            if args.verbose and not ok:
                print(f"  wrong: {expected_path.name.removesuffix('.expected.json')}: {field}")
    print(f"{len(pages)} corpus pages ({'with' if args.with_url else 'without'} their URLs); "
          f"{perfect} right in every field")
    print(f"{'field':<20} {'right':>7} {'accuracy':>9}")
    for field in total:
        print(f"{field:<20} {right[field]:>3}/{total[field]:<3} {right[field] / total[field]:>9.1%}")
    return 0 if perfect == len(pages) else 1


if __name__ == "__main__":
    sys.exit(main())
