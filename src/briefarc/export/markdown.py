"""One Markdown file per document, with YAML front matter.

Titles and text come from the web: file names are built from letters and digits (of any script, so
Chinese titles keep their words) and hyphens only, after the date (no traversal, nothing an OS
reserves); front-matter values are JSON strings (a subset of YAML, escapes and all), and the body has
Markdown and HTML syntax escaped so that a page cannot inject links, tags or headings.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from briefarc.export.files import output_file, prepare_folder
from briefarc.output.textout import clean, escaped, wide_colon
from briefarc.store.search import Filters
from briefarc.store.stream import iter_records

if TYPE_CHECKING:
    import sqlite_utils

FRONT_MATTER = (
    "id", "title", "subtitle", "published", "kind", "source", "site_name", "spokesperson", "author",
    "language", "url", "canonical_url", "native_id", "tags", "archived_at", "updated_at", "removed_at", "versions",
    "sha256", "feed_sha256", "feed_entry",
)
SLUG_LENGTH = 60
OUR_NAME = re.compile(r"(?:\d{4}-\d{2}-\d{2}|undated)-[\w-]+-(\d+)\.md")
# Characters YAML may not hold raw, or reads as line breaks; JSON leaves them unescaped.
YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")
LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)](?:\s|$)))", re.MULTILINE)
TURN_LABELS = {"question": "Question", "answer": "Answer", "statement": "Statement"}


def export_markdown(db: sqlite_utils.Database, filters: Filters | None, folder: Path, report) -> None:
    """Write each document's file; a file an earlier export wrote for it under another title goes."""
    prepare_folder(folder)
    earlier = earlier_files(folder)
    for record in iter_records(db, filters):
        name = file_name(record)
        with output_file(folder / name, binary=False) as handle:
            handle.write(render(record))
        for old in earlier.get(int(record["id"]), []):
            if old != name:
                (folder / old).unlink(missing_ok=True)
        report.documents += 1
        report.written += 1


def earlier_files(folder: Path) -> dict[int, list[str]]:
    """The files of an earlier export in `folder`, by document id (names in exactly our pattern only)."""
    found: dict[int, list[str]] = {}
    for entry in os.scandir(folder):
        match = OUR_NAME.fullmatch(entry.name)
        if match and entry.is_file():
            found.setdefault(int(match.group(1)), []).append(entry.name)
    return found


def file_name(record: dict) -> str:
    """date-slug-id.md: letters, digits and hyphens only, unique by the id."""
    date = record.get("published_date") or "undated"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = "undated"
    return f"{date}-{slug(record.get('title'))}-{int(record['id'])}.md"


def slug(title: str | None) -> str:
    """The title's words joined by hyphens: letters and digits of any script (外交部 stays 外交部), accents
    on Latin letters dropped (é is e), anything else a break."""
    decomposed = unicodedata.normalize("NFKD", title or "")
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char):
            if not (kept and kept[-1].isascii()):  # a mark on another script's letter (が) is part of it
                kept.append(char)
        else:
            kept.append(char if char.isalnum() else " ")
    words = "-".join(unicodedata.normalize("NFC", "".join(kept)).lower().split())
    if len(words) > SLUG_LENGTH:  # cut between words, unless that leaves less than half (a long CJK run)
        cut = words.rfind("-", SLUG_LENGTH // 2, SLUG_LENGTH + 1)
        words = words[:cut] if cut > 0 else words[:SLUG_LENGTH]
    return words.rstrip("-") or "untitled"


def render(record: dict) -> str:
    return front_matter(record) + "\n" + body(record)


def front_matter(record: dict) -> str:
    lines = ["---"]
    for key in FRONT_MATTER:
        value = record.get(key)
        if value not in (None, "", []):
            lines.append(f"{key}: {yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def yaml_value(value: object) -> str:
    """A JSON scalar or list: valid YAML, with every character that could break it escaped, and those that
    reorder or hide what an editor shows (bidirectional overrides, zero-width characters: textout.escaped, as in
    JSON Lines) written as \\u escapes too, which read back as the same text."""
    text = escaped(json.dumps(value, ensure_ascii=False))
    return YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def body(record: dict) -> str:
    parts = [f"# {escape(record.get('title') or 'Untitled')}"]
    if record.get("subtitle"):
        parts.append(f"*{escape(record['subtitle'])}*")
    turns = record.get("turns") or []
    if turns:
        parts.extend(turn_text(turn) for turn in turns)
    else:
        parts.extend(escape(paragraph) for paragraph in record.get("paragraphs") or [])
    return "\n\n".join(part for part in parts if part.strip()) + "\n"


def turn_text(turn: dict) -> str:
    """A turn with its speaker's label in bold. A Chinese or Japanese label, or one before text in those languages,
    ends in a full-width colon and no space, as the page writes it (问：) and `show` prints it (wide_colon); the
    colon stands outside the bold there, where CommonMark closes the bold (after punctuation, `**` closes only
    before a space)."""
    label = turn.get("speaker") or TURN_LABELS.get(turn.get("role") or "", "")
    text = escape(turn.get("text"))
    if not label:
        return text
    if wide_colon(label, text):
        return f"**{escape(label)}**：{text}"
    return f"**{escape(label)}:** {text}"


def escape(text: str | None) -> str:
    """Plain text that Markdown shows as it is: no links, emphasis, HTML, headings or lists."""
    text = clean((text or "").replace("\r\n", "\n").replace("\r", "\n"))
    text = INLINE_SPECIAL.sub(r"\\\1", text)
    return LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match) -> str:
    indent, marker = match.groups()
    if marker.isdigit():  # "1." or "1)" starts a list: escape the punctuation that follows
        return indent + marker + "\\"
    return indent + "\\" + marker
