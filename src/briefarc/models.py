"""The records briefarc works with. Plain dataclasses, no I/O."""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, get_args

# What a document is. A new kind is one more name here; briefarc.extract.kinds maps the names
# sources give their documents ("News story", "press_release") to these.
Kind = Literal["briefing", "press_release", "statement", "remarks", "interview", "readout", "speech", "news_report",
               "listing", "other"]  # how each is decided: briefarc.extract.kinds
KINDS: tuple[Kind, ...] = get_args(Kind)

# What a transcript's turn is.
Role = Literal["question", "answer", "statement"]
ROLES: tuple[Role, ...] = get_args(Role)

# Where a stored document's text came from: its page, or a feed entry (whole text, a summary, only a title).
TEXT_SOURCES = ("page", "feed", "feed-summary", "feed-title")

# The keys of `briefarc parse --json`, in order.
RECORD_KEYS = (
    "title", "subtitle", "author", "published", "language", "site_name", "url", "canonical_url",
    "kind", "spokesperson", "body", "paragraphs", "turns", "tags",
)


_ATOMS = frozenset({str, int, float, bool, type(None)})  # what asdict's deep copy gives back as it is


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, None for any other type."""
    if kind not in _FIELD_NAMES:
        _FIELD_NAMES[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None
    return _FIELD_NAMES[kind]


def _plain(value: Any) -> Any:
    """`value` as dataclasses.asdict gives a field's value: lists copied, dataclasses as dicts."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if kind is list:
        return [_plain(item) for item in value]
    names = _field_names(kind)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    return deepcopy(value)


@dataclass
class Turn:
    """One labelled part of a transcript: a question, an answer or a statement."""

    speaker: str | None
    role: Role
    text: str


@dataclass
class ListingItem:
    """A link to an article found on a listing page or in a feed."""

    title: str
    url: str
    published: str | None = None


@dataclass
class Document:
    """What the extractor makes of one page."""

    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601: a date, or a datetime with the page's offset
    language: str | None = None
    site_name: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    kind: Kind = "other"
    spokesperson: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    native_id: str | None = None  # the source's own id: UN symbol, MFA t-number, MEA pkid
    items: list[ListingItem] = field(default_factory=list)  # listings only
    next_page: str | None = None  # listings only
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    assumed_site: str | None = None  # the site a page without a URL was taken to be from, and why
    site: str | None = None  # the known site (extract/sites.py) whose template the page's markup matches
    text_source: str | None = None  # None: the page itself; see TEXT_SOURCES
    saved_from: str | None = None  # a saved page's saved-from address (extract/sites.py): a claim, never a key

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def title_only(self) -> bool:
        """A page with a title and no text of its own, nothing to archive (a feed entry's title is: its page
        may follow; a listing holds its links)."""
        return self.text_source is None and self.kind != "listing" and not (self.paragraphs or self.turns)

    def to_record(self) -> dict:
        """The public record: the keys of `briefarc parse --json`. Only these fields are copied, as asdict would
        copy them (new lists, turns and items as dicts): asdict(self) copied every field, deep-copying each
        string: 6% of what extracting the page had cost."""
        record = {key: self.body if key == "body" else _plain(getattr(self, key)) for key in RECORD_KEYS}
        if self.kind == "listing":
            record["items"] = _plain(self.items)
            record["next_page"] = self.next_page
        return record


@dataclass
class Source:
    """A place briefings come from: a built-in adapter or a user's feed, sitemap or listing."""

    name: str
    kind: str
    url: str | None = None
    options: dict = field(default_factory=dict)
    title: str | None = None
    builtin: bool = False
    enabled: bool = True


@dataclass
class RawPage:
    """Bytes as they arrived, with what is known of where from."""

    data: bytes
    origin: str  # the URL it was fetched from, or the path it was read from
    url: str | None = None  # the page's web address, when known
    content_type: str | None = None
    headers: dict[str, str] | None = None
    item: str | None = None  # which entry of a feed or WARC file this page is
    fetched_at: str | None = None
    sha256: str | None = None  # of `data`, when worked out ahead (briefarc.store.blobs.pack)
    packed: bytes | None = None  # `data` compressed for the blobs table, when done ahead
    live: bool = False  # fetched from its source just now: the page is there (not a saved copy)
    source_url: str | None = None  # for a feed entry: the feed's address (what the entry's link is held to)
    url_claimed: bool = False  # `url` is what a file says (a WARC record's target URI), held to the page's site
    listed: str | None = None  # the date the listing, sitemap or feed entry that linked the page gave it
    feed: str | None = None  # for a feed entry: what names its feed in every snapshot (pipeline.feed_name)
    size: int | None = None  # len(data), for a page sent to a writer process without its bytes (blobs.travelling)
    whole_text: bool = False  # an entry of a feed marked --full-text: no page of it is fetched, its text is the text


@dataclass
class SaveResult:
    """What storing one document did: added, updated or unchanged."""

    status: str
    document_id: int
    version: int
    refiled: bool = False  # an archived page now filed under the source given (`ingest --source` again)
    addressed: bool = False  # an archived page saved without an address, now at the one given (`ingest --url`)
    entry_edited: bool = False  # an edited feed entry of a document whose page's text stands: the page is wanted
