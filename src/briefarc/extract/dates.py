"""Dates in the forms ministry and news pages write them, as ISO 8601 strings.

`parse_date` reads a text that is a date ("Friday, 16th May 2025", "2021-09-16T17:42:11+05:00");
`find_date` finds the first date inside a longer text such as a title; `date_from_url` reads the dates
and date-like ids that URLs carry. A date in the future, or before 1990, is never returned.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from briefarc.patterns import lazy
from briefarc.urls import split

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

ISO = lazy(
    r"(?<!\d)" + _YEAR + r"-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
    r"(?:[T ](?P<hh>\d{1,2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?(?:\.\d+)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
YEAR_FIRST = lazy(r"(?<![\d/.])" + _YEAR + r"(?P<ysep>[/.])(?P<mon>\d{1,2})(?P=ysep)(?P<day>\d{1,2})(?![\d/.])")
CJK = lazy(_YEAR + r"\s*年\s*(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
DAY_MONTH_YEAR = lazy(
    r"(?<![\w.])(?P<day>\d{1,2})" + _ORD + r"(?:\s*(?:of\s+)?|-)" + _MONTH + r"(?:,?\s*|-)" + _YEAR + r"(?!\d)",
    re.I,
)
MONTH_DAY_YEAR = lazy(
    r"(?<![a-z])" + _MONTH + r"\s*(?P<day>\d{1,2})" + _ORD + r"(?:\s*,\s*|\s+)" + _YEAR + r"(?!\d)", re.I
)
NUMERIC = lazy(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)" + _YEAR + r"(?![\d.]\d)")
MONTH_DAY = lazy(r"(?<![a-z])" + _MONTH + r"\s*(?P<day>\d{1,2})" + _ORD + r"(?![\d:])", re.I)
DAY_MONTH = lazy(r"(?<![\w.])(?P<day>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH + r"(?![a-z])", re.I)
CJK_MONTH_DAY = lazy(r"(?<!\d)(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
WEEKDAY = lazy(
    r"^\W*(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*|^\W*星期[一二三四五六日天]\s*",
    re.I,
)
RFC822 = lazy(
    r"^\s*(?:[A-Za-z]{3},\s*)?(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3})\s+" + _YEAR
    + r"\s+(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::(?P<ss>\d{2}))?\s*(?P<tz>[+-]\d{4}|GMT|UTC|UT|Z)?"
)

URL_PATTERNS = (
    lazy(r"/t(?P<year>(?:19|20)\d{2})(?P<mon>\d{2})(?P<day>\d{2})_\d+"),  # China MFA t20250312_11574321
    lazy(r"/db(?P<yy>\d{2})(?P<mon>\d{2})(?P<day>\d{2})\.doc"),  # UN db250912.doc.htm
    lazy(r"/(?P<year>(?:19|20)\d{2})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_])"),
    lazy(r"(?<!\d)(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)"),
    lazy(r"(?<![\d])(?P<year>20[0-3]\d)(?P<mon>[01]\d)(?P<day>[0-3]\d)(?![\d])"),
)

EARLIEST = date(1990, 1, 1)
MonthFirst = Callable[[], bool]  # whether the page writes numeric days month first: asked only when one reads both ways
PATTERNS_WITH_YEAR = (ISO, CJK, DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC, YEAR_FIRST)
# what every pattern with a year holds (_YEAR): a text without it is not searched with them
HAS_YEAR = lazy(r"(?:19|20)\d{2}")
HAS_DIGIT = lazy(r"\d")


_CLOCK: list = [None, None]  # the second and the date of the last call without `today`


def _today(today: date | None) -> date:
    if today:
        return today
    second = int(time.time())  # date.today() reads the same clock: its date changes only with the second
    if _CLOCK[0] != second:
        _CLOCK[:] = [second, date.fromtimestamp(second)]
    return _CLOCK[1]


def make_date(year: int, month: int, day: int, today: date | None = None) -> date | None:
    """A date, if it exists and is neither before 1990 nor later than tomorrow."""
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if value < EARLIEST or value > _today(today) + timedelta(days=1):
        return None
    return value


def _offset(tz: str | None) -> str | None:
    if not tz:
        return None
    if tz.upper() in ("Z", "GMT", "UTC", "UT"):
        return "+00:00"
    digits = tz.replace(":", "")
    return f"{digits[:3]}:{digits[3:5]}"


def _from_match(match: re.Match, today: date | None, month_first: MonthFirst | None = None) -> str | None:
    """The ISO string for a match of one of the full-date patterns; a slashed day that reads both ways
    ("03/12/2025") is read day first unless `month_first` says the page writes the month first."""
    groups = match.groupdict()
    year = int(groups["year"])
    if "a" in groups and groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "/" and (first <= 12 < second or (
                second <= 12 and first != second and month_first is not None and month_first())):
            first, second = second, first  # 09/16/2021
        value = make_date(year, second, first, today)
    else:
        month = MONTHS[groups["month"].casefold()] if groups.get("month") else int(groups["mon"])
        value = make_date(year, month, int(groups["day"]), today)
    if value is None:
        return None
    offset = _offset(groups.get("tz"))
    if groups.get("hh") is not None and offset:
        hours, minutes, seconds = int(groups["hh"]), int(groups["mm"]), int(groups.get("ss") or 0)
        if hours < 24 and minutes < 60 and seconds < 60:
            return f"{value.isoformat()}T{hours:02d}:{minutes:02d}:{seconds:02d}{offset}"
    return value.isoformat()


def parse_date(text: str | None, default_year: int | None = None, today: date | None = None,
               month_first: MonthFirst | None = None) -> str | None:
    """Read a text that is a date (a weekday, ordinals, a time and brackets allowed around it)."""
    if not text:
        return None
    text = text.strip().strip("()[]（）【】").strip()
    if len(text) > 80:
        return None
    rest = WEEKDAY.sub("", text)
    rfc = RFC822.match(rest)
    if rfc and rfc.group("month").lower() in MONTHS:
        return _rfc822(rfc, today)
    found = find_date(rest, default_year, today, month_first)
    if found and len(rest) < len(text) and len(found) == 10 and SLASHED.match(rest):  # a weekday before it
        return _as_the_weekday_says(found, text, len(text) - len(rest), today)
    return found


WEEKDAY_NAME = lazy(r"(?<![a-z])(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$", re.I)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLASHED = lazy(r"\d{1,2}/\d{1,2}/(?:19|20)\d{2}")


def _as_the_weekday_says(found: str, text: str, start: int, today: date | None) -> str:
    """A numeric day that reads both ways ("03/04/2025": 3 April or 4 March, standing at `start` in the text)
    in the order whose day is the English weekday written just before it ("Tue, 03/04/2025 - 14:05", Drupal's
    default, is 4 March)."""
    weekday = WEEKDAY_NAME.search(text, max(start - 12, 0), start)
    return (_other_order(found, WEEKDAYS.index(weekday[1].lower()), today) if weekday else None) or found


def _other_order(found: str, weekday: int, today: date | None) -> str | None:
    """The same numbers read the other way round when only that reading falls on the weekday."""
    day = date.fromisoformat(found[:10])
    if day.weekday() == weekday or day.day > 12 or day.day == day.month:
        return None
    swapped = make_date(day.year, day.day, day.month, today)
    return swapped.isoformat() if swapped and swapped.weekday() == weekday else None


def _rfc822(match: re.Match, today: date | None) -> str | None:
    value = make_date(int(match["year"]), MONTHS[match["month"].casefold()], int(match["day"]), today)
    if value is None:
        return None
    offset = _offset(match["tz"])
    if not offset:
        return value.isoformat()
    return f"{value.isoformat()}T{int(match['hh']):02d}:{match['mm']}:{int(match['ss'] or 0):02d}{offset}"


REMEMBERED_TEXT = 300  # find_date remembers its answer for texts this short (a title is read for dates 3-5 times)


def find_date(text: str | None, default_year: int | None = None, today: date | None = None,
              month_first: MonthFirst | None = None) -> str | None:
    """The earliest-placed full date inside a text; failing that, a day and month without a year
    when default_year says which year it is. `month_first`: asked, when a slashed day reads both ways,
    whether the page writes the month first."""
    if not text:
        return None
    if month_first is not None and "/" in text:
        return _find_date(text, default_year, today, month_first)
    if len(text) <= REMEMBERED_TEXT:
        return _remembered_date(text, default_year, _today(today))  # by the day it is: what it admits
    return _find_date(text, default_year, today)


@lru_cache(maxsize=2048)
def _remembered_date(text: str, default_year: int | None, today: date) -> str | None:
    return _find_date(text, default_year, today)


def _find_date(text: str, default_year: int | None, today: date | None,
               month_first: MonthFirst | None = None) -> str | None:
    if HAS_YEAR.search(text) is None:
        return _find_without_year(text, default_year, today) if default_year else None
    found = []
    for pattern in PATTERNS_WITH_YEAR:
        for match in pattern.finditer(text):
            value = _from_match(match, today, month_first)
            if value:
                if match.groupdict().get("sep") == "/":  # NUMERIC's (a lazy pattern is not itself once compiled)
                    value = _as_the_weekday_says(value, text, match.start(), today)
                found.append((match.start(), value))
                break
    if found:
        return min(found)[1]
    if default_year:
        return _find_without_year(text, default_year, today)
    return None


def _find_without_year(text: str, year: int, today: date | None) -> str | None:
    if HAS_DIGIT.search(text) is None:
        return None
    found = []
    for pattern in (MONTH_DAY, DAY_MONTH, CJK_MONTH_DAY):
        match = pattern.search(text)
        if match:
            groups = match.groupdict()
            month = MONTHS[groups["month"].casefold()] if groups.get("month") else int(groups["mon"])
            value = make_date(year, month, int(groups["day"]), today)
            if value:
                found.append((match.start(), value.isoformat()))
    return min(found)[1] if found else None


def date_from_url(url: str | None, today: date | None = None) -> str | None:
    """A date that a URL carries: /2019/11/19/, 2019-11-19, tYYYYMMDD_N, dbYYMMDD, YYYYMMDD (None for
    what is not a URL)."""
    if not url or split(url) is None:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in URL_PATTERNS:
        for match in pattern.finditer(path):
            groups = match.groupdict()
            year = int(groups["year"]) if groups.get("year") else 2000 + int(groups["yy"])
            value = make_date(year, int(groups["mon"]), int(groups["day"]), today)
            if value:
                return value.isoformat()
    return None


def is_date_line(text: str) -> bool:
    """True when a short text says nothing but a date (and perhaps a time)."""
    if len(text) > 60:
        return False
    value = parse_date(text)
    if not value:
        return False
    rest = text
    for pattern in (*PATTERNS_WITH_YEAR, WEEKDAY):
        rest = pattern.sub("", rest)
    rest = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|[A-Z]{2,4}\b|[\W_]", "", rest, flags=re.I)
    return len(rest) <= 3


def year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def in_time_zone(value: str | None, zone: str | None) -> str | None:
    """A time written in UTC ("...Z", "...+00:00") as the clocks of `zone` (an IANA name) read it: a feed's pubDate
    of 00:15 UTC is the evening before in Washington, the day the page shows. A time with another offset is the
    publisher's own, and a day without a time has no zone: both kept, as is any time where the zone is unknown."""
    if not value or not zone or "T" not in value or not value.endswith(("Z", "+00:00")):
        return value
    try:
        from zoneinfo import ZoneInfo

        moment = datetime.fromisoformat(value.removesuffix("Z") + ("+00:00" if value.endswith("Z") else ""))
        return moment.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")
    except (ValueError, LookupError, OSError):  # ZoneInfoNotFoundError is a LookupError: no time zone database
        return value


# --- month names in other languages (the generic date finder of page text) ---------------------------

FOREIGN_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "januar februar märz april mai juni juli august september oktober november dezember",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    "ur": "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر",
    "hi": "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
}
# other spellings, and the Levantine names (two of a word: joined before reading)
MONTH_VARIANTS = {
    "ar": {"إبريل": 4, "ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10, "شباط": 2, "آذار": 3,
           "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "أيلول": 9, "كانون_الثاني": 1, "تشرين_الأول": 10,
           "تشرين_الثاني": 11, "كانون_الأول": 12},
    "ur": {"مئ": 5},  # written without its last letter
    "de": {"maerz": 3},  # the umlaut spelt out
    "es": {"setiembre": 9},  # as Peru, Uruguay and others write it
    # without the nukta, with it precomposed, and with a half nasal (्ब) for the anusvara (ं)
    "hi": {"फरवरी": 2, "\u095eरवरी": 2, "अक्तूबर": 10, "सितम्बर": 9, "नवम्बर": 11, "दिसम्बर": 12},
}
TWO_WORD_MONTHS = lazy(r"(كانون|تشرين)\s+(الثاني|الأول)")


def _with_abbreviations(names: dict[str, int]) -> dict[str, int]:
    """The names and every prefix of three letters or more that only one of them starts with ("déc", "févr")."""
    owners: dict[str, set[int]] = {}
    for name, number in names.items():
        for end in range(3, len(name)):
            owners.setdefault(name[:end], set()).add(number)
    return {**{prefix: next(iter(found)) for prefix, found in owners.items() if len(found) == 1}, **names}


def _unaccented(names: dict[str, int]) -> dict[str, int]:
    """The Latin names written without their accents too, as pages typed without them write them ("5 aout 2019",
    "12 fevrier", "3 de marco")."""
    plain = {}
    for name, number in names.items():
        bare = "".join(char for char in unicodedata.normalize("NFKD", name) if not unicodedata.combining(char))
        if bare != name and bare.isascii():
            plain[bare] = number
    return {**plain, **names}


_FOREIGN = {
    lang: _with_abbreviations(_unaccented({name: index + 1 for index, name in enumerate(names.split())})
                              | MONTH_VARIANTS.get(lang, {}))
    for lang, names in FOREIGN_MONTHS.items()
}
# A letter of a month's name: Devanagari writes vowels and the virama as marks, which \w leaves out (मार्च)
_MONTH_LETTER = r"(?:[^\W\d]|[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963])"
# the day (French writes the first "1er", Spanish and Portuguese "1º"), the month and the year, apart by spaces
# ("12 mars 2025", "5 de mayo del 2023", "١٢ يناير، ٢٠٢٥") or by hyphens as templates write them ("04-ago-2021")
_FOREIGN_DATE = lazy(r"(?<!\d)(?P<day>\d{1,2})(?:er|ᵉʳ|º|°)?(?:\.?\s*(?:de\s+)?|-)(?P<month>" + _MONTH_LETTER
                     + r"{2,13})(?:\.?[,،]?\s*(?:del?\s+)?|\.?-)" + _YEAR + r"(?!\d)")
# The month first (Hindi pages write "मार्च 12, 2025" as English ones do): only in languages that do (MONTH_FIRST)
_FOREIGN_MONTH_FIRST = lazy(r"(?<!\w)(?P<month>" + _MONTH_LETTER + r"{2,13})\.?\s+(?P<day>\d{1,2}),?\s+" + _YEAR
                            + r"(?!\d)")
MONTH_FIRST = frozenset({"hi"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")  # Arabic-Indic and Persian
_OTHER_DIGIT = lazy("[٠-٩۰-۹]")
EASTERN_DIGITS = frozenset({"ar", "fa", "ur", "ps", "ku"})  # languages whose pages may write them


def _western_digits(text: str) -> str:
    return text.translate(_DIGITS) if _OTHER_DIGIT.search(text) else text  # translate is slow: only when needed


def find_date_in_language(text: str | None, language: str | None, today: date | None = None,
                          month_first: MonthFirst | None = None) -> str | None:
    """find_date, then a day, month name and year in the page's language ("12 mars 2025",
    "3. März 2024", "5 de mayo de 2023", "12 марта 2025", "12 déc. 2024", "١٢ آذار ٢٠٢٥")."""
    text = _western_digits(text) if text else text
    found = find_date(text, today=today, month_first=month_first)
    if found or not text or HAS_YEAR.search(text) is None:
        return found
    months = _FOREIGN.get((language or "")[:2].lower())
    found = _foreign_date(text, language or "", months, today) if months else None
    return found or _template_date(text, today)


def _foreign_date(text: str, language: str, months: dict[str, int], today: date | None) -> str | None:
    """The first day, month name (one of `months`, the page's language's) and year in the text."""
    text = TWO_WORD_MONTHS.sub(r"\1_\2", text)
    matches = [*_FOREIGN_DATE.finditer(text),
               *(_FOREIGN_MONTH_FIRST.finditer(text) if language[:2].lower() in MONTH_FIRST else ())]
    for match in sorted(matches, key=lambda match: match.start()):
        month = months.get(match["month"].lower())
        value = make_date(int(match["year"]), month, int(match["day"]), today) if month else None
        if value:
            return value.isoformat()
    return None


# a day, a month's short name and a year joined by hyphens, as a content system's template writes them in the locale
# it was set to, which need not be the language the page declares ("04-ago-2021" on an en-US page)
_TEMPLATE_DATE = lazy(r"(?<![\w-])(?P<day>\d{1,2})-(?P<month>[^\W\d_]{3,10})\.?-" + _YEAR + r"(?![\w-])")


def _every_language() -> dict[str, int]:
    """Month names and short names in every language known here that name one month only, whatever the language."""
    owners: dict[str, set[int]] = {}
    for names in (MONTHS, *_FOREIGN.values()):
        for name, number in names.items():
            owners.setdefault(name, set()).add(number)
    return {name: next(iter(found)) for name, found in owners.items() if len(found) == 1}


_ANY_LANGUAGE = _every_language()


def _template_date(text: str, today: date | None) -> str | None:
    """A hyphenated day, month and year ("04-ago-2021") whose month some language names, whatever the page's."""
    for match in _TEMPLATE_DATE.finditer(text):
        month = _ANY_LANGUAGE.get(match["month"].lower())
        value = make_date(int(match["year"]), month, int(match["day"]), today) if month else None
        if value:
            return value.isoformat()
    return None


def local_day(found: str | None, from_url: str | None) -> str | None:
    """A timestamp given in UTC whose day is one off the day in the URL was written in the site's own
    time zone: the URL's day is the page's."""
    if not found or not from_url or len(found) <= 10 or found[:10] == from_url:
        return found
    try:
        gap = abs(date.fromisoformat(found[:10]) - date.fromisoformat(from_url)).days
    except ValueError:
        return found
    return from_url if gap == 1 else found


def date_mentions(text: str, value: str | None, language: str | None = None,
                  judged: dict[str, bool] | None = None) -> int:
    """How many times a text writes the day of an ISO date in one of the usual forms ("2025-03-02",
    "02.03.2025", "3/2/2025", "March 2nd, 2025", "2 Mar 2025", "2 mars 2025", "2025年3月2日"). `judged`: what
    the windows read so far around the year showed, for this date and language (a caller's second text, or a
    page's scripts, repeat many of them); filled here."""
    try:
        day = date.fromisoformat((value or "")[:10])
    except ValueError:
        return 0
    language = (language or "")[:2].lower()
    text, year = _western_digits(text) if language in EASTERN_DIGITS else text, str(day.year)
    months = _FOREIGN.get(language)
    number = str(day.day)
    if judged is None:
        judged = {}
    count, start, at = 0, 0, text.find(year)
    while at != -1:  # read only around the year, and only where the day's number stands too
        window = text[max(at - 30, start):at + 16]
        if number in window:
            shows = judged.get(window)
            if shows is None:
                shows = judged[window] = _window_shows(window, day, months)
            if shows:
                count, start = count + 1, at + 4
        at = text.find(year, at + 4)
    return count


MONTH_START = {number: name[:3] for name, number in MONTHS.items()}  # how each of a month's English names opens


def _window_shows(window: str, day: date, months: dict[str, int] | None) -> bool:
    """Whether a window of text writes the day. A pattern is tried only where the window holds what a match of the
    day does: its separator; the name of the day's month in English (or a letter that is not ASCII: a pattern
    that ignores case matches "ſ" for "s"). Most windows are a script's timestamps, and name no month."""
    slashed = "/" in window or "." in window
    named = not window.isascii() or MONTH_START[day.month] in window.lower()
    for pattern, possible in ((ISO, "-" in window), (YEAR_FIRST, slashed), (CJK, "年" in window),
                              (DAY_MONTH_YEAR, named), (MONTH_DAY_YEAR, named)):
        if possible and any((_from_match(match, None) or "")[:10] == day.isoformat()
                            for match in pattern.finditer(window)):
            return True
    # either order: 3/2/2025 is 2 March in one country, 3 February in another
    if slashed and any(int(match["year"]) == day.year and (int(match["a"]), int(match["b"])) in (
            (day.day, day.month), (day.month, day.day)) for match in NUMERIC.finditer(window)):
        return True
    if not months:
        return False
    wanted = (day.year, day.month, day.day)
    return any((int(match["year"]), months.get(match["month"].lower()), int(match["day"])) == wanted
               for match in _FOREIGN_DATE.finditer(window))
