"""Every bundled sample page in data/samples matches data/samples/expected.json."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from briefarc.extract.core import extract
from briefarc.extract.text import fold

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
EXPECTED = SAMPLES / "expected.json"
CASES = sorted(json.loads(EXPECTED.read_text(encoding="utf-8")).items()) if EXPECTED.exists() else []


def norm(text: str | None) -> str:
    return fold(html.unescape(text or ""))


def check_listing(document, expected: dict) -> None:
    assert document.kind == "listing"
    assert norm(document.title) == norm(expected["title"])  # "Title_Site Name" loses the site's name
    assert len(document.items) == expected["items"]
    first = document.items[0]
    assert norm(first.title) == norm(expected["first_item_title"])
    assert first.url.endswith(expected["first_item_url"].lstrip("."))
    assert first.published == expected.get("first_item_date")
    if expected.get("next_page"):
        assert document.next_page and document.next_page.endswith(expected["next_page"])


def check_article(document, expected: dict) -> None:
    for key in ("kind", "language", "spokesperson", "author", "canonical_url"):
        if key in expected:
            assert getattr(document, key) == expected[key], key
    assert norm(document.title) == norm(expected["title"])
    assert norm(document.subtitle) == norm(expected.get("subtitle"))
    assert document.published == expected["published"]
    paragraphs = [norm(p) for p in document.paragraphs]
    assert len(paragraphs) == expected["paragraphs_count"]
    assert paragraphs[0].startswith(norm(expected["body_first"]))
    assert paragraphs[-1].endswith(norm(expected["body_last"]))
    body = " ".join(paragraphs)
    for snippet in expected.get("must_contain", []):
        assert norm(snippet) in body
    for snippet in expected.get("must_not_contain", []):
        assert norm(snippet) not in body


def check_turns(document, expected: dict) -> None:
    assert sum(t.role == "question" for t in document.turns) == expected["turns"]
    labels = list(dict.fromkeys(t.speaker for t in document.turns if t.speaker and t.text is not None))
    for label in expected.get("speaker_labels", []):
        assert label in labels


@pytest.mark.skipif(not CASES, reason="data/samples/expected.json is not here")
@pytest.mark.parametrize(("name", "expected"), CASES, ids=[name for name, _ in CASES])
def test_sample(name: str, expected: dict) -> None:
    document = extract((SAMPLES / name).read_bytes(), url=expected.get("source_url"))
    if expected["kind"] == "listing":
        check_listing(document, expected)
        return
    check_article(document, expected)
    check_turns(document, expected)
