"""Who speaks for the ministry: the spokesperson named in the title, the opening lines or the turns."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from briefarc.extract.labels import ANSWER_LABELS, HONORIFIC, MR_LABEL, OFFICE, SPOKES_LABEL, official, plain
from briefarc.extract.transcript import person_like
from briefarc.models import Turn
from briefarc.patterns import lazy

# A word of a name: "Chunying", "O'Brien", "Jean-Pierre"; never a possessive ("Chunying's").
_WORD = r"[A-Z][\w\-]*(?:['’][A-Z][\w\-]*)?"
_NAME = r"(?P<name>(?:" + _WORD + r"\.?\s+){0,3}" + _WORD + r")"
# In a title, a name ends before the verb: "Spokesperson Mao Ning Answers a Reporter's Question", "Spokesperson
# Geng Shuang Answers Reporter's Question" ("Answers Reporter" is no part of the name, though capitalised).
_VERB = r"(?:[Oo]n|[Aa]t|[Hh]olds|[Hh]osts|[Aa]nswers|[Gg]ives)\b"
_TITLE_NAME = r"(?P<name>(?:(?!" + _VERB + r")" + _WORD + r"\.?\s+){0,3}(?!" + _VERB + r")" + _WORD + r")"
TITLE_PATTERNS = (
    lazy(r"Spokes(?:person|man|woman)\s+" + _TITLE_NAME + r"(?:['’]s\b|,|\s+" + _VERB + r")"),
    lazy(r"(?:by|with)\s+(?:the\s+)?(?:Official\s+)?Spokes(?:person|man|woman)[,\s]+" + _NAME + r"\b"),
)
# After 发言人 in a title, the name and what the spokesperson did ("外交部发言人毛宁主持例行记者会"); in a report's
# sentence, the name before what was said ("发言人毛宁表示"). Told by code (name_after_spokesperson): a pattern's class
# of Han characters costs ~10M instructions to compile (re expands it one code point at a time), in every process.
TITLE_AFTER_NAME_ZH = ("主持", "就", "答", "发表", "在", "宣布", "表示", "：", ":")
SAID_AFTER_NAME_ZH = ("在", "表示", "说", "指出", "称", "介绍", "宣布", "回答", "就", "强调", "答")
OPENING_PATTERNS = (
    lazy(r"briefing by " + _NAME + r",\s+(?:the\s+)?(?:Deputy\s+|Associate\s+)?Spokes"),
    lazy(r"^" + _NAME + r",\s+(?:the\s+)?(?:Department|Deputy|Principal Deputy|Official|Acting)?\s*Spokes"),
)
ATTRIBUTION = lazy(
    r"[Ss]pokes(?:person|man|woman)(?:\s+for\s+the\s+[A-Z][\w ]{2,40}?)?,?\s+"
    r"(?P<name>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2})(?=\s+(?:told|said|says|stated|added|noted|"
    r"remarked|briefed|explained|while|during|at|in|on)\b|[,.])"
)
# The same in the languages of foreign reports of a briefing: "a déclaré la porte-parole Nadia Rehman lors de",
# "sagte Sprecherin Nadia Rehman bei", "dijo la portavoz Nadia Rehman en", "disse a porta-voz Nadia Rehman na",
# "le porte-parole du Quai d'Orsay, Christophe Lemoine, a".
ATTRIBUTION_OTHER = lazy(
    r"(?:[Pp]orte-parole|[Ss]precher(?:in)?|[Pp]ortavoz|[Pp]orta-voz)"
    r"(?:\s+(?:du|de la|de l'|des|de|do|da|dos|das|del)\s*[\w'’ \-]{2,40}?,)?,?\s+"
    r"(?P<name>[A-ZÀ-Ý][a-zà-ÿ'’\-]+(?:\s+[A-ZÀ-Ý][a-zà-ÿ'’\-]+){1,2})(?=\s+(?:a|avait|lors|devant|sagte|sagt|erklärte|"
    r"betonte|bei|vor|dijo|afirmó|declaró|señaló|anunció|durante|disse|afirmou|declarou|anunciou|na|no|en|em|"
    r"au|à|am|in)\b|[,.])"
)
OTHER_WORDS = ("orte-parole", "precher", "ortavoz", "orta-voz")
# Characters that do not occur in the names spokespersons go by, but do in the words that can follow
# "发言人" in a sentence ("发言人已分别…", "发言人对此表示…").
NOT_IN_NAME_ZH = set("已分别都也还将就对在与及们等均又再说表示指出称此次昨该其并")


def clean_name(value: str | None) -> str | None:
    """A person's name from a byline or label: honorifics and the title after a comma dropped."""
    if not value:
        return None
    name = value.split(",")[0].strip()
    name = HONORIFIC.sub("", name).strip()
    if not name or len(name) > 50 or re.search(r"\d|spokes", name, re.I):
        return None
    if re.search(r"['’]s$", name) or NOT_IN_NAME_ZH.intersection(name):
        return None
    return name


# "by the Spokesperson, Thursday, 10 April 2025", "by the Spokesperson, May 5, 2025": a day, or a month alone,
# after "Spokesperson" is the date's, no name ("April Ryan" is one)
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())


def name_after_spokesperson(text: str, longest: int, after: tuple[str, ...]) -> str | None:
    """The name after the first "发言人" of the text that has one: two to `longest` Han characters (U+4E00-U+9FFF, or
    the dot of a transliterated name), the fewest of them that a digit or one of `after` follows (what a pattern
    "发言人(?P<name>[一-鿿·]{2,longest}?)" and a lookahead of those found)."""
    start = text.find("发言人")
    while start >= 0:
        first = start + 3
        for end in range(first + 1, first + longest + 1):
            char = text[end - 1:end]
            if not char or not ("\u4e00" <= char <= "\u9fff" or char == "·"):
                break
            if end > first + 1 and (text[end:end + 1].isdecimal() or text.startswith(after, end)):
                return text[first:end]
        start = text.find("发言人", start + 1)
    return None


def spokesperson_from_title(title: str | None) -> str | None:
    title = title or ""
    names = (match.group("name") for pattern in TITLE_PATTERNS if (match := pattern.search(title)))
    name = next(names, None) or name_after_spokesperson(title, 5, TITLE_AFTER_NAME_ZH)
    if name is None:
        return None
    words = name.casefold().split()
    return None if words[0] in DAYS or (len(words) == 1 and words[0] in MONTHS) else clean_name(name)


# A line of a schedule or an agenda: a time of day first ("2:00 p.m. Department Press Briefing with Spokesperson Ned
# Price", "10:30 Briefing by the spokesperson", "At 3 pm, ..."), or a time of day beside words of what is to come
# ("Spokesperson X will hold a briefing at 2:00 p.m."): it announces an event, nobody speaks in it.
CLOCK = r"(?:\d{1,2}[:h]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?\s?m\b\.?)"
TIMED_ENTRY = lazy(r"^\W*(?:at\s+)?" + CLOCK, re.I)
TIME_OF_DAY = lazy(r"\b" + CLOCK, re.I)
TO_COME = lazy(r"\b(?:will|is scheduled to|are scheduled to|to be held)\b|将于", re.I)
ENTRIES = 2  # timed lines that make a page a list of events


def announces_event(line: str) -> bool:
    """A schedule's entry: a time of day, then what happens at it (two words or more: "2:07 p.m. EDT", the hour
    a transcript began, is no entry); or a line that says what will happen at a time of day."""
    entry = TIMED_ENTRY.match(line)
    if entry:
        return len(line[entry.end():].split()) >= 2
    return TIME_OF_DAY.search(line) is not None and TO_COME.search(line) is not None


def lists_events(paragraphs: list[str]) -> bool:
    """A page that lists events at their times: two lines or more announce one (a public schedule, an agenda, a
    ministry's "upcoming events")."""
    return sum(announces_event(paragraph) for paragraph in paragraphs) >= ENTRIES


def spokesperson_from_text(paragraphs: list[str]) -> str | None:
    """From an opening sentence ("noon briefing by Stéphane Dujarric, Spokesperson") or a news
    report's attribution ("spokesman Asim Iftikhar told", "la porte-parole Nadia Rehman lors de"); never from a
    line of a list of events that announces one ("2:00 p.m. Department Press Briefing with Spokesperson X"): the
    spokesperson does not speak on that page."""
    opening = paragraphs[:12]
    a_list: bool | None = None  # whether the opening lists events: read once, when a line that names one asks
    for paragraph, name in named_in(opening):
        if not announces_event(paragraph):
            return name
        if a_list is None:
            a_list = lists_events(opening)
        if not a_list:
            return name
    return None


def named_in(paragraphs: list[str]) -> Iterator[tuple[str, str | None]]:
    """Each paragraph that names who spoke, with the name: an opening line's among the first three (None when the
    name is refused: no other line is looked at then), then each attribution's."""
    for paragraph in paragraphs[:3]:
        match = next((hit for pattern in OPENING_PATTERNS if (hit := pattern.search(paragraph))), None)
        if match:
            yield paragraph, clean_name(match.group("name"))
    for paragraph in paragraphs:
        for found in attributed(paragraph):
            name = clean_name(found)
            if name:
                yield paragraph, name


def attributed(paragraph: str) -> Iterator[str]:
    """The names a paragraph attributes words to: in English, in Chinese, in the other languages. Each pattern's
    words are looked for first (most paragraphs hold none)."""
    if "pokes" in paragraph and (match := ATTRIBUTION.search(paragraph)):
        yield match.group("name")
    if "发言人" in paragraph and (name := name_after_spokesperson(paragraph, 4, SAID_AFTER_NAME_ZH)):
        yield name
    if any(w in paragraph for w in OTHER_WORDS) and (match := ATTRIBUTION_OTHER.search(paragraph)):
        yield match.group("name")


def spokesperson_from_turns(turns: list[Turn]) -> str | None:
    """The name in the answer labels, when one is written out ("Zhao Lijian", "Shri Arindam Bagchi,
    Official Spokesperson", "Official Spokesperson, Shri Randhir Jaiswal"); a label that says "Spokesperson"
    first, as a guest briefer may answer more often ("Shri Vikram Misri, Foreign Secretary"). Bare labels (A,
    MR PRICE, Spokesperson) and offices ("Foreign Secretary") say nothing."""
    counts = Counter(t.speaker for t in turns if t.role in ("answer", "statement") and t.speaker)
    speakers = sorted((speaker for speaker, _ in counts.most_common()), key=lambda s: SPOKES_LABEL.search(s) is None)
    for speaker in speakers:
        if plain(speaker) in ANSWER_LABELS or MR_LABEL.match(speaker):
            continue
        name = name_in_label(speaker)
        if name and not re.fullmatch(r"[A-Z .]+", name) and person_named(name):
            return name
    return None


def person_named(name: str) -> bool:
    """A person's name: two or three capitalised words or two to four Han characters (person_like), or two or three
    words of a script without capitals and no digit ("रणधीर जायसवाल"), or one Korean word of two to four
    syllables (임수석); not a phrase ("Our Testing Team Of Experts") or a single word ("Verdict")."""
    if person_like(name) or HANGUL_NAME.fullmatch(name):
        return True
    return 2 <= len(name.split()) <= 3 and not any(char.isupper() or char.islower() or char.isdigit() for char in name)


HANGUL_NAME = lazy(r"[가-힣]{2,4}")  # a Korean name, written as one word of two to four syllables (임수석)


def speaks_for_office(turns: list[Turn], spokesperson: str | None) -> bool:
    """Someone speaking for an office answers the questions: the page names its spokesperson (`spokesperson`, from
    its title, metadata or opening lines), or an answer's label names an office or an official ("Spokesperson",
    "发言人", "MR PRICE", "Shri Vikram Misri, Foreign Secretary"), as in every briefing. An FAQ's "Q:"/"A:", an
    interview of a researcher or a shop's labelled lines have none."""
    return spokesperson is not None or any(
        turn.role == "answer" and turn.speaker is not None
        and (official(turn.speaker) or SPOKES_LABEL.search(turn.speaker) is not None) for turn in turns)


LABEL_PARTS = lazy(r"[,()（）]")


def name_in_label(label: str) -> str | None:
    """The person's name a label writes beside an office: "Official Spokesperson (Shri Syed Akbaruddin)" and
    "Official Spokesperson, Shri Randhir Jaiswal" give the name after it; a label that is an office alone
    ("Foreign Secretary") gives none. An honorific is no office ("Ambassador Linda Thomas-Greenfield")."""
    for part in LABEL_PARTS.split(label):
        part = part.strip()
        if part and not OFFICE.search(HONORIFIC.sub("", part)) and (name := clean_name(part)):
            return name
    return name_after_office(label)


def name_after_office(label: str) -> str | None:
    """The name an office comes before in one part: "Spokesperson Mao Ning", "Deputy Spokesperson Vedant Patel",
    "Foreign Minister Wang Yi" (the whole label was the name, or none was). Two words or more, each capitalised."""
    offices = list(OFFICE.finditer(label))
    if not offices or LABEL_PARTS.search(label):
        return None
    rest = label[offices[-1].end():].strip()
    words = rest.split()
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return None
    return clean_name(rest)
