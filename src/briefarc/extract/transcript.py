"""Briefing structure: the question/answer turns of a transcript.

A paragraph opens a turn when it starts with a speaker label (briefarc.extract.labels). Question and answer
words say their role; names of people and outlets get theirs from the page:

- where the page bolds its questions (as ministry templates do), a bold paragraph opening with a name
  is a question from that outlet, and a plain one opening with a person's name is someone answering
  (the spokesperson, or a colleague they introduce);
- elsewhere, names count when the transcript also has answer labels, so that "Note:" or "Libya:" in
  ordinary prose never makes a turn; without answer labels, the names that speak right after a labelled
  question ("QUESTION:") answer, or else the most frequent name is the one answering. A moderator's or an
  operator's turns are statements; a name whose every turn is a quotation is a clip played by the asker.

A question "raised after the press conference" is a question of its own, and so is each of them when they
are numbered ("会后有记者问及：一、...", then "二、..." with no label). Where the page sets its questions in bold
and labels its answers, a plain paragraph right after a bold question is an answer whose label the page left
out, and so is one between a journalist's one-paragraph follow-up (a label other than the first question's) and
the next labelled question; a turn of the spokesperson right after her own answer is a statement. Headings
("**Libya") and separator lines ("※※※") end the current turn. Where the labels are only names, the
spokesperson or a person must answer two questions or more.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from briefarc.extract.labels import (
    OFFICE,
    Label,
    latin_name,
    official,
    person_zh_form,
    plain,
    read_label,
    speaker_key,
)
from briefarc.models import Role, Turn
from briefarc.patterns import lazy

ANSWER_WORDS = frozenset({"a", "answer", "答"})  # answer labels that name no one: two in a row may be two people
HEADING = lazy(r"^\*\*\s*\S")
SEPARATOR = lazy(r"^[\s※*＊\-—_=·•.]+$")
ASKS = lazy(r"[?？¿؟]|[吗呢](?:[。.]|$)", re.M)  # a question mark (Latin, Chinese, Spanish, Arabic), 吗/呢
GREETING = lazy(r"^(?:good (?:morning|afternoon|evening)|hello|welcome"
                r"|大家(?:上午|下午)?好|各位记者朋友|上午好|下午好)", re.I)


def is_heading(paragraph: str) -> bool:
    """A "**Libya" heading (the string test spares most paragraphs the pattern's call)."""
    return paragraph.startswith("**") and HEADING.match(paragraph) is not None


def person_like(name: str) -> bool:
    """A person's name rather than an outlet's: two or three capitalised words, or two to four Han
    characters."""
    if person_zh_form(name):
        return True
    words = name.split()
    return 2 <= len(words) <= 3 and latin_name(name) and all(w[0].isupper() for w in words)


def bolds_questions(labels: list[Label | None], strong: list[bool]) -> bool:
    """True when the page marks its questions in bold: its bold paragraphs open with question labels or
    names at least as often as plain paragraphs open with question words, and its answers are plain."""
    pairs = [(lab, flag) for lab, flag in zip(labels, strong, strict=True) if lab]
    bold = sum(1 for lab, flag in pairs if flag and lab.role != "answer")
    plain_questions = sum(1 for lab, flag in pairs if not flag and lab.role == "question")
    bold_answers = sum(1 for lab, flag in pairs if flag and lab.role == "answer")
    plain = sum(1 for _, flag in pairs if not flag)
    return bold >= 1 and bold >= plain_questions and plain >= 1 and bold_answers <= bold // 4


# Who runs the session rather than answers: their turns are statements ("MODERATOR: Operator, the next
# question, please."), whatever the rest of the page says of names.
PROCEDURAL = frozenset({"moderator", "operator", "host", "chair", "chairperson", "master of ceremonies", "emcee"})


def label_roles(labels: list[Label | None]) -> dict[str, Role]:
    """Roles for the name-like labels of a page without bold questions. Where the page labels its
    questions ("QUESTION:") and not its answers, a name that speaks right after a question answers
    (SENIOR ADMINISTRATION OFFICIAL ONE); otherwise, without answer labels, the most frequent name (three
    times or more, or the only name beside question labels) is taken to be the one answering. Where answers are
    labelled, the other names ask, but for an official's (an office, or an honorific and a turn right after a
    labelled question): a guest briefer beside the spokesperson. A name most of whose turns ask (a question
    mark) asks, wherever it speaks: a journalist named among "Question:" labels. The roles are keyed by
    speaker_key: "MR PALEY" and "MR. PALEY" are one name, counted and given a role together."""
    has_answers = any(lab and lab.role == "answer" for lab in labels)
    has_questions = any(lab and lab.role == "question" for lab in labels)
    names = Counter(speaker_key(lab.speaker) for lab in labels if lab and lab.role is None and lab.speaker)
    roles: dict[str, Role] = {name: "statement" for name in names if name.casefold() in PROCEDURAL}
    for name in roles:
        del names[name]
    quoted = _quoted(labels)  # clips an interviewer plays ("SENATOR ROMNEY: “They want MiGs.”"): part of the asking
    asks_by = _asking_turns(labels, names)
    asking = {name for name, count in asks_by.items() if 2 * count > names[name]}  # "Sidhant: ...?" among "Question:"
    if not has_answers and (answering := _answering(labels) & names.keys() - quoted - asking):
        # the other names: officials too when the page labels its questions more often than they speak
        asked = sum(1 for lab in labels if lab and lab.role == "question" and lab.speaker)
        rest = sum(count for name, count in names.items() if name not in answering and name not in quoted)
        others: Role = "answer" if asked > rest else "question"
        roles.update((name, "answer" if name in answering else "question" if name in quoted | asking else others)
                     for name in names)
        return roles
    if not has_answers and names:
        top, count = _most_answering(names, asks_by)
        if (count >= 3 and count >= 0.3 * sum(names.values())) or (has_questions and len(names) == 1):
            roles[top] = "answer"
            has_answers = True
    if has_answers:
        answering = _answering(labels)
        printed = {speaker_key(lab.speaker): lab.speaker for lab in labels if lab and lab.speaker}  # "H.E. Mr Li"
        for name in names:  # a guest briefer beside the spokesperson: "MR PALEY", "Mr. Fletcher", a minister
            roles.setdefault(name, "answer" if official(printed[name]) and (name in answering or OFFICE.search(name))
                             else "question")
    return roles


def _asking_turns(labels: list[Label | None], names: Counter[str]) -> Counter[str]:
    """For each name, how many of its turns ask (a question mark in their first paragraph)."""
    return Counter(key for lab in labels
                   if lab and lab.speaker and (key := speaker_key(lab.speaker)) in names and ASKS.search(lab.rest))


def _most_answering(names: Counter[str], asks_by: Counter[str]) -> tuple[str, int]:
    """The name taken to answer where no label says who does: the most frequent, unless another speaks three
    times or more too and asks less often (an interview: "Nick Robinson: ... Why those three?" and "David
    Lammy: Because ..." take turns, the interviewer first)."""
    total = sum(names.values())
    frequent = [(name, count) for name, count in names.most_common() if count >= 3 and count >= 0.3 * total]
    if len(frequent) < 2:
        return names.most_common(1)[0]
    return min(frequent, key=lambda pair: asks_by[pair[0]] / pair[1])  # min() keeps the first of equals


QUOTE_MARKS = ("“", '"', "‘", "«", "„", "「", "『")


def _quoted(labels: list[Label | None]) -> set[str]:
    """The names all of whose turns are a quotation."""
    opens: dict[str, bool] = {}
    for lab in labels:
        if lab and lab.role is None and lab.speaker:
            key = speaker_key(lab.speaker)
            opens[key] = opens.get(key, True) and lab.rest.startswith(QUOTE_MARKS)
    return {name for name, quoting in opens.items() if quoting}


def _answering(labels: list[Label | None]) -> set[str]:
    """The names (speaker_key) that speak right after a labelled question ("QUESTION:", "问：")."""
    said = [lab for lab in labels if lab]
    return {speaker_key(lab.speaker) for previous, lab in pairwise(said)
            if previous.role == "question" and previous.speaker and lab.role is None and lab.speaker}


def role_of(label: Label, strong: bool, roles: dict[str, Role] | None) -> Role | None:
    """The role a label gives its paragraph; `roles` is None on pages that bold their questions."""
    if label.role:
        return label.role
    if roles is None:
        if strong:
            return "question"
        return "answer" if person_like(label.speaker or "") else None
    return roles.get(speaker_key(label.speaker or ""))


@dataclass
class Reading:
    """What find_turns knows of each paragraph before it gathers the turns: its label, whether it is bold, the
    role its label gives and the role the next label gives; and of the whole page."""

    labels: list[Label | None]
    flags: list[bool]
    label_role: list[Role | None]
    coming: list[Role | None]
    infer_answers: bool  # a plain paragraph after a bold question may be an unlabelled answer
    answers_labelled: bool  # "A:", "答：", the spokesperson
    asker: str | None  # the label of the page's first question ("问", "QUESTION")


def find_turns(paragraphs: list[str], spokesperson: str | None = None,
               strong: set[str] | frozenset[str] = frozenset()) -> list[Turn]:
    """Opening statements, questions and answers in order; [] when the page is not a transcript.
    `strong` holds the paragraphs the page sets in bold."""
    reading = read_paragraphs(paragraphs, spokesperson, strong)
    turns = gather_turns(paragraphs, spokesperson, reading)
    return turns if is_transcript(turns, reading.labels, spokesperson) else []


def read_paragraphs(paragraphs: list[str], spokesperson: str | None, strong: set[str] | frozenset[str]) -> Reading:
    flags = [p in strong for p in paragraphs]
    labels = [None if is_heading(p) else read_label(p, spokesperson, flag) for p, flag in zip(paragraphs, flags,
                                                                                                  strict=True)]
    label_role, bold_page = roles_of(labels, flags)
    if names_ask_nothing(labels, label_role):  # "Processor: 8 cores", "Weight: 1.2 kg": a table's labels
        labels = [label if label is None or label.role else None for label in labels]
        label_role, bold_page = roles_of(labels, flags)
    return Reading(
        labels, flags, label_role, next_roles(label_role),
        infer_answers=infers_answers(labels, flags, label_role, bold_page),
        answers_labelled=any(label and label.role == "answer" for label in labels),
        asker=next((label.speaker for label, role in zip(labels, label_role, strict=True)
                    if label and role == "question"), None))


def roles_of(labels: list[Label | None], flags: list[bool]) -> tuple[list[Role | None], bool]:
    """The role each label gives its paragraph (role_of), and whether the page bolds its questions."""
    bold_page = bolds_questions(labels, flags)
    roles = None if bold_page else label_roles(labels)
    label_role = [role_of(label, flag, roles) if label else None for label, flag in zip(labels, flags, strict=True)]
    return label_role, bold_page


def names_ask_nothing(labels: list[Label | None], label_role: list[Role | None]) -> bool:
    """Two or more paragraphs open with a name that the page's reading makes a question, and none of them asks (a
    question mark, 吗/呢 in the label's paragraph), clips an interviewer plays apart ("SENATOR ROMNEY: “They want
    MiGs.”"): the names are the labels of a list or a table ("Processor: 8 cores | Memory: 16 GB", "Weight: 1.2 kg",
    "Junior level: $50,000 a year"), nobody's words, and the names that "answer" them ("Water Tank: 1.5 litres") are
    no speakers either. Where a briefing names its journalists ("CCTV:", "Sidhant:"), they ask."""
    quoted = _quoted(labels)
    asking = [ASKS.search(label.rest) is not None for label, role in zip(labels, label_role, strict=True)
              if label and label.role is None and role == "question" and speaker_key(label.speaker or "") not in quoted]
    return len(asking) >= 2 and not any(asking)


def gather_turns(paragraphs: list[str], spokesperson: str | None, reading: Reading) -> list[Turn]:
    """The turns the paragraphs make, each labelled paragraph opening one, the plain ones added to the current
    turn or opening an answer or a statement of their own."""
    turns: list[Turn] = []
    texts: list[list[str]] = []  # each turn's paragraphs, joined once at the end
    asked = lead_in = bold = False
    listed: int | None = None  # the number of the last of the questions raised after the conference
    current: list[str] | None = None
    heads: dict[int, tuple[str, str]] = {}  # turn: (its start as the page has it, lead-in and all; what that replaces)
    lead = None  # a lead-in on a paragraph of its own, for the question that follows it
    for paragraph, label, flag, role, next_role in zip(paragraphs, reading.labels, reading.flags, reading.label_role,
                                                         reading.coming, strict=True):
        if label and label.lead_in:
            current, lead_in = None, True  # "After the press conference, the following question was raised:"
            lead = paragraph
            continue
        if (label and role and not asked and not flag and label.role is None and person_like(label.speaker or "")
                and GREETING.match(label.rest)):
            role = "statement"  # "Hua Chunying: Good afternoon. Let me introduce my colleague..."
        if label and role:
            if role == "answer" and (not asked or (turns[-1].role == "answer" and same_speaker(turns[-1], label)
                                                   and plain(label.speaker or "") not in ANSWER_WORDS)):
                role = "statement"  # before any question, or after the same person's answer ("今天是国际儿童节...")
            asked = asked or role == "question"
            turns.append(Turn(label.speaker, role, ""))
            current = [label.rest] if label.rest else []
            texts.append(current)
            if label.speaker is None and label.rest:  # "会后有记者问及：据报道，…": the lead-in is the page's text
                heads[len(turns) - 1] = (paragraph, label.rest)
        elif is_heading(paragraph) or SEPARATOR.match(paragraph):
            current = None
        else:
            lead_in = lead_in or next_listed(turns, listed, paragraph)
            answers = next_role != "answer" and (
                (reading.infer_answers and unmarked_answer(turns, bold, flag)) or (
                    next_role == "question" and reading.answers_labelled
                    and reply_after_question(turns, current, reading.asker)))
            if lead_in or current is None or answers:
                role = "question" if lead_in else "answer" if current is not None else "statement"
                turns.append(Turn(None if lead_in else spokesperson, role, ""))
                asked = asked or lead_in
                current = [paragraph]
                texts.append(current)
                if lead_in and lead is not None:
                    heads[len(turns) - 1] = (f"{lead}\n\n{paragraph}", paragraph)
            else:
                current.append(paragraph)
        if current is not None and len(current) == 1 and turns[-1].role == "question":  # a question begins
            # numbered after the conference ("会后有记者问及：一、..."): the next ones may come without their label
            listed = number_of(current[0]) if turns[-1].speaker is None else None
        elif current and turns[-1].role == "answer" and number_of(current[-1]) is not None:
            listed = None  # an answer that numbers its own points ("一、加强合作。"): its "二、" is no question
        lead_in, lead = False, None
        bold = flag
    for turn, parts in zip(turns, texts, strict=True):
        turn.text = "\n\n".join(parts)
    for index, (head, first) in heads.items():
        turns[index].text = head + turns[index].text[len(first):]
    return turns


def same_speaker(turn: Turn, label: Label) -> bool:
    """The label names who said the turn, however the page writes it ("MR. PRICE" after "MR PRICE")."""
    return turn.speaker == label.speaker or (turn.speaker is not None and label.speaker is not None
                                            and speaker_key(turn.speaker) == speaker_key(label.speaker))


def is_transcript(turns: list[Turn], labels: list[Label | None], spokesperson: str | None) -> bool:
    """Whether the turns gathered are a transcript's: questions that someone answers, labelled as such."""
    questions = [turn.text for turn in turns if turn.role == "question"]
    if len(turns) < 2 or not questions or not any(turn.role == "answer" for turn in turns):
        return False  # questions no one answers: headings of a list ("Account:", "Tax assessment (5):")
    worded = any(label and label.role for label in labels)  # "Q:", "A:", "问", the spokesperson's name
    if not worded and not answered_by_someone(turns, spokesperson):
        return False  # a list's headings ("Phase 1: Planning", "Official website: Aman") are nobody's questions
    return worded or asks(questions)


def answered_by_someone(turns: list[Turn], spokesperson: str | None) -> bool:
    """Someone answers two or more questions of a page whose labels are only names: the spokesperson, or a
    person's name that answers twice or more (not "Official website", "Try" or "Learn More" of a list)."""
    if sum(1 for turn in turns if turn.role == "question") < 2:
        return False
    answering = Counter(speaker_key(turn.speaker) for turn in turns if turn.role == "answer" and turn.speaker)
    printed = {speaker_key(turn.speaker): turn.speaker for turn in turns if turn.speaker}
    return (spokesperson is not None and speaker_key(spokesperson) in answering) or any(
        count >= 2 and person_like(printed[key]) for key, count in answering.items())


def infers_answers(labels: list[Label | None], strong: list[bool], label_role: list[Role | None],
                   bold_page: bool) -> bool:
    """Whether a plain paragraph after a bold question may be an answer whose label the page left out
    (unmarked_answer): the page sets its questions in bold, they ask (asks), and it labels its answers elsewhere
    (`label_role`: each label's role_of). So it is where bolds_questions found bold questions (`bold_page`) and
    some plain line opens with the name of someone answering, or where all of its two or more labelled questions
    are bold and answer words ("A:", "答：") label answers, some of them bold too ("<b>A:</b>"). Bold lines that
    no labelled answer follows anywhere ("Аккаунт: @name" over each part of an interview), or a specification
    table's labels ("Max Brew: 60 ounces"), are no transcript's questions."""
    said = [(label, flag, role) for label, flag, role in zip(labels, strong, label_role, strict=True) if label]
    if not asks([label.rest for label, flag, role in said if flag and role == "question"]):
        return False
    if bold_page:
        return any(role == "answer" for _, _, role in said)
    flags = [flag for label, flag, _ in said if label.role == "question"]
    return len(flags) >= 2 and all(flags) and any(label.role == "answer" for label, _, _ in said)


def reply_after_question(turns: list[Turn], current: list[str] | None, asker: str | None) -> bool:
    """The paragraph follows a question of one paragraph under a label other than the page's first question's
    (`asker`), a journalist talking back ("记者", "记者追问" where questions open with "问"), and the next labelled
    paragraph is a question (find_turns checks that): someone answered between them, and the reply lost its label
    (China MFA, 11 December 2019: "谈还是没有谈到华为..." after "记者追问：...或许这只是误解？", before
    "问：在12月15日..."; 22 July 2019: the spokesperson going on after the journalist's "记者：是的，都想问。").
    Where every question has the same label ("QUESTION: Ned, on Ukraine...", "And on the grain deal?",
    "QUESTION: Thank you."), nothing tells that from a question of two paragraphs that no one answered."""
    return (bool(turns) and turns[-1].role == "question" and current is not None and len(current) == 1
            and speaker_key(turns[-1].speaker or "") != speaker_key(asker or ""))


def unmarked_answer(turns: list[Turn], bold: bool, flag: bool) -> bool:
    """A plain paragraph right after a bold question is the answer, though its "A:" was left out (China MFA,
    21 January 2020: "Q: ... who?" in bold, then "After the outbreak of pneumonia..."; 追问 in bold, then the
    spokesperson's reply): the rest of a question is bold as its start is. find_turns asks this only on a
    page where infers_answers holds, and where the next labelled paragraph is no answer (next_roles)."""
    return bold and not flag and bool(turns) and turns[-1].role == "question"


def next_roles(roles: list[Role | None]) -> list[Role | None]:
    """For each paragraph, the role of the next paragraph that has one (`roles`: each paragraph's label's, or
    None). A plain paragraph after a bold question that a labelled answer follows goes on with the question
    ("<b>Q: On Ukraine...?</b>", "And on Iran...?", "<b>A:</b> ..."): its answer has its label. One that the
    next question follows answers the one before, though its label was left out."""
    following: list[Role | None] = []
    role: Role | None = None
    for own in reversed(roles):
        following.append(role)
        role = own or role
    following.reverse()
    return following


NUMBERED = lazy(r"^\s*(?:([一二三四五六七八九])、|\(?([1-9])[.、)）]\s)")
CHINESE_NUMBERS = "一二三四五六七八九"


def number_of(paragraph: str) -> int | None:
    """The number a numbered paragraph opens with ("一、", "2. ", "(3) "), or None."""
    match = NUMBERED.match(paragraph)
    if not match:
        return None
    return CHINESE_NUMBERS.index(match[1]) + 1 if match[1] else int(match[2])


def next_listed(turns: list[Turn], listed: int | None, paragraph: str) -> bool:
    """The paragraph is the next of the numbered questions raised after the conference ("二、据报道，..." after
    the answer to "会后有记者问及：一、..."), which no label opens."""
    return listed is not None and bool(turns) and turns[-1].role == "answer" and number_of(paragraph) == listed + 1


def asks(questions: list[str]) -> bool:
    """A third of the questions and two or more (one of one) hold a question mark (or 吗/呢): asked of
    a transcript whose labels are only names, as labels in a guide ("The Problem:", "Pro Tip:", "CPU:")
    make turns that do not ask."""
    asking = sum(1 for text in questions if ASKS.search(text))
    return asking >= min(2, len(questions)) and 3 * asking >= len(questions)


def question_count(turns: list[Turn]) -> int:
    return sum(1 for turn in turns if turn.role == "question")
