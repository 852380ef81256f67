"""Content types: which a request accepts, and bodies that are plainly not documents (PDFs, images)."""

from __future__ import annotations

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
JSON_TYPES = ("application/json",)
ANY_DOCUMENT_TYPES = HTML_TYPES + FEED_TYPES + JSON_TYPES
GZIP_TYPES = ("application/gzip", "application/x-gzip")
SITEMAP_TYPES = ANY_DOCUMENT_TYPES + GZIP_TYPES  # a sitemap may come gzipped (sitemap.xml.gz)
UNDECLARED = (None, "application/octet-stream")  # types that say nothing: look at the bytes instead

# Bodies that declare no type (or application/octet-stream) but are plainly not documents.
BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"RIFF")


def _media_type(headers: dict[str, str]) -> str | None:
    value = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return value or None


def _accepts(media: str, accept: tuple[str, ...]) -> bool:
    if media in accept:
        return True
    suffix = media.rpartition("+")[2]
    return (suffix == "xml" and "application/xml" in accept) or (suffix == "json" and "application/json" in accept)


def check_type(url: str, headers: dict[str, str], accept: tuple[str, ...] | None) -> None:
    """Before the body is read: a declared type outside `accept` is skipped (None accepts anything)."""
    media = _media_type(headers)
    if accept is None or media in UNDECLARED or _accepts(media, accept):
        return
    from briefarc.net.failures import FetchFailure  # httpx: the WARC reader needs only the types above

    raise FetchFailure(f"{url} is {media}, not {_kind(accept)}: skipped", reason="content_type", url=url,
                       status=200)


def check_sniffed(url: str, headers: dict[str, str], data: bytes, accept: tuple[str, ...] | None) -> None:
    """After the body is read: an undeclared type whose bytes are a PDF, an image or an archive is skipped."""
    if accept is None or _media_type(headers) not in UNDECLARED:
        return
    if data[:64].lstrip().startswith(BINARY_MAGIC):
        from briefarc.net.failures import FetchFailure

        raise FetchFailure(f"{url} is a binary file (a PDF, image or archive), not {_kind(accept)}: skipped",
                           reason="content_type", url=url, status=200)


def _kind(accept: tuple[str, ...]) -> str:
    if set(accept) <= set(HTML_TYPES):
        return "a web page"
    if set(accept) <= set(JSON_TYPES):
        return "JSON"
    if set(GZIP_TYPES) <= set(accept):
        return "a sitemap, feed or web page"
    return "a web page, feed or JSON document"
