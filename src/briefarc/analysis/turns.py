"""Turns as records: full-text search over them, one turn with the question it answers, who asks and who answers."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from briefarc.analysis.matching import filter_clauses
from briefarc.errors import NotFound, SearchSyntaxError, UsageError
from briefarc.models import ROLES
from briefarc.store.db import translated
from briefarc.store.published import NEWEST_DAY_AND_TIME
from briefarc.store.query import HINT
from briefarc.store.search import Filters
from briefarc.store.sitelabel import SITE_SQL
from briefarc.store.text import has_cjk

if TYPE_CHECKING:
    import sqlite_utils

# `search --in questions` reads as the plural; the stored role is singular.
ROLE_NAMES = {f"{role}s": role for role in ROLES} | {role: role for role in ROLES}
# The label of the question an answer answers: the last question before it in its document.
ASKED_SQL = ("CASE WHEN t.role = 'answer' THEN (SELECT q.speaker FROM turns q WHERE q.document_id = t.document_id "
             "AND q.number < t.number AND q.role = 'question' ORDER BY q.number DESC LIMIT 1) END")
TURN_COLUMNS = (
    "t.document_id, t.number, t.role, t.speaker, t.text, d.published_date, s.name, d.title, d.spokesperson, "
    f"d.language, {SITE_SQL}, {ASKED_SQL}"
)
TURN_KEYS = ("id", "turn", "role", "speaker", "text", "date", "source", "title", "spokesperson", "language", "site",
             "asked")
# A reporter's label often carries the word for reporter after the outlet ("路透社记者": Reuters' reporter).
REPORTER_SUFFIX = re.compile(r"\s*(?:记者|reporter|correspondent)$", re.I)
# A label that opens with a person's office or honorific names a participant (the operator, a senator, an
# official, the secretary), not the outlet of a journalist.
PERSON_TITLE = re.compile(
    r"^(?:mr|ms|mrs|dr|shri|smt|h\.e|sir|dame|operator|moderator|host|chair(?:man|woman|person)?|senator|"
    r"congress(?:man|woman)|representative|rep|ambassador|minister|foreign minister|prime minister|president|"
    r"vice president|secretary|under ?secretary|deputy|assistant|acting|senior|official|spokes(?:person|man|woman)|"
    r"director|general|admiral|governor|commissioner|special envoy|envoy|counselor|coordinator)\b\.?", re.I)


def role_of(name: str) -> str:
    role = ROLE_NAMES.get(name.strip().lower())
    if role is None:
        raise UsageError(f"--in takes questions, answers or statements, not {name!r}.")
    return role


def outlet_of(speaker: str | None) -> str | None:
    """The outlet named by a question's label, or None for a generic label (Q:, 问:, Follow-up:)."""
    from briefarc.extract.labels import QUESTION_WORDS

    if not speaker:
        return None
    name = REPORTER_SUFFIX.sub("", speaker.strip())
    if name.startswith("《") and name.endswith("》") and name.count("《") == 1:  # 《北京青年报》 is 北京青年报
        name = name[1:-1].strip()
    if not name or QUESTION_WORDS.match(name.strip(" .")) or QUESTION_WORDS.match(speaker.strip(" .")):
        return None
    return None if PERSON_TITLE.match(name) else name


@cache
def _aliases() -> dict[str, str]:
    """Each outlet spelling of sources/names.json (as speaker_key reads it) with its group's first spelling's."""
    from briefarc.extract.labels import speaker_key
    from briefarc.sources.names import outlet_aliases

    return {speaker_key(name): speaker_key(group[0]) for group in outlet_aliases() for name in group}


def outlet_key(name: str) -> str:
    """One outlet under the spellings the pages give it: in any case, spacing or punctuation (speaker_key), with or
    without a leading "The" (The Paper, THE PAPER), and the spellings sources/names.json names as one (CRI, China
    Radio International). Nothing else: "Reuters TV" or "CCTV News" may be a desk of their own."""
    from briefarc.extract.labels import speaker_key

    key = speaker_key(name)
    key = key[4:] if key.startswith("the ") and len(key) > 4 else key
    return _aliases().get(key, key)


def speaker_named(turn: dict) -> str | None:
    """Who said a turn, by name: the outlet for a question, the speaker for an answer or a statement; for an
    answer under a generic label (A:, 答:, Spokesperson:) the document's spokesperson; else None (Q:, 问:)."""
    from briefarc.extract.labels import ANSWER_LABELS

    if turn["role"] == "question":
        return turn.get("outlet")
    speaker = (turn.get("speaker") or "").strip()
    if not speaker or speaker.strip(" .").casefold() in ANSWER_LABELS:
        return turn.get("spokesperson") or None
    return speaker


def turn_record(row: tuple) -> dict:
    record = dict(zip(TURN_KEYS, row, strict=True))
    record["text"] = record["text"] or ""
    record["outlet"] = outlet_of(record["speaker"]) if record["role"] == "question" else None
    asked = record.pop("asked")  # an answer: the outlet whose question it answers (as --outlet picks answers)
    record["asked_by"] = outlet_of(asked) if record["role"] == "answer" and asked else None
    return record


def filter_sql(db, filters: Filters | None, role: str | None, outlet: str | None) -> tuple[str, list]:
    clauses, params = filter_clauses(filters)
    if role:
        clauses.append("t.role = ?")
        params.append(role)
    if outlet is not None:
        if not outlet.strip():  # "" or " " would be found between any two marks (英国《金融时报》记者)
            raise UsageError("--outlet takes an outlet's name, not nothing: `briefarc outlets` lists them.")
        if role == "statement":
            raise UsageError("--outlet finds an outlet's questions, and with --in answers the answers to them; "
                             "statements answer no one: leave out --in statements or --outlet.")
        labels = outlet_labels(db, outlet)
        marks = ", ".join("?" * len(labels))
        if role == "answer":  # the answers to the outlet's questions: each answers the last question before it
            clauses.append(f"""(SELECT q.speaker FROM turns q WHERE q.document_id = t.document_id
                                AND q.number < t.number AND q.role = 'question' ORDER BY q.number DESC LIMIT 1)
                               IN ({marks})""")
        else:
            clauses.append(f"t.role = 'question' AND t.speaker IN ({marks})")
        params += labels
    return "".join(" AND " + clause for clause in clauses), params


def outlet_labels(db, outlet: str) -> list[str]:
    """The question labels that name `outlet`: the outlet of that name as `outlets` lists it, in any case
    (`Reuters`, as `路透社记者` is `路透社`, typed so or as the label prints it); when none is named so, those
    whose outlet holds the name as whole words (`Times`), or a Chinese name anywhere in it (`央视`). A part of a
    word finds nothing: `AP` found The Paper. An
    outlet is each of its spellings that `outlets` counts as one (outlet_key: `cri` is China Radio International),
    whichever of them the name or its part is found in (`Radio`: CRI's questions too)."""
    wanted = _folded(outlet)
    named: dict[str, str] = {}
    keys: dict[str, str] = {}
    for (label,) in db.execute("SELECT DISTINCT speaker FROM turns WHERE role = 'question' AND speaker IS NOT NULL"):
        if name := outlet_of(label):
            named[label] = _folded(name)
            keys[label] = outlet_key(name)
    found = {outlet_key(outlet_of(outlet) or outlet)} & set(keys.values())  # 路透社记者, as the label prints it
    if not found and has_cjk(wanted):
        found = {keys[label] for label, name in named.items() if wanted in name}
    elif not found:
        words = re.compile(rf"(?<![^\W_]){re.escape(wanted)}(?![^\W_])")
        found = {keys[label] for label, name in named.items() if words.search(name)}
    return [label for label, key in keys.items() if key in found]


def _folded(name: str) -> str:
    """A name as --outlet compares its part: full-width letters as plain ones (Ｔｉｍｅｓ), one space, no case."""
    import unicodedata

    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


@translated
def search_turns(
    db: sqlite_utils.Database, query: str | None, filters: Filters | None = None, *, role: str | None = None,
    outlet: str | None = None, limit: int = 20, offset: int = 0, literal: bool = False, sort: str = "rank",
) -> list[dict]:
    """Turns matching `query` (best first, or with `sort` "date" newest first), or every turn of the role/outlet
    newest first without one."""
    where, params = filter_sql(db, filters, role, outlet)
    joins = "JOIN documents d ON d.id = t.document_id LEFT JOIN sources s ON s.id = d.source_id"
    newest = f"{NEWEST_DAY_AND_TIME}, t.document_id DESC, t.number"
    if not query or not query.strip():
        sql = f"""SELECT {TURN_COLUMNS} FROM turns t {joins} WHERE 1 {where}
                  ORDER BY {newest} LIMIT ? OFFSET ?"""
        return [turn_record(row) for row in db.execute(sql, [*params, limit, offset]).fetchall()]
    from briefarc.store.fts import index_for
    from briefarc.store.search import checked, needles, needles_sql, search_query

    typed, checks = search_query(query, literal, ("text",))  # and what the index cannot tell (WHO, not who)
    table, fts = index_for(db, typed, "turns")
    order = newest if sort == "date" else f"{table}.rank, t.id"
    sql = f"""SELECT {TURN_COLUMNS} FROM {table} JOIN turns t ON t.id = {table}.rowid {joins}
              WHERE {table} MATCH ? {where}{needles_sql(checks, 't.')} ORDER BY {order} LIMIT ? OFFSET ?"""
    try:
        if not checks:
            rows = db.execute(sql, [fts, *params, limit, offset]).fetchall()
        else:
            rows = checked(lambda size: db.execute(sql, [fts, *params, *needles(checks), size, 0]).fetchall(),
                           limit + offset, lambda found: _held(db, found, checks))[offset:]
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc) or "no such column" in str(exc):
            raise SearchSyntaxError(f"The search index could not read that query ({exc}). {HINT}") from exc
        raise
    return [turn_record(row) for row in rows]


def _held(db: sqlite_utils.Database, rows: list, checks: list) -> list:
    """The turns among `rows` whose text holds every phrase the search checks, and none it leaves out, in a group
    or beside an OR as well (store/search.py passing)."""
    from briefarc.store.search import passing

    if not rows:
        return []
    pairs = ", ".join("(?, ?)" for _ in rows)
    ids = dict(db.execute(f"SELECT id, document_id || ':' || number FROM turns WHERE (document_id, number) IN "
                          f"(VALUES {pairs})", [value for row in rows for value in row[:2]]).fetchall())
    kept = {ids[turn] for turn in passing(db, "turns", list(ids), checks)}
    return [row for row in rows if f"{row[0]}:{row[1]}" in kept]


def count_turns(db: sqlite_utils.Database, query: str | None, filters: Filters | None = None, *,
                role: str | None = None, outlet: str | None = None, literal: bool = False) -> int:
    """How many turns `search_turns` finds in all (for "20 of 363")."""
    where, params = filter_sql(db, filters, role, outlet)
    joins = "JOIN documents d ON d.id = t.document_id LEFT JOIN sources s ON s.id = d.source_id"
    if not query or not query.strip():
        return db.execute(f"SELECT count(*) FROM turns t {joins} WHERE 1 {where}", params).fetchone()[0]
    from briefarc.store.fts import index_for
    from briefarc.store.search import needles, needles_sql, search_query

    typed, checks = search_query(query, literal, ("text",))
    table, fts = index_for(db, typed, "turns")
    if checks:
        from briefarc.store.search import passing

        sql = (f"SELECT t.id FROM {table} JOIN turns t ON t.id = {table}.rowid {joins} WHERE {table} MATCH ? "
               f"{where}{needles_sql(checks, 't.')}")
        return len(passing(db, "turns", [row[0] for row in db.execute(sql, [fts, *params, *needles(checks)])], checks))
    sql = f"SELECT count(*) FROM {table} JOIN turns t ON t.id = {table}.rowid {joins} WHERE {table} MATCH ? {where}"
    return db.execute(sql, [fts, *params]).fetchone()[0]


@translated
def get_turns(db: sqlite_utils.Database, doc_id: int) -> list[dict]:
    """Every turn of a document, numbered from 1."""
    rows = db.execute(
        f"""SELECT {TURN_COLUMNS} FROM turns t JOIN documents d ON d.id = t.document_id
            LEFT JOIN sources s ON s.id = d.source_id WHERE t.document_id = ? ORDER BY t.number""", (doc_id,)
    ).fetchall()
    return [turn_record(row) for row in rows]


@translated
def get_turn(db: sqlite_utils.Database, doc_id: int, number: int) -> dict:
    """Turn `number` of a document, with `question`: the question it answers (for an answer)."""
    turns = get_turns(db, doc_id)
    if not turns:
        if db.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
            raise NotFound(f"No document with id {doc_id}: `briefarc list` or `briefarc search` show the ids.")
        raise NotFound(f"Document {doc_id} has no turns (it is not a transcript).")
    if not 1 <= number <= len(turns):
        raise NotFound(f"Document {doc_id} has turns 1 to {len(turns)}, not {number}.")
    turn = turns[number - 1]
    turn["question"] = None
    if turn["role"] == "answer":
        earlier = [t for t in turns[:number - 1] if t["role"] == "question"]
        turn["question"] = earlier[-1] if earlier else None
    return turn


@translated
def outlets(db: sqlite_utils.Database, filters: Filters | None = None, *, top: int = 5) -> list[dict]:
    """Who asks: each outlet named in question labels, with its count, first and last date and the terms
    it asks about more than the other outlets do. The spellings of one outlet (outlet_key) count together, under
    the one its questions are labelled with most often; its questions in each script apart (CNN: and CNN记者: ask
    the English and the Chinese version of one briefing's question, as Reuters: and 路透社记者: do)."""
    from briefarc.analysis.tokens import content_tokens

    where, params = filter_sql(db, filters, "question", None)
    rows = db.execute(
        f"""SELECT t.speaker, d.published_date, t.text FROM turns t JOIN documents d ON d.id = t.document_id
            LEFT JOIN sources s ON s.id = d.source_id WHERE t.speaker IS NOT NULL {where}""", params
    ).fetchall()
    found: dict[tuple[str, bool], dict] = {}
    terms: dict[tuple[str, bool], Counter] = {}
    asked: dict[tuple[str, bool], list[str]] = {}
    answering = _answering_names(db)
    spellings: dict[tuple[str, bool], Counter] = {}
    for speaker, date, text in rows:
        outlet = outlet_of(speaker)
        if outlet is None or _surname(outlet) in answering:
            continue
        counts = Counter(content_tokens(text or ""))
        # an outlet in each script it asks in: against all, 'china' topped every English-asking outlet's terms in
        # an archive that also holds Chinese questions (half of all words, and they never write it)
        name = (outlet_key(outlet), _asks_in_cjk(counts))
        spellings.setdefault(name, Counter())[outlet] += 1
        entry = found.setdefault(name, {"outlet": outlet, "questions": 0, "first": date, "last": date})
        entry["questions"] += 1
        entry["first"] = min(filter(None, (entry["first"], date)), default=None)
        entry["last"] = max(filter(None, (entry["last"], date)), default=None)
        terms.setdefault(name, Counter()).update(counts)
        asked.setdefault(name, []).append(text or "")
    everyone: dict[bool, Counter] = {}
    for name, counts in terms.items():  # not sum(..., Counter()): that copies the whole vocabulary once per outlet
        everyone.setdefault(name[1], Counter()).update(counts)
    for name, entry in found.items():
        entry["outlet"] = max(spellings[name], key=lambda spelling: (spellings[name][spelling], spelling))
        entry["top_terms"] = distinctive(terms[name], everyone[name[1]], top, asked[name])
    return sorted(found.values(), key=lambda e: (-e["questions"], e["outlet"]))


def _asks_in_cjk(counts: Counter) -> bool:
    """Whether most of an outlet's counted words are CJK words (it asks in Chinese or Japanese)."""
    from briefarc.analysis.tokens import script_totals

    totals = script_totals(counts)
    return totals[True] > totals[False]


def _surname(name: str) -> str:
    from briefarc.extract.labels import speaker_key

    words = speaker_key(name).split()
    return words[-1] if len(words) > 1 else ""


def _answering_names(db) -> set[str]:
    """The surnames of those who answer or make statements ("MR PRICE", "SECRETARY BLINKEN"): a question
    labelled with one of them ("SECRETAR BLINKEN", misspelt on the page) is a participant's, not an outlet's."""
    rows = db.execute("SELECT DISTINCT speaker FROM turns WHERE role != 'question' AND speaker IS NOT NULL")
    return {_surname(speaker) for (speaker,) in rows} - {""}


def distinctive(own: Counter, everyone: Counter, top: int, asked: list[str]) -> list[str]:
    """The words an outlet asks about more than the others do, by log-likelihood (then by count); a CJK
    word as the longer string it stands in, in what the outlet asked (tokens.grown)."""
    from briefarc.analysis.association import keyness
    from briefarc.analysis.tokens import as_words

    own_total, all_total = sum(own.values()), sum(everyone.values())
    rest_total = all_total - own_total
    if not rest_total:  # one outlet alone: its most frequent words
        ranked = [term for term, _ in own.most_common(3 * top)]
    else:
        scored = [(keyness(count, own_total, everyone[term] - count, rest_total), count, term)
                  for term, count in own.items() if count * rest_total > (everyone[term] - count) * own_total]
        scored.sort(key=lambda item: (-item[0], -item[1], item[2]))
        ranked = [term for _, _, term in scored[:3 * top]]
    return [row["word"] for row in as_words([{"word": term} for term in ranked], top, asked)]


@translated
def speakers(db: sqlite_utils.Database, filters: Filters | None = None) -> list[dict]:
    """Spokespersons per source: how many briefings each gave, the first and the last; the sources in
    alphabetical order whatever their case, each one's spokespersons those who gave most first. One name however
    its pages write it ("Ned Price", "NED PRICE", "Price, Ned", 華春瑩 and 华春莹: person_key), under its most
    frequent form."""
    from briefarc.sources.names import person_key

    clauses, params = filter_clauses(filters)
    where = "".join(" AND " + clause for clause in clauses)
    rows = db.execute(  # != '' leaves out NULL too, and reads the documents in order, not by the spokesperson index
        f"""SELECT {SITE_SQL}, d.spokesperson, count(*), min(d.published_date), max(d.published_date)
            FROM documents d LEFT JOIN sources s ON s.id = d.source_id
            WHERE d.spokesperson != '' {where}
            GROUP BY 1, d.spokesperson ORDER BY 1, count(*) DESC, min(d.id)""", params
    ).fetchall()
    merged: dict[tuple, dict] = {}
    shown: dict[tuple, int] = {}  # the count of the form each row shows: its most frequent
    for site, name, count, first, last in rows:  # most frequent first, then the first archived
        if not isinstance(name, str):  # a blob another program wrote there is no name
            continue
        key = (site, person_key(name))
        entry = merged.setdefault(key, {"source": site, "spokesperson": name, "documents": 0, "first": first,
                                        "last": last})
        if count == shown.setdefault(key, count) and _in_capitals(entry["spokesperson"]) and not _in_capitals(name):
            entry["spokesperson"] = name  # on a tie, the form a page's prose writes: "Jane Roe", not "JANE ROE"
        entry["documents"] += count
        entry["first"] = min(filter(None, (entry["first"], first)), default=None)
        entry["last"] = max(filter(None, (entry["last"], last)), default=None)
    # the sources in alphabetical order (news.xinhua.example among the N's), in each the most documents first, a
    # spokesperson's names in the ministry's two scripts side by side (Geng Shuang beside 耿爽: sources/names.json),
    # the Chinese first whatever the counts: on a tie (林剑 and Lin Jian, one briefing each) the keys' code points
    # put the English first, and 耿爽 came first only for having more documents
    people = _people()
    person = {key: people.get(key[1], key[1]) for key in merged}
    totals: Counter[tuple] = Counter()
    for key, entry in merged.items():
        totals[entry["source"], person[key]] += entry["documents"]
    return [merged[key] for key in sorted(merged, key=lambda key: (
        (key[0] or "").casefold(), -totals[key[0], person[key]], person[key], not has_cjk(key[1]),
        -merged[key]["documents"], key[1]))]


def _in_capitals(name: str) -> bool:
    """A name written without a lower-case letter ("JANE ROE", as a transcript's label writes it)."""
    return not any(char.islower() for char in name)


def _people() -> dict[str, str]:
    """Each spokesperson's name of sources/names.json (person_key) with the first of the person's names."""
    from briefarc.sources.names import person_key, spokesperson_names

    return {person_key(name): person_key(names[0]) for names in spokesperson_names() for name in names}
