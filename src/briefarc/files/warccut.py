"""Whether a WARC file ends inside a record: a download broken off in its last record.

warcio reads such a record as it can: cut in a header's name, "'NoneType' object has no attribute 'startswith'";
after a header's colon, no Content-Length; after "WARC-Type: respons", a record of that type; in its HTTP headers,
a response of some other type. files/warc.py asks here, when a record fails or is the last, what it was.
"""

from __future__ import annotations

import io
import re
import zlib
from typing import BinaryIO

from briefarc.files.inputs import WARC_MAGIC

SCAN_CHUNK = 1 << 16  # bytes read at a time, as files/warc.py reads
MAX_HEAD = 1 << 20  # a record's headers beyond this are damage, not a cut: the scan stops
CUT_SHORT_PLAIN = "damaged WARC data: the file is cut short (it ends inside its last record); that record is lost"
HEADER_END = re.compile(rb"\r?\n\r?\n")
CONTENT_LENGTH = re.compile(rb"^content-length:[ \t]*(\d+)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)


def ends_inside(handle: BinaryIO, start: int, gzipped: bool = False) -> bool:
    """Whether the file ends inside the record that begins at `start`: inside its gzip member, or (plain) before the
    blank line that ends its headers or before the bytes its Content-Length counts. The handle is left where it was."""
    position = handle.tell()
    try:
        handle.seek(start)
        return _member_cut(handle) if gzipped else _record_cut(handle, start)
    finally:
        handle.seek(position)


def _record_cut(handle: BinaryIO, start: int) -> bool:
    """Each chunk searched for the headers' end from where the last search left off (3 bytes back, a blank line
    split between two chunks); headers longer than MAX_HEAD are no record's, damaged rather than cut short."""
    head = b""
    while (end := HEADER_END.search(head, max(len(head) - SCAN_CHUNK - 3, 0))) is None:
        if not (chunk := handle.read(SCAN_CHUNK)) or len(head) > MAX_HEAD:
            rest = head.lstrip(b"\r\n")
            return not chunk and bool(rest) and (rest.startswith(WARC_MAGIC) or WARC_MAGIC.startswith(rest))
        head += chunk
    length = CONTENT_LENGTH.search(head, 0, end.start())
    size = handle.seek(0, io.SEEK_END)
    return head.lstrip(b"\r\n").startswith(WARC_MAGIC) and length is not None \
        and start + end.end() + int(length[1]) > size


def _member_cut(handle: BinaryIO) -> bool:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        while not inflater.eof:
            if not (data := handle.read(SCAN_CHUNK)):
                return True
            while data and not inflater.eof:  # a piece at a time: a large member is never held whole
                inflater.decompress(data, SCAN_CHUNK)
                data = inflater.unconsumed_tail
    except zlib.error:  # no gzip member begins there
        return False
    return False
