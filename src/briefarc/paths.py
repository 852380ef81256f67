"""Where the database and configuration live."""

from __future__ import annotations

import os
from pathlib import Path

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
