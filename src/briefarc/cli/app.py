"""The Typer app and the options several commands share, defined once."""

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from briefarc.errors import UsageError

app = typer.Typer(
    name="briefarc",
    help="Archive diplomatic press briefings: fetch, parse, store and search them.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("briefarc")
        except PackageNotFoundError:
            number = "unknown (not installed)"
        typer.echo(f"briefarc {number}")
        raise typer.Exit()


@app.callback(epilog="\b\nExample: briefarc ingest data/samples && briefarc search Taliban Kabul")
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Archive diplomatic press briefings: fetch, parse, store and search them."""


def _db_file(value: str) -> Path:
    """--db's path; an empty one (an unset shell variable) is a usage error, not the current folder."""
    if not value:
        raise typer.BadParameter("an empty path was given (an unset variable?): name the database file.",
                                 param_hint="'--db'")
    return Path(value)


DbOption = Annotated[
    Path | None,
    typer.Option("--db", envvar="BRIEFARC_DB", show_default=False, parser=_db_file, metavar="<path>",
                 help="Database file (default: briefarc.db in the data folder; or $BRIEFARC_DB)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON Lines on stdout instead of a table: one object per "
                                                          "row, with the table's fields and more.")]


def json_flag(what: str):
    """A --json option whose help says what it prints: `Annotated[bool, json_flag("one line per ...")]`."""
    return typer.Option("--json", help=f"JSON on stdout instead of text: {what}")
HitsJsonOption = Annotated[bool, typer.Option(
    "--json", help="JSON Lines on stdout: one object per document (id, published, source, site, kind, title, url, "
    "...; search adds snippet and highlights), each with `total`, the number of documents found in all.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="CSV on stdout instead of a table.")]
CsvSafeOption = Annotated[bool | None, typer.Option(
    "--csv-safe/--no-csv-safe", help="CSV for spreadsheets: cells starting with = + - @ tab or CR get a leading ' "
    "(default: on for a file named *.csv, off otherwise; --no-csv-safe keeps the exact text).")]
SourceFilter = Annotated[
    str | None, typer.Option("--source", help="Only documents from this source, or this site as tables show it; "
                             "- for those shown as — (no site known).")
]
SinceFilter = Annotated[str | None, typer.Option(
    "--since", help="Published on or after this day, or from this month or year on (YYYY-MM-DD, YYYY-MM or YYYY).")]
UntilFilter = Annotated[str | None, typer.Option(
    "--until", help="Published on or before this day, or by the end of this month or year (YYYY-MM-DD, YYYY-MM or "
    "YYYY).")]


def spokesperson_name(value: str) -> str:
    """--spokesperson: nothing to look for (" ", "-") is a usage error, not every named spokesperson."""
    if not value.replace("-", " ").strip():
        raise typer.BadParameter("give a name, or the start of a word of it (Hua: Hua Chunying).")
    try:  # a control character found nothing, exit 0: "No documents match the filters."
        return check_typed(value, "The name")
    except UsageError as error:  # as BadParameter, Click names the option (--spokesperson, --vs-spokesperson)
        raise typer.BadParameter(str(error)) from None


SpokespersonFilter = Annotated[
    str | None, typer.Option("--spokesperson", parser=spokesperson_name, metavar="<str>",
                             help="Spokesperson's name in any order, case or spacing, or the start of a word of "
                                  "it (Hua, 'Chunying Hua': Hua Chunying, and 华春莹 or 華春瑩 on the Chinese pages); "
                                  "in Chinese, any part of it.")
]
KindFilter = Annotated[
    str | None,
    typer.Option("--kind", help="briefing, press_release, statement, remarks, interview, readout, speech, "
                 "news_report, listing or other."),
]
LangFilter = Annotated[str | None, typer.Option("--lang", help="Language code, such as en or zh.")]
LimitOption = Annotated[int, typer.Option("--limit", min=1, help="How many results at most.")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many results first.")]
ChangedFilter = Annotated[bool, typer.Option("--changed", help="Only documents with more than one version.")]
RemovedFilter = Annotated[bool, typer.Option("--removed", help="Only documents that vanished at their source.")]
SortOption = Annotated[str, typer.Option("--sort", help="rank (best match first) or date (newest first).")]
MaxSizeOption = Annotated[int, typer.Option(
    "--max-size", min=1, metavar="MB", help="A page (a file, or a WARC record) larger than this many MB fails "
    "unread, as fetch's limit for a response.")]

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def open_db(db: Path | None, *, create: bool = True):
    """The archive database and its path."""
    from briefarc.paths import db_path
    from briefarc.store.db import open_database

    path = db_path(db)
    return open_database(path, create=create), path


def archive_to_fill(db: Path | None):
    """The archive an ingest or a fetch writes into (a context): one it creates and reads nothing into is
    removed again."""
    from briefarc.paths import db_path
    from briefarc.store.db import archive_to_fill as opened

    return opened(db_path(db))


SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


def check_source_name(name: str) -> str:
    """A new source's name: lower-case letters, digits, '.', '_' and '-', up to 64, as in mofa-pk."""
    if not SOURCE_NAME.fullmatch(name):
        raise UsageError(f"{name!r} cannot name a source: use lower-case letters, digits, '-', '_' and '.' "
                         "(up to 64, starting with a letter or digit), as in mofa-pk.")
    return name


def known_source(database, name: str | None, *, new: bool = False) -> str | None:
    """--source NAME of a command that files pages: a source that exists, or with `new` a valid new name.

    A name that exists nowhere is a usage error listing the known ones (a typo must not become a source).
    """
    from briefarc.store.sources import all_sources

    if name is None:
        return None
    names = [source.name for source in all_sources(database)]
    if (found := same_source(name, names)) is not None:
        return found
    if new:
        return check_source_name(name)
    raise UsageError(unknown_source(name, names) + " To file pages under a new name, add --new-source.")


def same_source(name: str, names: list[str]) -> str | None:
    """The known source `name` means, in any case (`FMPRC-EN` is fmprc-en), or None."""
    if name in names:
        return name
    folded = [known for known in names if known.casefold() == name.strip().casefold()]
    return folded[0] if len(folded) == 1 else None


def unknown_source(name: str, names: list[str]) -> str:
    """"No source named 'x'. Did you mean y? Known sources: a, b, c." for a name not in `names`."""
    import difflib

    close = difflib.get_close_matches(name, names, n=1)
    hint = f"Did you mean {close[0]}? " if close else ""
    return f"No source named {name!r}. {hint}Known sources: {', '.join(sorted(names))}."


def check_url(url: str | None) -> str | None:
    """A page address given with --url: a web address with a host, or a usage error."""
    from urllib.parse import urlsplit

    if url is None:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        parts = None
    from briefarc.urls import address_problem, as_typed, credentials, masked

    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UsageError(f"--url takes a web address such as https://example.org/page, not {masked(url)!r}.")
    if problem := address_problem(url.strip()):
        raise UsageError(f"--url {masked(url)!r} is no address a page can have: {problem}.")
    return credentials(as_typed(url.strip()))[0]  # a password has no place in the address stored


def check_paths(paths: list[str]) -> list[str]:
    """Files and folders to read: an empty one (an unset shell variable) is a usage error, not the current folder;
    so is standard input named twice (the second read would find it empty)."""
    if any(path == "" for path in paths):
        raise UsageError("An empty path was given (an unset variable?): name the files or folders to read.")
    if paths.count("-") > 1:
        raise UsageError("Standard input (-) can be read once: give - a single time.")
    return paths


def parse_date(value: str | None, option: str, *, end: bool = False) -> str | None:
    """A --since/--until value as YYYY-MM-DD; a year or month means its first (or last) day."""
    if value is None:
        return None
    import calendar
    from datetime import date

    if not DATE.match(value):
        raise UsageError(f"{option} takes a date as YYYY-MM-DD (or YYYY-MM, or YYYY), not {value!r}.")
    year, month, day = (int(part) for part in (value.split("-") + ["0", "0"])[:3])
    month = month or (12 if end else 1)
    day = day or (calendar.monthrange(year, month)[1] if end and 1 <= month <= 12 else 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date in the calendar.") from None


def make_filters(source, since, until, spokesperson, kind, lang, changed=False, removed=False,
                 names=("--since", "--until")):
    """`names`: the options that gave `since` and `until`, as errors name them (keywords' --vs-since)."""
    from briefarc.store.search import Filters

    if kind:  # the extractor's package is loaded only for --kind (its spellings)
        from briefarc.extract.kinds import ALIASES
        from briefarc.models import KINDS

        kind = choice(ALIASES.get(kind.strip().lower(), kind), KINDS, "--kind")
    lang = check_language(lang)
    first, last = parse_date(since, names[0]), parse_date(until, names[1], end=True)
    if first and last and first > last:
        raise UsageError(f"{names[0]} {since} is after {names[1]} {until}: nothing can match (swap them?).")
    return Filters(source=source, since=first, until=last, spokesperson=spokesperson, kind=kind, language=lang,
                   changed=changed, removed=removed)


# Language names typed for --lang, and their codes (the archive keeps codes: en, zh-CN).
LANGUAGE_NAMES = {"english": "en", "chinese": "zh", "mandarin": "zh", "urdu": "ur", "hindi": "hi", "arabic": "ar",
                  "french": "fr", "russian": "ru", "spanish": "es", "german": "de", "portuguese": "pt",
                  "japanese": "ja", "korean": "ko", "persian": "fa", "farsi": "fa", "pashto": "ps", "turkish": "tr"}
# Three-letter codes (ISO 639-2) of those languages, which the archive keeps in two letters (ISO 639-1).
THREE_LETTER = {"eng": "en", "zho": "zh", "chi": "zh", "urd": "ur", "hin": "hi", "ara": "ar", "fra": "fr", "fre": "fr",
                "rus": "ru", "spa": "es", "deu": "de", "ger": "de", "por": "pt", "jpn": "ja", "kor": "ko", "fas": "fa",
                "per": "fa", "pus": "ps", "tur": "tr"}
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def check_language(lang: str | None) -> str | None:
    """--lang as a language code (en, zh, zh-CN; zh_CN and eng are read as zh-CN and en, as the archive keeps
    them): a name (english) is a usage error that gives the code, as it matched nothing."""
    if lang is None:
        return None
    value = lang.strip().replace("_", "-")  # zh_CN, as locales write it, is zh-CN
    if LANGUAGE_TAG.fullmatch(value):
        primary, dash, rest = value.partition("-")
        return THREE_LETTER.get(primary.casefold(), primary) + dash + rest
    code = LANGUAGE_NAMES.get(value.casefold())
    hint = f"--lang {code}" if code else "--lang en or --lang zh"
    raise UsageError(f"--lang takes a language code, not {lang!r}: {hint}.")


TURN_REF = re.compile(r"\s*(\d+)\s*(?:[#＃]\s*(\d+))?\s*")
# A number that is no document id (0, -3, 1.5, -5x: what starts as one), as `show -- -3` and `show 0` give it.
NUMBER = re.compile(r"\s*[-+]?\d\S*\s*")


def not_a_document_id(typed: str) -> str:
    """The usage error of a number given for a document id (`show 0`, `show -1.5`), however it came in."""
    return (f"{typed} is not a document id: ids are whole numbers from 1 (`briefarc list` and `briefarc search` show "
            "them).")


def parse_turn_ref(value: str) -> tuple[int, int | None]:
    """"12" -> (12, None); "12#3" -> (12, 3), also as a Chinese input method types it ("１２＃３"). A usage error
    for anything else: a number that is no id (0, -3, 1.5) says so, as `show -1` does."""
    match = TURN_REF.fullmatch(value)
    if match and int(match.group(1)) > 0:
        return int(match.group(1)), int(match.group(2)) if match.group(2) else None
    if match or NUMBER.fullmatch(value):
        raise UsageError(not_a_document_id(value.strip()))
    raise UsageError(f"Give a document id such as 12, or a turn such as 12#3, not {value!r}.")


def document_id(value: str) -> int:
    """A document's id for the commands that take no turn (history, diff, reparse, parallel): a turn ref such as 12#3
    says which document holds it, anything else what to give (Click said "'12#3' is not a valid int")."""
    if not TURN_REF.fullmatch(value) and not NUMBER.fullmatch(value):
        raise UsageError(f"Give a document id such as 12, not {value!r}.")
    doc_id, turn = parse_turn_ref(value)
    if turn is not None:
        raise UsageError(f"{value.strip()} is turn {turn} of document {doc_id}: give the document's id, {doc_id} "
                         f"(`briefarc show {doc_id}#{turn}` shows the turn).")
    return doc_id


# C0 and C1 controls and DEL, but the tab and line breaks a shell or a paste puts between words (read as spaces)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def check_typed(text: str, what: str = "The query") -> str:
    """`text` as typed for a search or a term; a usage error when it holds a control character (an escape or a
    \\x01 from a paste), which the index reads as a space between words: "Tai\\x01wan" found nothing, exit 0."""
    found = CONTROL.search(text)
    if found:
        raise UsageError(f"{what} holds a control character, {found.group()!r} (character {found.start() + 1} of "
                         f"{len(text)}), which is no text to search for: type it again without it.")
    return text


def choice(value: str, allowed, option: str) -> str:
    """`value` as one of `allowed`, whatever its case (`--kind News`, `-f JSONL`); else a usage error."""
    folded = value.strip().lower().replace("-", "_") if "_" in "".join(allowed) else value.strip().lower()
    if folded not in allowed:
        listed = f"{', '.join(allowed[:-1])} or {allowed[-1]}" if len(allowed) > 1 else allowed[0]
        raise UsageError(f"Unknown {option.lstrip('-')} {value!r} ({option}): use {listed}.")
    return folded


def exit_for_failures(failed: int, succeeded: int) -> None:
    """Exit 3 when some inputs (or sources) failed and others went through; 1 when every one failed."""
    from briefarc.errors import ExitStatus

    if failed:
        raise typer.Exit(ExitStatus.PARTIAL if succeeded else ExitStatus.ERROR)


def write_json_lines(records) -> None:
    """Records as JSON Lines on stdout, without loading Rich: the light path scripts take."""
    from briefarc.output.textout import write_jsonl

    write_jsonl(records, sys.stdout)


def check_output_flags(json_: bool, csv_: bool) -> None:
    if json_ and csv_:
        raise UsageError("Choose one of --json and --csv.")
