"""Briefing structure: the spokesperson, and the question/answer turns of a transcript.

A paragraph opens a turn when it starts with a speaker label ("Q:", "CCTV:", "MR PRICE:", "问：").
Labels that only look like names (outlets, journalists) count when the transcript also has answer
labels, so that "Note:" or "Libya:" in ordinary prose never makes a turn; labels with digits
("As of 24:00") never do. Headings ("**Libya") are kept as paragraphs and end the current turn.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefarc.models import Role, Turn

LABEL = re.compile(r"^(?P<label>[^:：\n]{1,70}?)\s*[:：]\s*(?P<rest>.*)$", re.S)
QUESTION_LABELS = frozenset({
    "q", "question", "questions", "follow-up", "follow up", "followup", "follow-up question", "journalist",
    "reporter", "correspondent", "问", "追问", "记者", "又问", "再问", "question (translated)",
})
ANSWER_LABELS = frozenset({
    "a", "answer", "spokesperson", "spokesman", "spokeswoman", "official spokesperson", "deputy spokesperson",
    "the spokesperson", "答", "发言人", "associate spokesperson",
})
NOT_SPEAKERS = frozenset({
    "note", "notes", "source", "sources", "photo", "photos", "update", "updated", "editor's note", "editors note",
    "related", "tags", "tag", "read more", "read also", "watch", "also", "also read", "time", "date", "venue",
    "place", "location", "subject", "topic", "re", "ref", "ps", "nb", "background", "transcript", "video",
    "audio", "image", "caption", "credit", "by", "from", "to", "cc", "email", "e-mail", "tel", "phone", "fax",
    "address", "website", "web", "url", "link", "contact", "disclaimer", "copyright", "summary", "headline",
    "title", "agenda", "highlights", "key points", "example", "for example", "warning", "quote", "translation",
    "attachment", "attachments", "appendix", "annex", "follow us", "share", "posted", "published", "print",
    "注", "来源", "编者按", "附件", "时间", "地点", "日期",
})
CONNECTORS = frozenset({"of", "and", "the", "de", "du", "la", "le", "for", "al", "el", "&", "von", "van", "da"})
HONORIFIC = re.compile(r"^(?:shri|smt\.?|mr\.?|ms\.?|mrs\.?|dr\.?|ambassador|h\.e\.?)\s+", re.I)
MR_LABEL = re.compile(r"^(?:MR|MS|MRS|DR|AMBASSADOR)\.?\s+([A-Z][A-Z'\-]+)$")
LEAD_IN = re.compile(
    r"^(?:after the (?:press )?conference|following the (?:press )?conference)[^:：]{0,80}?"
    r"(?:questions?|asked)[^:：]{0,40}[:：]\s*|^会后[，,]?有记者问及[:：]\s*|^会后[，,]?有记者问[:：]\s*",
    re.I,
)
HEADING = re.compile(r"^\*\*\s*\S")
SEPARATOR = re.compile(r"^[\s※*＊\-—_=·•.]+$")


@dataclass
class Label:
    speaker: str | None
    role: Role | None  # question | answer | None (a name that needs the transcript's context)
    rest: str


def _plain(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip(" .")).casefold()


def name_like(label: str) -> bool:
    """A label that could be a person or an outlet: a few capitalised words, or a short Chinese name."""
    if re.search(r"\d", label) or len(label) > 60:
        return False
    if re.fullmatch(r"[\u4e00-\u9fff·]{2,12}", label):
        return True
    words = label.replace(",", " ").split()
    if not 1 <= len(words) <= 8:
        return False
    capitals = [w for w in words if w[0].isupper() or w[0] in "(\"'“"]
    return len(capitals) >= 1 and all(w[0].isupper() or w.lower() in CONNECTORS or not w[0].isalpha()
                                       for w in words)


def read_label(paragraph: str, spokesperson: str | None) -> Label | None:
    """The speaker label a paragraph opens with, if any."""
    lead = LEAD_IN.match(paragraph)
    if lead:
        return Label(None, "question", paragraph[lead.end():].strip())
    match = LABEL.match(paragraph)
    if not match:
        return None
    label, rest = match.group("label").strip(), match.group("rest").strip()
    plain = _plain(label)
    if plain in NOT_SPEAKERS or label.startswith(("http", "www")) or "(" in label and ")" not in label:
        return None
    if plain in QUESTION_LABELS:
        return Label(label, "question", rest)
    if plain in ANSWER_LABELS or is_spokesperson_label(label, spokesperson):
        return Label(label, "answer", rest)
    if name_like(label):
        return Label(label, None, rest)
    return None


def is_spokesperson_label(label: str, spokesperson: str | None) -> bool:
    """MR PRICE for Ned Price; "Shri Arindam Bagchi, Official Spokesperson"; the name itself."""
    if re.search(r"spokes(?:person|man|woman)|发言人", label, re.I):
        return True
    mister = MR_LABEL.match(label)
    if mister:
        surname = mister.group(1).casefold()
        return spokesperson is None or spokesperson.split()[-1].casefold() == surname
    if not spokesperson:
        return False
    name = HONORIFIC.sub("", label).strip().casefold()
    return name == spokesperson.casefold() or name == spokesperson.split()[-1].casefold()


def label_roles(labels: list[Label | None]) -> dict[str, Role]:
    """Roles for the name-like labels: when the page has no answer label, the most frequent name
    (three times or more, or the only name beside question labels) is taken to be the one answering."""
    has_answers = any(lab and lab.role == "answer" for lab in labels)
    has_questions = any(lab and lab.role == "question" for lab in labels)
    names = Counter(lab.speaker for lab in labels if lab and lab.role is None and lab.speaker)
    roles: dict[str, Role] = {}
    if not has_answers and names:
        top, count = names.most_common(1)[0]
        if (count >= 3 and count >= 0.3 * sum(names.values())) or (has_questions and len(names) == 1):
            roles[top] = "answer"
            has_answers = True
    if has_answers:
        for name in names:
            roles.setdefault(name, "question")
    return roles


def find_turns(paragraphs: list[str], spokesperson: str | None = None) -> list[Turn]:
    """Opening statements, questions and answers in order; [] when the page is not a transcript."""
    labels = [None if HEADING.match(p) else read_label(p, spokesperson) for p in paragraphs]
    roles = label_roles(labels)
    turns: list[Turn] = []
    current: Turn | None = None
    asked = lead_in = False
    for paragraph, label in zip(paragraphs, labels, strict=True):
        role = (label.role or roles.get(label.speaker or "")) if label else None
        if label and role == "question" and label.speaker is None and not label.rest:
            current, lead_in = None, True  # "After the press conference, the following question was raised:"
            continue
        if role and label:
            if role == "answer" and not asked:
                role = "statement"
            asked = asked or role == "question"
            current = Turn(label.speaker, role, label.rest)
            turns.append(current)
        elif HEADING.match(paragraph) or SEPARATOR.match(paragraph):
            current = None
        elif lead_in:
            current = Turn(None, "question", paragraph)
            turns.append(current)
            asked = True
        elif current is not None:
            current.text = f"{current.text}\n\n{paragraph}" if current.text else paragraph
        else:
            current = Turn(spokesperson, "statement", paragraph)
            turns.append(current)
        lead_in = False
    return turns if sum(t.role == "question" for t in turns) >= 1 and len(turns) >= 2 else []


def question_count(turns: list[Turn]) -> int:
    return sum(1 for turn in turns if turn.role == "question")


# --- spokesperson ------------------------------------------------------------------------------------

_NAME = r"(?P<name>(?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]+)"
TITLE_PATTERNS = (
    re.compile(r"Spokes(?:person|man|woman)\s+" + _NAME + r"(?:'s|’s|,|\s+(?:on|at|holds|hosts)\b)"),
    re.compile(r"(?:by|with)\s+(?:the\s+)?(?:Official\s+)?Spokes(?:person|man|woman)[,\s]+" + _NAME + r"\b"),
    re.compile(r"发言人(?P<name>[\u4e00-\u9fff·]{2,5}?)(?:主持|就|答|发表|在|：|:)"),
)
OPENING_PATTERNS = (
    re.compile(r"briefing by " + _NAME + r",\s+(?:the\s+)?(?:Deputy\s+|Associate\s+)?Spokes"),
    re.compile(r"^" + _NAME + r",\s+(?:the\s+)?(?:Department|Deputy|Principal Deputy|Official|Acting)?\s*Spokes"),
)
ATTRIBUTION = re.compile(
    r"[Ss]pokes(?:person|man|woman)(?:\s+for\s+the\s+[A-Z][\w ]{2,40}?)?,?\s+"
    r"(?P<name>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+){1,2})(?=\s+(?:told|said|says|stated|added|noted|"
    r"remarked|briefed|explained|while|during|at|in|on)\b|[,.])"
)


ATTRIBUTION_ZH = re.compile(
    r"发言人(?P<name>[\u4e00-\u9fff·]{2,4}?)(?=\d|在|表示|说|指出|称|介绍|宣布|回答|就|强调|答)"
)


def clean_name(value: str | None) -> str | None:
    """A person's name from a byline or label: honorifics and the title after a comma dropped."""
    if not value:
        return None
    name = value.split(",")[0].strip()
    name = HONORIFIC.sub("", name).strip()
    if not name or len(name) > 50 or re.search(r"\d|spokes", name, re.I):
        return None
    return name


def spokesperson_from_title(title: str | None) -> str | None:
    for pattern in TITLE_PATTERNS:
        match = pattern.search(title or "")
        if match:
            return clean_name(match.group("name"))
    return None


def spokesperson_from_text(paragraphs: list[str]) -> str | None:
    """From an opening sentence ("noon briefing by Stéphane Dujarric, Spokesperson") or a news
    report's attribution ("spokesman Asim Iftikhar told")."""
    for paragraph in paragraphs[:3]:
        for pattern in OPENING_PATTERNS:
            match = pattern.search(paragraph)
            if match:
                return clean_name(match.group("name"))
    for paragraph in paragraphs[:12]:
        match = ATTRIBUTION.search(paragraph) or ATTRIBUTION_ZH.search(paragraph)
        if match:
            return clean_name(match.group("name"))
    return None


def spokesperson_from_turns(turns: list[Turn]) -> str | None:
    """The name in the answer labels, when one is written out ("Zhao Lijian", "Shri Arindam Bagchi,
    Official Spokesperson"); bare labels (A, MR PRICE, Spokesperson) say nothing."""
    counts = Counter(t.speaker for t in turns if t.role in ("answer", "statement") and t.speaker)
    for speaker, _ in counts.most_common():
        plain = _plain(speaker)
        if plain in ANSWER_LABELS or MR_LABEL.match(speaker):
            continue
        name = clean_name(speaker)
        if name and not re.fullmatch(r"[A-Z .]+", name):
            return name
    return None
