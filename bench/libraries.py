"""Hand-written parts against the libraries that could replace them, in the same run (issue 11).

- extract/xmltree.py (via parse_feed) against lxml's recovering parser and feedparser: broken feeds
  read right, and CPU time on a 1 MB feed of unclosed items;
- net/robots.py against protego: RFC 9309 cases, CPU time to parse 4,000 rules and to answer a query;
- the charset labels of extract/decode.py against webencodings, and its legacy guess against
  charset-normalizer: labels mapped as browsers do, undeclared pages decoded right, CPU time.

    pip install -e '.[bench]' && python bench/libraries.py
"""

from __future__ import annotations

import codecs
import time
import warnings
from collections.abc import Callable

warnings.filterwarnings("ignore")


def cpu(action: Callable[[], object], runs: int = 1) -> float:
    start = time.process_time()
    for _ in range(runs):
        action()
    return (time.process_time() - start) / runs


# -- feeds -----------------------------------------------------------------------------------------------

def _item(number: int, extra: str = "") -> str:
    return f"<item><title>Briefing {number}</title><link>https://m.example/b/{number}</link>{extra}</item>"


def _rss(items: str, head: str = "", title: str = "T") -> str:
    return f"{head}<rss><channel><title>{title}</title>{items}</channel></rss>"


ITEMS3 = "".join(_item(n) for n in range(3))
FEEDS = {
    "well formed": _rss(ITEMS3),
    "bare &": _rss("".join(_item(n, "<description>a & b</description>") for n in range(3)), title="T & Co"),
    "html entity": _rss("".join(_item(n, "<description>caf&eacute;</description>") for n in range(3))),
    "unclosed items": _rss(ITEMS3.replace("</item>", "")),
    "undeclared prefix": _rss("".join(_item(n, "<dc:creator>Office</dc:creator>") for n in range(3))),
    "truncated": _rss(ITEMS3 + "<item><title>cut").split("</channel>")[0],
    "junk before root": _rss(ITEMS3, head="\n<!-- x --><br>"),
    "stray close tag": _rss("</p>" + ITEMS3),
    "unquoted attribute": _rss("".join(_item(n, "<guid isPermaLink=false>g</guid>") for n in range(3))),
    "internal DTD": _rss(ITEMS3, head="<!DOCTYPE rss [<!ENTITY x 'y'>]>", title="&x;"),
}
LINKS = [f"https://m.example/b/{n}" for n in range(3)]


def feed_readers() -> dict[str, Callable[[bytes], list]]:
    import feedparser
    from lxml import etree

    from briefarc.extract.feed import parse_feed

    def lxml_recover(data: bytes) -> list:
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        root = etree.fromstring(data, parser)
        return [] if root is None else [(node.findtext("link") or "").strip() for node in root.iter("item")]

    return {
        "briefarc xmltree": lambda data: [item.link for item in parse_feed(data).items],
        "lxml recover": lxml_recover,
        "feedparser": lambda data: [entry.get("link") for entry in feedparser.parse(data).entries],
    }


def bench_feeds() -> None:
    big = _rss("".join(_item(n, "<description>a & b caf&eacute; " + "words " * 40 + "</description>")
                       for n in range(2500)).replace("</item>", "")).encode()
    print(f"\nFeeds: {len(FEEDS)} broken shapes; a {len(big) / 1e6:.1f} MB feed of 2,500 unclosed items")
    for name, read in feed_readers().items():
        right = sum(_safe(lambda r=read, d=data: r(d.encode())[:3] == LINKS) for data in FEEDS.values())
        found, spent = len(read(big)), cpu(lambda r=read: r(big)) * 1000
        print(f"  {name:18s} {right}/{len(FEEDS)} right   big feed: {found:5d} items, {spent:6.0f} ms")


def _safe(check: Callable[[], bool]) -> bool:
    try:
        return check()
    except Exception:  # a reader that raises gets that case wrong
        return False


# -- robots.txt ------------------------------------------------------------------------------------------

ROBOTS = [  # (robots.txt, path, allowed for briefarc)
    ("User-agent: *\nDisallow: /private/\n", "/private/x", False),
    ("User-agent: *\nDisallow: /private/\n", "/public", True),
    ("User-agent: *\nAllow: /p\nDisallow: /\n", "/page", True),
    ("User-agent: *\nAllow: /folder\nDisallow: /folder\n", "/folder/page", True),
    ("User-agent: *\nAllow: /page\nDisallow: /*.html\n", "/page.html", False),
    ("User-agent: *\nDisallow: /*.php$\n", "/index.php", False),
    ("User-agent: *\nDisallow: /*.php$\n", "/index.php?x=1", True),
    ("User-agent: *\nDisallow: /fish*\n", "/fishheads", False),
    ("User-agent: *\nDisallow: /\nUser-agent: briefarc\nAllow: /\n", "/x", True),
    ("User-agent: briefarc\nUser-agent: other\nDisallow: /a\n", "/a/b", False),
    ("User-agent: *\nDisallow: /%7Ejoe/\n", "/~joe/index.html", False),
    ("User-agent: *\nDisallow: /a%2Fb\n", "/a%2Fb", False),
    ("User-agent: *\nDisallow:\n", "/anything", True),
    ("user-agent: *\ndisallow: /x # comment\n", "/x/y", False),
    ("User-agent: *\nAllow: /$\nDisallow: /\n", "/", True),
    ("User-agent: *\nAllow: /$\nDisallow: /\n", "/page", False),
    ("User-agent: Briefarc/1.0\nDisallow: /\n", "/x", False),
]


def bench_robots() -> None:
    from protego import Protego

    from briefarc.net.robots import parse

    base = "https://a.example"
    readers = {
        "briefarc robots": (lambda text: parse(text.encode(), "briefarc"),
                            lambda rules, path: rules.allows(base + path)),
        "protego": (Protego.parse, lambda rules, path: rules.can_fetch(base + path, "briefarc")),
    }
    big = "User-agent: *\n" + "".join(f"Disallow: /s{n}/*/private$\nAllow: /s{n}/public\n" for n in range(2000))
    print(f"\nrobots.txt: {len(ROBOTS)} RFC 9309 cases; parsing 4,000 rules; one query against them")
    for name, (read, ask) in readers.items():
        right = sum(ask(read(text), path) == allowed for text, path, allowed in ROBOTS)
        rules = read(big)
        parse_ms = cpu(lambda r=read: r(big), runs=3) * 1000
        query_us = cpu(lambda a=ask, r=rules: a(r, "/s1999/x/private"), runs=500) * 1e6
        print(f"  {name:18s} {right}/{len(ROBOTS)} right   parse {parse_ms:6.1f} ms   query {query_us:6.0f} us")


# -- encodings -------------------------------------------------------------------------------------------

LABELS = {  # label: the codec that decodes as browsers do (WHATWG Encoding Standard), None: not for a page
    "utf-8": "utf-8", "UTF8": "utf-8", "gb2312": "gb18030", "GBK": "gb18030", "gb18030": "gb18030",
    "big5": "big5hkscs", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "shift_jis": "shift_jis",
    "x-sjis": "shift_jis", "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
    "windows-1251": "cp1251", "koi8-r": "koi8_r", "iso-8859-9": "cp1254", "tis-620": "cp874", "euc-jp": "euc_jp",
    "iso-2022-jp": "iso2022_jp", "windows-1256": "cp1256", "utf-16": None, "utf-7": None, "rot13": None,
    "base64": None, "zlib": None, "hex": None, "uu": None, "bz2": None, "quopri": None, "bogus": None,
}
TEXTS = {
    "cp1251": "Министерство иностранных дел России заявило, что переговоры продолжатся в Москве. ",
    "gb18030": "外交部发言人主持例行记者会，中方一贯坚持和平解决争端，愿同各方加强沟通与协调。",
    "shift_jis": "外務報道官会見記録。日本政府としては、引き続き関係国と緊密に連携していきたいと考えています。",
    "cp1252": "Le porte-parole a déclaré que la délégation française était prête à négocier à Genève dès l'été. ",
    "cp1254": "Dışişleri Bakanlığı sözcüsü, görüşmelerin önümüzdeki hafta Ankara'da devam edeceğini açıkladı. ",
}


def bench_encodings() -> None:
    import webencodings
    from charset_normalizer import from_bytes

    from briefarc.extract.decode import guess_legacy, normalize_label

    def whatwg(label: str) -> str | None:
        found = webencodings.lookup(label)
        if found is None or found.name in ("utf-16be", "utf-16le", "replacement", "x-user-defined"):
            return None
        return found.codec_info.name

    def name(codec: str | None) -> str | None:
        return codecs.lookup(codec).name if codec else None

    print(f"\nCharsets: {len(LABELS)} labels mapped as browsers decode; {len(TEXTS)} undeclared legacy pages")
    for label_name, lookup in (("briefarc decode", normalize_label), ("webencodings", whatwg)):
        right = sum(name(lookup(label)) == name(codec) for label, codec in LABELS.items())
        per = cpu(lambda f=lookup: [f(label) for label in LABELS], runs=200) / len(LABELS) * 1e6
        print(f"  {label_name:18s} labels {right}/{len(LABELS)} right   {per:5.2f} us a label")

    def normalizer(data: bytes) -> str | None:
        best = from_bytes(data).best()
        return best.encoding if best else None

    pages = {codec: f"<html><body><p>{text * 8}</p></body></html>".encode(codec) for codec, text in TEXTS.items()}
    for guess_name, guess in (("briefarc decode", guess_legacy), ("charset-normalizer", normalizer)):
        right = sum(_safe(lambda g=guess, d=data, c=codec: d.decode(g(d)) == d.decode(c))
                    for codec, data in pages.items())
        per = cpu(lambda g=guess: [g(data) for data in pages.values()], runs=5) / len(pages) * 1000
        print(f"  {guess_name:18s} pages  {right}/{len(pages)} right   {per:5.2f} ms a page")


if __name__ == "__main__":
    bench_feeds()
    bench_robots()
    bench_encodings()
