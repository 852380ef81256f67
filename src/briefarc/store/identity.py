"""Which stored document a page is: its normalised canonical URL, else its URL, else its bytes."""

from __future__ import annotations

from briefarc.models import Document, RawPage
from briefarc.urls import is_web_url, normalize_url, split


def document_key(doc: Document, page: RawPage, digest: str) -> str:
    url = page.url or doc.url
    canonical = doc.canonical_url
    if is_web_url(canonical) and _trust_canonical(canonical, url):
        return normalize_url(canonical)
    if is_web_url(url):
        return normalize_url(url)
    return f"sha256:{digest}"


def _trust_canonical(canonical: str, url: str | None) -> bool:
    """A canonical link to a site's front page, on a deeper page, is a template bug: ignore it."""
    parts = split(canonical)
    if parts is not None and parts.path.strip("/"):
        return True
    parts = split(url)
    return parts is not None and not parts.path.strip("/")
