"""Where the database and configuration live, and the one rule for the folders briefarc writes in.

The rule: briefarc creates the files it is told to write (and the folder of a Markdown export), never
the folders above them; a missing one is an error that names it. Only its own data folder (the default
place of the archive) is created when missing.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefarc.errors import BriefarcError

DB_NAME = "briefarc.db"


def data_dir() -> Path:
    """The user's briefarc folder: $BRIEFARC_HOME, else the platform's data folder."""
    home = os.environ.get("BRIEFARC_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefarc", appauthor=False))


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: --db, else $BRIEFARC_DB, else briefarc.db in the data folder."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get("BRIEFARC_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_NAME


def folder_for(path: Path) -> None:
    """Make sure the folder `path` is to be written in exists (see the rule above), or raise BriefarcError."""
    folder = path.parent
    if folder.is_dir():
        return
    if folder != data_dir():
        raise BriefarcError(f"Cannot write {path}: the folder {folder} does not exist. Create it first.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefarcError(f"Cannot create the folder {folder}: {exc.strerror}.") from exc
