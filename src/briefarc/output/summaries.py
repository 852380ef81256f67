"""One-line summaries of what a command did, for stderr: plain text, web text cleaned."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefarc.output.textout import clean

if TYPE_CHECKING:
    from pathlib import Path

    from briefarc.store.verify import VerifyReport


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def verify_summary(report: VerifyReport, path: Path | str) -> list[str]:
    """What was checked, what --repair fixed, and how many problems remain."""
    checked = (f"Checked {count(report.blobs, 'raw page')}, {count(report.snapshots, 'snapshot')} and "
               f"{count(report.documents, 'document')} in {clean(path)}")
    lines = [f"Rebuilt the full-text index: {count(report.fixed, 'problem')} fixed."] if report.repaired else []
    if report.ok:
        lines.append(f"{checked}: no problems." if not report.problems else f"{checked}: all repaired.")
    else:
        lines.append(f"{checked}: {count(len(report.remaining), 'problem')}.")
    return lines


def verify_advice(report: VerifyReport) -> str:
    """One line: how many problems remain and what can be done about each kind."""
    repairable = report.repairable
    others = len(report.remaining) - repairable
    parts = []
    if repairable and report.repaired:
        parts.append(f"rebuilding the full-text index did not fix {repairable} of them")
    elif repairable:
        parts.append(f"`briefarc verify --repair` rebuilds the full-text index ({repairable} of them)")
    if others:
        parts.append(f"{others} cannot be repaired: ingest or fetch those pages again, "
                     "or restore the database from a backup")
    return f"verify found {count(len(report.remaining), 'problem')}: {'; '.join(parts)}."
