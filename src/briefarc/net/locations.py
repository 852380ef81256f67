"""A response's headers as a fetch reads them, its Location values each decoded on their own.

httpx decodes a response's headers as one block: ASCII, else UTF-8, else Latin-1, so one header that is not
UTF-8 turns a UTF-8 Location (/café) into Latin-1 mojibake (/cafÃ©), which was shown and followed. It also
joins repeated headers with ", ", so two Location headers made one address that neither names ("/a, /b").
"""

from __future__ import annotations

import httpx


def read_headers(headers: httpx.Headers) -> tuple[dict[str, str], list[str]]:
    """The headers by lower-case name (repeated ones joined with ", "), and the distinct Location values, in order.

    The "location" entry is the first Location value, decoded as `header_url` does."""
    joined = {name.lower(): value for name, value in headers.items()}
    locations = [header_url(value).strip() for name, value in headers.raw if name.lower() == b"location"]
    distinct = list(dict.fromkeys(location for location in locations if location))
    if "location" in joined:
        joined["location"] = distinct[0] if distinct else ""
    return joined, distinct


def header_url(raw: bytes) -> str:
    """An address as a header carries it: UTF-8 where the bytes are UTF-8, else each byte outside ASCII
    percent-encoded (the bytes a browser would ask for), never read as Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(chr(byte) if byte < 0x80 else f"%{byte:02X}" for byte in raw)
