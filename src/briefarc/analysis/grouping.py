"""Search hits side by side: grouped by week, and within a week by source."""

from __future__ import annotations

from briefarc.analysis.periods import period_of
from briefarc.errors import UsageError

GROUPINGS = ("source",)
NO_DATE = "undated"


def check_grouping(by: str) -> str:
    by = by.strip().lower()
    if by not in GROUPINGS:
        raise UsageError(f"--by takes {', '.join(GROUPINGS)}, not {by!r}.")
    return by


def by_source_and_week(hits: list[dict]) -> list[dict]:
    """Groups of hits: {week, source, count, hits}, newest week first, sources by name within a week."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for hit in hits:
        day = hit.get("published_date")
        week = period_of(day, "week") if day and len(day) == 10 and day[4] == "-" else NO_DATE
        groups.setdefault((week, _source_of(hit)), []).append({**hit, "week": week})
    by_source = sorted(groups, key=lambda key: key[1] or "\uffff")  # sources by name, no source last
    ordered = sorted(by_source, key=lambda key: (key[0] != NO_DATE, key[0]), reverse=True)  # stable: names stay
    return [{"week": week, "source": source or None, "count": len(groups[(week, source)]),
             "hits": groups[(week, source)]} for week, source in ordered]


def _source_of(hit: dict) -> str:
    """The hit's source, or for a page ingested without one its site (`site`, given by store.totals.add_sites:
    the page's site name or host), so that two ministries' pages stand apart either way."""
    site = hit.get("site")
    return hit.get("source") or (site if site and site != "file" else "")
