"""The command line: options in, one library call, output out. No SQL, HTML or HTTP here.

Commands live in small modules by theme; importing them registers them on `app`.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys

import typer

from briefarc.cli import archive, exporting, fetching, history  # noqa: F401  (importing registers the commands)
from briefarc.cli.app import app
from briefarc.errors import BriefarcError, ExitStatus

__all__ = ["app", "main", "run"]


def main(argv: list[str] | None = None) -> None:
    """Run the app, mapping every failure to one line on stderr and an exit code."""
    sys.exit(run(argv))


def _click_errors() -> tuple[tuple, tuple, tuple, tuple]:
    """(bare command, usage errors, other click errors, aborts) of click and of the copy newer Typers carry."""
    modules = []
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            modules.append(importlib.import_module(name))
        except ImportError:
            continue
    found = [tuple(getattr(m, cls) for m in modules if hasattr(m, cls))
             for cls in ("NoArgsIsHelpError", "UsageError", "ClickException")]
    aborts = tuple({m.Abort for m in modules if hasattr(m, "Abort")} | {typer.Abort})
    return found[0], found[1], found[2], aborts


def run(argv: list[str] | None = None) -> int:
    from briefarc.output import console

    bare, usage_errors, click_errors, aborts = _click_errors()
    try:
        result = app(args=argv, prog_name="briefarc", standalone_mode=False)
        if result == ExitStatus.INTERRUPTED:
            console.err().print("Interrupted.", markup=False)
        return result if isinstance(result, int) else ExitStatus.OK
    except bare as exc:  # `briefarc` or `briefarc sources` alone: the help, as asked for
        sys.stdout.write(exc.ctx.get_help() + "\n")
        return ExitStatus.OK
    except usage_errors as exc:
        console.error(exc.format_message())
        hint = f"Try '{exc.ctx.command_path} --help' for help." if exc.ctx else "Try 'briefarc --help'."
        console.err().print(hint, markup=False)
        return ExitStatus.USAGE
    except click_errors as exc:
        console.error(exc.format_message())
        return ExitStatus.USAGE
    except (*aborts, KeyboardInterrupt):
        console.err().print("Interrupted.", markup=False)
        return ExitStatus.INTERRUPTED
    except BriefarcError as exc:
        if os.environ.get("BRIEFARC_TRACEBACK"):
            raise
        console.error(str(exc))
        return exc.exit_status
    except sqlite3.Error as exc:
        if os.environ.get("BRIEFARC_TRACEBACK"):
            raise
        from briefarc.store.db import describe

        console.error(describe(exc))
        return ExitStatus.ERROR
    except SystemExit:
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":  # Typer's answer to a closed pipe (`| head`)
            _silence_stdout()
            return ExitStatus.OK
        raise
    except OSError as exc:  # writing the output failed: a full disk, a closed terminal
        if os.environ.get("BRIEFARC_TRACEBACK"):
            raise
        console.error(f"Cannot write the output: {exc.strerror or exc}.")
        return ExitStatus.ERROR


def _silence_stdout() -> None:
    """After the reader of our output went away (`| head`), do not fail while exiting."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
