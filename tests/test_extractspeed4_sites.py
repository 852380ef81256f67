"""The site of a page saved without its URL, read more cheaply, is the site it was (issue 12: same output).

host_keys reads the addresses of the page's links, images, scripts and forms and cuts each to the start
that names its host with one regular-expression search of them all, where it tested each in Python;
page_addresses finds the canonical link, og:url and <base href> with one search of the tree, not three.
Both must give what the plain loops gave, in the same order (the first of hosts named as often wins).
"""

from __future__ import annotations

import dataclasses

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract import sites
from briefarc.extract.sites import LINKED, host_keys, page_addresses, recognise, select_value

ADDRESSES = [
    "http://www.fmprc.gov.cn/web/a.html", "//www.fmprc.gov.cn/c.js", "https://www.fmprc.gov.cn", "https://",
    "http://", "http://a", "http://a/b", "http:///empty/host", "https:///empty/host", "///three", "//", "http:",
    "https:", "http:relative/path", "https:/one/slash", "HTTP://upper.example/", "mailto:press@MFA.gov.cn?s=1",
    "mailto:nobody", "mailto:", "/relative", "./t20240101.html", "javascript:void(0)", "#top", "h", "",
    "https://user:pw@host.example:8080/p", "http://[::1]/v6", "https://例子.中国/路径", "http://x\ny/z", " http://sp/",
]


def keys_one_by_one(tree: LexborHTMLParser) -> dict[str, int]:
    """host_keys as it read each address before: a Python test of each."""
    keys: dict[str, int] = {}
    for node in tree.css(LINKED):
        attrs = node.attributes
        value = attrs.get("href") or attrs.get("src") or attrs.get("action") or ""
        if value.startswith("//"):
            value = "https:" + value
        if value.startswith(("https://", "http://")):
            cut = value.find("/", 8)
            key = value if cut < 0 else value[:cut]
        elif value.startswith(("http:", "https:")):
            key = value
        elif value.startswith("mailto:") and "@" in value:
            key = "@" + value.split("@", 1)[1].split("?")[0].lower()
        else:
            continue
        keys[key] = keys.get(key, 0) + 1
    return keys


def page_of(addresses: list[str]) -> LexborHTMLParser:
    tags = ("a href", "img src", "script src", "form action", "iframe src", "link href")
    markup = "".join(f'<{tag.split()[0]} {tag.split()[1]}="{value}"></{tag.split()[0]}>'
                     for i, value in enumerate(addresses) for tag in (tags[i % len(tags)],))
    odd = ('<a href="" src="https://fallen.example/x"></a><img href="//img-href.example/" src="/x.png">'
           '<a name=top></a><img alt=no-src><form action></form><a href>bare</a>')
    return LexborHTMLParser(f"<html><head></head><body>{markup}{odd}{markup}</body></html>")


def test_host_keys_are_those_read_one_by_one_in_the_same_order():
    for addresses in (ADDRESSES, ADDRESSES[::-1], ADDRESSES[5:] + ADDRESSES[:5]):
        tree = page_of(addresses)
        assert list(host_keys(tree).items()) == list(keys_one_by_one(tree).items())


def test_an_address_holding_a_nul_is_read_one_by_one():
    """The parser turns a NUL into U+FFFD, but a value set on the tree keeps it: the joined search would cut it."""
    tree = page_of(["https://a.example/1", "https://b.example/2"])
    tree.css_first("a").attrs["href"] = "https://a.example\x00//nul.example/x"
    assert "https://nul.example" not in host_keys(tree)
    assert list(host_keys(tree).items()) == list(keys_one_by_one(tree).items())


def test_hosts_named_as_often_keep_the_order_the_page_names_them():
    links = ["//www.state.gov/1", "https://www.mfa.gov.cn/1", "https://www.state.gov/2", "http://www.mfa.gov.cn/2",
             "https://www.mfa.gov.cn/3", "//www.state.gov/3"]
    tree = LexborHTMLParser("".join(f'<a href="{link}">x</a>' for link in links))
    assert list(host_keys(tree)) == ["https://www.state.gov", "https://www.mfa.gov.cn", "http://www.mfa.gov.cn"]
    assert sites.site_by_links(tree).name == "state.gov"


def addresses_three_searches(tree: LexborHTMLParser, text: str) -> list[tuple[str, str]]:
    """page_addresses as it was: one select_value (and so one search of the tree) for each kind."""
    found = []
    for how, selector in (("canonical link", "link[rel=canonical]@href"), ("og:url", "meta[property='og:url']@content"),
                          ("<base href>", "base[href]@href")):
        value = select_value(tree, (selector,))
        if value:
            found.append((how, value))
    saved = sites.SAVED_FROM.search(text[:4096])
    if saved:
        found.append(("saved-from comment", saved.group(1)))
    return found


PAGES = [
    # in the body, in the other order, the first ones empty or blank
    """<html><head><base href="https://base.example/"></head><body><meta property="og:url" content=" ">
    <link rel="canonical" href=""><link rel="canonical"><link rel="canonical" href=" https://www.fmprc.gov.cn/a ">
    <meta property="og:url" content="https://og.example/p"><link rel="canonical" href="https://fourth.example/"></body>
    </html>""",
    # the fourth canonical link is not read (three at most); other rels and properties are not addresses
    """<link rel=canonical href=""><link rel=canonical href=" "><link rel=canonical href="\n">
    <link rel=canonical href="https://www.state.gov/x"><link rel="alternate canonical" href="https://alt.example/">
    <meta name="og:url" content="https://name.example/"><base target=_blank><base href="/relative/">""",
    "<!-- saved from url=(0030)https://www.mofa.gov.pk/x.html --><p>nothing else</p>",
    "<p>no address at all</p>",
]


def test_page_addresses_are_those_of_three_searches():
    for page in PAGES:
        tree = LexborHTMLParser(page)
        assert page_addresses(tree, page) == addresses_three_searches(tree, page)
    tree = LexborHTMLParser(PAGES[0])
    assert page_addresses(tree, PAGES[0])[0] == ("canonical link", "https://www.fmprc.gov.cn/a")
    assert recognise(tree, PAGES[0])[:2] == (sites.site_named("fmprc"), "https://www.fmprc.gov.cn/a")


TEMPLATES = {
    "fmprc": '<div id="News_Body_Title">T</div>', "state.gov": '<h1 class="featured-content__headline">T</h1>',
    "mofa.gov.pk": '<div class="filter-title"><h2>T</h2></div>', "mea.gov.in": '<h2 class="titleText">T</h2>',
    "un.org": '<div class="field--name-body">B</div><div class="field--name-field-symbol">S</div>',
    "gov.uk": '<div class="govspeak">B</div>', "dawn": '<div class="story__content">B</div>',
    "mid.ru": '<p class="photo-content__title">T</p>', "wordpress": '<div class="entry-content">B</div>',
}


def test_the_likely_template_is_the_one_all_templates_find():
    """A page's template asked first (the site of its host) is the page's only when no template before it in SITES
    matches: whatever the page holds, the answer is that of the search of every template."""
    assert set(TEMPLATES) == {site.name for site in sites.SITES if site.fingerprint}
    stranger = dataclasses.replace(sites.SITES[0], name="copy")  # an entry not in SITES: never taken as it is
    likely = [None, stranger, *sites.SITES]
    markups = ["<p>none</p>", *TEMPLATES.values(), *(a + b for a in TEMPLATES.values() for b in TEMPLATES.values())]
    for markup in markups:
        tree = LexborHTMLParser(f"<html><body><p>text</p>{markup}</body></html>")
        expected = sites.site_by_fingerprint(tree)
        for site in likely:
            assert sites.site_by_fingerprint(tree, likely=site) is expected, (markup, site and site.name)
    assert sites.site_by_fingerprint(LexborHTMLParser(TEMPLATES["fmprc"]), likely=stranger) is sites.SITES[0]
