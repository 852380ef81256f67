"""What kind of page a document is: briefing, statement, press release, news report or other."""

from __future__ import annotations

import re

from briefarc.models import Kind

BRIEFING = re.compile(
    r"press briefing|media briefing|press conference|noon briefing|daily briefing|weekly briefing|"
    r"briefing by|briefing with|transcript|例行记者会|记者会|吹风会|брифинг",
    re.I,
)
STATEMENT = re.compile(
    r"\bstatement\b|\bremarks\b|\bcomments?\b by|spokesperson'?s? (?:comments?|remarks)|\breadout\b|"
    r"\bdeclaration\b|答记者问|发表谈话|声明|谈话|表态|заявление|комментарий",
    re.I,
)
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w. ]{1,20})?\s*(?:\([A-Za-z .]+\))?\s*[:—–-]\s"
    r"|\S{1,6}社\S{1,12}电|\S{1,8}(?:讯|消息)\s*[（(]?记者)"
)
GOVERNMENT_HOST = re.compile(r"(?:^|\.)(?:gov|gouv|gob|govt|mfa|mofa|fmprc|mid|un|europa|nato)\.|\.gov$|\.int$|\.mil$")
PRESS_RELEASE = re.compile(r"press[ -]release|news release|pressemitteilung|新闻稿", re.I)

# What sources call their documents (GOV.UK's document types, a site's format meta), in lower case
# with spaces for underscores, and the kind each is.
KIND_NAMES: dict[str, Kind] = {
    "press release": "press_release", "news story": "news", "speech": "statement", "statement": "statement",
    "written statement": "statement", "oral statement": "statement", "government response": "statement",
    "correspondence": "other", "transcript": "briefing", "briefing": "briefing",
}


def kind_named(name: str | None) -> Kind | None:
    """The kind a source's own name for it means: "news_story" and "News story" are news."""
    return KIND_NAMES.get(" ".join((name or "").replace("_", " ").lower().split()))


def looks_like_news(paragraphs: list[str], host: str) -> bool:
    """A report opening with a dateline ("ISLAMABAD:", "新华社北京3月12日电") on a site that is not a
    government's."""
    if host and GOVERNMENT_HOST.search(host):
        return False
    return bool(paragraphs) and DATELINE.match(paragraphs[0]) is not None


def classify(title: str | None, url: str | None, questions: int, news_signals: bool,
             default: Kind | None = None) -> Kind:
    """The kind of a page that is not a listing."""
    title = title or ""
    if default in ("press_release", "statement") and questions < 3:
        return default
    if BRIEFING.search(title) or questions >= 3:
        return "briefing"
    if STATEMENT.search(title):
        return "statement"
    if PRESS_RELEASE.search(title) or PRESS_RELEASE.search(url or ""):
        return "press_release"
    if default:
        return default
    if news_signals:
        return "news"
    return "other"
