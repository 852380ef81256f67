"""Writing export files safely: to a temporary name first, renamed into place only when complete."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from briefarc.errors import BriefarcError, UsageError
from briefarc.paths import folder_for


@contextmanager
def output_file(path: Path, *, binary: bool) -> Iterator[IO]:
    """A file to write; `path` appears (or is replaced) only if everything was written."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give -o the name of a file to write.")
    folder_for(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        handle = open(temporary, "xb") if binary else open(temporary, "x", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        raise BriefarcError(f"Cannot write {path}: {exc.strerror}.") from exc
    try:
        with handle:
            yield handle
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BriefarcError(f"Cannot write {path}: {exc.strerror}.") from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def prepare_folder(path: Path) -> None:
    """The folder for Markdown files, created if need be (in a folder that exists: briefarc.paths)."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{path} is a file: --format markdown needs a folder for -o.")
    folder_for(path)
    try:
        path.mkdir(exist_ok=True)
    except OSError as exc:
        raise BriefarcError(f"Cannot create the folder {path}: {exc.strerror}.") from exc
