"""Documents that sources publish as JSON with the body as HTML: the gov.uk content API
(/api/content/<path>) and India MEA's publication detail (FetchPublicationDetailData?pkid=N)."""

from __future__ import annotations

from briefarc.extract import dates
from briefarc.extract.jsontext import loads
from briefarc.extract.kinds import kind_named


def looks_like_json(data: bytes, content_type: str | None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    return data.lstrip()[:1] == b"{"


def load_object(data: bytes) -> dict | None:
    try:
        item = loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return None
    return item if isinstance(item, dict) else None


def is_govuk_item(item: dict) -> bool:
    details = item.get("details")
    return isinstance(item.get("title"), str) and isinstance(details, dict) and isinstance(details.get("body"), str)


def is_mea_detail(item: dict) -> bool:
    keys = {key.lower(): key for key in item}
    return "title" in keys and "description" in keys and isinstance(item[keys["description"]], str)


def read_document(data: bytes, url: str | None) -> dict | None:
    """The fields of a JSON document this module knows, or None."""
    item = load_object(data)
    if item is None:
        return None
    if is_govuk_item(item):
        return govuk_fields(item, url)
    if is_mea_detail(item):
        return mea_fields(item)
    return None


def mea_fields(item: dict) -> dict:
    """India MEA's detail record: PKID, Title, PublishDate (dd/mm/yyyy, the posting day), Description."""
    values = {key.lower(): value for key, value in item.items()}
    posted = values.get("publishdate")
    pkid = values.get("pkid")
    return {
        "title": str(values["title"]).strip(),
        "subtitle": None,
        "published": dates.parse_date(str(posted).replace("/", ".")) if posted else None,
        "language": "hi" if str(values.get("languageid", "1")) == "2" else "en",
        "site_name": "Ministry of External Affairs, India",
        "kind": None,
        "author": None,
        "body_html": values["description"],
        "native_id": f"mea:{pkid}" if pkid is not None else None,
        "page": values.get("url") if isinstance(values.get("url"), str) else None,
        "site": "mea.gov.in",
    }


def page_url(item: dict, url: str | None) -> str | None:
    """The public page of a content item (the API lives at /api/content/<path>)."""
    base = item.get("base_path")
    if isinstance(base, str) and base.startswith("/"):
        return "https://www.gov.uk" + base
    if url and "/api/content/" in url:
        return url.replace("/api/content/", "/", 1)
    return None


def govuk_fields(item: dict, url: str | None) -> dict:
    """The metadata a gov.uk content item carries."""
    details = item.get("details") or {}
    organisations = (item.get("links") or {}).get("organisations") or []
    first = item.get("first_published_at") or item.get("public_updated_at")
    kind = kind_named(item.get("document_type")) or "other"
    return {
        "title": item["title"].strip(),
        "subtitle": (item.get("description") or "").strip() or None,
        "published": dates.parse_date(first) if isinstance(first, str) else None,
        "language": (item.get("locale") or "en")[:2],
        "site_name": "GOV.UK",
        "kind": kind,
        "author": ", ".join(o.get("title", "") for o in organisations if isinstance(o, dict)) or None,
        "body_html": details.get("body") or "",
        "native_id": f"govuk:{item['content_id']}" if item.get("content_id") else None,
        "page": page_url(item, url),
        "site": "gov.uk",
    }
