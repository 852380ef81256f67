"""The page's title, as its headline shows it: the declared titles (JSON-LD, the title meta tags,
<title>) with their site names and marks taken off, and the h1 when it says more than they do."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from selectolax.lexbor import LexborNode

from briefarc.extract.headline import names_site
from briefarc.extract.pagesources import PageSources, node_text
from briefarc.extract.text import fold, fold_entities, without_permalink
from briefarc.patterns import lazy
from briefarc.urls import split

TITLE_META = ("og:title", "twitter:title", "articletitle", "dc.title", "sailthru.title", "parsely-title", "title")
SEPARATED = lazy(r"(\s+[|\-–—:·»•⋆]\s+|\s+::\s+)")  # split keeps the separators
TRAILING_MARK = lazy(r"\s+[|\-–—·»•⋆]$")
MARKDOWN = lazy(r"^#{1,6}\s+|^\*(?=[^*\s])|(?<=[^*\s])\*(?=\s|$)")  # "## Title", "*Book Title* (1792)"
WRAPPING_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("«", "»"))
WORD = lazy(r"\w+")
CONTINUED = lazy(r"\s*\w")
MARKED_TITLE = lazy(r"title|headline", re.I)  # "entry-title", "post-title", "article-headline"
MARKED_SHARE = 0.3  # of its words in the declared titles: an h1 so marked needs fewer than another (0.6)


def title_tag(src: PageSources) -> str | None:
    """The text of the head's <title> (found once: the title, its site names and the headline all ask)."""
    if "title" not in src.memo:
        node = src.head.css_first("title") if src.head is not None else None
        src.memo["title"] = fold_entities(node.text()) or None if node is not None else None
    return src.memo["title"]


def site_names(src: PageSources, site_name: str | None) -> set[str]:
    """The names the site goes by, lower-cased: og:site_name, the publisher's, an h1 that links home,
    and the host (a <title> may end in "| Example.com")."""
    names = {site_name, src.ld.organisation(), *(node_text(node) for node in src.h1s()[:8]
                                                 if names_site(node, src.url))}
    parts = split(src.url or "")
    host = (parts.hostname or "") if parts is not None else ""
    names.update((host.removeprefix("www."), ".".join(host.split(".")[-2:])))
    return {fold(name).casefold() for name in names if name}


def strip_site_suffix(title: str, names: Collection[str], guess: bool = True) -> str:
    """Drop a site name from a <title> ("Article – Site", "Article | Example.com", "Article_Site" as
    China's MFA has it, "example.com Article"), the separators between the parts kept as they are; with
    no known name, the first part when it reads as a headline (three words or more), unless told not to guess."""
    if names and "_" in title:
        left = [part for part in title.split("_") if part.strip().casefold() not in names]
        if left and len(left) < len(title.split("_")):
            title = "_".join(left).strip()
    pieces = separated(title)
    parts = pieces[::2]
    brands = host_brands(names)
    kept = [index for index, part in enumerate(parts) if part and part.casefold() not in names
            and not (index == len(parts) - 1 > 0 and (names_brand(part, brands) or HOST_NAME.fullmatch(part.strip())))]
    if not kept:
        return title
    if len(parts) < 2:
        return glued_host_dropped(title, names)
    if not guess:
        return parts[kept[0]] + "".join(pieces[2 * index - 1] + parts[index] for index in kept[1:])
    if len(parts[kept[0]].split()) >= 3:  # "Headline - Site", the common order
        return through_colons(pieces, kept)
    if len(kept) < len(parts):
        return parts[kept[0]] + "".join(pieces[2 * index - 1] + parts[index] for index in kept[1:])
    longest = max(parts, key=len)
    return longest if len(longest) >= 0.5 * len(title) else title


# "Example.com", "news.example.org", "EXAMPLE.COM": a site's name by its host (a name of the top-level domain in one
# case: "Mr.Smith" is none)
HOST_NAME = lazy(r"(?:[\w-]+\.)+(?:[a-z]{2,6}|[A-Z]{2,6})")


SHORT_LABEL = 3  # characters: "co" in "bbc.co.uk", "gov" in "mofa.gov.pk": a second-level domain, not the name


def host_brands(names: Collection[str]) -> set[str]:
    """The names in the page's host names among `names`: the label before the top-level domain ("apps.shopify.com"
    gives "shopify", "mfa.example" "mfa"), or before a country's second-level one ("bbc.co.uk", "mofa.gov.pk")."""
    brands = set()
    for name in names:
        labels = name.split(".")
        if " " in name or len(labels) < 2:
            continue
        second_level = len(labels[-1]) == 2 and len(labels[-2]) <= SHORT_LABEL
        if second_level and len(labels) == 2:
            continue  # "gov.pk": the host's last two labels, as site_names adds them
        label = labels[-3] if second_level else labels[-2]
        if len(label) >= SHORT_LABEL:
            brands.add(label)
    return brands


def names_brand(part: str, brands: Collection[str]) -> bool:
    """The last part of a title when it is the site's name said with more words: it opens with the name in the
    host ("Klatch Coffee | Shopify App Store" at apps.shopify.com) and is short, as a site's name is."""
    words = part.casefold().split()
    return bool(words) and len(words) <= 4 and words[0] in brands


def through_colons(pieces: list[str], kept: list[int]) -> str:
    """The first kept part, with the kept parts that follow it after a spaced colon and go on in lower case: French
    typography spaces the colon inside a headline ("La Chine et la France : un partenariat renouvelé", or a quotation
    after it); a site's name after one starts with a capital ("Statement on Kabul : Foreign Office News")."""
    first = kept[0]
    found = pieces[2 * first]
    for index in range(first + 1, len(pieces) // 2 + 1):
        after = pieces[2 * index].lstrip()[:1]
        goes_on = bool(after) and (after.islower() or after in "«“\"")
        if index not in kept or pieces[2 * index - 1].strip() != ":" or not goes_on:
            break
        found += pieces[2 * index - 1] + pieces[2 * index]
    return found


QUOTED = lazy(r"«[^«»]{1,200}»")  # a quotation in guillemets, as French, Russian and Italian titles write them


def separated(title: str) -> list[str]:
    """The title's parts and the separators between them, as SEPARATED.split gives them, less the guillemets
    that open or close a quotation ("Le ministre dit « non » au projet"): they are no separators of parts."""
    if "«" not in title:
        return SEPARATED.split(title)
    quotes = {index for match in QUOTED.finditer(title) for index in (match.start(), match.end() - 1)}
    pieces, start, at = [], 0, 0
    while (match := SEPARATED.search(title, at)) is not None:
        mark = match.start() + len(match.group()) - len(match.group().lstrip())
        if mark in quotes:  # the spaces after the guillemet may open the next separator (« non » | Site)
            at = mark + 1
            continue
        pieces += [title[start:match.start()], match.group()]
        start = at = match.end()
    return [*pieces, title[start:]]


def glued_host_dropped(title: str, names: Collection[str]) -> str:
    """"example.com Article" and "Article example.com" without a separator lose the host name."""
    folded = title.casefold()
    for name in names:
        if "." in name and folded.startswith(name + " "):
            return title[len(name):].strip()
        if "." in name and folded.endswith(" " + name):
            return title[:-len(name)].strip()
    return title


def h1_texts(src: PageSources, headlines: bool = False) -> list[str]:
    """The texts of the page's h1s; with `headlines`, of those that are not the site's name. Read once a
    page (the cascade asks for both)."""
    if "h1_texts" not in src.memo:
        declared = [fold(title).casefold() for title in (title_tag(src), src.first_meta(TITLE_META)) if title]
        held_words = words_of(" ".join(declared))
        src.memo["h1_texts"] = [(node, h1_text(node, declared, held_words)) for node in src.h1s()[:8]]
    return [text for node, text in src.memo["h1_texts"]
            if text and not (headlines and (names_site(node, src.url) or in_a_box(node) or unseen(node)))]


# the class words of the CSS frameworks' and WordPress's screen-reader-only text (Bootstrap's "sr-only",
# "visually-hidden", Tailwind's "sr-only", WordPress's "screen-reader-text", HTML5 Boilerplate's "visuallyhidden")
SCREEN_READER = lazy(r"(?<![\w-])(?:sr-only|visually-?hidden|screen-reader-text|visuallyhidden)(?![\w-])", re.I)
CLIPPED = lazy(r"clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%")  # the same, written in the element's style


def unseen(node: LexborNode) -> bool:
    """An h1 that the page gives screen readers only, by its class or a style that clips it to nothing: a
    heading for the page's outline (often the whole <title> again, site's name and all), which readers do not see;
    the headline they see is another element's."""
    attrs = node.attributes
    return bool(SCREEN_READER.search(attrs.get("class") or "") or CLIPPED.search(attrs.get("style") or ""))


BOXES = frozenset({"form", "footer", "nav", "aside", "dialog"})
FORM_TEXT = 300  # characters: a form holding more holds content (ASP.NET pages wrap the whole page in one form)


def in_a_box(node: LexborNode) -> bool:
    """An h1 inside a form, a footer, navigation, an aside or a dialog: a contact or newsletter form's
    heading ("Contact us"), a menu's, never the article's headline. A form holding the article (ASP.NET and
    DotNetNuke sites wrap the whole page in one) is no box."""
    from briefarc.extract.otherdates import ancestors

    return any(box.tag in BOXES and (box.tag != "form" or len(box.text(strip=True)) < FORM_TEXT)
               for box in ancestors(node, 64))


def h1_text(node: LexborNode, declared: list[str], held_words: str) -> str:
    """An h1's text; when it glues a headline to another element's text (a byline, a date, the site's
    name in a link) and the declared titles hold the headline's part, at one end and at least half of
    the whole, but not the whole, that part. When they hold the other part too (a site's or a section's
    name), the headline's is the part a declared title opens with. `held_words`: the declared titles' words."""
    whole = without_permalink(fold_entities(node.text()))
    if not declared or words_of(whole) in held_words:
        return whole  # the declared titles hold all of it, perhaps with separators between its parts
    held = " ".join(declared)
    pieces = [fold(fold_entities(piece)) for piece in node.text(separator="\n").split("\n")]
    folded = fold(whole)
    inside = [piece for piece in pieces if 2 * len(piece) >= len(whole) and piece.casefold() in held
              and (folded.startswith(piece) or folded.endswith(piece))
              and (any(title.startswith(piece.casefold()) for title in declared)
                   or not held_rest(folded, piece, held_words))]
    return max(inside, key=len) if len(pieces) > 1 and inside else whole


def held_rest(whole: str, piece: str, held_words: str) -> bool:
    """The declared titles (their words, `held_words`) hold the rest of `whole` beside `piece` (at its start or
    its end) too."""
    rest = whole[len(piece):] if whole.startswith(piece) else whole[:len(whole) - len(piece)]
    return bool(words := words_of(rest)) and words in held_words


def words_of(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def clean_title(value: str, h1s: Sequence[str] = ()) -> str:
    """A declared title without the marks of its source: Markdown ("## ", "*...*"), a separator left at
    its end ("Title ⋆"), and quotes around the whole of it when the headline shows it without them (a
    headline that is a quotation keeps its quotes)."""
    value = MARKDOWN.sub("", value)
    end = len(value.rstrip())
    if not any(quote.end() == end for quote in QUOTED.finditer(value)):  # a » closing a quotation is no mark
        value = TRAILING_MARK.sub("", value)
    value = value.strip()
    shown = {h1.casefold() for h1 in h1s}
    for left, right in WRAPPING_QUOTES:
        inner = value[len(left):-len(right)]
        if len(value) > 2 and value.startswith(left) and value.endswith(right) and left not in inner \
                and right not in inner and inner.strip().casefold() in shown:
            return inner.strip()
    return value


def title_from_h1(src: PageSources, h1s: list[str]) -> str | None:
    """The headline h1 (three words or more) that the <title> or og:title contains; else the only
    headline h1; else any h1 that the <title> contains (a one-word site logo comes last). An h1 set in
    capitals is none of these when the declared titles are not."""
    declared = " ".join(filter(None, (title_tag(src), src.first_meta(TITLE_META))))
    reference = declared.casefold()
    if declared:
        h1s = [text for text in h1s if not in_capitals(text, declared)]
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


def declared_title(src: PageSources, site_name: str | None, h1s: list[str], names: set[str]) -> str | None:
    """JSON-LD headline, else the title meta tags, else the headline h1, else <title>; a value that is
    only the site's name (a home page's og:title left on every page) is passed over."""
    values = [src.ld.text("headline"), *(src.first_meta((name,)) for name in TITLE_META), title_tag(src)]
    found = [strip_site_suffix(clean_title(value, h1s), names) for value in values if value]
    if values[0] and outvoted(found, src, h1s, names):
        found = found[1:]
    shown = title_from_h1(src, h1s)
    if shown:
        found.insert(len(found) - (title_tag(src) is not None), strip_site_suffix(shown, names, guess=" | " in shown))
    own = (site_name or "").casefold()
    whole = [value for value in found if value.casefold() != own and not cut_short(value, found)]
    return next(iter(whole), next((value for value in found if value.casefold() != own), found[0] if found else None))


def outvoted(found: list[str], src: PageSources, h1s: list[str], names: set[str]) -> bool:
    """The JSON-LD headline (`found[0]`) says other words than og:title and <title>, which agree with each
    other, and no h1 shows it: a headline left from an earlier version of the article, or written for
    search engines by an SEO plugin, where the two title tags were kept up to date with the headline."""
    og, tag = src.first_meta(("og:title",)), title_tag(src)
    if not og or not tag:
        return False
    headline = words_of(found[0])
    tags = {words_of(strip_site_suffix(clean_title(value, h1s), names)) for value in (og, tag)}
    return len(tags) == 1 and headline not in tags and all(words_of(h1) != headline for h1 in h1s)


def in_capitals(h1: str, declared: str) -> bool:
    """A headline set in capitals ("BEST DRIP COFFEE MAKER") where the declared title is not: the declared
    title has the headline's case."""
    return h1.isupper() and not declared.isupper()


def cut_short(value: str, others: list[str]) -> bool:
    """A title cut to a length: it ends in an ellipsis, or another source goes on from where it stops
    in mid-sentence (not after a separator, as "Title - Site" goes on from "Title")."""
    if value.endswith(("…", "...")):
        return True
    rests = [other[len(value):] for other in others if other.startswith(value)]
    return any(CONTINUED.match(rest) and not SEPARATED.match(rest) for rest in rests)


def _words(text: str | None) -> set[str]:
    return set(WORD.findall(text.casefold())) if text else set()


def find_title(src: PageSources, site_name: str | None, h1s: list[str]) -> str | None:
    """The headline as the page shows it: the h1 whose words the declared titles (JSON-LD, og:title,
    <title>, less the site's name) hold, when it differs from them by more than case and punctuation
    (their titles are often shortened or rewritten for search engines and feeds); else the declared one.
    Its full-width marks are ASCII's when it is written in no wide script (narrow_marks)."""
    found = chosen_title(src, site_name, h1s)
    return narrow_marks(found) if found else found


FULL_WIDTH = "\uff01", "\uff5e"  # the full-width forms of ASCII's "!" to "~"
NARROW = {code: code - 0xFEE0 for code in range(ord(FULL_WIDTH[0]), ord(FULL_WIDTH[1]) + 1)}
EAST_ASIAN = "\u1100"  # the scripts from Hangul's jamo on (Hangul, kana, Chinese) write full-width marks as their own


def narrow_marks(title: str) -> str:
    """A title in an alphabet of Europe, the Middle East or India (English, French, Russian, Arabic...) that holds a
    full-width mark, as a Chinese or Japanese input method types it ("How Does It Work？"), has ASCII's mark instead;
    a title with a letter of an East Asian script keeps its full-width marks, which are its script's own
    ("外交部发言人：...", "記者会見（全文）")."""
    if title.isascii() or not any(FULL_WIDTH[0] <= char <= FULL_WIDTH[1] for char in title):
        return title
    if any(char >= EAST_ASIAN and char.isalpha() and not FULL_WIDTH[0] <= char <= FULL_WIDTH[1] for char in title):
        return title
    return title.translate(NARROW)


def chosen_title(src: PageSources, site_name: str | None, h1s: list[str]) -> str | None:
    """find_title's choice, as the sources write it."""
    names = site_names(src, site_name)
    declared = declared_title(src, site_name, h1s, names)
    if not declared or not h1s:
        return declared
    plain = " ".join(WORD.findall(declared.casefold()))
    if any(" ".join(WORD.findall(h1.casefold())) == plain for h1 in h1s):
        return declared
    values = (title_tag(src), src.first_meta(TITLE_META), src.ld.text("headline"))
    reference = _words(" ".join(strip_site_suffix(value, names) for value in values if value))
    site_words = _words(site_name)
    marked = marked_h1s(src)
    for text in h1s:
        h1 = strip_site_suffix(text, names, guess=False)
        words = _words(h1)
        if in_capitals(h1, declared):
            continue
        share = len(words & reference) / len(words) if words else 0.0
        if (len(h1.split()) >= 2 or len(h1) >= 12) and words and not words <= site_words and (share >= 0.6 or (
                text in marked and share >= MARKED_SHARE and not heading_shows(src, declared))):
            return h1
    return declared


def heading_shows(src: PageSources, declared: str) -> bool:
    """An h2 or an h3 of the page says the declared title, word for word: the page shows it as a heading of its own
    (over the article's first paragraph), and an h1 that says few of its words is a banner's, not the headline."""
    wanted = words_of(declared)
    return any(words_of(node.text()) == wanted for node in src.tree.css("h2, h3")[:60])


def marked_h1s(src: PageSources) -> set[str]:
    """The texts of the h1s whose class says they are the article's title ("entry-title", "post-headline")."""
    return {fold_entities(node.text()) for node in src.h1s()[:8]
            if MARKED_TITLE.search(node.attributes.get("class") or "")}
