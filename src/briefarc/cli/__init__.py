"""The command line: options in, one library call, output out. No SQL, HTML or HTTP here.

Commands live in small modules by theme; importing them registers them on `app`.

Start-up is paid on every command, so: the command modules do not use `from __future__ import
annotations` (Typer would evaluate every annotation string of every command at each start), Rich
is loaded only when something is printed for a person or an error is shown, and the library is
imported inside the command that uses it. tests/test_startup.py holds the rule.
"""

from __future__ import annotations

import codecs
import importlib
import sys

import typer

from briefarc.cli.app import app
from briefarc.errors import BriefarcError, ExitStatus, Interrupted, tracebacks_wanted

__all__ = ["app", "load_commands", "main", "run"]

# The module that registers each command on `app` when imported. A command line naming one of them
# loads that module only; anything else (--help, a typo) loads them all, in this table's order, which is the
# order of `briefarc --help`: archiving and reading first, the corpus commands after. tests/test_startup.py
# checks that this table names every command.
COMMAND_MODULES = {
    "parse": "archive", "ingest": "archive", "search": "archive", "list": "archive", "show": "archive",
    "stats": "archive", "fetch": "fetching", "log": "fetching", "sources": "fetching", "export": "exporting",
    "cite": "exporting", "verify": "exporting", "history": "history", "diff": "history", "reparse": "history",
    "watch": "watching", "outlets": "analysis", "speakers": "analysis", "kwic": "analysis", "trend": "analysis",
    "collocates": "analysis", "keywords": "analysis", "parallel": "analysis",
}


def load_commands(argv: list[str] | None = None) -> None:
    """Register the commands `argv` needs on `app` (all of them without `argv`)."""
    module = COMMAND_MODULES.get(argv[0]) if argv else None
    for name in [module] if module else dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(f"briefarc.cli.{name}")
    if not module:  # in the table's order, whichever module a program imported first
        order = {name: number for number, name in enumerate(COMMAND_MODULES)}
        app.registered_commands.sort(key=lambda info: order.get(_name_of(info), len(order)))


def _name_of(info: typer.models.CommandInfo) -> str:
    return str(info.name or getattr(info.callback, "__name__", ""))


def main(argv: list[str] | None = None) -> None:
    """Run the app, mapping every failure to one line on stderr and an exit code."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    """The one edge where errors become messages: briefarc's own, the command line's, output and interrupts.

    Library code raises the BriefarcError family (the store turns SQLite's errors into it); anything
    else is a bug and keeps its traceback. BRIEFARC_TRACEBACK=1 shows the traceback of every error.
    """
    args = sys.argv[1:] if argv is None else argv
    escape_unencodable(sys.stdout)
    try:
        load_commands(args)
        result = _app_for(args)(args=argv, prog_name="briefarc", standalone_mode=False)
        if result == ExitStatus.INTERRUPTED:
            _console().err().print("Interrupted.", markup=False)
        return result if isinstance(result, int) else ExitStatus.OK
    except typer.TyperException as exc:  # the command line: an unknown option, a missing argument...
        return _command_line_error(exc, args)
    except (typer.Abort, KeyboardInterrupt):
        _console().err().print("Interrupted.", markup=False)
        return ExitStatus.INTERRUPTED
    except Interrupted as exc:  # Ctrl-C in a batch: how much of it was saved
        _console().err().print(str(exc), markup=False, highlight=False)
        return exc.exit_status
    except BriefarcError as exc:
        if tracebacks_wanted():
            raise
        _console().error(str(exc))
        return exc.exit_status
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # Typer's answer to a closed pipe (`| head`)
            from briefarc.output.streams import silence_broken

            silence_broken()
            return ExitStatus.OK
        raise
    except OverflowError as exc:  # `--limit 99999999999999999999`, `show 99999999999999999999`: SQLite's bound
        if "SQLite INTEGER" not in str(exc) or tracebacks_wanted():
            raise
        _console().error(f"A number on the command line is too large: ids, --limit and --offset, and --offset plus "
                         f"--limit, go up to {2**63 - 1}.")
        return ExitStatus.USAGE
    except UnicodeEncodeError:  # bytes typed that are not UTF-8 reached SQLite as lone surrogates
        undecoded = next((arg for arg in args if _has_undecoded(arg)), None)
        if undecoded is None or tracebacks_wanted():
            raise
        shown = undecoded.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        _console().error(f"The command line holds bytes that are not UTF-8, in '{shown}': type that text in UTF-8 "
                         "(check the terminal's character set).")
        return ExitStatus.USAGE
    except OSError as exc:  # writing the output failed: a full disk, a closed terminal
        if tracebacks_wanted():
            raise
        _console().error(f"Cannot write the output: {exc.strerror or exc}.")
        return ExitStatus.ERROR


def escape_unencodable(stream) -> None:
    """Let a stream whose encoding is not UTF-8 (cp1252, Windows' default for a file; a Latin-1 locale) write the
    characters it lacks as \\uXXXX escapes instead of failing with a traceback. They are JSON's own escapes (a
    character beyond U+FFFF as its surrogate pair), so --json output stays valid JSON that reads back as the exact
    text; in a table, CSV or plain text they read as Python's backslashreplace gives them."""
    encoding = getattr(stream, "encoding", None)
    if not encoding or not hasattr(stream, "reconfigure") or codecs.lookup(encoding).name.startswith("utf"):
        return
    from briefarc.output import textout  # only here: light commands on a UTF-8 output do not load it

    codecs.register_error(textout.ESCAPES, _escapes)
    stream.reconfigure(errors=textout.ESCAPES)
    textout.NARROW_ENCODING = stream.encoding


def _escapes(error: UnicodeError) -> tuple[str, int]:
    """The unencodable characters of `error` written as JSON writes them with ensure_ascii."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start:error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


def _has_undecoded(arg: str) -> bool:
    """Whether a command-line argument holds bytes that were not UTF-8 (Python hands them over as U+DC80-U+DCFF)."""
    from briefarc.urls import UNDECODED

    return UNDECODED.search(arg) is not None


def _app_for(args: list[str]) -> typer.Typer:
    """The app; for the top-level help, a copy that lists the commands without reading their parameters."""
    from briefarc.cli.helponly import for_top_level_help, help_only

    return help_only(app) if for_top_level_help(args) else app


def _console():
    """The consoles (and Rich), loaded only when something goes wrong: a run that succeeds never needs them."""
    from briefarc.output import console

    return console


def _command_line_error(exc: typer.TyperException, argv: list[str]) -> int:
    """A usage error's message and hint; a group named alone (`briefarc sources`) shows its help."""
    console = _console()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and exc.format_message() == ctx.get_help():  # no_args_is_help: the help, as asked for
        sys.stdout.write(ctx.get_help() + "\n")
        return ExitStatus.OK
    message = _negative_number(exc, argv) or _not_a_whole_number(exc) or _as_typed(exc, argv)
    if ctx is not None and "unexpected extra argument" in message:
        message += _extra_words_hint(ctx, message)
    console.error(message)
    if exc.exit_code == ExitStatus.USAGE:
        command = ctx.command_path if ctx else _command_typed(argv)
        console.err().print(f"Try '{command} --help' for help.", markup=False)
    return ExitStatus.USAGE


ONE_TERM = {"kwic": "term", "collocates": "term", "add": "query"}  # commands whose words are one argument


def _extra_words_hint(ctx, message: str) -> str:
    """What to type instead of words a command took as more arguments than it has: `kwic Hong Kong` quoted."""
    from shlex import quote

    if ctx.info_name == "list":
        return ". `briefarc list` takes filters only: `briefarc search WORDS` searches."
    extra = message[message.rfind("(") + 1:-1] if message.endswith(")") else ""
    if ctx.info_name not in ONE_TERM or ONE_TERM[ctx.info_name] not in ctx.params or not extra:
        return ""
    before = [quote(str(ctx.params["name"]))] if "name" in ctx.params else []  # a watch's name
    phrase = quote(f"{ctx.params[ONE_TERM[ctx.info_name]]} {extra}")
    return f". A phrase is one argument, in quotes: {' '.join([ctx.command_path, *before, phrase])}"


def _command_typed(argv: list[str]) -> str:
    """"briefarc COMMAND" for the command `argv` names (a group's too: "briefarc sources add"), else "briefarc"."""
    command = typer.main.get_command(app)
    path = ["briefarc"]
    for arg in argv:
        commands = getattr(command, "commands", None) or {}  # a group's (Typer's own click, not the standalone)
        if arg.startswith("-") or arg not in commands:
            break
        command = commands[arg]
        path.append(arg)
    return " ".join(path)


def _as_typed(exc: typer.TyperException, argv: list[str]) -> str:
    """The message, naming an unknown option as it was typed: `kwic -china` read as the short options -c -h...
    said "No such option: -c"."""
    name = getattr(exc, "option_name", None)
    if not name or name.startswith("--") or len(name) != 2:
        return exc.format_message()
    typed = next((arg for arg in argv if arg.startswith(name) and not arg.startswith("--") and len(arg) > 2), None)
    return f"No such option: {typed}." if typed else exc.format_message()


def _not_a_whole_number(exc: typer.TyperException) -> str | None:
    """What an option that takes a whole number takes, said as this CLI's other options say it ("--top takes a whole
    number, 0 or more, not 'abc'."): Click said "'abc' is not a valid int range"."""
    param = getattr(exc, "param", None)
    kind = getattr(param, "type", None)
    if param is None or getattr(param, "param_type_name", "") != "option":
        return None
    if getattr(kind, "name", "") not in ("integer", "int range") or " is not a valid" not in str(exc):
        return None
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    bounds = (f", from {low} to {high}" if low is not None and high is not None else f", {low} or more"
              if low is not None else f", at most {high}" if high is not None else "")
    typed = str(exc)[: str(exc).rfind(" is not a valid")]
    return f"{param.opts[0]} takes a whole number{bounds}, not {typed}."


def _negative_number(exc: typer.TyperException, argv: list[str]) -> str | None:
    """What a negative number is instead, where a command takes ids or version numbers (`show -1`, `diff 5 -1 2`, and
    what starts as one: `show -1.5`, `show -5x`): Click reads it as an option and said "No such option: -1"."""
    import re

    ctx, name = getattr(exc, "ctx", None), getattr(exc, "option_name", None)
    if ctx is None or not name:
        return None
    typed = next((arg for arg in argv if arg.startswith(name) and re.fullmatch(r"-\d\S*", arg)), None)
    metavars = [getattr(param, "metavar", None) or "" for param in ctx.command.params
                if param.param_type_name == "argument"]
    if typed is None or not any("ID" in metavar for metavar in metavars):
        return None
    given = argv[argv.index(ctx.info_name) + 1:argv.index(typed)] if ctx.info_name in argv else []
    if "[V1 V2]" in metavars and any(not arg.startswith("-") for arg in given):
        return f"{typed} is not a version number: versions are numbered from 1 (`briefarc history ID` lists them)."
    from briefarc.cli.app import not_a_document_id

    return not_a_document_id(typed)
