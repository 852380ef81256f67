"""What we know about each real source, as data.

Each entry names where a field is on that site's pages; fields it does not name come from the generic
cascade. A selector ending in "@attr" reads that attribute instead of the text. Entries are found by
the page's host, or, for saved pages without a URL, by a fingerprint selector that only that site's
template matches.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc import urls
from briefarc.extract.text import fold
from briefarc.models import Kind
from briefarc.patterns import lazy


@dataclass(frozen=True)
class Site:
    name: str
    hosts: tuple[str, ...]
    fingerprint: str | None = None  # a selector only this template matches
    title: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    subtitle: tuple[str, ...] = ()
    kind_from: tuple[str, ...] = ()  # selectors of a value naming the page's kind (extract.kinds.KIND_NAMES)
    author: tuple[str, ...] = ()
    spokesperson: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # elements inside the body that are not body
    drop_text: tuple[str, ...] = ()  # patterns of paragraphs that are not body (banners, print links)
    header_lines: tuple[str, ...] = ()  # patterns of lines before the first turn that are not body
    date_in_title: bool = False  # the briefing's date is the one in its title
    native_id: tuple[tuple[str, str], ...] = ()  # (URL pattern, template using {id} and {lang})
    path_languages: tuple[tuple[str, str], ...] = ()  # (URL pattern, language) of the site's own paths
    listing_items: str | None = None  # anchors of a listing page
    site_name: str | None = None
    kind: Kind | None = None  # the kind of most of its pages, when the title does not say
    timezone: str | None = None  # where it publishes (IANA name): the day of a time its feed gives in UTC

    def matches_host(self, host: str) -> bool:
        return any(host == h or host.endswith("." + h) for h in self.hosts)


PRINT_FOOTERS = (
    r"^\[?\s*(?:print|close|top)\s*\]?(?:\s*\[?\s*(?:print|close|top)\s*\]?)*$",
    r"^(?:【\s*(?:打印|关闭|大|中|小)\s*】\s*)+$",
    r"^suggest to a friend",
    r"^\[?\s*字体[:：]",
    r"^打印本页$",
)
TIME_LINE = r"^\d{1,2}:\d{2}\s*[ap]\.?\s*m\.?(?:\s*[A-Z]{2,4})?$"
SPEAKER_LINE = r"^[A-Z][\w.'’\- ]{2,60},\s*(?:Department|Deputy|Principal Deputy|Official|Acting)?\s*Spokes"
PLACE_LINE = r"^(?:Washington, D\.?C\.?|Via Teleconference|[A-Z][a-z]+(?:,\s*[A-Z][\w.]+)?)$"

SITES: tuple[Site, ...] = (
    Site(
        name="fmprc",
        timezone="Asia/Shanghai",
        hosts=("fmprc.gov.cn", "mfa.gov.cn"),
        fingerprint="#News_Body_Txt_A, #News_Body_Title, #News_Body_Time",
        title=("meta[name=ArticleTitle]@content", "#News_Body_Title", ".content_mod h2.title", "h2.title"),
        published=("meta[name=PubDate]@content", "#News_Body_Time", "p.time span"),
        body=("#News_Body_Txt_A", "div.TRS_UEDITOR", ".content_mod div.content", "div.content"),
        drop=("#News_Body_source", ".news", "#Appendix_article", ".tool"),
        drop_text=PRINT_FOOTERS,
        date_in_title=True,
        native_id=((r"/(t\d{8}_\d+)\.s?html?", "fmprc:{lang}:{id}"), (r"/(t\d{5,8})\.s?html?", "fmprc:{lang}:{id}")),
        path_languages=((r"/web/", "zh"),),
        listing_items="div.newsLst_mod li a, div.rebox_news li a, div.list1 li a, ul.list1 li a",
        site_name="Ministry of Foreign Affairs of the People's Republic of China",
    ),
    Site(
        name="state.gov",
        timezone="America/New_York",
        hosts=("state.gov",),
        fingerprint="h1.featured-content__headline, p.article-meta__publish-date",
        title=("h1.featured-content__headline",),
        published=("p.article-meta__publish-date",),
        spokesperson=("p.article-meta__author-bureau",),
        body=("div.entry-content",),
        drop=("div.related-tags", "div.article-meta", ".share-this", ".summary-module"),
        header_lines=(SPEAKER_LINE, TIME_LINE, PLACE_LINE),
        date_in_title=True,
        native_id=((r"[?&]p=(\d+)", "state:{id}"),),
        listing_items="li.collection-result a.collection-result__link",
        site_name="United States Department of State",  # as its own titles and og:site_name name it
    ),
    Site(
        name="mofa.gov.pk",
        timezone="Asia/Karachi",
        hosts=("mofa.gov.pk",),
        fingerprint="div.filter-title h2",
        title=("div.filter-title h2",),
        published=("p.post-date", ".post-date", ".date-post"),
        body=("div.m-5.text-justify", "div.text-justify"),
        drop=("div.card",),
        drop_text=(r"^\[\s*this is a rush transcript", r"^\(?\s*this is a rush transcript"),
        date_in_title=True,
        listing_items="div.card h5 a, div.card a:has(h5)",
        site_name="Ministry of Foreign Affairs, Pakistan",
    ),
    Site(
        name="mea.gov.in",
        timezone="Asia/Kolkata",
        hosts=("mea.gov.in",),
        fingerprint="h2.titleText",
        title=("h2.titleText",),
        body=("div.description", "#innerContent"),
        date_in_title=True,
        native_id=((r"dtl/(\d+)/", "mea:{id}"), (r"[?&]pkid=(\d+)", "mea:{id}")),
        site_name="Ministry of External Affairs, India",
    ),
    Site(
        name="un.org",
        timezone="America/New_York",
        hosts=("press.un.org", "un.org"),
        fingerprint="div.field--name-body + div.field--name-field-symbol",
        body=("div.field--name-body", "div.field-items", "#content"),
        native_id=((r"/(db\d{6})(?:\.doc)?\.htm", "{id}"), (r"/(sgsm\d+)(?:\.doc)?\.htm", "{id}")),
        site_name="United Nations",
        kind="briefing",
    ),
    Site(
        name="gov.uk",
        timezone="Europe/London",
        hosts=("gov.uk",),
        fingerprint="div.govspeak",
        title=("h1.gem-c-title__text", "h1"),
        subtitle=("p.gem-c-lead-paragraph", "p.lead-paragraph"),
        kind_from=("meta[name='govuk:format']@content", "meta[name='govuk:schema-name']@content",
                   "span.gem-c-title__context"),
        body=("div.govspeak",),
        site_name="GOV.UK",
    ),
    Site(
        name="dawn",
        timezone="Asia/Karachi",
        hosts=("dawn.com",),
        fingerprint="div.story__content",
        title=("h2.story__title", "h1.story__title", ".story__title a"),
        author=(".story__byline a", ".story__byline", ".story__credit"),
        subtitle=(".story__excerpt",),
        published=(".timestamp--time@title", "span.timestamp--time"),
        body=("div.story__content",),
        drop=(".story__credit", "figure", ".media__caption", "div.inline-related"),
        native_id=((r"/news/(\d+)", "dawn:{id}"),),
        site_name="DAWN.COM",  # as its og:site_name names it
        kind="news_report",
    ),
    Site(
        name="mid.ru",
        timezone="Europe/Moscow",
        hosts=("mid.ru",),
        fingerprint=".photo-content__title",
        title=(".photo-content__title",),
        published=(".photo-content__date",),
        body=("div.text.article-content", "div.article-content"),
        drop=(".article-content__toc", ".content-anchors"),
        date_in_title=True,
        native_id=((r"/briefings/(\d+)/?", "mid:{id}"),),
        site_name="Ministry of Foreign Affairs of the Russian Federation",
    ),
    Site(
        name="wordpress",
        hosts=(),
        fingerprint="div.entry-content, div.td-post-content, div.jeg_post_content, div.post-content",
        author=(".jeg_meta_author a", ".td-post-author-name a", "span.author a", ".byline .author"),
        body=("div.entry-content", "div.td-post-content", "div.jeg_post_content .content-inner",
              "div.post-content"),
        drop=(".sharedaddy", ".jp-relatedposts", ".yarpp-related", ".post-tags", ".tags-links", ".jeg_share_button",
              ".td-post-sharing", ".related-posts", ".jeg_post_tags", ".wp-caption-text",
              ".addtoany_share_save_container",
              ".code-block", ".heateor_sss_sharing_container"),
        native_id=((r"[?&]p=(\d+)", "wp:{id}"),),
    ),
)


def site_by_host(url: str | None) -> Site | None:
    host = urls.hostname(url)
    return _site_of_host(host) if host else None


@lru_cache(maxsize=1024)
def _site_of_host(host: str) -> Site | None:
    for site in SITES:
        if site.hosts and site.matches_host(host):
            return site
    return None


FINGERPRINTS = ", ".join(site.fingerprint for site in SITES if site.fingerprint)


def site_by_fingerprint(tree: LexborHTMLParser, likely: Site | None = None) -> Site | None:
    """The entry whose template the page's markup matches (one pass over the tree for all sites). `likely`: the
    site the page is taken to be from (by its host), whose template is asked first: when it matches, the page is
    its unless a template before it in SITES matches too (the first that matches is the page's), which spares
    most pages the search of every template's selectors."""
    if likely is not None and likely.fingerprint and tree.css_first(likely.fingerprint) is not None:
        before = _fingerprints_before(likely)
        if before is not None and (not before or tree.css_first(before) is None):
            return likely
    if tree.css_first(FINGERPRINTS) is None:
        return None
    for site in SITES:
        if site.fingerprint and tree.css_first(site.fingerprint) is not None:
            return site
    return None


def _fingerprints_before(site: Site) -> str | None:
    """The selector of the templates before the site's in SITES ("" for the first; None for a site not there)."""
    before: list[str] = []
    for known in SITES:
        if known is site:
            return ", ".join(before)
        if known.fingerprint:
            before.append(known.fingerprint)
    return None


def site_by_container(root: LexborNode | None) -> Site | None:
    """The entry whose template the element holding the text (or one of its near ancestors) matches.
    A node matches when its subtree holds a match: the farthest ancestor is asked first, once, as
    no nearer one matches where it does not (most pages are no known template's)."""
    near: list[LexborNode] = []
    node = root
    while node is not None and node.tag not in ("body", "html") and len(near) < 4:
        near.append(node)
        node = node.parent
    if not near or not near[-1].css_matches(FINGERPRINTS):
        return None
    for node in near:
        if node.css_matches(FINGERPRINTS):
            return next(site for site in SITES if site.fingerprint and node.css_matches(site.fingerprint))
    return None


def site_named(name: str | None) -> Site | None:
    return next((site for site in SITES if site.name == name), None)


def site_by_generator(generator: str | None) -> Site | None:
    """The entry of the CMS that <meta name=generator> names (WordPress)."""
    if generator and generator.lower().startswith("wordpress"):
        return next(site for site in SITES if site.name == "wordpress")
    return None


def find_site(url: str | None, tree: LexborHTMLParser | None = None) -> Site | None:
    """The entry for a page: by its host, else by a template fingerprint (for files without a URL)."""
    site = site_by_host(url)
    if site is None and tree is not None:
        site = site_by_fingerprint(tree)
    return site


def native_id(site: Site | None, url: str | None, language: str | None) -> str | None:
    """The source's own id for a page, from its URL (None for one that is not a URL)."""
    if site is None or not url or urls.split(url) is None:
        return None
    for pattern, template in site.native_id:
        match = re.search(pattern, url)
        if match:
            return template.format(id=match.group(1), lang=language or "xx")
    return None


def select_value(tree: LexborHTMLParser, selectors: tuple[str, ...],
                 within: LexborNode | None = None) -> str | None:
    """The first non-empty value among selectors ("css" for text, "css@attr" for an attribute); those inside
    `within` (the story's own <article>, story_of) first, then the page's."""
    for root in (within, tree) if within is not None else (tree,):
        for spec in selectors:
            selector, _, attr = spec.partition("@")
            for node in root.css(selector)[:3]:
                value = fold(node.attributes.get(attr) if attr else node.text())
                if value:
                    return value
    return None


def story_of(tree: LexborHTMLParser, site: Site) -> LexborNode | None:
    """The <article> that holds the site's body element, if one does. A news site marks its teaser cards as it
    marks its stories ("Most popular" beside or above the story: an <article> with a title, a byline and a
    timestamp of the classes the story's have), so the story's own are looked for in its <article> first."""
    body = next((node for selector in site.body if (node := tree.css_first(selector)) is not None), None)
    while body is not None and body.tag != "article":
        body = body.parent
    return body


# --- the site of a saved page without a URL ----------------------------------------------------------

SAVED_FROM = lazy(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
LINKED = "a[href], img[src], link[href], script[src], form[action], iframe[src]"
MIN_LINKS = 3  # references to one host before the page is taken to be that host's


ADDRESSES = (("canonical link", "link", "href"), ("og:url", "meta", "content"), ("<base href>", "base", "href"))
ADDRESS_NODES = "link[rel=canonical], meta[property='og:url'], base[href]"  # the tags of ADDRESSES, in its order


def page_addresses(tree: LexborHTMLParser, text: str) -> list[tuple[str, str]]:
    """The addresses a page gives for itself, with where each was found: of each kind, the first non-empty
    one among the first three the page holds (one search of the tree for all three kinds)."""
    nodes: dict[str, list[LexborNode]] = {}
    for node in tree.css(ADDRESS_NODES):
        nodes.setdefault(node.tag or "", []).append(node)
    found = []
    for how, tag, attr in ADDRESSES:
        value = next(filter(None, (fold(node.attributes.get(attr)) for node in nodes.get(tag, ())[:3])), None)
        if value:
            found.append((how, value))
    saved = SAVED_FROM.search(text[:SAVED_FROM_HEAD])
    if saved:
        found.append(("saved-from comment", saved.group(1)))
    return found


SAVED_FROM_HEAD = 4096  # characters at the page's start where a browser writes the saved-from comment


def saved_from(text: str) -> str | None:
    """The address a browser wrote into a page it saved ("<!-- saved from url=(0034)https://... -->"): a claim,
    never a key (any file may say it), shown as such and telling the host that tables show for its site
    (store/sitelabel.py). An address whose host no host name may be (a bidi override in it) is none."""
    found = SAVED_FROM.search(text[:SAVED_FROM_HEAD])
    address = found.group(1) if found else None
    return address if urls.is_web_url(address) and urls.is_host_name(urls.hostname(address)) else None


def own_address(tree: LexborHTMLParser, text: str) -> str | None:
    """The first web address a page gives for itself (canonical, og:url, base, saved-from), if any."""
    return next((address for _, address in page_addresses(tree, text) if urls.is_web_url(address)), None)


def site_by_links(tree: LexborHTMLParser) -> Site | None:
    """The known site whose host the page's own links, images and scripts point at most, when that
    host is the one the page points at most of all (a template's navigation, logo and footer)."""
    hosts = link_hosts(tree)
    if not hosts:
        return None
    top, count = max(hosts.items(), key=lambda pair: pair[1])
    return site_by_host(f"https://{top}/") if count >= MIN_LINKS else None


def link_hosts(tree: LexborHTMLParser) -> dict[str, int]:
    """How many of the page's links, images, scripts and forms point at each host, in the order the page
    first names them (the first of hosts named as often wins)."""
    hosts: dict[str, int] = {}
    for key, count in host_keys(tree).items():
        host = key[1:] if key.startswith("@") else urls.hostname(key)
        if host:
            hosts[host] = hosts.get(host, 0) + count
    return hosts


# The start of each address that names its host (host_keys), read by one search of the addresses joined by
# NULs (the parser turns a NUL in an attribute into U+FFFD, so none is inside one): "//host" (https: is put
# before it), "https://host", "http://" and what follows up to a slash after its first character, any other
# http(s): address whole, and a whole mailto: address (its host is read from it).
ADDRESS_STARTS = lazy("\x00(//[^\x00/]*|https://[^\x00/]*|http://(?:[^\x00][^\x00/]*)?|https?:[^\x00]*|mailto:[^\x00]*)")


def host_keys(tree: LexborHTMLParser) -> dict[str, int]:
    """How many of the page's links, images and scripts name each host, by the start of their address
    that names it: up to the slash after the host of http(s)://host/path (the host name of that start
    is the address's), the whole of other http(s): addresses, and "@host" for a mailto: address. Pages
    name a few hosts many times, so that the host is read once per start and not once per link."""
    values = [(attrs := node.attributes).get("href") or attrs.get("src") or attrs.get("action") or ""
              for node in tree.css(LINKED)]
    joined = "\x00" + "\x00".join(values)
    if joined.count("\x00") != len(values):  # no parser leaves one, but a NUL would cut an address in two
        return _host_keys_one_by_one(values)
    keys: dict[str, int] = {}
    for start, count in Counter(ADDRESS_STARTS.findall(joined)).items():  # in the order the page names them
        if start.startswith("//"):
            key = "https:" + start
        elif start.startswith("mailto:"):
            if "@" not in start:
                continue
            key = "@" + start.split("@", 1)[1].split("?")[0].lower()
        else:
            key = start
        keys[key] = keys.get(key, 0) + count
    return keys


def _host_keys_one_by_one(values: list[str]) -> dict[str, int]:
    keys: dict[str, int] = {}
    for value in values:
        if value.startswith("//"):
            value = "https:" + value
        if value.startswith(("https://", "http://")):
            cut = value.find("/", 8)  # at or after the end of the host: a path, or a host left empty
            key = value if cut < 0 else value[:cut]
        elif value.startswith(("http:", "https:")):
            key = value
        elif value.startswith("mailto:") and "@" in value:
            key = "@" + value.split("@", 1)[1].split("?")[0].lower()
        else:
            continue
        keys[key] = keys.get(key, 0) + 1
    return keys


def recognise(tree: LexborHTMLParser, text: str) -> tuple[Site | None, str | None, str | None]:
    """The site of a page that came without a URL: (site, the address the page gives for itself, how it
    was told), or (None, None, None)."""
    for how, address in page_addresses(tree, text):
        site = site_by_host(address)
        if site is not None:
            return site, address, f"{_label(site)} (from its {how})"
    site = site_by_links(tree)
    if site is not None:
        return site, None, f"{_label(site)} (from the host its links point to)"
    return None, None, None


def _label(site: Site) -> str:
    """The site as tables show its pages and --source takes it: its name for itself, not briefarc's key."""
    return site.site_name or site.name
