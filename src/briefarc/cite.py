"""Citations of archived documents: plain text, BibTeX and CSL-JSON. Pure functions of a stored record.

Each gives the source URL, the publication date, the archive date and the sha256 of the archived
bytes, so that a reader can check the copy cited is the copy kept. Bytes read from a WARC file were captured by
whatever tool wrote it, on its WARC-Date: they are cited as captured then, not as archived by briefarc.
"""

from __future__ import annotations

import ipaddress
import json
import re
import unicodedata
from urllib.parse import urlsplit

from briefarc.errors import UsageError
from briefarc.output.textout import CONTROL
from briefarc.urls import is_web_url

FORMATS = ("text", "bibtex", "csl-json")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# a brace as \textbraceleft{}: BibTeX counts the braces of "\{" and "\}" too, so that one alone ended the field early
LATEX_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "#": r"\#", "$": r"\$",
    "%": r"\%", "&": r"\&", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
LATEX_PATTERN = re.compile("|".join(re.escape(char) for char in LATEX_SPECIAL))
# Host name parts that say nothing of whose site it is: press.un.org is "un", www.mofa.gov.pk is "mofa".
GENERIC_LABELS = {"www", "m", "en", "press", "news", "gov", "org", "com", "net", "co", "ac", "edu", "int", "mil"}
URL_UNSAFE = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20"}
# A terminal's escape sequences (colour, title, hyperlink) as a whole, so that no half of one is left behind.
ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
JOINERS = "\u200c\u200d"  # zero-width (non-)joiners are part of Persian, Urdu and Indic words


def citations(records: list[dict], fmt: str) -> str:
    """The citations of `records` in `fmt`, ready to print."""
    if fmt == "text":
        return "\n".join(cite_text(record) for record in records) + "\n"
    if fmt == "bibtex":
        return "\n".join(cite_bibtex(record) for record in records)
    if fmt == "csl-json":
        return json.dumps([cite_csl(record) for record in records], ensure_ascii=False, indent=2) + "\n"
    raise UsageError(f"Unknown citation format {fmt!r}: use one of {', '.join(FORMATS)}.")


def cite_text(record: dict) -> str:
    """Ministry of Foreign Affairs, "Weekly Briefing," 16 January 2025, https://…, archived 2026-11-27
    by briefarc, sha256 …"""
    title = plain(record.get("title")) or "Untitled"
    quoted = f'"{title}"' if title[-1] in "?!." else f'"{title},"'
    named = plain(creator(record))
    parts = [f"{named + ', ' if named else ''}{quoted} {long_date(record.get('published'))}"]
    if record.get("turn"):
        parts.append(locator(record))
    url = web_url(record)
    if url:
        parts.append(plain(url))
    parts.append(f"captured {archive_date(record)} (from a WARC file)" if from_warc(record)
                 else f"archived {archive_date(record)} by briefarc")
    parts.append(f"sha256 {record.get('sha256') or 'unknown'}")
    return ", ".join(parts)


def cite_bibtex(record: dict) -> str:
    named = creator(record)
    # a person's name as BibTeX reads names (Blinken, Antony J.); any other braced whole, an organisation's
    fields = [("author", latex(named) if _person(record) else "{" + latex(named) + "}")] if named else []
    # the title braced once more: BibTeX's styles (plain, apa) set a title in sentence case, and "Lin Jian's Regular
    # Press Conference on March 12" came out as "lin jian's regular press conference on march 12"
    fields.append(("title", "{" + latex(record.get("title") or "Untitled") + "}"))
    date = date_parts(record.get("published"))
    if date:
        fields.append(("date", "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(date))))
        fields.append(("year", str(date[0])))
        if len(date) > 1:
            fields.append(("month", MONTHS[date[1] - 1][:3].lower()))
    if record.get("site_name"):
        fields.append(("organization", latex(record["site_name"])))
    url = web_url(record)
    if url:
        fields.append(("url", "".join(URL_UNSAFE.get(char, char) for char in plain(url))))
        fields.append(("urldate", archive_date(record)))
    fields.append(("note", latex(note(record))))
    # the month as BibTeX's macro (jan), which styles print as the month's name; braced, {jan} is the literal text
    # "jan", and biblatex warns that it is not a month
    body = ",\n".join(f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cite_key(record)},\n{body}\n}}\n"


def cite_csl(record: dict) -> dict:
    item: dict = {
        "id": cite_key(record),
        "type": "article" if record.get("kind") in ("news_report", "press_release") else "webpage",
        "title": plain(record.get("title")) or "Untitled",
    }
    named, person = plain(creator(record)), _person(record)
    if named:
        item["author"] = [{"family": person[0], "given": person[1]} if person else {"literal": named}]
    date = date_parts(record.get("published"))
    if date:
        item["issued"] = {"date-parts": [date]}
    archived = date_parts(archive_date(record))
    if archived:
        item["accessed"] = {"date-parts": [archived]}
    optional = (("container-title", record.get("site_name")), ("URL", web_url(record)),
                ("language", record.get("language")))
    item.update({key: plain(value) for key, value in optional if value})
    item["note"] = note(record)
    return item


def creator(record: dict) -> str:
    """Who the citation names: the author, else the organisation, else the spokesperson, else the site (its
    host, or the label briefarc gives it), else the source; "" when nothing names one (a saved page with no
    address): a citation then names no author rather than one called "Unknown"."""
    return _named(record) or next((record[key] for key in ("site", "source") if record.get(key)
                                   and plain(record[key])), "")


# Words of an organisation's, a desk's or an agency's name, never of a person's: an author so named stays one name.
ORGANISATION_WORDS = frozenset("""
    ministry department office agency news press service desk staff reporter reporters correspondent correspondents
    bureau team editor editors editorial board report times post daily tribune herald journal gazette wire associated
    reuters afp ap xinhua tass bbc cnn dawn council committee government embassy mission commission foundation
    institute university center centre group network media online web admin administrator spokesperson unknown house
    today express nation world international global review magazine radio television tv channel
""".split())
# Words before or after a name that are not part of it (a title, a byline's "By", a suffix), and particles
# (von der Leyen, Al Jazeera, Le Drian): a name holding one is cited whole, as written, rather than split wrongly.
NOT_SPLIT = frozenset("""
    by dr mr mrs ms miss prof professor ambassador minister president premier sheikh sir dame lord lady senator
    secretary general gen col colonel judge rev hon jr sr ii iii iv
    de da del della der den van von bin ibn al el la le di du dos das
""".split())
# Family names written first (Zhao Lijian, Xi Jinping, Kim Jong-un, Nguyen Phu Trong): left whole, as written.
FAMILY_FIRST = frozenset("""
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han
    feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lyu ding ren lu yao shen zhong cui
    tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long shao wan qian tao hao
    geng hua mao kong xi dai bi qi ji kim lee park choi jung chung kang cho yoon jang lim moon koo nguyen tran le
    pham hoang phan vu dang bui do ngo
""".split())
PERSON_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


def person_name(name: str) -> tuple[str, str] | None:
    """(family, given) of an author that plainly reads as one person's name, given names first ("Antony J.
    Blinken", "Ned Price"): two or three capitalised words, none of an organisation's, no title, suffix or
    particle, not led by a family name that comes first. Else None: the name is cited whole, as written (a
    wrong split, "Jinping, Xi", is worse than none)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(PERSON_WORD.fullmatch(word) and word[0].isupper() for word in words):
        return None
    folded = [word.strip(".").casefold() for word in words]
    if any(word in ORGANISATION_WORDS or word in NOT_SPLIT for word in folded) or folded[0] in FAMILY_FIRST:
        return None
    if len(words) == 2 and "-" in words[1]:  # Moon Jae-in, Chung Eui-yong: a Korean given name after the family's
        return None
    return words[-1], " ".join(words[:-1])


def _person(record: dict) -> tuple[str, str] | None:
    """(family, given) when the citation names a person: an author or a spokesperson whose name reads as one."""
    key, name = _named_field(record)
    return person_name(plain(name)) if key in ("author", "spokesperson") else None


def _named_field(record: dict) -> tuple[str | None, str]:
    """The field the citation takes its name from (author, else the organisation, else the spokesperson) and the
    name; (None, "") for none."""
    for key in ("author", "site_name", "spokesperson"):
        if record.get(key) and plain(record[key]):
            return key, record[key]
    return None, ""


def _named(record: dict) -> str:
    """The author, else the organisation, else the spokesperson, else the host; "" for none."""
    return _named_field(record)[1] or host(record)


def locator(record: dict) -> str:
    """Where in the document a cited turn is: "turn 4 (question, Reuters)"."""
    turn = record["turn"]
    who = ", ".join(plain(value) for value in (turn.get("role"), turn.get("speaker")) if value)
    return f"turn {int(turn['number'])}" + (f" ({who})" if who else "")


def note(record: dict) -> str:
    said = "Captured on {} (from a WARC file)" if from_warc(record) else "Archived by briefarc on {}"
    text = f"{said.format(archive_date(record))}; sha256 {record.get('sha256') or 'unknown'}"
    if record.get("turn"):
        text = f"Cited: {locator(record)}. {text}"
    if record.get("spokesperson") and record.get("spokesperson") != creator(record):
        text = f"Spokesperson: {plain(record['spokesperson'])}. {text}"
    return text


def cite_key(record: dict) -> str:
    """A key that stays the same for a document: site word, year, id (as in mofa2025-42)."""
    name = host(record)
    labels = [] if _is_address(name) else [label for label in name.split(".")[:-1] if label not in GENERIC_LABELS]
    # without a site word: the creator's, unless that too is the address; "Unknown" when none is named, as the keys
    # of such documents have been ("unknown2025-42"): a key stays the same
    named = _named(record) or "Unknown"
    word = labels[-1] if labels else "" if _is_address(named) else _ascii_word(named)
    date = date_parts(record.get("published"))
    key = f"{_ascii_word(word) or 'briefarc'}{date[0] if date else 'nd'}-{int(record['id'])}"
    return key + (f"-t{int(record['turn']['number'])}" if record.get("turn") else "")


def _is_address(name: str) -> bool:
    """An IP address given as the host (http://127.0.0.1/...): it names no site."""
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _ascii_word(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return words[0] if words else ""


def web_url(record: dict) -> str | None:
    for key in ("canonical_url", "url"):
        if is_web_url(record.get(key)):
            return record[key]
    return None


def host(record: dict) -> str:
    url = web_url(record)
    return (urlsplit(url).hostname or "") if url else ""


def archive_date(record: dict) -> str:
    """The day the cited bytes (the current snapshot) were archived."""
    stamp = record.get("snapshot_archived_at") or record.get("archived_at") or ""
    return stamp[:10] or "unknown"


# a snapshot read from a WARC file: its origin is the file and the record's WARC-Record-ID (or its offset)
WARC_ORIGIN = re.compile(r"#(?:<[^<>]*>|offset \d+)\Z")


def from_warc(record: dict) -> bool:
    """Whether the cited bytes were read from a WARC file (their archive date is its record's WARC-Date)."""
    return bool(WARC_ORIGIN.search(record.get("origin") or ""))


def date_parts(value: str | None) -> list[int] | None:
    match = DATE.match(value or "")
    if not match:
        return None
    parts = [int(part) for part in match.groups() if part]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return parts[:1]
    return parts


def long_date(value: str | None) -> str:
    parts = date_parts(value)
    if not parts:
        return "n.d."
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1] - 1]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def plain(value: object) -> str:
    """One line of text without control characters or escape sequences: a citation is pasted into
    documents and bibliographies, where neither a raw nor a made-visible escape belongs."""
    text = ESCAPE_SEQUENCE.sub("", "" if value is None else str(value))
    text = CONTROL.sub(_unseen, text)
    return " ".join(text.split())


def _unseen(match: re.Match) -> str:
    """A control character's stand-in: a space for a line or page break, nothing for the rest."""
    char = match.group(0)
    return char if char in JOINERS else " " if char.isspace() else ""


def latex(value: object) -> str:
    return LATEX_PATTERN.sub(lambda m: LATEX_SPECIAL[m.group(0)], plain(value))
