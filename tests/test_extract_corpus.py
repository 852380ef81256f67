"""Every saved real page in ../shared/corpus matches its .expected.json (skipped when absent, failed in CI)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import urljoin

import pytest

from briefarc.extract.core import extract, extract_feed_item
from briefarc.extract.feed import parse_feed
from briefarc.extract.text import fold
from tests.conftest import SHARED, needs_shared

CORPUS = SHARED / "corpus"
PAGES = sorted(CORPUS.glob("*/*.expected.json")) if CORPUS.is_dir() else []


def page_file(expected: Path) -> Path:
    stem = expected.name.removesuffix(".expected.json")
    return next(path for path in expected.parent.iterdir() if path.stem == stem and path.suffix != ".json")


def original_url(name: str) -> str | None:
    """The page's address from the manifest, when it is a plain URL (notes in brackets dropped)."""
    manifest = json.loads((CORPUS / "MANIFEST.json").read_text(encoding="utf-8"))
    for entry in manifest:
        if entry["file"].endswith(name):
            url = entry.get("original_url", "").split(" ")[0]
            return url if url.startswith("http") else None
    return None


def norm(text: str | None) -> str:
    return fold(html.unescape(text or ""))


def check_body(document, expected: dict) -> None:
    paragraphs = [norm(p) for p in document.paragraphs]
    assert paragraphs, "no body"
    assert paragraphs[0].startswith(norm(expected["body_first"]))
    assert paragraphs[-1].endswith(norm(expected["body_last"]))
    body = norm(" ".join(paragraphs))
    for snippet in expected.get("must_contain", []):
        assert norm(snippet) in body
    for snippet in expected.get("must_not_contain", []):
        assert norm(snippet) not in body


def check_turns(document, expected: dict) -> None:
    questions = [t for t in document.turns if t.role == "question"]
    assert len(questions) == expected["turns"]
    if expected.get("first_question"):
        assert norm(questions[0].text).startswith(norm(expected["first_question"]))
    labels = {t.speaker for t in document.turns if t.speaker}
    assert set(expected.get("speaker_labels", [])) <= labels


def check_listing(document, expected: dict, url: str | None) -> None:
    assert document.kind == "listing"
    assert len(document.items) == expected["items"]
    first = document.items[0]
    assert norm(first.title) == norm(expected["first_item_title"])
    assert first.url == (urljoin(url, expected["first_item_url"]) if url else expected["first_item_url"])
    assert first.published == expected["first_item_date"]
    wanted_next = expected["next_page"]
    assert document.next_page == (urljoin(url, wanted_next) if url and wanted_next else wanted_next)


def check_feed(data: bytes, expected: dict) -> None:
    feed = parse_feed(data)
    assert len(feed.items) == expected["items"]
    briefings = [doc for doc in (extract_feed_item(item, feed.link) for item in feed.items) if doc.kind == "briefing"]
    assert len(briefings) == len(expected["briefings"])
    for document, wanted in zip(briefings, expected["briefings"], strict=True):
        assert norm(document.title) == norm(wanted["title"])
        assert document.published == wanted["published"]
        assert document.spokesperson == wanted["spokesperson"]
        assert norm(document.paragraphs[0]).startswith(norm(wanted["body_first"]))
        assert sum(t.role == "question" for t in document.turns) == wanted["turns"]


def test_the_corpus_is_here() -> None:
    needs_shared(CORPUS / "MANIFEST.json")
    assert PAGES, f"{CORPUS} holds no .expected.json file"


@pytest.mark.parametrize("expected_path", PAGES, ids=lambda p: p.name.removesuffix(".expected.json"))
@pytest.mark.parametrize("with_url", [False, True], ids=["no-url", "url"])
def test_corpus_page(expected_path: Path, with_url: bool) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    path = page_file(expected_path)
    data = path.read_bytes()
    if expected["kind"] == "feed":
        check_feed(data, expected)
        return
    url = original_url(path.name) if with_url else None
    document = extract(data, url=url)
    if expected["kind"] == "listing":
        check_listing(document, expected, url)
        return
    assert document.kind == expected["kind"]
    assert norm(document.title) == norm(expected["title"])
    assert document.published == expected["published"]
    assert document.language == expected["language"]
    assert document.spokesperson == expected["spokesperson"]
    check_body(document, expected)
    if "turns" in expected:
        check_turns(document, expected)


def test_a_missing_shared_folder_skips_here_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    missing = SHARED / "no-such-folder"
    monkeypatch.delenv("BRIEFARC_REQUIRE_SHARED", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"\.\./shared/no-such-folder is not here"):
        needs_shared(missing)
    monkeypatch.setenv("BRIEFARC_REQUIRE_SHARED", "1")
    with pytest.raises(pytest.fail.Exception, match="BRIEFARC_REQUIRE_SHARED"):
        needs_shared(missing)
