"""When a document was published, as its rows keep it, and the order of every newest-first output.

`published` is the page's own ISO string: a date, or a time with the page's offset (a day in Beijing and
one in Washington are thirteen hours apart). `published_date` is its day as the page gives it, what a
reader sees and `--since`/`--until` filter on; `published_utc` its instant in UTC, for a time of day only.

Newest first orders by the day, then within a day by the instant (text order would put 16:32+08:00,
08:32 UTC, above 14:08-05:00, 19:08 UTC), then by id. A document without a time of day (`published_utc`
NULL, which SQLite sorts below any value) comes after the day's timed ones, newest archived first: its
hour is unknown, so it is not guessed into the middle of the day, and the timed ones keep their exact
order. The documents_published index holds (published_date, published_utc, id), so the walk from its
newest end gives this order without sorting (store/ranking.py newest_first).
"""

from __future__ import annotations

from datetime import UTC, datetime

NEWEST_FIRST = "d.published_date DESC, d.published_utc DESC, d.id DESC"
# What the index and NEWEST_FIRST order by before the id, for orders that break ties otherwise (turns).
NEWEST_DAY_AND_TIME = "d.published_date DESC, d.published_utc DESC"


def published_date(published: str | None) -> str | None:
    """The day of `published` as the page gives it (YYYY-MM-DD), or None."""
    return published[:10] if published and len(published) >= 10 else None


def published_utc(published: str | None) -> str | None:
    """The instant of `published` in UTC ("2022-03-13T08:32:00Z", to the second) when it holds a time of day,
    else None. A time without an offset is taken as UTC (as SQLite's date functions take it)."""
    if not published or len(published) <= 10 or published[10] not in "Tt ":
        return None
    try:
        value = datetime.fromisoformat(published)
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):  # not ISO, or an offset past year 1 or 9999
        return None
    return value.isoformat(timespec="seconds") + "Z"
