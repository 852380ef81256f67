"""Encodings, bad input, and a fuzz test: bytes in, a Document or an InputError out, never a crash."""

from __future__ import annotations

import codecs
import gzip
import json
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefarc.errors import InputError
from briefarc.extract.core import CONTROL_BYTES, extract, extract_checked
from briefarc.extract.decode import decode_html
from briefarc.models import KINDS, ROLES, Document
from briefarc.urls import split

RUSSIAN = ("<html><head><title>Заявление</title></head><body>"
           "<p>Министерство иностранных дел заявляет о позиции.</p></body></html>")
CHINESE = ("<html><head><title>外交部</title></head><body>"
           "<p>中华人民共和国外交部发言人表示，中方对此坚决反对。</p></body></html>")


def test_http_charset_is_used() -> None:
    text, encoding, warnings = decode_html(RUSSIAN.encode("cp1251"), "text/html; charset=windows-1251")
    assert encoding == "cp1251" and "Министерство" in text and warnings == []


def test_meta_declaration_is_used() -> None:
    page = RUSSIAN.replace("<head>", '<head><meta charset="windows-1251">').encode("cp1251")
    assert decode_html(page, None)[1] == "cp1251"
    page = CHINESE.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    text, encoding, _ = decode_html(page.encode("gbk"), None)
    assert encoding == "gb18030" and "外交部发言人" in text


def test_bom_wins_over_declarations() -> None:
    data = codecs.BOM_UTF8 + RUSSIAN.replace("<head>", '<head><meta charset="windows-1251">').encode("utf-8")
    text, encoding, _ = decode_html(data, "text/html; charset=iso-8859-1")
    assert encoding == "utf-8" and "Министерство" in text and not text.startswith("\ufeff")
    text, encoding, _ = decode_html(RUSSIAN.encode("utf-16"), None)
    assert encoding.startswith("utf-16") and "Министерство" in text


def test_wrong_declaration_over_utf8_bytes() -> None:
    page = RUSSIAN.replace("<head>", '<head><meta charset="windows-1251">').encode("utf-8")
    text, encoding, warnings = decode_html(page, None)
    assert encoding == "utf-8" and "Министерство" in text
    assert warnings and "UTF-8" in warnings[0]


def test_utf8_declared_but_legacy_bytes() -> None:
    text, encoding, warnings = decode_html(CHINESE.encode("gb18030"), "text/html; charset=utf-8")
    assert encoding == "gb18030" and "外交部发言人" in text and warnings


def test_a_short_utf8_page_with_two_stray_bytes_stays_utf8() -> None:
    """Two bytes that fit no UTF-8 in a short page declared UTF-8 are replaced; the page is not read as
    another encoding (its Chinese came out as Cyrillic, windows-1251)."""
    body = "".join(f"<p>中华人民共和国外交部发言人表示，中方对此坚决反对。第{i}段。</p>" for i in range(8))
    page = (f'<html><head><meta charset="utf-8"><title>外交部</title></head><body>{body}</body></html>'
            .encode().replace("第3段".encode(), b"\xff").replace("第6段".encode(), b"\xff"))
    text, encoding, warnings = decode_html(page, None)
    assert encoding == "utf-8" and "外交部发言人" in text and text.count("\ufffd") == 2 and warnings


def test_undeclared_legacy_bytes_are_sniffed() -> None:
    assert decode_html(RUSSIAN.encode("cp1251"), None)[1] == "cp1251"
    assert decode_html(CHINESE.encode("gbk"), None)[1] == "gb18030"
    western = "<p>Le ministère a publié un communiqué très détaillé à Genève.</p>".encode("cp1252")
    assert decode_html(western, None)[1] == "cp1252"


def test_text_encoded_twice_at_its_source_is_decoded_again() -> None:
    twice = "We’re told the minister’s visit — a first — is on. Hebrew עברית, 中文".encode().decode("latin-1")
    page = f"<html><head><title>{twice}</title></head><body><p>{twice}</p></body></html>".encode()
    text, encoding, warnings = decode_html(page, "text/html; charset=utf-8")
    assert "We’re told the minister’s visit — a first — is on. Hebrew עברית, 中文" in text
    assert encoding == "utf-8" and "encoded as UTF-8 twice" in warnings[0]
    assert extract(page).title.startswith("We’re told the minister’s")
    once = "<p>Ã© and Â£ as Latin-1 letters and one stray \u0085 control</p>".encode("utf-8")
    assert decode_html(once)[0] == once.decode("utf-8")  # one control proves nothing: left as it is


def test_undecodable_bytes_never_crash() -> None:
    data = b"<html><body><p>caf\xc3 \x81\x8d\x8f\x90\x9d broken</p></body></html>"
    text, encoding, warnings = decode_html(data, "text/html; charset=utf-8")
    assert "broken" in text and encoding
    document = extract(data, content_type="text/html; charset=utf-8")
    assert document.encoding


def test_unknown_charset_labels_are_ignored() -> None:
    text, encoding, _ = decode_html(b"<p>plain</p>", "text/html; charset=x-no-such-thing")
    assert text == "<p>plain</p>" and encoding == "utf-8"


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"%PDF-1.7\n%...", "PDF"),
    (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"PK\x03\x04rest-of-zip", "ZIP"),
    (gzip.compress(b"<html></html>"), "decompress"),
    (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
    (b"<html>\x00\x00\x00\x00</html>", "NUL"),
    (b"Just a plain text file, with no markup at all.\nSecond line.", "not HTML"),
    (b'{"name": "not a content item"}', "JSON that is not"),
    (b"<html></html>", "no text found"),
    (b"<html><head><script>var page = 1;</script></head><body><img src=a.png></body></html>", "no text found"),
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><title>Map</title></svg>', "SVG"),
])
def test_bad_input_is_refused_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as error:
        extract(data)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_feed_bytes_become_a_listing() -> None:
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Briefings</title><item><title>One</title>
<link>https://x.example/1</link><pubDate>Wed, 11 Aug 2021 00:14:25 +0000</pubDate></item></channel></rss>"""
    document = extract(feed)
    assert document.kind == "listing" and document.items[0].url == "https://x.example/1"


def check_document(document: Document, url: str | None) -> None:
    """What every extracted page holds, whatever its bytes: what the store and the output rely on."""
    assert document.kind in KINDS and all(turn.role in ROLES for turn in document.turns)
    assert document.title or document.paragraphs or document.turns or document.items
    for text in (document.title, document.subtitle, *document.paragraphs):
        assert text is None or (text and text == " ".join(text.split())), text  # whitespace folded
    assert document.published is None or date.fromisoformat(document.published[:10])
    assert document.url == url and document.encoding
    assert all(split(item.url) is not None for item in document.items)
    json.dumps(document.to_record())


def check_refusal(error: InputError) -> None:
    assert str(error) and "\n" not in str(error)  # one line on stderr


# Any bytes, and bytes that get past the input checks to the extractor: markup (or a feed, or JSON)
# followed by random bytes without control characters.
PAGE_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.builds(lambda head, tail: head + tail.translate(None, CONTROL_BYTES),
              st.sampled_from([b"<html><body><p>", b"<p>", b"\xef\xbb\xbf<title>", b'{"title": "',
                               b"<?xml version='1.0'?><rss><channel><item><title>"]),
              st.binary(max_size=3000)))
URLS = st.sampled_from([None, "https://a.example/x/1", "http://[::1/x", "http://a.org:99999/"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGE_BYTES, URLS)
def test_fuzz_any_bytes(data: bytes, url: str | None) -> None:
    """The extractor itself, without the safety net that turns every exception into an InputError."""
    try:
        document = extract.__wrapped__(data, url)
    except InputError as error:
        check_refusal(error)
        return
    check_document(document, url)


FRAGMENTS = st.sampled_from([
    "<p>", "</p>", "<div class='comment'>", "</div>", "<h1>", "</h1>", "<br>", "Q: ", "A: ", "问：", "MR PRICE: ",
    "<a href='x'>", "</a>", "<li>", "<ul>", "</ul>", "<!--", "-->", "<script>var countPage = 3;</script>",
    "<meta charset='gbk'>", "<time datetime='2021-09-16'>", "2021年9月16日", "June13, 2018", "**Libya",
    "<article>", "</article>", "<table><tr><td>", "&nbsp;", "&#0;", "\u3000", "<![CDATA[", "<?xml version='1.0'?>",
    '<script type="application/ld+json">{"@graph": [{"@id": "x", "author": {"@id": "x"}}]}</script>',
    "<rss>", "<item>", "<title>", "</title>", "<link rel=canonical href='::bad::'>", "<html lang='zh-CN'>",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=60), URLS)
def test_fuzz_html_like_text(parts: list[str], url: str | None) -> None:
    """The pipeline itself (no safety net) handles arbitrary markup-like text."""
    data = ("<html><body>" + "".join(parts)).encode("utf-8", errors="surrogatepass")
    try:
        document = extract_checked(data, url, None)
    except InputError as error:
        check_refusal(error)
        return
    check_document(document, url)


def test_deeply_nested_markup() -> None:
    data = ("<div>" * 5000 + "<p>Deep text that is long enough to be counted as a paragraph of the body.</p>"
            + "</div>" * 5000).encode()
    document = extract(data)
    assert document.paragraphs == ["Deep text that is long enough to be counted as a paragraph of the body."]


def test_import_is_cheap() -> None:
    """briefarc.extract loads no heavy module (the CLI has a 0.35 s start-up budget)."""
    code = "import sys, briefarc.extract; print(','.join(sorted(m for m in sys.modules if m in " \
           "('lxml', 'trafilatura', 'charset_normalizer', 'chardet', 'rich', 'httpx', 'sqlite_utils'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_line_break_between_chinese_characters_is_no_space() -> None:
    from tests.conftest import SAMPLES

    page = (SAMPLES / "china-mfa-zh.html").read_bytes()
    original = extract(page)
    broken = page.replace("斐济外长".encode(), "斐济\n  外长".encode())  # inside the body
    assert broken != page and any("斐济外长" in paragraph for paragraph in original.paragraphs)
    assert extract(broken).paragraphs == original.paragraphs
    mixed = extract("<p>中方欢迎\nUnited Nations 的决定，\n并表示支持联合国的工作和倡议。</p>".encode())
    assert mixed.paragraphs == ["中方欢迎 United Nations 的决定，并表示支持联合国的工作和倡议。"]


def test_random_bytes_are_refused_as_binary() -> None:
    """helper-94: 55 of 4,000 random files of 2,000 bytes were archived as pages of garbled text (a few NULs and
    a tenth of control bytes passed both checks, and a '<p' among them made markup)."""
    import random

    rng = random.Random(7)
    archived = 0
    for _ in range(1000):
        data = bytes(rng.getrandbits(8) for _ in range(2000))
        try:
            extract(data, None)
            archived += 1
        except InputError as exc:
            assert str(exc).startswith(("binary data", "not HTML", "no text found"))
    assert archived == 0


def test_a_page_in_iso_2022_jp_and_one_with_a_stray_nul_are_read() -> None:
    text = "外務報道官会見記録。" * 40
    page = f'<html><head><meta charset="iso-2022-jp"><title>会見</title></head><body><p>{text}</p></body></html>'
    encoded = page.encode("iso-2022-jp")
    assert encoded.count(b"\x1b") > 0
    assert "外務報道官" in extract(encoded, None).body
    said = "The spokesperson said the talks would resume. " * 40
    stray = f"<html><body><p>{said}\x00</p></body></html>".encode()
    assert "talks would resume" in extract(stray, None).body
