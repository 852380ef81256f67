"""Reading what a user saved: files, folders (walked in order), gzip, standard input."""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

from briefarc.errors import InputError

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".xml", ".rss", ".atom")  # the last three: feeds
MAX_BYTES = 64 * 1024 * 1024  # a saved page larger than this is not a briefing
STDIN = "-"
WARC_SUFFIXES = (".warc", ".warc.gz")
WARC_MAGIC = b"WARC/1."


def is_page_file(path: Path, *, warc: bool = False) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(PAGE_SUFFIXES) or (warc and name.endswith(".warc"))


def is_warc_file(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def looks_like_warc(data: bytes) -> bool:
    """Told here, apart from files/warc.py: a folder of pages never loads the WARC reader (warcio)."""
    return data.startswith(WARC_MAGIC)


def iter_inputs(paths: list[str], *, warc: bool = False) -> Iterator[str]:
    """Each file to read, folders walked in sorted order; missing paths and empty folders come out as they are.

    With `warc`, folders also give their .warc and .warc.gz files.
    """
    for raw in paths:
        path = Path(raw)
        if raw == STDIN or not path.is_dir():
            yield raw
            continue
        found = False
        for folder, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if is_page_file(Path(name), warc=warc):
                    found = True
                    yield os.path.join(folder, name)
        if not found:  # reported by read_input: a folder with nothing to read
            yield raw


def count_inputs(paths: list[str]) -> int:
    return sum(1 for _ in iter_inputs(paths, warc=True))


def read_input(name: str) -> bytes:
    """The bytes of a file (gunzipped when gzipped) or of standard input."""
    return read_page_file(name)[0]


def read_page_file(name: str) -> tuple[bytes, bytes | None]:
    """The bytes of a file (gunzipped when gzipped) or of standard input, and the file's own bytes when
    they are one gzip member and nothing else (its deflate stream can be stored as it is)."""
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(name, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                # read(n) would reserve n bytes first: ask for the file's size when it is known
                data = handle.read(size + 1 if 0 < size <= MAX_BYTES else MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except IsADirectoryError as exc:
        raise InputError("a folder with no pages in it (.html, .htm, .xhtml, feeds as .xml, .rss or .atom, "
                         "gzipped or not, .warc)") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from exc
    member = None
    if data[:2] == b"\x1f\x8b":
        parts = _gunzip(data)
        member = data if len(parts) == 1 else None
        data = b"".join(parts)
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MB: not a page")
    return data, member


def _gunzip(data: bytes) -> list[bytes]:
    """Every member of gzip data: a WARC gzipped record by record has one member per record. One part
    per member, and a last empty part when bytes that are not gzip follow."""
    parts: list[bytes] = []
    size = 0
    while data[:2] == b"\x1f\x8b":
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = decompressor.decompress(data, MAX_BYTES + 1 - size)
        except (zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(f"broken gzip data ({exc})") from exc
        parts.append(part)
        size += len(part)
        if size > MAX_BYTES:
            raise InputError(f"decompresses to more than {MAX_BYTES // 2**20} MB: not a page")
        if not decompressor.eof:  # half a page would replace a good copy: refuse it
            raise InputError("broken gzip data: the file is cut short")
        data = decompressor.unused_data
    if data:
        parts.append(b"")
    return parts
