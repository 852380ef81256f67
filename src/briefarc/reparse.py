"""Re-extracting archived documents from their stored raw snapshots, with no network."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefarc.errors import BriefarcError, DatabaseError, Interrupted, item_failure

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class ReparseReport:
    checked: int = 0
    changed: int = 0
    failed: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"checked": self.checked, "changed": self.changed,
                "failed": [{"id": doc_id, "error": reason} for doc_id, reason in self.failed]}


def reparse(
    db: sqlite_utils.Database, ids: Iterable[int], on_document: Callable[[int, bool | None], None] | None = None,
) -> ReparseReport:
    """Extract every version of each document again with the current extractor. Ctrl-C raises Interrupted with
    the documents re-extracted so far (each in its own transaction: the one in hand is rolled back)."""
    report = ReparseReport()
    try:
        _reparse_each(db, ids, report, on_document)
    except KeyboardInterrupt as exc:  # it said a bare "Interrupted." (helper-94)
        raise Interrupted(report.changed, report.checked - report.changed) from exc
    return report


def _reparse_each(db: sqlite_utils.Database, ids: Iterable[int], report: ReparseReport,
                  on_document: Callable[[int, bool | None], None] | None) -> None:
    for doc_id in ids:
        changed: bool | None = None
        try:
            changed = reparse_document(db, doc_id)
        except DatabaseError:  # the archive's fault, not the document's: read-only, locked, full
            raise
        except BriefarcError as exc:
            report.failed.append((doc_id, item_failure(exc)))
        else:
            report.checked += 1
            report.changed += changed
        if on_document:
            on_document(doc_id, changed)


def reparse_document(db: sqlite_utils.Database, doc_id: int) -> bool:
    from briefarc.pipeline import documents_of
    from briefarc.store.documents import replace_extraction, version_pages

    pages = version_pages(db, doc_id)
    changed = False
    for index, (snapshot_id, page) in enumerate(pages):
        doc = next(iter(documents_of(page)))[0]
        changed |= replace_extraction(db, doc_id, snapshot_id, doc, latest=index == len(pages) - 1)
    return changed
