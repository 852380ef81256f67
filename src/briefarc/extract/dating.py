"""The year of a title that leaves it out ("Regular Press Conference on September 17"), from the evidence
around the page: its metadata, its URL, the date the listing or sitemap entry that linked it gave, the
dated names of its own files (content systems name uploads by
day: fmprc's W020180917…jpg, /t20180917_…, /2018/09/17/), the HTTP Last-Modified, and last the dated
titles the page links to (its related articles). A feed entry's year comes from the entry's own date
(briefarc.extract.core.extract_feed_item). The title's day and month are placed in the year that brings
them nearest to that evidence; a date later than the page was archived is never given.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.extract import dates
from briefarc.patterns import lazy

FILE_DATES = (
    lazy(r"(?<![A-Za-z0-9])W0(?P<year>(?:19|20)\d{2})(?P<mon>[01]\d)(?P<day>[0-3]\d)\d"),  # TRS uploads
    *dates.URL_PATTERNS,
)


def dates_in_paths(paths: list[str], today: date | None = None) -> list[str]:
    """The dates that file and link paths carry, in order."""
    found = []
    for path in paths:
        for pattern in FILE_DATES:
            match = pattern.search(path.split("?", 1)[0])
            if match:
                groups = match.groupdict()
                year = int(groups["year"]) if groups.get("year") else 2000 + int(groups["yy"])
                value = dates.make_date(year, int(groups["mon"]), int(groups["day"]), today)
                if value:
                    found.append(value.isoformat())
                    break
    return found


def usual_date(paths: list[str], today: date | None = None) -> str | None:
    """The date most of a page's own files carry."""
    found = Counter(dates_in_paths(paths, today))
    return found.most_common(1)[0][0] if found else None


@dataclass(frozen=True)
class Evidence:
    """What is known of a page's date from outside its bytes: the HTTP Last-Modified, when it was
    archived, and the date the listing or sitemap entry that linked it gave (ISO dates or datetimes)."""

    last_modified: str | None = None
    archived: str | None = None
    listed: str | None = None

    @classmethod
    def of(cls, headers: dict[str, str] | None, fetched_at: str | None, listed: str | None = None) -> Evidence:
        modified = next((value for key, value in (headers or {}).items() if key.lower() == "last-modified"), None)
        return cls(dates.parse_date(modified), dates.parse_date(fetched_at) or (fetched_at or None),
                   dates.parse_date(listed))


def linked_date(texts: list[str], today: date | None = None) -> str | None:
    """The middle date among the dated titles a page links to (its related and latest articles)."""
    found = sorted(value for value in (dates.find_date(text, today=today) for text in texts if len(text) < 200)
                   if value)
    return found[len(found) // 2][:10] if found else None


def file_or_link_date(tree: LexborHTMLParser, root: LexborNode | None, title: str | None) -> str | None:
    """For a title with a day and month but no year: the date the page's own files carry, failing that
    the middle date of the titles it links to."""
    if not title or dates.find_date(title) or not dates.find_date(title, default_year=2000):
        return None  # a title with its year, or with no date: nothing to place
    found = usual_date([node.attributes.get("src") or "" for node in (root or tree).css("img[src]")])
    return found or linked_date([node.text() for node in tree.css("a")])


def date_near(title: str | None, evidence: str | None, latest: str | None = None,
              today: date | None = None, language: str | None = None) -> str | None:
    """The title's date: a full date as written (its month named in English or in the page's `language`:
    MEA's Hindi titles end "(मई 16, 2024)"); a day and month without a year in the year that brings it nearest
    to `evidence` (an ISO date); never after `latest` (the archive date)."""
    if not title:
        return None
    limit = date.fromisoformat(latest[:10]) if latest else None
    written = dates.find_date_in_language(title, language, today=today)
    if written and limit and date.fromisoformat(written[:10]) > limit:
        return None
    if written or not evidence:
        return written
    anchor = date.fromisoformat(evidence[:10])
    choices = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        value = dates.find_date(title, default_year=year, today=today)
        if value and (limit is None or date.fromisoformat(value) <= limit):
            choices.append((abs((date.fromisoformat(value) - anchor).days), value))
    return min(choices)[1] if choices else None
