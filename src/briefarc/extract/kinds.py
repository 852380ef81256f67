"""What kind of page a document is, in the terms a researcher filters on.

The kinds, and how each is decided (first that applies; the README has the same list):

1. a kind the site itself declares (gov.uk's format, a JSON API's document type): that kind, unless the
   page holds a transcript of three or more questions;
2. the title's words, in this order: briefing (press briefing / conference, 例行记者会); remarks (remarks,
   comments by, 答记者问, "Answers a Reporter's Question"); statement (发表谈话, joint statement);
   interview (interview, "With <name> of <outlet>", 接受…采访); readout (readout, call / meeting with,
   通电话, 会见); speech (speech, address, keynote, 讲话, 致辞); statement (statement, declaration,
   communiqué, 声明, 谈话); press_release (press release, news release, media note, 新闻稿);
3. three or more question turns that someone speaking for an office answers (a spokesperson the page names, an
   answer labelled "Spokesperson", "MR PRICE", "Foreign Secretary"): briefing; an FAQ's "Q:"/"A:" is none;
4. an opening line that gives the text to a spokesperson ("The following is attributable to Spokesperson
   Ned Price:", "外交部发言人华春莹宣布："): statement;
5. the URL's path segments (/press-releases/, /statements/, /speeches/, /interviews/, /readouts/,
   /remarks/, /briefings/);
6. the kind the source gives all its pages (a press-release feed, a news site), then a news report's
   signals (og:type article, a dateline on a site that is not a government's): news_report;
7. other.
"""

from __future__ import annotations

import re

from briefarc.models import Kind
from briefarc.patterns import lazy

ALIASES: dict[str, Kind] = {"news": "news_report", "press-release": "press_release"}  # --kind spellings

# What sources call their documents (GOV.UK's document types, a site's format meta, a feed's category),
# in lower case with spaces for underscores, and the kind each is.
KIND_NAMES: dict[str, Kind] = {
    "press release": "press_release", "media note": "press_release", "news story": "news_report",
    "news": "news_report", "speech": "speech", "statement": "statement", "written statement": "statement",
    "oral statement": "statement", "government response": "statement", "correspondence": "other",
    "transcript": "briefing", "briefing": "briefing", "readout": "readout", "interview": "interview",
    "remarks": "remarks",
}

TITLE_RULES: tuple[tuple[Kind, str], ...] = (
    ("briefing", r"press briefing|media briefing|press conference|noon briefing|daily briefing|weekly briefing|"
                 r"briefing by|briefing with|transcript|例行记者会|记者会|吹风会|新闻发布会|брифинг|"
                 r"मीडिया ब्रीफिंग|प्रेस वार्ता"),
    ("remarks", r"\bremarks\b|\bcomments?\b by|spokesperson'?s? comments?|答记者问|答问|表态|комментарий|"
                r"\banswers? (?:an? |the )?(?:reporters?|journalists?)['’]?s?['’]? questions?\b"),
    ("statement", r"发表谈话|发表声明|\bjoint statement\b"),  # before the topic's words ("就…会谈发表谈话")
    ("interview", r"\binterview\b|(?-i:\b[Ww]ith [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} of (?:the )?[A-Z])|"
                  r"接受.{0,30}?采访|专访|интервью"),
    ("readout", r"\breadout\b|\b(?:call|meeting|phone talks?) with\b|\bspeaks? (?:by phone )?with\b|"
                r"通电话|通话|会见|会谈"),
    ("speech", r"\bspeech\b|\baddress(?:es)? (?:to|at|by|before)\b|\bkeynote\b|讲话|致辞|演讲|主旨发言|выступление"),
    ("statement", r"\bstatement\b|\bdeclaration\b|\bcommuniqu[eé]\b|声明|谈话|公报|заявление"),
    ("press_release", r"press[ -]release|news release|media note|pressemitteilung|新闻稿"),
)
_TITLE_RULES = tuple((kind, lazy(pattern, re.I)) for kind, pattern in TITLE_RULES)
URL_SEGMENTS: tuple[tuple[Kind, str], ...] = (
    ("press_release", r"/press[-_]?releases?/|/media[-_]notes?/"),
    ("statement", r"/statements?/"),
    ("speech", r"/speeches/|/speech/"),
    ("interview", r"/interviews?/"),
    ("readout", r"/readouts?/"),
    ("remarks", r"/remarks/"),
    ("briefing", r"/(?:press-)?briefings?/"),
)
_URL_SEGMENTS = tuple((kind, lazy(pattern, re.I)) for kind, pattern in URL_SEGMENTS)
ATTRIBUTED = lazy(
    r"^(?:the following (?:statement )?is attributable to\b|\S{0,12}发言人\S{0,5}(?:宣布|表示|发表谈话)[:：]\s*$)",
    re.I)
DATELINE = lazy(
    r"^(?:[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w. ]{1,20})?\s*(?:\([A-Za-z .]+\))?\s*[:—–-]\s"
    r"|\S{1,6}社\S{1,12}电|\S{1,8}(?:讯|消息)\s*[（(]?记者)"
)
GOVERNMENT_HOST = lazy(r"(?:^|\.)(?:gov|gouv|gob|govt|mfa|mofa|fmprc|mid|un|europa|nato)\.|\.gov$|\.int$|\.mil$")


def kind_named(name: str | None) -> Kind | None:
    """The kind a source's own name for it means: "news_story" and "News story" are news reports."""
    return KIND_NAMES.get(" ".join((name or "").replace("_", " ").replace("-", " ").lower().split()))


def looks_like_news(paragraphs: list[str], host: str) -> bool:
    """A report opening with a dateline ("ISLAMABAD:", "新华社北京3月12日电") on a site that is not a
    government's."""
    if host and GOVERNMENT_HOST.search(host):
        return False
    return bool(paragraphs) and DATELINE.match(paragraphs[0]) is not None


def kind_from_title(title: str) -> Kind | None:
    return next((kind for kind, pattern in _TITLE_RULES if pattern.search(title)), None)


def kind_from_url(url: str | None) -> Kind | None:
    path = (url or "").split("?", 1)[0]
    return next((kind for kind, pattern in _URL_SEGMENTS if pattern.search(path)), None)


def classify(title: str | None, url: str | None, questions: int, news_signals: bool,
             declared: Kind | None = None, default: Kind | None = None, opening: str | None = None,
             briefed: bool = True) -> Kind:
    """The kind of a page that is not a listing: `declared` is the kind the page's site says it is,
    `default` the kind of most pages of its source, `opening` its first paragraph; `briefed` whether someone
    speaking for an office answers the questions (speakers.speaks_for_office)."""
    if declared and declared != "other" and questions < 3:
        return declared
    found = kind_from_title(title or "")
    if found:
        return found
    if questions >= 3 and briefed:
        return "briefing"
    if opening and ATTRIBUTED.match(opening):
        return "statement"
    found = kind_from_url(url) or default or declared
    if found:
        return found
    return "news_report" if news_signals else "other"
