"""`briefarc parse`: what the extractor makes of saved pages, without storing them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from briefarc.errors import item_failure
from briefarc.files.inputs import iter_inputs, read_input
from briefarc.limits import MAX_PAGE_BYTES
from briefarc.models import Document, RawPage


@dataclass
class Parsed:
    """One input: its documents (a feed gives several), or why it could not be read."""

    name: str
    documents: list[Document] = field(default_factory=list)
    error: str | None = None


def parse_files(paths: list[str], url: str | None = None, limit: int = MAX_PAGE_BYTES) -> Iterator[Parsed]:
    """Each input under `paths` extracted in turn; a bad file (one larger than `limit` bytes, or an extractor
    bug) fails alone."""
    from briefarc.pipeline import documents_of

    for name in iter_inputs(paths):
        try:
            page = RawPage(data=read_input(name, limit), origin=name, url=url)
            documents = [doc for doc, _ in documents_of(page)]
        except Exception as exc:  # noqa: BLE001 - reported for this input; the batch goes on
            yield Parsed(name, error=item_failure(exc, "while reading the page"))
            continue
        yield Parsed(name, documents)
