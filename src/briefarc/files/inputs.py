"""Reading what a user saved: files, folders (walked in order), gzip, standard input."""

from __future__ import annotations

import gzip
import math
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from briefarc.errors import InputError
from briefarc.limits import MAX_PAGE_BYTES

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".xml", ".rss", ".atom")  # the last three: feeds
MAX_BYTES = 64 * 1024 * 1024  # read whole at most (a WARC file on standard input holds many pages)
STDIN = "-"
WARC_SUFFIXES = (".warc", ".warc.gz")
WARC_MAGIC = b"WARC/1."
GZIP_MAGIC = b"\x1f\x8b"
GUNZIP_STEP = 1 << 20  # bytes of gzip data given to the decompressor at a time, at most


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


# How a browser names the folder of a page saved "complete" (Briefing.html beside Briefing_files): Chrome, Edge,
# Firefox and Safari write "_files"; Internet Explorer and Word wrote it in the language of Windows: German, French,
# Spanish, Portuguese, Italian, Dutch, Swedish, Danish and Norwegian, Polish, Czech. Lower case.
RESOURCE_FOLDER_SUFFIXES = ("_files", "-dateien", "_fichiers", "_archivos", "_arquivos", "_file", "_bestanden",
                            "_filer", "-filer", "_pliki", "_soubory")
SAVED_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def iter_inputs(paths: list[str], *, warc: bool = False, resources: list[str] | None = None) -> Iterator[str]:
    """Each file to read, folders walked in sorted order; missing paths and empty folders come out as they are.

    With `warc`, folders also give their .warc and .warc.gz files. The folder of a saved page's resources
    (resource_folders) is not walked: its page files (an ad's iframe) are parts of that page, not pages; they
    are added to `resources`, when given, for the report to count.
    """
    for raw in paths:
        path = Path(raw)
        if raw == STDIN or not path.is_dir():
            yield raw
            continue
        found = False
        for folder, dirs, files in os.walk(path):
            for name in resource_folders(dirs, files):
                dirs.remove(name)
                if resources is not None:
                    resources.extend(_page_files(os.path.join(folder, name), warc))
            dirs.sort()
            for name in sorted(files):
                if is_page_file(Path(name), warc=warc) and _readable(os.path.join(folder, name)):
                    found = True
                    yield os.path.join(folder, name)
        if not found:  # reported by read_input: a folder with nothing to read
            yield raw


def resource_folders(dirs: list[str], files: list[str]) -> list[str]:
    """The folders among `dirs` that hold the resources of a page saved beside them: "Briefing_files" (or another
    language's name, RESOURCE_FOLDER_SUFFIXES) where `files` holds Briefing.html or Briefing.htm."""
    pages = {name.lower().rsplit(".", 1)[0] for name in files if name.lower().endswith(SAVED_PAGE_SUFFIXES)}
    return [name for name in dirs if any(name.lower().endswith(suffix) and name.lower()[:-len(suffix)] in pages
                                         for suffix in RESOURCE_FOLDER_SUFFIXES)] if pages else []


def _page_files(folder: str, warc: bool) -> Iterator[str]:
    for inner, _, files in os.walk(folder):
        yield from (os.path.join(inner, name) for name in files if is_page_file(Path(name), warc=warc))


def _readable(path: str) -> bool:
    """A folder's entry to read: a regular file, or a link to nothing (reported as missing). Not a named pipe,
    socket or device: opening a pipe waits for a writer that never comes, and the ingest hung."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def count_inputs(paths: list[str]) -> int:
    return sum(1 for _ in iter_inputs(paths, warc=True))


def read_input(name: str, limit: int = MAX_PAGE_BYTES) -> bytes:
    """The bytes of a file (gunzipped when gzipped) or of standard input."""
    return read_page_file(name, limit)[0]


def too_large(size: int, limit: int, *, decompressed: bool = False, more: bool = False) -> InputError:
    """A page over the limit: its size (with `more`, a size it passes), the limit, and how to take it in."""
    from briefarc.net.inflate import describe_size  # as fetch says sizes; the net package only when needed

    what = "decompresses to " * decompressed + "more than " * more + describe_size(size)
    take = "a larger --max-size (in MB)" if more else f"--max-size {math.ceil(size / 2**20)}"
    return InputError(f"{what}, larger than the {describe_size(limit)} limit for a page: {take} takes it in")


def read_page_file(name: str, limit: int = MAX_PAGE_BYTES) -> tuple[bytes, bytes | None]:
    """The bytes of a file (gunzipped when gzipped) or of standard input, and the file's own bytes when
    they are one gzip member and nothing else (its deflate stream can be stored as it is).

    A page larger than `limit` is refused (a plain file by its size, before it is read); a WARC file,
    whatever its name, is read whole up to MAX_BYTES (or `limit`), its records judged one by one later."""
    cap = max(MAX_BYTES, limit)
    try:
        if name == STDIN:
            data = sys.stdin.buffer.read(cap + 1)
        else:
            with open(name, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > limit:  # a page too large, unless it is a WARC file (or gzipped: judged once read)
                    if not handle.read(len(WARC_MAGIC)).startswith((WARC_MAGIC, GZIP_MAGIC)):
                        raise too_large(size, limit)
                    handle.seek(0)
                # read(n) would reserve n bytes first: ask for the file's size when it is known
                data = handle.read(size + 1 if 0 < size <= cap else cap + 1)
    except FileNotFoundError as exc:
        raise InputError("no such file") from exc
    except IsADirectoryError as exc:
        raise InputError("a folder with no pages in it (.html, .htm, .xhtml, feeds as .xml, .rss or .atom, "
                         "gzipped or not, .warc)") from exc
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from exc
    if len(data) > cap:
        raise too_large(cap, limit, more=True)
    member = None
    gzipped = data[:2] == GZIP_MAGIC
    if gzipped:
        parts = _gunzip(data, cap, limit)
        member = data if len(parts) == 1 else None
        data = b"".join(parts)
    if len(data) > limit and not looks_like_warc(data):
        raise too_large(len(data), limit, decompressed=gzipped)
    return data, member


def _gunzip(data: bytes, cap: int, limit: int) -> list[bytes]:
    """Every member of gzip data: a WARC gzipped record by record has one member per record. One part
    per member, and a last empty part when bytes that are not gzip follow.

    Each member is fed in steps that start small and double: what the decompressor copies past a member's end
    is then no larger than the member, never the rest of the file once per member (a 1.6 MB file of 80,000
    empty members took 5 s of CPU, a 64 MB one would take hours).

    ISA-L's inflate (isal, as store/blobs.py compresses) gives zlib's bytes and checks in under half of its CPU
    (fmprc-bulk's 288 files: 0.013 s against 0.029 s). Imported here: only gzipped input pays for it."""
    from isal import isal_zlib

    broken: type[Exception] = isal_zlib.error  # type: ignore[assignment]  # its stub calls it an instance
    parts: list[bytes] = []
    size = position = 0
    view = memoryview(data)
    while data[position:position + 2] == GZIP_MAGIC:
        decompressor = isal_zlib.decompressobj(16 + isal_zlib.MAX_WBITS)
        pieces, stride = [], 64
        while not decompressor.eof and position < len(data):
            step = view[position:position + stride]
            stride = min(2 * stride, GUNZIP_STEP)
            try:
                pieces.append(decompressor.decompress(step, cap + 1 - size))
            except (broken, gzip.BadGzipFile) as exc:
                raise InputError(f"broken gzip data ({exc})") from exc
            size += len(pieces[-1])
            if size > cap:
                raise too_large(cap, limit, decompressed=True, more=True)
            position += len(step) - len(decompressor.unused_data) - len(decompressor.unconsumed_tail)
        if not decompressor.eof:  # half a page would replace a good copy: refuse it
            raise InputError("broken gzip data: the file is cut short")
        parts.append(b"".join(pieces))
    if position < len(data):
        parts.append(b"")
    return parts
