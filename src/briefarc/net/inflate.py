"""Content-Encoding decoding with a cap: a gzip bomb stops at the limit instead of filling memory."""

from __future__ import annotations

import zlib

ENCODINGS = ("gzip", "deflate")  # what briefarc asks for in Accept-Encoding and can decode


class InflateError(Exception):
    """The body cannot be decoded, or decodes to more than the limit."""

    def __init__(self, message: str, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


class Inflater:
    """Decodes one response body chunk by chunk, never producing more than `limit` + 1 bytes in all; a gzip
    body of several members is decoded whole (a server may join gzipped pieces: the first alone cut the page)."""

    def __init__(self, encoding: str | None, limit: int) -> None:
        self.encodings = _encodings(encoding)
        unknown = [name for name in self.encodings if name not in ENCODINGS]
        if unknown:
            raise InflateError(f"comes in an encoding briefarc cannot decode ({unknown[0]!r})")
        if len(self.encodings) > 1:
            raise InflateError(f"comes in stacked encodings briefarc cannot decode ({encoding!r})")
        self.limit = limit
        self.size = 0
        self._zlib: zlib._Decompress | None = None  # type: ignore[name-defined]
        self._members = 0  # the streams read to their end
        self._held = b""  # the start of the next gzip member, when a chunk ends within its two magic bytes
        self._ended = False  # what follows is left out: after a deflate stream, or bytes that are no gzip member
        self._read = 0  # the bytes of the member being read, so far
        self._member_size = 0  # the bytes of the last member read

    @property
    def identity(self) -> bool:
        return not self.encodings

    def feed(self, data: bytes) -> bytes:
        if self.identity or not data:
            return self._count(data)
        out: list[bytes] = []
        view = memoryview(data)
        while view and not self._ended:
            # the first stream is given all; once a gzip member has ended, the rest goes a little more than a
            # member at a time: each member's end copies what follows it in what it was given (a body of
            # 100,000 members was quadratic)
            step = min(max(2 * self._member_size, SLICE), 65536) if self._members else len(view)
            piece, view = view[:step], view[step:]
            left = self._decode(piece, out)
            if left and not view:
                view = memoryview(left)
                continue
            while left and not self._ended:
                left = self._decode(memoryview(left), out)
        return b"".join(out)

    def _decode(self, data: memoryview, out: list[bytes]) -> bytes:
        """Decode `data` into `out` up to the end of a stream (a gzip member); what follows that end."""
        if self._held:
            data, self._held = memoryview(self._held + bytes(data)), b""
        if self._zlib is None and not self._start(data):
            return b""
        assert self._zlib is not None
        try:
            out.append(self._count(self._zlib.decompress(data, self.limit + 1 - self.size)))
        except zlib.error as exc:
            raise InflateError(f"is not valid {self.encodings[0]} data ({exc})") from exc
        if not self._zlib.eof:
            self._read += len(data)
            return b""
        left = self._zlib.unused_data  # gzip: the next member, as gzip itself reads them all
        self._zlib, self._ended = None, self.encodings[0] != "gzip"
        self._members += 1
        self._member_size, self._read = self._read + len(data) - len(left), 0
        return left

    def _start(self, data: memoryview) -> bool:
        """Begin a stream (a gzip member) at `data`; False when what follows a member is not one: bytes a server
        padded with are left out, and the first byte of a member cut between two pieces waits for the next."""
        head = bytes(data[:2])
        if len(head) < 2 and not self._members and self.encodings[0] == "deflate":
            self._held = head  # which deflate it is (zlib-wrapped or raw) is told by two bytes
            return False
        if self._members and head != GZIP_MAGIC:
            if GZIP_MAGIC.startswith(head) and len(data) < 2:
                self._held = bytes(data)
            else:
                self._ended = True
            return False
        self._zlib = zlib.decompressobj(_wbits(self.encodings[0], head))
        return True

    def finish(self) -> bytes:
        if self._held and not self._members:
            raise InflateError(f"ends before the end of its {self.encodings[0]} data")
        if self.identity or self._zlib is None:
            return b""
        try:
            out = self._zlib.flush()
        except zlib.error as exc:
            raise InflateError(f"is not valid {self.encodings[0]} data ({exc})") from exc
        if not self._zlib.eof:
            raise InflateError(f"ends before the end of its {self.encodings[0]} data")
        return self._count(out)

    def _count(self, out: bytes) -> bytes:
        self.size += len(out)
        if self.size > self.limit:
            raise InflateError(f"decodes to more than {describe_size(self.limit)}", too_large=True)
        return out


GZIP_MAGIC = b"\x1f\x8b"
SLICE = 64  # bytes given to a gzip member's decoder at a time at least, once a body is seen to hold several


def is_gzip(data: bytes) -> bool:
    """Whether `data` is itself a gzip file (a sitemap.xml.gz), not a body with a Content-Encoding."""
    return data.startswith(GZIP_MAGIC)


def gunzip(data: bytes, limit: int) -> bytes:
    """A whole gzip file decoded with the cap a streamed body has; raises InflateError."""
    inflater = Inflater("gzip", limit)
    return inflater.feed(data) + inflater.finish()


def describe_size(size: int) -> str:
    """A size as a reader says it: "50 MB", "57.2 MB", "1.5 KB", "300 bytes"."""
    if size >= 2**20:
        return f"{round(size / 2**20, 1):g} MB"
    if size >= 1024:
        return f"{round(size / 1024, 1):g} KB"
    return f"{size} bytes"


def _encodings(header: str | None) -> list[str]:
    names = [part.strip().lower() for part in (header or "").split(",")]
    return ["gzip" if name == "x-gzip" else name for name in names if name and name != "identity"]


def _wbits(encoding: str, first: bytes) -> int:
    if encoding == "gzip":
        return 16 + zlib.MAX_WBITS
    # "deflate" should be zlib-wrapped (RFC 9110), but some servers send a raw deflate stream.
    if len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0:
        return zlib.MAX_WBITS
    return -zlib.MAX_WBITS
