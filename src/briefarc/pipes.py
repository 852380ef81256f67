"""Messages over a pipe that an event loop writes without blocking, framed as multiprocessing's Connection
reads them (a 4-byte big-endian length, or -1 and an 8-byte one, then the bytes)."""

from __future__ import annotations

import os
import struct
from collections import deque
from contextlib import suppress

PIPE_BYTES = 2**20


def roomy(fd: int) -> None:
    """Let the pipe hold a batch (1 MiB, Linux's limit for any user) rather than 64 KiB: fewer writes and
    reads, and a worker's answer goes down in one go."""
    import fcntl

    with suppress(AttributeError, OSError):  # not Linux, or a lower limit: the default size works too
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)


class Outgoing:
    """Messages waiting to go down a non-blocking pipe, framed as multiprocessing's Connection reads them."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.parts: deque[memoryview] = deque()
        os.set_blocking(fd, False)

    @property
    def pending(self) -> bool:
        return bool(self.parts)

    def add(self, payload: bytes) -> bool:
        """Queue a message and write what the pipe takes now; True when some waits for the pipe to drain."""
        size = len(payload)
        header = struct.pack("!i", size) if size <= 0x7FFFFFFF else struct.pack("!iQ", -1, size)
        waiting = self.pending
        self.parts.extend((memoryview(header), memoryview(payload)))
        return not waiting and not self.flush()

    def flush(self) -> bool:
        """Write what the pipe takes; True when nothing is left."""
        while self.parts:
            try:
                written = os.write(self.fd, self.parts[0])
            except BlockingIOError:
                return False
            if written == len(self.parts[0]):
                self.parts.popleft()
            else:
                self.parts[0] = self.parts[0][written:]
        return True


def take_frame(buffer: bytearray) -> bytes | None:
    """The first whole message in `buffer` (removed from it), or None while it is still arriving."""
    if len(buffer) < 4:
        return None
    (size,), start = struct.unpack_from("!i", buffer), 4
    if size == -1:
        if len(buffer) < 12:
            return None
        (size,), start = struct.unpack_from("!Q", buffer, 4), 12
    if len(buffer) < start + size:
        return None
    with memoryview(buffer) as view:  # copied once (a slice of the bytearray was a copy, copied again)
        frame = bytes(view[start:start + size])
    del buffer[:start + size]
    return frame
