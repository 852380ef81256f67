"""Speaker labels: the "Q:", "CCTV:", "《南华早报》记者：", "MR PRICE:" that open a transcript's paragraphs.

A label is read from the text before the first colon (ASCII or full-width). What it may be depends on
what it says and on the page's markup: question words ("Q", "问", "追问", "Follow-up") always open a
question and answer words ("A", "答", "Spokesperson") an answer; names of people and outlets in any script
("Reuters", "CCTV4", "Zhao Lijian", "路透社记者", "英国《金融时报》记者") get their role from the rest of the
transcript. A colon inside a sentence, a quotation or a title ("...Achievements: Exhibition") is not a
label, and neither is a colon-ended line of an answer ("向大家通报一组数字：").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from briefarc.models import Role
from briefarc.patterns import lazy

LABEL = lazy(r"^(?P<label>[^:：\n]{1,80}?)\s*[:：]\s*(?P<rest>.*)$", re.S)
QUESTION_WORDS = lazy(
    r"^(?:q|question|questions|question \(translated\)|follow[- ]?up(?: question)?|journalist|reporter|"
    r"correspondent|问|又问|再问|追问[一二三四五六七八九十\d]*|记者(?:追问|解释|澄清|补充|插话|又问)?|"
    r"प्रश्न|सवाल|अनुपूरक प्रश्न)$",  # Hindi (MEA's transcripts in Hindi): question, supplementary question
    re.I,
)
ANSWER_LABELS = frozenset({
    "a", "answer", "spokesperson", "spokesman", "spokeswoman", "official spokesperson", "deputy spokesperson",
    "the spokesperson", "答", "发言人", "associate spokesperson",
    "उत्तर", "प्रवक्ता", "सरकारी प्रवक्ता", "आधिकारिक प्रवक्ता",  # Hindi: answer, (official) spokesperson
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
# "Question raised after the press conference: ...", "After the press conference, the following question
# was raised:", "会后有记者问及：": a question of its own, asked by someone the page does not name.
AFTER_CONFERENCE = lazy(r"(?:after|following) the (?:regular )?(?:press )?(?:conference|briefing)", re.I)
ASKED = lazy(r"\b(?:questions?|asked|raised|quer(?:y|ies))\b", re.I)
AFTER_CONFERENCE_ZH = lazy(r"^(?:例行)?(?:记者)?会后[，,]?.{0,16}?(?:问及|问到|提问|问)$")
CONNECTORS = frozenset({"of", "and", "the", "de", "du", "la", "le", "for", "al", "el", "&", "von", "van", "da"})
HONORIFIC = lazy(r"^(?:shri|smt\.?|mr\.?|ms\.?|mrs\.?|dr\.?|ambassador|h\.e\.?|श्री|श्रीमती)\s+", re.I)
MR_LABEL = lazy(r"^(?:MR|MS|MRS|DR|AMBASSADOR)\.?\s+([A-Z][A-Z'\-]+)$")
# An office's name in a label: "Shri Vikram Misri, Foreign Secretary", "SENIOR STATE DEPARTMENT OFFICIAL",
# "Foreign Secretary", "Special Envoy Paley". Journalists' labels name people and outlets, never an office.
OFFICE = lazy(r"\b(?:secretary|secretary-general|under-secretary(?:-general)?|minister|ambassador|envoy|official|"
              r"director(?:-general)?|commissioner|coordinator|spokes(?:person|man|woman))\b"
              r"|प्रवक्ता|मंत्री|सचिव|राजदूत", re.I)  # Hindi: spokesperson, minister, secretary, ambassador
# Han characters (U+3400-U+9FFF) are told by comparing code points: re expands a class of their range one code point
# at a time when it compiles a pattern (24M instructions, in every process, for a class of them alone).
HAN_FIRST, HAN_LAST = "\u3400", "\u9fff"


def has_han(text: str) -> bool:
    """Whether the text holds a Han character."""
    return not text.isascii() and any(HAN_FIRST <= char <= HAN_LAST for char in text)


def person_zh_form(name: str) -> bool:
    """Two to four Han characters (or the dot of a transliterated name): a Chinese name's form."""
    return 2 <= len(name) <= 4 and all(HAN_FIRST <= char <= HAN_LAST or char == "·" for char in name)


# Characters of the short phrases an answer opens a line with ("需要强调：", "我想指出：", "这是说："), which no
# spokesperson's name holds: such a phrase is no speaker's label. 其, 那, 再 and 均 are in names (钱其琛, the
# ministry's first spokesperson; 那英; 张均): the phrases they open are named instead (其次：, 那么：, 再次：).
NOT_IN_NAME_ZH = frozenset("我你您需要想调指该此这的是了们都也还将就对在与及等又说称并已")
NOT_NAME_ZH = lazy(r"^(?:其[次中实余它他]|那[么些样]|再[次者说]|均[为是])")
OUTLET_MARKS = frozenset("《》〈〉（）()·・&- _")


def outlet_zh(label: str) -> bool:
    """An outlet's journalist: up to thirty characters of its name (Han characters, letters, digits, marks of a
    name) and 记者 ("路透社记者", "《环球时报》记者", "CNN记者")."""
    return label.endswith("记者") and 1 <= len(label) - 2 <= 30 and all(
        HAN_FIRST <= char <= HAN_LAST or char.isalnum() or char in OUTLET_MARKS for char in label[:-2])


SENTENCE = lazy(r"[，。,;；!?！？、]|\s(?:is|are|was|were|will|would|has|have|said|says)\s", re.I)
PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("(", ")"), ("（", "）"), ("「", "」"), ("『", "』"), ("[", "]"))
BRACKET = lazy("[" + re.escape("".join(left + right for left, right in PAIRS)) + "]")


@dataclass
class Label:
    speaker: str | None
    role: Role | None  # question | answer | None (a name that needs the transcript's context)
    rest: str
    lead_in: bool = False  # an after-conference line that introduces the next paragraph's question


SPACES = lazy(r"\s+")
SPOKES_LABEL = lazy(r"spokes(?:person|man|woman)|发言人|प्रवक्ता", re.I)


def plain(label: str) -> str:
    return SPACES.sub(" ", label.strip(" .")).casefold()


# What sets words of a label apart without being part of them: "MR. PRICE" is "MR PRICE", "《北京青年报》记者" is
# "北京青年报记者", "Agence France-Presse" is "Agence France Presse".
NAME_MARKS = lazy(r"[.,;:'’‘\"“”«»《》〈〉()（）\[\]「」『』·・\-‐–—_/&]+")
INITIALS = lazy(r"\b(?:[^\W\d_]\.){2,}")  # "U.S.", "H.E.": one word, its dots left out


@lru_cache(maxsize=4096)
def speaker_key(label: str) -> str:
    """One speaker's labels alike, however the page writes them: in any case, spacing, full- or half-width
    letters, with or without dots and marks ("MR PRICE", "MR. PRICE", "Mr Price" are "mr price"). Where
    speakers are counted or compared, not shown: a turn keeps its label as printed."""
    import unicodedata

    text = INITIALS.sub(lambda initials: initials[0].replace(".", ""), unicodedata.normalize("NFKC", label))
    text = NAME_MARKS.sub(" ", text)
    joined = ""
    for word in text.split():  # no space beside a Han character: Chinese writes none
        joined += word if not joined or has_han(joined[-1] + word[0]) else " " + word
    return joined.casefold()


def balanced(label: str) -> bool:
    """False when a quotation or bracket opens in the label and closes after the colon (a title)."""
    if label.count('"') % 2 or label.count("«") != label.count("»"):
        return False
    if BRACKET.search(label) is None:  # most labels hold none: spared counting each pair
        return True
    return all(label.count(left) == label.count(right) for left, right in PAIRS)


def latin_name(label: str) -> bool:
    """A few capitalised words: a person ("Zhao Lijian") or an outlet ("The Globe and Mail", "CCTV4")."""
    words = label.replace(",", " ").split()
    if not 1 <= len(words) <= 8 or len(label) > 60:
        return False
    if any(not word[0].isalpha() and word[0] not in "(\"'“&" for word in words):
        return False  # "As of 24:00", "Point 3"
    capitals = [w for w in words if w[0].isupper() or w[0] in "(\"'“"]
    return bool(capitals) and all(w[0].isupper() or w.lower() in CONNECTORS or not w[0].isalpha() for w in words)


def name_like(label: str, strong: bool = False) -> bool:
    """A label that could name a person or an outlet. A bold label (the page's own mark of a question)
    may be any short phrase that is not a sentence."""
    if not balanced(label):
        return False
    if SENTENCE.search(label):
        return named_with_outlet(label)
    if has_han(label):  # Chinese transcripts name an outlet's journalist: "路透社记者"
        return outlet_zh(label) or (not strong and person_zh(label))
    return len(label) <= 40 if strong else latin_name(label)


def person_zh(label: str) -> bool:
    """Two to four characters of a Chinese name, not the opening of an answer ("需要强调", "其次")."""
    return (person_zh_form(label) and NOT_IN_NAME_ZH.isdisjoint(label)
            and not NOT_NAME_ZH.match(label))


def named_with_outlet(label: str) -> bool:
    """A person's name, a comma, and their outlet or office: "Sidhant Sibal, WION", "Beth Rigby, Sky News",
    "Shri Vikram Misri, Foreign Secretary" (MEA, MOFA and gov.uk transcripts label questions and guests so).
    The name is two to four capitalised words, the rest one to six; no other mark of a sentence on either side
    ("Washington, DC" names one word before its comma)."""
    name, _, outlet = label.partition(",")
    name, outlet = name.strip(), outlet.strip()
    if "," in outlet or not 2 <= len(name.split()) <= 4 or not 1 <= len(outlet.split()) <= 6:
        return False
    return (SENTENCE.search(name) is None and SENTENCE.search(outlet) is None and not has_han(label)
            and latin_name(name) and latin_name(outlet))


def is_spokesperson_label(label: str, spokesperson: str | None) -> bool:
    """MR PRICE for Ned Price; "Shri Arindam Bagchi, Official Spokesperson"; the name itself."""
    if SPOKES_LABEL.search(label):
        return True
    mr = MR_LABEL.match(label)
    if mr:
        return spokesperson is None or spokesperson.split()[-1].casefold() == mr.group(1).casefold()
    if not spokesperson:
        return False
    name = HONORIFIC.sub("", label).strip().casefold()
    return name == spokesperson.casefold() or name == spokesperson.split()[-1].casefold()


def official(label: str) -> bool:
    """The label names an official: by an honorific ("MR PALEY", "Mr. Fletcher", "Shri Vikram Misri") or by an
    office ("Foreign Secretary", "SENIOR STATE DEPARTMENT OFFICIAL")."""
    return HONORIFIC.match(label) is not None or OFFICE.search(label) is not None


def after_conference(label: str) -> bool:
    if AFTER_CONFERENCE.search(label):
        return ASKED.search(label) is not None
    return AFTER_CONFERENCE_ZH.match(label) is not None


def read_label(paragraph: str, spokesperson: str | None, strong: bool = False) -> Label | None:
    """The speaker label a paragraph opens with, if any; `strong` when the paragraph is bold."""
    if ":" not in paragraph and "：" not in paragraph:
        return None  # no label without a colon: spared the pattern's tries
    match = LABEL.match(paragraph)
    if not match:
        return None
    label, rest = match.group("label").strip(), match.group("rest").strip()
    judged = judge_label(label, spokesperson, strong)
    if judged is None:
        return None
    speaker, role, lead_in = judged
    return Label(speaker, role, rest, lead_in=lead_in and not rest)


@lru_cache(maxsize=4096)
def judge_label(label: str, spokesperson: str | None, strong: bool) -> tuple[str | None, Role | None, bool] | None:
    """What a label says, whatever follows it: (speaker, role, whether it is an after-conference line), or
    None for no label. Remembered: a transcript opens most of its paragraphs with the same few labels."""
    if after_conference(label):
        return None, "question", True
    lowered = plain(label)
    if lowered in NOT_SPEAKERS or label.startswith(("http", "www")) or not balanced(label):
        return None
    if QUESTION_WORDS.match(lowered):
        return label, "question", False
    if lowered in ANSWER_LABELS or is_spokesperson_label(label, spokesperson):
        # the spokesperson's name as the title writes it, where a label mistypes its case ("Hua chunying:")
        same = spokesperson is not None and label.casefold() == spokesperson.casefold()
        return spokesperson if same else label, "answer", False
    if name_like(label, strong):
        return label, None, False
    return None
