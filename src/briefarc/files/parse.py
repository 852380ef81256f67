"""`briefarc parse`: what the extractor makes of saved pages, without storing them."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from briefarc.errors import UsageError, item_failure
from briefarc.files.inputs import STDIN, is_warc_file, iter_inputs, looks_like_warc, read_input
from briefarc.limits import MAX_PAGE_BYTES
from briefarc.models import Document, RawPage


@dataclass
class Parsed:
    """One input: its documents (a feed gives several), or why it could not be read."""

    name: str
    documents: list[Document] = field(default_factory=list)
    error: str | None = None


def parse_files(paths: list[str], url: str | None = None, limit: int = MAX_PAGE_BYTES) -> Iterator[Parsed]:
    """Each input under `paths` extracted in turn, a WARC file record by record as ingest reads it; a bad file
    (one larger than `limit` bytes, or an extractor bug) fails alone."""
    for name in iter_inputs(paths, warc=True):
        try:
            if name != STDIN and is_warc_file(name):
                yield from _parse_warc(name, name, url, limit)
                continue
            data = read_input(name, limit)
        except UsageError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported for this input; the batch goes on
            yield Parsed(name, error=item_failure(exc, "while reading the page"))
            continue
        if looks_like_warc(data):
            yield from _parse_warc(io.BytesIO(data), name, url, limit)
            continue
        yield _parse_page(name, RawPage(data=data, origin=name, url=url))


def _parse_page(name: str, page: RawPage) -> Parsed:
    """The page's documents; a feed whose entries carry no text of their own shows them as a listing of links
    (its documents are the pages they link to, which fetch reads)."""
    from briefarc.errors import InputError
    from briefarc.pipeline import documents_of

    try:
        return Parsed(name, [doc for doc, _ in documents_of(page)])
    except InputError as exc:
        listing = _feed_links(page)
        return Parsed(name, [listing]) if listing else Parsed(name, error=item_failure(exc, "while reading the page"))
    except Exception as exc:  # noqa: BLE001 - reported for this page; the batch goes on
        return Parsed(name, error=item_failure(exc, "while reading the page"))


def _feed_links(page: RawPage) -> Document | None:
    """A feed's entries as a listing (their titles, dates and links), or None for anything else."""
    from briefarc.extract.core import extract
    from briefarc.extract.feed import is_feed

    if not is_feed(page.data):
        return None
    try:
        document = extract(page.data, url=page.url, content_type=page.content_type)
    except Exception:  # noqa: BLE001 - the feed's own error stands
        return None
    return document if document.kind == "listing" and document.items else None


def _parse_warc(source, name: str, url: str | None, limit: int) -> Iterator[Parsed]:
    """The pages of a WARC file, each named by its record (file.warc.gz#<urn:uuid:...>); records that hold no
    page are left out. It was read as one HTML page: a document made of WARC headers, with encoding warnings."""
    from briefarc.files.warc import read_warc

    if url:
        raise UsageError("--url does not apply to a WARC file: each record carries its own address.")
    for entry in read_warc(source, name, limit):
        where = f"{name}#{entry.where}"
        if entry.page is not None:
            yield _parse_page(where, entry.page)
        elif entry.error:
            yield Parsed(where, error=entry.error)
