"""The page's title, as its headline shows it: the declared titles (JSON-LD, the title meta tags,
<title>) with their site names and marks taken off, and the h1 when it says more than they do."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefarc.extract.headline import names_site
from briefarc.extract.pagesources import PageSources, node_text
from briefarc.extract.text import fold_entities

TITLE_META = ("og:title", "twitter:title", "articletitle", "dc.title", "sailthru.title", "parsely-title", "title")
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·»•⋆]\s+|\s+::\s+")
TRAILING_MARK = re.compile(r"\s+[|\-–—·»•⋆]$")
MARKDOWN = re.compile(r"^#{1,6}\s+|^\*(?=[^*\s])|(?<=[^*\s])\*(?=\s|$)")  # "## Title", "*Book Title* (1792)"
WRAPPING_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("«", "»"))
WORD = re.compile(r"\w+")


def title_tag(src: PageSources) -> str | None:
    node = src.head.css_first("title") if src.head is not None else None
    return node_text(node) or None


def strip_site_suffix(title: str, site_name: str | None) -> str:
    """Drop a site name from either end of a <title> ("Article - Site", or "Article_Site" as China's MFA has it)."""
    if site_name and "_" in title:
        kept = [part for part in title.split("_") if part.strip().casefold() != site_name.strip().casefold()]
        if kept and len(kept) < len(title.split("_")):
            title = "_".join(kept).strip()
    parts = [part for part in TITLE_SEPARATORS.split(title) if part]
    if len(parts) < 2:
        return title
    if site_name:
        kept = [part for part in parts if part.casefold() != site_name.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    if len(parts[0].split()) >= 3:
        return parts[0]  # "Headline - Site", the common order
    longest = max(parts, key=len)
    return longest if len(longest) >= 0.5 * len(title) else title


def h1_texts(src: PageSources, headlines: bool = False) -> list[str]:
    """The texts of the page's h1s; with `headlines`, of those that are not the site's name."""
    nodes = [node for node in src.tree.css("h1")[:8] if not (headlines and names_site(node, src.url))]
    return [text for text in (fold_entities(node.text()) for node in nodes) if text]


def clean_title(value: str, h1s: Sequence[str] = ()) -> str:
    """A declared title without the marks of its source: Markdown ("## ", "*...*"), a separator left at
    its end ("Title ⋆"), and quotes around the whole of it when the headline shows it without them (a
    headline that is a quotation keeps its quotes)."""
    value = TRAILING_MARK.sub("", MARKDOWN.sub("", value)).strip()
    shown = {h1.casefold() for h1 in h1s}
    for left, right in WRAPPING_QUOTES:
        inner = value[len(left):-len(right)]
        if len(value) > 2 and value.startswith(left) and value.endswith(right) and left not in inner \
                and right not in inner and inner.strip().casefold() in shown:
            return inner.strip()
    return value


def title_from_h1(src: PageSources, h1s: list[str]) -> str | None:
    """The headline h1 (three words or more) that the <title> or og:title contains; else the only
    headline h1; else any h1 that the <title> contains (a one-word site logo comes last)."""
    reference = " ".join(filter(None, (title_tag(src), src.first_meta(TITLE_META)))).casefold()
    headlines = [text for text in h1s if len(text.split()) >= 3 or len(text) >= 12]
    for text in headlines:
        if text.casefold() in reference:
            return text
    if len(headlines) == 1:
        return headlines[0]
    for text in h1s:
        if len(text) > 3 and text.casefold() in reference:
            return text
    return None


def declared_title(src: PageSources, site_name: str | None, h1s: list[str]) -> str | None:
    """JSON-LD headline, else the title meta tags, else the headline h1, else <title>; a value that is
    only the site's name (a home page's og:title left on every page) is passed over."""
    values = [src.ld.text("headline"), *(src.first_meta((name,)) for name in TITLE_META),
              title_from_h1(src, h1s), title_tag(src)]
    found = [strip_site_suffix(clean_title(value, h1s), site_name) for value in values if value]
    own = (site_name or "").casefold()
    return next((value for value in found if value.casefold() != own), found[0] if found else None)


def _words(text: str | None) -> set[str]:
    return set(WORD.findall(text.casefold())) if text else set()


def find_title(src: PageSources, site_name: str | None, h1s: list[str]) -> str | None:
    """The headline as the page shows it: the h1 whose words the declared titles (JSON-LD, og:title,
    <title>, less the site's name) hold, when it differs from them by more than case and punctuation
    (their titles are often shortened or rewritten for search engines and feeds); else the declared one."""
    declared = declared_title(src, site_name, h1s)
    if not declared or not h1s:
        return declared
    plain = " ".join(WORD.findall(declared.casefold()))
    if any(" ".join(WORD.findall(h1.casefold())) == plain for h1 in h1s):
        return declared
    values = (title_tag(src), src.first_meta(TITLE_META), src.ld.text("headline"))
    reference = _words(" ".join(strip_site_suffix(value, site_name) for value in values if value))
    site_words = _words(site_name)
    for h1 in h1s:
        words = _words(h1)
        if (len(h1.split()) >= 2 or len(h1) >= 12) and words and not words <= site_words \
                and len(words & reference) >= 0.6 * len(words):
            return h1
    return declared
