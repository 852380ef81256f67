"""Property tests of the hostile-input defences, on the unguarded functions, with a fixed seed and a
bounded number of examples (the same examples on every run, in CI and here)."""

from __future__ import annotations

import codecs
import ipaddress

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefarc.extract.decode import decode_html
from briefarc.extract.feed import read_root
from briefarc.models import Document, RawPage
from briefarc.net.addresses import is_private
from briefarc.output.textout import CONTROL, FORMULA_STARTS, clean, csv_cell
from briefarc.store.identity import identify, same_site

FIXED = settings(derandomize=True, database=None, deadline=None, max_examples=200,
                 suppress_health_check=[HealthCheck.too_slow])
LABELS = st.sampled_from(["utf-8", "gb2312", "rot13", "base64", "zlib", "hex", "utf-16", "utf-7", "latin1",
                          "shift_jis", "bogus", "x" * 60, ""])


@FIXED
@given(st.binary(max_size=2000), LABELS, LABELS)
def test_decoding_any_bytes_gives_text_in_a_text_encoding(data, header, meta):
    page = b'<meta charset="' + meta.encode() + b'">' + data
    text, encoding, warnings = decode_html(page, f"text/html; charset={header}")
    assert isinstance(text, str) and all(isinstance(w, str) for w in warnings)
    assert codecs.lookup(encoding)._is_text_encoding
    assert encoding not in ("rot-13", "base64", "zlib", "hex", "utf-7")
    try:
        strict = page.decode("utf-8")
    except UnicodeDecodeError:
        return
    if not strict.isascii():
        assert text == strict  # valid UTF-8 is read as UTF-8 whatever is declared


ITEM = "<item><title>T{n}</title><link>https://m.example/{n}</link></item>"
XML_BITS = st.sampled_from(["<", ">", "&", "&amp;", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE x [", "]>",
                            "<!ENTITY a 'b'>", "</item>", "<item>", "</channel>", "<?xml version='1.0'?>", "\x00"])


@FIXED
@given(st.lists(st.one_of(XML_BITS, st.text(max_size=10)), max_size=40), st.integers(0, 5))
def test_a_feed_with_junk_between_its_items_is_read_without_error(junk, where):
    items = [ITEM.format(n=n) for n in range(5)]
    items.insert(where, "".join(junk))
    root = read_root(("<rss><channel><title>F</title>" + "".join(items) + "</channel></rss>").encode())
    assert root is None or isinstance(root.tag, str)


HOSTS = st.sampled_from(["www.state.gov", "state.gov", "evil.example", "state.gov.evil.example", "mofa.gov.pk",
                         "www.mfa.gov.cn", "www.fmprc.gov.cn", "x.github.io", "y.github.io", "127.0.0.1", "[::1]"])
PATHS = st.sampled_from(["/", "/briefings/1", "/a?b=c", ""])


@FIXED
@given(HOSTS, PATHS, HOSTS, PATHS, st.booleans())
def test_a_page_never_takes_an_identity_on_another_site(anchor_host, anchor_path, claim_host, claim_path, feed):
    anchor, claim = f"https://{anchor_host}{anchor_path}", f"https://{claim_host}{claim_path}"
    doc = Document(title="t", paragraphs=["p"], url=claim if feed else anchor, canonical_url=None if feed else claim)
    page = RawPage(data=b"x", origin=anchor, url=claim if feed else anchor, item="g1" if feed else None,
                   source_url=anchor if feed else None)
    identity = identify(doc, page, "0" * 64)
    assert same_site(identity.key.split("#")[0], anchor)
    assert same_site(anchor, claim) == same_site(claim, anchor)
    assert (identity.claimed_url is None) == same_site(anchor, claim)


@FIXED
@given(st.integers(0, 2**32 - 1))
def test_an_ipv4_address_mapped_into_ipv6_is_judged_the_same(number):
    address = ipaddress.IPv4Address(number)
    assert is_private(str(address)) == is_private(f"::ffff:{address}")


@FIXED
@given(st.text(max_size=40))
def test_defused_cells_read_back_and_never_start_a_formula(text):
    cell = csv_cell(text, for_terminal=False, safe=True)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell == text or (cell == "'" + text and text.startswith(FORMULA_STARTS))


@FIXED
@given(st.text(max_size=60))
def test_clean_text_holds_nothing_a_terminal_would_act_on(text):
    shown = clean(text)
    assert CONTROL.search(shown) is None
    if CONTROL.search(text) is None:
        assert shown == text
