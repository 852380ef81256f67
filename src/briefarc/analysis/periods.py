"""Calendar periods for counting over time: ISO weeks, months, quarters and years."""

from __future__ import annotations

from datetime import date, timedelta

from briefarc.errors import UsageError

PERIODS = ("week", "month", "quarter", "year")


def check_period(by: str) -> str:
    """The period's name in lower case (`--by Month` is `month`); a usage error for another word."""
    by = by.strip().lower()
    if by not in PERIODS:
        raise UsageError(f"--by takes {', '.join(PERIODS)}, not {by!r}.")
    return by


def period_of(day: str, by: str) -> str:
    """'2020-05-12' -> '2020-W20', '2020-05', '2020-Q2' or '2020'."""
    if by == "week":
        year, week, _ = date.fromisoformat(day[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return day[:7]
    if by == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[:4]


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period from the one holding `first` to the one holding `last`, empty ones included."""
    labels: list[str] = []
    day, end = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    while day <= end:
        label = period_of(day.isoformat(), by)
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1)
    return labels
