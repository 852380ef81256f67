"""The top-level help (`briefarc`, `briefarc --help`) without Typer reading every command's parameters.

Typer builds each command in full to list it: it inspects and converts every parameter of every command,
about a third of the CPU of `briefarc --help`. The list needs only each command's name and help, so the
help is drawn from a copy of the app whose commands take no parameters: the same names, help and order
(tests/test_startup.py compares the two).
"""

from __future__ import annotations

import copy
import os

import typer
from typer.models import CommandInfo, TyperInfo

TOP_LEVEL_HELP: tuple[list[str], ...] = ([], ["--help"], ["-h"])
COMPLETING = "_BRIEFARC_COMPLETE"  # set when the shell asks for completions (of options too): the full app answers


def for_top_level_help(args: list[str]) -> bool:
    return args in TOP_LEVEL_HELP and not os.environ.get(COMPLETING)


def help_only(app: typer.Typer) -> typer.Typer:
    """A copy of `app` (and of its sub-apps) whose commands take no parameters; its own callback stays."""
    light = copy.copy(app)
    light.registered_commands = [_without_parameters(info) for info in app.registered_commands]
    light.registered_groups = [_group(info) for info in app.registered_groups]
    return light


def _group(info: TyperInfo) -> TyperInfo:
    light = copy.copy(info)
    if info.typer_instance is not None:
        light.typer_instance = help_only(info.typer_instance)
    return light


def _without_parameters(info: CommandInfo) -> CommandInfo:
    callback = info.callback
    if callback is None:
        return info

    def command() -> None:
        """Stands in for the command in the list: never run."""

    command.__name__, command.__doc__ = callback.__name__, callback.__doc__
    command.__annotations__ = {}  # nothing for typing.get_type_hints to evaluate, once per listing
    light = copy.copy(info)
    light.callback = command
    return light
